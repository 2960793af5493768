"""Bilingual lexicons: word -> translations, behind one protocol and a name registry.

``load_lexicon(src_lang, tgt_lang)`` returns the lexicon shipped for a pair (``None`` when
none ships). Shipped: English <-> Indonesian, from FreeDict's ``eng-ind`` dictionary
(CC-BY-SA-3.0, see ``aligner/data/lexicon/``) plus a small core list written for aligner.
One TSV file serves both directions.

Plugging in another lexicon:

* a file: ``load_lexicon("en", "id", "path/to/en-id.mine.tsv")`` (or ``--lexicon PATH`` on
  the command line) reads ``word<TAB>translation`` lines. A name starting ``L1-L2.`` says
  which languages the columns hold, and the file then serves both directions; without such
  a prefix the first column is taken to be the comparison's source language;
* code: ``register_lexicon("mine", factory)`` where ``factory(src_lang, tgt_lang)`` returns
  any object with ``src_lang``, ``tgt_lang``, ``name`` and ``translations(word)``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Protocol, runtime_checkable

import regex

from ..errors import ConfigError
from ..io.reader import read_bounded
from ..registry import Registry
from .morph import word_forms
from .tsv import CombinedLexicon, TsvLexicon

__all__ = ["known_words", "common_words", "Lexicon", "TsvLexicon", "CombinedLexicon", "load_lexicon", "load_lexicon_pair",
           "register_lexicon", "available_lexicons", "word_forms", "SHIPPED_VERSION", "LEXICONS"]

_DATA = Path(__file__).resolve().parent.parent / "data" / "lexicon"
#: Version tag of the shipped data, shown in signatures.
SHIPPED_VERSION = "freedict-2022.11.18+core-1"


@runtime_checkable
class Lexicon(Protocol):
    """Translations of lower-cased words from one language into another."""

    src_lang: str
    tgt_lang: str
    name: str

    def translations(self, word: str) -> frozenset[str]:
        """Lower-cased translations of ``word`` (empty when unknown)."""
        ...


LexiconFactory = Callable[[str, str], "Lexicon | None"]


#: Shipped lexicons: language pair -> (parts, in data/lexicon/PAIR.PART.tsv, and version).
_SHIPPED: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {
    ("en", "id"): (("freedict", "core"), SHIPPED_VERSION),
    ("de", "fr"): (("freedict",), "freedict-2022.11.18"),
}


def _shipped(src_lang: str, tgt_lang: str) -> Lexicon | None:
    for (a, b), (parts, version) in _SHIPPED.items():
        if {a, b} == {src_lang, tgt_lang}:
            reverse = src_lang == b
            lexicons = [TsvLexicon(_DATA / f"{a}-{b}.{part}.tsv", src_lang, tgt_lang, name=part,
                                   reverse=reverse) for part in parts]
            lex = CombinedLexicon(lexicons, src_lang, tgt_lang)
            lex.name = f"{a}-{b}:{version}"
            return lex
    return None


@lru_cache(maxsize=32)
def known_words(lang: str) -> frozenset[str]:
    """Single lower-cased words of ``lang`` in any shipped lexicon (a word list: common words, not names).

    Example:
        >>> "government" in known_words("en"), "stadtrat" in known_words("de")
        (True, True)
    """
    words: set[str] = set()
    for (a, b), (parts, _version) in _SHIPPED.items():
        if lang not in (a, b):
            continue
        column = 0 if lang == a else 1
        for part in parts:
            for line in (_DATA / f"{a}-{b}.{part}.tsv").read_text("utf-8").splitlines():
                fields = line.split("\t")
                if len(fields) >= 2 and " " not in fields[column].strip():
                    words.add(fields[column].strip().lower())
    return frozenset(words)


@lru_cache(maxsize=32)
def common_words(lang: str) -> frozenset[str]:
    """The shipped common-word list of ``lang`` (``LANG.words.SOURCE.txt``: the headwords a
    dictionary writes in lower case, ``academy``, ``interior``; empty for most languages).

    Example:
        >>> "academy" in common_words("en"), "oxford" in common_words("en"), common_words("xx")
        (True, False, frozenset())
    """
    words: set[str] = set()
    for path in sorted(_DATA.glob(f"{lang}.words.*.txt")):
        words.update(w.strip() for w in path.read_text("utf-8").splitlines() if w.strip())
    return frozenset(words)


#: Lexicon factories by name; each lexicon is built once per language pair and process.
LEXICONS: Registry[Lexicon | None] = Registry("lexicon", {"shipped": _shipped})


def register_lexicon(name: str, factory: LexiconFactory) -> None:
    """Make ``factory(src_lang, tgt_lang)`` available as lexicon ``name`` (replacing an earlier one)."""
    if name in ("auto", "none") or name.endswith(".tsv"):
        raise ConfigError(f"lexicon name {name!r} is reserved")
    LEXICONS.register(name, factory)


def available_lexicons() -> list[str]:
    """Registered names plus ``auto``, ``none`` and ``PATH.tsv``."""
    return ["auto", "none"] + LEXICONS.names() + ["PATH.tsv"]


def _tsv(path: str, src_lang: str, tgt_lang: str, reverse: bool) -> Lexicon:
    """The TSV lexicon at ``path``, kept while the file's content stays the same."""
    if not os.path.lexists(path):
        return TsvLexicon(path, src_lang, tgt_lang, reverse=reverse)  # raises the one-line error
    digest = hashlib.sha256(read_bounded(path, what="lexicon file")).hexdigest()
    key = ("tsv", str(Path(path).resolve()), digest, src_lang, tgt_lang, reverse)
    lexicon = LEXICONS.cached(key, lambda: TsvLexicon(path, src_lang, tgt_lang, reverse=reverse))
    assert lexicon is not None
    return lexicon


