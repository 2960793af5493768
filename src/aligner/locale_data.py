"""Language facts for names, numbers and dates, from CLDR (through Babel) and shipped data.

One place answers, for any language code:

* :func:`month_names` / :func:`day_names`: every month and weekday name CLDR knows for the
  language (wide and abbreviated, format and stand-alone forms, lower-cased, trailing dot
  dropped), plus the few older spellings in ``data/language/months.extra.tsv``;
  :func:`wide_month_names`: the full month names as written (case kept);
  :func:`numbered_month_names`: those written with the month's number (Vietnamese ``tháng 11``);
* :func:`decimal_symbol` / :func:`group_symbol`: how the language writes ``1,5`` / ``1.500``;
* :func:`place_names`: country and language names (``Allemagne``, ``allemand``), so that
  exonyms can be matched across languages (``Germany`` / ``Allemagne``);
* :func:`conjunctions`: the words for "and" / "or" (CLDR list patterns) and the few more in
  ``data/language/conjunctions.extra.tsv``, for suspended compounds (``Industrie- und
  Handelskammer`` is German style, not a detached hyphen);
* :func:`usual_script`: the script a language is usually written in (CLDR likely subtags:
  ``Latn``, ``Cyrl``, ``Kore``, ``Hans``, ``Jpan``, ``Arab``...);
* :func:`magnitude_words`: the words for thousand, million, billion... (``Millionen``,
  ``millones``, ``млн``, ``万``), from CLDR's compact number formats, plus the newspaper
  abbreviations in ``data/language/magnitudes.extra.tsv`` (``bn``, ``Mrd``);
* :func:`day_period_words`: the words for "a.m." / "p.m." (``오후``, ``下午``), for times;
* :func:`number_stems`: the stems number words take before a case ending (Finnish ``kahde-`` of
  ``kahdella``; ``data/language/number-stems.tsv``); :func:`proclitics`: the particles joined to
  the front of a word (Arabic ``ال``; ``data/language/proclitics.tsv``);
* :func:`compound_links`: the linking elements between the parts of a closed compound (German
  ``s`` of ``Atemwegsbeschwerden``; ``data/language/compound-links.tsv``);
* :func:`capitalises_nouns`: whether the language capitalises common nouns (German,
  Luxembourgish; ``data/language/noun-capitalising.txt``), so that a capital letter is no
  evidence of a name.

Unknown codes give empty tables (and ``.``/``,`` symbols), never an error: a language with no
data simply gets no help from it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

import regex
from babel import Locale

from .language import language_key

__all__ = ["month_names", "month_names_with_english", "day_names", "calendar_words", "decimal_symbol", "group_symbol",
           "place_names", "capitalises_nouns", "compound_links", "usual_script", "conjunctions", "territory_of", "magnitude_words", "magnitude_prefixes", "territory_code", "place_acronyms", "demonyms", "lingua_franca",
           "day_period_words", "ordinal_dot", "unaccented", "has_locale", "customary_unit_words", "CUSTOMARY_UNITS", "LANGUAGE_DATA_VERSION"]

#: Version of the language data (Babel's CLDR version and the shipped files).
LANGUAGE_DATA_VERSION = "cldr2+isocodes1"


def _data(name: str) -> str:
    return resources.files("aligner").joinpath("data", "language", name).read_text("utf-8")


@lru_cache(maxsize=256)
def _locale(lang: str) -> Locale | None:
    from babel import UnknownLocaleError

    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def _clean(name: str) -> str:
    return name.strip().rstrip(".").casefold()


def _forms(table: object) -> list[tuple[object, str]]:
    """``(key, name)`` of every width and context of a Babel months/days table."""
    out: list[tuple[object, str]] = []
    for context in ("format", "stand-alone"):
        try:
            widths = table[context]  # type: ignore[index]
        except (KeyError, TypeError):
            continue
        for width in ("wide", "abbreviated"):
            try:
                out.extend((k, str(v)) for k, v in widths[width].items())
            except (KeyError, TypeError, AttributeError):
                continue
    return out


@lru_cache(maxsize=256)
def wide_month_names(lang: str) -> Mapping[str, int]:
    """The full month names of ``lang`` as CLDR writes them, case kept (format and stand-alone
    forms) -> month number, and English's: what a month named with no date looks like (``June``,
    ``junio``; not the abbreviation ``Сент`` of ``Сент-Джонстон``).

    Example:
        >>> wide_month_names("es")["junio"], wide_month_names("es")["June"], "Junio" in wide_month_names("es")
        (6, 6, False)
    """
    out: dict[str, int] = {}
    for code in dict.fromkeys((lang, "en")):
        loc = _locale(code)
        if loc is None:
            continue
        for context in ("format", "stand-alone"):
            try:
                names = loc.months[context]["wide"]
            except (KeyError, TypeError):
                continue
            for k, v in names.items():
                out.setdefault(str(v).strip(), int(k))
    return MappingProxyType(out)


@lru_cache(maxsize=256)
def month_names(lang: str) -> Mapping[str, int]:
    """Lower-cased month names of ``lang`` -> month number (1-12).

    Example:
        >>> month_names("fr")["novembre"], month_names("de")["märz"], month_names("id")["agu"]
        (11, 3, 8)
    """
    out: dict[str, int] = {}
    loc = _locale(lang)
    if loc is not None:
        for k, v in _forms(loc.months):
            name = _clean(v)
            if name and not any(ch.isdigit() for ch in name):
                out.setdefault(name, int(k))  # type: ignore[call-overload]
    for name, number in _rows("months.extra.tsv", lang):
        out.setdefault(name.casefold(), int(number))
    return MappingProxyType(out)


@lru_cache(maxsize=256)
def month_names_with_english(lang: str) -> Mapping[str, int]:
    """:func:`month_names` of English and of ``lang`` (``lang``'s number wins for a shared name).

    Example:
        >>> month_names_with_english("de")["march"], month_names_with_english("de")["märz"]
        (3, 3)
    """
    names = dict(month_names("en"))
    names.update(month_names(lang))
    return MappingProxyType(names)


@lru_cache(maxsize=256)
def numbered_month_names(lang: str) -> Mapping[str, int]:
    """Month names of ``lang`` that CLDR writes with the month's number in them, lower-cased
    (Vietnamese ``tháng 11``, ``thg 11``; not the CJK ``11月``, which the number reader knows)
    -> month number; empty for most languages.

    Example:
        >>> numbered_month_names("vi")["tháng 11"], dict(numbered_month_names("de"))
        (11, {})
    """
    out: dict[str, int] = {}
    loc = _locale(lang)
    if loc is not None:
        for k, v in _forms(loc.months):
            name = _clean(v)
            if any(ch.isdigit() for ch in name) and " " in name:
                out.setdefault(name, int(k))  # type: ignore[call-overload]
    return MappingProxyType(out)


@lru_cache(maxsize=256)
def day_names(lang: str) -> frozenset[str]:
    """Lower-cased weekday names of ``lang`` (wide and abbreviated).

    Example:
        >>> "dienstag" in day_names("de"), "mardi" in day_names("fr")
        (True, True)
    """
    loc = _locale(lang)
    if loc is None:
        return frozenset()
    return frozenset(_clean(v) for _k, v in _forms(loc.days) if _clean(v))


@lru_cache(maxsize=256)
def calendar_words(lang: str) -> frozenset[str]:
    """Month and weekday names of ``lang`` and of English (capitalised, but not names)."""
    return frozenset(set(day_names(lang)) | set(month_names(lang)) | set(day_names("en")) | set(month_names("en")))


@lru_cache(maxsize=256)
def decimal_symbol(lang: str) -> str:
    """The decimal separator of ``lang`` in CLDR (``,`` for German, ``.`` for English)."""
    from babel.numbers import get_decimal_symbol

    loc = _locale(lang)
    return str(get_decimal_symbol(loc)) if loc is not None else "."


@lru_cache(maxsize=256)
def time_separator(lang: str) -> str:
    """The mark between hours and minutes in ``lang``'s short CLDR time format (``.`` for
    Finnish ``H.mm``, ``:`` for English ``h:mm a``); ``:`` when CLDR has no locale."""
    from babel.dates import get_time_format

    loc = _locale(lang)
    if loc is None:
        return ":"
    m = regex.search(r"[Hhk]+(\W+)m", str(get_time_format("short", locale=loc).pattern))
    return (m.group(1).strip() or ":") if m else ":"


@lru_cache(maxsize=256)
def group_symbol(lang: str) -> str:
    """The digit-group separator of ``lang`` in CLDR (``.`` for German, a no-break space for French)."""
    from babel.numbers import get_group_symbol

    loc = _locale(lang)
    return str(get_group_symbol(loc)) if loc is not None else ","


@lru_cache(maxsize=256)
def place_names(lang: str) -> Mapping[str, str]:
    """Lower-cased country and language names of ``lang`` -> a language-neutral key.

    The key is the CLDR code (``DE`` for a country, ``de`` for a language), so two languages'
    names for one place or language share a key. CLDR's names come first; the country names of
    Debian's iso-codes translations that CLDR lacks follow (``data/language/country-names.iso-codes.tsv``:
    Vietnamese ``Mỹ`` beside ``Hoa Kỳ``).

    Example:
        >>> place_names("fr")["allemagne"], place_names("en")["germany"], place_names("de")["englisch"]
        ('DE', 'DE', 'en')
        >>> place_names("vi")["mỹ"], place_names("vi")["hoa kỳ"]
        ('US', 'US')
    """
    out = dict(_cldr_place_names(lang))
    if out:
        for code, name in _rows("country-names.iso-codes.tsv", lang):
            for form in {name.casefold(), unaccented(name.casefold())}:
                out.setdefault(form, code)
    return MappingProxyType(out)


@lru_cache(maxsize=256)
def _cldr_place_names(lang: str) -> Mapping[str, str]:
    """CLDR's country, region and language names of ``lang`` (:func:`place_names` without the shipped extras)."""
    loc = _locale(lang)
    out: dict[str, str] = {}
    if loc is None:
        return MappingProxyType(out)
    for code, name in loc.territories.items():
        if str(code) != "001":  # continents and regions too (150 Europe, 419 Latin America), not "World"
            for form in {str(name).casefold(), unaccented(str(name).casefold())}:
                out.setdefault(form, str(code))
    for code, name in loc.languages.items():
        if "_" not in str(code):
            for form in {str(name).casefold(), unaccented(str(name).casefold())}:
                out.setdefault(form, str(code))
    for word, code in demonyms(lang).items():
        out.setdefault(word, code)
    return MappingProxyType(out)


