"""Fidelity scores: how faithfully each bead, and the whole document, is translated."""

from .fidelity import BeadScore, document_fidelity, score_bead
from .numbers import extract_numbers

__all__ = ["BeadScore", "score_bead", "document_fidelity", "extract_numbers"]
