"""``aligner batch --also FORMAT``: other reports per pair, export filters, decisions, verdicts."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from batch_data import PAIRS

from aligner.cli import main

FAST = ["--src-lang", "en", "--tgt-lang", "id", "--presegmented", "--workers", "1", "--encoder", "none"]


def test_other_formats_beside_each_json_report_and_verdicts_in_the_summary(manifest, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(manifest), "-o", str(out), *FAST, "--also", "tmx", "--also", "html"]) == 0
    for name in PAIRS:
        assert (out / f"{name}.json").is_file() and (out / f"{name}.tmx").is_file() and (out / f"{name}.html").is_file()
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert sum(summary["verdicts"].values()) == len(PAIRS)
    err = capsys.readouterr().err
    assert any(v in err for v in summary["verdicts"])
    # a second run reuses every pair: all outputs are there
    assert main(["batch", str(manifest), "-o", str(out), *FAST, "--also", "tmx"]) == 0
    assert f"{len(PAIRS)} skipped" in capsys.readouterr().err
    # asking for a format that is missing runs the pairs again
    assert main(["batch", str(manifest), "-o", str(out), *FAST, "--also", "tsv"]) == 0
    assert "0 skipped" in capsys.readouterr().err and (out / "rain.tsv").is_file()


def test_export_filters_apply_to_tmx(manifest, tmp_path):
    out = tmp_path / "out"
    assert main(["batch", str(manifest), "-o", str(out), *FAST, "--also", "tmx", "--min-fidelity", "1"]) == 0
    for name in PAIRS:
        assert list(ET.parse(out / f"{name}.tmx").iter("tu")) == []


def test_filters_without_a_tsv_or_tmx_output_are_refused(manifest, tmp_path, capsys):
    assert main(["batch", str(manifest), "-o", str(tmp_path / "out"), *FAST, "--exclude-flagged"]) == 2
    assert "add --also tsv or --also tmx" in capsys.readouterr().err


def test_accepted_flags_are_kept_out_of_every_pair(tmp_path, capsys):
    (tmp_path / "a.en").write_text("The price of rice rose 5 percent in May.\nShops closed early.\n", "utf-8")
    (tmp_path / "a.id").write_text("Harga beras naik 6 persen pada bulan Mei.\nToko tutup lebih awal.\n", "utf-8")
    manifest = tmp_path / "pairs.tsv"
    manifest.write_text("name\tsrc\ttgt\nprices\ta.en\ta.id\n", "utf-8")
    out = tmp_path / "out"
    assert main(["batch", str(manifest), "-o", str(out), *FAST]) == 0
    ids = [f["id"] for b in json.loads((out / "prices.json").read_text("utf-8"))["beads"] for f in b["flags"]]
    assert ids
    decisions = tmp_path / "d.json"
    decisions.write_text(json.dumps(ids), "utf-8")
    capsys.readouterr()
    assert main(["batch", str(manifest), "-o", str(out), *FAST, "--accept", str(decisions)]) == 0
    assert "no report reused" in capsys.readouterr().err
    assert [f for b in json.loads((out / "prices.json").read_text("utf-8"))["beads"] for f in b["flags"]] == []
