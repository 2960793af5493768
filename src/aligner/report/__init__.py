"""Reports: a ``Comparison`` rendered as JSON, Markdown, HTML, TSV or TMX.

Writers only consume the comparison; they never change it. Each builds the same report
model (:func:`build_report`), so all formats show the same figures. The JSON layout is
described by a JSON Schema shipped in the package (:func:`load_schema`). Every output is written
atomically (temporary file + rename).
"""

from .jsonfmt import SCHEMA_VERSION, load_schema
from .model import Report, build_report
from .writers import FORMATS, render, write_report

__all__ = ["FORMATS", "render", "write_report", "Report", "build_report", "SCHEMA_VERSION", "load_schema"]
