"""Comparison of versions: one pair (``compare_documents``) and, later, sets of documents."""

from .pair import Comparison, compare_documents

__all__ = ["Comparison", "compare_documents"]
