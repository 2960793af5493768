"""``Flag``: one divergence between two versions, with the spans that show it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Evidence", "Flag", "FLAG_TYPES", "SEVERITIES"]

#: Every flag type (exact strings; benchmarks and reports rely on them).
FLAG_TYPES: tuple[str, ...] = (
    "omission",
    "addition",
    "partial_omission",
    "partial_addition",
    "number_mismatch",
    "entity_mismatch",
    "untranslated",
    "wrong_language",
    "mistranslation",
    "truncation",
    "boilerplate",
    "typography",
    # QA checks (aligner.checks): kept markup, terminology, consistency, punctuation, spacing,
    # capitalisation, length ratio, currencies and units
    "markup",
    "terminology",
    "consistency",
    "punctuation",
    "spacing",
    "capitalisation",
    "length",
    "units",
)

#: Severities, mildest first.
SEVERITIES: tuple[str, ...] = ("info", "minor", "major")


@dataclass(frozen=True)
class Evidence:
    """A span of one side's text that supports a flag.

    Attributes:
        side: ``"src"`` or ``"tgt"``.
        sentence: index of the sentence in that side's ``Document``.
        start: offset into that ``Document.text`` (half-open ``[start, end)``).
        end: offset of the first character after the evidence.
    """

    side: str
    sentence: int
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.side not in ("src", "tgt"):
            raise ValueError(f"evidence side must be 'src' or 'tgt', got {self.side!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"evidence span must satisfy 0 <= start <= end, got [{self.start}, {self.end})")


@dataclass(frozen=True)
class Flag:
    """A divergence: its ``type`` (one of ``FLAG_TYPES``), ``severity``, a message and evidence."""

    type: str
    severity: str
    message: str
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in FLAG_TYPES:
            raise ValueError(f"flag type must be one of {FLAG_TYPES}, got {self.type!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"flag severity must be one of {SEVERITIES}, got {self.severity!r}")
        if not isinstance(self.evidence, tuple):
            object.__setattr__(self, "evidence", tuple(self.evidence))
