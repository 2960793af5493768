"""Reports: a ``Comparison`` rendered as JSON, Markdown, HTML, TSV or TMX.

Writers only consume the comparison; they never change it. Every output is written
atomically (temporary file + rename).
"""

from .writers import FORMATS, render, write_report

__all__ = ["FORMATS", "render", "write_report"]
