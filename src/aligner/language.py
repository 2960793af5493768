"""Language codes, language identification (ISO 639-1 codes) with py3langid, and script evidence.

Codes: :func:`normalize_language` accepts ISO 639-1 (``pt``), ISO 639-2/3 (``por``, ``ind``,
``ger``) and BCP-47 tags (``pt-BR``, ``zh-Hant``, ``pt_br``) and returns one canonical BCP-47
form: the shortest language subtag (ISO 639-1 where there is one, else ISO 639-3; macrolanguage
members such as ``cmn`` become their macrolanguage ``zh``), ``Script`` in title case, ``REGION``
in upper case. Validity and the mappings come from the IANA language subtag registry and CLDR
aliases as packaged by ``langcodes`` (MIT). A code that is not in the registry is an error
(:class:`~aligner.errors.ConfigError`, exit code 2). :func:`base_language` gives the language
subtag alone (``pt-BR`` -> ``pt``), the key of per-language data.

py3langid confuses Indonesian with Malay on short news text, so the candidate set is
restricted to a documented list of languages unless the caller widens it.
"""

from __future__ import annotations

from functools import lru_cache

import regex

__all__ = ["detect_language", "script_of", "check_language_code", "is_language_code", "normalize_language",
           "base_language", "SUPPORTED_LANGUAGES"]

#: Languages the detector chooses between by default.
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


def check_language_code(code: str) -> str:
    """The canonical form of ``code`` (:func:`normalize_language`); ``ConfigError`` if unknown."""
    return normalize_language(code)


_HANGUL = regex.compile(r"\p{Hangul}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")


def script_of(text: str) -> str:
    """The dominant script of ``text``: ``hangul``, ``kana``, ``han``, ``latin``, ``cyrillic``,
    ``other`` or ``none`` (no letters)."""
    counts = {
        "hangul": len(_HANGUL.findall(text)),
        "kana": len(_KANA.findall(text)),
        "han": len(_HAN.findall(text)),
        "latin": len(_LATIN.findall(text)),
        "cyrillic": len(_CYRILLIC.findall(text)),
    }
    letters = sum(1 for ch in text if ch.isalpha())
    if letters == 0:
        return "none"
    # Japanese mixes kana and han; any real share of kana means Japanese script.
    if counts["kana"] and counts["kana"] >= 0.1 * (counts["kana"] + counts["han"]):
        counts["kana"] += counts["han"]
    script, n = max(counts.items(), key=lambda kv: kv[1])
    return script if n >= 0.3 * letters else "other"


def detect_language(text: str, candidates: tuple[str, ...] = SUPPORTED_LANGUAGES) -> str:
    """Guess the ISO 639-1 language of ``text`` among ``candidates``.

    Scripts settle Korean, Japanese and Chinese directly; py3langid decides the rest.
    Returns ``"und"`` when the text has no letters.

    Example:
        >>> detect_language("Pekan lalu, perubahan kepemimpinan di startup AI menarik perhatian luas.")
        'id'
    """
    script = script_of(text)
    if script == "none":
        return "und"
    if script == "hangul" and "ko" in candidates:
        return "ko"
    if script == "kana" and "ja" in candidates:
        return "ja"
    if script == "han" and "zh" in candidates:
        return "zh"
    return _classify(text[:20000], tuple(candidates))


@lru_cache(maxsize=8)
def _model(candidates: tuple[str, ...]) -> object:
    import py3langid.langid as langid_mod

    model = langid_mod.LanguageIdentifier.from_model_file(langid_mod.MODEL_FILE)
    known = [c for c in candidates if c in model.labels]
    model.set_languages(known)
    return model


def _classify(text: str, candidates: tuple[str, ...]) -> str:
    model = _model(candidates)
    lang, _score = model.classify(text)  # type: ignore[attr-defined]
    return str(lang)
