"""Encoder evidence between single sentences near the band, and what merged groups derive from it.

The vector of a merged group is the length-weighted sum of its parts' unit vectors, so its
cosine with the other side follows from the pair cosines and the cosines between neighbours
on the same side (:func:`block_norm`), without re-encoding. The hubness margin compares a
sentence's cosines with the mean of its top-4 cosines among the 8 encoded sentences nearest to
its expected position (:func:`~.sides.expected_positions`: the same whatever the band's
width); the neighbour margin (:func:`neighbour_cos`) with the sentences just outside a bead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .sides import PairGrid, Side, block_sum

__all__ = ["VectorEvidence", "block_norm", "block_wmean", "neighbour_cos", "vector_evidence"]

_KNN = 4  # neighbours for the hubness margin
_NEAR = 8  # encoded sentences nearest to the expected position that the margin compares with


@dataclass(frozen=True)
class VectorEvidence:
    """Cosines near the band (present only when both sides were encoded).

    Attributes:
        cos: ``(n_src, width)`` pair cosines on the grid; NaN where either sentence has no vector.
        knn_src, knn_tgt: per sentence, the mean of its top-4 cosines with the encoded sentences
            of the other side nearest to its expected position (the hubness margin's baseline).
        adj_src, adj_tgt: ``(n, K)``: ``cos(u_a, u_{a+d})`` for ``d = 1 .. K-1`` in column ``d``.
    """

    cos: np.ndarray
    knn_src: np.ndarray
    knn_tgt: np.ndarray
    adj_src: np.ndarray
    adj_tgt: np.ndarray


def _adjacent(vectors: np.ndarray, k: int) -> np.ndarray:
    n = len(vectors)
    out = np.full((n, k), np.nan, dtype=np.float64)
    for d in range(1, k):
        if n > d:
            out[: n - d, d] = np.einsum("ij,ij->i", vectors[: n - d], vectors[d:])
    return out


def vector_evidence(src: Side, tgt: Side, expected: tuple[np.ndarray, np.ndarray], grid: PairGrid,
                    max_bead: int) -> VectorEvidence | None:
    """The cosines of every pair of the grid, and the hubness baselines around the sentences'
    ``expected`` positions (:func:`~.sides.expected_positions` of the band); ``None`` unless
    both sides have vectors."""
    n, m = len(src), len(tgt)
    if src.vectors is None or tgt.vectors is None or not n or not m:
        return None
    cols = grid.plo[:, None] + np.arange(grid.width)[None, :]
    width = grid.width
    cos = np.full((n, width), np.nan, dtype=np.float32)
    cc = np.clip(cols, 0, m - 1)
    step = max(1, 2_000_000 // max(1, width * src.vectors.shape[1]))
    for a0 in range(0, n, step):
        a1 = min(n, a0 + step)
        cos[a0:a1] = np.einsum("id,ijd->ij", src.vectors[a0:a1], tgt.vectors[cc[a0:a1]])
    cos[~grid.valid] = np.nan
    knn_s, knn_t = _knn_near(src.vectors, tgt.vectors, expected)
    return VectorEvidence(cos, knn_s, knn_t, _adjacent(src.vectors, max_bead), _adjacent(tgt.vectors, max_bead))


def _nearest_knn(vec_a: np.ndarray, vec_b: np.ndarray, centers: np.ndarray) -> np.ndarray:
    """Mean of the top-``_KNN`` cosines of each ``a`` with the ``_NEAR`` encoded ``b`` nearest
    to ``centers[a]`` (NaN where ``a`` has no vector). Only encoded sentences are candidates,
    so the value does not depend on which other sentences happen to be encoded."""
    out = np.full(len(vec_a), np.nan)
    enc_b = np.flatnonzero(np.isfinite(vec_b[:, 0]))
    enc_a = np.flatnonzero(np.isfinite(vec_a[:, 0]))
    if not len(enc_b) or not len(enc_a):
        return out
    k = min(_NEAR, len(enc_b))
    pos = np.searchsorted(enc_b, centers[enc_a])
    start = np.clip(pos - k // 2, 0, len(enc_b) - k)
    cand = enc_b[start[:, None] + np.arange(k)[None, :]]
    cos = np.einsum("id,ijd->ij", vec_a[enc_a], vec_b[cand])
    top = -np.sort(-cos, axis=1)[:, : min(_KNN, k)]
    out[enc_a] = top.mean(axis=1)
    return out


def _knn_near(vs: np.ndarray, vt: np.ndarray, expected: tuple[np.ndarray, np.ndarray]
              ) -> tuple[np.ndarray, np.ndarray]:
    # centred on the expected positions (the path the band was drawn around, or the diagonal),
    # not on the band's middle: the baseline does not change with the band's width
    centers_s, centers_t = expected
    return _nearest_knn(vs, vt, centers_s + 0.5), _nearest_knn(vt, vs, centers_t + 0.5)


def neighbour_cos(grid: PairGrid, cos: np.ndarray, I: np.ndarray, J: np.ndarray, n: int, m: int,
                   ws: np.ndarray, wt: np.ndarray, na: np.ndarray, nb: np.ndarray,
                   valid: np.ndarray) -> np.ndarray:
    """Mean cosine of each side's merged vector with the sentences just outside the bead on
    the other side (Bertalign's margin): a bead that is as close to its neighbours as to
    its partner is probably cut at the wrong place. NaN where no neighbour has a vector."""
    ns, nt = len(ws), len(wt)

    def mean_over(neighbours: Iterable[Iterable[tuple[np.ndarray, np.ndarray, np.ndarray]]],
                  norm: np.ndarray) -> np.ndarray:
        # neighbours: per neighbour, the (a, b, weight) pairs of the group against it; targets
        # outside the document are invalid in ``grid``, sources outside it are masked here
        total = np.zeros(J.shape)
        count = np.zeros(J.shape)
        for pairs in neighbours:
            acc = np.zeros(J.shape)
            for a, b, w in pairs:
                acc += w * grid.gather(cos, a, b, valid & (a >= 0) & (a < ns), np.nan)
            v = acc / norm
            ok = np.isfinite(v)
            total += np.where(ok, v, 0.0)
            count += ok
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)

    # the source group against targets j-m-1 and j; the target group against sources i-n-1 and i
    # (generators: each pair's index arrays exist only while it is added; memory stays flat)
    src_part = mean_over((((I - 1 - x, b, ws[np.clip(I - 1 - x, 0, ns - 1)]) for x in range(n))
                          for b in (J - m - 1, J)), na)
    tgt_part = mean_over((((a, J - 1 - y, wt[np.clip(J - 1 - y, 0, nt - 1)]) for y in range(m))
                          for a in (I - n - 1, I)), nb)
    both = np.isfinite(src_part) & np.isfinite(tgt_part)
    return np.where(both, 0.5 * (src_part + tgt_part), np.where(np.isfinite(src_part), src_part, tgt_part))


def block_wmean(w: np.ndarray, vals: np.ndarray, ends: np.ndarray, size: int) -> np.ndarray:
    """Mean of ``vals`` weighted by ``w`` over ``size`` consecutive sentences ending before ``ends``."""
    return block_sum(w * vals, ends, size) / block_sum(w, ends, size)


def block_norm(w: np.ndarray, adj: np.ndarray, ends: np.ndarray, size: int) -> np.ndarray:
    """Norm of the weighted sum of ``size`` consecutive unit vectors ending before ``ends``."""
    nn = len(w)
    sq = block_sum(w * w, ends, size)
    for d in range(1, size):
        for x in range(size - d):
            a = np.clip(ends - size + x, 0, nn - 1)
            sq = sq + 2.0 * w[a] * w[np.clip(a + d, 0, nn - 1)] * adj[a, d]
    return np.sqrt(np.maximum(sq, 1e-12))
