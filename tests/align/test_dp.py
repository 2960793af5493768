"""The banded DP finds the same best path as a plain full-grid DP, and bands stay connected."""

from __future__ import annotations

import random

import numpy as np
import pytest

from aligner.align.band import window_from_path
from aligner.align.dp import banded_path, bead_shapes
from aligner.align.sides import full_window


def _reference(n, m, shapes, gain):
    best = {(0, 0): (0.0, None)}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) == (0, 0):
                continue
            cands = []
            for di, dj in shapes:
                p = (i - di, j - dj)
                if p in best and best[p][0] > -np.inf:
                    g = gain(p[0], di, p[1], dj)
                    cands.append((best[p][0] + g, (di, dj)))
            best[(i, j)] = max(cands) if cands else (-np.inf, None)
    path, i, j = [], n, m
    while (i, j) != (0, 0):
        di, dj = best[(i, j)][1]
        path.append((i - di, di, j - dj, dj))
        i, j = i - di, j - dj
    return best[(n, m)][0], path[::-1]


def _tables(n, m, shapes, rng):
    cells = {}
    for i in range(n + 1):
        for j in range(m + 1):
            for s in shapes:
                cells[(i, j, s)] = rng.uniform(-2, 1)
    skip_src = np.array([rng.uniform(-1.5, 0) for _ in range(n)])
    skip_tgt = np.array([rng.uniform(-1.5, 0) for _ in range(m)])

    def gain(i, di, j, dj):
        if dj == 0:
            return skip_src[i]
        if di == 0:
            return skip_tgt[j]
        return cells[(i + di, j + dj, (di, dj))]

    return cells, skip_src, skip_tgt, gain


@pytest.mark.parametrize("seed", range(6))
def test_full_window_matches_reference(seed):
    rng = random.Random(seed)
    n, m = rng.randint(1, 9), rng.randint(1, 9)
    shapes = bead_shapes(3)
    cells, skip_src, skip_tgt, gain = _tables(n, m, shapes, rng)
    window = full_window(n, m)
    gains = {}
    for s in shapes:
        if s[0] and s[1]:
            g = np.full((n + 1, window.width), -np.inf)
            for i in range(n + 1):
                for j in range(m + 1):
                    g[i, j] = cells[(i, j, s)]
            gains[s] = g
    path = banded_path(window, m, gains, skip_src, skip_tgt)
    want_score, _ = _reference(n, m, shapes, gain)
    got_score = sum(gain(*b) for b in path)
    assert got_score == pytest.approx(want_score)
    # the path covers every sentence once, in order
    assert sum(b[1] for b in path) == n and sum(b[3] for b in path) == m


def test_band_from_path_is_connected_and_contains_path():
    path = [(0, 1, 0, 1), (1, 0, 1, 1), (1, 2, 2, 1), (3, 1, 3, 0), (4, 1, 3, 2)]
    w = window_from_path(path, 5, 5, 1, 1)
    assert w.lo[0] == 0 and w.lo[-1] <= 5 < w.lo[-1] + w.width
    assert np.all(np.diff(w.lo) >= 0)
    i = j = 0
    for _, di, _, dj in path:
        i, j = i + di, j + dj
        assert w.lo[i] <= j < w.lo[i] + w.width


def test_coarse_projection_scales():
    w = window_from_path([(0, 5, 0, 5)], 10, 10, 2, 0)
    assert w.lo[0] == 0 and w.lo[10] + w.width > 10


def test_shapes():
    assert set(bead_shapes(3)) == {(0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1)}
    assert (1, 1) in bead_shapes(1) and (1, 2) not in bead_shapes(1)


def test_shapes_up_to_five_sentences():
    from aligner.align.bead_scorer import shape_key

    big = set(bead_shapes(4)) - set(bead_shapes(3))
    assert big == {(1, 4), (2, 3), (3, 2), (4, 1)}
    assert {shape_key(n, m) for n, m in big} == {"5+"}
    assert shape_key(2, 2) == "2-2" and shape_key(0, 1) == "0-1"
