"""Bilingual lexicons: word -> translations, behind one protocol.

``load_lexicon(src_lang, tgt_lang)`` returns the lexicon shipped for a pair (or ``None``).
The shipped Indonesian-English data and a way to plug in others are built by the fidelity work.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

__all__ = ["Lexicon", "load_lexicon"]


@runtime_checkable
class Lexicon(Protocol):
    """Translations of lower-cased words from one language into another."""

    src_lang: str
    tgt_lang: str
    name: str

    def translations(self, word: str) -> frozenset[str]:
        """Lower-cased translations of ``word`` (empty when unknown)."""
        ...


def load_lexicon(src_lang: str, tgt_lang: str, name: str = "auto") -> Lexicon | None:
    """The lexicon for ``src_lang`` -> ``tgt_lang`` (``None`` when none ships for the pair)."""
    return None
