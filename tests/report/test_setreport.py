"""Set reports: the JSON contract, escaping, links to pair reports."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from aligner import ConfigError, from_text
from aligner.compare.multiset import compare_set
from aligner.report.setreport import render_set, write_set_report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "compare"))
from fake_encoder import FakeEncoder  # noqa: E402


@pytest.fixture()
def small_set():
    tags = [f"t{k}" for k in range(5)]
    en = from_text(" ".join(f"The <b>story</b> part|#{t} here." for t in tags), "en", path="in/en.txt")
    idn = from_text(" ".join(f"Bagian #{t} cerita ini." for t in tags), "id", path="in/id.txt")
    other = from_text("Something #o1 else. Entirely #o2 different.", "en", path="in/other.txt")
    return compare_set([en, idn, other], encoder=FakeEncoder())


def test_json_contract(small_set):
    data = json.loads(render_set(small_set, "json"))
    assert data["kind"] == "set" and data["schema_version"]
    assert [(d["path"], d["lang"]) for d in data["documents"]] == [
        ("in/en.txt", "en"), ("in/id.txt", "id"), ("in/other.txt", "en")]
    pairs = {(p["a"], p["b"]): p for p in data["pairs"]}
    assert set(pairs) == {("in/en.txt", "in/id.txt"), ("in/en.txt", "in/other.txt"), ("in/id.txt", "in/other.txt")}
    t = pairs[("in/en.txt", "in/id.txt")]
    assert t["relation"] == "translation" and 0.0 <= t["similarity"] <= 1.0
    assert len(t["comparison"]["beads"]) == 5
    assert all(p["relation"] in ("translation", "related", "unrelated") for p in data["pairs"])
    assert data["groups"][0]["members"] == ["in/en.txt", "in/id.txt"]


def test_html_escapes_text_and_links_pair_reports(small_set, tmp_path):
    written = write_set_report(small_set, "html", tmp_path / "set.html")
    assert [p.name for p in written] == ["set.html", "set.pair-0-1.html"]
    html = written[0].read_text("utf-8")
    assert "<b>story</b>" not in html and "&lt;b&gt;story&lt;/b&gt;" in html
    assert 'href="./set.pair-0-1.html"' in html
    assert written[1].exists()


def test_markdown_escapes_pipes(small_set):
    md = render_set(small_set, "md")
    assert "part\\|" in md and "<b>" not in md


def test_unknown_format(small_set, tmp_path):
    with pytest.raises(ConfigError, match="json"):
        render_set(small_set, "tmx")
    with pytest.raises(ConfigError):
        write_set_report(small_set, "tsv", tmp_path / "x.tsv")
    assert not (tmp_path / "x.tsv").exists()


def test_pair_links_are_safe_relative_names(small_set, tmp_path):
    """Issue 22 case 6: ``-o 'javascript:alert(1)<!--x.html'`` gave a ``javascript:`` link."""
    for fmt in ("html", "md"):
        written = write_set_report(small_set, fmt, tmp_path / f"javascript:alert(1)<!--x.{fmt}")
        pair = written[1].name
        assert pair == f"javascript_alert_1_--x.pair-0-1.{fmt}"
        text = written[0].read_text("utf-8")
        assert f"./{pair}" in text
        assert 'href="javascript' not in text and "](javascript" not in text
