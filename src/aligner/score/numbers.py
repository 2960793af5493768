"""Numbers and dates compared by value across languages.

Handles decimal commas and points (and the Arabic decimal and group marks ``٫`` ``٬``), thousand separators (and the Indian
lakh grouping ``1,50,000``) (``1.500`` in Indonesian and
``1,500`` in English are both 1500; when a separator could be either, both readings are
kept), magnitude words (``2,5 juta`` = ``2.5 million`` = ``2,5 Millionen``; ``3만`` = 30000),
percent words (``%``, ``percent``, ``pct``, ``persen``, ``Prozent``), ordinals (``ke-51``,
``51st``, ``51.``, ``kedelapan`` = ``eighth``), small numbers written as words, and dates
(``2 Oktober 1968`` = ``Oct. 2, 1968``: day, month and year are compared one by one; month
names count only next to a number).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from ..locale_data import (clock_offset, era_offsets, customary_unit_words, day_period_words, decimal_symbol, group_symbol, magnitude_prefixes,
                           extra_number_words, magnitude_words, month_names_with_english, number_compounds, number_stems, numbered_month_names, proclitics,
                           wide_month_names,
                           ordinal_dot, time_separator)
from .text import is_stopword

__all__ = ["Quantity", "excuse_lone_ones", "extract_quantities", "extract_numbers", "match_quantities", "roman_value", "number_words",
           "excuse_conversions"]


_PERCENT = ("%", "percent", "per cent", "pct", "persen", "prozent", "퍼센트", "％")

#: A number in the Indian lakh grouping (1,50,000; 12,34,56,789.5): no other grouping has this shape.
_LAKH_NUMBER = r"\p{Nd}{1,2}(?:,\p{Nd}{2})+,\p{Nd}{3}(?:\.\p{Nd}+)?"

_NUM_HEAD = (
    # a number may touch a Han, kana or Hangul letter (82万人, ラジオ4) but not a letter of a
    # script that spaces its words (A4, 3G), unless it ends a lower-case word of four letters or
    # more: a space left out (marginaalilla14½)
    r"(?:(?<![\p{N}\p{Latin}\p{Cyrillic}\p{Greek}\p{Arabic}\p{Hebrew}\p{Devanagari}])|(?<=(?<!\p{L})\p{Ll}{4,}))"
    r"(?P<ord_id>ke-)?"
    r"(?P<num>" + _LAKH_NUMBER + r"(?!\p{Nd})|"  # Indian lakh grouping: 1,50,000
    r"\p{Nd}+(?:[.,\u00a0\u202f\u066c]\p{Nd}{3})*(?:[.,:\u066b]\p{Nd}+)?)"
    r"(?P<cjk_month>\s?[月월](?!\p{N}))?"
    r"(?P<decade>(?<=\p{Nd}{3}0)['\u2019]?s\b)?"
    r"(?P<after>(?:st|nd|rd|th)\b|\.(?=\s+\p{Ll})|(?:\s?(?:%|％|percent|per\s+cent|pct|persen|prozent|퍼센트)))?"
)
_NUM_TAIL = r"(?P<pct2>\s?(?:%|percent|per\s+cent|pct|persen|prozent|퍼센트))?"


@lru_cache(maxsize=128)
def _magnitudes(lang: str) -> Mapping[str, float]:
    """Magnitude words of ``lang`` and, where it has no word of the same spelling, of English."""
    table = dict(magnitude_words(lang))
    for word, factor in magnitude_words("en").items():
        table.setdefault(word, factor)
    return table


def _mag_group(lang: str) -> str:
    """The magnitude part of the number pattern: words after a space or none; one-letter
    forms (``5m``, ``2k``) only touching the digits; CJK characters stacked (``4千万``, ``2백만``)."""
    table = _magnitudes(lang)
    words = sorted((w for w in table if len(w) >= 2 or not w.isascii()), key=len, reverse=True)
    cjk = sorted({w for w in table if len(w) == 1 and not w.isascii()})
    letters = "".join(sorted(w for w in table if len(w) == 1 and w.isascii()))
    alt = "|".join(regex.escape(w).replace("\\ ", r"[\s\u00a0]") for w in words)
    stack = f"(?:[{''.join(cjk)}])*" if cjk else ""
    single = f"|(?<=\\p{{Nd}})[{letters}]" if letters else ""
    # a word of four letters or more may take a case ending (Finnish 3,26 miljoonalla)
    return (rf"(?:\s?(?P<mag>(?:{alt}){stack}\.?{single})(?:(?<=\p{{L}}{{4}})\p{{Ll}}{{1,4}})?"
            rf"(?![\p{{Latin}}\p{{Cyrillic}}]))?")


@lru_cache(maxsize=128)
def _prefix_pattern(lang: str) -> "regex.Pattern[str] | None":
    words = sorted(magnitude_prefixes(lang), key=len, reverse=True)
    if not words:
        return None
    return regex.compile(r"(?<!\p{L})(" + "|".join(regex.escape(w) for w in words) + r")\s+$", regex.IGNORECASE)


def _prefix_magnitude(text: str, start: int, lang: str) -> float:
    """The factor of a magnitude word written just before the number (``milioni 20``), else 1."""
    pattern = _prefix_pattern(lang)
    if pattern is None:
        return 1.0
    m = pattern.search(text[max(0, start - 16) : start])
    return magnitude_prefixes(lang)[m.group(1).casefold()] if m else 1.0


def _mag_factor(mag: str, lang: str) -> float:
    """The factor of a (possibly stacked) magnitude: ``千万`` = 1000 * 10000."""
    table = _magnitudes(lang)
    rest = regex.sub(r"[\s\u00a0]+", " ", mag.casefold()).rstrip(".")
    factor = 1.0
    while rest:
        for k in range(len(rest), 0, -1):
            if rest[:k] in table:
                factor *= table[rest[:k]]
                rest = rest[k:].lstrip()
                break
        else:
            return factor
    return factor


@lru_cache(maxsize=128)
def _num_pattern(lang: str) -> "regex.Pattern[str]":
    """The number pattern for ``lang``: its magnitude words (:func:`_mag_group`), and unless CLDR
    groups its digits with a comma (English, Chinese...), a plain space between digit groups
    joins them too (``40 000`` in Russian, and the ISO style ``150 000`` that Spanish or German
    texts use beside ``150.000``)."""
    head = _NUM_HEAD
    if group_symbol(lang) != ",":
        spaced = r"(?P<num>\p{Nd}{1,3}(?: \p{Nd}{3})+(?!\p{Nd})(?:[.,]\p{Nd}+)?|"
        head = head.replace("(?P<num>", spaced, 1)
    return regex.compile(head + _mag_group(lang) + _NUM_TAIL, regex.IGNORECASE)


#: The Han numerals in everyday use, with their Unicode numeric values (三 = 3, 百 = 100, 万 = 10^4;
#: 两 "two (of)" has none in Unicode). The financial forms (壹, 参...) are left out: 参 is also "join".
_HAN = {c: float(unicodedata.numeric(c, 2)) for c in "〇零一二三四五六七八九十百千万萬亿億兆两兩"}
_HAN_RUN = regex.compile("[" + "".join(sorted(_HAN)) + "]+")
_YEAR_RANGE = regex.compile(r"(?<!\p{Nd})(1\p{Nd}|20)\p{Nd}{2}\s?[-\u2013/]\s?$")
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


@lru_cache(maxsize=128)
def _numbered_month_pattern(lang: str) -> "regex.Pattern[str] | None":
    """The month names that hold their number (:func:`aligner.locale_data.numbered_month_names`), longest first."""
    names = numbered_month_names(lang)
    if not names:
        return None
    alt = "|".join(regex.escape(n).replace("\\ ", r"\s") for n in sorted(names, key=len, reverse=True))
    return regex.compile(r"(?<!\p{L})(?:" + alt + r")(?!\p{N})", regex.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number found in a text.

    Attributes:
        values: every value the written form can mean (``1.500`` may be 1500 or 1.5).
        kind: ``number``, ``percent``, ``ordinal``, ``month``, ``word`` (a number in words),
            ``roman`` (a Roman numeral: ``XIXe siecle``, ``Henry VIII``; like a word, it only
            ever excuses a digit number) or ``month_word`` (a month named with no date,
            ``in June``: it only meets a month of the other side).
        start, end: half-open character span in the text.
    """

    values: frozenset[float]
    kind: str
    start: int
    end: int

    @property
    def spelled(self) -> bool:
        """True for numbers written as words (they only ever excuse a digit number)."""
        return self.kind in ("word", "roman", "month_word")

    def show(self) -> str:
        """The value(s) as a short string, e.g. ``1500`` or ``1.5|1500``."""
        return "|".join(_fmt(v) for v in sorted(self.values))


