"""Per-language sentence boundary rules inside one paragraph.

Abbreviation lists live in ``aligner/data/abbreviations/<lang>.txt`` (one per line).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

__all__ = ["split_paragraph", "abbreviations"]

_CJK_LANGS = {"zh", "ja"}
_CLOSERS = "\"'”’»)]}」』）】》›"
# A terminal run: . ! ? … and CJK full stops, followed by closing quotes or brackets.
_TERMINAL = regex.compile(r"(?:[.!?…]+|[。！？｡]+)[" + regex.escape(_CLOSERS) + r"]*")
_WORD_BEFORE = regex.compile(r"(\w[\w.\-]*)$")


@lru_cache(maxsize=None)
def abbreviations(lang: str) -> frozenset[str]:
    """Lower-cased abbreviations (without the final dot) known for ``lang``."""
    try:
        data = resources.files("aligner.data").joinpath("abbreviations", f"{lang}.txt").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return frozenset()
    return frozenset(
        line.strip().rstrip(".").lower() for line in data.splitlines() if line.strip() and not line.startswith("#")
    )


def _is_boundary(text: str, start: int, end: int, lang: str, abbrevs: frozenset[str]) -> bool:
    """Is the terminal run ``text[start:end]`` a sentence end?"""
    run = text[start:end]
    nxt = end
    limit = len(text)
    if run[0] in "。！？｡":
        return True
    # Look at what follows.
    while nxt < limit and text[nxt] in " \t\u00a0":
        nxt += 1
    if nxt >= limit:
        return True
    following = text[nxt]
    spaced = nxt > end
    if run[0] == ".":
        before = _WORD_BEFORE.search(text, 0, start)
        word = before.group(1) if before else ""
        if word.lower() in abbrevs or word.lower().rstrip(".") in abbrevs:
            return False
        if len(word) == 1 and word.isalpha() and word.isupper():
            return False  # an initial: "J. Smith"
        if not spaced:
            # "3.5", "e.g", "OpenAI.com": no boundary unless Hangul follows Hangul ("맡았다.그")
            prev = text[start - 1] if start else ""
            return bool(regex.match(r"\p{Hangul}", prev) and regex.match(r"\p{Hangul}", following))
        if following.islower() and lang not in ("ko", "zh", "ja"):
            return False
    elif not spaced:
        # "!?" glued to a following word: only Hangul-to-Hangul counts.
        prev = text[start - 1] if start else ""
        return bool(regex.match(r"\p{Hangul}", prev) and regex.match(r"\p{Hangul}", following))
    if following in ",;:" or (lang == "ko" and regex.match(r"(고|며|라고|이라고)\b", text[nxt:nxt + 4])):
        return False
    return True


def split_paragraph(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """Sentence ranges ``[s, e)`` covering ``text[start:end]`` (not yet trimmed)."""
    abbrevs = abbreviations(lang)
    ranges: list[tuple[int, int]] = []
    sentence_start = start
    for match in _TERMINAL.finditer(text, start, end):
        if _is_boundary(text[:end], match.start(), match.end(), lang, abbrevs):
            ranges.append((sentence_start, match.end()))
            sentence_start = match.end()
    if sentence_start < end:
        ranges.append((sentence_start, end))
    return ranges
