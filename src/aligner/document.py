"""``Document``: a text, its language, and its sentences as character spans into that text.

Offsets are the source of truth. Every span is half-open, ``[start, end)``: ``end`` is the
index of the first character after the span. A sentence's text is always
``document.text[span.start:span.end]``; it is computed, never stored, so it cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

__all__ = ["Span", "Document", "CONTENT", "BOILERPLATE", "SPAN_KINDS"]

CONTENT = "content"
BOILERPLATE = "boilerplate"
SPAN_KINDS = (CONTENT, BOILERPLATE)


@dataclass(frozen=True)
class Span:
    """One sentence (or one piece of page furniture): ``[start, end)`` into ``Document.text``.

    Attributes:
        start: offset of the first character.
        end: offset of the first character after the sentence.
        paragraph: 0-based index of the paragraph the sentence belongs to.
        kind: ``"content"`` or ``"boilerplate"`` (navigation, menus, forum chrome ...).
    """

    start: int
    end: int
    paragraph: int = 0
    kind: str = CONTENT

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise ValueError(f"span must satisfy 0 <= start < end, got [{self.start}, {self.end})")
        if self.kind not in SPAN_KINDS:
            raise ValueError(f"span kind must be one of {SPAN_KINDS}, got {self.kind!r}")
        if self.paragraph < 0:
            raise ValueError(f"paragraph index must be >= 0, got {self.paragraph}")


@dataclass(frozen=True)
class Document:
    """A text in one language with its sentence spans.

    Attributes:
        text: the decoded original text (line endings normalised to ``\\n``).
        lang: ISO 639-1 code (``"id"``, ``"en"``, ``"de"``, ``"ko"``, ``"zh"``, ``"ja"`` ...).
        sentences: spans in text order, non-overlapping.
        path: where the text came from, if it came from a file.
        encoding: the encoding the file was decoded from, if known.
        replaced: byte offsets of invalid UTF-8 sequences replaced by U+FFFD when the file was
            UTF-8 but for a few bytes (see :func:`aligner.io.decode_bytes`); usually empty.
        origin: how ``text`` was obtained when it is not the file as written (``"HTML page,
            main text extracted by trafilatura ..."``); offsets index ``text`` all the same.

    Example:
        >>> doc = Document("Hi. Bye.", "en", (Span(0, 3), Span(4, 8)))
        >>> doc.sentence_texts
        ('Hi.', 'Bye.')
    """

    text: str
    lang: str
    sentences: tuple[Span, ...] = field(default_factory=tuple)
    path: str | None = None
    encoding: str | None = None
    replaced: tuple[int, ...] = ()
    origin: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.sentences, tuple):
            object.__setattr__(self, "sentences", tuple(self.sentences))
        previous_end = 0
        for i, span in enumerate(self.sentences):
            if span.end > len(self.text):
                raise ValueError(
                    f"sentence {i} ends at {span.end}, beyond the text length {len(self.text)}"
                )
            if span.start < previous_end:
                raise ValueError(
                    f"sentence {i} starts at {span.start}, before the previous one ends ({previous_end})"
                )
            previous_end = span.end

    def __len__(self) -> int:
        return len(self.sentences)

    def sentence_text(self, index: int) -> str:
        """The text of sentence ``index`` (a slice of ``self.text``)."""
        span = self.sentences[index]
        return self.text[span.start : span.end]

    @cached_property
    def sentence_texts(self) -> tuple[str, ...]:
        """The text of every sentence, in order."""
        return tuple(self.text[s.start : s.end] for s in self.sentences)

    @cached_property
    def content_indices(self) -> tuple[int, ...]:
        """Indices of sentences whose kind is ``"content"``."""
        return tuple(i for i, s in enumerate(self.sentences) if s.kind == CONTENT)

    @cached_property
    def paragraphs(self) -> tuple[tuple[int, ...], ...]:
        """Sentence indices grouped by paragraph, in order."""
        groups: dict[int, list[int]] = {}
        for i, s in enumerate(self.sentences):
            groups.setdefault(s.paragraph, []).append(i)
        return tuple(tuple(v) for _, v in sorted(groups.items()))

    def with_sentences(self, sentences: tuple[Span, ...]) -> "Document":
        """A copy of this document with other spans (same text, language and path)."""
        return Document(self.text, self.lang, tuple(sentences), self.path, self.encoding, self.replaced, self.origin)
