"""Names (people, places, organisations) compared across languages and spellings.

A name is a capitalised word that is not the first word of a sentence, a stop word, a month
or a day, or an all-capital acronym. A name on one side is *matched* when the other side has
the same word, a close spelling (rapidfuzz ratio after a rough phonetic folding, so
``Sutskever``/``Suzkwer`` and ``Democrats``/``Demokrat`` match) or a lexicon translation
(``China``/``Tiongkok``). Matches that differ only in spelling are reported as variants so
that they become ``typography`` notes rather than mismatches.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import fuzz

from ..lexicon import Lexicon, word_forms
from .text import Token, is_stopword, tokens

__all__ = ["NameMatch", "DocumentVocabulary", "extract_names", "match_names", "fold", "is_title_case"]

_FOLD = (("sch", "s"), ("ph", "f"), ("th", "t"), ("ch", "k"), ("ck", "k"), ("kh", "k"), ("c", "k"),
         ("q", "k"), ("x", "ks"), ("z", "s"), ("w", "v"), ("y", "i"), ("j", "i"), ("dj", "i"),
         ("oe", "u"), ("ou", "u"), ("ee", "i"))
_DOUBLE = regex.compile(r"(\p{L})\1+")
_SUFFIX_ID = ("nya",)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A rough phonetic folding for comparing spellings of one name across languages.

    Example:
        >>> fold("Sutskever"), fold("Suzkwer")
        ('sutskever', 'suskver')
    """
    w = word.lower()
    for a, b in _FOLD:
        w = w.replace(a, b)
    return _DOUBLE.sub(r"\1", w)


_CALENDAR = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec januari februari maret mei juni juli agustus
oktober desember january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday senin selasa rabu kamis jumat
sabtu minggu okt agu des
""".split())


def _calendar_word(low: str) -> bool:
    return low.rstrip(".") in _CALENDAR


def _is_name(tok: Token, first: bool, lang: str) -> bool:
    s = tok.surface
    if not s[:1].isupper() or len(s) < 2 or s[:1].isdigit():
        return False
    low = s.lower()
    if is_stopword(s, lang) or low.startswith(("i'", "i\u2019")) or _calendar_word(low):
        return False
    if first and not (sum(c.isupper() for c in s) >= 2):
        return False
    return True


@lru_cache(maxsize=32768)
def extract_names(text: str, lang: str) -> tuple[Token, ...]:
    """Capitalised words that look like names (see the module docstring).

    Example:
        >>> [t.surface for t in extract_names("Olympic diver Tom Daley said on Monday.", "en")]
        ['Tom', 'Daley']
    """
    toks = tokens(text)
    out = []
    for k, tok in enumerate(toks):
        # a sentence start: the first token, or one after ". " / opening quote at the start
        before = text[toks[k - 1].end : tok.start] if k else text[: tok.start]
        first = k == 0 or bool(regex.search(r"[.!?:]\s*[\"'\u201c\u2018(]?\s*$", before))
        if _is_name(tok, first, lang):
            out.append(tok)
    return tuple(out)


def is_title_case(text: str) -> bool:
    """True for a headline written in title case (most longer words capitalised).

    Example:
        >>> is_title_case("Killer Pig Mauls Chinese Farmer to Death"), is_title_case("Tom Daley said so.")
        (True, False)
    """
    words = [t.surface for t in tokens(text) if len(t.surface) >= 4 and not t.is_number]
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 3 and caps >= 0.7 * len(words)


@dataclass(frozen=True)
class DocumentVocabulary:
    """What a whole document says about its capitalised words.

    Attributes:
        common: lower-cased words that appear in lower case somewhere (so not names).
        proper: lower-cased words capitalised inside a sentence that is not a headline.
        capitalised: lower-cased words capitalised anywhere.
    """

    common: frozenset[str]
    proper: frozenset[str]
    capitalised: frozenset[str] = frozenset()

    @classmethod
    def of(cls, sentences: tuple[str, ...], lang: str) -> "DocumentVocabulary":
        """Collect the vocabulary of a document's sentences."""
        common: set[str] = set()
        proper: set[str] = set()
        capitalised: set[str] = set()
        for text in sentences:
            toks = tokens(text)
            title = is_title_case(text)
            for k, tok in enumerate(toks):
                if tok.surface[:1].islower():
                    common.add(tok.lower)
                elif tok.surface[:1].isupper():
                    capitalised.add(_strip(tok.surface, lang))
                    if k and not title:
                        proper.add(_strip(tok.surface, lang))
        return cls(frozenset(common), frozenset(proper - common), frozenset(capitalised))


@dataclass(frozen=True)
class NameMatch:
    """Names of one bead compared.

    Names that are also dictionary words (``County``, ``Partai``, ``Tuan``) are *soft*: they
    count when matched but are not reported missing, as they are often translated freely.

    Attributes:
        src_only: source names (not dictionary words) with no counterpart in the target text.
        tgt_only: target names (not dictionary words) with no counterpart in the source text.
        src_soft_only, tgt_soft_only: unmatched capitalised dictionary words of each side.
        variants: ``(source token, target token)`` pairs matched only by a spelling variant.
        matched: how many names on both sides found a counterpart.
    """

    src_only: tuple[Token, ...]
    tgt_only: tuple[Token, ...]
    variants: tuple[tuple[Token, Token], ...]
    matched: int
    src_soft_only: tuple[Token, ...] = ()
    tgt_soft_only: tuple[Token, ...] = ()

    @property
    def agreement(self) -> float:
        """Share of names that found a counterpart (1.0 when there are none)."""
        total = self.matched + len(self.src_only) + len(self.tgt_only)
        return 1.0 if total == 0 else self.matched / total


