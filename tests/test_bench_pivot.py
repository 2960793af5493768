"""bench/pivot_pairs.py rebuilds the gold of a pair without English from two en-X golds."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from pivot_pairs import masked, original_english, pivot_doc  # noqa: E402
from _aligndata import Doc  # noqa: E402

ORIGINAL = ["A one.", "B two.", "C three.", "D four."]


def _doc(lang: str, en: list[str], tgt: list[str], gold: list) -> Doc:
    return Doc("t", "d", Path("x"), Path("y"), "en", lang, tuple(en), tuple(tgt),
               tuple((tuple(s), tuple(t)) for s, t in gold))


def test_originals_are_lines_of_three_pairs_and_no_merge_of_them():
    variants = [tuple(ORIGINAL), tuple(ORIGINAL), ("A one. B two.", "C three.", "D four."),
                ("A one. B two.", "C three.", "D four."), ("A one. B two.", "C three.", "Stray.", "D four."),
                tuple(ORIGINAL)]
    assert original_english(variants) == ORIGINAL


def test_merges_drops_and_insertions_compose_through_the_originals():
    # en-X: English 0-1 merged, one X line each; English 'C' dropped (X line 2 alone); X inserted a stray
    x = _doc("xx", ["A one. B two.", "D four."], ["xa", "xb", "xc", "stray", "xd"],
             [((0,), (0, 1)), ((), (2,)), ((), (3,)), ((1,), (4,))])
    # en-Y: Y merged C and D into one line, and dropped the translation of B
    y = _doc("yy", ORIGINAL, ["ya", "ycd"], [((0,), (0,)), ((1,), ()), ((2, 3), (1,))])
    doc, unclear = pivot_doc(x, y, ORIGINAL)
    assert doc.src_lang == "xx" and doc.tgt_lang == "yy"
    assert set(doc.gold) == {((0,), (0,)), ((1,), ()), ((2, 4), (1,)), ((3,), ())}
    assert unclear == []


def test_an_ambiguous_bead_is_set_aside_with_what_lies_inside_it():
    # three originals in one English line against two X lines: which holds which is unknown
    x = _doc("xx", ["A one. B two. C three.", "D four."], ["x1", "x2", "xd"], [((0,), (0, 1)), ((1,), (2,))])
    y = _doc("yy", ORIGINAL, ["ya", "yb", "yc", "yd"], [((i,), (i,)) for i in range(4)])
    doc, unclear = pivot_doc(x, y, ORIGINAL)
    assert unclear == [((0, 1), (0, 1, 2))]
    system = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    kept_system, kept_gold = masked(system, doc.gold, unclear)
    assert kept_system == [((2,), (3,))] and kept_gold == [((2,), (3,))]
