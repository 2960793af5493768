"""Features of candidate beads, computed for every node of a band at once (numpy).

The evidence between single sentences near the band (:class:`BandEvidence`: shared tokens
from :mod:`.tokens`, cosines from :mod:`.vectors`) is computed once per band
(:func:`band_evidence`); the features of an n-m bead are derived from it without
re-encoding (see those modules for how a merged group's cosine and shared tokens follow from
its pairs'). Length evidence is the Gale-Church z-score of the bead's character lengths
(:mod:`.sides`). A bead whose group leaves a bracket open, or closes one opened before it, is
marked (``brk_one`` / ``brk_both``): a parenthesis cut by the bead boundary, as when a
segmenter splits a reference at its colon. No feature depends on how wide the band is: the
hubness baseline sits on each sentence's expected position (the path the band was drawn
around), and a skipped sentence's best partner is looked for in its reach (:data:`REACH`
sentences either side of that position), not in the band. Columns are written by name
(:data:`FEATURES`, :data:`SKIP_FEATURES`), the order the shipped weights use. Memory and time
grow with ``rows x width``, i.e. linearly with length.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import regex

from ..lexicon import Lexicon
from ..measures import GALE_CHURCH_VARIANCE
from .sides import (
    PairGrid,
    Side,
    Window,
    block_sum,
    cuts_parenthesis,
    expected_positions,
    pair_grid,
    reach_starts,
)
from .tokens import MASK_BITS, TokenEvidence, popcount, shared_tokens
from .vectors import (
    VectorEvidence,
    block_norm,
    block_wmean,
    neighbour_cos,
    vector_evidence,
)

__all__ = ["FEATURES", "REACH", "SKIP_FEATURES", "BandEvidence", "band_evidence", "bead_features", "length_z", "skip_features"]

_LETTER = regex.compile(r"\p{L}")

#: Names of the columns of :func:`bead_features` (the order the shipped weights use).
FEATURES = ("bias", "cos", "margin", "absz", "z2", "tok", "tok_none", "num", "num_both",
            "num_one", "cog", "size", "cos_gain", "cos_split", "tok_gain", "nbr", "nbr_len", "lenpen",
            "brk_one", "brk_both")
#: Names of the columns of :func:`skip_features`.
SKIP_FEATURES = ("bias", "best_cos", "best_margin", "best_tok", "loglen", "has_num", "no_letters",
                 "brk")


class _Columns:
    """A feature array ``(*shape, len(names))`` whose columns are read and written by name."""

    def __init__(self, shape: tuple[int, ...], names: tuple[str, ...]) -> None:
        self.array = np.zeros(shape + (len(names),))
        self._index = {name: k for k, name in enumerate(names)}

    def __getitem__(self, name: str) -> np.ndarray:
        return self.array[..., self._index[name]]

    def __setitem__(self, name: str, value: np.ndarray | float) -> None:
        self.array[..., self._index[name]] = value


#: A sentence's reach: the sentences of the other side within this many of its expected
#: position (:func:`~.sides.expected_positions`), where :func:`skip_features` looks for its
#: best partner, whatever the band's width (not fitted; 20: Text+Berg held out 0.870 -> 0.880 with
#: every model refitted, docs/benchmarks.md; other values not tried).
REACH = 20


@dataclass(frozen=True)
class BandEvidence:
    """Evidence between single sentences near the band and in every sentence's reach: the
    pair grid, shared tokens on it, and cosines on it (``vectors`` is ``None`` unless both
    sides were encoded); ``reach``: the first sentence of each source's and each target's
    reach (:func:`~.sides.reach_starts`, ``2 * REACH + 1`` sentences)."""

    grid: PairGrid
    tokens: TokenEvidence
    vectors: VectorEvidence | None
    reach: tuple[np.ndarray, np.ndarray]


def band_evidence(src: Side, tgt: Side, window: Window, max_bead: int,
                  lexicon: Lexicon | None = None) -> BandEvidence:
    """Pairwise evidence for every source sentence against the targets near its band rows
    and in its reach, and for every target against the sources in its reach. The sentences'
    expected positions and reaches are computed once here, for the grid, the hubness
    baselines and :func:`skip_features`."""
    expected = expected_positions(window, len(src), len(tgt))
    reach = reach_starts(expected, REACH)
    grid = pair_grid(window, len(src), len(tgt), max_bead, REACH, reach)
    return BandEvidence(grid, shared_tokens(src, tgt, grid, lexicon),
                        vector_evidence(src, tgt, expected, grid, max_bead), reach)


def length_z(la: np.ndarray, lb: np.ndarray, ratio: float) -> np.ndarray:
    """Gale and Church's z-score of beads with source and target lengths ``la``, ``lb``: how far
    the target length strays from ``ratio`` times the source's, in standard deviations."""
    return (lb - ratio * la) / np.sqrt(GALE_CHURCH_VARIANCE * np.maximum(ratio * la + lb, 1.0) / 2.0)


