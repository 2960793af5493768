"""The writer registry, atomic writes and the CLI's --format choices."""

from __future__ import annotations

import json
import os
import stat

import pytest

from aligner.cli import main
from aligner.errors import ConfigError
from aligner.report import FORMATS, render, write_report
from aligner.report.writers import _umask


def test_registry_lists_every_format():
    assert sorted(FORMATS) == ["html", "json", "md", "tmx", "tsv"]


def test_unknown_format_names_the_valid_ones(hostile):
    with pytest.raises(ConfigError, match=r"unknown report format 'pdf'.*'html'.*'tsv'"):
        render(hostile, "pdf")


def test_write_report_replaces_atomically_and_is_readable(hostile, tmp_path):
    target = tmp_path / "sub" / "r.json"
    write_report(hostile, "json", target)
    first = target.read_text("utf-8")
    write_report(hostile, "json", target)
    assert target.read_text("utf-8") == first
    assert [p.name for p in target.parent.iterdir()] == ["r.json"]  # no temporary left behind
    # an ordinary file (0666 less the umask), not mkstemp's private 0600
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o666 & ~_umask()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_compare_writes_each_format(fmt, tmp_path, capsys):
    out = tmp_path / f"r.{fmt}"
    src, tgt = "seeds/000_ae4071aa207af74f.txt", "seeds/001_2f5c058692c94630.txt"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    code = main(["compare", os.path.join(root, src), os.path.join(root, tgt), "--format", fmt, "-o", str(out)])
    assert code == 0
    text = out.read_text("utf-8")
    assert text.endswith("\n") and len(text) > 200
    if fmt == "json":
        assert len(json.loads(text)["beads"]) == 15
    assert "fidelity" in capsys.readouterr().err


def test_cli_rejects_an_unknown_format(tmp_path, capsys):
    code = None
    with pytest.raises(SystemExit) as exc:
        code = main(["compare", "a", "b", "--format", "pdf"])
    assert exc.value.code == 2 and code is None
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_lone_surrogates_are_replaced_one_for_one(fmt, tmp_path):
    import aligner

    src = aligner.from_text("Harga naik \udc80 lima persen. Bagus.", "id")
    tgt = aligner.from_text("Prices rose five percent. Good.", "en")
    out = tmp_path / f"r.{fmt}"
    write_report(aligner.compare(src, tgt), fmt, out)
    text = out.read_text("utf-8")
    assert "\udc80" not in text
    if fmt == "json":
        data = json.loads(text)
        assert data["source"]["text"] == src.text.replace("\udc80", "\ufffd")
        first = data["source"]["sentences"][0]
        assert data["source"]["text"][first["start"] : first["end"]] == first["text"]
