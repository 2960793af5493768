"""Per-language punctuation and quotation conventions (data: ``data/conventions/punctuation.json``).

A leaf module: segmentation (sentence-final marks, quotes that stay with a sentence, how
sentences are separated) and the QA checks (quotes, spacing before ``:;?!`` in French) read
the same table. A language entry names its script and inherits that script's defaults for any
key it does not set; a language the table does not know gets its script's entry, found from
a BCP-47 script subtag (``sr-Latn``) or from the letters of a text (:func:`dominant_script`).

Example:
    >>> conventions("fr").quotes[0], conventions("fr").space_before
    (('«', '»'), ':;?!»')
    >>> conventions("hi").final
    '।॥.!?…'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .language import language_key, script_counts

__all__ = [
    "Conventions", "conventions", "script_conventions", "conventions_for_text", "dominant_script", "SCRIPT_SAMPLE",
    "known_languages", "known_scripts", "unicameral_scripts",
]

#: ISO 15924 codes of the scripts in the table (for BCP-47 tags such as ``sr-Latn``, ``zh-Hant``).
_ISO15924 = {
    "latn": "Latin", "cyrl": "Cyrillic", "grek": "Greek", "armn": "Armenian", "geor": "Georgian",
    "hebr": "Hebrew", "arab": "Arabic", "syrc": "Syriac", "thaa": "Thaana", "deva": "Devanagari",
    "beng": "Bengali", "guru": "Gurmukhi", "orya": "Oriya", "gujr": "Gujarati", "taml": "Tamil",
    "telu": "Telugu", "knda": "Kannada", "mlym": "Malayalam", "sinh": "Sinhala", "ethi": "Ethiopic",
    "mymr": "Myanmar", "tibt": "Tibetan", "khmr": "Khmer", "thai": "Thai", "laoo": "Lao",
    "mong": "Mongolian", "olck": "Ol_Chiki", "tfng": "Tifinagh", "hang": "Hangul", "kore": "Hangul",
    "hani": "Han", "hans": "Han", "hant": "Han", "jpan": "Kana", "hira": "Kana", "kana": "Kana",
}


@dataclass(frozen=True)
class Conventions:
    """How one language (or script) punctuates and quotes.

    Attributes:
        lang: the language code asked for ('' for a script's defaults).
        script: the script's name as Unicode writes it (``Latin``, ``Devanagari``; ``Kana`` for
            Japanese, whose text mixes kana and Han).
        final: sentence-final marks.
        quotes: ``(open, close)`` quotation pairs, the primary pair first.
        brackets: ``(open, close)`` bracket pairs.
        openers: marks that open a sentence or clause (Spanish ``¿ ¡``).
        space_before: marks written with a (no-break) space before them (French ``: ; ? ! »``).
        space_after: marks written with a space after them (French ``«``).
        spacing: ``space`` (sentences are separated by a space), ``none`` (no space between
            sentences: Chinese, Japanese) or ``model`` (a space alone separates sentences, with
            no mark: Thai, Lao; only a learned model can find the boundary).
        glued_final: a final mark glued to the next word still ends a sentence (Korean
            ``했다.19일``).
        quote_particles: letters that continue a sentence right after a closing quote
            (Japanese ``「…。」と言った``).
        sentence_model: a segmenter of another package that finds this language's sentences
            (``pythainlp-crfcut`` for Thai; see :mod:`aligner.segment.external`), or ''.
        dialogue_dash: dashes that set off direct speech instead of quotation marks (Polish,
            Russian, Spanish ``– Dlaczego? – zapytał.``), or ''; the segmenter keeps a
            question or exclamation with the narrator's words after such a dash.
        known: the table has an entry for this language itself (not only for its script).
    """

    lang: str
    script: str
    final: str
    quotes: tuple[tuple[str, str], ...]
    brackets: tuple[tuple[str, str], ...]
    openers: str = ""
    space_before: str = ""
    space_after: str = ""
    spacing: str = "space"
    glued_final: bool = False
    quote_particles: str = ""
    sentence_model: str = ""
    dialogue_dash: str = ""
    known: bool = True

    @property
    def closing_quotes(self) -> str:
        """Every closing quotation mark of :attr:`quotes`, in order, without repeats."""
        return "".join(dict.fromkeys(close for _open, close in self.quotes))

    @property
    def own_stops(self) -> str:
        """The script's own full stops among :attr:`final` (Devanagari ``।``, Armenian ``։``),
        '' where its full stop is ``.``."""
        period = _table()["classes"]["period"]
        return "".join(c for c in self.final if c != "." and c in period)

    @property
    def opening_quotes(self) -> str:
        """Every opening quotation mark of :attr:`quotes`, in order, without repeats."""
        return "".join(dict.fromkeys(open_ for open_, _close in self.quotes))


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = resources.files("aligner.data").joinpath("conventions", "punctuation.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _pairs(items: list[list[str]]) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in items)


def _build(lang: str, script: str, entry: dict[str, Any], known: bool) -> Conventions:
    table = _table()
    merged: dict[str, Any] = dict(table["scripts"][script])
    merged.update(entry)
    return Conventions(
        lang=lang,
        script=script,
        final=merged["final"],
        quotes=_pairs(merged["quotes"]),
        brackets=_pairs(merged.get("brackets", table["brackets"])),
        openers=merged.get("openers", ""),
        space_before=merged.get("space_before", ""),
        space_after=merged.get("space_after", ""),
        spacing=merged.get("spacing", "space"),
        glued_final=bool(merged.get("glued_final", False)),
        quote_particles=merged.get("quote_particles", ""),
        sentence_model=merged.get("sentence_model", ""),
        dialogue_dash=merged.get("dialogue_dash", ""),
        known=known,
    )


def known_languages() -> frozenset[str]:
    """Language codes with an entry of their own."""
    return frozenset(_table()["languages"])


@lru_cache(maxsize=1)
def unicameral_scripts() -> frozenset[str]:
    """Scripts written without capitals in running text, though Unicode gives them a case
    (the table's ``unicameral``: Georgian Mkhedruli): their letters say nothing of a sentence start."""
    return frozenset(name for name, entry in _table()["scripts"].items() if entry.get("unicameral"))


def known_scripts() -> tuple[str, ...]:
    """Script names with defaults in the table."""
    return tuple(_table()["scripts"])


def _script_subtag(lang: str) -> str | None:
    for part in lang.replace("_", "-").split("-")[1:]:
        if len(part) == 4 and part.lower() in _ISO15924:
            return _ISO15924[part.lower()]
    return None


@lru_cache(maxsize=None)
def script_conventions(script: str) -> Conventions:
    """A script's default conventions (``KeyError`` for a script the table does not have)."""
    return _build("", script, {}, known=False)


@lru_cache(maxsize=None)
def conventions(lang: str, script: str | None = None) -> Conventions:
    """The conventions of ``lang`` (a BCP-47 tag; only its language and script subtags count).

    A language the table lacks gets the defaults of ``script`` (or of the tag's script subtag,
    or Latin) with ``known=False``. A script subtag overrides the language's own script
    (``sr-Latn``).
    """
    base = language_key(lang)
    entry = _table()["languages"].get(base)
    chosen = _script_subtag(lang) or script
    if entry is not None:
        own = entry["script"]
        if chosen is None or chosen == own:
            return _build(lang, own, entry, known=True)
        keep = {k: v for k, v in entry.items() if k not in ("final", "spacing", "glued_final")}
        return _build(lang, chosen, keep, known=True)
    if chosen is None or chosen not in _table()["scripts"]:
        chosen = "Latin"
    return _build(lang, chosen, {}, known=False)


#: A document's script is read from its first this many characters.
SCRIPT_SAMPLE = 4000


def dominant_script(text: str) -> str | None:
    """The script with the most letters in (the first 4,000 characters of) ``text``, or ``None``."""
    name, n = max(script_counts(text[:SCRIPT_SAMPLE]).items(), key=lambda kv: kv[1])
    return name if n else None


def conventions_for_text(lang: str, text: str) -> Conventions:
    """:func:`conventions` of ``lang``; for a language the table lacks, the script of ``text``."""
    found = conventions(lang)
    if found.known or _script_subtag(lang):
        return found
    script = dominant_script(text)
    return conventions(lang, script) if script else found
