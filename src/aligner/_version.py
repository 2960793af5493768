"""Versions, in one place: the package's and those of the shipped rules, weights and recipes
that change results (``Config.signature`` lists them).

A leaf module: it reads shipped data files and imports no other part of the package, so
the config can name every version without importing the modules that use them.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

__all__ = ["VERSION", "SEGMENTATION_RULES_VERSION", "FIDELITY_VERSION", "CHECKS_VERSION", "alignment_weights_text",
           "alignment_weights_version"]

VERSION = "0.1.0"

#: Segmentation rules and shipped boundary weights (``segment``); bump when either changes.
SEGMENTATION_RULES_VERSION = "seg-4"

#: The fidelity recipe: signal weights and flag thresholds (``score``, ``flags``).
FIDELITY_VERSION = "1"

#: The QA check rules and their data (``checks``, ``data/conventions``); bump when either changes.
CHECKS_VERSION = "qa1"


def alignment_weights_text() -> str:
    """The shipped alignment weights (``data/alignment/weights.json``) as text."""
    return resources.files("aligner").joinpath("data/alignment/weights.json").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def alignment_weights_version() -> str:
    """``aln-`` and the first 8 hex digits of the shipped alignment weights' SHA-256: changes
    with every refit, so a signature tells alignments made with different weights apart."""
    return "aln-" + hashlib.sha256(alignment_weights_text().encode("utf-8")).hexdigest()[:8]
