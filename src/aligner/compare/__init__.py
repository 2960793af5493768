"""Comparison of versions: one pair (``compare_documents``) and sets of documents (``compare_set``)."""

from .multiset import (
    RELATIONS,
    NWayView,
    PairEvidence,
    PairRelation,
    SetComparison,
    SetThresholds,
    compare_set,
    compare_set_files,
)
from .pair import FAITHFUL, Comparison, compare_documents, verdict
from .story import StoryMatrix, StoryRow

__all__ = [
    "Comparison", "compare_documents", "FAITHFUL", "verdict",
    "compare_set", "compare_set_files", "SetComparison", "SetThresholds", "PairRelation", "PairEvidence",
    "NWayView", "StoryMatrix", "StoryRow", "RELATIONS",
]
