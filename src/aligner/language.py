"""Language codes, language identification (ISO 639-1 codes) with py3langid, and script evidence.

Codes: :func:`normalize_language` accepts ISO 639-1 (``pt``), ISO 639-2/3 (``por``, ``ind``,
``ger``) and BCP-47 tags (``pt-BR``, ``zh-Hant``, ``pt_br``) and returns one canonical BCP-47
form: the shortest language subtag (ISO 639-1 where there is one, else ISO 639-3; macrolanguage
members such as ``cmn`` become their macrolanguage ``zh``), ``Script`` in title case, ``REGION``
in upper case. Validity and the mappings come from the IANA language subtag registry and CLDR
aliases as packaged by ``langcodes`` (MIT). A code that is not in the registry is an error
(:class:`~aligner.errors.ConfigError`, exit code 2). :func:`base_language` gives the language
subtag alone (``pt-BR`` -> ``pt``), the key of per-language data.

Detection: py3langid over all of its 140 languages; a language outside the list of common ones
(:data:`SUPPORTED_LANGUAGES`) wins only when py3langid is sure of it (probability 0.9 or more),
else the best of the list does. On one sentence py3langid often takes Indonesian for Malay at
probability 0.5; restricted to the list alone, it took Hebrew and Swahili for Indonesian and
Icelandic, Hungarian or Tamil for Swedish (``bench/language_id.py``).
"""

from __future__ import annotations

from functools import lru_cache

import regex

__all__ = ["detect_language", "script_of", "script_counts", "check_language_code", "is_language_code",
           "normalize_language", "base_language", "language_key", "macrolanguage", "same_language", "pair_language",
           "SUPPORTED_LANGUAGES"]

#: Languages the detector prefers when py3langid is not sure of another one.
SUPPORTED_LANGUAGES: tuple[str, ...] = (
    "id", "en", "de", "fr", "es", "it", "pt", "nl", "ko", "zh", "ja", "ru", "ar", "vi", "th",
    "tr", "pl", "sv", "fi", "el", "hi", "tl",
)

_LANG_CODE = regex.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def is_language_code(code: str) -> bool:
    """Is ``code`` shaped like a language code (``en``, ``id``, ``zh-Hant``; also ``und``)?"""
    return bool(_LANG_CODE.fullmatch(code))


@lru_cache(maxsize=1024)
def _normalized(code: str) -> str | None:
    import langcodes

    if not is_language_code(code):
        return None
    tag = code.replace("_", "-")
    try:
        if not langcodes.tag_is_valid(tag):
            return None
        return str(langcodes.standardize_tag(tag, macro=True))
    except (ValueError, LookupError):  # langcodes' LanguageTagError is a ValueError
        return None


def normalize_language(code: str) -> str:
    """The canonical BCP-47 form of a language code (see the module docstring).

    Raises ``ConfigError`` for anything that is not a registered language code.

    Example:
        >>> [normalize_language(c) for c in ("eng", "ind", "pt_br", "zho-hant", "cmn", "EN")]
        ['en', 'id', 'pt-BR', 'zh-Hant', 'zh', 'en']
    """
    norm = _normalized(code) if isinstance(code, str) else None
    if norm is None:
        from .errors import ConfigError

        raise ConfigError(f"{code!r} is not a known language code (ISO 639-1/639-3 or BCP-47, "
                          "such as 'en', 'ind' or 'pt-BR')")
    return norm


def base_language(code: str) -> str:
    """The language subtag of the canonical form: ``pt-BR`` -> ``pt``, ``zho`` -> ``zh``."""
    return normalize_language(code).split("-", 1)[0]


def language_key(code: str) -> str:
    """The language subtag that keys per-language data, never an error: that of the canonical
    form for a registered code (``eng`` -> ``en``, ``pt_BR`` -> ``pt``), else the tag's own first
    subtag in lower case (``und``, ``xx-Latn`` -> ``xx``: such a language gets defaults)."""
    norm = _normalized(code) if isinstance(code, str) else None
    return (norm or code.replace("_", "-")).split("-", 1)[0].lower()