def bead_features(src: Side, tgt: Side, window: Window, ev: BandEvidence, n: int, m: int,
                  ratio: float, weight_power: float = 1.0,
                  rows: tuple[int, int] | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features of the n-m bead (``n, m >= 1``) ending at every node of the window (or of its
    rows ``rows = (first, end)``: the same values as those rows of the whole window).

    Returns ``(X, valid, has_vec)``: ``X`` of shape ``(rows, width, len(FEATURES))``; ``valid``
    marks nodes where the bead fits in the document and band; ``has_vec`` marks beads whose
    sentences all have vectors (so ``cos`` and ``margin`` are meaningful).
    """
    grid, te, ve = ev.grid, ev.tokens, ev.vectors
    first, end = rows if rows is not None else (0, len(window.lo))
    J = window.cols((first, end))
    I = np.broadcast_to(np.arange(first, end)[:, None], J.shape)
    ns, nt = len(src), len(tgt)
    merged = n > 1 or m > 1
    valid = (I - n >= 0) & (J - m >= 0) & (J <= nt)
    cum_ls = np.r_[0.0, np.cumsum(src.lengths)]
    cum_lt = np.r_[0.0, np.cumsum(tgt.lengths)]
    Ic, Jc = np.clip(I, 0, ns), np.clip(J, 0, nt)
    la = cum_ls[Ic] - cum_ls[np.clip(Ic - n, 0, ns)]
    lb = cum_lt[Jc] - cum_lt[np.clip(Jc - m, 0, nt)]
    # pairwise sums over the bead
    num = np.zeros(J.shape)
    cog = np.zeros(J.shape)
    cos_num = np.zeros(J.shape)
    cos_max = np.full(J.shape, -np.inf)
    tok_max = np.zeros(J.shape)
    corner: dict[tuple[int, int], np.ndarray] = {}
    ntok_s = np.array([len(t) for t in src.tokens], float)
    ntok_t = np.array([len(t) for t in tgt.tokens], float)
    wa_list = [np.clip(I - 1 - x, 0, ns - 1) for x in range(n)]
    wb_list = [np.clip(J - 1 - y, 0, nt - 1) for y in range(m)]
    ws = src.lengths ** weight_power
    wt = tgt.lengths ** weight_power
    # shared tokens of a merged group: the union over its pairs of the matched tokens of each
    # sentence, so a word that recurs in neighbouring sentences is not counted once per pair
    src_hit = [np.zeros(J.shape, dtype=np.uint64) for _ in range(n)]
    tgt_hit = [np.zeros(J.shape, dtype=np.uint64) for _ in range(m)]
    tok_sum = np.zeros(J.shape)
    for x in range(n):
        a = I - 1 - x
        for y in range(m):
            b = J - 1 - y
            tk = grid.gather(te.tok, a, b, valid, 0.0)
            tok_sum += tk
            src_hit[x] |= grid.gather(te.tok_src, a, b, valid, 0, np.uint64)
            tgt_hit[y] |= grid.gather(te.tok_tgt, a, b, valid, 0, np.uint64)
            if merged:
                tok_max = np.maximum(tok_max, 2 * tk / np.maximum(ntok_s[wa_list[x]] + ntok_t[wb_list[y]], 1))
            num += grid.gather(te.num, a, b, valid, 0.0)
            cog += grid.gather(te.cog, a, b, valid, 0.0)
            if ve is not None:
                cv = grid.gather(ve.cos, a, b, valid, np.nan)
                cos_num += ws[wa_list[x]] * wt[wb_list[y]] * cv
                if merged:
                    cos_max = np.fmax(cos_max, cv)
                    if (x, y) in ((0, 0), (n - 1, m - 1)):
                        corner[(x, y)] = cv
    tok = sum(popcount(h) for h in src_hit) + sum(popcount(h) for h in tgt_hit)
    del src_hit, tgt_hit
    # the masks hold a sentence's first 64 tokens: a group with a longer sentence (joined
    # sentences on the coarse levels of the band search) counts its pairs' matches instead
    over = (block_sum((ntok_s > MASK_BITS).astype(float), I, n)
            + block_sum((ntok_t > MASK_BITS).astype(float), J, m)) > 0
    tok = np.where(over, 2 * tok_sum, tok)
    ntok_a = block_sum(ntok_s, I, n)
    ntok_b = block_sum(ntok_t, J, m)
    nnum_a = block_sum(np.array([len(t) for t in src.numbers], float), I, n)
    nnum_b = block_sum(np.array([len(t) for t in tgt.numbers], float), J, m)
    ncog_a = block_sum(np.array([len(t) for t in src.cognates], float), I, n)
    ncog_b = block_sum(np.array([len(t) for t in tgt.cognates], float), J, m)
    X = _Columns(J.shape, FEATURES)
    X["bias"] = 1.0
    has_vec = np.zeros(J.shape, dtype=bool)
    if ve is not None:
        na = block_norm(ws, ve.adj_src, I, n)
        nb = block_norm(wt, ve.adj_tgt, J, m)
        with np.errstate(all="ignore"):
            cos = cos_num / (na * nb)
            knn_a = block_wmean(ws, ve.knn_src, I, n)
            knn_b = block_wmean(wt, ve.knn_tgt, J, m)
        margin = cos - 0.5 * (knn_a + knn_b)
        has_vec = valid & np.isfinite(cos) & np.isfinite(margin)
        X["cos"] = np.where(has_vec, cos, 0.0)
        X["margin"] = np.where(has_vec, margin, 0.0)
        if merged:
            X["cos_gain"] = np.where(has_vec & np.isfinite(cos_max), cos - cos_max, 0.0)
        if n > 1 and m > 1:
            split = np.fmin(corner[(0, 0)], corner[(n - 1, m - 1)])
            X["cos_split"] = np.where(has_vec & np.isfinite(split), split, 0.0)
        nbr = neighbour_cos(grid, ve.cos, I, J, n, m, ws, wt, na, nb, valid)
        # a bead with no encoded sentence just outside it (the whole of a short document) is
        # measured against the hubness baseline instead: taking its whole cosine made one bead
        # of every sentence outscore the 1-1 beads of a three-sentence text
        with np.errstate(all="ignore"):
            X["nbr"] = np.where(has_vec & np.isfinite(nbr), cos - nbr, X["margin"])
    z = length_z(la, lb, ratio)
    X["absz"] = np.abs(z)
    X["z2"] = np.minimum(z * z, 25.0)
    with np.errstate(all="ignore"):
        X["tok"] = np.where(ntok_a + ntok_b > 0, np.minimum(1.0, tok / np.maximum(ntok_a + ntok_b, 1)), 0.0)
        X["tok_none"] = (ntok_a + ntok_b == 0).astype(float)
        X["num"] = np.where(nnum_a + nnum_b > 0, np.minimum(1.0, 2 * num / np.maximum(nnum_a + nnum_b, 1)), 0.0)
        X["num_both"] = ((nnum_a > 0) & (nnum_b > 0)).astype(float)
        X["num_one"] = ((nnum_a > 0) ^ (nnum_b > 0)).astype(float)
        X["cog"] = np.where(ncog_a + ncog_b > 0, np.minimum(1.0, 2 * cog / np.maximum(ncog_a + ncog_b, 1)), 0.0)
    X["size"] = np.log1p(la + lb) / 6.0
    with np.errstate(all="ignore"):
        short, long_ = np.minimum(ratio * la, lb), np.maximum(ratio * la, lb)
        X["lenpen"] = np.where(long_ > 0, np.log2(1.0 + short / np.maximum(long_, 1e-9)), 0.0)
    X["nbr_len"] = X["nbr"] * X["lenpen"]
    if merged:
        X["tok_gain"] = X["tok"] - tok_max
    un_a = cuts_parenthesis(src, I, n)
    un_b = cuts_parenthesis(tgt, J, m)
    X["brk_one"] = (un_a ^ un_b).astype(float)
    X["brk_both"] = (un_a & un_b).astype(float)
    return X.array, valid, has_vec


def skip_features(side: Side, other: Side, ev: BandEvidence, as_src: bool) -> tuple[np.ndarray, np.ndarray]:
    """Features of leaving each sentence of ``side`` unaligned (a 1-0 or 0-1 bead): its best
    cosine, margin and shared tokens with a sentence in its reach (``ev.reach``: a fixed
    number of sentences around its expected position, not the band, so the features do not
    change with the band's width), its length, numbers, letters and brackets.

    Returns ``(X, has_vec)`` with ``X`` of shape ``(len(side), len(SKIP_FEATURES))``.
    """
    grid, te, ve = ev.grid, ev.tokens, ev.vectors
    n = len(side)
    X = _Columns((n,), SKIP_FEATURES)
    X["bias"] = 1.0
    ntok = np.array([len(t) for t in side.tokens], float)
    ntok_o = np.array([len(t) for t in other.tokens], float)
    has_vec = np.zeros(n, dtype=bool)
    cols = grid.plo[:, None] + np.arange(grid.width)[None, :]
    src_start, tgt_start = ev.reach
    if as_src:
        inside = grid.valid & (cols >= src_start[:, None]) & (cols <= src_start[:, None] + 2 * REACH)
        oc = np.clip(cols, 0, max(len(other) - 1, 0))
        with np.errstate(all="ignore"):
            dice = np.where(inside, 2 * te.tok / np.maximum(ntok[:, None] + ntok_o[oc], 1), 0.0)
        X["best_tok"] = dice.max(axis=1) if grid.width else 0.0
        if ve is not None:
            cv = np.where(inside, ve.cos, np.nan)
            c = np.where(np.isnan(cv), -np.inf, cv)
            best = c.max(axis=1)
            knn_o = ve.knn_tgt[oc]
            marg = np.where(np.isnan(cv), -np.inf, cv - 0.5 * (ve.knn_src[:, None] + knn_o))
            bm = np.nanmax(np.where(np.isnan(marg), -np.inf, marg), axis=1)
            has_vec = np.isfinite(best) & np.isfinite(bm)
            X["best_cos"] = np.where(has_vec, best, 0.0)
            X["best_margin"] = np.where(has_vec, bm, 0.0)
    else:
        # scatter the pair rows onto target sentences, those in each target's reach
        rows = np.broadcast_to(np.arange(len(other))[:, None], cols.shape)
        tc = np.clip(cols, 0, max(n - 1, 0))
        ok = grid.valid & (rows >= tgt_start[tc]) & (rows <= tgt_start[tc] + 2 * REACH) if n else grid.valid
        b = cols[ok]
        a = rows[ok]
        with np.errstate(all="ignore"):
            dice = 2 * te.tok[ok] / np.maximum(ntok[b] + ntok_o[a], 1)
        best_tok = np.zeros(n)
        np.maximum.at(best_tok, b, dice)
        X["best_tok"] = best_tok
        if ve is not None:
            cv = ve.cos[ok].astype(np.float64)
            mv = cv - 0.5 * (ve.knn_src[a] + ve.knn_tgt[b])
            fin = np.isfinite(cv) & np.isfinite(mv)
            best = np.full(n, -np.inf)
            bm = np.full(n, -np.inf)
            np.maximum.at(best, b[fin], cv[fin])
            np.maximum.at(bm, b[fin], mv[fin])
            has_vec = np.isfinite(best) & np.isfinite(bm)
            X["best_cos"] = np.where(has_vec, best, 0.0)
            X["best_margin"] = np.where(has_vec, bm, 0.0)
    X["loglen"] = np.log1p(side.lengths) / 6.0
    X["has_num"] = np.array([1.0 if t else 0.0 for t in side.numbers])
    X["no_letters"] = np.array([0.0 if _LETTER.search(t) else 1.0 for t in side.texts])
    X["brk"] = cuts_parenthesis(side, np.arange(1, n + 1), 1)
    return X.array, has_vec
