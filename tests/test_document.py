import pytest

from aligner import Document, Span


def test_sentence_text_is_a_slice_of_the_document():
    doc = Document("Hi. Bye now.", "en", (Span(0, 3), Span(4, 12)))
    assert doc.sentence_texts == ("Hi.", "Bye now.")
    assert [doc.text[s.start:s.end] for s in doc.sentences] == list(doc.sentence_texts)


@pytest.mark.parametrize("spans, message", [
    ((Span(0, 3), Span(2, 5)), "before the previous one ends"),
    ((Span(0, 30),), "beyond the text length"),
])
def test_bad_spans_are_rejected_with_the_values(spans, message):
    with pytest.raises(ValueError, match=message):
        Document("Hi. Bye now.", "en", spans)


def test_span_validation():
    with pytest.raises(ValueError, match=r"\[5, 5\)"):
        Span(5, 5)
    with pytest.raises(ValueError, match="kind"):
        Span(0, 1, kind="menu")
