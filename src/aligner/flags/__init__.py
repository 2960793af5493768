"""Divergence flags: what differs between two aligned versions, with evidence spans."""

from .model import FLAG_TYPES, SEVERITIES, Evidence, Flag
from .rules import flag_bead, flag_document

__all__ = ["Flag", "Evidence", "FLAG_TYPES", "SEVERITIES", "flag_bead", "flag_document"]
