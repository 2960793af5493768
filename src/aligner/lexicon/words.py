"""Is a word a word of its language (a common noun, a verb form), rather than a name?

The word lists are simplemma's (MIT; 54 languages, every inflected form of its lemmas, built
from Wiktionary, the lemmatization lists of M. Měchura and other open lexical data). Proper
names are mostly absent from them (``Raikkonen``, ``Heather``, ``Muppet``), though common given
names and large places are there (``Michael``, ``Berlin``). A closed compound counts as a word
when it is two or more listed words joined by one of the language's linking elements
(German ``Atemweg-s-beschwerden``, ``data/language/compound-links.tsv``), and a hyphenated
one when its last part is a word (``LSU-Sportdirektor``, ``KI-Erfolg``).

Nothing is downloaded: the lists ship inside the simplemma wheel.
"""

from __future__ import annotations

from functools import lru_cache

from ..language import language_key
from ..locale_data import compound_links

__all__ = ["has_word_list", "in_word_list", "tells_words_from_names", "is_word_form"]

#: shortest listed word accepted as a part of a closed compound (``Ei-er-stock``: 2 letters are too loose)
_MIN_PART = 3
#: shortest head (last part) of a closed compound (German ``Sport-rat``, ``Bundes-amt``)
_MIN_HEAD = 3


@lru_cache(maxsize=64)
def has_word_list(lang: str) -> bool:
    """True when a word list of ``lang`` is available (simplemma covers the language).

    Example:
        >>> has_word_list("de"), has_word_list("de-AT"), has_word_list("ja")
        (True, True, False)
    """
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return language_key(lang) in SUPPORTED_LANGUAGES


#: share of a language's CLDR month and weekday names (single words of four letters or more)
#: its word list must know to tell its common words from names (simplemma's Swahili list is verb
#: paradigms of some 4,000 lemmas, without ``jumamosi`` or ``katibu``; its Indonesian one has
#: 4,300 lemmas)
_CALENDAR_SHARE = 0.5


@lru_cache(maxsize=64)
def tells_words_from_names(lang: str) -> bool:
    """Is ``lang``'s word list rich enough that a capitalised word it does not know is a name
    (:func:`has_word_list`, and it knows at least half of the language's CLDR month and weekday
    names: a list that lacks them lacks most common nouns too)?

    Example:
        >>> tells_words_from_names("hu"), tells_words_from_names("sw"), tells_words_from_names("ja")
        (True, False, False)
    """
    from ..locale_data import day_names, month_names

    if not has_word_list(lang):
        return False
    words = [w for w in set(day_names(lang)) | set(month_names(lang)) if " " not in w and len(w) >= 4 and w.isalpha()]
    return bool(words) and sum(1 for w in words if in_word_list(w, lang)) >= _CALENDAR_SHARE * len(words)


@lru_cache(maxsize=65536)
def is_word_form(word: str, lang: str) -> bool:
    """Is ``word`` a listed word (:func:`in_word_list`) or an inflected or derived form of one of
    four letters or more that simplemma's lemmatiser reduces it to (Hungarian ``Közgyűlésével`` /
    ``közgyűlés``, ``Nemzetgyűlési`` / ``nemzetgyűlés``)?

    Example:
        >>> is_word_form("Közgyűlésével", "hu"), is_word_form("Hoffenheim", "hu")
        (True, False)
    """
    if in_word_list(word, lang):
        return True
    if not has_word_list(lang) or not word:
        return False
    import simplemma

    lemma = simplemma.lemmatize(word, language_key(lang))
    return len(lemma) >= 4 and lemma.lower() != word.lower() and _listed(lemma, language_key(lang))


@lru_cache(maxsize=131072)
def _listed(word: str, lang: str) -> bool:
    """Is ``word`` (any case) a form simplemma lists for ``lang``?"""
    import simplemma

    return bool(word) and simplemma.is_known(word, lang, low_memory=True)


@lru_cache(maxsize=65536)
def in_word_list(word: str, lang: str) -> bool:
    """Is ``word`` a listed word of ``lang``, a closed compound of listed words (joined by one of
    the language's linking elements), or hyphenated with a listed last part? ``False`` for every
    word of a language with no word list (:func:`has_word_list`).

    Example:
        >>> in_word_list("Häuser", "de"), in_word_list("Wasserfledermäusen", "de"), in_word_list("Raikkonen", "de")
        (True, True, False)
    """
    lang = language_key(lang)
    if not has_word_list(lang) or not word:
        return False
    if _listed(word, lang):
        return True
    if "-" in word:
        head = word.rsplit("-", 1)[1]
        return bool(head) and in_word_list(head, lang)
    links = compound_links(lang)
    return bool(links) and _compound(word.lower(), lang, links)


@lru_cache(maxsize=65536)
def _compound(word: str, lang: str, links: tuple[str, ...]) -> bool:
    """Is the lower-cased ``word`` a listed head of at least :data:`_MIN_HEAD` letters after a
    modifier that is a listed word or itself such a compound, with a linking element between?"""
    for cut in range(_MIN_PART, len(word) - _MIN_HEAD + 1):
        if not _listed(word[cut:], lang):
            continue
        left = word[:cut]
        for link in links:
            if link and not left.endswith(link):
                continue
            stem = left[: len(left) - len(link)] if link else left
            if len(stem) >= _MIN_PART and (_listed(stem, lang) or _compound(stem, lang, links)):
                return True
    return False
