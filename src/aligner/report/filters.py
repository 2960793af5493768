"""Export filters: keep only the beads a translation memory should get.

TMX and TSV exports carry every bead by default, including an untranslated one or the beads
of an unrelated document. An :class:`ExportFilter` keeps only confident, faithful and (if
asked) unflagged beads; :func:`render_filtered` writes the kept ones and says how many.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..compare.pair import Comparison
from ..errors import ConfigError
from .model import BeadRow, Report, build_report

__all__ = ["FILTERED_FORMATS", "ExportFilter", "filter_report", "render_filtered"]

#: Formats whose rows an ``ExportFilter`` applies to.
FILTERED_FORMATS = ("tsv", "tmx")


@dataclass(frozen=True)
class ExportFilter:
    """Which beads an export keeps.

    Attributes:
        min_confidence: keep beads whose alignment confidence is at least this.
        min_fidelity: keep beads whose fidelity is at least this.
        exclude_flagged: drop beads that carry a flag of severity minor or major (accepted
            flags are gone already; ``info`` flags are notes, such as a name spelled
            ``Openai`` on one side, and never drop a bead).
    """

    min_confidence: float = 0.0
    min_fidelity: float = 0.0
    exclude_flagged: bool = False

    def __post_init__(self) -> None:
        for name in ("min_confidence", "min_fidelity"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ConfigError(f"{name} must be between 0 and 1, got {value!r}")

    @property
    def active(self) -> bool:
        """Does the filter drop anything at all?"""
        return self.min_confidence > 0 or self.min_fidelity > 0 or self.exclude_flagged

    def keeps(self, row: BeadRow) -> bool:
        """Is ``row`` kept?"""
        return (row.confidence >= self.min_confidence and row.fidelity >= self.min_fidelity
                and not (self.exclude_flagged and any(f.severity != "info" for f in row.flags)))


def filter_report(report: Report, export_filter: ExportFilter) -> Report:
    """``report`` with only the rows ``export_filter`` keeps (the summary is unchanged)."""
    if not export_filter.active:
        return report
    return replace(report, rows=tuple(r for r in report.rows if export_filter.keeps(r)))


def render_filtered(c: Comparison, fmt: str, export_filter: ExportFilter,
                    report: Report | None = None) -> tuple[str, int, int]:
    """``(text, beads kept, beads in all)`` of the TSV or TMX export of ``c`` through the filter.

    Counts are of beads with text on both sides for TMX (the only ones it can hold), of all
    beads for TSV. ``report`` is ``c``'s model when the caller has built it already.
    """
    from . import tabular
    from .writers import _encodable

    if fmt not in FILTERED_FORMATS:
        raise ConfigError(f"export filters apply to {' and '.join(FILTERED_FORMATS)} only, not {fmt!r}")
    report = report if report is not None else build_report(c)
    kept = filter_report(report, export_filter)  # ``report`` itself when the filter is not active

    def units(rows: tuple[BeadRow, ...]) -> int:
        return sum(1 for r in rows if fmt == "tsv" or (r.src_ids and r.tgt_ids))

    renderer = tabular.render_tsv_report if fmt == "tsv" else tabular.render_tmx_report
    return _encodable(renderer(kept)), units(kept.rows), units(report.rows)


def render_outputs(c: Comparison, formats: tuple[str, ...], export_filter: ExportFilter | None = None,
                   report: Report | None = None) -> tuple[tuple[str, str], ...]:
    """``(format, text)`` for each of ``formats``; TSV and TMX go through ``export_filter``.

    The report model is built once for all of them (``report``, if given, is ``c``'s model).
    """
    from .writers import render

    if not formats:
        return ()
    report = report if report is not None else build_report(c)
    out = []
    for fmt in formats:
        if export_filter is not None and fmt in FILTERED_FORMATS:
            out.append((fmt, render_filtered(c, fmt, export_filter, report)[0]))
        else:
            out.append((fmt, render(c, fmt, report)))
    return tuple(out)
