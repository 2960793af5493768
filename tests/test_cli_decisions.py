"""CLI decisions: --fail-on, --accept, export filters, standard input, progress, check."""

from __future__ import annotations

import io
import json
import sys
import xml.etree.ElementTree as ET

import pytest

from aligner.cli import main

SRC = "Harga naik 5 persen bulan lalu.\n\nPemerintah belum berkomentar soal angka itu.\n\nRakyat marah besar sekali hari ini di kota.\n"
TGT = "Prices rose 6 percent last month.\n\nThe government has not commented on the figures.\n"
FAST = ["--encoder", "none", "--src-lang", "id", "--tgt-lang", "en"]


@pytest.fixture
def pair(tmp_path):
    src, tgt = tmp_path / "src.txt", tmp_path / "tgt.txt"
    src.write_text(SRC, "utf-8")
    tgt.write_text(TGT, "utf-8")
    return str(src), str(tgt)


def _json(path):
    return json.loads(open(path, encoding="utf-8").read())


def _flags(report):
    return [f for b in report["beads"] for f in b["flags"]]


def test_fail_on_major_exits_one_and_says_why(pair, tmp_path, capsys):
    out = tmp_path / "r.json"
    assert main(["compare", *pair, *FAST, "-o", str(out)]) == 0
    assert any(f["severity"] == "major" for f in _flags(_json(out)))
    assert main(["compare", *pair, *FAST, "-o", str(out), "--fail-on", "major"]) == 1
    assert "severity major or above remain (--fail-on major)" in capsys.readouterr().err


def test_fail_on_passes_when_nothing_at_that_level(tmp_path):
    src, tgt = tmp_path / "s.txt", tmp_path / "t.txt"
    src.write_text("Pemerintah belum berkomentar soal angka itu.\n", "utf-8")
    tgt.write_text("The government has not commented on the figures.\n", "utf-8")
    assert main(["compare", str(src), str(tgt), *FAST, "-o", str(tmp_path / "r.json"), "--fail-on", "major"]) == 0


def test_accept_keeps_accepted_flags_out_and_says_how_many(pair, tmp_path, capsys):
    out = tmp_path / "r.json"
    main(["compare", *pair, *FAST, "-o", str(out)])
    flags = _flags(_json(out))
    majors = [f["id"] for f in flags if f["severity"] == "major"]
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps({"format": "aligner-decisions", "version": 1,
                                     "accepted": [{"id": i} for i in majors]}), "utf-8")
    capsys.readouterr()
    code = main(["compare", *pair, *FAST, "-o", str(out), "--accept", str(decisions), "--fail-on", "major"])
    err = capsys.readouterr().err
    assert code == 0
    assert f"{len(majors)} accepted flag(s) kept out" in err
    assert not any(f["id"] in majors for f in _flags(_json(out)))


def test_a_bad_decisions_file_is_exit_two(pair, tmp_path, capsys):
    bad = tmp_path / "d.json"
    bad.write_text("{not json", "utf-8")
    assert main(["compare", *pair, *FAST, "--accept", str(bad)]) == 2
    assert "not a decisions file" in capsys.readouterr().err


def test_export_filters_keep_confident_clean_units(pair, tmp_path, capsys):
    out = tmp_path / "r.tmx"
    assert main(["compare", *pair, *FAST, "--format", "tmx", "-o", str(out)]) == 0
    all_units = len(list(ET.parse(out).iter("tu")))
    assert main(["compare", *pair, *FAST, "--format", "tmx", "-o", str(out), "--exclude-flagged"]) == 0
    kept = list(ET.parse(out).iter("tu"))
    assert len(kept) < all_units
    assert all(not any(p.get("type") == "x-flags" for p in tu.iter("prop")) for tu in kept)
    assert f"exported {len(kept)} of {all_units} units" in capsys.readouterr().err
    out_tsv = tmp_path / "r.tsv"
    assert main(["compare", *pair, *FAST, "--format", "tsv", "-o", str(out_tsv), "--min-fidelity", "1"]) == 0
    assert out_tsv.read_text("utf-8").count("\n") == 1  # the header alone


def test_filters_on_other_formats_are_refused_before_work(pair, capsys):
    assert main(["compare", *pair, *FAST, "--format", "json", "--exclude-flagged"]) == 2
    assert "apply to --format tsv or tmx" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", *pair, *FAST, "--format", "tmx", "--min-confidence", "2"])
    assert exit_info.value.code == 2


def test_standard_input_for_one_side(pair, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SRC.encode("utf-8"))))
    assert main(["align", "-", pair[1], *FAST]) == 0
    assert len(capsys.readouterr().out.splitlines()) >= 2


def test_standard_input_for_both_sides_is_refused(capsys):
    assert main(["align", "-", "-", *FAST]) == 2
    assert "only one of SRC and TGT" in capsys.readouterr().err


def test_no_progress_bar_when_stderr_is_not_a_terminal(pair, capsys):
    assert main(["align", *pair, *FAST]) == 0
    assert capsys.readouterr().err == ""


def _stderr_captured(monkeypatch) -> io.StringIO:
    """A stream that stands in for standard error (set inside the test, after pytest's own capture)."""
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    return stream


def test_progress_bar_on_a_terminal(monkeypatch):
    import time

    from aligner import progress

    stream = _stderr_captured(monkeypatch)
    with progress.terminal_bar(True, delay=0.0):
        with progress.step("aligning"):
            time.sleep(0.7)
        with progress.step("flagging", total=3) as s:
            s.advance(3)
            time.sleep(0.7)
    text = stream.getvalue()
    assert "aligner: aligning" in text and "aligner: flagging 3/3" in text


def test_check_a_po_file(tmp_path, capsys):
    pytest.importorskip("translate.storage")
    po = tmp_path / "a.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Harga naik 5 persen."\nmsgstr "Prices rose 6 percent."\n'
                  '\nmsgid "Pemerintah diam."\nmsgstr ""\n', "utf-8")
    out = tmp_path / "r.tsv"
    assert main(["check", str(po), "--encoder", "none", "--src-lang", "id", "--format", "tsv", "-o", str(out)]) == 0
    rows = out.read_text("utf-8").splitlines()[1:]
    assert len(rows) == 2 and "number_mismatch" in rows[0] and rows[1].endswith("omission")
    assert main(["check", str(po), "--encoder", "none", "--src-lang", "id", "--fail-on", "major"]) == 1


def test_finish_takes_the_bar_off_before_results(monkeypatch):
    import time

    from aligner import progress

    stream = _stderr_captured(monkeypatch)
    with progress.terminal_bar(True, delay=0.0):
        with progress.step("aligning"):
            time.sleep(0.6)
        progress.finish()
        drawn = stream.getvalue()
        with progress.step("flagging", total=2) as s:
            s.advance(2)
            time.sleep(0.6)
    assert "aligner: aligning" in drawn and stream.getvalue() == drawn  # nothing drawn after finish()
