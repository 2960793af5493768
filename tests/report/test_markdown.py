"""Markdown report: article text cannot break the table or inject HTML."""

from __future__ import annotations

import dataclasses

from markdown_it import MarkdownIt

from aligner.report import render
from aligner.report.markdown import md_cell


def _to_html(md: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(md)


def test_hostile_text_stays_text_and_table_keeps_its_shape(hostile):
    md = render(hostile, "md")
    html = _to_html(md)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "<a " not in html  # the [link](javascript:...) in the text stays text
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    # one header row + one row per flagged bead, each with exactly six cells
    rows = html.split("<tr>")[1:]
    flagged = sum(1 for f in hostile.flags if f)
    assert len(rows) == 1 + flagged
    assert all(r.count("<td") == 6 for r in rows[1:])
    assert rows[0].count("<th") == 6
    # the | inside the article text is in the cell, not a cell break
    assert "Price | rose 5%" in html
    assert "🎉" in html and "שלום" in html


def test_summary_lines(hostile):
    md = render(hostile, "md")
    head = md.split("\n\n")[0]
    assert "Document fidelity:** 0.610" in md
    assert "source 80.0%, target 75.0%" in md
    assert "omission 1" in md and "4 of 6 beads flagged" in md
    assert f"`{hostile.signature}`" in md
    assert "&lt;img" in head  # the hostile path is escaped in the heading too


def test_no_flags_says_so(hostile):
    quiet = dataclasses.replace(hostile, flags=tuple(() for _ in hostile.flags))
    md = render(quiet, "md")
    assert md.rstrip().endswith("No bead is flagged.") and "|---" not in md


def test_seed_lists_only_flagged_beads(seed_comparison):
    md = render(seed_comparison, "md")
    flagged = [k for k, f in enumerate(seed_comparison.flags) if f]
    body = [line for line in md.splitlines() if line.startswith("| ") and not line.startswith("| bead")]
    assert [int(line.split("|")[1]) for line in body] == flagged


def test_md_cell():
    assert md_cell("a | <b>\n*c*") == "a \\| &lt;b&gt; \\*c\\*"
    assert md_cell("x" * 10, limit=5) == "xxxx…"
    assert md_cell("&amp;") == "&amp;amp;"
