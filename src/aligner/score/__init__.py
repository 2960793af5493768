"""Fidelity scores: how faithfully each bead, and the whole document, is translated."""

from .entities import NameMatch, extract_names, match_names
from .fidelity import (FIDELITY_VERSION, BeadEvidence, BeadScore, Scorer, document_fidelity, score_bead,
                       score_beads)
from .settings import DEFAULT_SETTINGS, SIGNALS, FidelitySettings
from .lexical import Coverage, coverage, gloss
from .numbers import Quantity, extract_numbers, extract_quantities, match_quantities

__all__ = ["BeadScore", "BeadEvidence", "Scorer", "score_bead", "score_beads", "document_fidelity",
           "SIGNALS", "FidelitySettings", "DEFAULT_SETTINGS", "FIDELITY_VERSION", "extract_numbers", "extract_quantities", "match_quantities",
           "Quantity", "NameMatch", "extract_names", "match_names", "Coverage", "coverage", "gloss"]
