"""Sentence alignment: ``Document`` x ``Document`` -> ``Alignment`` (beads with confidence)."""

from .aligner import align, align_texts
from .model import Alignment, Bead, format_bead

__all__ = ["align", "align_texts", "Alignment", "Bead", "format_bead"]
