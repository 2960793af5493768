"""Comparison of versions: one pair (``compare_documents``) and sets of documents (``compare_set``;
loading them from files is :func:`aligner.api.compare_set_files`)."""

from .multiset import (
    RELATIONS,
    NWayView,
    PairEvidence,
    PairRelation,
    SetComparison,
    SetThresholds,
    compare_set,
)
from .pair import FAITHFUL, Comparison, compare_documents, verdict
from .story import StoryMatrix, StoryRow

__all__ = [
    "Comparison", "compare_documents", "FAITHFUL", "verdict",
    "compare_set", "SetComparison", "SetThresholds", "PairRelation", "PairEvidence",
    "NWayView", "StoryMatrix", "StoryRow", "RELATIONS",
]