@lru_cache(maxsize=256)
def demonyms(lang: str) -> Mapping[str, str]:
    """Lower-cased country adjectives of ``lang`` (and their unaccented forms) -> CLDR code, read
    off CLDR's names of regional language variants (:func:`_variant_demonyms`). :func:`place_names`
    includes them; they help match a name (``Austrians`` / ``osztrákok``) but do not make a word a
    name by themselves (``British`` is also an adjective).

    Example:
        >>> demonyms("en")["austrian"], demonyms("hu")["osztrák"]
        ('AT', 'AT')
    """
    loc = _locale(lang)
    if loc is None:
        return MappingProxyType({})
    known: dict[str, str] = {}
    for code, name in loc.territories.items():
        known.setdefault(unaccented(str(name).casefold()), str(code))
    for code, name in loc.languages.items():
        if "_" not in str(code):
            known.setdefault(unaccented(str(name).casefold()), str(code))
    out = {}
    for word, code in _variant_demonyms(loc, known).items():
        for form in (word, unaccented(word)):
            if form not in known:
                out[form] = code
    return MappingProxyType(out)


def _variant_demonyms(loc: Locale, names: Mapping[str, str]) -> dict[str, str]:
    """Demonyms read off CLDR's names of a language's regional variants: the one word the
    variant's name adds to the language's name is the country's adjective (English ``Austrian
    German`` -> ``austrian`` = ``AT``, ``Canadian French`` -> ``CA``; Hungarian ``osztrák német`` ->
    ``osztrák``). A word that is a form of another place's name (``European Spanish``: Europe), a
    language's name (``Persia Dari``) or a name of no single added word (``Swiss High German``,
    ``Flemish``) gives none."""
    out: dict[str, str] = {}
    english = _locale("en")
    languages = {unaccented(str(n).casefold()) for lo in (loc, english) if lo is not None for n in lo.languages.values()}
    for code, name in loc.languages.items():
        base, _, region = str(code).partition("_")
        if not region or not (region.isupper() or region == "419") or base not in loc.languages:
            continue  # (001, the world: Modern Standard Arabic)
        words = str(name).casefold().split()
        base_words = str(loc.languages[base]).casefold().split()
        extra = [w for w in words if w not in base_words]
        if len(words) != len(base_words) + 1 or len(extra) != 1 or not regex.fullmatch(r"\p{L}{4,}", extra[0]):
            continue
        word = extra[0]
        bare = unaccented(word)
        if bare in languages:
            continue  # (a language's own name: Persia Dari)
        if any(code != region and " " not in n and len(n) >= 4 and len(os.path.commonprefix((bare, n))) >= max(4, min(len(n), len(bare)) - 2)
               for n, code in names.items()):
            continue  # (European, europeo: a form of Europe, not of the variant's country)
        out[word] = region
    return out


