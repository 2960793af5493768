"""``Side``: one side of a bead as one slice of its document, with offsets back into it."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

import regex

from ..document import Document
from ..flags import Evidence

__all__ = ["EMAIL", "ENTITY", "MASK", "PATH", "PLACEHOLDER", "TAG", "URL", "Side"]

#: Stands in for each character of a URL, e-mail, path, tag or placeholder in ``Side.masked``.
MASK = "\x1a"

URL = regex.compile(r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'«»“”‘’()\[\]{}]+?(?=[.,;:!?]*(?:[\s<>\"'«»“”‘’()\[\]{}]|$))")
EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}")
PATH = regex.compile(r"(?<![\w/:.~\\])(?:[A-Za-z]:\\(?:[\w.-]+\\)*[\w.-]*[\w-]|~?/(?:[\w.-]+/)+(?:[\w.-]*[\w-])?|~/[\w.-]*[\w-])")
PLACEHOLDER = regex.compile(
    r"\{\{\s*[\w.]+\s*\}\}|\$\{[\w.]+\}|\{\d+(?:,[^{}\s]*)?\}|\{[A-Za-z_][\w.]*(?:![rsa])?(?::[^{}\s]*)?\}"
    r"|(?<![\p{N}%])%(?:\d+\$)?(?:\(\w+\))?[-+#0]*(?:\d+|\*)?(?:\.\d+)?(?:hh|ll|[hlLzjt])?[diouxXeEfFgGcsrpa@]"
    r"(?![\p{L}])|%%")
TAG = regex.compile(r"</?[A-Za-z][\w:.-]*(?:\s+[^<>]*?)?/?>")
ENTITY = regex.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")

_MASKED = (URL, EMAIL, PATH, TAG, PLACEHOLDER, ENTITY)


@dataclass(frozen=True)
class Side:
    """One side of a bead: the sentences ``ids`` of ``doc`` as one slice of ``doc.text``.

    ``text`` runs from the first sentence's start to the last one's end, so an offset ``k``
    into it is the document offset ``base + k``; :meth:`evidence` turns local spans into
    :class:`~aligner.flags.Evidence`.
    """

    doc: Document
    side: str
    ids: tuple[int, ...]

    @cached_property
    def base(self) -> int:
        """Document offset of ``text[0]``."""
        return self.doc.sentences[self.ids[0]].start if self.ids else 0

    @cached_property
    def text(self) -> str:
        """The bead's text on this side (empty for an empty side)."""
        if not self.ids:
            return ""
        return self.doc.text[self.base : self.doc.sentences[self.ids[-1]].end]

    @cached_property
    def masked(self) -> str:
        """``text`` with URLs, e-mails, paths, tags, placeholders and entities replaced by ``MASK``."""
        chars = list(self.text)
        for pattern in _MASKED:
            for m in pattern.finditer(self.text):
                chars[m.start() : m.end()] = MASK * (m.end() - m.start())
        return "".join(chars)

    @property
    def lang(self) -> str:
        """The document's language."""
        return self.doc.lang

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for ``text[start:end]`` (document offsets, the sentence it starts in)."""
        starts = [self.doc.sentences[i].start - self.base for i in self.ids]
        k = max(0, bisect_right(starts, start) - 1)
        sentence = self.ids[k] if self.ids else 0
        return Evidence(self.side, sentence, self.base + start, self.base + max(start, end))

    def whole(self) -> tuple[Evidence, ...]:
        """One evidence span per sentence of this side."""
        return tuple(Evidence(self.side, i, self.doc.sentences[i].start, self.doc.sentences[i].end)
                     for i in self.ids)
