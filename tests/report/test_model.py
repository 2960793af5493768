"""The report model: evidence cut at offsets, summary figures, invariants."""

from __future__ import annotations

import dataclasses

import pytest

from aligner.report.model import HISTOGRAM_BINS, build_report, fidelity_band

from .conftest import IMG_SRC, SCRIPT_SRC, SCRIPT_TGT


def _all_sentences(report):
    for row in report.rows:
        yield from (("src", s) for s in row.src)
        yield from (("tgt", s) for s in row.tgt)


@pytest.mark.parametrize("name", ["hostile", "seed_comparison", "hostile_pipeline"])
def test_pieces_rebuild_every_sentence_from_offsets(request, name):
    c = request.getfixturevalue(name)
    report = build_report(c)
    seen = {"src": [], "tgt": []}
    for side, sent in _all_sentences(report):
        doc = c.src if side == "src" else c.tgt
        assert sent.text == doc.text[sent.start : sent.end] == doc.sentence_text(sent.index)
        assert all(p.text for p in sent.pieces)
        seen[side].append(sent.index)
    assert seen["src"] == list(range(len(c.src)))
    assert seen["tgt"] == list(range(len(c.tgt)))


def test_partial_evidence_is_cut_out_and_whole_evidence_kept_on_the_sentence(hostile):
    rows = build_report(hostile).rows
    first_src = rows[0].src[0]
    assert [p.text for p in first_src.pieces if p.flags] == [SCRIPT_SRC]
    assert first_src.whole == ()
    assert [p.text for p in rows[0].tgt[0].pieces if p.flags] == [SCRIPT_TGT]
    # bead 1: "rose 5%" (typography, flag 1) overlaps "5%" (number_mismatch, flag 0)
    pieces = [(p.text, p.flags) for p in rows[1].src[0].pieces]
    assert pieces == [(f"{IMG_SRC} Price | ", ()), ("rose ", (1,)), ("5%", (0, 1)), (" 🎉 today.", ())]
    assert rows[1].tgt[0].whole == (0,)
    assert [p.flags for p in rows[1].tgt[0].pieces] == [()]
    # omission: the whole source sentence is evidence
    assert rows[2].src[0].whole == (0,) and rows[2].tgt == ()


def test_evidence_outside_a_sentence_is_clipped(hostile):
    src = hostile.src
    a = src.sentences[3]
    from aligner.flags import Evidence, Flag

    # one span running from inside sentence 3 into sentence 4 of the same bead
    ev = Evidence("src", 3, a.end - 3, src.sentences[4].start + 4)
    flags = hostile.flags[:3] + ((Flag("truncation", "minor", "cut", (ev,)),),) + hostile.flags[4:]
    c = dataclasses.replace(hostile, flags=flags)
    row = build_report(c).rows[3]
    assert [p.text for p in row.src[0].pieces if p.flags] == [src.text[a.end - 3 : a.end]]
    assert [p.text for p in row.src[1].pieces if p.flags] == ["Part"]


def test_summary_figures(hostile):
    s = build_report(hostile).summary
    assert (s.src_lang, s.tgt_lang, s.n_src, s.n_tgt, s.n_beads) == ("en", "he", 6, 5, 6)
    # 5 content source sentences, one omitted; 4 content target sentences, one added
    assert s.coverage_src == pytest.approx(4 / 5, abs=1e-6)
    assert s.coverage_tgt == pytest.approx(3 / 4, abs=1e-6)
    assert dict(s.flag_counts) == {"addition": 1, "boilerplate": 1, "entity_mismatch": 1,
                                   "number_mismatch": 1, "omission": 1, "typography": 1}
    assert [k for k, _ in s.severity_counts] == ["info", "minor", "major"]
    assert dict(s.bead_kinds) == {"0-1": 1, "1-0": 1, "1-1": 3, "2-1": 1}
    assert len(s.histogram) == HISTOGRAM_BINS
    assert sum(s.histogram) == 5  # the boilerplate bead is left out
    assert s.histogram[9] == 1 and s.histogram[5] == 1 and s.histogram[7] == 1 and s.histogram[0] == 2
    assert s.n_flagged == 4 and s.n_flags == 6  # the boilerplate bead has only an info note: not flagged
    assert s.signature == hostile.signature


def test_rows_follow_beads(hostile):
    rows = build_report(hostile).rows
    assert [r.kind for r in rows] == ["1-1", "1-1", "1-0", "2-1", "0-1", "1-1"]
    assert [r.band for r in rows] == ["high", "fair", "low", "good", "low", "boilerplate"]
    assert rows[1].severity == "minor" and rows[3].severity is None
    assert rows[1].flag_types == ("number_mismatch", "typography")
    assert rows[0].parts == (("length", 0.9), ("semantic", 0.95))


@pytest.mark.parametrize("value, band", [(1.0, "high"), (0.85, "high"), (0.8499, "good"), (0.65, "good"),
                                         (0.45, "fair"), (0.25, "poor"), (0.2499, "low"), (0.0, "low")])
def test_fidelity_bands(value, band):
    assert fidelity_band(value) == band
