"""Self-contained HTML report rendered with Jinja2 (autoescape on for every value)."""

from __future__ import annotations

from functools import lru_cache

from ..compare.pair import Comparison

__all__ = ["render"]


@lru_cache(maxsize=1)
def _environment() -> object:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("aligner.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _rows(c: Comparison) -> list[dict[str, object]]:
    rows = []
    for k, (b, s, fl) in enumerate(zip(c.alignment.beads, c.scores, c.flags)):
        rows.append({
            "index": k,
            "src_ids": list(b.src),
            "tgt_ids": list(b.tgt),
            "src": [c.src.sentence_text(i) for i in b.src],
            "tgt": [c.tgt.sentence_text(j) for j in b.tgt],
            "confidence": b.confidence,
            "fidelity": s.fidelity,
            "flags": [{"type": f.type, "severity": f.severity, "message": f.message} for f in fl],
            "flag_types": " ".join(sorted({f.type for f in fl})),
        })
    return rows


def render(c: Comparison) -> str:
    """The HTML report text."""
    template = _environment().get_template("report.html.j2")  # type: ignore[attr-defined]
    return template.render(c=c, rows=_rows(c), counts=c.flag_counts())