def load_lexicon(src_lang: str, tgt_lang: str, name: str = "auto") -> Lexicon | None:
    """The lexicon ``name`` for ``src_lang`` -> ``tgt_lang``.

    ``auto`` is the shipped lexicon for the pair (``None`` when none ships); ``none`` is
    ``None``; a name ending in ``.tsv`` (or an existing file) is read with :class:`TsvLexicon`
    (its name carries a hash of the file's content, so the signature changes with it).
    Registered and file lexicons are built once and kept. Raises ``ConfigError`` listing
    the valid names for anything else.

    Example:
        >>> lex = load_lexicon("en", "id")
        >>> "pemerintah" in lex.translations("government")
        True
        >>> "government" in load_lexicon("id", "en").translations("pemerintah")
        True
    """
    if name == "none":
        return None
    if name == "auto":
        return LEXICONS.get("shipped", src_lang, tgt_lang)
    if name in LEXICONS:
        return LEXICONS.get(name, src_lang, tgt_lang)
    if name.endswith(".tsv") or Path(name).is_file():
        return _tsv(name, src_lang, tgt_lang, _file_langs(name) == (tgt_lang, src_lang))
    raise ConfigError(f"unknown lexicon {name!r}; choose one of {available_lexicons()}")


def _file_langs(path: str) -> tuple[str, str] | None:
    """``("en", "id")`` for a file named ``en-id.anything.tsv``; ``None`` without such a prefix."""
    m = regex.match(r"([a-z]{2,3})-([a-z]{2,3})[._]", Path(path).name)
    return (m.group(1), m.group(2)) if m else None


def load_lexicon_pair(src_lang: str, tgt_lang: str, name: str = "auto") -> tuple[Lexicon | None, Lexicon | None]:
    """The lexicons ``src -> tgt`` and ``tgt -> src`` for a comparison.

    A TSV file without an ``L1-L2.`` name prefix holds ``source<TAB>target`` of this
    comparison; it is read the other way round for the backward direction.
    """
    forward = load_lexicon(src_lang, tgt_lang, name)
    if name not in ("auto", "none") and name not in LEXICONS and _file_langs(name) is None:
        return forward, _tsv(name, tgt_lang, src_lang, True)
    return forward, load_lexicon(tgt_lang, src_lang, name)
