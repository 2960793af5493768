"""Checks of input size against :class:`aligner.config.Limits`, with one-line errors."""

from __future__ import annotations

from .. import config as _config
from ..config import Limits
from ..document import Document
from ..errors import InputError

__all__ = ["check_alignable"]


def check_alignable(src: Document, tgt: Document, limits: Limits | None = None) -> None:
    """Raise ``InputError`` if either side has more sentences than ``limits.max_sentences`` or
    a sentence longer than ``limits.max_sentence_chars``.

    ``limits`` defaults to :data:`aligner.config.DEFAULT_LIMITS` (looked up at call time).

    Example:
        >>> from aligner import from_text
        >>> check_alignable(from_text("One. Two. Three.", "en"), from_text("One.", "en"), Limits(max_sentences=2))
        Traceback (most recent call last):
        ...
        aligner.errors.InputError: <text>: 3 sentences, more than the limit of 2 per side (Limits.max_sentences); split the document
    """
    limits = limits if limits is not None else _config.DEFAULT_LIMITS
    for doc in (src, tgt):
        if len(doc) > limits.max_sentences:
            raise InputError(
                f"{doc.path or '<text>'}: {len(doc):,} sentences, more than the limit of "
                f"{limits.max_sentences:,} per side (Limits.max_sentences); split the document"
            )
        longest = max((s.end - s.start for s in doc.sentences), default=0)
        if longest > limits.max_sentence_chars:
            i = next(i for i, s in enumerate(doc.sentences) if s.end - s.start == longest)
            raise InputError(
                f"{doc.path or '<text>'}: sentence {i + 1} has {longest:,} characters, more than the limit "
                f"of {limits.max_sentence_chars:,} (Limits.max_sentence_chars)"
            )