def _strip(word: str, lang: str) -> str:
    w = word.lower()
    possessive = False
    for suf in ("'s", "\u2019s"):
        if w.endswith(suf):
            w = w[: -len(suf)]
            possessive = True
    if "-" in w:
        left, _, right = w.partition("-")
        if left == right or (len(left) >= 3 and word.partition("-")[2][:1].islower()):
            w = left
    if not possessive and len(word) >= 3 and word[:-1].isalpha() and word[:-1].isupper() and word.endswith("s"):
        w = w[:-1]  # AMs, MPs
    if lang in ("id", "ms"):
        for suf in _SUFFIX_ID:
            if w.endswith(suf) and len(w) > len(suf) + 2:
                w = w[: -len(suf)]
    return w


def _counterpart(name: Token, lang: str, other: tuple[Token, ...], other_lang: str,
                 other_forms: frozenset[str], lexicon: Lexicon | None) -> tuple[str, Token | None]:
    """``("exact" | "variant" | "translated" | "none", matching token)``."""
    n = _strip(name.surface, lang)
    best: tuple[float, Token | None] = (0.0, None)
    for tok in other:
        t = _strip(tok.surface, other_lang)
        if t == n:
            if tok.surface != name.surface and tok.surface[:1].isupper() and name.surface.lower() == tok.surface.lower() \
                    and sum(c.isupper() for c in name.surface) != sum(c.isupper() for c in tok.surface):
                return "variant", tok
            return "exact", tok
        if len(n) >= 4 and len(t) >= 3 and (t.startswith(n) or n.startswith(t)) and min(len(n), len(t)) >= 0.6 * max(len(n), len(t)):
            return "exact", tok
        score = fuzz.ratio(fold(n), fold(t))
        if score > best[0]:
            best = (score, tok)
    if lexicon is not None:
        for form in word_forms(name.surface, lang):
            for tr in lexicon.translations(form):
                words = [w for w in tr.split() if not is_stopword(w, other_lang)]
                if words and all(w in other_forms for w in words):
                    return "translated", None
    if best[1] is not None and len(n) >= 4 and best[0] >= 72:
        t = _strip(best[1].surface, other_lang)
        return ("exact" if fuzz.ratio(n, t) >= 80 else "variant"), best[1]
    return "none", None


def _known(word: str, lang: str, lexicon: Lexicon | None) -> bool:
    """True when ``word`` (or a stem) is a dictionary word: a soft name."""
    if lexicon is None:
        return False
    w = _strip(word, lang)
    return any(lexicon.translations(f) for f in word_forms(w, lang))


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 5 and word.isupper()


def _names(text: str, lang: str, vocab: DocumentVocabulary | None) -> tuple[Token, ...]:
    names = extract_names(text, lang)
    if vocab is not None and is_title_case(text):
        names = tuple(t for t in names if _strip(t.surface, lang) in vocab.proper)
    return names


#: English endings of common words (rare at the end of names): capitalised words with them
#: inside organisation names or headlines are treated as dictionary words.
_EN_COMMON_ENDINGS = ("ing", "ed", "al", "ly", "ion", "ions", "ers", "ive", "ance", "ence", "ment",
                      "ments", "ity", "ous", "ness", "ship", "ists", "ics")


def _soft(word: str, lang: str, lexicon: Lexicon | None, vocab: DocumentVocabulary | None) -> bool:
    if _acronym(word) or _known(word, lang, lexicon):
        return True
    w = _strip(word, lang)
    if lang == "en" and len(w) > 5 and w.endswith(_EN_COMMON_ENDINGS):
        return True
    return vocab is not None and w in vocab.common


def match_names(src_text: str, src_lang: str, tgt_text: str, tgt_lang: str,
                forward: Lexicon | None = None, backward: Lexicon | None = None,
                src_vocab: DocumentVocabulary | None = None,
                tgt_vocab: DocumentVocabulary | None = None) -> NameMatch:
    """Compare the names of two texts (``forward``: src->tgt lexicon, ``backward``: tgt->src).

    With a document's vocabulary, headlines in title case only count words that the document
    capitalises elsewhere, and words it also writes in lower case are soft.
    """
    src_toks, tgt_toks = tokens(src_text), tokens(tgt_text)
    src_forms = frozenset(f for t in src_toks for f in word_forms(t.surface, src_lang))
    tgt_forms = frozenset(f for t in tgt_toks for f in word_forms(t.surface, tgt_lang))
    src_only, src_soft, src_found = _side_names(src_text, src_lang, src_vocab, forward,
                                                tgt_toks, tgt_lang, tgt_forms)
    tgt_only, tgt_soft, tgt_found = _side_names(tgt_text, tgt_lang, tgt_vocab, backward,
                                                src_toks, src_lang, src_forms)
    variants = tuple((name, tok) for name, how, tok in src_found if how == "variant" and tok is not None)
    matched = len(src_found) + len(tgt_found)
    return NameMatch(src_only, tgt_only, variants, matched, src_soft, tgt_soft)


def _side_names(text: str, lang: str, vocab: DocumentVocabulary | None, lexicon: Lexicon | None,
                other_toks: tuple[Token, ...], other_lang: str, other_forms: frozenset[str],
                ) -> tuple[tuple[Token, ...], tuple[Token, ...], list[tuple[Token, str, Token | None]]]:
    """One side's names: those with no counterpart (hard, soft) and those found, with how."""
    only: list[Token] = []
    soft: list[Token] = []
    found: list[tuple[Token, str, Token | None]] = []
    for name in _names(text, lang, vocab):
        how, tok = _counterpart(name, lang, other_toks, other_lang, other_forms, lexicon)
        if how == "none":
            (soft if _soft(name.surface, lang, lexicon, vocab) else only).append(name)
        else:
            found.append((name, how, tok))
    return tuple(only), tuple(soft), found
