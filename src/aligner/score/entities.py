"""Names (people, places, organisations) compared across languages and spellings.

A name is a capitalised word that is not the first word of a sentence, a stop word, a month
or a day, or an all-capital acronym. A name on one side is *matched* when the other side has
the same word, a close spelling (rapidfuzz ratio after a rough phonetic folding, so
``Sutskever``/``Suzkwer`` and ``Democrats``/``Demokrat`` match) or a lexicon translation
(``China``/``Tiongkok``). Matches that differ only in spelling are reported as variants so
that they become ``typography`` notes rather than mismatches.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType

import regex
from rapidfuzz import fuzz

from ..language import language_key, script_of
from ..lexicon import Lexicon, common_words, known_words, word_forms
from ..lexicon.words import has_word_list, in_word_list, is_word_form, tells_words_from_names
from ..locale_data import (calendar_words, capitalises_nouns, common_word_endings, conjunctions, demonyms, enclitics,
                           has_locale,
                           lingua_franca, place_acronyms, place_names,
                           territory_code, territory_of,
                           unaccented, usual_script)
from .text import Token, is_stopword, tokens

__all__ = ["NameMatch", "DocumentVocabulary", "extract_names", "match_names", "fold", "is_title_case",
           "unaccounted_capitals", "multiword_places", "consistent_translations",
           "swapped_in_copied_name"]

_FOLD = (("dzs", "j"), ("sch", "s"), ("ph", "f"), ("th", "t"), ("ch", "k"), ("ck", "k"), ("kh", "k"), ("c", "k"),
         ("q", "k"), ("x", "ks"), ("z", "s"), ("w", "v"), ("y", "i"), ("j", "i"), ("dj", "i"),
         ("oe", "u"), ("ou", "u"), ("oo", "u"), ("ee", "i"))
_DOUBLE = regex.compile(r"(\p{L})\1+")


_VOWELS = regex.compile(r"[aeiouy]+")


def _consonants(key: str) -> str:
    """The consonants of a folded name, its first letter kept (``deili`` / ``dalei`` -> ``dl``)."""
    return key[:1] + _VOWELS.sub("", key[1:]) if key else ""


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A rough phonetic folding for comparing spellings of one name across languages
    (Hungarian ``dzs`` is ``j``: ``Dzsongun`` / ``Jong-un``).

    Example:
        >>> fold("Sutskever"), fold("Suzkwer")
        ('sutskever', 'suskver')
    """
    w = word.lower()
    for a, b in _FOLD:
        w = w.replace(a, b)
    return _DOUBLE.sub(r"\1", w)


def _calendar_word(low: str, lang: str) -> bool:
    return low.rstrip(".") in calendar_words(lang)


#: a Roman numeral with an ordinal ending (``XIXe siècle``, ``XXth``): a number, not a name
_ROMAN_ORDINAL = regex.compile(r"(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
                               r"(?:e|er|re|ème|eme|th)")


#: a name after a lower-case particle and a hyphen (Arabic ``al-Moualem``, ``el-Sisi``, ``bin-Salman``)
_PARTICLE_NAME = regex.compile(r"\p{Ll}{2,3}-(\p{Lu}\p{Ll}+)")


def _capitalised(word: str, lang: str = "") -> bool:
    """A capital first letter, or a name after a lower-case particle of two or three letters
    (``al-Moualem``; not a month, nor a country or language: ``mid-September``, ``non-British``)."""
    if word[:1].isupper():
        return True
    m = _PARTICLE_NAME.fullmatch(word)
    return m is not None and not _calendar_word(m.group(1).lower(), lang) and not _place_codes(m.group(1), lang) \
        and not _place_codes(m.group(1), "en")


def _is_name(tok: Token, first: bool, lang: str) -> bool:
    s = tok.surface
    if not _capitalised(s, lang) or len(s) < 2 or s[:1].isdigit() or _ROMAN_ORDINAL.fullmatch(s):
        return False
    low = s.lower()
    if is_stopword(s, lang) or low.startswith(("i'", "i\u2019")) or _calendar_word(low, lang) \
            or _calendar_word(regex.sub(r"['\u2019]s$", "", low), lang):
        return False
    if first and not (sum(c.isupper() for c in s) >= 2):
        return False
    return True


_SENTENCE_START = regex.compile(r"[.!?:;\u2026]\s*[\"'\u201c\u2018\u201e\u00ab\u2039\u300c\u300e(\u2014\u2013-]?\s*[\u00a1\u00bf]?\s*$")
#: an opening quotation mark (after a space or at the start): the quoted speech starts a sentence
#: of its own (``я спросил: «Ты``, ``сказать ему «Пап``, Finnish ``sanoi: ”Olemme``)
_OPENING_QUOTE = regex.compile(r"(?:^|[\s(\[])[\"'\u201c\u201d\u2018\u2019\u201e\u201a\u00ab\u00bb\u2039\u300c\u300e]\s*[\u00a1\u00bf]?\s*$"
                            r"|(?:^|\s)[\u00a1\u00bf]$")


@lru_cache(maxsize=32768)
def extract_names(text: str, lang: str) -> tuple[Token, ...]:
    """Capitalised words that look like names (see the module docstring).

    Example:
        >>> [t.surface for t in extract_names("Olympic diver Tom Daley said on Monday.", "en")]
        ['Tom', 'Daley']
    """
    toks = tokens(text)
    starts = _sentence_starts(text, lang)
    calendar = _calendar_spans(text, lang)
    out = []
    for k, tok in enumerate(toks):
        if calendar and any(a <= tok.start < b for a, b in calendar):
            continue  # a word of a day or month name of several words (Vietnamese Thứ Bảy, Chủ Nhật)
        if _is_name(tok, k in starts, lang) or (k and k not in starts and _surname_like(toks, k, text, lang)):
            out.append(tok)
    return tuple(out)


@lru_cache(maxsize=256)
def _calendar_pattern(lang: str) -> "regex.Pattern[str] | None":
    names = sorted((w for w in calendar_words(lang) if " " in w), key=len, reverse=True)
    if not names:
        return None
    alt = "|".join(regex.escape(n).replace("\\ ", r"\s+") for n in names)
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + alt + r")(?![\p{L}\p{N}])", regex.IGNORECASE)


def _calendar_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """The spans of the day and month names of several words in ``text`` (CLDR: ``Thứ Bảy``)."""
    pattern = _calendar_pattern(lang)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def _surname_like(toks: tuple[Token, ...], k: int, text: str, lang: str) -> bool:
    """A capitalised month or day name right after a capitalised word that is no common word,
    with no number after it, is a surname (``Theresa May``), not a date (``Monday May 5``,
    ``in May``, ``Last May``)."""
    tok, prev = toks[k], toks[k - 1]
    if not tok.surface[:1].isupper() or not _calendar_word(tok.surface.lower(), lang) or capitalises_nouns(lang):
        return False  # (in German a capitalised noun before a month says when: Ende Mai)
    if not prev.surface[:1].isupper() or _calendar_word(prev.surface.lower(), lang) or is_stopword(prev.surface, lang):
        return False
    if _is_common(prev.surface, lang, common_words(lang)):
        return False  # Last May, Black Friday
    if text[prev.end : tok.start] != " ":
        return False
    after = toks[k + 1] if k + 1 < len(toks) else None
    return after is None or not (after.is_number or after.surface[:1].isdigit())


#: a dotted acronym and a space just before a word (``U.S. Navy``): no sentence end
_DOTTED_BEFORE = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}\.){2,} $")


@lru_cache(maxsize=65536)
def _sentence_starts(text: str, lang: str = "") -> frozenset[int]:
    """Indices of the tokens of ``text`` (:func:`~aligner.score.text.tokens`) that start a sentence: the first, one after ``. `` and one after an
    opening quotation mark (quoted speech starts a sentence of its own); not one after a title the
    segmenter knows as an abbreviation (``St. Martin``, ``Dr. Ford``, Indonesian ``Bw. Gendon``)
    or after a dotted acronym (``U.S. Navy``)."""
    toks = tokens(text)
    out = set()
    for k, tok in enumerate(toks):
        before = text[toks[k - 1].end : tok.start] if k else text[: tok.start]
        if k and before == ". " and (_title(toks[k - 1].surface, lang)
                                     or _DOTTED_BEFORE.search(text, 0, tok.start) is not None):
            continue
        if k == 0 or _SENTENCE_START.search(before) or _OPENING_QUOTE.search(before):
            out.add(k)
    return frozenset(out)


def _start_offsets(text: str, lang: str) -> frozenset[int]:
    """The offsets of the words of ``text`` that start a sentence (:func:`_sentence_starts`)."""
    toks = tokens(text)
    return frozenset(toks[k].start for k in _sentence_starts(text, lang))


def _title(word: str, lang: str) -> bool:
    """A capitalised abbreviation of at most four letters (``St``, ``Dr``, ``Sen``): a title before a name."""
    return 2 <= len(word) <= 4 and word[:1].isupper() and word[1:].islower() and _abbreviation(word, lang)


#: a headline in title case has fewer lower-case words of four letters or more that are no stop
#: words than this (``City battles Hoffenheim in Champions League group play`` is a sentence)
_TITLE_LOWER = 3


