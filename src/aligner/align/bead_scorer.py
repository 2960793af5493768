"""Bead scoring: evidence -> the log-odds that a candidate bead is right.

One small protocol, :class:`BeadScorer`, turns the features of :mod:`.features` into gains
for the DP. The shipped implementation, :class:`LogisticScorer`, is a per-shape logistic
model fitted on dev data (``bench/fit_alignment.py``: the shapes are fitted jointly, each
shape's weights being shared weights plus a penalised deviation of its own; weights in
``aligner/data/alignment/weights.json`` with their provenance). It has one weight set per
encoder (``use``, ``e5``) and one for surface evidence only (``none``); a bead whose
sentences were not all encoded is scored by the surface weights, so encoded and unencoded
regions can share one DP.

The DP maximises the sum of ``logit(p) + bonus`` over beads; ``bonus`` offsets the prior of
the training sample (many more wrong candidates than right ones).

A chosen bead's reported confidence (:meth:`LogisticScorer.calibrated`) is one map for all
models and pairs: the model's own Platt logit of the bead's gain, the bead's kind (1-1, n-m,
1-0 / 0-1), the weaker of its two neighbours, the document's median and how far the DP's best
local alternative without the bead is behind (:func:`alternative_margins`), through one
logistic map fitted on the pooled dev pairs (``bench/calibrate_alignment.py``), so that beads
reported at 0.9 are right about 90% of the time whatever the pair and encoder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from .._version import alignment_weights_text, alignment_weights_version
from .features import (
    FEATURES,
    SKIP_FEATURES,
    BandEvidence,
    bead_features,
    length_z,
    skip_features,
)
from .sides import Side, Window

__all__ = ["CALIBRATION_FEATURES", "BeadScorer", "Gains", "LogisticScorer", "alternative_margins", "bake",
           "calibration_features", "join_clause_margins", "join_margin", "load_scorer", "peel_margin", "release_gain",
           "shape_key", "shape_prior", "shift_margin", "split_margins", "weights_version"]

_PARAGRAPH_PENALTY = 1.0  # log-odds per paragraph break inside a merged group (not fitted)
#: The length prior (``LogisticScorer.length_prior``) weighs in full on a document whose
#: median best 1-1 falls this many log-odds short of ``anchor_gain``, in proportion below
#: (not fitted; 1-4 give the same strict F1 within 0.005 on the dev sets but panl, 2 keeps panl).
_LENGTH_PRIOR_SHORTFALL = 2.0
#: The gains of a band are worked out this many nodes at a time (a block of rows): the
#: features behind them take about 400 bytes a node while they are computed.
_NODES_PER_BLOCK = 1 << 18


#: Beads of this many sentences or more (1-4, 2-3, 3-2, 4-1, ...) share one weight set.
BIG = 5


def shape_key(n: int, m: int) -> str:
    """Name of a bead shape's weights: ``"2-1"``; beads of :data:`BIG` sentences or more
    share ``"5+"`` (too few of each in the dev data for weights of their own)."""
    if n == 0 or m == 0:
        return "1-0" if m == 0 else "0-1"
    if n + m >= BIG:
        return "5+"
    return f"{n}-{m}"


@dataclass(frozen=True)
class Gains:
    """The DP's input: gains of every n-m shape at every node and of every skip bead."""

    beads: dict[tuple[int, int], np.ndarray]
    skip_src: np.ndarray
    skip_tgt: np.ndarray
    shift: float = 0.0  # added to every n-m bead's gain (see LogisticScorer.anchor_gain)

    def at(self, window: Window, a: int, b: int, dn: int, dm: int) -> float:
        """The gain of the ``dn``-``dm`` bead ending at node ``(a, b)`` (``shift`` included;
        ``-inf`` off the band or for a shape without gains)."""
        if dm == 0:
            return float(self.skip_src[a - 1])
        if dn == 0:
            return float(self.skip_tgt[b - 1])
        table = self.beads.get((dn, dm))
        k = b - int(window.lo[a])
        if table is None or not 0 <= k < window.width:
            return -np.inf
        return float(table[a, k])


