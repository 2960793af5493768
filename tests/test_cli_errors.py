"""CLI error handling: exit codes, exactly one stderr line, no traceback, atomic outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aligner import api
from aligner.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _run(argv, capsys):
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("argv", [
    ["compare", "only_one_file.txt"],          # a missing side
    ["align", "a.txt"],
    ["segment"],
    ["compare", "a", "b", "--format", "pdf"],
    ["compare", "a", "b", "--max-bead", "x"],
    ["bogus"],
    [],
])
def test_usage_errors_are_one_line_exit_2(argv, capsys):
    code, out, err = _run(argv, capsys)
    assert code == 2
    assert len(err.splitlines()) == 1 and err.startswith("aligner: error: ")
    assert "--help" in err


def test_missing_side_names_the_argument(capsys):
    code, _, err = _run(["compare", "only_one_file.txt"], capsys)
    assert code == 2 and "tgt" in err


@pytest.mark.parametrize("sub", ["segment", "align", "compare"])
@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "empty"),
    (b"\n \t\r\n", "whitespace"),
    ("\u200b\u200f".encode("utf-8"), "invisible"),
    (b"\x00\x01\x02\x03binary\xff\xfe\x00\x00", "binary"),
])
def test_bad_input_every_subcommand(sub, content, message, tmp_path, seed_paths, capsys):
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    argv = [sub, str(bad)] + ([] if sub == "segment" else [str(seed_paths["001"])])
    code, out, err = _run(argv, capsys)
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


def test_directory_as_second_side(tmp_path, seed_paths, capsys):
    code, _, err = _run(["compare", str(seed_paths["000"]), str(tmp_path)], capsys)
    assert code == 2 and "is a directory" in err and err.count("\n") == 1


def test_file_name_with_a_line_break_stays_one_line(tmp_path, capsys):
    code, _, err = _run(["segment", str(tmp_path / "a\nb.txt")], capsys)
    assert code == 2 and err.count("\n") == 1 and "a\\nb.txt" in err


def test_output_is_a_directory(tmp_path, seed_paths, capsys):
    code, _, err = _run(["compare", str(seed_paths["000"]), str(seed_paths["001"]), "-o", str(tmp_path)],
                        capsys)
    assert code == 2 and "is a directory" in err and err.count("\n") == 1


def test_presegmented_blank_line_is_one_line_error(tmp_path, seed_paths, capsys):
    src = tmp_path / "a.txt"
    src.write_text("One.\n\nTwo.\n", "utf-8")
    code, _, err = _run(["align", str(src), str(src), "--presegmented"], capsys)
    assert code == 2 and "line 2 is blank" in err and err.count("\n") == 1


def test_failed_run_keeps_existing_output(tmp_path, seed_paths, capsys):
    out = tmp_path / "r.json"
    out.write_text("previous report", "utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code, _, _ = _run(["compare", str(bad), str(seed_paths["001"]), "-o", str(out)], capsys)
    assert code == 2
    assert out.read_text("utf-8") == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "r.json"]  # no temp left


def test_internal_error_is_one_line_exit_1_and_keeps_output(monkeypatch, tmp_path, seed_paths, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(api, "compare", broken)
    out = tmp_path / "r.json"
    out.write_text("previous report", "utf-8")
    code, _, err = _run(["compare", str(seed_paths["000"]), str(seed_paths["001"]), "-o", str(out)], capsys)
    assert code == 1
    assert err.count("\n") == 1 and "internal error: RuntimeError: boom\\nsecond line" in err
    assert "Traceback" not in err
    assert out.read_text("utf-8") == "previous report"


def test_aligner_debug_shows_the_traceback(monkeypatch, seed_paths, capsys):
    monkeypatch.setattr(api, "compare", lambda *a, **k: 1 / 0)
    monkeypatch.setenv("ALIGNER_DEBUG", "1")
    code, _, err = _run(["compare", str(seed_paths["000"]), str(seed_paths["001"])], capsys)
    assert code == 1 and "Traceback" in err and "ZeroDivisionError" in err


def test_successful_run_replaces_output_atomically(tmp_path, seed_paths, capsys):
    out = tmp_path / "r.json"
    out.write_text("previous report", "utf-8")
    code, _, _ = _run(["compare", str(seed_paths["000"]), str(seed_paths["001"]), "-o", str(out)], capsys)
    assert code == 0
    assert json.loads(out.read_text("utf-8"))["beads"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]


def test_non_utf8_input_is_noted_on_stderr(tmp_path, capsys):
    path = tmp_path / "fr.txt"
    path.write_bytes("café crème brûlée est très bon.\r\n".encode("cp1252"))
    code, out, err = _run(["segment", str(path), "--lang", "fr"], capsys)
    assert code == 0
    assert out == "café crème brûlée est très bon.\n"
    assert err == f"aligner: note: {path} decoded as cp1252\n"


def test_utf8_input_prints_no_note(seed_paths, capsys):
    code, _, err = _run(["segment", str(seed_paths["001"])], capsys)
    assert code == 0 and err == ""


@pytest.mark.skipif(os.name != "posix", reason="needs a POSIX shell pipe")
def test_broken_pipe_is_silent(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("This is a sentence.\n" * 20000, "utf-8")
    proc = subprocess.run(
        f"'{sys.executable}' -m aligner segment '{big}' --lang en | head -n 1",
        shell=True, capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert proc.stdout == "This is a sentence.\n"
    assert proc.stderr == ""


def test_no_traceback_from_real_process(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00" * 64)
    proc = subprocess.run([sys.executable, "-m", "aligner", "segment", str(bad)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "binary" in proc.stderr


def test_unknown_encoder_is_a_one_line_config_error(seed_paths, capsys):
    code, _, err = _run(["compare", str(seed_paths["000"]), str(seed_paths["001"]), "--encoder", "bogus"],
                        capsys)
    assert code == 2 and err.count("\n") == 1 and "bogus" in err


@pytest.mark.parametrize("name, shown", [
    ("a\x1db.txt", "a\\x1db.txt"),          # fuzz finding: str.splitlines breaks at \x1c-\x1e, \x85
    ("a\u2028b.txt", "a\\u2028b.txt"),
    ("a\x1b]0;owned\x07.txt", "a\\x1b]0;owned\\x07.txt"),  # terminal escape sequence
    ("a\x85b.txt", "a\\x85b.txt"),
])
def test_control_characters_in_names_are_escaped(name, shown, tmp_path, capsys):
    code, _, err = _run(["segment", str(tmp_path / name)], capsys)
    assert code == 2
    assert len(err.splitlines()) == 1 and shown in err and "\x1b" not in err


def test_nul_in_paths_is_an_input_error(tmp_path, seed_paths, capsys):
    """Fuzz finding: a NUL in a path raised ValueError (exit 1). argv from a shell cannot
    hold NUL, but main(argv) called from Python can."""
    code, _, err = _run(["align", str(seed_paths["000"]), str(seed_paths["001"]), "-o", "a\x00b"], capsys)
    assert code == 2 and "NUL" in err and err.count("\n") == 1
    code, _, err = _run(["segment", "a\x00b.txt"], capsys)
    assert code == 2 and "NUL" in err and err.count("\n") == 1


@pytest.mark.parametrize("flag", ["--src-lang", "--tgt-lang"])
@pytest.mark.parametrize("value", ["e\x00n", "../../etc/passwd", "", "english language"])
def test_bad_language_codes_are_usage_errors(flag, value, seed_paths, capsys):
    """Fuzz finding: a NUL in --src-lang reached the abbreviation file lookup (ValueError, exit 1)."""
    code, _, err = _run(["align", str(seed_paths["000"]), str(seed_paths["001"]), flag, value], capsys)
    assert code == 2 and "language code" in err and len(err.splitlines()) == 1


def test_good_language_codes_pass(seed_paths, capsys):
    code, _, _ = _run(["segment", str(seed_paths["000"]), "--lang", "zh-Hant"], capsys)
    assert code == 0


def test_encoding_notes_never_precede_an_error(tmp_path, capsys):
    """Fuzz finding: 'decoded as cp1252' notes came before the error, making three lines."""
    path = tmp_path / "fr.txt"
    path.write_bytes("café crème brûlée est très bon.\n".encode("cp1252"))
    code, _, err = _run(["align", str(path), str(path), "-o", "x\x00y"], capsys)
    assert code == 2 and err.count("\n") == 1 and "NUL" in err
    code, _, err = _run(["compare", str(path), str(path), "-o", str(tmp_path)], capsys)
    assert code == 2 and err.count("\n") == 1 and "is a directory" in err