def is_title_case(text: str, lang: str = "") -> bool:
    """True for a headline written in title case (most longer words capitalised, hardly a
    lower-case word that is no stop word: a sentence full of names still has its verbs and
    nouns in lower case); never in a language ``lang`` that capitalises its nouns, where an
    ordinary sentence looks like one.

    Example:
        >>> is_title_case("Killer Pig Mauls Chinese Farmer to Death"), is_title_case("Tom Daley said so.")
        (True, False)
        >>> is_title_case("City battles Hoffenheim in Champions League group play on Tuesday at Rhein-Neckar-Arena in Sinsheim, Germany.")
        False
        >>> is_title_case("Der Fall wird zur Zeit vor dem Bundesgericht von Alaska in Juneau verhandelt.", "de")
        False
    """
    if lang and capitalises_nouns(lang):
        return False
    words = [t.surface for t in tokens(text) if len(t.surface) >= 4 and not t.is_number]
    caps = sum(1 for w in words if w[:1].isupper())
    lower = sum(1 for w in words if w[:1].islower() and not is_stopword(w, lang))
    return caps >= 3 and caps >= 0.7 * len(words) and lower < _TITLE_LOWER


@dataclass(frozen=True)
class DocumentVocabulary:
    """What a whole document says about its capitalised words.

    Attributes:
        common: lower-cased words that appear in lower case somewhere (so not names).
        proper: lower-cased words capitalised inside a sentence that is not a headline (not
            at a sentence start: after ``. `` or an opening quotation mark).
        capitalised: lower-cased words capitalised anywhere.
        lang: the document's language (for the country and language names it mentions).
        codes: CLDR territory codes of the acronyms it writes (``U.S.``, ``UK``).
        counts: lower-cased capitalised word -> how many sentences capitalise it.
    """

    common: frozenset[str]
    proper: frozenset[str]
    capitalised: frozenset[str] = frozenset()
    lang: str = ""
    codes: frozenset[str] = frozenset()
    counts: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}), compare=False, hash=False)

    def mentions(self, word: str, lang: str) -> bool:
        """Does the document capitalise ``word`` somewhere (the same name, in any script, inflected)?"""
        w = _strip(word, lang)
        if w in self.capitalised:
            return True
        key = fold(_latin(w))
        keys = self._keys
        if key in keys or (len(key) >= 5 and key[:5] in self._prefixes):
            return True
        # a name spelled in another script (Дейли / Daley): a close spelling, or the same consonants
        if len(key) >= 4 and any(abs(len(k) - len(key)) <= 3 and fuzz.ratio(key, k) >= 72 for k in keys):
            return True
        skeleton = _consonants(key)
        if len(skeleton) >= 2 and skeleton in self._skeletons:
            return True
        # a country or language the document names in its own language (Russlands / Russia)
        return bool(self.lang) and bool(_place_keys(w, lang) & self._places)

    def copies(self, word: str, lang: str) -> int:
        """In how many sentences does the document capitalise ``word`` as written, or with a case
        ending of up to five letters (``Trump`` / ``Trumpin``)? (0 for words under three letters.)

        Example:
            >>> DocumentVocabulary.of(("Sanoi Trumpin mukaan.", "Trump ei."), "fi").copies("Trump", "en")
            2
        """
        w = _strip(word, lang)
        if len(w) < 3:
            return 0
        ordered = self.__dict__.get("_ordered")
        if ordered is None:
            ordered = tuple(sorted(self.capitalised))
            object.__setattr__(self, "_ordered", ordered)
        n = 0
        i = bisect.bisect_left(ordered, w)
        while i < len(ordered) and ordered[i].startswith(w):
            if ordered[i] == w or _inflected(w, ordered[i]):
                n += self.counts.get(ordered[i], 1)
            i += 1
        return n

    @property
    def _places(self) -> frozenset[str]:
        return self._cached("_place_cache", lambda: self.codes | frozenset(
            k for w in self.capitalised for k in _place_keys(w, self.lang)))

    def _cached(self, name: str, build: Callable[[], frozenset[str]]) -> frozenset[str]:
        """A derived set, built on first use and kept on the (frozen) instance."""
        cached = self.__dict__.get(name)
        if cached is None:
            cached = build()
            object.__setattr__(self, name, cached)
        return cached

    @property
    def _keys(self) -> frozenset[str]:
        return self._cached("_key_cache", lambda: frozenset(fold(_latin(w)) for w in self.capitalised))

    @property
    def _skeletons(self) -> frozenset[str]:
        return self._cached("_skeleton_cache", lambda: frozenset(_consonants(k) for k in self._keys))

    @property
    def _prefixes(self) -> frozenset[str]:
        return self._cached("_prefix_cache", lambda: frozenset(k[:5] for k in self._keys if len(k) >= 5))

    @classmethod
    def of(cls, sentences: tuple[str, ...], lang: str) -> "DocumentVocabulary":
        """Collect the vocabulary of a document's sentences."""
        common: set[str] = set()
        proper: set[str] = set()
        capitalised: set[str] = set()
        counts: dict[str, int] = {}
        for text in sentences:
            toks = tokens(text)
            title = is_title_case(text, lang)
            starts = _sentence_starts(text, lang)
            here: set[str] = set()
            for k, tok in enumerate(toks):
                if _capitalised(tok.surface, lang):
                    here.add(_strip(tok.surface, lang))
                    if k not in starts and not title:
                        proper.add(_strip(tok.surface, lang))
                elif tok.surface[:1].islower():
                    common.add(tok.lower)
            capitalised |= here
            for w in here:
                counts[w] = counts.get(w, 0) + 1
        codes = {territory_code(m.group(0)) for text in sentences for m in _DOTTED.finditer(text)}
        codes |= {territory_code(t.surface) for text in sentences for t in tokens(text) if t.surface.isupper()}
        codes |= {c for text in sentences for c in multiword_places(text, lang)}
        return cls(frozenset(common), frozenset(proper - common), frozenset(capitalised), lang,
                   frozenset(codes - {""}), MappingProxyType(counts))


@dataclass(frozen=True)
class NameMatch:
    """Names of one bead compared.

    Names that are also dictionary words (``County``, ``Partai``, ``Tuan``) are *soft*: they
    count when matched but are not reported missing, as they are often translated freely.

    Attributes:
        src_only: source names (not dictionary words) with no counterpart in the target text.
        tgt_only: target names (not dictionary words) with no counterpart in the source text.
        src_soft_only, tgt_soft_only: unmatched capitalised dictionary words of each side.
        variants: ``(source token, target token)`` pairs matched only by a spelling variant.
        matched: how many names on both sides found a counterpart.
        left_out: the unmatched names are all on one side, and the other side has fewer names
            and every capitalised word of it a look-alike on this side: names left out or
            paraphrased (``Pacific`` / ``Tyynenmeren``), not one name put for another.
    """

    src_only: tuple[Token, ...]
    tgt_only: tuple[Token, ...]
    variants: tuple[tuple[Token, Token], ...]
    matched: int
    src_soft_only: tuple[Token, ...] = ()
    tgt_soft_only: tuple[Token, ...] = ()
    left_out: bool = False

    @property
    def agreement(self) -> float:
        """Share of names that found a counterpart (1.0 when there are none)."""
        total = self.matched + len(self.src_only) + len(self.tgt_only)
        return 1.0 if total == 0 else self.matched / total


def _strip(word: str, lang: str) -> str:
    w = word.lower()
    possessive = False
    for suf in ("'s", "\u2019s"):
        if w.endswith(suf):
            w = w[: -len(suf)]
            possessive = True
    if "-" in w:
        left, _, right = w.partition("-")
        if left == right or (len(left) >= 3 and word.partition("-")[2][:1].islower()):
            w = left
    if not possessive and len(word) >= 3 and word[:-1].isalpha() and word[:-1].isupper() and word.endswith("s"):
        w = w[:-1]  # AMs, MPs
    for suf in enclitics(lang):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            w = w[: -len(suf)]
    return w


def _inflected(a: str, b: str) -> bool:
    """Is one of two lower-cased names the other with a case ending: up to three letters more
    (``kim`` / ``kimin``), five after a stem of four or more letters (``ford`` / ``fordista``), one
    after a stem of two (``ri`` / ``rin``)?"""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 2 or not long_.startswith(short):
        return False
    extra = len(long_) - len(short)
    return extra <= (1 if len(short) == 2 else 3 if len(short) == 3 else 5)


