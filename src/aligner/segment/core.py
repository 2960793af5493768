"""Rule-based segmentation into half-open spans, paragraph by paragraph.

A paragraph is the text between line breaks. Inside a paragraph, boundaries come from the
language's rules (:mod:`aligner.segment.rules`); afterwards each sentence is classified as
content or boilerplate (:mod:`aligner.segment.boilerplate`).
"""

from __future__ import annotations

from ..document import CONTENT, Document, Span
from ..mojibake import mojibake_repair
from .boilerplate import classify_spans
from .rules import rules_for_text, split_paragraph

__all__ = ["segment", "make_document", "presegmented_spans", "paragraph_ranges", "fallback_note"]


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-blank line, stripped of surrounding whitespace."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            ranges.append((pos + lead, pos + lead + len(stripped)))
        pos = end + 1
    return ranges


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def segment(text: str, lang: str, *, mark_boilerplate: bool = True) -> tuple[Span, ...]:
    """Split ``text`` into sentence spans.

    Args:
        text: the whole document text.
        lang: a language code (BCP-47: ``en``, ``pt-BR``, ``sr-Latn``); a language the tables
            lack gets the punctuation rules of the text's script.
        mark_boilerplate: classify page furniture as ``kind="boilerplate"``.

    Example:
        >>> [(s.start, s.end) for s in segment("Hi there. Bye.", "en")]
        [(0, 9), (10, 14)]
    """
    spans: list[Span] = []
    rules = rules_for_text(lang, text)
    for p_index, (p_start, p_end) in enumerate(paragraph_ranges(text)):
        # a paragraph with encoding damage is kept whole: its marks cannot be read (Greek
        # "η" misread as Windows-1252 is "Î·", a middle dot, one of Greek's stops)
        damaged = mojibake_repair(text[p_start:p_end]) is not None
        pieces = [(p_start, p_end)] if damaged else split_paragraph(text, p_start, p_end, lang, rules)
        for s_start, s_end in pieces:
            trimmed = _trimmed(text, s_start, s_end)
            if trimmed:
                spans.append(Span(trimmed[0], trimmed[1], p_index, CONTENT))
    result = tuple(spans)
    if mark_boilerplate:
        result = classify_spans(text, result, lang)
    return result


def fallback_note(lang: str, text: str) -> str | None:
    """A one-line note when ``lang`` has no segmentation conventions of its own (its text's
    script's rules are used instead), else ``None``."""
    from ..conventions import conventions_for_text

    conv = conventions_for_text(lang, text)
    if conv.known:
        return None
    return (f"no segmentation rules for language {lang!r}: using the punctuation rules of "
            f"{conv.script} script and the generic model")


def presegmented_spans(text: str) -> tuple[Span, ...]:
    """One span per line, kept as given (line ``i`` is sentence ``i``; blank lines raise).

    Paragraph indices are all 0: a pre-segmented file has one sentence per line and no
    paragraph marks.
    """
    spans: list[Span] = []
    pos = 0
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        trimmed = _trimmed(text, pos, pos + len(line))
        if trimmed is None:
            from ..errors import InputError

            raise InputError(
                f"line {number} is blank; a pre-segmented file needs one sentence on every line"
            )
        spans.append(Span(trimmed[0], trimmed[1], 0, CONTENT))
        pos += len(line) + 1
    return tuple(spans)


def make_document(
    text: str,
    lang: str | None = None,
    *,
    presegmented: bool = False,
    path: str | None = None,
    encoding: str | None = None,
) -> Document:
    """Build a segmented ``Document`` from text; the language is detected when not given."""
    from ..language import check_language_code, detect_language

    lang = detect_language(text) if lang is None else check_language_code(lang)
    spans = presegmented_spans(text) if presegmented else segment(text, lang)
    return Document(text, lang, spans, path, encoding)
