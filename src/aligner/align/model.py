"""The alignment data model: beads of source and target sentence indices with a confidence.

A bead ``Bead((3, 4), (5,), 0.91)`` links source sentences 3 and 4 to target sentence 5.
Empty tuples are omissions (``tgt == ()``, a 1-0 bead) and additions (``src == ()``).
Indices are 0-based positions in ``Document.sentences``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .beadio import format_bead_line

__all__ = ["Bead", "Alignment", "format_bead"]


@dataclass(frozen=True)
class Bead:
    """Source indices, target indices and a confidence in ``[0, 1]``."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0

    def __post_init__(self) -> None:
        if not self.src and not self.tgt:
            raise ValueError("a bead needs at least one source or target sentence")
        for side, ids in (("src", self.src), ("tgt", self.tgt)):
            if any(b != a + 1 for a, b in zip(ids, ids[1:])):
                raise ValueError(f"bead {side} indices must be consecutive, got {list(ids)}")
            if ids and ids[0] < 0:
                raise ValueError(f"bead {side} indices must be >= 0, got {list(ids)}")
        if not (0.0 <= self.confidence <= 1.0):
            raise ValueError(f"bead confidence must be in [0, 1], got {self.confidence!r}")

    @property
    def kind(self) -> str:
        """The bead type as ``"n-m"``, e.g. ``"1-1"``, ``"2-1"``, ``"1-0"``."""
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(frozen=True)
class Alignment:
    """A monotone alignment that covers every source and target sentence exactly once.

    Attributes:
        beads: in order; source and target indices both increase along the beads.
        n_src: number of source sentences.
        n_tgt: number of target sentences.
        encoder: the sentence encoder the aligner used for this pair (``Config.encoder`` with
            ``auto`` resolved, :func:`aligner.embed.coverage.resolve_encoder`); ``""`` when not
            recorded. Not part of equality.
    """

    beads: tuple[Bead, ...]
    n_src: int
    n_tgt: int
    encoder: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.beads, tuple):
            object.__setattr__(self, "beads", tuple(self.beads))
        next_src = next_tgt = 0
        for k, bead in enumerate(self.beads):
            if bead.src:
                if bead.src[0] != next_src:
                    raise ValueError(f"bead {k} starts at source {bead.src[0]}, expected {next_src}")
                next_src = bead.src[-1] + 1
            if bead.tgt:
                if bead.tgt[0] != next_tgt:
                    raise ValueError(f"bead {k} starts at target {bead.tgt[0]}, expected {next_tgt}")
                next_tgt = bead.tgt[-1] + 1
        if next_src != self.n_src or next_tgt != self.n_tgt:
            raise ValueError(
                f"beads cover {next_src}/{self.n_src} source and {next_tgt}/{self.n_tgt} target sentences"
            )

    def __len__(self) -> int:
        return len(self.beads)

    def to_beads_text(self, with_confidence: bool = True) -> str:
        """vecalign's bead format, one bead per line: ``[0]:[0, 1]:0.873``."""
        return "".join(format_bead(b, with_confidence) + "\n" for b in self.beads)



def format_bead(bead: Bead, with_confidence: bool = True) -> str:
    """``[3, 4]:[5]:0.912`` (confidence with three decimals) or ``[3, 4]:[5]``."""
    return format_bead_line(bead.src, bead.tgt, bead.confidence if with_confidence else None)