def _counterpart(name: Token, lang: str, other: tuple[Token, ...], other_lang: str,
                 other_forms: frozenset[str], lexicon: Lexicon | None,
                 other_places: frozenset[str] = frozenset(),
                 other_starts: frozenset[int] | None = None) -> tuple[str, Token | None]:
    """``("exact" | "variant" | "translated" | "none", matching token)``; ``other_places``: the
    CLDR codes of the country names of several words in the other text (``United States``);
    ``other_starts``: the offsets of the other text's sentence-initial words, where cognates
    (:func:`_cognate`) are looked for among its other capitalised words (none without it)."""
    n = _strip(name.surface, lang)
    best: tuple[float, Token | None] = (0.0, None)
    for tok in other:
        t = _strip(tok.surface, other_lang)
        if t == n:
            if tok.surface != name.surface and tok.surface[:1].isupper() and name.surface.lower() == tok.surface.lower() \
                    and sum(c.isupper() for c in name.surface) != sum(c.isupper() for c in tok.surface):
                return "variant", tok
            return "exact", tok
        if len(n) >= 4 and len(t) >= 3 and (t.startswith(n) or n.startswith(t)) and min(len(n), len(t)) >= 0.6 * max(len(n), len(t)):
            return "exact", tok
        if min(len(n), len(t)) >= 2 and (t == n + "s" or n == t + "s"):
            return "exact", tok  # a genitive: Lee / Lees, Ri's / Ris
        if tok.surface[:1].isupper() and name.surface[:1].isupper() and (
                _inflected(n, t) or _inflected(unaccented(n), unaccented(t))):
            return "exact", tok  # a case ending: Kim / Kimin, Ford / Fordista, Ri / Rin, Hungarian Ri / Rível
        if min(len(n), len(t)) >= 5 and (n in t or t in n):
            return "exact", tok  # a compound or derived form: Korea / Nordkorea, Korean / südkoreanische
        fn, ft = fold(_latin(n)), fold(_latin(t))
        if len(n) >= 3 and fn == ft:
            return "exact", tok  # the same name in another script or spelling: Cox / Кокс
        if len(fn) >= 6 and len(ft) >= 5 and fn[:5] == ft[:5]:
            return "exact", tok  # an inflected or derived form: Olympic / olympialaisissa
        if len(fn) >= 8 and tok.surface[:1].isupper() and fn[:-2] in ft[1:]:
            return "exact", tok  # the stem after a prefix of the other language: Democratic / Mwanademocrat
        # a close spelling only of a word that may be a name: not a lower-case word (``Vann`` is
        # not ``an``) nor a stopword, nor a word of the language's word list at a sentence start
        # (``Spieth`` is not ``„Sie``), at least three letters and of a length near the name's
        score = fuzz.ratio(fn, ft) if len(t) >= 3 and not tok.surface[:1].islower() \
            and min(len(fn), len(ft)) >= 0.6 * max(len(fn), len(ft)) and not is_stopword(tok.surface, other_lang) \
            and not (other_starts is not None and tok.start in other_starts and in_word_list(tok.surface, other_lang)) \
            else 0.0
        if score > best[0]:
            best = (score, tok)
        if (_place_keys(n, lang) | _place_keys(name.surface, lang)) & (
                _place_keys(t, other_lang) | _place_keys(tok.surface, other_lang)):
            return "translated", tok  # an exonym or a language / demonym: Germany / Allemagne, China / chinesisch
    if other_places and (_place_keys(n, lang) | _place_keys(name.surface, lang)) & other_places:
        return "translated", None  # a country of several words on the other side: Yhdysvallat / United States
    if "-" in name.surface:
        # a compound name matched by a part of it: Pohjois-Korean / North Korea, Iso-Britannia / Britain
        for part in name.surface.split("-"):
            if len(part) >= 4 and part[:1].isupper() and _counterpart(
                    Token(part, name.start, name.start + len(part)), lang, other, other_lang, other_forms,
                    lexicon, other_places, other_starts)[0] != "none":
                return "exact", None
    if _acronym(name.surface) and len(name.surface) >= 2 and _initials(name.surface, other, other_lang):
        return "translated", None
    if lexicon is not None:
        for form in word_forms(name.surface, lang):
            for tr in lexicon.translations(form):
                words = [w for w in tr.split() if not is_stopword(w, other_lang)]
                if words and all(w in other_forms for w in words):
                    return "translated", None
    if best[1] is not None and len(n) >= 4 and best[0] >= 72:
        t = _strip(best[1].surface, other_lang)
        return ("exact" if fuzz.ratio(_latin(n), _latin(t)) >= 80 else "variant"), best[1]
    # a cognate among the other side's capitalised words (not at a sentence start, no acronym)
    cognate = None if other_starts is None or len(n) < 4 else next((
        tok for tok in other if tok.start not in other_starts and not _acronym(tok.surface)
        and tok.surface[:1].isupper() and _cognate(n, _strip(tok.surface, other_lang))), None)
    if cognate is not None:
        return "translated", cognate
    return "none", None


def _cognate(a: str, b: str) -> bool:
    """Are two lower-cased words one name or word in two languages by their consonants: the
    same first three consonants of the folded words and at most two consonants more on one
    side (``Welsh`` / ``Walesin``, ``Member`` / ``Miembros``, ``Band`` / ``Bendi``, ``Rockies`` /
    ``Rocosas``; not ``Land`` / ``Lundvaldin``)? A name put for another rarely shares them.

    Example:
        >>> _cognate("welsh", "walesilaisen"), _cognate("land", "lundvaldin")
        (True, False)
    """
    ka, kb = _consonants(fold(_latin(a))), _consonants(fold(_latin(b)))
    return min(len(ka), len(kb)) >= 3 and ka[:3] == kb[:3] and abs(len(ka) - len(kb)) <= 2


@lru_cache(maxsize=65536)
def _latin(word: str) -> str:
    """``word`` in Latin letters (anyascii transliteration for other scripts), lower-cased."""
    if word.isascii():
        return word.lower()
    from anyascii import anyascii

    return anyascii(word).lower()


_ELISION = regex.compile(r"^\p{L}['\u2019]")


def _place_keys(word: str, lang: str) -> frozenset[str]:
    """The CLDR codes of a place or language name, a language also naming its usual country
    (``chinesisch`` -> ``zh``, ``CN``), so a demonym matches the country: ``China`` / ``chinesische``."""
    out: set[str] = set()
    for key in _place_codes(word, lang):
        out.add(key)
        if key.islower() and territory_of(key):
            out.add(territory_of(key))
    return frozenset(out)


def _place_key(word: str, lang: str) -> str:
    """One CLDR code of a country or language name (``""`` when ``word`` is none)."""
    codes = _place_codes(word, lang)
    return min(codes) if codes else ""


def _country_or_language(word: str, lang: str) -> bool:
    """Is ``word`` a CLDR country or language name, or one with an ending of up to two letters
    (``Germans``)? Such a word is a name even where it is a dictionary word; continents and
    looser forms only help matching."""
    names = place_names(lang)
    adjectives = demonyms(lang)
    w = unaccented(_ELISION.sub("", word.lower()))
    for stem in (w, w[:-1], w[:-2]):
        if stem in adjectives:
            continue  # (a country's adjective, British, matches a name but is no name by itself)
        code = names.get(stem, "")
        if len(stem) >= (4 if stem == w else 5) and code[:1].isalpha() and (code.isupper() or has_locale(code)):
            return True
    return False


@lru_cache(maxsize=65536)
def _place_codes(word: str, lang: str) -> frozenset[str]:
    """The CLDR codes of a country or language name, or of an inflected or derived form of one:
    the name and an ending (``chilenisches`` / ``Chile``), or a form that differs from the name
    in its last letters only (``Европы`` / ``Европа``, ``Irlannissa`` / ``Irlanti``); an acronym
    that is a CLDR territory code or alias (``U.S.``, ``UK``); a name of two or three letters
    only as written (Vietnamese ``Nga``, Chinese ``中国``)."""
    code = territory_code(word)
    local = place_acronyms(lang).get(word.replace(".", ""), "") if word.isupper() else ""
    if code or local:
        # an acronym that is a CLDR code (US, U.S., UK = GB, EU) or the initials of a name of
        # the language (Indonesian PBB = UN, AS = US, beside AS, American Samoa)
        return frozenset({code, local} - {""})
    names = place_names(lang)
    w = unaccented(_ELISION.sub("", word.lower()))
    if len(w) < 4:
        # a short name only as written: Vietnamese Nga, Đức; Chinese 中国 (a country, or a language
        # with a CLDR locale)
        code = names.get(w, "") if len(w) >= 2 else ""
        return frozenset({code}) if code[:1].isalpha() and (code.isupper() or has_locale(code)) else frozenset()
    ordered = _sorted_names(lang)
    if w in names:
        # a language name that starts a country's name of several words names that country
        # too (Indonesian Inggris, English, and Inggris Raya, the United Kingdom)
        country: set[str] = set()
        i = bisect.bisect_left(ordered, w + " ")
        while names[w].islower() and i < len(ordered) and ordered[i].startswith(w + " "):
            if names[ordered[i]].isupper():
                country.add(names[ordered[i]])
            i += 1
        return frozenset({names[w]} | country)
    out: set[str] = set()
    for k in range(len(w), 3, -1):
        prefix = w[:k]
        i = bisect.bisect_left(ordered, prefix)
        while i < len(ordered) and ordered[i].startswith(prefix):
            name = ordered[i]
            i += 1
            if " " in name or len(name) < 4:
                continue
            # the name and an ending, or a form that changes the name's last letters (Finnish
            # Irlanti / Irlannissa, Yhdysvallat / Yhdysvaltain)
            if w.startswith(name) or (k >= max(4, len(name) - 3) and len(w) - k <= 6):
                out.add(names[name])
    if not out:
        # a different prefix of one or two letters on the same stem of five or more: a noun
        # class (Swahili Mhispania / Uhispania, Wamarekani / Marekani, Mswidi / Uswidi)
        heads = _names_by_stem(lang)
        for cut in (0, 1, 2):
            out.update(heads.get(w[cut:], ()) if len(w) - cut >= 5 else ())
    return frozenset(out)


@lru_cache(maxsize=256)
def _names_by_stem(lang: str) -> Mapping[str, frozenset[str]]:
    """One-word place names of ``lang``, whole and without their first one or two letters -> CLDR codes."""
    out: dict[str, set[str]] = {}
    for name, code in place_names(lang).items():
        if " " in name:
            continue
        for cut in (0, 1, 2):
            if len(name) - cut >= 5:
                out.setdefault(name[cut:], set()).add(code)
    return MappingProxyType({k: frozenset(v) for k, v in out.items()})


@lru_cache(maxsize=256)
def _sorted_names(lang: str) -> tuple[str, ...]:
    return tuple(sorted(place_names(lang)))


def _known(word: str, lang: str, lexicon: Lexicon | None) -> bool:
    """True when ``word`` (or a stem) is a dictionary word: a soft name.

    Dictionary words are those the pair's lexicon translates and the single words of any
    shipped lexicon in ``lang`` (:func:`aligner.lexicon.known_words`).
    """
    w = _strip(word, lang)
    forms = word_forms(w, lang)
    if lexicon is not None and any(lexicon.translations(f) for f in forms):
        return True
    common = known_words(lang)
    return any(f in common for f in forms)


