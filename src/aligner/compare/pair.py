"""Compare two versions: alignment + per-bead scores + flags, in one frozen result."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..align import Alignment, align
from ..config import DEFAULT_CONFIG, Config
from ..document import Document
from ..flags import Flag, flag_bead
from ..score import BeadScore, document_fidelity, score_bead

__all__ = ["Comparison", "compare_documents"]


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
    """

    src: Document
    tgt: Document
    alignment: Alignment
    scores: tuple[BeadScore, ...]
    flags: tuple[tuple[Flag, ...], ...]
    fidelity: float
    config: Config

    def __post_init__(self) -> None:
        n = len(self.alignment.beads)
        if len(self.scores) != n or len(self.flags) != n:
            raise ValueError(f"need one score and one flag tuple per bead ({n}), got "
                             f"{len(self.scores)} and {len(self.flags)}")

    @property
    def signature(self) -> str:
        """The reproducibility signature of the settings that produced this result."""
        return self.config.signature

    def flag_counts(self) -> dict[str, int]:
        """Number of flags of each type, sorted by type."""
        counts = Counter(f.type for group in self.flags for f in group)
        return dict(sorted(counts.items()))


def compare_documents(src: Document, tgt: Document, config: Config = DEFAULT_CONFIG) -> Comparison:
    """Align ``src`` and ``tgt``, score every bead and flag divergences."""
    alignment = align(src, tgt, config)
    scores = tuple(score_bead(src, tgt, b) for b in alignment.beads)
    flags = tuple(flag_bead(src, tgt, b, s) for b, s in zip(alignment.beads, scores))
    fidelity = document_fidelity(src, tgt, alignment.beads, scores)
    return Comparison(src, tgt, alignment, scores, flags, fidelity, config)
