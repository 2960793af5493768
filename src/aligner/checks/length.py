"""Length ratio: a bead whose target/source length ratio is far outside the pair's own range."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from statistics import median

from ..align.model import Bead
from ..document import Document
from .registry import Check, Context, Finding, register
from .side import Side

__all__ = ["LENGTH_FACTOR", "LENGTH_MIN_BEADS", "LENGTH_SMOOTH", "length_ratios"]

#: A bead is out of range when its ratio is this many times above or below the pair's median.
LENGTH_FACTOR = 2.0
#: Share of the side's median sentence length added to both lengths, so that very short
#: sentences do not swing the ratio (scaled per side: a Chinese sentence has fewer characters).
LENGTH_SMOOTH = 0.15
#: Fewest beads with text on both sides for the pair's median ratio to be trusted.
LENGTH_MIN_BEADS = 3


def _chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def length_ratios(src: Document, tgt: Document, beads: Sequence[Bead]) -> list[tuple[int, float]]:
    """``(bead index, log((tgt chars + pad) / (src chars + pad)))`` for beads with text on both
    sides; each side's pad is ``LENGTH_SMOOTH`` times its median sentence length, plus one."""
    sizes = [(k, _chars(Side(src, "src", b.src).text), _chars(Side(tgt, "tgt", b.tgt).text))
             for k, b in enumerate(beads) if b.src and b.tgt]
    if not sizes:
        return []
    s_pad = LENGTH_SMOOTH * median(s for _, s, _ in sizes) + 1
    t_pad = LENGTH_SMOOTH * median(t for _, _, t in sizes) + 1
    return [(k, math.log((t + t_pad) / (s + s_pad))) for k, s, t in sizes]


def _length(src: Document, tgt: Document, beads: Sequence[Bead], ctx: Context) -> Iterator[tuple[int, Finding]]:
    ratios = length_ratios(src, tgt, beads)
    if len(ratios) < LENGTH_MIN_BEADS:
        return
    mid = median(r for _, r in ratios)
    limit = math.log(LENGTH_FACTOR)
    for k, r in ratios:
        if abs(r - mid) > limit:
            word = "long" if r > mid else "short"
            s_side, t_side = Side(src, "src", beads[k].src), Side(tgt, "tgt", beads[k].tgt)
            yield k, Finding(f"the target is {math.exp(abs(r - mid)):.1f} times too {word} for this pair "
                             f"(ratio {math.exp(r):.2f}, the pair's median {math.exp(mid):.2f})",
                             t_side.whole() + s_side.whole())


register(Check("length", "length", "minor",
               f"the target/source length ratio is within {LENGTH_FACTOR}x of the pair's median ratio",
               ("The committee approved the budget after a long debate.", "Disetujui."), ("long", "short"),
               document=_length))
