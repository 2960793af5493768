"""The CLI contract used by benchmarks: exact forms and exit codes."""

from __future__ import annotations

import json
import re

import pytest

from aligner.cli import main


def test_compare_seed_pair_gives_fifteen_one_to_one_beads(seed_paths, tmp_path):
    out = tmp_path / "r.json"
    assert main(["compare", str(seed_paths["000"]), str(seed_paths["001"]), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert data["schema_version"]
    beads = data["beads"]
    assert [(b["src"], b["tgt"]) for b in beads] == [([i], [i]) for i in range(15)]
    for b in beads:
        assert 0.0 <= b["confidence"] <= 1.0 and 0.0 <= b["fidelity"] <= 1.0
        for f in b["flags"]:
            assert {"type", "severity", "message"} <= set(f)


def test_align_prints_vecalign_beads(seed_paths, capsys):
    assert main(["align", str(seed_paths["000"]), str(seed_paths["001"]), "--format", "beads"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 15
    assert all(re.fullmatch(r"\[\d+(, \d+)*\]:\[\d+(, \d+)*\]:\d\.\d{3}", line) for line in lines)


def test_segment_prints_paragraphs_separated_by_blank_lines(seed_paths, capsys):
    assert main(["segment", str(seed_paths["001"]), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    paragraphs = out.strip("\n").split("\n\n")
    assert len(paragraphs) == 5
    assert sum(len(p.splitlines()) for p in paragraphs) == 15


def test_presegmented_keeps_lines(tmp_path, capsys):
    src = tmp_path / "a.en"
    tgt = tmp_path / "a.id"
    src.write_text("The price rose 5%. Really.\nThe minister resigned.\n", "utf-8")
    tgt.write_text("Harga naik 5%. Sungguh.\nMenteri mengundurkan diri.\n", "utf-8")
    assert main(["align", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", "id", "--presegmented"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [l.rsplit(":", 1)[0] for l in lines] == ["[0]:[0]", "[1]:[1]"]


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "empty"),
    (b"  \n\t\n", "whitespace"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00", "binary"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, seed_paths, content, message):
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    code = main(["compare", str(bad), str(seed_paths["001"]), "--format", "json", "-o", str(tmp_path / "o.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o.json").exists()


def test_directory_input_exits_2(tmp_path, capsys):
    assert main(["segment", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err


def test_demo_writes_every_format(tmp_path, capsys):
    assert main(["demo", "-o", str(tmp_path)]) == 0
    names = sorted(p.suffix for p in tmp_path.iterdir())
    assert names == [".html", ".json", ".md", ".tmx", ".tsv"]
