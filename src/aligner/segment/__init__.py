"""Sentence segmentation: raw text -> sentence spans (with paragraphs and boilerplate marks).

Public entry points:
    :func:`segment` returns the spans of a text; :func:`make_document` builds a ``Document``.
"""

from .core import fallback_note, make_document, presegmented_spans, segment
from .rules import RULES_VERSION

__all__ = ["segment", "make_document", "presegmented_spans", "fallback_note", "RULES_VERSION"]
