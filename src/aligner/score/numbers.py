"""Numbers and dates compared by value across languages.

Handles decimal commas and points, thousand separators (``1.500`` in Indonesian and
``1,500`` in English are both 1500; when a separator could be either, both readings are
kept), magnitude words (``2,5 juta`` = ``2.5 million`` = ``2,5 Millionen``; ``3만`` = 30000),
percent words (``%``, ``percent``, ``pct``, ``persen``, ``Prozent``), ordinals (``ke-51``,
``51st``, ``51.``, ``kedelapan`` = ``eighth``), small numbers written as words, and dates
(``2 Oktober 1968`` = ``Oct. 2, 1968``: day, month and year are compared one by one; month
names count only next to a number).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..locale_data import decimal_symbol, group_symbol, month_names_with_english

__all__ = ["Quantity", "extract_quantities", "extract_numbers", "match_quantities", "roman_value", "number_words"]


_MAGNITUDES: dict[str, float] = {
    # English
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6,
    "mn": 1e6, "mln": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12,
    # Indonesian
    "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9, "triliun": 1e12,
    # German (Billion is 10^12)
    "tausend": 1e3, "mio": 1e6, "million_de": 1e6, "millionen": 1e6, "milliarde": 1e9,
    "milliarden": 1e9, "mrd": 1e9, "billionen": 1e12,
    # Korean / Chinese / Japanese
    "천": 1e3, "만": 1e4, "억": 1e8, "조": 1e12, "千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8,
}
_PERCENT = ("%", "percent", "per cent", "pct", "persen", "prozent", "퍼센트", "％")

_NUM_PATTERN = (
    # a number may touch a Han, kana or Hangul letter (82万人, ラジオ4) but not a letter of a
    # script that spaces its words (A4, 3G)
    r"(?<![\p{N}\p{Latin}\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Devanagari}])(?P<ord_id>ke-)?"
    r"(?P<num>\p{Nd}+(?:[.,\u00a0\u202f]\p{Nd}{3})*(?:[.,:]\p{Nd}+)?)"
    r"(?P<cjk_month>\s?[月월](?!\p{N}))?"
    r"(?P<after>(?:st|nd|rd|th)\b|\.(?=\s+\p{Ll})|(?:\s?(?:%|％|percent|per\s+cent|pct|persen|prozent|퍼센트)))?"
    r"(?:\s?(?P<mag>thousands?|millions?|billions?|trillion|bn|mn|mln|tn|ribu|rb|juta|jt|miliar|milyar|"
    r"triliun|tausend|mio|millionen|million|milliarden?|mrd|billionen|[천만억조千万萬亿億]|(?<=\p{Nd})[km])(?![\p{Latin}\p{Cyrillic}]))?"
    r"(?P<pct2>\s?(?:%|percent|per\s+cent|pct|persen|prozent|퍼센트))?"
)
_NUM = regex.compile(_NUM_PATTERN, regex.IGNORECASE)


@lru_cache(maxsize=128)
def _num_pattern(lang: str) -> "regex.Pattern[str]":
    """The number pattern for ``lang``: unless CLDR groups its digits with a comma (English,
    Chinese...), a plain space between digit groups joins them too (``40 000`` in Russian, and
    the ISO style ``150 000`` that Spanish or German texts use beside ``150.000``)."""
    if group_symbol(lang) == ",":
        return _NUM
    spaced = r"(?P<num>\p{Nd}{1,3}(?: \p{Nd}{3})+(?!\p{Nd})(?:[.,]\p{Nd}+)?|"
    return regex.compile(_NUM_PATTERN.replace("(?P<num>", spaced, 1), regex.IGNORECASE)


_EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "twentieth": 20, "hundredth": 100, "half": 0.5, "once": 1, "twice": 2,
    "single": 1, "double": 2, "triple": 3, "decade": 10, "decades": 10, "both": 2, "pair": 2, "couple": 2, "million": 1e6,
    "billion": 1e9, "thousand": 1e3, "a": 1, "an": 1,
}
_ID_UNITS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
             "delapan": 8, "sembilan": 9}
_ID_WORDS: dict[str, float] = {
    **_ID_UNITS, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "sejuta": 1e6,
    "pertama": 1, "setengah": 0.5, "separuh": 0.5, "kedua": 2, "ketiga": 3, "keempat": 4,
    "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
    "sekali": 1, "lusin": 12, "selusin": 12, "juta": 1e6, "miliar": 1e9, "ribu": 1e3,
}
_ID_COMPOUND = regex.compile(r"\b(?:ke)?(" + "|".join(_ID_UNITS) + r"|se)\s+(puluh|belas|ratus)"
                             r"(?:\s+(" + "|".join(_ID_UNITS) + r"))?\b", regex.IGNORECASE)
_PM = regex.compile(r"\s?([ap]\.?m\.?)(?!\p{L})", regex.IGNORECASE)
_TIME_WORD = regex.compile(r"(?:pukul|jam|um|at)\s*$", regex.IGNORECASE)
_WORD = regex.compile(r"\p{L}+")
_NEXT_TO_DIGIT = regex.compile(r"\p{Nd}\.?\s?$")
_NEXT_TO_DIGIT_AFTER = regex.compile(r"\.?\s?\p{Nd}")

_ROMAN = regex.compile(
    r"(?<![\p{L}\p{N}])(?=[MDCLXVI]{2})(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
    r"(?:e|er|re|ème|eme|th|\.)?(?![\p{L}\p{N}])")
_ROMAN_VALUE = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def roman_value(numeral: str) -> int:
    """The value of an upper-case Roman numeral (``XIX`` -> 19); 0 for an empty string."""
    total = 0
    for k, ch in enumerate(numeral):
        v = _ROMAN_VALUE[ch]
        total += -v if k + 1 < len(numeral) and _ROMAN_VALUE[numeral[k + 1]] > v else v
    return total


@lru_cache(maxsize=256)
def _month_pattern(lang: str) -> tuple["regex.Pattern[str]", Mapping[str, int]]:
    """Month names of ``lang`` and English (CLDR through Babel), longest first, as one pattern."""
    names = month_names_with_english(lang)
    alt = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    return regex.compile(r"(?<!\p{L})(" + alt + r")\.?(?!\p{L})", regex.IGNORECASE), names


@dataclass(frozen=True)
class Quantity:
    """A number found in a text.

    Attributes:
        values: every value the written form can mean (``1.500`` may be 1500 or 1.5).
        kind: ``number``, ``percent``, ``ordinal``, ``month``, ``word`` (a number in words) or
            ``roman`` (a Roman numeral: ``XIXe siecle``, ``Henry VIII``; like a word, it only
            ever excuses a digit number).
        start, end: half-open character span in the text.
    """

    values: frozenset[float]
    kind: str
    start: int
    end: int

    @property
    def spelled(self) -> bool:
        """True for numbers written as words (they only ever excuse a digit number)."""
        return self.kind in ("word", "roman")

    def show(self) -> str:
        """The value(s) as a short string, e.g. ``1500`` or ``1.5|1500``."""
        return "|".join(_fmt(v) for v in sorted(self.values))


def _fmt(v: float) -> str:
    if v == int(v):
        return str(int(v))
    return f"{v:.6f}".rstrip("0").rstrip(".")


def _readings(token: str, lang: str) -> set[float]:
    token = token.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if ":" in token:  # a time such as 10:30 -> compared through its parts elsewhere
        token = token.split(":")[0]
    conventions = [(",", "."), (".", ",")] if decimal_symbol(lang) == "," else [(".", ","), (",", ".")]
    out: set[float] = set()
    for decimal, thousands in conventions:
        t = token
        if thousands in t:
            if not regex.fullmatch(r"\p{Nd}{1,3}(?:" + regex.escape(thousands) + r"\p{Nd}{3})+"
                                   r"(?:" + regex.escape(decimal) + r"\p{Nd}+)?", t):
                continue
            t = t.replace(thousands, "")
        if t.count(decimal) > 1:
            continue
        try:
            out.add(float(t.replace(decimal, ".")))
        except ValueError:
            continue
    if not out:
        digits = regex.sub(r"\D", "", token)
        out.add(float(digits) if digits else 0.0)
    return out


@lru_cache(maxsize=32768)
def extract_quantities(text: str, lang: str) -> tuple[Quantity, ...]:
    """Every number in ``text`` with the values it can mean, in text order.

    Example:
        >>> [(q.show(), q.kind) for q in extract_quantities("Rp 1,5 triliun, naik 5 persen, ke-51", "id")]
        [('1500000000000', 'number'), ('5', 'percent'), ('51', 'ordinal')]
        >>> [(q.show(), q.kind) for q in extract_quantities("Oct. 2, 1968: $2.5bn", "en")]
        [('10', 'month'), ('2', 'number'), ('1968', 'number'), ('2500000000', 'number')]
    """
    found: list[Quantity] = []
    digit_spans: list[tuple[int, int]] = []
    for m in _num_pattern(lang).finditer(text):
        num = m.group("num")
        values = _readings(num, lang)
        kind = "number"
        after = (m.group("after") or "").strip().lower()
        pct2 = (m.group("pct2") or "").strip()
        if m.group("ord_id") or after in ("st", "nd", "rd", "th") or (after == "." and lang == "de"):
            kind = "ordinal"
        if (after and after != "." and after not in ("st", "nd", "rd", "th")) or pct2:
            kind = "percent"
        if m.group("cjk_month"):
            kind = "month"
        mag = (m.group("mag") or "").lower()
        if mag:
            factor = _MAGNITUDES.get(mag, 1.0)
            if mag == "billion" and lang == "de":
                factor = 1e12
            values = {round(v * factor, 6) for v in values}
        found.append(Quantity(frozenset(values), kind, m.start("num"), m.end()))
        digit_spans.append((m.start(), m.end()))
        pm = _PM.match(text, m.end())
        is_time = regex.fullmatch(r"\p{Nd}{1,2}[:.]\p{Nd}{2}", num) and (
            ":" in num or pm or _TIME_WORD.search(text[max(0, m.start() - 8) : m.start()]))
        if pm and regex.fullmatch(r"\p{Nd}{1,2}", num):  # 5pm -> 5 or 17
            found[-1] = Quantity(frozenset({float(num), float(num) + 12}), "number", m.start("num"), m.end())
        if is_time:  # 10:30 / pukul 10.30 / 5.30pm -> hour and minutes
            hour, minutes = regex.split(r"[:.]", num)
            hours = {float(hour)} | ({float(hour) + 12} if pm and pm.group(1).lower().startswith("p") else set())
            found[-1] = Quantity(frozenset(hours), "number", m.start("num"), m.end())
            if int(minutes):
                found.append(Quantity(frozenset({float(minutes)}), "number", m.start("num"), m.end("num")))
        elif regex.fullmatch(r"\p{Nd}{1,3}:\p{Nd}{1,3}", num):  # a score or ratio: 5:3 = 5-3
            first, second = num.split(":")
            found[-1] = Quantity(frozenset({float(first)}), "number", m.start("num"), m.start("num") + len(first))
            found.append(Quantity(frozenset({float(second)}), "number", m.end("num") - len(second), m.end("num")))
    pattern, months = _month_pattern(lang)
    for m in pattern.finditer(text):
        name = m.group(1)
        window = text[max(0, m.start() - 12) : m.end() + 12]
        if not regex.search(r"\p{Nd}", window):
            continue
        if len(name) <= 4 and not (name[0].isupper() or _NEXT_TO_DIGIT.search(text[max(0, m.start() - 4) : m.start()])
                                   or _NEXT_TO_DIGIT_AFTER.match(text, m.end())):
            continue  # a short name ("mar", "mai", "des") in lower case counts only beside a number
        found.append(Quantity(frozenset({float(months[name.casefold()])}), "month", m.start(), m.end()))
    for m in _ROMAN.finditer(text):
        value = roman_value(m.group(1))
        if value:
            found.append(Quantity(frozenset({float(value)}), "roman", m.start(), m.end()))
    found.extend(_spelled(text, lang, digit_spans))
    return tuple(sorted(found, key=lambda q: (q.start, q.end)))


#: Values whose words num2words is asked for: units, teens, tens, hundred, thousand, and the
#: ordinals up to twenty.
_WORD_VALUES = tuple(range(0, 21)) + tuple(range(30, 101, 10)) + (1000,)


@lru_cache(maxsize=128)
def number_words(lang: str) -> dict[str, float]:
    """Lower-cased number words of ``lang`` -> value, from num2words where it knows the language.

    Only one-word forms of at least two letters are kept (``drei``, ``dritte``, ``kolme``); the
    hand-made English and Indonesian tables (with ``dozen``, ``both``, ``setengah``...) come first.

    Example:
        >>> number_words("de")["zwölf"], number_words("fi")["kolme"], number_words("en")["dozen"]
        (12.0, 3.0, 12.0)
    """
    table: dict[str, float] = {k: float(v) for k, v in _EN_WORDS.items()} if lang == "en" else (
        {k: float(v) for k, v in _ID_WORDS.items()} if lang in ("id", "ms") else {})
    try:
        from num2words import num2words  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a main dependency
        return table
    for value in _WORD_VALUES:
        for to in ("cardinal", "ordinal"):
            if to == "ordinal" and not 1 <= value <= 20:
                continue
            try:
                word = str(num2words(value, lang=lang, to=to)).casefold()
            except (NotImplementedError, OverflowError, ValueError, TypeError, KeyError, AttributeError, IndexError):
                break  # the language is not covered
            if " " not in word and len(word) >= 2 and word.isalpha():
                table.setdefault(word, float(value))
    return table


def _spelled(text: str, lang: str, digit_spans: list[tuple[int, int]]) -> Iterable[Quantity]:
    table = number_words(lang)
    if not table:
        return []
    out = []
    covered: list[tuple[int, int]] = []
    if lang in ("id", "ms"):
        for m in _ID_COMPOUND.finditer(text):
            unit = 1 if m.group(1).lower() == "se" else _ID_UNITS[m.group(1).lower()]
            scale = {"puluh": 10, "belas": None, "ratus": 100}[m.group(2).lower()]
            value = 10 + unit if scale is None else unit * scale
            if m.group(3):
                value += _ID_UNITS[m.group(3).lower()]
            out.append(Quantity(frozenset({float(value)}), "word", m.start(), m.end()))
            covered.append((m.start(), m.end()))
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        if w in table and not any(a <= m.start() < b for a, b in covered + digit_spans):
            out.append(Quantity(frozenset({float(table[w])}), "word", m.start(), m.end()))
    return out


def extract_numbers(text: str, lang: str) -> frozenset[str]:
    """The values of the digit numbers in ``text`` as normalised strings (first reading each).

    Example:
        >>> sorted(extract_numbers("Rp 1.500 dan 2,5 persen", "id"))
        ['1500', '2.5']
    """
    out = set()
    for q in extract_quantities(text, lang):
        if q.kind in ("number", "percent", "ordinal"):
            out.add(_fmt(min(q.values, key=lambda v: (abs(v - round(v)) > 0, v)) if len(q.values) > 1 else next(iter(q.values))))
    return frozenset(out)


def match_quantities(src: tuple[Quantity, ...], tgt: tuple[Quantity, ...]) -> tuple[list[Quantity], list[Quantity]]:
    """Digit numbers and dates of each side that find no equal value on the other side.

    A number written in words on one side excuses a digit number of the same value on the
    other, but a number in words is never itself reported missing (``one``, ``satu`` are too
    often not numbers). Matching is one-to-one (a multiset), greedy in text order.

    Returns:
        ``(src_only, tgt_only)``.
    """
    def unmatched(a: tuple[Quantity, ...], b: tuple[Quantity, ...]) -> list[Quantity]:
        pool = [q for q in b]
        used = [False] * len(pool)
        out = []
        # exact-kind digit matches first, then words
        for q in a:
            if q.spelled:
                continue
            hit = None
            for k, r in enumerate(pool):
                if not used[k] and not r.spelled and q.values & r.values:
                    hit = k
                    break
            if hit is None:
                for k, r in enumerate(pool):
                    if not used[k] and r.spelled and q.values & r.values:
                        hit = k
                        break
            if hit is None and q.kind == "month" and not any(r.kind == "month" for r in pool):
                continue  # a month said on one side only ("in November" / "11月"): not a changed date
            if hit is None:
                # the same value may legitimately appear once on one side for twice on the other
                if any(q.values & r.values for r in pool):
                    continue
                out.append(q)
            else:
                used[hit] = True
        return out

    return unmatched(src, tgt), unmatched(tgt, src)
