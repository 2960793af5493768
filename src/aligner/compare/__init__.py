"""Comparison of versions: one pair (``compare_documents``) and, later, sets of documents."""

from .pair import FAITHFUL, Comparison, compare_documents, verdict

__all__ = ["Comparison", "compare_documents", "FAITHFUL", "verdict"]