class BeadScorer(Protocol):
    """Turns the evidence of a band into DP gains (log-odds of a right bead, plus a bonus)."""

    name: str

    def gains(self, src: Side, tgt: Side, window: Window, ev: BandEvidence,
              shapes: tuple[tuple[int, int], ...], ratio: float) -> Gains:
        """Gains for every shape in ``shapes`` at every node of ``window``."""
        ...

    def confidence(self, gain: np.ndarray) -> np.ndarray:
        """The model's own probability that a chosen bead with this gain is right."""
        ...

    def calibrated(self, gain: np.ndarray, shapes: Sequence[tuple[int, int]],
                   margins: np.ndarray | None = None) -> np.ndarray:
        """The reported confidence of the chosen beads of one document, in path order
        (``margins``: how far each bead's best local alternative is behind it, in DP gain)."""
        ...


#: Inputs of the pooled confidence map, per chosen bead (see :func:`calibration_features`).
CALIBRATION_FEATURES = ("bias", "z", "nm", "skip", "nm_z", "skip_z", "nbr_z", "doc_z", "alt", "doc_regroup",
                        "doc_regroup_one")
_Z_RANGE = (-10.0, 12.0)  # model logits are clipped to this before the map (beyond: no news)
_ALT_RANGE = (0.0, 8.0)  # alternative margins (log-odds) are clipped to this before the map
_ALT_FLOOR = 0.5  # a document's median margin is read as at least this (log-odds)
#: a document's share of beads with two or more sentences on both sides is read times this, at
#: most 1 (a share of 0.2 is already a translator who regroups often), and counted as if the
#: document had ``_REGROUP_PRIOR_BEADS`` more beads, none of them such, so that one 2-2 bead of a
#: three-sentence text does not read as a document that regroups everything (not fitted)
_REGROUP_SCALE = 5.0
_REGROUP_PRIOR_BEADS = 20


def calibration_features(z: np.ndarray, shapes: Sequence[tuple[int, int]],
                         alt: np.ndarray | None = None) -> np.ndarray:
    """One row of :data:`CALIBRATION_FEATURES` per chosen bead of a document (path order).

    ``z`` is the model's Platt logit of each bead (clipped to ``_Z_RANGE``); ``nm`` marks beads
    of more than one sentence on a side, ``skip`` 1-0 / 0-1 beads; ``nbr_z`` is the lower of
    the two neighbours' logits (a wrong bead seldom comes alone), ``doc_z`` the document's
    median logit (how much evidence the pair has at all). ``alt`` are the beads' alternative
    margins in the model's log-odds (:func:`alternative_margins` times the Platt slope): the
    feature is each bead's margin (clipped to ``_ALT_RANGE``) as a share of the document's
    median margin (at least ``_ALT_FLOOR``), at most 1, so that it reads the same whatever the
    scale of the model's gains: below 1 where the bead is one of several plausible readings
    (a piece of a bigger bead, a bead with a neighbour's sentence glued on); 1 when no margins
    are given. ``doc_regroup`` is the document's share of beads with two or more sentences on
    both sides (times ``_REGROUP_SCALE``, shrunk by ``_REGROUP_PRIOR_BEADS``, at most 1),
    ``doc_regroup_one`` the same on its 1-1 beads only: a translator who regroups sentences
    across their boundaries (a literary translation) leaves sure-looking 1-1 pieces of 2-2
    regroupings behind, which news, whose merges are one-sided, does not (the map learns it
    from NTREX documents with clauses moved across sentence boundaries, see
    ``bench/calibrate_alignment.py``). Linear in the number of beads.
    """
    zc = np.clip(np.asarray(z, dtype=float), *_Z_RANGE)
    if not len(zc):
        return np.zeros((0, len(CALIBRATION_FEATURES)))
    n = np.array([s[0] for s in shapes])
    m = np.array([s[1] for s in shapes])
    skip = ((n == 0) | (m == 0)).astype(float)
    nm = ((n > 1) | (m > 1)).astype(float) * (1.0 - skip)
    nbr = np.minimum(np.r_[zc[:1], zc[:-1]], np.r_[zc[1:], zc[-1:]])
    doc = np.full(len(zc), float(np.median(zc)))
    if alt is None:
        share = np.ones(len(zc))
    else:
        a = np.clip(np.asarray(alt, dtype=float), *_ALT_RANGE)
        share = np.minimum(1.0, a / max(float(np.median(a)), _ALT_FLOOR))
    both = float(((n > 1) & (m > 1)).sum())
    regroup = np.full(len(zc), min(1.0, _REGROUP_SCALE * both / (len(zc) + _REGROUP_PRIOR_BEADS)))
    return np.column_stack([np.ones(len(zc)), zc, nm, skip, nm * zc, skip * zc, nbr, doc, share, regroup,
                            regroup * (1.0 - skip - nm)])


