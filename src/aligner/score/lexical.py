"""Lexical evidence: coverage of content words in both directions and a dictionary gloss.

A content word of one side *has a counterpart* when the other side contains the same word
(names, numbers, loanwords), a close cognate (rapidfuzz ratio >= 80 on the lower-cased
words, e.g. ``motivation``/``motivasi``), or one of its lexicon translations (looked up under
every candidate stem, e.g. ``mengatakan`` -> ``katakan``/``kata``).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from ..lexicon import Lexicon, word_forms
from .text import Token, content_tokens, is_stopword, tokens

__all__ = ["Coverage", "coverage", "gloss"]

_COGNATE = 80.0


@dataclass(frozen=True)
class Coverage:
    """Content words of one side and those of them without a counterpart on the other side."""

    words: tuple[Token, ...]
    uncovered: tuple[Token, ...]

    @property
    def share(self) -> float:
        """Share of content words with a counterpart (1.0 when there are none)."""
        return 1.0 if not self.words else 1.0 - len(self.uncovered) / len(self.words)


def _forms(text: str, lang: str) -> frozenset[str]:
    return frozenset(f for t in tokens(text) for f in word_forms(t.surface, lang))


def _has_counterpart(tok: Token, lang: str, other_words: list[str], other_forms: frozenset[str],
                     other_lang: str, lexicon: Lexicon | None) -> bool:
    w = tok.lower
    if w in other_forms:
        return True
    if len(w) >= 5:
        for o in other_words:
            if len(o) >= 4 and abs(len(o) - len(w)) <= 4 and fuzz.ratio(w, o) >= _COGNATE:
                return True
    if lexicon is None:
        return False
    for form in word_forms(tok.surface, lang):
        for tr in lexicon.translations(form):
            parts = [p for p in tr.split() if not is_stopword(p, other_lang)] or tr.split()
            if any(p in other_forms for p in parts):
                return True
    return False


def coverage(text: str, lang: str, other: str, other_lang: str, lexicon: Lexicon | None) -> Coverage:
    """Which content words of ``text`` find a counterpart in ``other`` (``lexicon``: lang -> other_lang).

    Example:
        >>> from aligner.lexicon import load_lexicon
        >>> cov = coverage("The government raised prices.", "en", "Pemerintah menaikkan harga.", "id",
        ...                load_lexicon("en", "id"))
        >>> [t.surface for t in cov.words], [t.surface for t in cov.uncovered]
        (['government', 'raised', 'prices'], [])
    """
    words = content_tokens(text, lang)
    other_forms = _forms(other, other_lang)
    other_words = [t.lower for t in tokens(other)]
    uncovered = tuple(t for t in words
                      if not _has_counterpart(t, lang, other_words, other_forms, other_lang, lexicon))
    return Coverage(words, uncovered)


def gloss(text: str, lang: str, lexicon: Lexicon | None) -> str:
    """Word-by-word dictionary gloss of ``text`` (unknown words and numbers kept as they are).

    The shortest translation of the first stem found is used, so the gloss is deterministic.

    Example:
        >>> from aligner.lexicon import load_lexicon
        >>> gloss("Pemerintah menaikkan harga", "id", load_lexicon("id", "en"))
        'government raise price'
    """
    out = []
    for tok in tokens(text):
        choice = tok.surface
        if lexicon is not None and not tok.is_number:
            for form in word_forms(tok.surface, lang):
                trs = lexicon.translations(form)
                if trs:
                    choice = min(trs, key=lambda t: (len(t), t))
                    break
        out.append(choice)
    return " ".join(out)