def _abbreviation(word: str, lang: str) -> bool:
    """A title or other abbreviation the segmenter knows (``Lt``, ``St``, ``Sr``): no name."""
    from ..segment.rules import abbreviations

    w = word.lower().rstrip(".")
    return w in abbreviations(lang) or w in abbreviations("en")


def _acronym(word: str) -> bool:
    """An all-capital abbreviation, also in the plural or possessive or before a lower-case
    part (``UK``, ``AMs``, ``ICJ's``, ``PNG-registered``)."""
    head, _, tail = word.partition("-")
    w = regex.sub(r"(?:['\u2019]s|(?<=\p{Lu})s)$", "", head if tail[:1].islower() else word)
    return 2 <= len(w) <= 5 and w.isupper()


def _initials(name: str, other: tuple[Token, ...], other_lang: str) -> bool:
    """Is the acronym ``name`` the initials of a run of capitalised words on the other side
    (``AP`` / ``Associated Press``, ``NTS`` / ``National Trust for Scotland``)?"""
    letters = name.rstrip("s").replace(".", "")
    words = [t.surface for t in other if not is_stopword(t.surface, other_lang)]
    firsts = "".join(w[:1] for w in words)
    for k in range(len(words) - len(letters) + 1):
        if firsts[k : k + len(letters)] == letters and all(w[:1].isupper() for w in words[k : k + len(letters)]):
            return True
    return False


def _names(text: str, lang: str, vocab: DocumentVocabulary | None,
           other_vocab: DocumentVocabulary | None = None, other_script: str = "") -> tuple[Token, ...]:
    """The names of ``text``; with the documents' vocabularies also a word at a sentence start
    that is a name the other version keeps (:func:`_kept_name`: ``Ford also testified`` /
    ``Asimismo, Ford testificó``)."""
    names = extract_names(text, lang)
    if vocab is not None and is_title_case(text, lang):
        names = tuple(t for t in names if _strip(t.surface, lang) in vocab.proper)
    elif vocab is not None and other_vocab is not None:
        toks = tokens(text)
        have = {t.start for t in names}
        extra = [tok for k in sorted(_sentence_starts(text, lang)) if (tok := toks[k]).start not in have
                 and tok.surface[:1].isupper() and len(tok.surface) >= 2 and not is_stopword(tok.surface, lang)
                 and not _calendar_word(tok.surface.lower(), lang)
                 and _kept_name(tok.surface, lang, vocab, other_vocab, other_script, at_start=True)]
        if extra:
            names = tuple(sorted(names + tuple(extra), key=lambda t: t.start))
    return names


def _strong(word: str) -> bool:
    """Mixed case or letters with digits (``OpenAI``, ``GPT-4``): a name in any language (an
    acronym's plural or possessive, ``AMs``, ``UK's``, is not mixed case)."""
    if any(c.isalpha() for c in word) and any(c.isdigit() for c in word):
        return True
    if _acronym(word):
        return False
    # inner capitals of one part: a hyphenated compound (Bronze-Medaillen-Gewinner) is not mixed case
    return any(any(c.isupper() for c in part[1:]) and any(c.islower() for c in part) for part in word.split("-"))


#: ``script_of`` names -> ISO 15924 codes of the scripts they cover.
_SCRIPT_CODES = {"latin": ("Latn",), "cyrillic": ("Cyrl",), "hangul": ("Kore",), "kana": ("Jpan",),
                 "han": ("Hans", "Hant", "Jpan", "Kore")}


def _foreign(word: str, lang: str) -> bool:
    """Is ``word`` written in a script that ``lang`` does not usually use (``Smith`` in Korean text)?"""
    usual = usual_script(lang)
    codes = _SCRIPT_CODES.get(script_of(word))
    return bool(usual and codes) and usual not in codes  # type: ignore[operator]


def _soft(word: str, lang: str, lexicon: Lexicon | None, vocab: DocumentVocabulary | None,
          other_script: str = "", other_lang: str = "") -> bool:
    """Is an unmatched capitalised word too uncertain a name to report missing?

    A word in a script its language does not use (Latin letters in Korean text) or in mixed
    case (``OpenAI``) is always a name. Otherwise soft: acronyms; dictionary words; words the
    document also writes in lower case; a capitalised word of a language that capitalises
    its nouns (German) unless it is no word of the language's word list (:func:`_unlisted`:
    ``Raikkonen``, ``Muppet`` are names, ``Atemwegsbeschwerden`` is not), any capitalised word of another language with no
    word list to tell names from common words (:func:`aligner.lexicon.known_words`:
    translated names such as ``Nueva``, ``Juegos`` are common words there); and a name whose script differs from the other side's (``Daley``
    against a Korean text that may spell it in Hangul: it counts when matched by
    transliteration, never missing).
    """
    if _foreign(word, lang):
        return False
    if other_script and script_of(word) != other_script:
        return True
    if _strong(word) or _country_or_language(_strip(word, lang), lang):
        return False  # a country or language name (CLDR) is a name even where it is a dictionary word
    if _acronym(word) or _known(word, lang, lexicon) or _abbreviation(word, lang):
        return True
    if _without_lingua_franca(lang, other_lang) and (is_stopword(word, _LINGUA_FRANCA) or _lingua_franca_word(word)):
        return True  # an English word kept in a pair without English, which the other side may translate (Red Tide / rote Tide)
    if capitalises_nouns(lang):
        # a capital is no evidence of a name here; a word that the language's word list does
        # not know (nor as a compound of its words) is one all the same (Raikkonen, Muppet)
        if not _unlisted(word, lang, other_lang):
            return True
    elif not known_words(lang) and not _unknown_to_word_list(word, lang, other_lang):
        return True  # (no lexicon, nor a word list that knows its words: any capital may be a word)
    w = _strip(word, lang)
    if len(w) > 5 and w.endswith(common_word_endings(lang)):
        return True
    return vocab is not None and w in vocab.common


_DOTTED = regex.compile(r"(?<![\p{L}.])(?:\p{Lu}\.){2,}")


_CAPITALISED_WORD = regex.compile(r"\p{Lu}[\p{L}'\u2019]*")


def _common_name(text: str, name: Token, lang: str) -> bool:
    """Is ``name`` part of a run of capitalised words that are all common words: a name made of
    common words, that translators translate (``Academy Awards``, ``Metropolitan Police``,
    ``Interior Secretary``)? A lone one (``Ford``) or a run with a name in it (``Tom Daley``, ``Secretary Mike Pompeo``)
    stays a name. The common words are :func:`_name_word_test`'s."""
    common = _name_word_test(lang)
    if common is None or not common(name.surface):
        return False
    run = [name.surface] + [word for _, word in _run_around(text, name)]
    return len(run) >= 2 and all(common(w) for w in run)


def _listed_noun(word: str, lang: str) -> bool:
    """A capitalised word of a language that capitalises its nouns that the language's word list
    knows (German ``Stadtrat``): a noun, whose capital says nothing."""
    return capitalises_nouns(lang) and has_word_list(lang) and not _unlisted(word, lang)


#: the language whose words news in every language keeps untranslated (German ``Showrunner``,
#: ``Church of England``; data/language/lingua-franca.txt): a common word of it is no name where
#: the other side is in another language, which may translate it (German / Indonesian ``Gereja``)
_LINGUA_FRANCA = lingua_franca()


def _unlisted(word: str, lang: str, other_lang: str = "") -> bool:
    """Is ``word`` no word of ``lang``: its word list exists and does not know it
    (:func:`aligner.lexicon.words.in_word_list`), and it is no acronym, nor, where the other
    side (``other_lang``) is not in English, a common word of English (kept untranslated)?"""
    if not has_word_list(lang) or _acronym(word) or in_word_list(word, lang):
        return False
    if _without_lingua_franca(lang, other_lang):
        return not _lingua_franca_word(word)
    return True


def _unknown_to_word_list(word: str, lang: str, other_lang: str = "") -> bool:
    """Is ``word`` a name by ``lang``'s word list: one rich enough to tell words from names
    (:func:`~aligner.lexicon.words.tells_words_from_names`) knows neither it nor a word it is an
    inflected form of (Hungarian ``Hoffenheim``, ``Lidl``; not ``Közgyűlésével``), and it is no
    acronym nor, against a side not in English, a common English word (:func:`_unlisted`)?"""
    return tells_words_from_names(lang) and _unlisted(word, lang, other_lang) and not is_word_form(word, lang)


def _without_lingua_franca(lang: str, other_lang: str) -> bool:
    """Is neither ``lang`` nor ``other_lang`` (given) the lingua franca (:data:`_LINGUA_FRANCA`)?"""
    return bool(other_lang) and _LINGUA_FRANCA not in (language_key(lang), language_key(other_lang))


def _lingua_franca_word(word: str) -> bool:
    """Is ``word`` a common word of the lingua franca (:data:`_LINGUA_FRANCA`: English)?"""
    return _is_common(word, _LINGUA_FRANCA, common_words(_LINGUA_FRANCA))


def _name_word_test(lang: str) -> Callable[[str], bool] | None:
    """How to tell a common word inside a name of ``lang``: its common-word list
    (:func:`aligner.lexicon.common_words`: English), or, for a language that capitalises its
    nouns and has a word list (:func:`_common_word_test`), that list or the lingua franca's
    common words (a name kept in English: German ``Supreme Court``, ``Welsh Government``);
    ``None`` otherwise."""
    common = _common_word_test(lang)
    if common is None or common_words(lang):
        return common
    if capitalises_nouns(lang):
        return lambda word: common(word) or _lingua_franca_word(word)
    return None


