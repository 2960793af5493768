"""The dynamic-programming core: the best monotone path of beads inside a band.

Pure: takes the band, the gain of every bead shape at every node, and returns the path. Time
and memory are ``O(rows x width x shapes)``; each row is processed with numpy, and runs of
0-1 beads within a row are resolved with a prefix-maximum scan.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .sides import Window

__all__ = ["bead_shapes", "banded_path"]


def bead_shapes(max_bead: int) -> tuple[tuple[int, int], ...]:
    """Allowed ``(n_src, n_tgt)`` shapes: 0-1, 1-0 and every n-m with n, m <= max_bead
    and n + m <= max_bead + 1 (for ``max_bead=4``: 1-4, 2-3, 3-2, 4-1 but not 2-4 or 3-3);
    2-2 is always allowed."""
    shapes = [(0, 1), (1, 0)]
    for n in range(1, max_bead + 1):
        for m in range(1, max_bead + 1):
            if n + m <= max_bead + 1 or (n == 2 and m == 2):
                shapes.append((n, m))
    return tuple(shapes)


def banded_path(window: Window, n_tgt: int, gains: Mapping[tuple[int, int], np.ndarray],
                skip_src: np.ndarray, skip_tgt: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Maximum-gain path from node ``(0, 0)`` to ``(n_src, n_tgt)``.

    Args:
        window: the band; node ``(i, lo[i] + k)`` for ``0 <= k < width``.
        n_tgt: number of target sentences.
        gains: for each n-m shape with ``n, m >= 1``, an array ``(rows, width)``: the gain of
            that bead *ending* at the node (``-inf`` where not allowed).
        skip_src: gain of the 1-0 bead of each source sentence, shape ``(n_src,)``.
        skip_tgt: gain of the 0-1 bead of each target sentence, shape ``(n_tgt,)``.

    Returns:
        the beads as ``(i, di, j, dj)`` tuples (source ``[i, i+di)``, target ``[j, j+dj)``).
    """
    lo = window.lo
    W = window.width
    rows = len(lo)
    n_src = rows - 1
    shapes = [s for s in gains]
    all_shapes = [(1, 0), (0, 1)] + shapes
    score = np.full((rows, W), -np.inf)
    back = np.full((rows, W), -1, dtype=np.int8)
    ks = np.arange(W)
    neg = -np.inf
    for i in range(rows):
        J = lo[i] + ks
        best = np.full(W, neg)
        arg = np.full(W, -1, dtype=np.int8)
        if i == 0:
            best[J == 0] = 0.0
        else:
            # 1-0: from (i-1, j)
            pk = J - lo[i - 1]
            ok = (pk >= 0) & (pk < W)
            cand = np.full(W, neg)
            cand[ok] = score[i - 1, pk[ok]] + skip_src[i - 1]
            better = cand > best
            best[better], arg[better] = cand[better], 0
            for s_idx, (dn, dm) in enumerate(shapes, start=2):
                if dn > i:
                    continue
                pj = J - dm
                pk = pj - lo[i - dn]
                ok = (pk >= 0) & (pk < W) & (pj >= 0)
                if not ok.any():
                    continue
                cand = np.full(W, neg)
                cand[ok] = score[i - dn, pk[ok]] + gains[(dn, dm)][i, ok]
                better = cand > best
                best[better], arg[better] = cand[better], s_idx
        # 0-1 runs within the row: final[k] = max(best[k], final[k-1] + g[k])
        g = np.zeros(W)
        inside = (J >= 1) & (J <= n_tgt)
        g[inside] = skip_tgt[J[inside] - 1]
        g[0] = 0.0
        out = (J > n_tgt)
        best[out] = neg
        csum = np.cumsum(g)
        run = np.maximum.accumulate(best - csum)
        final = csum + run
        final[out] = neg
        via = final > best + 1e-12
        via[0] = False
        arg[via] = 1
        score[i] = np.where(via, final, best)
        back[i] = arg
    # backtrack
    k = n_tgt - lo[n_src]
    if not (0 <= k < W) or not np.isfinite(score[n_src, k]):
        raise ValueError("no alignment path inside the band")
    path = []
    i, j = n_src, n_tgt
    while i or j:
        s_idx = int(back[i, j - lo[i]])
        if s_idx < 0:
            raise ValueError("broken back-pointer in the alignment band")
        dn, dm = all_shapes[s_idx]
        path.append((i - dn, dn, j - dm, dm))
        i, j = i - dn, j - dm
    path.reverse()
    return path
