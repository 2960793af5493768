"""Glossaries (TSV or TBX) and term matching that knows inflection where the lexicon does.

TSV: ``source<TAB>target[<TAB>forbidden]`` per line; alternatives within a field are
separated by ``|``; ``#`` starts a comment; an optional first line of two language codes
(``en<TAB>id``) says which way the file runs, and a ``source<TAB>target`` header is skipped.
TBX: read with translate-toolkit's TBX reader; terms marked deprecated are forbidden.

Matching is by words: a glossary word matches a text word when they are equal (case-folded)
or share a dictionary stem per :func:`aligner.lexicon.morph.word_forms` (``study`` matches
``studies``; Indonesian ``pemerintah`` matches ``pemerintahnya``). Terms in scripts written
without spaces (Han, kana, Thai ...) are matched as substrings. The glossary is indexed by the
forms of each term's first word, so matching is linear in the text.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from ..language import language_key
from ..errors import ConfigError, InputError
from ..io.reader import read_bounded
from ..language import is_language_code
from ..lexicon.morph import word_forms

__all__ = ["Glossary", "GlossaryEntry", "Term", "load_glossary", "read_tbx_glossary", "read_tsv_glossary"]

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['\u2019-][\p{L}\p{M}\p{N}]+)*")
_SPACELESS_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "HANGUL SYLLABLE")


def _spaceless(text: str) -> bool:
    return any(unicodedata.name(ch, "").startswith(_SPACELESS_SCRIPTS) for ch in text if ch.isalpha()) \
        and " " not in text.strip()


@dataclass(frozen=True)
class Term:
    """One term as written in the glossary; ``words`` are its case-folded words."""

    text: str
    words: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Term:
        """The term ``text`` split into case-folded words."""
        return cls(text.strip(), tuple(m.group().casefold() for m in _WORD.finditer(text)))


@dataclass(frozen=True)
class GlossaryEntry:
    """A source term, its allowed translations and forbidden ones."""

    source: Term
    targets: tuple[Term, ...]
    forbidden: tuple[Term, ...] = ()


@lru_cache(maxsize=100_000)
def _forms(word: str, lang: str) -> frozenset[str]:
    return frozenset(word_forms(word, lang))


class _Index:
    """Terms of one language indexed by the forms of their first word."""

    def __init__(self, terms: Sequence[tuple[Term, int]], lang: str) -> None:
        self.lang = lang
        self.by_form: dict[str, list[tuple[Term, int]]] = {}
        self.spaceless: list[tuple[Term, int]] = []
        for term, k in terms:
            if _spaceless(term.text):
                self.spaceless.append((term, k))
            elif term.words:
                for form in _forms(term.words[0], lang):
                    self.by_form.setdefault(form, []).append((term, k))

    def _word_match(self, text_word: str, term_word: str) -> bool:
        return text_word == term_word or bool(_forms(text_word, self.lang) & _forms(term_word, self.lang))

    def find(self, text: str) -> Iterator[tuple[int, int, int]]:
        """``(entry number, start, end)`` of every term occurrence in ``text``."""
        words = [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]
        for i, (word, start, _) in enumerate(words):
            seen: set[int] = set()
            for form in _forms(word, self.lang):
                for term, k in self.by_form.get(form, ()):
                    if id(term) in seen or i + len(term.words) > len(words):
                        continue
                    seen.add(id(term))
                    if all(self._word_match(words[i + j][0], w) for j, w in enumerate(term.words[1:], 1)):
                        yield k, start, words[i + len(term.words) - 1][2]
        folded = text.casefold()
        for term, k in self.spaceless:
            pos = folded.find(term.text.casefold())
            while pos >= 0:
                yield k, pos, pos + len(term.text)
                pos = folded.find(term.text.casefold(), pos + 1)


class Glossary:
    """Glossary entries for one language direction, indexed for matching.

    Example:
        >>> g = Glossary([GlossaryEntry(Term.of("budget"), (Term.of("anggaran"),), (Term.of("bujet"),))], "en", "id")
        >>> [(e.source.text, a, b) for e, a, b in g.source_terms("Both budgets rose.")]
        [('budget', 5, 12)]
        >>> [(e.source.text, t.text) for e, t, _, _ in g.forbidden_terms("Bujet naik.")]
        [('budget', 'bujet')]
    """

    def __init__(self, entries: Sequence[GlossaryEntry], src_lang: str | None, tgt_lang: str | None,
                 name: str = "glossary") -> None:
        self.entries = tuple(entries)
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.name = name
        self._indexes: dict[tuple[str, str], tuple[_Index, _Index, _Index]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def oriented(self, src_lang: str, tgt_lang: str) -> Glossary | None:
        """This glossary for ``src_lang -> tgt_lang``: itself, reversed, or None when its
        languages are another pair (a glossary without languages fits every pair)."""
        mine = (language_key(self.src_lang or ""), language_key(self.tgt_lang or ""))
        pair = (language_key(src_lang), language_key(tgt_lang))
        if self.src_lang is None or mine == pair:
            return self
        if mine == pair[::-1]:
            entries = [GlossaryEntry(t, (e.source,)) for e in self.entries for t in e.targets]
            return Glossary(entries, self.tgt_lang, self.src_lang, self.name)
        return None

    def _index(self, src_lang: str, tgt_lang: str) -> tuple[_Index, _Index, _Index]:
        key = (src_lang, tgt_lang)
        if key not in self._indexes:
            sources = [(e.source, k) for k, e in enumerate(self.entries)]
            targets = [(t, k) for k, e in enumerate(self.entries) for t in e.targets]
            forbidden = [(t, k) for k, e in enumerate(self.entries) for t in e.forbidden]
            self._indexes[key] = (_Index(sources, src_lang), _Index(targets, tgt_lang), _Index(forbidden, tgt_lang))
        return self._indexes[key]

    def source_terms(self, text: str, lang: str | None = None) -> list[tuple[GlossaryEntry, int, int]]:
        """Entries whose source term occurs in ``text`` (once each, first occurrence)."""
        index = self._index(lang or self.src_lang or "", self.tgt_lang or "")[0]
        seen: dict[int, tuple[int, int]] = {}
        for k, a, b in index.find(text):
            seen.setdefault(k, (a, b))
        return [(self.entries[k], a, b) for k, (a, b) in sorted(seen.items(), key=lambda kv: kv[1])]

    def target_entries(self, text: str, lang: str | None = None) -> set[int]:
        """Numbers of the entries one of whose translations occurs in ``text``."""
        index = self._index(self.src_lang or "", lang or self.tgt_lang or "")[1]
        return {k for k, _, _ in index.find(text)}

    def entry_number(self, entry: GlossaryEntry) -> int:
        """The position of ``entry`` in this glossary."""
        return self.entries.index(entry)

    def forbidden_terms(self, text: str, lang: str | None = None) -> list[tuple[GlossaryEntry, Term, int, int]]:
        """``(entry, forbidden term, start, end)`` for forbidden terms in ``text``."""
        index = self._index(self.src_lang or "", lang or self.tgt_lang or "")[2]
        out = []
        for k, a, b in index.find(text):
            entry = self.entries[k]
            term = next((t for t in entry.forbidden if _Index([(t, k)], index.lang).find(text[a:b])), entry.forbidden[0])
            out.append((entry, term, a, b))
        return out


def _terms(field: str) -> tuple[Term, ...]:
    return tuple(Term.of(t) for t in field.split("|") if t.strip())


def read_tsv_glossary(path: str | os.PathLike[str]) -> Glossary:
    """Read a TSV glossary (see the module docstring for the format)."""
    try:
        lines = read_bounded(path, what="glossary").decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"{path}: the glossary is not UTF-8 text") from None
    langs: tuple[str | None, str | None] = (None, None)
    entries = []
    first = True
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if first:
            first = False
            if len(fields) >= 2 and fields[0].lower() == "source" and fields[1].lower() == "target":
                continue
            if len(fields) == 2 and all(is_language_code(f) and len(f) <= 8 for f in fields):
                langs = (fields[0], fields[1])
                continue
        if len(fields) < 2 or not fields[0] or not fields[1] or len(fields) > 3:
            raise InputError(f"{path}:{number}: expected 'source<TAB>target[<TAB>forbidden]', got {line[:80]!r}")
        source = Term.of(fields[0])
        if not source.words:
            raise InputError(f"{path}:{number}: the source term {fields[0]!r} has no letters or digits")
        entries.append(GlossaryEntry(source, _terms(fields[1]), _terms(fields[2]) if len(fields) == 3 else ()))
    if not entries:
        raise InputError(f"{path}: the glossary has no entries")
    return Glossary(entries, langs[0], langs[1], Path(path).name)


def read_tbx_glossary(path: str | os.PathLike[str], src_lang: str | None = None,
                      tgt_lang: str | None = None) -> Glossary:
    """Read a TBX glossary with translate-toolkit; deprecated target terms become forbidden ones."""
    try:
        from translate.storage import tbx
    except ImportError:
        raise ConfigError("reading a TBX glossary needs translate-toolkit: pip install 'aligner[tbx]'") from None
    data = read_bounded(path, what="glossary")
    try:
        store = tbx.tbxfile.parsestring(data, sourcelanguage=src_lang, targetlanguage=tgt_lang)
    except Exception as exc:  # noqa: BLE001 - lxml raises many kinds; all mean "not a TBX file"
        raise InputError(f"{path}: not a readable TBX file ({type(exc).__name__})") from None
    entries = []
    for unit in store.units:
        sources = [t for t in unit.get_source_terms() if t.text.strip() and not t.deprecated]
        targets = unit.get_target_terms(tgt_lang) if tgt_lang else unit.get_target_terms()
        allowed = tuple(Term.of(t.text) for t in targets if t.text.strip() and not t.deprecated)
        banned = tuple(Term.of(t.text) for t in targets if t.text.strip() and t.deprecated)
        for s in sources:
            if allowed or banned:
                entries.append(GlossaryEntry(Term.of(s.text), allowed, banned))
    if not entries:
        raise InputError(f"{path}: the TBX file has no entry with terms in both languages")
    return Glossary(entries, src_lang or store.sourcelanguage, tgt_lang or store.gettargetlanguage(),
                    Path(path).name)


@lru_cache(maxsize=16)
def _load(path: str, mtime: float, size: int, src_lang: str | None, tgt_lang: str | None) -> Glossary:
    if path.lower().endswith((".tbx", ".xml")):
        return read_tbx_glossary(path, src_lang, tgt_lang)
    return read_tsv_glossary(path)


def load_glossary(path: str | os.PathLike[str], src_lang: str | None = None,
                  tgt_lang: str | None = None) -> Glossary:
    """Read a glossary file (``.tbx``/``.xml``: TBX, else TSV); cached while the file is unchanged."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ConfigError(f"glossary file not found: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read glossary {path}: {exc.strerror or exc}") from None
    return _load(str(path), st.st_mtime, st.st_size, src_lang, tgt_lang)
