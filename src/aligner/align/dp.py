"""The dynamic-programming core: best monotone path of beads under a cost function.

Pure: takes sizes, allowed bead shapes and a cost callback; returns beads. Costs and
confidences are the caller's business.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["bead_shapes", "best_path"]

CostFn = Callable[[int, int, int, int], float]


def bead_shapes(max_bead: int) -> tuple[tuple[int, int], ...]:
    """Allowed ``(n_src, n_tgt)`` shapes: 0-1, 1-0 and every n-m with n, m <= max_bead
    and n + m <= max_bead + 1 (so 1-3 and 3-1 but not 3-3 for ``max_bead=3``; 2-2 allowed)."""
    shapes = [(0, 1), (1, 0)]
    for n in range(1, max_bead + 1):
        for m in range(1, max_bead + 1):
            if n + m <= max_bead + 1 or (n == 2 and m == 2):
                shapes.append((n, m))
    return tuple(shapes)


def best_path(
    n_src: int,
    n_tgt: int,
    shapes: Sequence[tuple[int, int]],
    cost: CostFn,
    band: Callable[[int], tuple[int, int]] | None = None,
) -> list[tuple[int, int, int, int]]:
    """Minimum-cost path from (0, 0) to (n_src, n_tgt).

    Args:
        shapes: allowed ``(di, dj)`` steps.
        cost: ``cost(i, di, j, dj)`` for the bead of source ``[i, i+di)`` and target ``[j, j+dj)``.
        band: optional ``band(i) -> (lo, hi)``: target positions ``lo..hi`` allowed at row ``i``
            (inclusive). Without a band, the full grid is searched.

    Returns:
        the beads as ``(i, di, j, dj)`` tuples, in order.
    """
    inf = float("inf")
    rows: list[dict[int, tuple[float, int, int]]] = []
    for i in range(n_src + 1):
        lo, hi = band(i) if band else (0, n_tgt)
        lo, hi = max(0, lo), min(n_tgt, hi)
        if i == n_src:
            hi = n_tgt
        row: dict[int, tuple[float, int, int]] = {}
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = (0.0, 0, 0)
                continue
            best = (inf, 0, 0)
            for di, dj in shapes:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                prev = rows[pi].get(pj) if pi < i else row.get(pj)
                if prev is None or prev[0] == inf:
                    continue
                c = prev[0] + cost(pi, di, pj, dj)
                if c < best[0]:
                    best = (c, di, dj)
            row[j] = best
        rows.append(row)
    if n_tgt not in rows[n_src] or rows[n_src][n_tgt][0] == inf:
        raise ValueError("no alignment path inside the band; widen it")
    path = []
    i, j = n_src, n_tgt
    while i or j:
        _, di, dj = rows[i][j]
        path.append((i - di, di, j - dj, dj))
        i, j = i - di, j - dj
    path.reverse()
    return path
