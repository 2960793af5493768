"""The compare-set subcommand: output files and one-line errors with exit code 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from aligner.cli import main
from aligner.embed.base import register_encoder

sys.path.insert(0, str(Path(__file__).resolve().parent / "compare"))
from fake_encoder import FakeEncoder  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def _fake():
    register_encoder("fake-test", FakeEncoder)  # type: ignore[arg-type]


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(" ".join(f"Part #p{k} of the story." for k in range(4)), "utf-8")
    (tmp_path / "b.txt").write_text(" ".join(f"Bagian #p{k} dari cerita ini." for k in range(4)), "utf-8")
    (tmp_path / "c.txt").write_text("Weather #w1 was fine. Nobody #w2 came.", "utf-8")
    return tmp_path


def test_compare_set_json(folder, capsys):
    files = [str(folder / n) for n in ("a.txt", "b.txt", "c.txt")]
    out = folder / "out" / "set.json"
    assert main(["compare-set", *files, "--fingerprint-encoder", "fake-test", "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert [d["path"] for d in data["documents"]] == files
    rel = {(p["a"], p["b"]): p["relation"] for p in data["pairs"]}
    assert rel[(files[0], files[1])] == "translation"
    assert rel[(files[0], files[2])] == "unrelated"
    assert "1 translation" in capsys.readouterr().err


def test_compare_set_html_writes_pair_reports(folder):
    files = [str(folder / n) for n in ("a.txt", "b.txt", "c.txt")]
    assert main(["compare-set", *files, "--fingerprint-encoder", "fake-test", "--format", "html",
                 "-o", str(folder / "r" / "set.html")]) == 0
    assert sorted(p.name for p in (folder / "r").iterdir()) == ["set.html", "set.pair-0-1.html"]


@pytest.mark.parametrize("args, message", [
    (["a.txt"], "at least two"),
    (["a.txt", "a.txt"], "given twice"),
    (["a.txt", "missing.txt"], "no such file"),
])
def test_bad_input_exits_2_with_one_line(folder, capsys, args, message):
    code = main(["compare-set", *[str(folder / a) for a in args], "--fingerprint-encoder", "fake-test",
                 "-o", str(folder / "o.json")])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (folder / "o.json").exists()


def test_encoder_none_is_a_config_error(folder, capsys):
    code = main(["compare-set", str(folder / "a.txt"), str(folder / "b.txt"), "--fingerprint-encoder", "none"])
    assert code == 2 and "encoder" in capsys.readouterr().err


def test_a_folder_stands_for_its_files(folder):
    out = folder.parent / "folder-set.json"
    assert main(["compare-set", str(folder), "--fingerprint-encoder", "fake-test", "-o", str(out)]) == 0
    data = json.loads(out.read_text("utf-8"))
    assert [d["path"] for d in data["documents"]] == [str(folder / n) for n in ("a.txt", "b.txt", "c.txt")]
