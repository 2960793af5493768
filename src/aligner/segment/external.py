"""Sentence segmenters from other packages, for scripts whose sentences a space alone separates.

Thai (and Lao) write no final mark: a space ends a sentence, and also a clause, so rules
cannot find the boundary; a learned model must. The conventions table names such a model
for a language (``sentence_model`` in ``data/conventions/punctuation.json``); this module
runs it when its package is installed:

* ``pythainlp-crfcut``: PyThaiNLP's CRF sentence segmenter (``sent_tokenize(engine="crfcut")``;
  the model ships in the pythainlp wheel, trained on TED subtitles, CC BY 4.0; code Apache-2.0).

Where the package is missing, :func:`external_boundaries` returns ``None`` and the script's
rules decide.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

__all__ = ["external_boundaries", "external_available"]

Splitter = Callable[[str], list[str]]


def _pythainlp_crfcut() -> Splitter | None:
    try:
        from pythainlp.tokenize import sent_tokenize
    except ImportError:
        return None
    def split(text: str) -> list[str]:
        return [str(piece) for piece in sent_tokenize(text, engine="crfcut")]

    return split


_FACTORIES: dict[str, Callable[[], Splitter | None]] = {"pythainlp-crfcut": _pythainlp_crfcut}


@lru_cache(maxsize=None)
def _splitter(name: str) -> Splitter | None:
    factory = _FACTORIES.get(name)
    return factory() if factory else None


def external_available(name: str) -> bool:
    """Is the segmenter ``name`` known and its package installed?"""
    return _splitter(name) is not None


def external_boundaries(name: str, text: str, start: int, end: int) -> list[int] | None:
    """Sentence ends (offsets into ``text``) that segmenter ``name`` finds in ``text[start:end]``,
    or ``None`` when it is not available. Pieces are mapped back by their non-space characters,
    so a segmenter that changes white space still lands on the right offsets."""
    split = _splitter(name)
    if split is None:
        return None
    ends: list[int] = []
    pos = start
    for piece in split(text[start:end]):
        need = sum(1 for ch in piece if not ch.isspace())
        if not need:
            continue
        while pos < end and need:
            if not text[pos].isspace():
                need -= 1
            pos += 1
        ends.append(pos)
    return ends