@dataclass(frozen=True)
class LogisticScorer:
    """Per-shape logistic weights for encoder evidence (``enc``) and surface evidence (``surface``)."""

    name: str
    enc: dict[str, np.ndarray] | None
    surface: dict[str, np.ndarray]
    bonus: float = 0.0
    platt: tuple[float, float] = (1.0, 0.0)
    weight_power: float = 1.0
    skip_bonus: float = 0.0
    anchor_gain: float | None = None
    calibration: tuple[float, ...] | None = None  # weights of CALIBRATION_FEATURES; None: Platt only
    #: weight of the length log-likelihood (:func:`length_gain`) added to n-m beads where the
    #: other evidence is weak (see ``_LENGTH_PRIOR_SHORTFALL``)
    length_prior: float = 0.0
    #: weight of Gale and Church's bead prior (:func:`shape_prior`), added to every bead where
    #: the other evidence is weak, in the same proportion as ``length_prior``
    shape_prior: float = 0.0

    def _w(self, table: dict[str, np.ndarray], n: int, m: int) -> tuple[np.ndarray, float]:
        key = shape_key(n, m)
        extra = -2.0 * max(0, n + m - BIG)  # beyond the fitted sizes: 2 log-odds a sentence
        return table[key], extra

    def gains(self, src: Side, tgt: Side, window: Window, ev: BandEvidence,
              shapes: tuple[tuple[int, int], ...], ratio: float) -> Gains:
        """See :class:`BeadScorer`."""
        out: dict[tuple[int, int], np.ndarray] = {}
        n_rows = len(window.lo)
        step = max(1, _NODES_PER_BLOCK // max(window.width, 1))
        for n, m in shapes:
            if n == 0 or m == 0:
                continue
            # a block of rows at a time: the features of the whole band (20 float64 columns
            # per node and the arrays behind them) would be most of a long pair's memory
            blocks = [self._block_gains(src, tgt, window, ev, n, m, ratio, (r0, min(n_rows, r0 + step)))
                      for r0 in range(0, n_rows, step)]
            out[(n, m)] = blocks[0] if len(blocks) == 1 else np.concatenate(blocks)
        shift = self._shift(out.get((1, 1)))
        weight = self.length_prior * min(1.0, shift / _LENGTH_PRIOR_SHORTFALL)
        if weight and (1, 1) in out:
            # where the other evidence falls short, Gale and Church's length model is a second
            # opinion on every n-m bead, its z-scores read against how far lengths stray at
            # this document's anchors
            spread = self._length_spread(src, tgt, window, out[(1, 1)], ratio)
            cs, ct = np.r_[0.0, np.cumsum(src.lengths)], np.r_[0.0, np.cumsum(tgt.lengths)]
            for (n, m), g in out.items():
                for r0 in range(0, n_rows, step):
                    r1 = min(n_rows, r0 + step)
                    la, lb = _group_lengths(cs, ct, window, n, m, (r0, r1))
                    g[r0:r1] += (weight * length_gain(la, lb, ratio, spread)).astype(np.float32)
        prior = self.shape_prior * min(1.0, shift / _LENGTH_PRIOR_SHORTFALL)
        if prior:
            # and Gale and Church's odds of each bead shape: with little else to go on, a big
            # bead costs what the small ones it stands for would, and a skip more than a merge
            out = {(n, m): g + np.float32(prior * shape_prior(n, m)) for (n, m), g in out.items()}
        if shift:
            out = {k: v + np.float32(shift) for k, v in out.items()}
        skips = []
        for side, other, as_src, key in ((src, tgt, True, "1-0"), (tgt, src, False, "0-1")):
            Xs, hv = skip_features(side, other, ev, as_src)
            g = Xs @ self.surface[key]
            if self.enc is not None and hv.any():
                g = np.where(hv, Xs @ self.enc[key], g)
            skips.append(g + self.bonus + self.skip_bonus + prior * shape_prior(1, 0))
        return Gains(out, skips[0], skips[1], shift)

    def _block_gains(self, src: Side, tgt: Side, window: Window, ev: BandEvidence, n: int, m: int,
                     ratio: float, rows: tuple[int, int]) -> np.ndarray:
        """The gains of the n-m bead at the nodes of the window's ``rows`` (float32)."""
        X, valid, has_vec = bead_features(src, tgt, window, ev, n, m, ratio, self.weight_power, rows)
        ws, extra = self._w(self.surface, n, m)
        g = X @ ws
        if self.enc is not None and has_vec.any():
            we, _ = self._w(self.enc, n, m)
            g = np.where(has_vec, X @ we, g)
        del X
        g = g + extra + self.bonus
        if (n > 1 or m > 1) and (src.paragraphs is not None or tgt.paragraphs is not None):
            g = g - _PARAGRAPH_PENALTY * _paragraph_breaks(src, tgt, window, n, m, rows)
        return np.where(valid, g, -np.inf).astype(np.float32)  # halves the memory of the band

    def _length_spread(self, src: Side, tgt: Side, window: Window, g11: np.ndarray, ratio: float) -> float:
        """How far lengths stray at the document's anchors, in Gale-Church standard deviations:
        the root mean square z-score of the best 1-1 bead of each source sentence, over the
        sentences whose best 1-1 is at least even odds (1 when there are fewer than 5)."""
        if not g11.size:
            return 1.0
        k = np.argmax(g11, axis=1)
        best = g11[np.arange(len(k)), k]
        rows = np.flatnonzero(np.isfinite(best) & (best >= 0.0))
        if len(rows) < 5:
            return 1.0
        j = window.lo[rows] + k[rows]
        la, lb = src.lengths[rows - 1], tgt.lengths[j - 1]
        z = length_z(la, lb, ratio)
        return float(np.clip(np.sqrt(np.median(z * z) / 0.455), 0.5, 4.0))

    def _shift(self, g11: np.ndarray | None) -> float:
        """How far the document's evidence falls short: ``anchor_gain`` minus the median over
        source sentences of their best 1-1 gain in the band (0 when it does not fall short).

        Where every signal is weak (an encoder that never saw the language, scripts that share
        no tokens), every bead looks unlikely and one big bead costs less than the several
        small ones it replaces; adding the shortfall to every n-m bead (not to 1-0 / 0-1) gives
        the small beads their due, so merges, omissions and insertions need evidence of their
        own and the alignment falls back on length. Confidences use the unshifted gains.
        """
        if self.anchor_gain is None or g11 is None or not g11.size:
            return 0.0
        best = g11.max(axis=1)
        best = best[np.isfinite(best)]
        if not len(best):
            return 0.0
        return max(0.0, float(self.anchor_gain) - float(np.median(best)))

    def confidence(self, gain: np.ndarray) -> np.ndarray:
        """See :class:`BeadScorer`: ``sigmoid(a * gain + b)`` (Platt scaling fitted on dev)."""
        return 1.0 / (1.0 + np.exp(-self._logit(gain)))

    def _logit(self, gain: np.ndarray) -> np.ndarray:
        a, b = self.platt
        return a * np.asarray(gain, dtype=float) + b

    def calibrated(self, gain: np.ndarray, shapes: Sequence[tuple[int, int]],
                   margins: np.ndarray | None = None) -> np.ndarray:
        """See :class:`BeadScorer`: the pooled map of :func:`calibration_features` (the
        model's Platt scaling alone, :meth:`confidence`, when no map is set); ``margins``:
        :func:`alternative_margins` of the beads (in DP gain; none: no bead has a close second)."""
        if self.calibration is None:
            return self.confidence(gain)
        alt = None if margins is None else self.platt[0] * np.asarray(margins, dtype=float)
        X = calibration_features(self._logit(gain), shapes, alt)
        return 1.0 / (1.0 + np.exp(-(X @ np.asarray(self.calibration, dtype=float))))


def _margin(gains: Gains, window: Window, shapes: Sequence[tuple[int, int]], start: tuple[int, int],
            end: tuple[int, int], bead: tuple[int, int, int, int], own: float) -> float:
    """On the rectangle of nodes from ``start`` to ``end`` only: the best sum of gains of a
    monotone path of beads that contains ``bead`` (``(i, di, j, dj)``, gain ``own``) minus the
    best of one that does not (one DP pass, two scores a node)."""
    (a0, b0), (a1, b1) = start, end
    cols = b1 - b0 + 1
    with_b = [-np.inf] * ((a1 - a0 + 1) * cols)  # paths through the bead, node by node
    without = list(with_b)
    without[0] = 0.0
    i, di, j, dj = bead
    for a in range(a0, a1 + 1):
        for b in range(b0, b1 + 1):
            if a == a0 and b == b0:
                continue
            u = v = -np.inf
            for dn, dm in shapes:
                pa, pb = a - dn, b - dm
                if pa < a0 or pb < b0:
                    continue
                q = (pa - a0) * cols + pb - b0
                if pa == i and pb == j and dn == di and dm == dj:
                    u = max(u, without[q] + own)
                    continue
                if without[q] == -np.inf and with_b[q] == -np.inf:
                    continue
                g = gains.at(window, a, b, dn, dm)
                u = max(u, with_b[q] + g)
                v = max(v, without[q] + g)
            with_b[(a - a0) * cols + b - b0], without[(a - a0) * cols + b - b0] = u, v
    return float(with_b[-1] - without[-1])


def alternative_margins(path: Sequence[tuple[int, int, int, int]], gains: Gains, window: Window,
                        bead_gains: np.ndarray, reach: int = 2) -> np.ndarray:
    """Per bead of ``path`` (``(i, di, j, dj)``), how many log-odds (DP gain) the best reading
    of its stretch (the bead and ``reach`` beads on each side; 2 held out better than 1 on
    Text+Berg's and panl's confident wrong beads, docs/benchmarks.md) that keeps the bead is ahead of
    the best reading that does not: small where the DP had a close second (a merge of the bead
    with a neighbour, a sentence moved across its boundary, an edge sentence left out).
    ``bead_gains`` (unshifted, as the path carries them) stand in for beads off the band.
    Linear in the number of beads (each stretch is a small DP of its own)."""
    out = np.zeros(len(path))
    shapes = [(1, 0), (0, 1)] + list(gains.beads)
    for k, (i, di, j, dj) in enumerate(path):
        first, last = path[max(0, k - reach)], path[min(len(path) - 1, k + reach)]
        start, end = (first[0], first[2]), (last[0] + last[1], last[2] + last[3])
        own = gains.at(window, i + di, j + dj, di, dj)
        if not np.isfinite(own):
            own = float(bead_gains[k]) + (gains.shift if di and dj else 0.0)
        mine = shapes if (di, dj) in shapes else shapes + [(di, dj)]
        out[k] = _margin(gains, window, mine, start, end, (i, di, j, dj), own)
    return out


#: Gale and Church's log odds of a 1-0 / 0-1 and of a 2-1 / 1-2 bead against a 1-1 (the costs
#: 450 and 230 of their ``align`` program, in hundredths of a natural log; 2-2 at 440 is about
#: two merges).
_GC_SKIP, _GC_MERGE = -4.5, -2.3


def shape_prior(n: int, m: int) -> float:
    """Gale and Church's log odds of an n-m bead against a 1-1: -4.5 for a 1-0 or 0-1 bead,
    -2.3 for each sentence beyond one a side (their 2-1 and 1-2; a 3-1 counts as two merges,
    which they do not allow at all)."""
    if n == 0 or m == 0:
        return _GC_SKIP * (n + m)
    return _GC_MERGE * (n + m - 2)


def _log_erfc(x: np.ndarray) -> np.ndarray:
    """``log(erfc(x))`` for ``x >= 0``, stable for large ``x`` (Chebyshev fit of Numerical
    Recipes' ``erfcc``; within 1e-5 of the exact value)."""
    t = 1.0 / (1.0 + 0.5 * x)
    poly = (-1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628288 + t * (
        0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
    return np.log(t) - x * x + poly


def length_gain(la: np.ndarray, lb: np.ndarray, ratio: float, spread: float = 1.0) -> np.ndarray:
    """Gale and Church's length log-likelihood of beads with source and target lengths
    ``la``, ``lb``, centred: ``1 + log P(|Z| >= |z / spread|)`` of the bead's z-score. It is 1
    where the lengths agree exactly, falls with the mismatch, and averages 0 over right beads
    (``z`` standard normal), so it favours neither more beads nor fewer: one bead that joins
    several gains only if its lengths agree better than theirs."""
    la = np.asarray(la, dtype=float)
    lb = np.asarray(lb, dtype=float)
    z = length_z(la, lb, ratio)
    return 1.0 + _log_erfc(np.abs(z) / (spread * np.sqrt(2.0)))


def _group_lengths(cs: np.ndarray, ct: np.ndarray, window: Window, n: int, m: int,
                   rows: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """Summed lengths of the n source and m target sentences of the bead ending at each node
    of the window's ``rows`` (0 outside the document), from the cumulative lengths ``cs``,
    ``ct`` of the two sides (a 0 first)."""
    first, end = rows
    J = window.cols(rows)
    I = np.broadcast_to(np.arange(first, end)[:, None], J.shape)
    ns, nt = len(cs) - 1, len(ct) - 1
    Ic, Jc = np.clip(I, 0, ns), np.clip(J, 0, nt)
    return cs[Ic] - cs[np.clip(Ic - n, 0, ns)], ct[Jc] - ct[np.clip(Jc - m, 0, nt)]


def _paragraph_breaks(src: Side, tgt: Side, window: Window, n: int, m: int,
                      rows: tuple[int, int] | None = None) -> np.ndarray:
    first, end = rows if rows is not None else (0, len(window.lo))
    J = window.cols((first, end))
    I = np.broadcast_to(np.arange(first, end)[:, None], J.shape)
    out = np.zeros(J.shape)
    for side, ends, size in ((src, I, n), (tgt, J, m)):
        if side.paragraphs is None or size < 2 or len(side) == 0:
            continue
        brk = np.r_[0.0, np.cumsum(side.paragraphs[1:] != side.paragraphs[:-1])]
        e = np.clip(ends - 1, 0, len(side) - 1)
        s = np.clip(ends - size, 0, len(side) - 1)
        out += brk[e] - brk[s]
    return out


@lru_cache(maxsize=8)
def _weights_json() -> dict:
    return json.loads(alignment_weights_text())


#: ``aln-`` and 8 hex digits of the shipped weights' hash (defined in :mod:`aligner._version`).
weights_version = alignment_weights_version


def bake(table: dict[str, np.ndarray], bonus: float, skip_bonus: float) -> dict[str, np.ndarray]:
    """Weights with the per-bead bonus (and the extra skip bonus) folded into the bias."""
    out = {}
    for k, w in table.items():
        w = np.array(w, dtype=float)
        w[0] += bonus + (skip_bonus if k in ("1-0", "0-1") else 0.0)
        out[k] = w
    return out


def join_margin() -> float:
    """How much closer (in cosine) a 1-0 / 0-1 bead's sentence, encoded joined to the bead
    beside it, must bring that bead to its other side for the two to join
    (``aligner.align.aligner.join_skips``; ``join_margin`` in ``weights.json``)."""
    return float(_weights_json().get("join_margin", float("inf")))


def join_clause_margins() -> tuple[float, float]:
    """``(margin, floor)`` of the clause evidence of :func:`aligner.align.aligner.join_skips`: how
    much closer (as a fraction of the way from the document's unrelated pairs' median cosine to
    its 1-1 beads') the other side's clause facing a left-out sentence must be to that sentence
    than to the bead beside it, and how far above the unrelated pairs, for the two to join
    (``join_clause_margins`` in ``weights.json``; none without it). Not fitted: 0.4 / 0.3 were
    chosen on the alignment dev sets, where none of 700 right 1-0 / 0-1 beads beside a bead with
    such a clause passes both (one passes 0.3 / 0.2)."""
    margin, floor = _weights_json().get("join_clause_margins", (float("inf"), float("inf")))
    return float(margin), float(floor)


def pair_margin() -> float:
    """How far (as a fraction of the way from the document's unrelated pairs' median cosine
    to its 1-1 beads' median cosine) adjacent 1-0 and 0-1 beads' sentences must be for the two
    to become one 1-1 bead (``aligner.align.aligner.pair_skips``; ``pair_margin`` in
    ``weights.json``; none without it)."""
    return float(_weights_json().get("pair_margin", float("inf")))


def peel_margin() -> float:
    """How much closer (in cosine) a merged bead without its first or last sentence on one
    side, encoded as whole texts, must be to its other side than the whole bead for that
    sentence to be left out (``aligner.align.aligner.peel_edges``; ``peel_margin`` in
    ``weights.json``; none without it)."""
    return float(_weights_json().get("peel_margin", float("inf")))


def release_gain() -> float:
    """Below how many log-odds a sentence (its DP gain over its sentences) a merged bead whose
    vectors the encoder does not relate is released, so that its sentences may be left out
    (``aligner.align.aligner.release_unsupported``; ``release_gain`` in ``weights.json``; none
    without it). -2 was chosen on the dev sets (not fitted): at -1 a right 1-1 of two short
    sentences inside a merged bead was lost (en-ru, shipped weights), at 0 also a right 2-1 of
    near-even odds on Arabic text written without spaces; Text+Berg held out 0.867 at -1,
    0.866 at -2."""
    return float(_weights_json().get("release_gain", -np.inf))


def shift_margin() -> float:
    """How much the two cosines of neighbouring beads, encoded as whole texts, must rise
    together for the beads to trade the sentence at their boundary
    (``aligner.align.aligner.shift_boundaries``; ``shift_margin`` in ``weights.json``; no trade
    without it)."""
    return float(_weights_json().get("shift_margin", float("inf")))


def regroup_margin() -> float:
    """How far (as a fraction of the way from the document's unrelated pairs' median cosine to
    its 1-1 beads' median cosine) a clause at the boundary of two neighbouring beads must be
    closer to the other bead than to its own, and moved there raise both beads' cosines, for
    the two beads to become one (``aligner.align.aligner.join_regroupings``; ``regroup_margin``
    in ``weights.json``; no join without it). 0.2 was chosen on the dev sets (2 December 06:35,
    after the run peel and the clause join of left-out sentences): Text+Berg in-sample 0.902 ->
    0.910, held out 0.893 -> 0.900, for one join on panl (whose gold keeps a clause moved across
    a sentence boundary in two 1-1 beads: 0.9598 -> 0.9595); 0.15 adds nothing on Text+Berg and
    costs panl one more (0.9593); 0.25 before, where panl did not move at all."""
    return float(_weights_json().get("regroup_margin", float("inf")))


def length_join_margins() -> tuple[float, float]:
    """``(gain, slack)`` of :func:`aligner.align.aligner.join_on_lengths`: a left-out sentence
    joins the bead beside it when Gale and Church's length log-likelihood of the joined bead
    beats the bead's own by more than ``gain`` and the joined texts, encoded whole, are at most
    ``slack`` further (in cosine) from the other side (``length_join_gain``,
    ``length_join_slack`` in ``weights.json``; no join without them)."""
    data = _weights_json()
    return float(data.get("length_join_gain", float("inf"))), float(data.get("length_join_slack", 0.0))


def split_margins() -> tuple[float, float]:
    """``(margin, slack)`` of :func:`aligner.align.aligner.split_merges`: a merged bead is cut
    in two when its two parts, encoded as whole texts, are closer to their own partners than
    to each other's by more than ``margin`` (cosines summed) and neither part is more than
    ``slack`` below the whole bead's cosine (``split_margin``, ``split_slack`` in
    ``weights.json``; no cut without them)."""
    data = _weights_json()
    return float(data.get("split_margin", float("inf"))), float(data.get("split_slack", 0.0))


def load_scorer(encoder: str) -> LogisticScorer:
    """The shipped scorer for ``encoder`` (``none``, ``use``, ``e5``; any other encoder, e.g.
    ``st:PATH``, uses the ``use`` weights, which assume cosines on a similar scale)."""
    data = _weights_json()
    models = data["models"]
    key = encoder if encoder in models else ("use" if encoder != "none" else "none")
    def table(name: str) -> dict[str, np.ndarray]:
        model = models[name]
        return bake({k: np.asarray(v, dtype=float) for k, v in model["weights"].items()},
                    float(model["bonus"]), float(model.get("skip_bonus", 0.0)))

    surface = table("none")
    enc = table(key) if key != "none" else None
    platt = tuple(models[key]["platt"])
    _check(surface)
    if enc:
        _check(enc)
    anchor = data.get("anchor_gain")
    calib = data.get("calibration")
    if calib is not None and list(calib["features"]) != list(CALIBRATION_FEATURES):
        raise ValueError(f"alignment calibration has features {calib['features']}, expected "
                         f"{list(CALIBRATION_FEATURES)}")
    return LogisticScorer(key, enc, surface, 0.0, (float(platt[0]), float(platt[1])),
                          float(data.get("weight_power", 1.0)), 0.0,
                          None if anchor is None else float(anchor),
                          None if calib is None else tuple(float(w) for w in calib["weights"]),
                          float(models[key].get("length_prior", 0.0)),
                          float(models[key].get("shape_prior", 0.0)))


def _check(table: dict[str, np.ndarray]) -> None:
    for k, v in table.items():
        want = len(SKIP_FEATURES) if k in ("1-0", "0-1") else len(FEATURES)
        if len(v) != want:
            raise ValueError(f"alignment weights for {k} have {len(v)} values, expected {want}")
