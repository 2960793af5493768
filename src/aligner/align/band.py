"""Finding the band for the fine DP by recursive downsampling (linear time).

Long documents are halved repeatedly (pairs of consecutive sentences are joined) until the
grid is small; the coarsest level is aligned on the whole grid with surface evidence, and
each path is projected onto the next finer level, widened by a margin, and re-aligned inside
that band. Each level costs ``O(length x band width)``, so the whole search is linear.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .sides import Side, Window, coarsen, full_window

__all__ = ["FULL_GRID_NODES", "find_window", "window_from_path"]

#: grids with at most this many nodes are searched whole.
FULL_GRID_NODES = 40_000
_MARGIN = 10  # band half-width added around a projected path, in sentences

PathFn = Callable[[Side, Side, Window], list[tuple[int, int, int, int]]]


def window_from_path(path: Sequence[tuple[int, int, int, int]], n_src: int, n_tgt: int,
                     scale: int, margin: int) -> Window:
    """Project a coarse path (indices in units of ``scale`` sentences) onto a band of the
    fine grid ``(n_src + 1) x (n_tgt + 1)``, widened by ``margin`` on both sides; the band's
    ``centre`` is where the path crosses each row (the same whatever the margin)."""
    lo = np.full(n_src + 1, n_tgt + 1, dtype=np.int64)
    hi = np.full(n_src + 1, -1, dtype=np.int64)
    nodes = [(0, 0)] + [((i + di), (j + dj)) for i, di, j, dj in path]
    for (i0, j0), (i1, j1) in zip(nodes, nodes[1:]):
        r0, r1 = min(i0 * scale, n_src), min(i1 * scale, n_src)
        c0, c1 = min(j0 * scale, n_tgt), min(j1 * scale, n_tgt)
        lo[r0 : r1 + 1] = np.minimum(lo[r0 : r1 + 1], c0)
        hi[r0 : r1 + 1] = np.maximum(hi[r0 : r1 + 1], c1)
    centre = np.maximum.accumulate(np.where(hi >= lo, 0.5 * (lo + hi), 0.0))  # every row is crossed
    lo = np.maximum(0, lo - margin)
    hi = np.minimum(n_tgt, hi + margin)
    lo[0], hi[-1] = 0, n_tgt
    # monotone and connected: lo and hi never decrease
    lo = np.maximum.accumulate(lo)
    hi = np.maximum.accumulate(hi)
    lo = np.minimum(lo, hi)
    # reverse pass so that every row keeps a path to the end
    lo = np.minimum.accumulate(lo[::-1])[::-1]
    width = int(np.max(hi - lo)) + 1
    lo = np.minimum(lo, max(0, n_tgt + 1 - width))
    return Window(lo, width, centre)


def find_window(src: Side, tgt: Side, align_in: PathFn,
                full_nodes: int = FULL_GRID_NODES, margin: int = _MARGIN) -> Window:
    """The band for aligning ``src`` with ``tgt``.

    ``align_in(src, tgt, window)`` aligns two sides (surface evidence) inside a band and returns the path
    (see :func:`aligner.align.dp.banded_path`); it is called on the coarser levels.
    """
    n, m = len(src), len(tgt)
    if (n + 1) * (m + 1) <= full_nodes or n < 4 or m < 4:
        return full_window(n, m)
    coarse_src, coarse_tgt = coarsen(src), coarsen(tgt)
    coarse_window = find_window(coarse_src, coarse_tgt, align_in, full_nodes, margin)
    path = align_in(coarse_src, coarse_tgt, coarse_window)
    return window_from_path(path, n, m, 2, margin)