def _fmt(v: float) -> str:
    if v == int(v):
        return str(int(v))
    return f"{v:.6f}".rstrip("0").rstrip(".")


#: The CJK characters of ten thousand and a hundred million, after which a plain number goes on (1万5000).
_MYRIADS = frozenset("万萬億亿만억")
_H_CLOCK = regex.compile(r"(?<![\p{L}\p{Nd}])(\p{Nd}{1,2})h(\p{Nd}{2})(?![\p{L}\p{Nd}])")
_LAKH = regex.compile(_LAKH_NUMBER)


def _readings(token: str, lang: str) -> set[float]:
    token = token.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if ":" in token:  # a time such as 10:30 -> compared through its parts elsewhere
        token = token.split(":")[0]
    if _LAKH.fullmatch(token):  # 1,50,000 = 150000, 12,34,56,789.5: only Indian grouping has this shape
        return {float(token.replace(",", ""))}
    if "\u066b" in token or "\u066c" in token:  # the Arabic decimal and group marks (١٬٥٠٠٫٥) mean one thing each
        try:
            return {float(token.replace("\u066c", "").replace("\u066b", "."))}
        except ValueError:
            pass
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


@lru_cache(maxsize=128)
def _day_periods(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words for a.m. / p.m. in ``lang`` and English."""
    am, pm = day_period_words(lang)
    en_am, en_pm = day_period_words("en")
    latin = {"am", "pm"}  # read after the number by _PM only ("am 29." is German "on the 29th")
    return (am | en_am) - latin, (pm | en_pm) - latin


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
    mags: list[float] = []  # the magnitude factor of each digit number (1.0: none)
    am_words, pm_words = _day_periods(lang)
    eras = era_offsets(lang)
    # 15h30 (French, Portuguese, Vietnamese clocks) is read as 15:30: same length, same offsets
    scan = _H_CLOCK.sub(r"\1:\2", text) if "h" in text else text
    for m in _num_pattern(lang).finditer(scan):
        num = m.group("num")
        values = _readings(num, lang)
        kind = "number"
        after = (m.group("after") or "").strip().lower()
        pct2 = (m.group("pct2") or "").strip()
        if m.group("ord_id") or after in ("st", "nd", "rd", "th") or (after == "." and ordinal_dot(lang)):
            kind = "ordinal"
        if (after and after != "." and after not in ("st", "nd", "rd", "th")) or pct2:
            kind = "percent"
        if m.group("cjk_month"):
            kind = "month"
        mag = m.group("mag") or ""
        factor = _mag_factor(mag, lang) if mag else 1.0
        prefix = _prefix_magnitude(text, m.start(), lang) if not mag else 1.0
        if prefix != 1.0:  # Swahili: milioni 20
            factor, mag = prefix, "prefix"
        if factor != 1.0:
            scaled = {round(v * factor, 6) for v in values}
            # a letter touching the digits may be a unit as well: 200m (metres) / £125m
            values = scaled | values if len(mag.rstrip(".")) == 1 and mag.isascii() else scaled
        if m.group("decade"):  # the 1980s = the '80s = 80年代; the 20th century beside it (20世纪80年代)
            year = int(min(values))
            values = set(values) | {float(year % 100)}
            found.append(Quantity(frozenset({float(year // 100 + 1)}), "word", m.start("num"), m.end("num")))
            digit_spans.append((m.start(), m.start()))
            mags.append(1.0)
        short_year = _YEAR_RANGE.search(text[max(0, m.start() - 6) : m.start()])
        if short_year and regex.fullmatch(r"\p{Nd}{2}", num):  # 1950-53: 53 is 1953
            values = set(values) | {float(short_year.group(1)) * 100 + float(num)}
        if eras and regex.fullmatch(r"\p{Nd}{4}", num):  # Thai 2566 (Buddhist era) is 2023
            values = set(values) | {v - e for v in values for e in eras if 1000 <= v - e <= 2200}
        found.append(Quantity(frozenset(values), kind, m.start("num"), m.end()))
        digit_spans.append((m.start(), m.end()))
        mags.append(factor)
        pm = _PM.match(text, m.end())
        before = text[max(0, m.start() - 8) : m.start()].casefold()
        rest = text[m.end() : m.end() + 24].casefold().lstrip()
        said_pm = bool(pm and pm.group(1).lower().startswith("p")) or any(before.rstrip().endswith(w) for w in pm_words) \
            or any(rest.startswith(w) for w in pm_words)
        said_period = said_pm or bool(pm) or any(before.rstrip().endswith(w) or rest.startswith(w) for w in am_words)
        # (a day period after one word also says a time: Vietnamese 4.40 giờ sáng; a magnitude
        # word says a number: Indonesian 2.52 juta is 2.52 million, not 2:52)
        is_time = regex.fullmatch(r"\p{Nd}{1,2}[:.]\p{Nd}{2}", num) and not mag and (
            ":" in num or said_period or _TIME_WORD.search(text[max(0, m.start() - 8) : m.start()])
            or _clock_dot(num, lang) or _period_after_word(rest, am_words | pm_words))
        if said_period and regex.fullmatch(r"\p{Nd}{1,2}", num):  # 5pm / 오후 5 -> 5 or 17
            hours = _offset_hours({float(num), float(num) + 12}, lang)
            found[-1] = Quantity(frozenset(hours), "number", m.start("num"), m.end())
        if is_time:  # 10:30 / pukul 10.30 / 5.30pm / 오후 5.30 -> hour and minutes
            hour, minutes = regex.split(r"[:.]", num)
            hours = _offset_hours({float(hour)} | ({float(hour) + 12} if said_pm else set()), lang)
            found[-1] = Quantity(frozenset(hours), "number", m.start("num"), m.end())
            if int(minutes):
                found.append(Quantity(frozenset({float(minutes)}), "number", m.start("num"), m.end("num")))
                digit_spans.append((m.start(), m.start()))
                mags.append(1.0)
        elif regex.fullmatch(r"\p{Nd}{1,3}:\p{Nd}{1,3}", num):  # a score or ratio: 5:3 = 5-3
            first, second = num.split(":")
            found[-1] = Quantity(frozenset({float(first)}), "number", m.start("num"), m.start("num") + len(first))
            found.append(Quantity(frozenset({float(second)}), "number", m.end("num") - len(second), m.end("num")))
            digit_spans.append((m.start(), m.start()))
            mags.append(1.0)
    found = _summed(text, found, mags)
    found = _shared_magnitudes(text, found, mags)
    numbered = _numbered_month_pattern(lang)
    if numbered is not None:  # Vietnamese tháng 11: the month, not the number 11
        by_name = numbered_month_names(lang)  # the pattern's \s also matches a no-break space: read as a space
        spans = [(m.start(), m.end(), month) for m in numbered.finditer(text)
                 if (month := by_name.get(regex.sub(r"\s", " ", m.group(0)).casefold()))]
        found = [replace(q, kind="month", values=frozenset({float(month)})) if q.kind in ("number", "ordinal") and (
            month := next((v for a, b, v in spans if a <= q.start < b), 0)) else q for q in found]
    pattern, months = _month_pattern(lang)
    starts = None
    for m in pattern.finditer(text):
        name = m.group(1)
        window = text[max(0, m.start() - 12) : m.end() + 12]
        if not regex.search(r"\p{Nd}", window):
            # a month named with no date (``in June``): a month word, that only meets a month of
            # the other side (``5月``: a changed month); only a full name written as CLDR writes
            # it (not ``may``, not ``Сент`` of ``Сент-Джонстон``), not after a capitalised word
            # (``Theresa May``), at a sentence start or before a hyphen
            if starts is None:
                starts = {t.start() for t in _SENTENCE_WORD.finditer(text)}
            before = _CAPITALISED_BEFORE.search(text, 0, m.start())
            surname = before is not None and not is_stopword(before.group(0).strip(), lang)
            if name in wide_month_names(lang) and not surname and m.start() not in starts \
                    and text[m.end() : m.end() + 1] != "-":
                found.append(Quantity(frozenset({float(months[name.casefold()])}), "month_word", m.start(), m.end()))
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
    found.extend(_han_numerals(text, digit_spans))
    # a code of capitals and two digits may say a year (``SS19`` = spring/summer 2019, ``FY18``):
    # like a word, it only excuses a digit number
    found.extend(Quantity(frozenset({float(v), 1900.0 + v, 2000.0 + v}), "word", m.start(), m.end())
                 for m in _YEAR_CODE.finditer(text) for v in (int(m.group(1)),))
    return tuple(sorted(found, key=lambda q: (q.start, q.end)))


#: a capitalised word and a space just before (``Theresa May``; a stopword such as ``In`` is none)
_CAPITALISED_BEFORE = regex.compile(r"(?<!\p{L})\p{Lu}[\p{L}'\u2019.]*\s$")
#: the first word of the text and a word after a sentence end or an opening quotation mark
_SENTENCE_WORD = regex.compile(r"(?:^|(?<=[.!?:;]\s)|(?<=[\"'\u201c\u201e\u00ab]))\s*\K\p{L}")


_YEAR_CODE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}{1,3}(\p{Nd}{2})(?![\p{L}\p{N}])")


def _period_after_word(rest: str, periods: frozenset[str]) -> bool:
    """Does ``rest`` (the lower-cased text after a number) hold a day-period word after one word
    of at most four letters (Vietnamese ``giờ sáng``, "o'clock in the morning")?"""
    words = rest.split(maxsplit=2)
    return len(words) >= 2 and len(words[0]) <= 4 and words[1].strip(".,;") in periods


#: what may stand between the numbers of a list: a comma, or a word or two ("and", "had", "az NBC-t")
_LIST_GAP = regex.compile(r"[^\p{Nd}.!?;:]{1,24}")


def _shared_magnitudes(text: str, found: list[Quantity], mags: list[float]) -> list[Quantity]:
    """Numbers of a list that share the magnitude word of its last one (Hungarian ``3,1, ...,
    2,89, míg a CNN-t 2,52 millióan``: 3.1 million): a digit number with no magnitude, followed
    within the sentence by numbers with none and then one with a magnitude, with commas or a few
    words between them, may also mean itself times that magnitude (its own value is kept)."""
    if sum(f != 1.0 for f in mags) == 0 or len(found) < 2:
        return found
    numbers = [(k, q) for k, q in enumerate(found) if q.kind == "number"]
    if len(numbers) != len(mags):
        return found  # (a value split into parts above: leave the list alone)
    out = list(found)
    factor = 1.0
    for i in range(len(numbers) - 1, -1, -1):
        k, q = numbers[i]
        if mags[i] != 1.0:
            factor = mags[i]
            continue
        nxt = numbers[i + 1][1] if i + 1 < len(numbers) else None
        if factor == 1.0 or nxt is None or not _LIST_GAP.fullmatch(text[q.end : nxt.start]) or "," not in text[q.end : nxt.start]:
            factor = 1.0
            continue
        out[k] = replace(q, values=q.values | {round(v * factor, 6) for v in q.values})
    return out


def _offset_hours(hours: set[float], lang: str) -> set[float]:
    """``hours`` and, in a language whose clock counts from dawn (:func:`aligner.locale_data.clock_offset`),
    the same hours on the midnight clock (Swahili ``saa 10.40 asubuhi`` is 4.40 a.m.: 10, 16 or 4)."""
    offset = clock_offset(lang)
    if not offset:
        return hours
    shifted = {(h + offset) % 24 for h in hours}
    return hours | shifted | {h % 12 for h in shifted}


def _clock_dot(num: str, lang: str) -> bool:
    """Is ``num`` (``17.30``) a clock time in ``lang``: CLDR writes its times with a dot
    (Finnish ``H.mm``) and its decimals with something else, and it reads as hours and minutes?"""
    if time_separator(lang) != "." or decimal_symbol(lang) == ".":
        return False
    hour, _, minutes = num.partition(".")
    return int(hour) < 24 and int(minutes) < 60


def _summed(text: str, found: list[Quantity], mags: list[float]) -> list[Quantity]:
    """Numbers written in parts of falling magnitude joined: ``1억 4000만`` = ``1 億 4 千万`` =
    140 000 000, ``7만 6천`` = 76 000 (each part has a magnitude word, the next a smaller one),
    and a plain number after a CJK myriad: ``1万5000人`` = 15 000, ``3만 2500명`` = 32 500."""
    if len(found) < 2 or sum(f != 1.0 for f in mags) < 1:
        return found
    out: list[Quantity] = []
    last_mag = 0.0
    for q, factor in zip(found, mags):
        prev = out[-1] if out else None
        # (the gap to the part before is checked to be blank below: the myriad ends that part)
        plain_after_myriad = (prev is not None and factor == 1.0 and last_mag >= 1e4
                              and max(q.values, default=last_mag) < last_mag and text[prev.end - 1 : prev.end] in _MYRIADS)
        if (prev is not None and (1.0 < factor < last_mag or plain_after_myriad) and q.kind == prev.kind == "number"
                and not text[prev.end : q.start].strip()):
            out[-1] = Quantity(frozenset(a + b for a in prev.values for b in q.values), "number", prev.start, q.end)
        else:
            out.append(q)
        last_mag = factor
    return out


def _han_value(run: str) -> float:
    """The value of a run of Han numerals (``三``, ``十九``, ``八十``, ``一百二十五``, ``二〇一八``)."""
    digits = [_HAN[c] for c in run]
    if all(d < 10 for d in digits):
        return float("".join(str(int(d)) for d in digits))
    total = section = number = 0.0
    for d in digits:
        if d < 10:
            number = d
        elif d < 1e4:
            section += (number or 1) * d
            number = 0
        else:
            total = (total + section + number) * d
            section = number = 0
    return total + section + number


def _han_numerals(text: str, digit_spans: list[tuple[int, int]]) -> list[Quantity]:
    """Numbers in Han numerals (the Unicode numeric values of CJK characters), as spelled numbers:
    they excuse a digit number of the same value (``下午三点`` / ``3 p.m.``, ``十九世纪``)."""
    out = []
    for m in _HAN_RUN.finditer(text):
        if any(a <= m.start() < b for a, b in digit_spans):
            continue
        out.append(Quantity(frozenset({_han_value(m.group(0))}), "word", m.start(), m.end()))
    return out


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
    table: dict[str, float] = {word: value for word, (value, _kind) in extra_number_words(lang).items()}
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


@lru_cache(maxsize=128)
def _compound_pattern(lang: str) -> tuple["regex.Pattern[str]", dict[str, float], dict[str, tuple[str, float]]] | None:
    """The pattern of ``lang``'s compound number words (:func:`aligner.locale_data.number_compounds`:
    Indonesian ``dua puluh lima`` = 25, ``sebelas``... ``kedua belas``), its unit words -> value
    and its scale words -> (role, value); ``None`` where the language builds none."""
    rows = number_compounds(lang)
    units = {w: v for w, (v, kind) in extra_number_words(lang).items() if kind == "unit"}
    scales = {w: (role, float(v or 0)) for w, role, v in rows if role in ("times", "plus")}
    if not rows or not units or not scales:
        return None
    ones = [w for w, role, _ in rows if role == "one"]
    prefixes = [w for w, role, _ in rows if role == "prefix"]
    unit_words = "|".join(regex.escape(w) for w in units)
    pattern = regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in prefixes) + r")?("
                            + "|".join([unit_words] + [regex.escape(w) for w in ones]) + r")\s+("
                            + "|".join(regex.escape(w) for w in scales) + r")(?:\s+(" + unit_words + r"))?\b",
                            regex.IGNORECASE)
    return pattern, units, scales


def _spelled(text: str, lang: str, digit_spans: list[tuple[int, int]]) -> Iterable[Quantity]:
    table = number_words(lang)
    if not table:
        return []
    out = []
    covered: list[tuple[int, int]] = []
    compound = _compound_pattern(lang)
    if compound is not None:
        pattern, units, scales = compound
        for m in pattern.finditer(text):
            unit = units.get(m.group(1).lower(), 1.0)  # not a unit word: a prefix standing for 1
            role, factor = scales[m.group(2).lower()]
            value = unit * factor if role == "times" else unit + factor
            if m.group(3):
                value += units[m.group(3).lower()]
            out.append(Quantity(frozenset({float(value)}), "word", m.start(), m.end()))
            covered.append((m.start(), m.end()))
    mags = _magnitudes(lang)
    stems = number_stems(lang)
    clitics = proclitics(lang)
    previous: Quantity | None = None
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        found = _word_value(w, table, stems)
        for clitic in clitics if found is None else ():
            if w.startswith(clitic) and len(w) - len(clitic) >= 3:
                found = _word_value(w[len(clitic):], table, stems)
                if found is not None:
                    break
        if found is None or any(a <= m.start() < b for a, b in covered + digit_spans):
            continue
        word_value, end = float(found), m.end()
        after = _WORD.match(text, end + 1) if text[end : end + 1].isspace() else None
        if after is not None and after.group(0).lower() in mags and len(after.group(0)) >= 3:
            word_value, end = word_value * mags[after.group(0).lower()], after.end()  # dos millones, two million
        values = {word_value}
        if previous is not None and text[previous.end : m.start()].isspace() and word_value in _TENS \
                and any(1 <= v <= 9 for v in previous.values):
            # a unit before a ten is their sum too (Arabic السادس والثلاثين = 36th, التاسع عشر = 19th)
            values |= {v + word_value for v in previous.values if 1 <= v <= 9}
        previous = Quantity(frozenset(values), "word", m.start(), end)
        out.append(previous)
    return out


#: the tens a unit word before may add to (a teen's 10 too)
_TENS = frozenset(float(v) for v in range(10, 100, 10))


def _word_value(word: str, table: Mapping[str, float], stems: Mapping[str, float]) -> float | None:
    """The value of a number word in ``table``, inflected (:func:`_inflected`) or a stem of ``stems``."""
    found = table.get(word, _inflected(word, table))
    if found is None and stems:
        found = _stem_value(word, stems)
    return found


def _inflected(word: str, table: Mapping[str, float]) -> float | None:
    """The value of a number word with an ending of up to three letters (``Vierzigern``), or of
    one of at least four letters that starts a compound of at least three letters more
    (``sataprosenttisen``: ``sata`` 100, ``dreijährige``: ``drei`` 3); the longest such word, and
    not one (``einschließlich``, ``Einsatz`` do not say 1)."""
    for cut in (1, 2, 3):
        stem = word[:-cut]
        if len(stem) >= 5 and stem in table:
            return table[stem]
    for end in range(len(word) - 3, 3, -1):
        if word[:end] in table and table[word[:end]] > 1:  # not "eins" of einschließlich, Einsatz
            return table[word[:end]]
    return None


def _stem_value(word: str, stems: Mapping[str, float]) -> float | None:
    """The value of a number word written as a stem of ``stems`` and a case ending of up to three
    letters (Finnish ``kahta``, ``kahdella`` = 2; ``kahdeksalla`` = 8: the longest stem); a stem
    under four letters only as the whole word (Arabic ``عشر``)."""
    for cut in range(0, 4):
        stem = word[: len(word) - cut] if cut else word
        if (len(stem) >= 4 or not cut) and stem in stems:
            return stems[stem]
    return None


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
            if hit is None and q.kind == "month" and not any(r.kind in ("month", "month_word") for r in pool):
                continue  # a month said on one side only ("in November" / "11月"): not a changed date
            if hit is None:
                # the same value may legitimately appear once on one side for twice on the other
                if any(q.values & r.values for r in pool):
                    continue
                out.append(q)
            else:
                used[hit] = True
        return out

    src_only, tgt_only = unmatched(src, tgt), unmatched(tgt, src)
    if src_only and tgt_only:
        src_only, tgt_only = _split_digits(src_only, tgt_only)
        tgt_only, src_only = _split_digits(tgt_only, src_only)
        src_only, tgt_only = _centuries(src_only, tgt_only)
        tgt_only, src_only = _centuries(tgt_only, src_only)
    return src_only, tgt_only


def _centuries(ordinals: list[Quantity], hundreds: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """An unmatched ordinal ``N`` (2 to 21) on one side and an unmatched ``(N - 1) * 100`` on the
    other are one century said two ways (``19th-century`` / Finnish ``1800-luvulla``, Swedish
    ``1800-talet``): both are taken out."""
    out_a, out_b = list(ordinals), list(hundreds)
    for q in ordinals:
        if q.kind != "ordinal":
            continue
        years = {(v - 1) * 100 for v in q.values if v == int(v) and 2 <= v <= 21}
        hit = next((r for r in out_b if r.kind == "number" and r.values & years), None)
        if hit is not None:
            out_a.remove(q)
            out_b.remove(hit)
    return out_a, out_b


def _digits(q: Quantity) -> set[str]:
    return {_fmt(v) for v in q.values if v == int(v) and v >= 0}


def _split_digits(parts: list[Quantity], whole: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Drop a number of one side written as two or three numbers on the other: a phone number
    grouped differently (``116 123`` read as one number / as 116 and 123)."""
    parts, whole = list(parts), list(whole)
    for w in list(whole):
        for n in (2, 3):
            hit = next((k for k in range(len(parts) - n + 1)
                        if _joined(parts[k : k + n]) & _digits(w)), None)
            if hit is not None:
                del parts[hit : hit + n]
                whole.remove(w)
                break
    return parts, whole


