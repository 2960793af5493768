"""Mark page furniture (navigation, menus, language pickers, forum chrome) as boilerplate.

Boilerplate spans stay in the ``Document`` with ``kind="boilerplate"``; alignment skips them
by default and reports list them. The rules are general, not site-specific. A whole line
(paragraph) is furniture when it

* has no letters (counters, bare dates such as ``2024-08-19``, rules of dashes);
* is written in a script that does not fit the document language and has none of its
  letters (Chinese forum chrome around a Korean post; a Chinese menu in a German page);
  inside a CJK or Hangul document only short lines count, and Latin-only ones only up to
  four words (an English headline stays content);
* is a language picker: three or more language names covering most of the line
  (``한어Русский языкEnglishFrançais...``), names from ``data/boilerplate/language-names.txt``;
* is made only of navigation labels (``data/boilerplate/navigation.txt``) and numbers,
  possibly separated by ``|``, ``·`` or spaces (``登录 | 立即注册``, ``Home``);
* is a footer: ``Powered by ...``, ``© ...``, ``Copyright ...``, ``All rights reserved``;
* is a menu of short pieces separated by two or more ``|``;
* is a short bare date or time line (``Am 19. August 2024``, ``2023年11月22日``).

Inside content lines, a sentence with no letters at all is furniture too.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import resources

import regex

from ..conventions import SCRIPT_SAMPLE, conventions, dominant_script
from ..mojibake import mojibake_repair
from ..document import BOILERPLATE, Span
from ..language import SCRIPT_LETTERS

__all__ = ["classify_spans", "is_furniture_line"]

_LETTER = regex.compile(r"\p{L}")
#: Latin-script lines in a document of another script count as furniture up to this length.
_SHORT_FOREIGN = 120
#: ... and Latin-only lines there only up to this many words (an English headline stays).
_SHORT_LATIN_WORDS = 4
_NON_LATIN_LETTER = regex.compile(r"(?=\p{L})\P{Latin}")
#: Navigation lines and language pickers are never longer than this.
_MAX_MENU = 400
_FOOTER = regex.compile(
    r"^\W{0,3}(?:powered\s+by\b|©|\(c\)\s|copyright\b|all\s+rights\s+reserved|hak\s+cipta|"
    r"alle\s+rechte\s+vorbehalten|版权所有|版權所有|저작권)|all\s+rights\s+reserved|"
    r"\bprocessed\s+in\s+[\d.]+\s+second",
    regex.I,
)
_SEPARATORS = regex.compile(r"\s*[|·•»]\s*|\s+")
_NUMBER = regex.compile(r"^[\d.,:%+\-/()\[\]#]+$")
_DATE = regex.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}|\d{1,2}\.?\s+\p{L}+\s+\d{4}|"
    r"\p{L}+\s+\d{1,2},?\s+\d{4}"
)


def _read(name: str) -> list[str]:
    data = resources.files("aligner.data").joinpath("boilerplate", name).read_text("utf-8")
    return [line.strip() for line in data.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _navigation() -> frozenset[str]:
    return frozenset(word.lower() for word in _read("navigation.txt"))


@lru_cache(maxsize=1)
def _language_names() -> regex.Pattern[str]:
    names = sorted(set(_read("language-names.txt")), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(n) for n in names), regex.I)


@lru_cache(maxsize=None)
def _letters_of(script: str) -> regex.Pattern[str]:
    """Letters of ``script``; Japanese (``Kana``) is written in kana and Han together."""
    if script == "Kana":
        return regex.compile(r"[\p{Hiragana}\p{Katakana}\p{Han}]")
    return SCRIPT_LETTERS.get(script, SCRIPT_LETTERS["Latin"])


def _is_nav(line: str) -> bool:
    pieces = [p.strip(".,:;!?()[]<>\"'“”«»-–—") for p in _SEPARATORS.split(line)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return False
    nav = _navigation()
    if line.strip(" .:!?»>").lower() in nav:
        return True
    named = 0
    for piece in pieces:
        low = piece.lower()
        if low in nav:
            named += 1
        elif not _NUMBER.match(piece):
            return False
    return named > 0


def _is_language_picker(line: str) -> bool:
    matches = _language_names().findall(line)
    if len(matches) < 3:
        return False
    covered = sum(len(m) for m in matches)
    return covered >= 0.6 * sum(1 for ch in line if not ch.isspace())


def is_furniture_line(line: str, lang: str, script: str | None = None) -> bool:
    """Is this whole line (one paragraph) page furniture in a ``lang`` document written in
    ``script`` (a Unicode script name; default: the language's usual script from the
    conventions table, none for ``und``)?

    Example:
        >>> is_furniture_line("Powered by Discuz! X3.5", "ko"), is_furniture_line("Hallo Welt.", "de")
        (True, False)
    """
    if _LETTER.search(line) is None:
        return True
    # article text with encoding damage (flagged as such) is no furniture, whatever it looks
    # like; asked only of lines the rules would set aside, so clean text pays nothing for it
    return _looks_like_furniture(line, lang, script) and mojibake_repair(line) is None


def _looks_like_furniture(line: str, lang: str, script: str | None) -> bool:
    """The furniture rules of :func:`is_furniture_line` for a line with letters."""
    expected = script or (None if lang == "und" else conventions(lang).script)
    if expected is not None and not _letters_of(expected).search(line):
        if expected == "Latin":
            return True  # no Latin letters in a Latin-script document
        if len(line) <= _SHORT_FOREIGN and (
            _NON_LATIN_LETTER.search(line) or len(line.split()) <= _SHORT_LATIN_WORDS
        ):
            return True  # Chinese chrome around a Korean post; "Archiver", "Login" ...
    if _FOOTER.search(line) and len(line) <= 200:
        return True
    if line.count("|") >= 2:
        pieces = [p for p in line.split("|") if p.strip()]
        if pieces and sum(len(p.strip()) for p in pieces) / len(pieces) <= 20:
            return True
    if len(line) <= 40 and len(_LETTER.findall(line)) <= 12 and _DATE.search(line):
        return True
    if len(line) > _MAX_MENU:
        return False
    return _is_nav(line) or _is_language_picker(line)


def _document_script(text: str, lang: str) -> str | None:
    """``lang``'s usual script where a real share (30%) of the document's letters are in it,
    else the document's own dominant script; ``None`` for ``und``."""
    if lang == "und":
        return None
    own = conventions(lang).script
    sample = text[:SCRIPT_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if len(_letters_of(own).findall(sample)) >= 0.3 * letters:
        return own
    return dominant_script(sample) or own


def classify_spans(text: str, spans: tuple[Span, ...], lang: str) -> tuple[Span, ...]:
    """Return ``spans`` with page furniture re-labelled ``kind="boilerplate"``. A line is read
    against ``lang``'s usual script, or against the document's own where little of it is in
    that one (Serbian in Latin letters, Tamil under a code the conventions table lacks)."""
    script = _document_script(text, lang)
    out: list[Span] = []
    i = 0
    n = len(spans)
    while i < n:
        j = i
        paragraph = spans[i].paragraph
        while j < n and spans[j].paragraph == paragraph:
            j += 1
        line = text[spans[i].start : spans[j - 1].end]
        if is_furniture_line(line, lang, script):
            out.extend(replace(s, kind=BOILERPLATE) for s in spans[i:j])
        else:
            for s in spans[i:j]:
                if _LETTER.search(text, s.start, s.end) is None:
                    out.append(replace(s, kind=BOILERPLATE))
                else:
                    out.append(s)
        i = j
    return tuple(out)
