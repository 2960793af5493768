"""A comparison read row by row: each bead with its text, score and flags.

``Comparison`` keeps beads, scores and flags in parallel tuples (what the writers need);
:func:`rows` joins them into one :class:`Row` per bead for people reading the result in
Python, and :func:`format_rows` is what ``Comparison.show()`` prints.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..align import Bead
from ..flags import Flag
from ..score import BeadScore

if TYPE_CHECKING:
    from .pair import Comparison

__all__ = ["FlagCounts", "Row", "format_rows", "rows"]


class Row(NamedTuple):
    """One bead of a comparison: ``for bead, source, target, score, flags in comparison``.

    ``source`` / ``target`` are the bead's sentences on that side joined with a space
    (``""`` for an omission's target or an addition's source).
    """

    bead: Bead
    source: str
    target: str
    score: BeadScore
    flags: tuple[Flag, ...]

    @property
    def fidelity(self) -> float:
        """The bead's fidelity (``score.fidelity``)."""
        return self.score.fidelity


class FlagCounts(dict):
    """``{flag type: count}``, sorted by type. Calling it returns a plain copy, so the
    older call form ``comparison.flag_counts()`` keeps working."""

    def __call__(self) -> dict[str, int]:
        return dict(self)


def rows(c: Comparison) -> Iterator[Row]:
    """One :class:`Row` per bead, in bead order."""
    for bead, score, flags in zip(c.alignment.beads, c.scores, c.flags):
        source = " ".join(c.src.sentence_text(i) for i in bead.src)
        target = " ".join(c.tgt.sentence_text(j) for j in bead.tgt)
        yield Row(bead, source, target, score, flags)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def format_rows(c: Comparison, selected: Iterable[tuple[int, Row]], width: int = 0) -> str:
    """The aligned sentences as text, one block per bead::

        bead 3  [3]:[3]  fidelity 0.41  confidence 0.97  number_mismatch (major)
          id  Harga naik 5 persen.
          en  Prices rose 6 percent.

    ``selected`` holds ``(bead index, row)`` pairs. ``width`` > 0 cuts each text line to that
    many characters (with an ellipsis).
    """
    blocks = []
    for k, row in selected:
        head = (f"bead {k}  {list(row.bead.src)}:{list(row.bead.tgt)}  fidelity {row.fidelity:.2f}  "
                f"confidence {row.bead.confidence:.2f}")
        if row.flags:
            head += "  " + ", ".join(f"{f.type} ({f.severity})" for f in row.flags)
        lines = [head]
        for lang, text, missing in ((c.src.lang, row.source, "(none: an addition)"),
                                    (c.tgt.lang, row.target, "(none: an omission)")):
            shown = _one_line(text) or missing
            if width and len(shown) > width:
                shown = shown[: width - 1] + "…"
            lines.append(f"  {lang:<3} {shown}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")