def macrolanguage(code: str) -> str | None:
    """The macrolanguage ``code``'s language belongs to, from the IANA registry as langcodes
    packages it (``nb`` and ``nn`` -> ``no``, ``yue`` -> ``zh``), or ``None``."""
    from langcodes.data_dicts import MACROLANGUAGES

    macro = MACROLANGUAGES.get(language_key(code))
    return str(macro) if macro else None


def check_language_code(code: str) -> str:
    """The canonical form of ``code`` (:func:`normalize_language`); ``ConfigError`` if unknown."""
    return normalize_language(code)


#: Letters of each script (Unicode script names; ``Kana`` is Hiragana and Katakana together).
SCRIPT_LETTERS: dict[str, regex.Pattern[str]] = {
    name: regex.compile(r"[\p{Hiragana}\p{Katakana}]" if name == "Kana" else r"\p{Script=" + name + "}")
    for name in ("Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Hebrew", "Arabic", "Syriac",
                 "Thaana", "Devanagari", "Bengali", "Gurmukhi", "Oriya", "Gujarati", "Tamil", "Telugu",
                 "Kannada", "Malayalam", "Sinhala", "Ethiopic", "Myanmar", "Tibetan", "Khmer", "Thai",
                 "Lao", "Mongolian", "Ol_Chiki", "Tifinagh", "Hangul", "Han", "Kana")
}


def script_counts(text: str, names: tuple[str, ...] = tuple(SCRIPT_LETTERS)) -> dict[str, int]:
    """Letters of each script in ``names`` found in ``text``. Japanese mixes kana and Han: where
    kana are a real share (a tenth or more) of the two, the Han letters count as ``Kana``."""
    counts = {name: len(SCRIPT_LETTERS[name].findall(text)) for name in names}
    kana, han = counts.get("Kana", 0), counts.get("Han", 0)
    if kana and kana >= 0.1 * (kana + han):
        counts["Kana"], counts["Han"] = kana + han, 0
    return counts


_SCRIPT_OF = {"Hangul": "hangul", "Kana": "kana", "Han": "han", "Latin": "latin", "Cyrillic": "cyrillic"}


def script_of(text: str) -> str:
    """The dominant script of ``text``: ``hangul``, ``kana``, ``han``, ``latin``, ``cyrillic``,
    ``other`` (none of these has 30% of the letters) or ``none`` (no letters)."""
    letters = sum(1 for ch in text if ch.isalpha())
    if letters == 0:
        return "none"
    script, n = max(script_counts(text, tuple(_SCRIPT_OF)).items(), key=lambda kv: kv[1])
    return _SCRIPT_OF[script] if n >= 0.3 * letters else "other"


def detect_language(text: str, candidates: tuple[str, ...] | None = None) -> str:
    """Guess the language of ``text`` (an ISO 639-1 code where there is one), among
    ``candidates`` when given, else among all that py3langid knows (see the module docstring).

    Scripts settle Korean, Japanese and Chinese directly; py3langid decides the rest.
    Returns ``"und"`` when the text has no letters.

    Example:
        >>> detect_language("Pekan lalu, perubahan kepemimpinan di startup AI menarik perhatian luas.")
        'id'
        >>> detect_language("Forsætisráðherra sagði í gær að ríkisstjórnin myndi leggja fram nýtt frumvarp.")
        'is'
    """
    found, p = _detect(text, candidates)
    if candidates is not None or found in SUPPORTED_LANGUAGES or p is None:
        return found
    if p >= SURE_OUTSIDE:
        return "und" if found == "zxx" else (_normalized(found) or found)  # zxx: no linguistic content
    return _classify(text, SUPPORTED_LANGUAGES)[0]