def _joined(run: list[Quantity]) -> set[str]:
    out = {""}
    for q in run:
        out = {a + b for a in out for b in _digits(q)}
    return out


#: Metric factors of each customary unit (CLDR unit keys; inches to cm and mm, feet to m and cm...).
_FACTORS: dict[str, tuple[float, ...]] = {
    "length-inch": (2.54, 25.4), "length-foot": (0.3048, 30.48), "length-yard": (0.9144,),
    "length-mile": (1.609344,), "speed-mile-per-hour": (1.609344,), "mass-pound": (0.45359237,),
    "mass-ounce": (28.349523,), "volume-gallon": (3.785412,), "area-acre": (0.404686, 4046.86),
    "temperature-fahrenheit": (), "angle-degree": (),
}
_FAHRENHEIT = ("temperature-fahrenheit", "angle-degree")


def _converts(a: float, b: float, factors: tuple[float, ...], fahrenheit: bool) -> bool:
    """Is ``b`` a rounded conversion of ``a`` (or ``a`` of ``b``) by one of ``factors``: within 2%,
    or rounded to the one significant digit that ``b`` has and within 8% (``200 miles`` / ``300
    km``: 322; not ``6 foot`` / ``200 cm``: 183)?"""
    if a <= 0 or b <= 0:
        return False
    for x, y in ((a, b), (b, a)):
        if any(abs(x * f - y) <= max(0.02 * x * f, 0.05) for f in factors):
            return True
        if _one_digit(y) and any(x * f >= 10 and abs(_round_one(x * f) - y) < 1e-9 and abs(x * f - y) <= 0.08 * x * f
                                 for f in factors):
            return True
        if fahrenheit and abs((x - 32) * 5 / 9 - y) <= 1.0:
            return True
    return False


