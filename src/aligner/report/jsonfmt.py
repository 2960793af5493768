"""JSON report: the full result with ``schema_version``, the signature, both documents, every
bead with its scores and flags, and the summary the other reports show.

The layout is described by the JSON Schema shipped beside this module
(``schema/comparison.schema.json``, see :func:`load_schema`); the tests validate every
output against it. Keys are sorted and text is written as UTF-8 (not ASCII-escaped).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from ..compare.pair import Comparison
from ..document import Document
from .model import HISTOGRAM_BINS, BeadRow, Report, build_report

__all__ = ["SCHEMA_VERSION", "to_dict", "render", "render_pieces", "load_schema"]

#: Version of the JSON layout: the major part changes when a field is removed or renamed,
#: the minor part when fields are added.
SCHEMA_VERSION = "1.2"


def _document(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "lang": doc.lang,
        "encoding": doc.encoding,
        "origin": doc.origin,
        "n_sentences": len(doc),
        "text": doc.text,
        "sentences": [
            {"start": s.start, "end": s.end, "paragraph": s.paragraph, "kind": s.kind,
             "text": doc.text[s.start : s.end]}
            for s in doc.sentences
        ],
    }


def _finite(value: float) -> float | None:
    """``value``, or None for NaN and infinities (which JSON cannot hold)."""
    return value if math.isfinite(value) else None


def _bead(row: BeadRow) -> dict[str, Any]:
    return {
        "index": row.index,
        "src": list(row.src_ids),
        "tgt": list(row.tgt_ids),
        "kind": row.kind,
        "confidence": row.confidence,
        "fidelity": row.fidelity,
        "parts": {name: _finite(value) for name, value in row.parts},
        "flags": [
            {
                "id": f.id,
                "type": f.type,
                "severity": f.severity,
                "message": f.message,
                "evidence": [
                    {"side": e.side, "sentence": e.sentence, "start": e.start, "end": e.end, "text": e.text}
                    for e in f.evidence
                ],
            }
            for f in row.flags
        ],
    }


def to_dict(c: Comparison, report: Report | None = None) -> dict[str, Any]:
    """The comparison as plain JSON-ready data (``report`` is built when not given)."""
    report = report or build_report(c)
    s = report.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "signature": s.signature,
        "fidelity": s.fidelity,
        "verdict": s.verdict,
        "translation_evidence": c.translation_evidence,
        "flag_counts": dict(s.flag_counts),
        "summary": {
            "n_beads": s.n_beads,
            "n_flagged_beads": s.n_flagged,
            "coverage": {"src": s.coverage_src, "tgt": s.coverage_tgt},
            "severity_counts": dict(s.severity_counts),
            "bead_kinds": dict(s.bead_kinds),
            "fidelity_histogram": {"bins": HISTOGRAM_BINS, "counts": list(s.histogram)},
        },
        "source": _document(c.src),
        "target": _document(c.tgt),
        "beads": [_bead(row) for row in report.rows],
    }


def render(c: Comparison, report: Report | None = None) -> str:
    """The JSON report text (UTF-8, not ASCII-escaped, sorted keys, one trailing newline);
    ``report`` is ``c``'s model when the caller has built it already."""
    return json.dumps(to_dict(c, report), ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False) + "\n"


def render_pieces(c: Comparison) -> Iterator[str]:
    """:func:`render`'s text piece by piece, as the encoder makes it: written as it comes
    (:func:`aligner.io.output.atomic_write`), the text is never held whole, nor the millions
    of pieces ``json.dumps`` joins into it (most of a long pair's peak memory)."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False)
    yield from encoder.iterencode(to_dict(c))
    yield "\n"


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files("aligner.report").joinpath("schema/comparison.schema.json").read_text("utf-8")


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every JSON report validates against."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
