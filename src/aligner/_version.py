"""Versions, in one place: the package's and those of the shipped rules, weights and recipes
that change results (``Config.signature`` lists them).

A leaf module: it reads shipped data files and imports no other part of the package, so
the config can name every version without importing the modules that use them.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources

__all__ = ["VERSION", "SEGMENTATION_RULES_VERSION", "FIDELITY_VERSION", "CHECKS_VERSION", "alignment_weights_text",
           "alignment_weights_version", "fidelity_settings_digest", "fidelity_settings_text", "settings_digest"]

VERSION = "0.1.0"

#: Segmentation rules and shipped boundary weights (``segment``); bump when either changes.
SEGMENTATION_RULES_VERSION = "seg-11"

#: The fidelity recipe: which signals and how they combine (``score``, ``flags``); the numbers
#: (weights, thresholds) are named by :func:`fidelity_settings_digest`.
FIDELITY_VERSION = "35"


def settings_digest(data: dict[str, object]) -> str:
    """First 8 hex digits of the SHA-256 of fidelity settings as JSON (``provenance`` left out)."""
    canonical = json.dumps({k: v for k, v in data.items() if k != "provenance"}, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


@lru_cache(maxsize=1)
def fidelity_settings_text() -> str:
    """The shipped fidelity settings (``data/fidelity/settings.json``) as text, read once for
    both readers: this digest and ``aligner.score.settings.load_settings``."""
    return resources.files("aligner").joinpath("data/fidelity/settings.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def fidelity_settings_digest() -> str:
    """The digest of the shipped fidelity settings (``data/fidelity/settings.json``)."""
    return settings_digest(json.loads(fidelity_settings_text()))

#: The QA check rules and their data (``checks``, ``data/conventions``); bump when either changes.
CHECKS_VERSION = "qa4"


@lru_cache(maxsize=1)
def alignment_weights_text() -> str:
    """The shipped alignment weights (``data/alignment/weights.json``) as text, read once for
    both readers: :func:`alignment_weights_version` and ``aligner.align.bead_scorer``."""
    return resources.files("aligner").joinpath("data/alignment/weights.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def alignment_weights_version() -> str:
    """``aln-`` and the first 8 hex digits of the shipped alignment weights' SHA-256: changes
    with every refit, so a signature tells alignments made with different weights apart."""
    return "aln-" + hashlib.sha256(alignment_weights_text().encode("utf-8")).hexdigest()[:8]