def _detect(text: str, candidates: tuple[str, ...] | None) -> tuple[str, float | None]:
    """The language of ``text`` among ``candidates`` (all py3langid's when ``None``) and
    py3langid's probability of it; ``None`` for the probability where the script settled it
    (Korean, Japanese, Chinese) or the text has no letters (``und``)."""
    script = script_of(text)
    if script == "none":
        return "und", None
    for found, lang in (("hangul", "ko"), ("kana", "ja"), ("han", "zh")):
        if script == found and (candidates is None or lang in candidates):
            return lang, None
    return _classify(text, None if candidates is None else tuple(candidates))


#: The probability at which py3langid's choice of a language outside :data:`SUPPORTED_LANGUAGES` stands.
SURE_OUTSIDE = 0.9
#: CLDR language-matching distance below which two codes name one language (``nb`` / ``no``: 1,
#: ``fil`` / ``tl``: 0, ``fa`` / ``prs``: 4; Danish / Norwegian: 12, Malay / Indonesian: 14).
SAME_LANGUAGE_DISTANCE = 10


@lru_cache(maxsize=4096)
def same_language(a: str, b: str) -> bool:
    """Do codes ``a`` and ``b`` name the same language, or varieties CLDR's language matching
    puts within :data:`SAME_LANGUAGE_DISTANCE` of each other (``nb`` and ``no``, ``fil`` and ``tl``)?

    Example:
        >>> same_language("nb", "no"), same_language("tl", "fil"), same_language("ms", "id")
        (True, True, False)
    """
    if a == b:
        return True
    import langcodes

    try:
        return min(langcodes.tag_distance(a, b), langcodes.tag_distance(b, a)) < SAME_LANGUAGE_DISTANCE
    except (ValueError, LookupError):
        return False


@lru_cache(maxsize=256)
def _labels_for(lang: str) -> tuple[str, ...]:
    """py3langid's labels for ``lang`` (``nb`` -> ``no``; ``fil`` -> ``tl``)."""
    model = _model(None)
    labels = tuple(str(label) for label in model.labels)  # type: ignore[attr-defined]
    return tuple(label for label in labels if same_language(lang, label))


def pair_language(text: str, src_lang: str, tgt_lang: str) -> str:
    """The language of one bead's text, for the untranslated and wrong-language checks:
    ``tgt_lang`` or ``src_lang`` where py3langid reads it as either or as a variety of either
    (:func:`same_language`), another language only where py3langid is sure of it (probability
    :data:`SURE_OUTSIDE` or more among the two and :data:`SUPPORTED_LANGUAGES`), else
    ``tgt_lang`` (a line of names, ``Dundee Stars 5-3 Belfast Giants``, is no evidence of a
    language). A Malay sentence of an English-Malay pair that py3langid half takes
    for Indonesian stays Malay; ``--tgt-lang nb`` matches py3langid's ``no``.
    """
    pair = tuple(dict.fromkeys(_labels_for(tgt_lang) + _labels_for(src_lang)))
    candidates = tuple(dict.fromkeys(pair + SUPPORTED_LANGUAGES))
    found, p = _detect(text, candidates)
    for lang in (tgt_lang, src_lang):
        if same_language(found, lang):
            return lang
    if not pair:
        return found  # py3langid knows neither language: its reading is all there is
    if p is None:  # the script settled it: ask py3langid how sure it is
        lang, p = _classify(text, candidates)
        if lang != found:
            return tgt_lang
    return found if p >= SURE_OUTSIDE else tgt_lang


@lru_cache(maxsize=8)
def _model(candidates: tuple[str, ...] | None) -> object:
    import py3langid.langid as langid_mod

    model = langid_mod.LanguageIdentifier.from_model_file(langid_mod.MODEL_FILE, norm_probs=True)
    if candidates is not None:
        model.set_languages([c for c in candidates if c in model.labels])
    return model


#: py3langid reads at most this many characters of a text.
_CLASSIFY_CHARS = 20000


def _classify(text: str, candidates: tuple[str, ...] | None) -> tuple[str, float]:
    model = _model(candidates)
    lang, score = model.classify(text[:_CLASSIFY_CHARS])  # type: ignore[attr-defined]
    return str(lang), float(score)
