"""Letter case: capital at sentence start as in the source; ALLCAPS and CamelCase tokens kept."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from ..locale_data import usual_script
from .registry import Check, Context, Finding, register
from .side import MASK, Side

#: Letters with case (Latin, Cyrillic, Greek...) and digits: a token of them ends where the text
#: turns to another kind of letter, so ``HIV`` is a token in Japanese ``HIV感染`` (uncased scripts
#: write no space between words, or a foreign name, and their letters).
_CASED = r"\p{Lu}\p{Ll}\p{Lt}\p{N}"
_ACRONYM = regex.compile(rf"(?<![{_CASED}])\p{{Lu}}[\p{{Lu}}\p{{N}}]*\p{{Lu}}[\p{{Lu}}\p{{N}}]*(?![{_CASED}])")
_CAMEL = regex.compile(rf"(?<![{_CASED}])(?:\p{{Ll}}+\p{{Lu}}|\p{{Lu}}\p{{Ll}}+\p{{Lu}})[{_CASED}]*(?![{_CASED}])")

#: Full-width forms of ASCII (U+FF01-FF5E) folded to ASCII, one character for one, so that an
#: acronym written ``ＮＡＴＯ`` in a CJK text is the source's ``NATO`` kept (offsets stay).
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def fold_width(text: str) -> str:
    """``text`` with full-width ASCII forms written as ASCII (same length, same offsets).

    Example:
        >>> fold_width("ＮＡＴＯの")
        'NATOの'
    """
    return text.translate(_WIDTH)


def _cased(ch: str) -> bool:
    return ch.lower() != ch.upper()


def _first_letter(text: str) -> int | None:
    """Offset of the first letter when the text starts with one (after spaces and punctuation)."""
    for k, ch in enumerate(text):
        cat = unicodedata.category(ch)
        if ch.isspace() or cat.startswith("P") or (cat.startswith("S") and ch != MASK):
            continue
        return k if cat.startswith("L") else None
    return None


def _startcaps(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    if ctx.src_conv.unicameral or ctx.tgt_conv.unicameral:
        return  # Georgian writes no capitals: its letters say nothing about a sentence start
    a, c = _first_letter(src.masked), _first_letter(tgt.masked)
    if a is None or c is None:
        return
    s, t = src.text[a], tgt.text[c]
    if _cased(s) and _cased(t) and s.isupper() != t.isupper():
        yield Finding(f"the source starts with {'a capital' if s.isupper() else 'a small letter'} ({s!r}), "
                      f"the target with {'a capital' if t.isupper() else 'a small letter'} ({t!r})",
                      (src.evidence(a, a + 1), tgt.evidence(c, c + 1)))


#: A text with at least this many cased letters, most of them capitals, is written in capitals.
SHOUTING_LETTERS = 12


def _shouting(text: str) -> bool:
    letters = [ch for ch in text if _cased(ch)]
    return len(letters) >= SHOUTING_LETTERS and sum(ch.isupper() for ch in letters) > 0.6 * len(letters)


def _near(token: str, word: str) -> bool:
    """``word`` is ``token`` with its case changed, or (3 letters or more) one letter dropped or changed."""
    if word == token:
        return False
    a, b = token.casefold(), word.casefold()
    if a == b:
        return True
    if len(a) < 3 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))


_TOKEN = regex.compile(rf"[{_CASED}\p{{M}}]+")


def _kept_tokens(src: Side, tgt: Side, pattern: regex.Pattern[str], what: str, absent: bool,
                 keeps: str | None = None) -> Iterator[Finding]:
    """Tokens ``pattern`` finds in the source that the target changed (case, one letter); with
    ``absent`` also those the target does not have at all, and with ``keeps`` (the text of a
    target document in a script other than Latin letters, which may transliterate a name:
    McGregor / Макгрегор, マクレガー) only those that text writes as in the source elsewhere
    (``WhatsApp``)."""
    if _shouting(src.masked):
        return  # a headline in capitals: its words are not acronyms
    tgt_text = fold_width(tgt.text)
    words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(fold_width(tgt.masked))]
    seen: set[str] = set()
    for m in pattern.finditer(src.masked):
        token = m.group()
        if token in seen or token in tgt_text:
            continue
        seen.add(token)
        near = next(((w, a, b) for w, a, b in words if _near(token, w)), None)
        if near is not None:
            yield Finding(f"{what} {token!r} is written {near[0]!r} in the target",
                          (src.evidence(m.start(), m.end()), tgt.evidence(near[1], near[2])))
        elif absent and (keeps is None or token in keeps):
            yield Finding(f"{what} {token!r} is not in the target", (src.evidence(m.start(), m.end()),))


def _acronyms(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    return _kept_tokens(src, tgt, _ACRONYM, "acronym", absent=False)  # UK -> Inggris is a translation


def _camelcase(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    return _kept_tokens(src, tgt, _CAMEL, "CamelCase name", absent=True,
                        keeps=None if usual_script(tgt.doc.lang) in ("Latn", "") else fold_width(tgt.doc.text))


register(Check("startcaps", "capitalisation", "minor", "the target starts with a capital where the source does (cased scripts)",
               ("The plan works.", "rencana itu berhasil."), ("startcaps", "simplecaps"), bead=_startcaps))
register(Check("acronyms", "capitalisation", "minor", "ALLCAPS tokens of the source are not miswritten in the target (NASA -> Nasa, NAS)",
               ("NASA said so.", "Nasa mengatakannya."), ("acronyms",), bead=_acronyms))
register(Check("camelcase", "capitalisation", "minor", "CamelCase tokens (iPhone, OpenAI) are in the target as written",
               ("Buy an iPhone.", "Beli sebuah Iphone."), (), bead=_camelcase))
