"""The QA checks' view of the per-language conventions of :mod:`aligner.conventions`.

Quotes, marks that take a space before or after them (French ``:;?!``, ``«``), opening marks
(Spanish ``¿¡``), brackets and how sentences are separated come from the shared table
(``data/conventions/punctuation.json``, also read by the segmenter); the keys only the checks
read (sentence classes of final marks, bracket kinds, marks written without a space before
them, dialogue dashes) are in the same file. The rules never test a language code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .. import conventions as shared
from ..language import language_key

__all__ = ["Conventions", "conventions", "DATA_DIR"]

#: Where the conventions data lives (with its licence file).
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "conventions"

#: Quote characters that double as apostrophes; left out of double-quote pairing.
_APOSTROPHES = frozenset("'\u2018\u2019\u201a\u2039\u203a")


@dataclass(frozen=True)
class Conventions:
    """The punctuation conventions of one language, as the checks read them.

    Attributes:
        lang: the language they are for.
        known: the table has an entry for this language (else its script's defaults).
        quotes: (opening, closing) quotation mark pairs in use, most usual first.
        space_before: marks written with a (no-break) space before them.
        space_after: marks written with a (no-break) space after them.
        no_space_before: marks written without a space before them.
        space_after_marks: marks followed by a space before the next word (``,;!?``; none in
            scripts written without spaces between sentences).
        openers: sentence class -> opening mark (``{"question": "¿"}``).
        classes: sentence class (``period``, ``question`` ...) -> the marks that end it.
        brackets: (opening, closing) bracket pairs.
        bracket_kinds: bracket character -> kind (``paren``, ``square``, ``curly``; a bracket
            not listed is its own kind).
        dialogue_dash: dashes that may set off direct speech instead of quotation marks
            (Hungarian, Spanish, Russian ...), or ``""``.
        dash_closes: a spaced dialogue dash closes a quotation opened with a mark (Hungarian
            press ``„Igen – mondta.``); elsewhere (Russian ``«Да», — сказал он``, where a dash
            is also a copula ``NBC — 2,94 млн``) a dash only opens speech.
        quote_ends: a closing quotation mark ends a sentence without a final mark (Japanese
            ``「行く」``); elsewhere a sentence that ends a quotation still has its mark.
        writes_period: the language ends statements with a full stop; where it writes none
            (Thai, Lao: a space ends the sentence), a translation with no final mark is no slip.
        syllable_spacing: spaces separate syllables and a doubled syllable is an ordinary word
            (Vietnamese ``mãi mãi`` "forever", ``năm năm`` "five years").
        word_apostrophes: the script writes apostrophes inside words (``it's``); where it does
            not (Hangul, Han, Kana), a ``'`` between two letters closes a quotation before a
            particle (``'조치'를``).
        inner_marks: marks written on a word inside the sentence that give it its class while
            it ends with a full stop (Armenian ``Ու՞ր ես գնում։`` is a question); see
            :meth:`sentence_class`.
        unmarked_classes: classes of sentence the language ends with its ordinary stop or with
            none (Thai, Lao, Burmese, Tibetan questions): a source question is no slip there.
        unicameral: the script has no capitals in running text, though Unicode gives it a case
            (Georgian Mkhedruli): the capitalisation checks do not read it.
        question_endings: final particles that ask (Japanese ``か``, Korean ``까``): a full stop
            after one may stand for a question mark (:meth:`asks`).
    """

    lang: str
    known: bool
    quotes: tuple[tuple[str, str], ...]
    space_before: str
    space_after: str
    no_space_before: str
    space_after_marks: str
    openers: Mapping[str, str]
    classes: Mapping[str, tuple[str, ...]]
    brackets: tuple[tuple[str, str], ...]
    bracket_kinds: Mapping[str, str]
    dialogue_dash: str = ""
    dash_closes: bool = False
    quote_ends: bool = False
    word_apostrophes: bool = True
    syllable_spacing: bool = False
    writes_period: bool = True
    inner_marks: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    unmarked_classes: frozenset[str] = frozenset()
    unicameral: bool = False
    question_endings: tuple[str, ...] = ()

    @property
    def double_quotes(self) -> tuple[tuple[str, str], ...]:
        """The quote pairs that cannot be apostrophes (paired by the quote check)."""
        return tuple(p for p in self.quotes if not (set(p) & _APOSTROPHES))

    @cached_property
    def _closers(self) -> frozenset[str]:
        """What :meth:`final_class` skips at the end of a text: closing quotes and brackets, and
        any language's quotation marks (a translation may close with another style's mark ``“...。“``)."""
        return frozenset({c for _, c in self.quotes} | {c for _, c in self.brackets} | set(_APOSTROPHES)
                         | _all_quote_marks())

    def final_class(self, text: str) -> str | None:
        """The class of the mark that ends ``text`` (closing quotes and brackets skipped), or None.

        Example:
            >>> conventions("en").final_class('He said "no."')
            'period'
            >>> conventions("ja").final_class("行きますか？")
            'question'
        """
        closers = self._closers
        end = len(text)
        while end and (text[end - 1].isspace() or text[end - 1] in closers):
            end -= 1
        best: tuple[int, str] | None = None
        for name, marks in self.classes.items():
            for mark in marks:
                if text.endswith(mark, 0, end) and (best is None or len(mark) > best[0]):
                    best = (len(mark), name)
        return best[1] if best else None

    def asks(self, text: str) -> bool:
        """Does ``text`` end with a question particle before its full stop (``行きますか。``)?"""
        skipped = self._closers | set(self.classes.get("period", ()))
        end = text.rstrip()
        while end and end[-1] in skipped:
            end = end[:-1].rstrip()
        return any(end.endswith(p) for p in self.question_endings)

    def sentence_class(self, text: str) -> str | None:
        """:meth:`final_class`, where a full stop (or no mark) gives way to a mark written
        inside the sentence (:attr:`inner_marks`).

        Example:
            >>> conventions("hy").sentence_class("Ու՞ր ես գնում։"), conventions("el").sentence_class("Πού πας;")
            ('question', 'question')
        """
        found = self.final_class(text)
        if found in (None, "period"):
            for mark, name in self.inner_marks.items():
                if mark in text:
                    return name
        return found


def _table() -> dict[str, Any]:
    return shared._table()  # the one reader of the shared file


@lru_cache(maxsize=1)
def _all_quote_marks() -> frozenset[str]:
    """Every quotation mark of every language and script in the table."""
    table = _table()
    entries = [*table["languages"].values(), *table["scripts"].values()]
    return frozenset(ch for entry in entries for pair in entry.get("quotes", ()) for ch in pair)


def _kinds(brackets: tuple[tuple[str, str], ...], named: Mapping[str, str]) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for a, b in brackets:
        kind = named.get(a, a)
        kinds[a] = kind
        kinds[b] = named.get(b, kind)
    return kinds


@lru_cache(maxsize=256)
def conventions(lang: str, script: str | None = None) -> Conventions:
    """The checks' conventions of ``lang`` (a BCP-47 tag), from :func:`aligner.conventions.conventions`.

    A language the table lacks gets the defaults of ``script`` (or Latin).

    Example:
        >>> conventions("fr").space_before
        ':;?!»'
        >>> conventions("es").openers["question"]
        '¿'
    """
    base = shared.conventions(lang, script)
    table = _table()
    entry = table["languages"].get(language_key(lang), {}) if base.known else {}
    separated = base.spacing != "none"  # scripts that write no space between sentences
    no_space = "".join(ch for ch in table["no_space_before"] if ch not in base.space_before) if separated else ""
    opener_classes: dict[str, str] = table["opener_classes"]
    merged = {**table["scripts"][base.script], **entry}
    classes = {k: list(v) for k, v in table["classes"].items()}
    for mark, name in merged.get("mark_classes", {}).items():  # Greek ";" is a question mark
        for marks in classes.values():
            if mark in marks:
                marks.remove(mark)
        classes.setdefault(name, []).append(mark)
    return Conventions(
        lang=language_key(lang),
        known=base.known,
        quotes=base.quotes,
        space_before=base.space_before,
        space_after=base.space_after,
        no_space_before=no_space,
        space_after_marks=table["space_after_marks"] if separated else "",
        openers=MappingProxyType({opener_classes[ch]: ch for ch in base.openers if ch in opener_classes}),
        classes=MappingProxyType({k: tuple(v) for k, v in classes.items()}),
        brackets=base.brackets,
        bracket_kinds=MappingProxyType(_kinds(base.brackets, table["bracket_kinds"])),
        dialogue_dash=str(entry.get("dialogue_dash", "")),
        dash_closes=bool(entry.get("dash_closes_quote", False)),
        quote_ends=bool(entry.get("quote_ends", False)),
        word_apostrophes=bool(table["scripts"][base.script].get("word_apostrophes", True)),
        syllable_spacing=bool(entry.get("syllable_spacing", False)),
        writes_period=any(mark in base.final for mark in table["classes"]["period"]),
        inner_marks=MappingProxyType(dict(merged.get("inner_marks", {}))),
        unmarked_classes=frozenset(merged.get("unmarked_classes", ())),
        unicameral=base.script in shared.unicameral_scripts(),
        question_endings=tuple(merged.get("question_endings", ())),
    )
