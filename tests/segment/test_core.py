"""Invariants of segmentation: spans are trimmed slices, in order, one paragraph per line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.segment import make_document, segment

ALPHABET = st.sampled_from(list("abc XYZ.!?。？\n\"”」다요1,:;…") + ["Dr.", "z.B.", " \n", "\t"])


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join), st.sampled_from(["id", "en", "de", "ko", "zh", "ja", "fr"]))
def test_spans_are_trimmed_ordered_slices(text, lang):
    spans = segment(text, lang)
    previous_end = 0
    for span in spans:
        piece = text[span.start : span.end]
        assert piece and piece == piece.strip()
        assert "\n" not in piece
        assert span.start >= previous_end
        previous_end = span.end
    # Every non-space character is inside exactly one span.
    covered = sum(len(text[s.start : s.end].replace(" ", "").replace("\t", "")) for s in spans)
    assert covered == len(text.replace(" ", "").replace("\t", "").replace("\n", ""))


def test_paragraphs_are_lines():
    text = "First line. Second sentence.\n\nSecond paragraph\nThird one."
    spans = segment(text, "en")
    assert [(text[s.start : s.end], s.paragraph) for s in spans] == [
        ("First line.", 0), ("Second sentence.", 0), ("Second paragraph", 1), ("Third one.", 2)]


def test_offsets_point_into_the_original_text():
    text = "  Hallo Welt.  Wie geht es?  "
    doc = make_document(text, "de")
    assert doc.sentence_texts == ("Hallo Welt.", "Wie geht es?")
    assert doc.text is text


def test_unknown_language_uses_generic_rules():
    assert [(s.start, s.end) for s in segment("Hi there. Bye.", "xx")] == [(0, 9), (10, 14)]