def _one_digit(v: float) -> bool:
    """Is ``v`` a whole number of at least 10 with one significant digit (300, 20, 5000)?"""
    n = round(v)
    return n >= 10 and abs(v - n) < 1e-9 and len(str(n).rstrip("0")) == 1


def _round_one(v: float) -> float:
    """``v`` rounded to one significant digit (322 -> 300)."""
    from math import floor, log10

    k = 10 ** floor(log10(v))
    return round(v / k) * k


def excuse_lone_ones(src_only: list[Quantity], tgt_only: list[Quantity], src_text: str,
                     tgt_text: str) -> tuple[list[Quantity], list[Quantity]]:
    """Drop a lone ``1`` of one side, where the other side has nothing unmatched, written as an
    ordinal (``1.``, ``1st``) or with a counter or ending attached (``1점``, ``1위``, ``1차``): an
    article or "first" put in digits (``a goal`` / ``1점``, ``World War One`` / ``1. Weltkrieg``),
    not a number changed (a changed number leaves one unmatched on both sides).

    Example:
        >>> from aligner.score.numbers import extract_quantities as q
        >>> excuse_lone_ones([], list(q("1점을 추가했다", "ko")), "He added a goal.", "1점을 추가했다")
        ([], [])
    """
    def lone(qs: list[Quantity], text: str) -> list[Quantity]:
        return [x for x in qs if not (x.values == {1.0} and text[x.start : x.end].rstrip(".") in ("1", "1st") and (
            x.kind == "ordinal" or regex.match(r"\p{L}", text[x.end : x.end + 1]) is not None)
            and not regex.search(r"[\p{Nd}][:.,]$", text[: x.start]))]

    if not tgt_only:
        src_only = lone(src_only, src_text)
    if not src_only:
        tgt_only = lone(tgt_only, tgt_text)
    return src_only, tgt_only