def unaccented(text: str) -> str:
    """``text`` without combining accents (``galés`` -> ``gales``), for comparing names.

    Example:
        >>> unaccented("Galés Zürich")
        'Gales Zurich'
    """
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _written_languages() -> frozenset[str]:
    """Language codes that CLDR has locale data for (a written language with its own locale)."""
    from babel import localedata

    return frozenset(code.split("_")[0] for code in localedata.locale_identifiers())


def has_locale(code: str) -> bool:
    """True when CLDR has locale data for the language ``code`` (``de``, ``sw``; not ``sei`` Seri).

    Example:
        >>> has_locale("sw"), has_locale("sei")
        (True, False)
    """
    return code.lower() in _written_languages()


#: CLDR unit keys of the customary (imperial / US) units that translators convert.
CUSTOMARY_UNITS = ("length-inch", "length-foot", "length-yard", "length-mile", "mass-pound", "mass-ounce",
                   "volume-gallon", "area-acre", "temperature-fahrenheit", "speed-mile-per-hour",
                   "angle-degree")  # "80 degrees" in a US text is Fahrenheit


@lru_cache(maxsize=256)
def customary_unit_words(lang: str) -> Mapping[str, frozenset[str]]:
    """For each of :data:`CUSTOMARY_UNITS`, the words and symbols ``lang`` writes it with (CLDR
    unit names, every plural form, long and short), lower-cased.

    Example:
        >>> {"inches", "in"} <= customary_unit_words("en")["length-inch"], "meilen" in customary_unit_words("de")["length-mile"]
        (True, True)
    """
    from babel.units import format_unit

    loc = _locale(lang)
    out: dict[str, frozenset[str]] = {}
    if loc is None:
        return MappingProxyType(out)
    for unit in CUSTOMARY_UNITS:
        words: set[str] = set()
        for length in ("long", "short"):
            for n in (1, 2, 5):
                try:
                    text = str(format_unit(n, unit, length=length, locale=loc))
                except (KeyError, ValueError, TypeError, AttributeError):
                    continue
                word = " ".join(text.replace(str(n), " ").replace("\u00a0", " ").split()).casefold()
                if len(word) >= 2 and not word.isdigit():
                    words.add(word)
        out[unit] = frozenset(words)
    return MappingProxyType(out)