def _descriptor(text: str, name: Token, lang: str, matched: set[int]) -> bool:
    """Is ``name`` a common word at the end of a run of capitalised words, after a word matched on
    the other side: a word of a name that translators translate (``Brentwood Imperial Youth
    Band`` / ``Bendi ya Brentwood``, ``Mogollon Rim`` / ``Escarpe Mogollón``, ``Alaska's
    Veteran's Court``)? Only common words may follow it; a first word stays a name (``John Street``), and so does
    one before a name (``Vice President Mike Pence``: a given name that is also a dictionary
    word). The common words are :func:`_name_word_test`'s."""
    common = _name_word_test(lang)
    if common is None or not common(name.surface):
        return False
    run = _run_around(text, name)
    before = [start for start, _ in run if start < name.start]
    after = [word for start, word in run if start > name.start]
    return bool(before) and all(common(w) for w in after) and any(start in matched for start, _ in run)


_CAPITALISED_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])(\p{Lu}[\p{L}'\u2019]*) $")


def _is_common(word: str, lang: str, common: frozenset[str]) -> bool:
    w = _strip(word, lang)
    return any(f in common for f in word_forms(w, lang))


def _with_parts(toks: tuple[Token, ...], text: str = "") -> tuple[Token, ...]:
    """Tokens, the parts of hyphenated ones (``Oscar-Gewinner`` also gives ``Oscar``) and the
    dotted acronyms of ``text`` that tokenising splits (``U.S.``)."""
    out = list(toks) + [Token(m.group(0), m.start(), m.end()) for m in _DOTTED.finditer(text)]
    for t in toks:
        if "-" in t.surface:
            start = t.start
            for part in t.surface.split("-"):
                if part:
                    out.append(Token(part, start, start + len(part)))
                start += len(part) + 1
    return tuple(out)


def match_names(src_text: str, src_lang: str, tgt_text: str, tgt_lang: str,
                forward: Lexicon | None = None, backward: Lexicon | None = None,
                src_vocab: DocumentVocabulary | None = None,
                tgt_vocab: DocumentVocabulary | None = None) -> NameMatch:
    """Compare the names of two texts (``forward``: src->tgt lexicon, ``backward``: tgt->src).

    With a document's vocabulary, headlines in title case only count words that the document
    capitalises elsewhere, and words it also writes in lower case are soft.
    """
    src_toks, tgt_toks = _with_parts(tokens(src_text), src_text), _with_parts(tokens(tgt_text), tgt_text)
    src_forms = frozenset(f for t in src_toks for f in word_forms(t.surface, src_lang))
    tgt_forms = frozenset(f for t in tgt_toks for f in word_forms(t.surface, tgt_lang))
    src_places, tgt_places = multiword_places(src_text, src_lang), multiword_places(tgt_text, tgt_lang)
    src_starts, tgt_starts = _start_offsets(src_text, src_lang), _start_offsets(tgt_text, tgt_lang)
    src_script, tgt_script = script_of(src_text), script_of(tgt_text)
    src_names = _names(src_text, src_lang, src_vocab, tgt_vocab, tgt_script)
    tgt_names = _names(tgt_text, tgt_lang, tgt_vocab, src_vocab, src_script)
    src_only, src_soft, src_else, src_found = _side_names(src_text, src_lang, src_names, src_vocab, forward, tgt_toks,
                                                          tgt_lang, tgt_forms, tgt_script, tgt_vocab,
                                                          tgt_places, tgt_starts)
    tgt_only, tgt_soft, tgt_else, tgt_found = _side_names(tgt_text, tgt_lang, tgt_names, tgt_vocab, backward, src_toks,
                                                          src_lang, src_forms, src_script, src_vocab,
                                                          src_places, src_starts)
    # a name named elsewhere in the other document is reported only when the other side of the
    # bead has an unmatched name that is no dictionary word: one name put for another
    # (a title the segmenter knows as an abbreviation, ``Lt Col Vann``, or a listed German noun,
    # ``Sohn``, is no name of its own)
    src_other = bool(src_only or src_else or any(not _known(t.surface, src_lang, forward) and not _acronym(t.surface)
                                                 and not _abbreviation(t.surface, src_lang)
                                                 and not _listed_noun(t.surface, src_lang) for t in src_soft))
    # A source name missing from the target is always reported (a swap with another name of
    # the same story leaves no trace but this); a target name that the source document names
    # elsewhere is the translator naming a pronoun ("he" / "Daley") unless the source side has
    # an unmatched name of its own.
    src_only.extend(src_else)
    (tgt_only if src_other else tgt_soft).extend(tgt_else)
    # source names the target spells in its own letters (Yunnan / Vân Nam): translated, soft
    natively = _rendered_natively(src_only, src_lang, tgt_text, tgt_lang, tgt_only + tgt_soft, src_text, tgt_vocab)
    if natively:
        src_soft.extend(natively)
        src_only = [t for t in src_only if t not in natively]
    # in a language with no word list, an unmatched capitalised word is a name put in when the
    # other side has no unmatched capitalised word it could be the translation of
    if not src_only and not src_soft and not known_words(tgt_lang) and not capitalises_nouns(tgt_lang):
        tgt_only += _put_in(tgt_text, tgt_toks, tgt_soft, tgt_lang, backward, src_vocab, tgt_vocab, src_text)
        tgt_soft = [t for t in tgt_soft if t not in tgt_only]
    if not tgt_only and not tgt_soft and not known_words(src_lang) and not capitalises_nouns(src_lang):
        src_only += _put_in(src_text, src_toks, src_soft, src_lang, forward, tgt_vocab, src_vocab, tgt_text)
        src_soft = [t for t in src_soft if t not in src_only]
    # (in a headline in title case, the capitalised words that the document names nowhere else
    # are no names, but a word of a copied name may still have been swapped: Alasdair Lamont / Alasdair Live)
    src_hidden, tgt_hidden = _hidden(src_text, src_lang, src_names), _hidden(tgt_text, tgt_lang, tgt_names)
    for soft, hidden, only, other_only, other_soft, args, vocab in (
            (src_soft, src_hidden, src_only, tgt_only, tgt_soft, (src_text, src_lang, tgt_text, tgt_lang), tgt_vocab),
            (tgt_soft, tgt_hidden, tgt_only, src_only, src_soft, (tgt_text, tgt_lang, src_text, src_lang), src_vocab)):
        # (and the names only a word list calls names, which were soft before it: Kempf Mariota / Super Mario)
        unlisted = [t for t in only if not known_words(args[1]) and _unknown_to_word_list(t.surface, args[1], args[3])]
        for name, put in swapped_in_copied_name(*args, tuple(sorted(soft + hidden + unlisted, key=lambda t: t.start)),
                                                vocab):
            if name in soft:
                soft.remove(name)
            if name not in only:
                only.append(name)
            for tok in other_soft:
                if tok.start == put.start:
                    other_soft.remove(tok)
                    break
            if all(tok.start != put.start for tok in other_only):
                other_only.append(put)
    # a compound name copied with one of its parts replaced (Rhein-Neckar-Arena /
    # Pjongjang-Neckar-Arenalla) is matched by the parts it kept: it is one name put for another
    for found, only, other_found, other_only, lang, other_text, other_lang in (
            (src_found, src_only, tgt_found, tgt_only, src_lang, tgt_text, tgt_lang),
            (tgt_found, tgt_only, src_found, src_only, tgt_lang, src_text, src_lang)):
        for entry in list(found):
            swap = _compound_swap(entry[0], lang, other_text, other_lang)
            if swap is None:
                continue
            found.remove(entry)
            only.append(entry[0])
            for other in list(other_found):
                if other[0].start == swap.start:
                    other_found.remove(other)
            if all(tok.start != swap.start for tok in other_only):
                other_only.append(swap)
    variants = tuple((name, tok) for name, how, tok in src_found if how == "variant" and tok is not None)
    matched = len(src_found) + len(tgt_found)
    n_src, n_tgt = len(src_names), len(tgt_names)
    if src_only and not tgt_only:
        # (a listed German noun on the other side may be the word put for the name: it counts)
        left_out = not tgt_soft and n_tgt < n_src and not unaccounted_capitals(
            tgt_text, tgt_lang, src_text, src_lang, tgt_vocab)
    elif tgt_only and not src_only:
        # the listed nouns of a source language that capitalises its nouns (German) count as no names here
        n_src = sum(1 for t in src_names if not _listed_noun(t.surface, src_lang))
        # with the documents' vocabularies, these target names are ones the source document
        # never mentions (a name it mentions elsewhere is soft here); one that the target
        # language's word list does not know either, and no country or language name (Manchester,
        # Inggris), was put in, not paraphrased (Raikkonen)
        left_out = not any(not _listed_noun(t.surface, src_lang) for t in src_soft) and n_src < n_tgt \
            and not unaccounted_capitals(src_text, src_lang, tgt_text, tgt_lang, src_vocab) \
            and not (src_vocab is not None and any(_unlisted(t.surface, tgt_lang)
                                                   and not _country_or_language(_strip(t.surface, tgt_lang), tgt_lang)
                                                   for t in tgt_only))
    else:
        left_out = False
    return NameMatch(tuple(src_only), tuple(tgt_only), variants, matched, tuple(src_soft), tuple(tgt_soft),
                     left_out)


def _compound_swap(name: Token, lang: str, other_text: str, other_lang: str) -> Token | None:
    """The compound of ``other_text`` that is the hyphenated name ``name`` with one part
    replaced: in the same script, as many parts, every part capitalised, each part a counterpart of the part in
    its place (:func:`_counterpart`: ``Arena`` / ``Arenalla``) but one, of four letters or more
    on both sides (``Rhein`` / ``Pjongjang``); ``None`` where there is none.

    Example:
        >>> _compound_swap(Token("Rhein-Neckar-Arena", 0, 18), "en", "Pjongjang-Neckar-Arenalla Sinsheimissa", "fi").surface
        'Pjongjang-Neckar-Arenalla'
    """
    parts = name.surface.split("-")
    if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
        return None

    def same(a: str, b: str) -> bool:
        return _counterpart(Token(a, 0, len(a)), lang, (Token(b, 0, len(b)),), other_lang, frozenset(), None)[0] != "none"

    for tok in tokens(other_text):
        other = tok.surface.split("-")
        if len(other) != len(parts) or not all(p[:1].isupper() for p in other) \
                or script_of(tok.surface) != script_of(name.surface):
            continue  # (in another script a part may be transliterated past recognition: Black-Daley / Блэк-Дейли)
        differ = [k for k in range(len(parts)) if not same(parts[k], other[k])]
        if len(differ) == 1 and len(parts[differ[0]]) >= 4 and len(other[differ[0]]) >= 4:
            return tok
    return None


def _hidden(text: str, lang: str, names: tuple[Token, ...]) -> list[Token]:
    """The words :func:`extract_names` finds in ``text`` that are not among its ``names`` (those
    a headline in title case drops, :func:`_names`)."""
    common = _common_word_test(lang)
    if common is None or not is_title_case(text, lang):
        return []
    have = {t.start for t in names}
    before = {t.end: t for t in tokens(text)}
    return [t for t in extract_names(text, lang) if t.start not in have and not common(t.surface)
            and (prev := before.get(t.start - 1)) is not None and text[prev.end] == " " and prev.surface[:1].isupper()]


def swapped_in_copied_name(text: str, lang: str, other_text: str, other_lang: str,
                           soft: tuple[Token, ...], other_vocab: DocumentVocabulary | None = None,
                           ) -> list[tuple[Token, Token]]:
    """Soft names of ``text`` (dictionary words) that a name copied word for word into
    ``other_text`` has lost to another word: ``(soft name, the word in its place)``.

    The soft name follows another capitalised word of its name (``Lance Black``, ``Jaguar Land
    Rover``); that word stands unchanged on the other side, followed, after one space, by a
    capitalised word that is not the soft name and has no counterpart in ``text``, and then by
    the name's next word where it has one (``Dustin Lance Unite``, ``Jaguar Guizhou Rover``). A
    name copied unchanged keeps its words; a name translated (``White House`` / ``Weiße Haus``)
    has no word copied to anchor it, and a title before a name (``Secretary Pompeo`` /
    ``Außenminister Pompeo``) is not read, as only a word after its name's copied word is.

    A soft name that is the first word of its name counts where it is no common word of its
    language (:func:`_common_word_test`: English's common-word list, else the language's word
    list, so Finnish ``Kempf``, ``Pinellasista``), nor an acronym, and, judged by a word list
    only, not a name that ``other_vocab`` (the other document's vocabulary) names elsewhere
    (``Lt Col Vann`` / ``Bernard Vann``: the translator naming him in full); the word in its
    place may start a sentence where it is no common word of the other language (``Evo
    Morales`` / ``Pinellasista Moralesilla``).

    Example:
        >>> [(a.surface, b.surface) for a, b in swapped_in_copied_name(
        ...     "US film-maker Dustin Lance Black met him.", "en",
        ...     "der US-Filmemacher Dustin Lance Unite traf ihn.", "de",
        ...     extract_names("US film-maker Dustin Lance Black met him.", "en")[-1:])]
        [('Black', 'Unite')]
    """
    if not soft:
        return []
    toks, other = tokens(text), tokens(other_text)
    index = {t.start: k for k, t in enumerate(toks)}
    parts = _with_parts(toks, text)
    forms = frozenset(f for t in parts for f in word_forms(t.surface, lang))
    out = []
    listed = common_words(lang)
    common = _common_word_test(lang)
    other_common = _common_word_test(other_lang)
    other_starts = _sentence_starts(other_text, other_lang)

    def swapped(put: Token, name: Token) -> bool:
        # (a word spelled with letters of its own language is a translated word of the name:
        # Asian Games / Ázsiai Játékokra)
        return put.surface[:1].isupper() and len(put.surface) >= 2 and not is_stopword(put.surface, other_lang) \
            and not _native_spelling(put.surface, text) and _strip(put.surface, other_lang) != _strip(name.surface, lang) \
            and _counterpart(put, other_lang, parts, lang, forms, None)[0] == "none"

    for name in soft:
        k = index.get(name.start)
        if k is None:
            continue
        # (the next word of the name also after a possessive apostrophe: Magistrates' Court)
        after = toks[k + 1].surface if k + 1 < len(toks) and text[name.end : toks[k + 1].start] in (" ", "' ", "\u2019 ") \
            and toks[k + 1].surface[:1].isupper() else ""
        if not k or text[toks[k - 1].end : name.start] != " " or not toks[k - 1].surface[:1].isupper():
            # the first word of its name, a given name rather than a common word (not a title:
            # Secretary Pompeo / Außenminister Pompeo), the next word kept, possibly inflected:
            # Luke Armitage / Childers Armitage, David Armstrong's / Tampa Armstrongin
            # (not a name the other document names elsewhere: Lt Col Vann / Bernard Vann, the translator naming him in full)
            if not after or common is None or common(name.surface) or _abbreviation(name.surface, lang) \
                    or _acronym(name.surface) or (not listed and other_vocab is not None
                                                  and other_vocab.mentions(name.surface, lang)):
                continue
            for j in range(1, len(other)):
                put = other[j - 1]
                # (a word at a sentence start only where it is no common word: Evo Morales / Pinellasista Moralesilla)
                if (j - 1 in other_starts and (other_common is None or other_common(put.surface))) \
                        or other_text[put.end : other[j].start] != " " \
                        or not _same_word(after, lang, other[j].surface, other_lang):
                    continue
                if swapped(put, name):
                    out.append((name, put))
                    break
            continue
        before = toks[k - 1].surface
        for j in range(len(other) - 1):
            put = other[j + 1]
            if not _spelled_alike(before, lang, other[j].surface, listed) or other_text[other[j].end : put.start] != " ":
                continue
            if after and not (j + 2 < len(other) and other[j + 2].surface == after
                              and other_text[put.end : other[j + 2].start] == " "):
                continue
            if swapped(put, name):
                out.append((name, put))
                break
    return out


def _common_word_test(lang: str) -> Callable[[str], bool] | None:
    """How to tell a common word of ``lang``: its common-word list (:func:`aligner.lexicon.common_words`:
    English), else its word list (:func:`aligner.lexicon.words.in_word_list`: Finnish, Spanish);
    ``None`` where it has neither."""
    listed = common_words(lang)
    if listed:
        return lambda word: _is_common(word, lang, listed)
    if has_word_list(lang):
        return lambda word: in_word_list(word, lang)
    return None


def _spelled_alike(word: str, lang: str, other: str, listed: frozenset[str]) -> bool:
    """``other`` is ``word`` as written, or, in a language with a list of common words
    (``listed``), for a word that is none of them nor a country or language name and has no
    hyphen, spelled with a letter moved or changed (``Kirsty`` / ``Kristy``; not ``Energy`` /
    ``Energi``, ``Korean`` / ``Korea``)."""
    if other == word:
        return True
    if not listed or "-" in word or "-" in other or abs(len(word) - len(other)) > 1 \
            or script_of(word) != script_of(other):
        return False
    if _is_common(word, lang, listed) or _country_or_language(_strip(word, lang), lang):
        return False
    fa, fb = fold(_latin(word)), fold(_latin(other))
    return len(fa) >= 4 and fuzz.ratio(fa, fb) >= 80


def _same_word(word: str, lang: str, other: str, other_lang: str) -> bool:
    """Is ``other`` the capitalised word ``word`` as written, with a case ending (``Armstrong`` /
    ``Armstrongin``) or spelled a little differently (``Kirsty`` / ``Kristy``), in the same script?"""
    if not other[:1].isupper() or script_of(word) != script_of(other):
        return False
    a, b = _strip(word, lang), _strip(other, other_lang)
    if a == b or (len(a) >= 3 and _inflected(a, b)):
        return True
    fa, fb = fold(_latin(a)), fold(_latin(b))
    return len(fa) >= 4 and (fa == fb or fuzz.ratio(fa, fb) >= 80)


def _rendered_natively(names: list[Token], lang: str, other_text: str, other_lang: str, other_unmatched: list[Token],
                       text: str, other_vocab: DocumentVocabulary | None) -> list[Token]:
    """``names`` (unmatched names of ``text``) that the other side renders in its own spelling:
    every run of the other side's unmatched capitalised words (joined by single spaces) has a
    word spelled with letters ``text`` never writes (:func:`_native_spelling`: Vietnamese ``Vân
    Nam`` for ``Yunnan``, ``Thái Bình Dương`` for ``Pacific``, Hungarian ``Hágában`` for ``Hague``),
    and every other word of it is written in lower case elsewhere in its document (``other_vocab``:
    ``Nam``, south); there are at least as many such runs as names, and the other document
    never writes any of the names as written (:meth:`DocumentVocabulary.copies`: a name its
    translator keeps, ``Sainsbury's``, is no name rendered). A name put for another leaves
    a run spelled as the other language writes it (``Tulsa`` put for ``Kavanaugh``, ``Hạt Videoton``
    for ``Lee``), and the names stay as they are. Returns the names to set soft (none, or all)."""
    other_unmatched = [t for t in other_unmatched if not _acronym(t.surface)]  # (XIX, ENSZ: no words)
    if not names or not other_unmatched or other_vocab is None or any(other_vocab.copies(n.surface, lang) for n in names):
        return []
    ordered = sorted(other_unmatched, key=lambda t: t.start)
    runs: list[list[Token]] = [[ordered[0]]]
    for tok in ordered[1:]:
        prev = runs[-1][-1]
        if other_text[prev.end : tok.start] == " " or tok.start < prev.end:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    common = other_vocab.common if other_vocab is not None else frozenset()

    def native(run: list[Token]) -> bool:
        spelled = [_native_spelling(t.surface, text) for t in run]
        return any(spelled) and all(own or _strip(t.surface, other_lang) in common for t, own in zip(run, spelled))

    return list(names) if len(runs) >= len(names) and all(native(run) for run in runs) else []


def _native_spelling(word: str, other_text: str) -> bool:
    """Is ``word`` written in the script of ``other_text`` with a letter outside ASCII that
    ``other_text`` never writes (Vietnamese ``Thủ``, ``Mỹ``, Hungarian ``Wuként`` against an English
    line)? Such a word was spelled in its own language: a translated word or a name given its
    local form, not a name of the other side put in unchanged. ``False`` without ``other_text``.

    Example:
        >>> _native_spelling("Thủ", "Prime Minister Theresa May"), _native_spelling("Trump", "Prime Minister May")
        (True, False)
    """
    if not other_text or script_of(word) != script_of(other_text):
        return False
    seen = other_text.casefold()
    return any(c.isalpha() and not c.isascii() and c not in seen for c in word.casefold())


def _put_in(text: str, toks: tuple[Token, ...], soft: list[Token], lang: str, lexicon: Lexicon | None,
            other_vocab: DocumentVocabulary | None, vocab: DocumentVocabulary | None = None,
            other_text: str = "") -> list[Token]:
    """Soft names of a language without a word list that stand alone: no acronym, no dictionary
    word nor word of the language's word list (:func:`aligner.lexicon.words.in_word_list`:
    Greek ``Σαββατοκύριακο``), no abbreviation (``Sr.``), not beside another capitalised word
    (``Juegos Olímpicos``, ``Nueva York`` are a translated name), not spelled with letters of its
    own language that ``other_text`` does not write (:func:`_native_spelling`: Vietnamese
    ``Thủ tướng``, Hungarian ``Wuként``), not named elsewhere in the other document nor written
    in lower case elsewhere in its own (``vocab``)."""
    index = {t.start: k for k, t in enumerate(toks)}
    out = []
    for t in soft:
        k = index.get(t.start)
        beside = k is not None and any(0 <= j < len(toks) and toks[j].surface[:1].isupper() for j in (k - 1, k + 1))
        abbreviation = len(t.surface) <= 3 and text[t.end : t.end + 1] == "."
        if beside or abbreviation or _acronym(t.surface) or _known(t.surface, lang, lexicon) \
                or in_word_list(t.surface, lang) or _native_spelling(t.surface, other_text):
            continue  # (a word of the language's word list: Greek Σαββατοκύριακο, weekend)
        if vocab is not None and _strip(t.surface, lang) in vocab.common:
            continue  # the document writes it in lower case elsewhere: a common word (Kansainvälisen)
        if other_vocab is not None and other_vocab.mentions(t.surface, lang):
            continue
        out.append(t)
    return out


def _side_names(text: str, lang: str, names: tuple[Token, ...], vocab: DocumentVocabulary | None, lexicon: Lexicon | None,
                other_toks: tuple[Token, ...], other_lang: str, other_forms: frozenset[str],
                other_script: str = "", other_vocab: DocumentVocabulary | None = None,
                other_places: frozenset[str] = frozenset(), other_starts: frozenset[int] | None = None,
                ) -> tuple[list[Token], list[Token], list[Token], list[tuple[Token, str, Token | None]]]:
    """One side's ``names`` (:func:`_names`): with no counterpart (hard, soft, named elsewhere)
    and found, with how.

    A hard name the other document names elsewhere is kept apart: it is the same story's
    entity where the other version has a pronoun ("he" / "Daley"), unless the other side of
    the bead has an unmatched name of its own (then one name was put for another).
    """
    only: list[Token] = []
    soft: list[Token] = []
    elsewhere: list[Token] = []
    found: list[tuple[Token, str, Token | None]] = []
    looked: list[tuple[Token, str, Token | None]] = []
    for name in names:
        how, tok = _counterpart(name, lang, other_toks, other_lang, other_forms, lexicon, other_places, other_starts)
        if how == "none" and (joined := _joined_counterpart(text, name, lang, other_toks, other_lang)) is not None:
            how, tok = "variant", joined
        if how == "none" and any(a <= name.start < b and code in _codes_of(other_toks, other_lang, other_places)
                                 for a, b, code in _multiword_spans(text, lang)):
            how = "translated"  # a word of a country of several words: Umoja (wa Ulaya) / EU
        looked.append((name, how, tok))
    matched = {name.start for name, how, _ in looked if how != "none"}
    for name, how, tok in looked:
        gloss = _gloss(text, name) and language_key(other_lang) != _LINGUA_FRANCA
        if how != "none":
            found.append((name, how, tok))
        elif gloss and _lingua_franca_word(name.surface):
            soft.append(name)  # an English word of a gloss (적십자(Indonesian Red Cross) / Palang Merah)
        elif (_soft(name.surface, lang, lexicon, vocab, other_script, other_lang) or _common_name(text, name, lang)
              or _descriptor(text, name, lang, matched) or gloss or _suspended_part(text, name, lang)) \
                and not (_kept_name(name.surface, lang, vocab, other_vocab, other_script)
                         and _run_anchored(text, name, matched)):
            soft.append(name)
        elif other_vocab is not None and other_vocab.mentions(name.surface, lang) \
                and not _listed_noun(name.surface, other_lang):
            # (a noun the other language capitalises, Süden, is no name its document gives elsewhere)
            elsewhere.append(name)
        else:
            only.append(name)
    return only, soft, elsewhere, found


_SUSPENDED = regex.compile(r"-\s+(\p{L}+)")


def _suspended_part(text: str, name: Token, lang: str) -> bool:
    """Is ``name`` the first part of a suspended compound, a hyphen and "and" / "or" after it
    (Finnish ``Pohjois- ja Keski-Amerikan``, German ``Bundes- und Landesregierung``)? It is a
    word of the compound that follows, no name of its own."""
    m = _SUSPENDED.match(text, name.end)
    return m is not None and m.group(1).casefold() in conjunctions(lang) | conjunctions("en")


def _joined_counterpart(text: str, name: Token, lang: str, other_toks: tuple[Token, ...],
                        other_lang: str) -> Token | None:
    """A counterpart of ``name`` written as one word with its neighbour in the other language: a
    given name of two syllables that one romanisation parts and another joins (Korean ``Ri Yong Ho``
    / Hungarian ``Ri Jongho``, ``Moon Jae-in`` / ``Mun Dzsein``). ``name`` without its hyphen, or
    joined with the capitalised word just before or after it (one space between), folded to Latin
    letters (:func:`fold`), is the same as, or a close spelling of (rapidfuzz ratio 80 or more,
    lengths at most two letters apart), a capitalised word of the other side with no hyphen that
    is not the neighbour itself; ``None`` when there is none."""
    tries = []
    if "-" in name.surface:
        tries.append((name.surface.replace("-", ""), ""))
    before = _CAPITALISED_BEFORE.search(text, 0, name.start)
    if before is not None and "-" not in before.group(1):
        tries.append((before.group(1) + name.surface.lower(), before.group(1)))
    after = _CAPITALISED_WORD.match(text, name.end + 1) if text[name.end : name.end + 1] == " " else None
    if after is not None and "-" not in after.group(0):
        tries.append((name.surface + after.group(0).lower(), after.group(0)))
    for word, neighbour in tries:
        if len(word) < 4 or not word.isalpha():
            continue
        key = fold(_latin(word))
        for tok in other_toks:
            t = _strip(tok.surface, other_lang)
            if not tok.surface[:1].isupper() or "-" in tok.surface or t in (_strip(neighbour, lang), _strip(name.surface, lang)):
                continue
            other = fold(_latin(t))
            if abs(len(other) - len(key)) <= 2 and (other == key or fuzz.ratio(other, key) >= 80):
                return tok
    return None


#: a parenthesis right after a letter (a space between allowed), and what it holds
_PARENTHESIS = regex.compile(r"(\p{L})\s?\(([^()]{1,120})\)")


def _gloss(text: str, name: Token) -> bool:
    """Is ``name`` inside a parenthesis right after a word in another script: a gloss that names
    that word (``인도네시아 적십자(Indonesian Red Cross)``, ``국방고등연구계획국(DARPA)``), so
    the other side may well render the word alone? Such a name is soft where the other side is
    not in English (the glosses' language: against English it is copied, or was changed).

    Example:
        >>> text = "인도네시아 적십자(Indonesian Red Cross)는 말했다."
        >>> _gloss(text, extract_names(text, "ko")[-1]), _gloss("Er sagte (Red Cross) es.", Token("Red", 10, 13))
        (True, False)
    """
    for m in _PARENTHESIS.finditer(text):
        if m.start(2) <= name.start < m.end(2) and script_of(m.group(1)) != script_of(name.surface):
            return True
    return False


def _run_anchored(text: str, name: Token, matched: set[int]) -> bool:
    """Does ``name`` stand alone, or has another word of its run of capitalised words (joined by
    single spaces) a counterpart on the other side (``Kirsty Young`` / ``Kristy ...``, ``Home
    Depot`` / ``... Depot``)? A run with no word matched was translated as a whole (``Red Tide``
    / ``rote Algenblüte``, ``Elite League`` / ``Ligi ya Elite``)."""
    run = _run_around(text, name)
    return not run or any(start in matched for start, _ in run)


def _run_around(text: str, name: Token) -> list[tuple[int, str]]:
    """``(start, word)`` of the other words of the run of capitalised words, joined by single
    spaces, that ``name`` stands in (``Academy`` of ``Academy Awards``)."""
    run: list[tuple[int, str]] = []
    left = text[: name.start]
    while (m := _CAPITALISED_BEFORE.search(left)) is not None:
        run.append((m.start(1), m.group(1)))
        left = left[: m.start()]
    k = name.end
    while text[k : k + 1] == " " and (m := _CAPITALISED_WORD.match(text, k + 1)) is not None:
        run.append((m.start(), m.group(0)))
        k = m.end()
    return run


def _kept_name(word: str, lang: str, vocab: DocumentVocabulary | None,
               other_vocab: DocumentVocabulary | None, other_script: str = "", at_start: bool = False) -> bool:
    """Is ``word`` a name of its document that the other version keeps as written: capitalised
    inside its sentences and never in lower case there, and written the same (or with a case
    ending) in the other document in at least half as many sentences as have it here
    (``Trump``, ``Rangers``, ``Pyongyang``)? Such a word is a name even where it is a
    dictionary word; a word the translation renders otherwise elsewhere (``Commission`` /
    ``Jopo``) stays soft. Acronyms and abbreviations are not read, nor a word in another script
    than the other side's (it may be transliterated there). ``at_start``: a word at a sentence
    start that its document capitalises only there (``“Designated Survivor”``) counts where the
    other document capitalises it inside a sentence."""
    if vocab is None or other_vocab is None or _acronym(word) or _abbreviation(word, lang):
        return False
    if capitalises_nouns(lang) and not _unlisted(word, lang):
        return False  # a listed noun the other document also writes (Senat, an untranslated line) is still a noun
    if other_script and script_of(word) != other_script:
        return False
    w = _strip(word, lang)
    if w not in vocab.proper and not (at_start and w in other_vocab.proper and w not in vocab.common):
        return False
    copied = other_vocab.copies(word, lang)
    return copied >= 1 and 2 * copied >= vocab.counts.get(w, 1)


def _codes_of(toks: tuple[Token, ...], lang: str, places: frozenset[str]) -> frozenset[str]:
    """The CLDR codes the tokens name (countries, languages, acronyms such as ``EU``), and ``places``."""
    return places | frozenset(c for t in toks for w in (t.surface, _strip(t.surface, lang)) for c in _place_keys(w, lang))


def unaccounted_capitals(text: str, lang: str, other_text: str, other_lang: str,
                         vocab: DocumentVocabulary | None = None) -> int:
    """How many capitalised words of ``text`` have no look-alike in ``other_text``?

    Every capitalised word counts (calendar words and stopwords too: a name replaced by a
    capitalised common word, ``David Yang``, leaves one). A word that starts a sentence (the
    first, one after ``. `` or an opening quotation mark) counts only when it is no stopword or
    common word of :func:`aligner.lexicon.common_words` and, with the document's vocabulary, when
    the document also capitalises it inside a sentence (``Tuolloin``, ``Kokemukseni`` at a
    sentence start are common words of a language without a word list). A look-alike is the
    same word folded to Latin letters, one sharing its first five letters or one with a case
    ending more or less (inflected forms: ``Fordista`` / ``Ford``), a part of a compound that
    has one (``Pohjois-Korean`` / ``Korea``), or a name of the same country or language
    (``Yhdysvallat`` / ``United States``, ``USA``).

    Example:
        >>> unaccounted_capitals("Michael Kamis mengatakan", "id", "Michael Vann said", "en")
        1
    """
    other_toks = _with_parts(tokens(other_text), other_text)  # with dotted acronyms (U.S.)
    keys = [fold(_latin(_strip(t.surface, other_lang))) for t in other_toks]
    other_codes: frozenset[str] | None = None
    common = common_words(lang)
    toks = tokens(text)
    starts = _sentence_starts(text, lang)
    count = 0
    for k, tok in enumerate(toks):
        if not tok.surface[:1].isupper() or _listed_noun(tok.surface, lang):
            continue  # (a listed German noun is a word, not a capital to account for)
        w = _strip(tok.surface, lang)
        if k in starts and (is_stopword(tok.surface, lang) or _is_common(tok.surface, lang, common)
                            or (vocab is not None and (w in vocab.common or (
                                w not in vocab.proper and not _strong(tok.surface))))):
            continue
        parts = [w] + [p for p in w.split("-") if len(p) >= 4] if "-" in w else [w]
        if any(_look_alike(fold(_latin(p)), keys) for p in parts):
            continue
        mine = _place_keys(w, lang)
        if mine:
            if other_codes is None:  # the other side's countries and languages, worked out once
                other_codes = _codes_of(other_toks, other_lang, multiword_places(other_text, other_lang))
            if mine & other_codes:
                continue
        count += 1
    return count


def _look_alike(key: str, keys: list[str]) -> bool:
    """Is a folded word ``key`` one of ``keys``, or shares its first five letters or a stem and a
    case ending with one (:func:`_inflected`)?"""
    return any(o == key or (len(key) >= 5 and o[:5] == key[:5]) or _inflected(key, o) for o in keys)


@lru_cache(maxsize=256)
def _multiword_pattern(lang: str) -> "regex.Pattern[str] | None":
    names = sorted((n for n in place_names(lang) if " " in n and len(n) >= 6), key=len, reverse=True)
    if not names:
        return None
    return regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(n) for n in names) + r")(?!\p{L})")


