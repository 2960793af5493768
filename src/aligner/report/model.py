"""The report model: what every writer shows, computed once from a ``Comparison``.

Writers (HTML, Markdown, JSON, TSV, TMX) consume a :class:`Report`; none of them looks
at offsets or recomputes a summary on its own, so the formats cannot disagree.

Evidence highlighting works on offsets only: an evidence span ``[start, end)`` is an offset
pair into its side's ``Document.text``; it is clipped to each sentence of the bead on that
side, and the sentence text is cut at the clipped offsets into :class:`Piece` objects.
Evidence that covers a whole sentence is recorded on the sentence (``whole``) instead of
being cut out, so that an omitted sentence is not one long highlight.

Example:
    >>> import aligner
    >>> src = aligner.from_text("Harga naik 5 persen.", "id")
    >>> tgt = aligner.from_text("Prices rose 6 percent.", "en")
    >>> report = build_report(aligner.compare(src, tgt))
    >>> report.summary.n_beads, report.summary.coverage_src, report.rows[0].kind
    (1, 1.0, '1-1')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..compare.pair import Comparison
from ..document import BOILERPLATE, Document
from ..flags import Flag

__all__ = [
    "FIDELITY_BANDS", "HISTOGRAM_BINS", "Piece", "SentenceView", "EvidenceView", "FlagView",
    "BeadRow", "Summary", "Report", "build_report", "fidelity_band",
]

#: Lower bounds of the fidelity bands used to colour rows, best first: (name, lower bound).
FIDELITY_BANDS: tuple[tuple[str, float], ...] = (
    ("high", 0.85), ("good", 0.65), ("fair", 0.45), ("poor", 0.25), ("low", 0.0),
)
#: Number of equal-width bins of the bead-fidelity histogram over ``[0, 1]``.
HISTOGRAM_BINS = 10

_SEVERITY_RANK = {"info": 0, "minor": 1, "major": 2}


def fidelity_band(fidelity: float) -> str:
    """The name of the band ``fidelity`` falls in (``"high"`` ... ``"low"``).

    Example:
        >>> fidelity_band(0.9), fidelity_band(0.5), fidelity_band(0.0)
        ('high', 'fair', 'low')
    """
    for name, lower in FIDELITY_BANDS:
        if fidelity >= lower:
            return name
    return FIDELITY_BANDS[-1][0]


@dataclass(frozen=True)
class Piece:
    """A run of sentence text and the row flags (0-based positions in ``BeadRow.flags``) whose
    evidence covers it; ``flags == ()`` is plain text."""

    text: str
    flags: tuple[int, ...] = ()


@dataclass(frozen=True)
class SentenceView:
    """One sentence of a bead as shown in a report.

    Attributes:
        index: position in ``Document.sentences``.
        start, end: its span in ``Document.text`` (half-open).
        kind: ``"content"`` or ``"boilerplate"``.
        pieces: the text cut at evidence offsets; ``"".join(p.text for p in pieces)`` is the
            sentence text.
        whole: row flags whose evidence covers the whole sentence.
    """

    index: int
    start: int
    end: int
    kind: str
    pieces: tuple[Piece, ...]
    whole: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        """The sentence text."""
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True)
class EvidenceView:
    """A flag's evidence span with its text (``text`` is ``Document.text[start:end]``)."""

    side: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FlagView:
    """A flag as shown: ``type``, ``severity``, ``message``, its evidence with text, and its
    stable ``id`` (:func:`aligner.flags.ids.flag_id`)."""

    type: str
    severity: str
    message: str
    evidence: tuple[EvidenceView, ...]
    id: str = ""


@dataclass(frozen=True)
class BeadRow:
    """One bead: its sentences, confidence, fidelity (with the signals in ``parts``) and flags."""

    index: int
    src_ids: tuple[int, ...]
    tgt_ids: tuple[int, ...]
    confidence: float
    fidelity: float
    parts: tuple[tuple[str, float], ...]
    flags: tuple[FlagView, ...]
    src: tuple[SentenceView, ...]
    tgt: tuple[SentenceView, ...]

    @property
    def kind(self) -> str:
        """``"n-m"``: sentences on each side (``"1-0"`` is an omission, ``"0-1"`` an addition)."""
        return f"{len(self.src_ids)}-{len(self.tgt_ids)}"

    @property
    def boilerplate(self) -> bool:
        """True when a sentence of the bead is page furniture."""
        return any(s.kind == BOILERPLATE for s in self.src + self.tgt)

    @property
    def band(self) -> str:
        """The fidelity band (``"boilerplate"`` for page furniture)."""
        return "boilerplate" if self.boilerplate else fidelity_band(self.fidelity)

    @property
    def flag_types(self) -> tuple[str, ...]:
        """The distinct flag types of the bead, sorted."""
        return tuple(sorted({f.type for f in self.flags}))

    @property
    def severity(self) -> str | None:
        """The highest severity among the bead's flags, or None without flags."""
        if not self.flags:
            return None
        return max((f.severity for f in self.flags), key=lambda s: _SEVERITY_RANK.get(s, -1))

    @property
    def src_text(self) -> str:
        """The source sentences joined with a space."""
        return " ".join(s.text for s in self.src)

    @property
    def tgt_text(self) -> str:
        """The target sentences joined with a space."""
        return " ".join(s.text for s in self.tgt)