@lru_cache(maxsize=8)
def _code_list(name: str) -> frozenset[str]:
    """The language codes of a shipped list (one a line, ``#`` comments)."""
    return frozenset(line.split("#")[0].strip() for line in _data(name).splitlines() if line.split("#")[0].strip())


@lru_cache(maxsize=1)
def lingua_franca() -> str:
    """The language whose words news in other languages keeps untranslated (``data/language/lingua-franca.txt``).

    Example:
        >>> lingua_franca()
        'en'
    """
    lines = [line.split("#")[0].strip() for line in _data("lingua-franca.txt").splitlines()]
    return next((line for line in lines if line), "")


@lru_cache(maxsize=256)
def clock_offset(lang: str) -> int:
    """Hours that a clock time written in ``lang`` may be behind the midnight clock (Swahili time
    counts from dawn: ``saa 1 asubuhi`` is 7 a.m.), from ``clock-offset.tsv``; 0 for most languages.

    Example:
        >>> clock_offset("sw"), clock_offset("en")
        (6, 0)
    """
    value = _language_field("clock-offset.tsv", lang)
    return int(value) if value else 0


@lru_cache(maxsize=256)
def text_length(lang: str) -> float:
    """How long a text in ``lang`` usually is against the same text in English (Latin-equivalent
    characters), measured on the dev sets (``text-length.tsv``); 1.0 for a language not listed.

    Example:
        >>> text_length("en"), text_length("zh") < 1.0 < text_length("de"), text_length("xx")
        (1.0, True, 1.0)
    """
    value = _language_field("text-length.tsv", lang)
    return float(value) if value else 1.0


