"""Word forms for dictionary look-ups: affix and inflection stripping, with each language's
rules as data (``data/language/morphology.json``: Indonesian and Malay affixes, English
inflections; other languages get the word alone).

``word_forms(word, lang)`` returns the word itself (lower-cased) and the candidate stems a
dictionary may list it under. Over-generation is harmless (a stem that is not a headword
finds nothing); the surface form always comes first.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..language import language_key

__all__ = ["Morphology", "morphology", "word_forms"]


@dataclass(frozen=True)
class SuffixRule:
    """One inflection ending: ``suffix`` is stripped from a word longer than ``longer_than``
    and each of ``endings`` put back on the stem (``studies`` -> ``stud`` + ``y``)."""

    suffix: str
    longer_than: int
    endings: tuple[str, ...]
    not_after: str = ""
    undouble: bool = False
    i_to_y: bool = False


@dataclass(frozen=True)
class Morphology:
    """A language's stemming rules (see the ``_about`` of ``morphology.json``)."""

    possessives: tuple[str, ...] = ()
    irregular: Mapping[str, str] | None = None
    suffix_rules: tuple[SuffixRule, ...] = ()
    reduplication: bool = False
    hyphen_prefixes: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    prefixes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    min_stem: int = 3


@lru_cache(maxsize=1)
def _table() -> Mapping[str, object]:
    text = resources.files("aligner").joinpath("data", "language", "morphology.json").read_text("utf-8")
    table: dict[str, object] = json.loads(text)
    return table


@lru_cache(maxsize=256)
def morphology(lang: str) -> Morphology | None:
    """The stemming rules of ``lang`` (its :func:`~aligner.language.language_key`: ``ms`` of
    ``ms-MY``, ``en`` of ``eng``), or ``None``.

    Example:
        >>> morphology("ms") == morphology("id"), morphology("ko")
        (True, None)
    """
    base = language_key(lang)
    entry = _table().get(base)
    if isinstance(entry, dict) and "same_as" in entry:
        return morphology(str(entry["same_as"]))
    if not isinstance(entry, dict) or base.startswith("_"):
        return None
    return Morphology(
        possessives=tuple(entry.get("possessives", ())),
        irregular=dict(entry.get("irregular", {})),
        suffix_rules=tuple(SuffixRule(s, int(n), tuple(ends), str(opts.get("not_after", "")),
                                      bool(opts.get("undouble", False)), bool(opts.get("i_to_y", False)))
                           for s, n, ends, opts in entry.get("suffix_rules", ())),
        reduplication=bool(entry.get("reduplication", False)),
        hyphen_prefixes=tuple(entry.get("hyphen_prefixes", ())),
        particles=tuple(entry.get("particles", ())),
        suffixes=tuple(entry.get("suffixes", ())),
        prefixes=tuple((p, tuple(r)) for p, r in entry.get("prefixes", ())),
        min_stem=int(entry.get("min_stem", 3)),
    )


def _inflections(word: str, rules: Morphology) -> list[str]:
    """The word, without a possessive ending, its irregular stem and the stems of its endings."""
    forms = [word]
    for ending in rules.possessives:
        if word.endswith(ending):
            word = word[: -len(ending)]
            forms.append(word)
            break
    if rules.irregular and word in rules.irregular:
        forms.append(rules.irregular[word])
    n = len(word)
    for rule in rules.suffix_rules:
        if n <= rule.longer_than or not word.endswith(rule.suffix):
            continue
        stem = word[: -len(rule.suffix)]
        if rule.not_after and stem.endswith(rule.not_after):
            continue
        forms.extend(stem + e for e in rule.endings)
        if rule.undouble and len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])
        if rule.i_to_y and stem.endswith("i"):
            forms.append(stem[:-1] + "y")
    return forms


def _affixes(word: str, rules: Morphology) -> list[str]:
    """Reduplication and hyphenated prefixes, then particles, suffixes and one prefix stripped."""
    forms: list[str] = []
    if "-" in word:
        left, _, right = word.partition("-")
        if rules.reduplication and (left == right or right.startswith(left)):  # orang-orang, anak-anaknya
            forms.append(left)
        elif left in rules.hyphen_prefixes:  # ke-51
            forms.append(right)
    keep = rules.min_stem
    stems = [word] + [word[: -len(p)] for p in rules.particles if word.endswith(p) and len(word) - len(p) >= keep]
    for s in list(stems):
        stems.extend(s[: -len(suf)] for suf in rules.suffixes if s.endswith(suf) and len(s) - len(suf) >= keep)
    for s in list(stems):
        for prefix, replacements in rules.prefixes:
            if s.startswith(prefix) and len(s) - len(prefix) >= keep:
                stems.extend(r + s[len(prefix):] for r in replacements)
                break  # confixes (ke-an, per-an) are handled by the suffixes above
    return forms + stems


@lru_cache(maxsize=200_000)
def word_forms(word: str, lang: str) -> tuple[str, ...]:
    """The lower-cased word and its candidate dictionary stems, surface form first.

    Example:
        >>> word_forms("Pemerintahnya", "id")[:2]
        ('pemerintahnya', 'pemerintah')
        >>> word_forms("studies", "en")
        ('studies', 'study', 'studi', 'studie')
    """
    w = word.lower()
    rules = morphology(lang)
    if rules is None:
        return (w,)
    forms = _inflections(w, rules) + _affixes(w, rules)
    out: list[str] = []
    for f in forms:
        if f and f not in out:
            out.append(f)
    return tuple(out)