@lru_cache(maxsize=32768)
def _multiword_spans(text: str, lang: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, CLDR code)`` of every country or language name of several words in ``text``."""
    aligned, found = _multiword_found(text, lang)
    return found if aligned else ()  # offsets would not line up (a letter that case-folds to two)


@lru_cache(maxsize=32768)
def multiword_places(text: str, lang: str) -> frozenset[str]:
    """The CLDR codes of the country and language names of several words in ``text``
    (``United States`` -> ``US``, ``North Korea`` -> ``KP``), which word-by-word matching misses.

    Example:
        >>> sorted(multiword_places("Talks between North Korea and the United States", "en"))
        ['KP', 'US']
    """
    return frozenset(code for _, _, code in _multiword_found(text, lang)[1])


@lru_cache(maxsize=32768)
def _multiword_found(text: str, lang: str) -> tuple[bool, tuple[tuple[int, int, str], ...]]:
    """``(offsets line up with text, (start, end, CLDR code) of each country or language name of
    several words)``, matched in the case-folded, unaccented text."""
    pattern = _multiword_pattern(lang)
    if pattern is None or " " not in text:
        return True, ()
    names = place_names(lang)
    low = unaccented(text.casefold())
    return len(low) == len(text), tuple((m.start(), m.end(), names[m.group(0)]) for m in pattern.finditer(low)
                                        if m.group(0) in names)


def _stem(word: str, lang: str) -> str:
    """The first four letters of a word folded to Latin letters (``Tyynellämerellä`` / ``Tyynelle``
    -> ``tyyn``): what inflected forms of one word share."""
    key = fold(_latin(_strip(word, lang)))
    return key[:4] if len(key) >= 4 else ""


def consistent_translations(matches: list[NameMatch], src_lang: str, tgt_lang: str) -> list[NameMatch]:
    """The name comparisons of a document's beads, with the names its translation renders the
    same way in two beads or more set soft.

    A source name without a counterpart (``Pacific``) that comes, in two beads or more, with an
    unmatched capitalised word of one stem on the other side (``Tyynellämerellä``, ``Tyynelle``)
    is that word's translation, not a name left out or replaced: a replaced name is one bead's
    slip. Both become soft where they meet; the same for a target name and a source word.
    """
    def pairs(m: NameMatch, forward: bool) -> set[tuple[str, str]]:
        hard = m.src_only if forward else m.tgt_only
        other = (m.tgt_only + m.tgt_soft_only) if forward else (m.src_only + m.src_soft_only)
        hard_lang, other_lang = (src_lang, tgt_lang) if forward else (tgt_lang, src_lang)
        stems = {_stem(t.surface, other_lang) for t in other} - {""}
        return {(_strip(n.surface, hard_lang), st) for n in hard for st in stems}

    out = list(matches)
    for forward in (True, False):
        seen: dict[tuple[str, str], int] = {}
        for m in out:
            for key in pairs(m, forward):
                seen[key] = seen.get(key, 0) + 1
        consistent = {key for key, n in seen.items() if n >= 2}
        if not consistent:
            continue
        hard_lang, other_lang = (src_lang, tgt_lang) if forward else (tgt_lang, src_lang)
        for k, m in enumerate(out):
            hard = m.src_only if forward else m.tgt_only
            other = (m.tgt_only + m.tgt_soft_only) if forward else (m.src_only + m.src_soft_only)
            moved = [n for n in hard if any((_strip(n.surface, hard_lang), _stem(t.surface, other_lang)) in consistent
                                            for t in other)]
            if not moved:
                continue
            partners = [t for t in (m.tgt_only if forward else m.src_only)
                        if any((_strip(n.surface, hard_lang), _stem(t.surface, other_lang)) in consistent for n in moved)]
            keep = tuple(n for n in hard if n not in moved)
            keep_other = tuple(t for t in (m.tgt_only if forward else m.src_only) if t not in partners)
            if forward:
                out[k] = replace(m, src_only=keep, tgt_only=keep_other, src_soft_only=m.src_soft_only + tuple(moved),
                                 tgt_soft_only=m.tgt_soft_only + tuple(partners))
            else:
                out[k] = replace(m, tgt_only=keep, src_only=keep_other, tgt_soft_only=m.tgt_soft_only + tuple(moved),
                                 src_soft_only=m.src_soft_only + tuple(partners))
    return out
