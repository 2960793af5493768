"""JSON report: the full result with ``schema_version`` and the signature."""

from __future__ import annotations

import json
from typing import Any

from ..compare.pair import Comparison
from ..document import Document
from ..flags import Flag

__all__ = ["SCHEMA_VERSION", "to_dict", "render"]

SCHEMA_VERSION = "1.0"


def _document(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "lang": doc.lang,
        "encoding": doc.encoding,
        "n_sentences": len(doc),
        "sentences": [
            {"start": s.start, "end": s.end, "paragraph": s.paragraph, "kind": s.kind,
             "text": doc.text[s.start : s.end]}
            for s in doc.sentences
        ],
    }


def _flag(flag: Flag, c: Comparison) -> dict[str, Any]:
    def ev_text(e: Any) -> str:
        doc = c.src if e.side == "src" else c.tgt
        return doc.text[e.start : e.end]

    return {
        "type": flag.type,
        "severity": flag.severity,
        "message": flag.message,
        "evidence": [
            {"side": e.side, "sentence": e.sentence, "start": e.start, "end": e.end, "text": ev_text(e)}
            for e in flag.evidence
        ],
    }


def to_dict(c: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "signature": c.signature,
        "fidelity": c.fidelity,
        "flag_counts": c.flag_counts(),
        "source": _document(c.src),
        "target": _document(c.tgt),
        "beads": [
            {
                "src": list(b.src),
                "tgt": list(b.tgt),
                "confidence": b.confidence,
                "fidelity": s.fidelity,
                "parts": dict(s.parts),
                "flags": [_flag(f, c) for f in fl],
            }
            for b, s, fl in zip(c.alignment.beads, c.scores, c.flags)
        ],
    }


def render(c: Comparison) -> str:
    """The JSON report text (UTF-8, not ASCII-escaped, sorted keys)."""
    return json.dumps(to_dict(c), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