def usual_length_ratio(src_lang: str | None, tgt_lang: str | None) -> float:
    """Target / source length a text in the two languages usually has (:func:`text_length`); a
    language not listed or not given counts as 1.0.

    Example:
        >>> usual_length_ratio("en", "en"), usual_length_ratio(None, "xx"), usual_length_ratio("en", "zh") < 1.0
        (1.0, 1.0, True)
    """
    return text_length(tgt_lang) / text_length(src_lang) if src_lang and tgt_lang else 1.0


@lru_cache(maxsize=256)
def era_offsets(lang: str) -> tuple[int, ...]:
    """Years by which the calendar ``lang``'s news counts ahead of the Gregorian one (Thai
    writes the Buddhist era: 2566 is 2023; the Persian solar year 1402 began in March 2023, so
    it is 2023 or 2024: -621 or -622), from ``year-offset.tsv``; none for most languages.

    Example:
        >>> era_offsets("th"), era_offsets("fa"), era_offsets("en")
        ((543,), (-621, -622), ())
    """
    value = _language_field("year-offset.tsv", lang)
    return tuple(int(n) for n in value.split(",")) if value else ()


def _language_field(name: str, lang: str) -> str | None:
    """The second field of ``lang``'s line in the shipped ``code<TAB>value<TAB># note`` table
    ``name``, or ``None`` where the table has no line for the language."""
    return next((row[0] for row in _rows(name, lang)), None)


def _rows(name: str, lang: str) -> list[tuple[str, ...]]:
    """The fields after the language code of ``lang``'s lines in the shipped table ``name``
    (``code<TAB>field<TAB>...``; ``#`` starts a comment), each stripped, in file order."""
    base = language_key(lang)
    out = []
    for line in _data(name).splitlines():
        fields = [f.strip() for f in line.split("#")[0].split("\t")]
        while fields and not fields[-1]:
            fields.pop()  # the tab before a trailing note
        if len(fields) >= 2 and fields[0] == base:
            out.append(tuple(fields[1:]))
    return out


@lru_cache(maxsize=256)
def compound_links(lang: str) -> tuple[str, ...]:
    """The linking elements ``lang`` may write between the parts of a closed compound (German
    ``s`` of ``Atemwegsbeschwerden``; ``""``: the parts just meet), from
    ``data/language/compound-links.tsv``; empty for a language that does not close up compounds.

    Example:
        >>> compound_links("de")[:3], compound_links("en")
        (('', 's', 'es'), ())
    """
    return tuple("" if row[0] == "-" else row[0] for row in _rows("compound-links.tsv", lang))


def capitalises_nouns(lang: str) -> bool:
    """True for languages that write every common noun with a capital (German, Luxembourgish).

    Example:
        >>> capitalises_nouns("de"), capitalises_nouns("en")
        (True, False)
    """
    return language_key(lang) in _code_list("noun-capitalising.txt")


@lru_cache(maxsize=256)
def usual_script(lang: str) -> str:
    """ISO 15924 code of the script ``lang`` is usually written in; ``""`` when unknown.

    Example:
        >>> usual_script("ko"), usual_script("de"), usual_script("sr")
        ('Kore', 'Latn', 'Cyrl')
    """
    from babel.core import get_global

    base = lang.replace("-", "_").split("_")[0].lower()
    if base == "und":
        return ""
    likely = get_global("likely_subtags").get(base, "")
    parts = str(likely).split("_")
    return parts[1] if len(parts) >= 3 else ""


