"""Compare two versions: alignment + per-bead scores + flags, in one frozen result."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from ..align import Alignment, align
from ..checks import run_checks
from ..config import DEFAULT_CONFIG, Config
from ..document import Document
from ..flags import Flag, flag_bead, flag_document
from ..progress import step
from ..score import BeadScore, Scorer, document_fidelity
from .rows import FlagCounts, Row, format_rows, rows

__all__ = ["Comparison", "compare_documents", "compare_aligned", "FAITHFUL", "verdict"]

#: Document fidelity from which a translation is called faithful (see docs/fidelity.md).
FAITHFUL = 0.8
#: Document fidelity below which a translation is called unfaithful.
UNFAITHFUL = 0.6


def verdict(fidelity: float) -> str:
    """``faithful`` (>= 0.8), ``mostly faithful`` (>= 0.6) or ``unfaithful``."""
    if fidelity >= FAITHFUL:
        return "faithful"
    return "mostly faithful" if fidelity >= UNFAITHFUL else "unfaithful"


@dataclass(frozen=True)
class Comparison:
    """Everything known about two versions of one text.

    Attributes:
        src, tgt: the two documents.
        alignment: beads over their sentences.
        scores: one ``BeadScore`` per bead, in bead order.
        flags: one tuple of ``Flag`` per bead, in bead order.
        fidelity: document fidelity in ``[0, 1]``.
        config: the settings used; ``signature`` is derived from it.
        lexicon: the lexicon actually used (``config.lexicon`` resolved for the language
            pair, with its version), or ``""`` when not recorded.
    """

    src: Document
    tgt: Document
    alignment: Alignment
    scores: tuple[BeadScore, ...]
    flags: tuple[tuple[Flag, ...], ...]
    fidelity: float
    config: Config
    lexicon: str = ""

    def __post_init__(self) -> None:
        n = len(self.alignment.beads)
        if len(self.scores) != n or len(self.flags) != n:
            raise ValueError(f"need one score and one flag tuple per bead ({n}), got "
                             f"{len(self.scores)} and {len(self.flags)}")

    @property
    def signature(self) -> str:
        """The reproducibility signature of the settings that produced this result.

        The config's ``lex:`` field shows the lexicon actually used for the language pair.
        """
        sig = self.config.signature
        used = self.alignment.encoder
        if used and used != self.config.encoder:  # "auto" resolved for the pair
            sig = sig.replace(f"|enc:{self.config.encoder}|", f"|enc:{self.config.encoder}={used}|", 1)
        if self.lexicon:
            sig = sig.replace(f"|lex:{self.config.lexicon}|", f"|lex:{self.lexicon}|", 1)
        return sig

    @property
    def verdict(self) -> str:
        """``faithful``, ``mostly faithful`` or ``unfaithful`` (see :func:`verdict`)."""
        return verdict(self.fidelity)

    @property
    def flag_counts(self) -> FlagCounts:
        """Number of flags of each type, sorted by type (a dict; ``flag_counts()`` also works)."""
        counts = Counter(f.type for group in self.flags for f in group)
        return FlagCounts(sorted(counts.items()))

    def __iter__(self) -> Iterator[Row]:
        """One ``Row(bead, source, target, score, flags)`` per bead, in order."""
        return rows(self)

    @property
    def rows(self) -> tuple[Row, ...]:
        """Every bead as a :class:`~aligner.compare.rows.Row`."""
        return tuple(rows(self))

    def show(self, *, flagged: bool = False, limit: int | None = None, width: int = 0,
             file: TextIO | None = None) -> None:
        """Print the aligned sentences, one block per bead (Bertalign's ``print_sents``).

        ``flagged`` keeps flagged beads only, ``limit`` stops after that many blocks,
        ``width`` cuts long lines; ``file`` defaults to standard output.
        """
        selected = [(k, r) for k, r in enumerate(rows(self)) if r.flags or not flagged][:limit]
        (file or sys.stdout).write(format_rows(self, selected, width))


def _new_evidence(flags: tuple[Flag, ...], extra: tuple[Flag, ...]) -> tuple[Flag, ...]:
    """The QA-check flags of ``extra`` whose evidence no meaning flag of the bead already shows."""
    shown = {f.evidence for f in flags}
    return tuple(f for f in extra if f.evidence not in shown)


def compare_documents(src: Document, tgt: Document, config: Config = DEFAULT_CONFIG) -> Comparison:
    """Align ``src`` and ``tgt``, score every bead and flag divergences.

    The fidelity signals use ``config.fidelity_encoder`` and ``config.lexicon``.
    """
    with step("aligning"):
        alignment = align(src, tgt, config)
    return compare_aligned(src, tgt, alignment, config)


def compare_aligned(src: Document, tgt: Document, alignment: Alignment,
                    config: Config = DEFAULT_CONFIG) -> Comparison:
    """Score and flag the beads of a given ``alignment`` (a bilingual file's units, say)."""
    from ..embed import get_encoder

    with step("scoring"):
        scorer = Scorer(src, tgt, config.lexicon, get_encoder(config.fidelity_encoder or config.encoder))
        scores = scorer.score_all(alignment.beads)
    with step("flagging", total=len(alignment.beads)) as progress:
        per_bead = []
        for b, s in zip(alignment.beads, scores):
            per_bead.append(flag_bead(src, tgt, b, s))
            progress.advance()
        for k, extra in flag_document(src, tgt, alignment.beads).items():
            per_bead[k] = per_bead[k] + extra
        for k, extra in run_checks(src, tgt, alignment.beads, config.checks, config.glossary or None).items():
            per_bead[k] = per_bead[k] + _new_evidence(per_bead[k], extra)
    fidelity = document_fidelity(src, tgt, alignment.beads, scores)
    return Comparison(src, tgt, alignment, scores, tuple(per_bead), fidelity, config,
                      lexicon=scorer.lexicon_name)