@dataclass(frozen=True)
class Summary:
    """Figures for the report header.

    Attributes:
        coverage_src, coverage_tgt: share of content sentences on that side that sit in a
            bead with sentences on both sides (0.0 when the side has no content sentence).
        histogram: bead counts per fidelity bin (``HISTOGRAM_BINS`` equal bins over
            ``[0, 1]``, the last one closed) over beads that are not page furniture.
        flag_counts, severity_counts, bead_kinds: ``(name, count)`` pairs, sorted by name
            (severities mildest first).
        verdict: the comparison's verdict (``Comparison.verdict``).
        translation_evidence: why the documents are taken not to be translations of each
            other (``Comparison.translation_evidence``), ``""`` otherwise.
        src_origin, tgt_origin: how each side's text was obtained (``Document.origin``).
        n_flagged: beads with a flag above ``info`` (notes never make a bead "flagged").
    """

    src_path: str | None
    tgt_path: str | None
    src_lang: str
    tgt_lang: str
    n_src: int
    n_tgt: int
    n_beads: int
    coverage_src: float
    coverage_tgt: float
    fidelity: float
    flag_counts: tuple[tuple[str, int], ...]
    severity_counts: tuple[tuple[str, int], ...]
    bead_kinds: tuple[tuple[str, int], ...]
    histogram: tuple[int, ...]
    n_flagged: int
    signature: str
    verdict: str = ""
    translation_evidence: str = ""
    src_origin: str | None = None
    tgt_origin: str | None = None

    @property
    def n_flags(self) -> int:
        """Total number of flags."""
        return sum(n for _, n in self.flag_counts)


@dataclass(frozen=True)
class Report:
    """A summary and one row per bead, in bead order."""

    summary: Summary
    rows: tuple[BeadRow, ...]


def _pieces(doc: Document, index: int, side: str, flags: tuple[Flag, ...]) -> SentenceView:
    span = doc.sentences[index]
    whole: list[int] = []
    cuts: list[tuple[int, int, int]] = []  # (start, end, flag position)
    for k, flag in enumerate(flags):
        for ev in flag.evidence:
            if ev.side != side:
                continue
            a, b = max(ev.start, span.start), min(ev.end, span.end)
            if a >= b:
                continue
            if a == span.start and b == span.end:
                if k not in whole:
                    whole.append(k)
            else:
                cuts.append((a, b, k))
    bounds = sorted({span.start, span.end, *(c[0] for c in cuts), *(c[1] for c in cuts)})
    pieces: list[Piece] = []
    for a, b in zip(bounds, bounds[1:]):
        covering = tuple(sorted({k for s, e, k in cuts if s <= a and b <= e}))
        text = doc.text[a:b]
        if pieces and pieces[-1].flags == covering:
            pieces[-1] = Piece(pieces[-1].text + text, covering)
        else:
            pieces.append(Piece(text, covering))
    return SentenceView(index, span.start, span.end, span.kind, tuple(pieces), tuple(whole))


def _flag_view(flag: Flag, c: Comparison, flag_id: str = "") -> FlagView:
    evidence = []
    for ev in flag.evidence:
        doc = c.src if ev.side == "src" else c.tgt
        evidence.append(EvidenceView(ev.side, ev.sentence, ev.start, ev.end, doc.text[ev.start : ev.end]))
    return FlagView(flag.type, flag.severity, flag.message, tuple(evidence), flag_id)


def _coverage(doc: Document, covered: set[int]) -> float:
    content = doc.content_indices
    if not content:
        return 0.0
    return round(sum(1 for i in content if i in covered) / len(content), 6)


def build_report(c: Comparison) -> Report:
    """The report model of a comparison (pure: ``c`` is only read)."""
    from ..compare.decisions import flag_ids

    rows = []
    ids = flag_ids(c)
    for k, (bead, score, flags) in enumerate(zip(c.alignment.beads, c.scores, c.flags)):
        rows.append(BeadRow(
            index=k,
            src_ids=tuple(bead.src),
            tgt_ids=tuple(bead.tgt),
            confidence=float(bead.confidence),
            fidelity=float(score.fidelity),
            parts=tuple(sorted((str(name), value) for name, value in score.parts.items())),
            flags=tuple(_flag_view(f, c, i) for f, i in zip(flags, ids[k])),
            src=tuple(_pieces(c.src, i, "src", flags) for i in bead.src),
            tgt=tuple(_pieces(c.tgt, j, "tgt", flags) for j in bead.tgt),
        ))
    covered_src = {i for b in c.alignment.beads if b.src and b.tgt for i in b.src}
    covered_tgt = {j for b in c.alignment.beads if b.src and b.tgt for j in b.tgt}
    histogram = [0] * HISTOGRAM_BINS
    for row in rows:
        if not row.boilerplate:
            histogram[min(int(row.fidelity * HISTOGRAM_BINS), HISTOGRAM_BINS - 1)] += 1
    severities = Counter(f.severity for row in rows for f in row.flags)
    summary = Summary(
        src_path=c.src.path,
        tgt_path=c.tgt.path,
        src_lang=c.src.lang,
        tgt_lang=c.tgt.lang,
        n_src=len(c.src),
        n_tgt=len(c.tgt),
        n_beads=len(rows),
        coverage_src=_coverage(c.src, covered_src),
        coverage_tgt=_coverage(c.tgt, covered_tgt),
        fidelity=float(c.fidelity),
        flag_counts=tuple(sorted(Counter(f.type for row in rows for f in row.flags).items())),
        severity_counts=tuple(sorted(severities.items(), key=lambda kv: (_SEVERITY_RANK.get(kv[0], 9), kv[0]))),
        bead_kinds=tuple(sorted(Counter(row.kind for row in rows).items())),
        histogram=tuple(histogram),
        n_flagged=sum(1 for row in rows if any(f.severity != "info" for f in row.flags)),
        signature=c.signature,
        verdict=c.verdict,
        translation_evidence=c.translation_evidence,
        src_origin=c.src.origin,
        tgt_origin=c.tgt.origin,
    )
    return Report(summary, tuple(rows))