@lru_cache(maxsize=256)
def conjunctions(lang: str) -> frozenset[str]:
    """Lower-cased words for "and" and "or" in ``lang`` (CLDR list patterns, plus shipped extras).

    Example:
        >>> sorted(conjunctions("de"))
        ['bis', 'oder', 'sowie', 'und']
    """
    words: set[str] = set()
    loc = _locale(lang)
    if loc is not None:
        for kind in ("standard", "or"):
            try:
                pattern = str(loc.list_patterns[kind]["end"])
            except (KeyError, TypeError):
                continue
            middle = pattern.replace("{0}", " ").replace("{1}", " ").replace(",", " ").split()
            words.update(w.casefold() for w in middle if w.isalpha())
    words.update(word.casefold() for (word,) in _rows("conjunctions.extra.tsv", lang))
    return frozenset(words)


@lru_cache(maxsize=512)
def territory_of(lang: str) -> str:
    """The country a language is most likely written in (CLDR likely subtags): ``zh`` -> ``CN``.

    Example:
        >>> territory_of("de"), territory_of("xx")
        ('DE', '')
    """
    from babel.core import get_global

    parts = str(get_global("likely_subtags").get(lang.lower(), "")).split("_")
    return parts[-1] if len(parts) >= 2 and parts[-1].isupper() else ""


@lru_cache(maxsize=256)
def magnitude_words(lang: str) -> Mapping[str, float]:
    """Lower-cased magnitude words of ``lang`` -> factor: CLDR's compact decimal formats (long
    and short, every plural form) and ``data/language/magnitudes.extra.tsv`` (which wins where
    both list a word).

    Only words written after the number are kept (``2,5 Millionen``; Swahili ``milioni 5``: see
    :func:`magnitude_prefixes`).

    Example:
        >>> magnitude_words("es")["millones"], magnitude_words("ru")["млн"], magnitude_words("de")["billionen"]
        (1000000.0, 1000000.0, 1000000000000.0)
    """
    import re

    out: dict[str, float] = {}
    for text, mag in _compact_patterns(lang):
        zeros = re.search("0+", text)
        if zeros is None or text[: zeros.start()].strip():
            continue  # a word before the number: magnitude_prefixes
        written = text[zeros.end():].replace("\u00a0", " ").strip().rstrip(".")
        word = written.casefold()
        factor = int(mag) // 10 ** (len(zeros.group(0)) - 1)
        if word and factor >= 100 and not _INNER_CAPITAL.search(written):
            out.setdefault(word, float(factor))
    # the stem the plural forms share (Icelandic milljarður, milljarðar: milljarð), so that other
    # case forms (12 milljarða) are read with a case ending; six letters at least
    forms: dict[float, list[str]] = {}
    for word, factor in out.items():
        if len(word) >= 6 and word.isalpha():
            forms.setdefault(factor, []).append(word)
    for factor, words in forms.items():
        stem = os.path.commonprefix(words)
        if len(words) >= 2 and len(stem) >= 6:
            out.setdefault(stem, factor)
    for word, factor in _rows("magnitudes.extra.tsv", lang):
        # the curated table wins over CLDR: CLDR's long Nepali forms put करोड at a million
        out[word.casefold()] = float(factor)
    return MappingProxyType(out)


@lru_cache(maxsize=256)
def number_stems(lang: str) -> Mapping[str, float]:
    """Stems that ``lang``'s number words take before a case ending -> value
    (``data/language/number-stems.tsv``: Finnish ``kahde`` of ``kahden``, ``kahdella`` = 2;
    empty for most languages).

    Example:
        >>> number_stems("fi")["kahde"], dict(number_stems("xx"))
        (2.0, {})
    """
    return MappingProxyType({stem.casefold(): float(value) for stem, value in _rows("number-stems.tsv", lang)})