def excuse_conversions(src_only: list[Quantity], tgt_only: list[Quantity], src_text: str, src_lang: str,
                       tgt_text: str, tgt_lang: str) -> tuple[list[Quantity], list[Quantity]]:
    """Drop number pairs that are one measurement converted (``2 to 4 inches`` / ``5 bis 10
    Zentimeter``, ``650 pound`` / ``295 kilos``, ``80 degrees`` / ``27 Grad``): only by the factors
    of a customary unit one side names (CLDR unit names of either language or English), within
    2%, pairing in text order."""
    if not src_only or not tgt_only:
        return src_only, tgt_only
    text = (src_text + " " + tgt_text).casefold()
    named = [unit for unit in _FACTORS
             if any(_has_word(text, w) for lang in {src_lang, tgt_lang, "en"}
                    for w in customary_unit_words(lang).get(unit, ()))]
    if not named:
        return src_only, tgt_only
    factors = tuple(f for unit in named for f in _FACTORS[unit])
    fahrenheit = any(unit in _FAHRENHEIT for unit in named)
    src_left, tgt_left = list(src_only), list(tgt_only)
    for q in [q for q in src_left if q.kind == "number"]:
        hit = next((r for r in tgt_left if r.kind == "number"
                    and any(_converts(a, b, factors, fahrenheit) for a in q.values for b in r.values)), None)
        if hit is not None:
            src_left.remove(q)
            tgt_left.remove(hit)
    return src_left, tgt_left


def _has_word(text: str, word: str) -> bool:
    """Does ``word`` stand in ``text`` as a word (a symbol of two letters or fewer only touching a digit)?"""
    if len(word) <= 2:
        return regex.search(r"\p{Nd}" + regex.escape(word) + r"(?!\p{L})", text) is not None
    k = text.find(word)
    while k >= 0:
        before = text[k - 1] if k else " "
        after = text[k + len(word)] if k + len(word) < len(text) else " "
        if not (before.isalpha() or (after.isalpha() and word[-1:].isalpha())):
            return True
        k = text.find(word, k + 1)
    return False
