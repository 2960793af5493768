"""Property-based tests (hypothesis) of the public API's invariants.

- segment spans are in order, never overlap, slice back to the sentence text, and leave
  only whitespace outside them;
- beads are monotone and cover every sentence exactly once, on both sides;
- confidences and fidelity scores stay in [0, 1];
- the same input gives the same output (byte-identical JSON report).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import aligner
from aligner import render

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ("harga", "naik", "The", "price", "rose", "5", "3.5", "percent", "Dr.", "e.g.", "U.S.", "J.",
         "가격이", "올랐다", "价格", "上涨", "東京", "です", "Цены", "Straße", "café", "😀", "ﷺ", "\u05d0\u05d1",
         "e\u0301", "a\u200bb", "\u200f", "...", "?!", "«", "»", "“", "”", "(", ")", "-", "—", "1,000")
ENDS = (".", "!", "?", "…", "。", "！", "？", "", ".\"", ".)", "?»")
SEPARATORS = (" ", " ", " ", "\n", "\n\n", "\t", "  ", "\u00a0", "\u3000", "")

sentence = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
    st.sampled_from(ENDS),
)
structured_text = st.builds(
    lambda parts, seps: "".join(p + s for p, s in zip(parts, seps)),
    st.lists(sentence, min_size=1, max_size=12),
    st.lists(st.sampled_from(SEPARATORS), min_size=12, max_size=12),
)
raw_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"),
    min_size=1, max_size=300,
)
texts = st.one_of(structured_text, raw_text)
langs = st.sampled_from(["en", "id", "de", "ko", "zh", "ja", "fr", None])


def _document(text: str, lang: str | None) -> aligner.Document:
    assume(text.strip())
    return aligner.from_text(text, lang)


@SETTINGS
@given(texts, langs)
def test_spans_cover_the_text_in_order_and_slice_back(text, lang):
    doc = _document(text, lang)
    assert doc.text == text  # the input is never changed
    previous = 0
    for span, sentence_text in zip(doc.sentences, doc.sentence_texts):
        assert previous <= span.start < span.end <= len(text)
        assert sentence_text == text[span.start:span.end]
        assert not text[previous:span.start].strip()  # nothing but whitespace is skipped
        previous = span.end
    assert not text[previous:].strip()
    assert len(doc) >= 1


@SETTINGS
@given(texts)
def test_presegmented_gives_one_sentence_per_line(text):
    lines = [line for line in text.replace("\r", "").split("\n") if line.strip()]
    assume(lines)
    doc = aligner.from_text("\n".join(lines) + "\n", "en", presegmented=True)
    assert [t for t in doc.sentence_texts] == [line.strip() for line in lines]


pairs = st.tuples(texts, langs, texts, langs)


# Page furniture is kept in the DP here; test_bead_over_set_aside_boilerplate covers the default.
KEEP = aligner.Config(keep_boilerplate=True)


@SETTINGS
@given(pairs, st.integers(min_value=1, max_value=5))
def test_beads_are_monotone_and_cover_every_sentence_once(pair, max_bead):
    src = _document(pair[0], pair[1])
    tgt = _document(pair[2], pair[3])
    config = KEEP.with_(max_bead=max_bead)
    alignment = aligner.align(src, tgt, config)
    assert [i for b in alignment.beads for i in b.src] == list(range(len(src)))
    assert [j for b in alignment.beads for j in b.tgt] == list(range(len(tgt)))
    assert all(b.src or b.tgt for b in alignment.beads)
    assert all(0.0 <= b.confidence <= 1.0 for b in alignment.beads)


@pytest.mark.slow
@SETTINGS
@given(pairs)
def test_scores_stay_in_range_and_output_is_deterministic(pair):
    src = _document(pair[0], pair[1])
    tgt = _document(pair[2], pair[3])
    first = aligner.compare(src, tgt, KEEP)
    assert 0.0 <= first.fidelity <= 1.0
    assert len(first.scores) == len(first.alignment.beads)
    for bead, score in zip(first.alignment.beads, first.scores):
        assert 0.0 <= bead.confidence <= 1.0
        assert 0.0 <= score.fidelity <= 1.0
    again = aligner.compare(aligner.from_text(pair[0], pair[1]), aligner.from_text(pair[2], pair[3]), KEEP)
    assert render(first, "json") == render(again, "json")


def test_bead_over_set_aside_boilerplate():
    src = aligner.from_text("harga. ", "en")
    tgt = aligner.from_text("harga. harga. harga. 5.\nharga harga. ", "en")
    alignment = aligner.align(src, tgt)
    assert [j for b in alignment.beads for j in b.tgt] == list(range(len(tgt)))
