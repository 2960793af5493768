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

__all__ = ["has_word_list", "in_word_list"]

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