@lru_cache(maxsize=256)
def extra_number_words(lang: str) -> Mapping[str, tuple[float, str]]:
    """Number words of ``lang`` that num2words does not give (``dozen``, ``twice``, ``setengah``,
    ordinals, articles read as 1) -> (value, kind), from ``data/language/number-words.tsv``;
    kind ``unit`` marks the cardinals 1-9 that build compounds (:func:`number_compounds`).

    Example:
        >>> extra_number_words("en")["dozen"], extra_number_words("id")["dua"], dict(extra_number_words("xx"))
        ((12.0, 'word'), (2.0, 'unit'), {})
    """
    return MappingProxyType({word.casefold(): (float(value), kind)
                             for word, value, kind in _rows("number-words.tsv", lang)})


@lru_cache(maxsize=256)
def number_compounds(lang: str) -> tuple[tuple[str, str, float | None], ...]:
    """The words that build ``lang``'s numbers from a unit word before them, as (word, role,
    value), from ``data/language/number-compounds.tsv``: role ``times`` (Indonesian ``dua
    puluh`` = 20), ``plus`` (``dua belas`` = 12), ``one`` (a prefix standing for 1: ``se``),
    ``prefix`` (one the compound may carry: the ordinal ``ke``); empty for most languages.

    Example:
        >>> number_compounds("id")[0], number_compounds("en")
        (('puluh', 'times', 10.0), ())
    """
    return tuple((row[0].casefold(), row[1], float(row[2]) if len(row) > 2 else None)
                 for row in _rows("number-compounds.tsv", lang))


@lru_cache(maxsize=256)
def enclitics(lang: str) -> tuple[str, ...]:
    """Particles ``lang`` writes joined to the end of a word, names too (Indonesian ``-nya``:
    ``Trumpnya``; ``data/language/enclitics.tsv``), in file order; empty for most languages.

    Example:
        >>> enclitics("id"), enclitics("en")
        (('nya',), ())
    """
    return tuple(row[0] for row in _rows("enclitics.tsv", lang))


@lru_cache(maxsize=256)
def common_word_endings(lang: str) -> tuple[str, ...]:
    """Endings of ``lang``'s common words that names rarely have (English ``-ing``, ``-ment``;
    ``data/language/common-endings.tsv``); empty for most languages.

    Example:
        >>> common_word_endings("en")[:3], common_word_endings("de")
        (('ing', 'ed', 'al'), ())
    """
    return tuple(row[0] for row in _rows("common-endings.tsv", lang))


@lru_cache(maxsize=256)
def proclitics(lang: str) -> tuple[str, ...]:
    """Particles ``lang`` writes joined to the front of the next word (Arabic ``ال``, ``و``,
    ``ب``; ``data/language/proclitics.tsv``), longest first; empty for most languages.

    Example:
        >>> proclitics("ar")[:2], proclitics("en")
        (('وال', 'بال'), ())
    """
    return tuple(sorted((row[0] for row in _rows("proclitics.tsv", lang)), key=len, reverse=True))


@lru_cache(maxsize=256)
def day_period_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of ``lang`` for "a.m." (and "in the morning") and for "p.m." (and "in the
    afternoon / evening": ``de la tarde``), from CLDR day periods, lower-cased.

    Example:
        >>> sorted(day_period_words("ko")[1])
        ['오후', '저녁']
    """
    loc = _locale(lang)
    am: set[str] = set()
    pm: set[str] = set()
    for key, word in _forms(loc.day_periods) if loc is not None else []:
        word = word.strip().casefold()
        kind = str(key).rstrip("12")
        if kind in ("am", "morning") and len(word) >= 2:
            am.add(word)
        elif kind in ("pm", "afternoon", "evening") and len(word) >= 2:
            pm.add(word)
    return frozenset(am), frozenset(pm)


def ordinal_dot(lang: str) -> bool:
    """True for languages that write an ordinal as the number and a dot (German ``29.``, Finnish ``29.``).

    Example:
        >>> ordinal_dot("de"), ordinal_dot("fi"), ordinal_dot("en")
        (True, True, False)
    """
    return language_key(lang) in _code_list("ordinal-dot.txt")


@lru_cache(maxsize=256)
def place_acronyms(lang: str) -> Mapping[str, str]:
    """Acronyms of ``lang``'s country and organisation names of several words (:func:`place_names`)
    -> their CLDR code: the initials of the name's capitalised words and of the parts of its
    hyphenated ones (Indonesian ``PBB``, Perserikatan Bangsa-Bangsa = ``UN``; ``UEA``, Uni Emirat
    Arab = ``AE``). Initials that two names share are left out (Indonesian ``AS``: Amerika Serikat
    Arab Saudi and Afrika Selatan).

    Example:
        >>> place_acronyms("id")["PBB"], place_acronyms("id")["UEA"], "AS" in place_acronyms("id")
        ('UN', 'AE', False)
    """
    found: dict[str, set[str]] = {}
    for name, code in _cldr_place_names(lang).items():
        if not code.isupper():
            continue  # (a language name: no acronym)
        loc = _locale(lang)
        original = str(loc.territories.get(code, "")) if loc is not None else ""
        if original.casefold() != name:
            continue  # (the unaccented form of the name: the same initials)
        parts = [p for p in regex.split(r"[\s\-]+", original) if p]
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            continue
        found.setdefault("".join(p[:1] for p in parts), set()).add(code)
    return MappingProxyType({k: next(iter(v)) for k, v in found.items() if len(v) == 1 and len(k) >= 2})


@lru_cache(maxsize=4096)
def territory_code(word: str) -> str:
    """The CLDR territory code an acronym stands for (``US``, ``U.S.``, ``UK`` -> ``GB``, ``EU``);
    ``""`` for any other word.

    Example:
        >>> territory_code("U.S."), territory_code("UK"), territory_code("Bank")
        ('US', 'GB', '')
    """
    from babel.core import get_global

    w = word.replace(".", "")
    if not (2 <= len(w) <= 3 and w.isupper() and w.isalpha()):
        return ""
    english = _locale("en")
    if english is not None and w in english.territories:
        return w
    alias = get_global("territory_aliases").get(w)
    return str(alias[0]) if alias and len(alias) == 1 else ""


@lru_cache(maxsize=256)
def magnitude_prefixes(lang: str) -> Mapping[str, float]:
    """Magnitude words that ``lang`` writes before the number (Swahili ``milioni 20``) -> factor,
    from CLDR's compact decimal formats.

    Example:
        >>> magnitude_prefixes("sw")["milioni"], magnitude_prefixes("en")
        (1000000.0, mappingproxy({}))
    """
    import re

    out: dict[str, float] = {}
    for text, mag in _compact_patterns(lang):
        zeros = re.search("0+", text)
        if zeros is None or text[zeros.end():].strip():
            continue
        word = text[: zeros.start()].replace("\u00a0", " ").strip().rstrip(".").casefold()
        factor = int(mag) // 10 ** (len(zeros.group(0)) - 1)
        if word and word.isalpha() and factor >= 100:
            out.setdefault(word, float(factor))
    return MappingProxyType(out)


def _compact_patterns(lang: str) -> list[tuple[str, str]]:
    """``(pattern text, magnitude)`` of every compact decimal format of ``lang`` (long and short)."""
    loc = _locale(lang)
    out: list[tuple[str, str]] = []
    if loc is None:
        return out
    try:
        tables = loc.compact_decimal_formats
        widths = [tables[w] for w in ("long", "short") if w in tables]
    except (KeyError, TypeError, AttributeError):
        return out
    for width in widths:
        for plural in width.values():
            for mag, pattern in plural.items():
                text = str(getattr(pattern, "pattern", pattern)).split(";")[0].replace("'", "")
                out.append((_BIDI_MARKS.sub("", text), str(mag)))  # Hebrew writes "\u200f0 מיליארד"
    return out


#: Bidirectional control marks, which CLDR puts before the digits of some right-to-left patterns.
_BIDI_MARKS = regex.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
#: A lower-case letter before a capital: a form told from a unit symbol only by its case (Catalan
#: ``kM``, 10^9, beside ``km``), which the look-up ignores.
_INNER_CAPITAL = regex.compile(r"\p{Ll}\p{Lu}")
