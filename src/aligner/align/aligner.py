"""Align two documents: content sentences through the banded DP, page furniture set aside.

The pipeline for one pair of sentence lists (:func:`align_texts`):

1. surface evidence for every sentence (lengths, numbers, names, cognates, lexicon);
2. the band: the whole grid for short documents, else recursive downsampling
   (:mod:`.band`), so that time and memory grow linearly with length;
3. with an encoder, every sentence is encoded once when the pair has at most
   ``config.encode_budget`` sentences; longer pairs first get a surface-only DP pass, then the
   sentences of its least confident beads (below ``config.encode_threshold``) and of their
   neighbours are encoded, up to the budget, and the DP runs again with encoder evidence
   where it exists (``encode_threshold=1`` encodes everything);
   with an encoder that knows both languages, where the DP merged sentences the vectors do not
   relate rather than leave them out, it runs again with those sentences free to be left out
   (:func:`release_unsupported`);
4. every bead gets the calibrated probability that it is right (:mod:`.bead_scorer`: the
   model's gain through one map pooled over all dev pairs, with the bead's kind, its
   neighbours, the document's median and how close the DP's best local alternative is as
   inputs; worked out on the final beads, after the checks of step 5);
5. with an encoder that knows both languages, checks of the DP's choices (:func:`pair_skips`,
   :func:`join_skips`, :func:`peel_edges`, :func:`split_merges`, :func:`shift_boundaries`,
   :func:`pair_edges`, :func:`join_regroupings`): an omission and an addition side by side
   become one bead, a left-out sentence joins its neighbour, edge lines leave a merged bead,
   a merged bead is cut in two, two neighbouring beads trade the sentence at their boundary, a
   left-out sentence takes the edge sentence of the merged bead beside it, two neighbouring
   beads become one where a clause at their boundary belongs to the other bead, each only
   where the vectors (the texts encoded whole, for the last six; clauses, for the last and
   for the join of a left-out sentence) say so
   (and, for the trade and the regrouping, the lengths do not disagree); and, after the peel,
   a left-out sentence joins its neighbour where the lengths say so and the vectors do not
   disagree (:func:`join_on_lengths`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

import numpy as np

from ..config import DEFAULT_CONFIG, Config
from ..document import Document
from ..embed import Encoder, get_encoder
from ..embed.coverage import may_know, resolve_encoder
from ..lexicon import Lexicon, load_lexicon
from ..locale_data import usual_length_ratio
from .band import find_window, window_from_path
from .bead_scorer import (
    Gains,
    LogisticScorer,
    alternative_margins,
    join_clause_margins,
    join_margin,
    length_gain,
    length_join_margins,
    load_scorer,
    pair_margin,
    peel_margin,
    regroup_margin,
    release_gain,
    shift_margin,
    split_margins,
)
from .clauses import edge_clause, edge_pieces
from .dp import banded_path, bead_shapes
from .features import band_evidence
from .model import Alignment, Bead
from .sides import Side, Window, aligned_ratio, doc_ratio, make_side

__all__ = ["align", "align_texts", "join_regroupings", "join_skips", "merge_set_aside", "pair_edges",
           "peel_edges", "release_unsupported", "shift_boundaries", "split_merges"]

_LOG = logging.getLogger("aligner")
_COARSE_SHAPES = ((1, 1), (1, 2), (2, 1))
_COARSE_SKIP_PENALTY = 1.0  # log-odds per 1-0 / 0-1 bead when finding the band (not fitted)
_CONTEXT_BEADS = 1  # beads on each side of an uncertain bead whose sentences are encoded too
#: :func:`pair_edges`' ``(margin, slack)``: how far (as a fraction of the way from the document's
#: unrelated to its matched pairs) an n-1 bead's edge sentence and a skip beside it must be, and how
#: much closer the merged bead may encode with the edge than without it (not fitted; chosen on the
#: divergence and alignment dev sets)
_EDGE_MARGINS = (0.0, 0.02)
#: The longest facing piece, in clauses, that the clause tests of :func:`join_skips` and
#: :func:`peel_edges` try (:func:`aligner.align.clauses.edge_pieces`; not fitted: 4 reaches the
#: quoted sentence with its attribution that NTREX en-ja's one dev case needs)
_JOIN_PIECE_CLAUSES = 4
_RELEASE_ROUNDS = 4  # most DP reruns of :func:`release_unsupported`
#: Where a rerun of :func:`release_unsupported` runs along the band's edge, the band is widened
#: by this many sentences around the rerun's path (not fitted: Text+Berg held out gives the same
#: beads at 20, 40 and 80)
_RELEASE_REACH = 20
#: :func:`release_unsupported` runs only where the document's 1-1 beads stand clear of its
#: unrelated pairs: median cosines more than this many standard deviations of the unrelated
#: cosines apart (USE and e5 on translations: 2 or more in nine documents of ten, in every
#: dev set of a language the encoder knows; an unrelated story on the same topic: 0.1; not fitted)
_SEPARATION = 1.0
#: :func:`join_regroupings` encodes the edge clauses of two sentences across a bead boundary only
#: where the sentences' own cosine is this far from the document's unrelated to its matched pairs
#: (not fitted: Text+Berg and panl give the same beads at 0 and 0.3, with 17% fewer texts encoded on panl)
_REGROUP_CROSSED = 0.3

Path = list[tuple[int, int, int, int]]


def _solve(src: Side, tgt: Side, window: Window, scorer: LogisticScorer,
           shapes: tuple[tuple[int, int], ...], lexicon: Lexicon | None,
           prior: float = 1.0) -> tuple[Path, Gains]:
    ev = band_evidence(src, tgt, window, max(max(s) for s in shapes), lexicon)
    nm = tuple(s for s in shapes if s[0] and s[1])
    ratio = doc_ratio(src, tgt, prior)
    gains = scorer.gains(src, tgt, window, ev, nm, ratio)
    path = banded_path(window, len(tgt), gains.beads, gains.skip_src, gains.skip_tgt)
    if scorer.enc is None and (aligned := aligned_ratio(src, tgt, path)) != ratio:
        # surface evidence only: once more with the length ratio of the sentences it aligned
        # (with an encoder the same moved 23 NTREX-multi documents, 5 of them down: not used there)
        gains = scorer.gains(src, tgt, window, ev, nm, aligned)
        path = banded_path(window, len(tgt), gains.beads, gains.skip_src, gains.skip_tgt)
    return path, gains


def _bead_gains(path: Path, gains: Gains, window: Window) -> np.ndarray:
    return np.array([gains.at(window, i + di, j + dj, di, dj) - (gains.shift if di and dj else 0.0)
                     for i, di, j, dj in path], dtype=float)


def _vectors(encoder: object, texts: Sequence[str], mask: np.ndarray) -> np.ndarray | None:
    idx = np.flatnonzero(mask)
    if not len(idx):
        return None
    enc = encoder.encode([texts[int(k)] for k in idx])  # type: ignore[attr-defined]
    out = np.full((len(texts), enc.shape[1]), np.nan, dtype=np.float32)
    out[idx] = enc
    return out


def _uncertain(path: Path, conf: np.ndarray, threshold: float, budget: int, n: int,
               m: int) -> tuple[np.ndarray, np.ndarray]:
    """Sentences to encode: those of beads below ``threshold`` and of their neighbouring beads,
    least confident first, until ``budget`` sentences are chosen."""
    src_mask = np.zeros(n, dtype=bool)
    tgt_mask = np.zeros(m, dtype=bool)
    used = 0
    for k in np.argsort(conf, kind="stable"):
        if conf[k] >= threshold or used >= budget:
            break
        for q in range(max(0, k - _CONTEXT_BEADS), min(len(path), k + _CONTEXT_BEADS + 1)):
            i, di, j, dj = path[q]
            used += int((~src_mask[i : i + di]).sum() + (~tgt_mask[j : j + dj]).sum())
            src_mask[i : i + di] = True
            tgt_mask[j : j + dj] = True
    return src_mask, tgt_mask


def align_texts(src: Sequence[str], tgt: Sequence[str], config: Config = DEFAULT_CONFIG, *,
                src_paragraphs: Sequence[int] | None = None, tgt_paragraphs: Sequence[int] | None = None,
                src_lang: str | None = None, tgt_lang: str | None = None,
                encoder: Encoder | None = None,
                scorers: tuple[LogisticScorer, LogisticScorer | None] | None = None) -> list[Bead]:
    """Align two lists of sentences; bead indices are positions in these lists.

    Paragraph indices (optional) are soft evidence: merges across a paragraph break cost more.
    The languages pick the bilingual lexicon (``config.lexicon``), if one ships for the pair,
    and, with ``config.encoder="auto"``, the encoder (the first that covers both languages,
    :func:`aligner.embed.coverage.resolve_encoder`). ``encoder`` overrides ``config.encoder``
    with an object (e.g. precomputed vectors); ``scorers`` overrides the shipped
    ``(surface, encoder)`` scorers (used when fitting them).

    Example:
        >>> beads = align_texts(["Hello.", "It rains in 2024."], ["Halo.", "Hujan pada 2024."],
        ...                     Config(encoder="none"))
        >>> [(b.src, b.tgt) for b in beads]
        [((0,), (0,)), ((1,), (1,))]
    """
    return _align_texts(src, tgt, config, src_paragraphs, tgt_paragraphs, src_lang, tgt_lang, encoder,
                        scorers)[0]


def _align_texts(src: Sequence[str], tgt: Sequence[str], config: Config,
                 src_paragraphs: Sequence[int] | None, tgt_paragraphs: Sequence[int] | None,
                 src_lang: str | None, tgt_lang: str | None, encoder: Encoder | None,
                 scorers: tuple[LogisticScorer, LogisticScorer | None] | None) -> tuple[list[Bead], str]:
    """:func:`align_texts`, and the name of the encoder used."""
    n, m = len(src), len(tgt)
    enc_name = encoder.name if encoder is not None else resolve_encoder(config.encoder, src_lang, tgt_lang)
    if n == 0 or m == 0:
        return [Bead((i,), (), 1.0) for i in range(n)] + [Bead((), (j,), 1.0) for j in range(m)], enc_name
    shapes = bead_shapes(config.max_bead)
    lexicon = None
    if config.lexicon != "none" and src_lang and tgt_lang:
        lexicon = load_lexicon(src_lang, tgt_lang, config.lexicon)
    s_side = make_side(src, src_paragraphs)
    t_side = make_side(tgt, tgt_paragraphs)
    surface = scorers[0] if scorers else load_scorer("none")
    prior = usual_length_ratio(src_lang, tgt_lang)

    # skips cost more on the coarse levels: there a run of skips is a detour that widens the
    # band of the whole document, and the band's margin absorbs real insertions anyway
    coarse_scorer = replace(surface, skip_bonus=surface.skip_bonus - _COARSE_SKIP_PENALTY)

    def coarse(a: Side, b: Side, w: Window) -> Path:
        return _solve(a, b, w, coarse_scorer, _COARSE_SHAPES, lexicon, prior)[0]

    window = find_window(s_side, t_side, coarse)
    if encoder is None:
        encoder = get_encoder(enc_name, config.encoder_max_chars)
    if encoder is None:
        path, gains = _solve(s_side, t_side, window, surface, shapes, lexicon, prior)
        scorer = surface
    else:
        scorer = scorers[1] if scorers and scorers[1] else load_scorer(enc_name)
        if config.encode_threshold >= 1.0 or n + m <= config.encode_budget:
            src_mask, tgt_mask = np.ones(n, dtype=bool), np.ones(m, dtype=bool)
        else:
            path0, gains0 = _solve(s_side, t_side, window, surface, shapes, lexicon, prior)
            conf0 = surface.confidence(_bead_gains(path0, gains0, window))
            src_mask, tgt_mask = _uncertain(path0, conf0, config.encode_threshold,
                                            config.encode_budget, n, m)
        _LOG.info("encoding %d of %d source and %d of %d target sentences",
                  int(src_mask.sum()), n, int(tgt_mask.sum()), m)
        s_side = s_side.with_vectors(_vectors(encoder, src, src_mask))
        t_side = t_side.with_vectors(_vectors(encoder, tgt, tgt_mask))
        if s_side.vectors is None or t_side.vectors is None:
            s_side, t_side = s_side.with_vectors(None), t_side.with_vectors(None)
        path, gains = _solve(s_side, t_side, window, scorer, shapes, lexicon, prior)
        if s_side.vectors is not None and t_side.vectors is not None and _knows_both(enc_name, src_lang, tgt_lang):
            def wider(w: Window, _s: Side = s_side, _t: Side = t_side, _sc: LogisticScorer = scorer) -> Gains:
                return _solve(_s, _t, w, _sc, shapes, lexicon, prior)[1]

            path, gains, window = release_unsupported(
                path, gains, window, s_side.vectors, t_side.vectors, s_side.lengths ** scorer.weight_power,
                t_side.lengths ** scorer.weight_power, pair_margin(), release_gain(), wider)
    # the checks below carry each bead's DP gain as its "confidence" (they keep it or take the
    # lower of two); the map turns the final beads' gains into confidences
    conf = _bead_gains(path, gains, window)
    if encoder is not None and s_side.vectors is not None and t_side.vectors is not None \
            and _knows_both(enc_name, src_lang, tgt_lang):
        path, conf = pair_skips(path, conf, s_side.vectors, t_side.vectors, pair_margin())
        path, conf = join_skips(path, conf, src, tgt, s_side.vectors, t_side.vectors, encoder,
                                join_margin(), set(shapes), join_clause_margins())
        path, conf = peel_edges(path, conf, src, tgt, s_side.vectors, t_side.vectors, encoder,
                                peel_margin(), set(shapes), join_clause_margins())
        path, conf = join_on_lengths(path, conf, src, tgt, s_side.vectors, t_side.vectors, encoder,
                                     *length_join_margins(), set(shapes),
                                     (s_side.lengths, t_side.lengths, aligned_ratio(s_side, t_side, path)))
        path, conf = split_merges(path, conf, src, tgt, s_side.vectors, t_side.vectors, encoder,
                                  *split_margins(), set(shapes))
        lengths = (s_side.lengths, t_side.lengths, doc_ratio(s_side, t_side, prior))  # for the two passes that weigh them
        path, conf = shift_boundaries(path, conf, src, tgt, s_side.vectors, t_side.vectors, encoder,
                                      shift_margin(), set(shapes), lengths)
        path, conf = pair_edges(path, conf, src, tgt, s_side.vectors, t_side.vectors, encoder, *_EDGE_MARGINS,
                                set(shapes))
        path, conf = join_regroupings(path, conf, src, tgt, s_side.vectors, t_side.vectors, encoder,
                                      regroup_margin(), set(shapes), lengths)
    conf = scorer.calibrated(conf, [(di, dj) for _, di, _, dj in path],
                             alternative_margins(path, gains, window, conf))
    return [Bead(tuple(range(i, i + di)), tuple(range(j, j + dj)), round(float(c), 6))
            for (i, di, j, dj), c in zip(path, conf)], enc_name


def release_unsupported(path: Path, gains: Gains, window: Window, src_vec: np.ndarray, tgt_vec: np.ndarray,
                        src_w: np.ndarray, tgt_w: np.ndarray, margin: float, max_gain: float,
                        wider: Callable[[Window], Gains] | None = None) -> tuple[Path, Gains, Window]:
    """The DP again, where it merged sentences that the encoder does not relate: a bead of
    three or more sentences with some on each side, whose gain is below ``max_gain`` log-odds
    a sentence (a least-bad choice, not a likely bead) and whose two groups (the ``src_w`` /
    ``tgt_w``-weighted sums of the unit vectors, as the DP scores a group) and every pair of its
    sentences are less than ``margin`` of the way from the document's unrelated pairs to its
    matched pairs in cosine (:func:`_cosine_levels`, as in :func:`pair_skips`), lets each of
    its sentences be left out (a 1-0 / 0-1 bead) for what it cost in the bead, and the DP runs again on the same band (at most ``_RELEASE_ROUNDS``
    times, while new such beads appear).

    A merge needs positive evidence. A model fitted on texts with few untranslated lines makes
    every 1-0 / 0-1 bead dear, so a run of lines with no counterpart (a passage present in one
    version only) is cheaper spread over big beads of unrelated sentences than left out; here
    leaving such a bead's sentences out costs no more than the bead, so the DP keeps the bead
    only if the rest of its path says so, and sentences with a partner elsewhere can reach it.
    Only where the encoder separates the document's partners at all (``_SEPARATION``): in two
    unrelated texts every bead is unsupported, and releasing them would leave only the chance
    pairs that look best. Skips are not made cheaper anywhere else; the path's confidences
    still come from the model's own gains. No encoder call; one DP run per round.

    The band was drawn around a path that merged those sentences, so the rerun's path may run
    along its edge: then (once, with ``wider``, which gives the gains on a band) the band is
    widened by ``_RELEASE_REACH`` sentences around that path, its own nodes keep their gains,
    and the DP runs again (Text+Berg: a German line whose partner follows 34 French lines that
    the German leaves out). Returns the path and the gains and band it was found on.
    """
    levels = _cosine_levels(path, src_vec, tgt_vec)  # the document's, on the DP's first path
    if levels is None or levels[1] - levels[0] <= _SEPARATION * levels[2]:
        return path, gains, window
    low, high, _ = levels
    skip_s, skip_t = gains.skip_src.copy(), gains.skip_tgt.copy()
    for _ in range(_RELEASE_ROUNDS):
        changed = False
        for (i, di, j, dj), g in zip(path, _bead_gains(path, gains, window)):
            if not di or not dj or di + dj < 3:
                continue
            a, b = src_vec[i : i + di], tgt_vec[j : j + dj]
            if not (np.isfinite(a).all() and np.isfinite(b).all()):
                continue
            per = (float(g) + gains.shift) / (di + dj)
            pairs = (a / np.linalg.norm(a, axis=1, keepdims=True)) @ (b / np.linalg.norm(b, axis=1, keepdims=True)).T
            c = max(_cos(src_w[i : i + di] @ a, tgt_w[j : j + dj] @ b), float(pairs.max()))
            if per >= max_gain or (c - low) / (high - low) >= margin:
                continue
            for skips, start, size in ((skip_s, i, di), (skip_t, j, dj)):
                low_part = skips[start : start + size] < per
                if low_part.any():
                    skips[start : start + size][low_part] = per
                    changed = True
        if not changed:
            return path, gains, window
        path = banded_path(window, len(tgt_vec), gains.beads, skip_s, skip_t)
        if wider is not None and _on_edge(path, window, len(tgt_vec)):
            # the released sentences may now be left out, and the path runs along the band: a
            # band drawn around a path that merged them may not reach their neighbours' partners
            window, gains = _widened(window, gains, path, len(src_vec), len(tgt_vec), wider)
            wider = None
            path = banded_path(window, len(tgt_vec), gains.beads, skip_s, skip_t)
    return path, gains, window


def _on_edge(path: Path, window: Window, n_tgt: int) -> bool:
    """Does ``path`` pass a node on the edge of the band (not of the document)?"""
    lo, last = window.lo, window.lo + window.width - 1
    for i, di, j, dj in path:
        r, c = i + di, j + dj
        if (c == lo[r] and lo[r] > 0) or (c == last[r] and last[r] < n_tgt):
            return True
    return False


def _widened(window: Window, gains: Gains, path: Path, n: int, m: int,
             wider: Callable[[Window], Gains]) -> tuple[Window, Gains]:
    """``window`` joined with a band of ``_RELEASE_REACH`` sentences around ``path``, and the
    gains on it: those of ``window``'s nodes as they were, ``wider``'s on the new nodes
    (shifted as ``gains`` are), so that the DP only gains reach."""
    around = window_from_path(path, n, m, 1, _RELEASE_REACH)
    lo = np.minimum(window.lo, around.lo)
    width = min(m + 1, int((np.maximum(window.lo + window.width, around.lo + around.width) - lo).max()))
    if width <= window.width:
        return window, gains
    big = Window(np.minimum(lo, m + 1 - width), width, window.centre)  # no node beyond the document; same centre
    lo = big.lo
    new = wider(big)
    rows = np.arange(len(lo))[:, None]
    cols = (window.lo - lo)[:, None] + np.arange(window.width)[None, :]
    beads = {}
    for key, g in new.beads.items():
        out = g + np.float32(gains.shift - new.shift)
        out[rows, cols] = gains.beads[key]
        beads[key] = out
    return big, Gains(beads, gains.skip_src, gains.skip_tgt, gains.shift)


def _knows_both(encoder: str, src_lang: str | None, tgt_lang: str | None) -> bool:
    """May the DP's rerun (:func:`release_unsupported`) and the whole-text checks after it
    (:func:`pair_skips`, :func:`join_skips`, :func:`peel_edges`, :func:`split_merges`,
    :func:`shift_boundaries`, :func:`pair_edges`) trust ``encoder``'s cosines? Not where its recorded languages leave
    one side out: an encoder never trained on a language cannot tell a joined text's cosine
    from noise (USE on en-fi lost 0.02-0.04 strict F1 to them). Unknown languages or encoders: trusted, as before."""
    if not (src_lang and tgt_lang):
        return True
    return may_know(encoder, src_lang, tgt_lang)


def pair_skips(path: Path, conf: np.ndarray, src_vec: np.ndarray, tgt_vec: np.ndarray,
               margin: float) -> tuple[Path, np.ndarray]:
    """Adjacent 1-0 and 0-1 beads (either order) become one 1-1 bead when the encoder says the
    two sentences are partners: their cosine sits more than ``margin`` of the way from the
    document's unrelated pairs (median cosine of neighbouring 1-1 beads' crossed sentences) to
    its matched pairs (median cosine of its 1-1 beads), and each sentence is closer to the
    other than to any sentence of the beads beside the two.

    A translation that drops a clause is shorter, so the DP may leave it and its source as an
    omission and an addition side by side; paired, the fidelity flags can type the partial
    omission. Positive evidence only: no pairing without at least three encoded 1-1 beads to
    compare with; sentences without vectors take no part; the new bead keeps the lower of the
    two beads' confidences. Linear in the number of beads; no encoder call.
    """
    n_beads = len(path)
    ok_s, ok_t = np.isfinite(src_vec).all(axis=1), np.isfinite(tgt_vec).all(axis=1)  # encoded sentences
    scale = _cosine_scale(path, src_vec, tgt_vec)
    if scale is None:
        return path, conf
    low, high = scale
    out: Path = []
    conf_out: list[float] = []
    k = 0
    while k < n_beads:
        b1 = path[k]
        b2 = path[k + 1] if k + 1 < n_beads else None
        if b2 is not None and {(b1[1], b1[3]), (b2[1], b2[3])} == {(1, 0), (0, 1)}:
            x = b1[0] if b1[1] else b2[0]
            y = b1[2] if b1[3] else b2[2]
            if ok_s[x] and ok_t[y]:
                c = _cos(src_vec[x], tgt_vec[y])
                nbr_s, nbr_t = [], []
                for q in (k - 1, k + 2):
                    if 0 <= q < n_beads:
                        i, di, j, dj = path[q]
                        nbr_s += [a for a in range(i, i + di) if ok_s[a]]
                        nbr_t += [a for a in range(j, j + dj) if ok_t[a]]
                rivals = [_cos(src_vec[x], tgt_vec[a]) for a in nbr_t] + [_cos(src_vec[a], tgt_vec[y]) for a in nbr_s]
                if (c - low) / (high - low) > margin and c > max(rivals, default=-np.inf):
                    out.append((x, 1, y, 1))
                    conf_out.append(min(float(conf[k]), float(conf[k + 1])))
                    k += 2
                    continue
        out.append(b1)
        conf_out.append(float(conf[k]))
        k += 1
    return out, np.array(conf_out)


def _cosine_scale(path: Path, src_vec: np.ndarray, tgt_vec: np.ndarray) -> tuple[float, float] | None:
    """The document's cosine of unrelated pairs (median over the crossed sentences of
    neighbouring encoded 1-1 beads) and of matched pairs (median over its encoded 1-1 beads);
    ``None`` with fewer than three such beads, two crossed pairs, or matched not above unrelated."""
    levels = _cosine_levels(path, src_vec, tgt_vec)
    return None if levels is None else levels[:2]


def _cosine_levels(path: Path, src_vec: np.ndarray, tgt_vec: np.ndarray) -> tuple[float, float, float] | None:
    """:func:`_cosine_scale` and the standard deviation of the unrelated pairs' cosines."""
    ok_s, ok_t = np.isfinite(src_vec).all(axis=1), np.isfinite(tgt_vec).all(axis=1)
    ones = [k for k, (i, di, j, dj) in enumerate(path) if di == 1 and dj == 1 and ok_s[i] and ok_t[j]]
    if len(ones) < 3:
        return None
    matched = [_cos(src_vec[path[k][0]], tgt_vec[path[k][2]]) for k in ones]
    unrelated: list[float] = []
    for a, b in zip(ones, ones[1:]):
        if b == a + 1:
            unrelated += [_cos(src_vec[path[a][0]], tgt_vec[path[b][2]]),
                          _cos(src_vec[path[b][0]], tgt_vec[path[a][2]])]
    if len(unrelated) < 2:
        return None
    low, high = float(np.median(unrelated)), float(np.median(matched))
    return (low, high, float(np.std(unrelated))) if high > low else None


def pair_edges(path: Path, conf: np.ndarray, src: Sequence[str], tgt: Sequence[str],
               src_vec: np.ndarray, tgt_vec: np.ndarray, encoder: Encoder, margin: float, slack: float,
               shapes: set[tuple[int, int]]) -> tuple[Path, np.ndarray]:
    """A 0-1 (1-0) bead beside a merged bead with two or more source (target) sentences takes
    the merged bead's edge sentence next to it, and the two become a 1-1 bead and the merged
    bead less that sentence, when the encoder pairs the edge sentence with the skip's: their
    cosine sits more than ``margin`` of the way from the document's unrelated pairs to its
    matched pairs (as in :func:`pair_skips`) and is above the edge sentence's cosine with every
    other-side sentence of the merged bead and the skip sentence's with every other sentence of
    the merged bead, and the merged bead without it, encoded as whole texts, is at most
    ``slack`` further from its other side than with it.

    A translation that drops a clause from a sentence is shorter; the DP may then join the
    sentence's source to its neighbour's (an n-1 bead whose mean vector is still close) and
    leave the shortened translation as an addition. Positive evidence only: sentences without
    vectors take no part, the rest must be a shape the DP allows, one move per bead (the
    candidates with the higher cosine first), one encoder call for all of a document's
    candidates (linear); both new beads keep the lower of the two confidences.
    """
    scale = _cosine_scale(path, src_vec, tgt_vec)
    if scale is None:
        return path, conf
    low, high = scale
    ok = (np.isfinite(src_vec).all(axis=1), np.isfinite(tgt_vec).all(axis=1))
    vecs = (src_vec, tgt_vec)
    # (skip bead, merged bead, side of the merged bead's several sentences (0 source, 1 target), edge, skip
    # sentence, their cosine)
    cands: list[tuple[int, int, int, int, int, float]] = []
    for k, (i, di, j, dj) in enumerate(path):
        if di + dj != 1:
            continue
        side = 0 if dj else 1  # a 0-1 skip takes a source sentence
        y = j if dj else i
        if not ok[1 - side][y]:
            continue
        for k2 in (k - 1, k + 1):
            if not 0 <= k2 < len(path):
                continue
            i2, di2, j2, dj2 = path[k2]
            ids, other = (range(i2, i2 + di2), range(j2, j2 + dj2)) if side == 0 else \
                (range(j2, j2 + dj2), range(i2, i2 + di2))
            if len(ids) < 2 or not len(other) or ((di2 - 1, dj2) if side == 0 else (di2, dj2 - 1)) not in shapes \
                    or not ok[side][list(ids)].all() or not ok[1 - side][list(other)].all():
                continue
            x = ids[-1] if k2 < k else ids[0]
            c = _cos(vecs[side][x], vecs[1 - side][y])
            rivals = [_cos(vecs[side][x], vecs[1 - side][b]) for b in other] \
                + [_cos(vecs[side][a], vecs[1 - side][y]) for a in ids if a != x]
            if (c - low) / (high - low) > margin and c > max(rivals):
                cands.append((k, k2, side, x, y, c))
    if not cands:
        return path, conf

    def groups(k2: int, side: int, x: int) -> tuple[_Group, _Group, _Group]:
        i2, di2, j2, dj2 = path[k2]
        s_ids, t_ids = tuple(range(i2, i2 + di2)), tuple(range(j2, j2 + dj2))
        mine, other = (s_ids, t_ids) if side == 0 else (t_ids, s_ids)
        return (side == 0, mine), (side == 0, tuple(a for a in mine if a != x)), (side != 0, other)

    vec = _group_vectors([g for _, k2, side, x, _, _ in cands for g in groups(k2, side, x)], src, tgt, src_vec,
                         tgt_vec, encoder)
    out = list(path)
    conf_out = [float(c) for c in conf]
    used: set[int] = set()
    for k, k2, side, x, y, _ in sorted(cands, key=lambda cand: -cand[5]):
        whole, rest, partner = (vec[g] for g in groups(k2, side, x))
        if k in used or k2 in used or _cos(rest, partner) < _cos(whole, partner) - slack:
            continue
        i2, di2, j2, dj2 = path[k2]
        first = k2 > k  # the edge is the merged bead's first sentence
        if side == 0:
            out[k], out[k2] = (x, 1, y, 1), ((i2 + 1, di2 - 1, j2, dj2) if first else (i2, di2 - 1, j2, dj2))
        else:
            out[k], out[k2] = (y, 1, x, 1), ((i2, di2, j2 + 1, dj2 - 1) if first else (i2, di2, j2, dj2 - 1))
        conf_out[k] = conf_out[k2] = min(conf_out[k], conf_out[k2])
        used |= {k, k2}
    return out, np.array(conf_out)


def join_skips(path: Path, conf: np.ndarray, src: Sequence[str], tgt: Sequence[str],
               src_vec: np.ndarray, tgt_vec: np.ndarray, encoder: Encoder, margin: float,
               shapes: set[tuple[int, int]],
               clause_margins: tuple[float, float] | None = None) -> tuple[Path, np.ndarray]:
    """A 1-0 / 0-1 bead joins the bead beside it when the joined sentences, encoded as one
    text, are closer to that bead's other side than its own sentences are (by more than
    ``margin`` in cosine), or when a clause says so: the clause of the other side that faces
    the left-out sentence (the last clause of the bead's last other-side sentence for a
    sentence after the bead, the first clause of its first for one before it;
    :func:`aligner.align.clauses.edge_clause`) is closer to the left-out sentence than to the
    bead's own side, by ``clause_margins[0]`` of the way from the document's unrelated to its
    matched pairs (the levels of :func:`pair_skips`), and at least ``clause_margins[1]`` of that
    way from the unrelated pairs (no clause evidence with ``None``). Either is positive evidence that the sentence is part of the
    translation, not left out.

    The DP scores a joined group by the mean of its sentences' vectors, which a sentence that
    carries only part of the meaning pulls away from the other side; encoding the joined text
    tells a translation split in two from an omission. A short sentence whose content the
    other side carries as one clause of a long sentence (``Nun begannen die Erkundungen :`` for
    ``..., et que les reconnaissances purent commencer .``) moves the long sentence's vector too
    little to be seen whole; its clause sees it. Only sentences with vectors take part, two
    encoder calls for all candidates (a few per document: linear), and the joined bead must be
    a shape the DP allows; it keeps the neighbour's confidence.
    """
    cands, wanted = _skip_joins(path, shapes)
    if not cands:
        return path, conf
    vec = _group_vectors([g for groups in wanted for g in groups], src, tgt, src_vec, tgt_vec, encoder)
    scale = _cosine_scale(path, src_vec, tgt_vec) if clause_margins is not None else None
    facing = _facing_pieces(cands, wanted, src, tgt, src_vec, tgt_vec, encoder, _JOIN_PIECE_CLAUSES) \
        if scale is not None else {}
    gains: list[tuple[float, int]] = []
    for c, (joined, mine_g, other_g) in enumerate(wanted):
        vs = [vec[g] for g in (joined, mine_g, other_g)]
        if not all(np.isfinite(v).all() for v in vs):
            continue
        gain = _cos(vs[0], vs[2]) - _cos(vs[1], vs[2])
        k, _, on_src, x = cands[c]
        if gain <= margin and scale is not None and clause_margins is not None:
            side_vec = src_vec if on_src else tgt_vec
            home = [vs[1], *(side_vec[a] for a in mine_g[1])]
            if _pieces_carry(side_vec[x], home, facing.get(c, ()), scale, clause_margins):
                gain = margin + 1e-6  # joins, after every candidate the whole texts support
        gains.append((gain, c))
    chosen: list[_SkipJoin] = []
    used: set[int] = set()
    for gain, c in sorted(gains, reverse=True):
        k, k2, _, _ = cands[c]
        if gain <= margin or k in used or k2 in used:
            continue
        chosen.append(cands[c])
        used |= {k, k2}
    return _apply_joins(path, conf, chosen)


#: A left-out sentence that could join the bead beside it: (its 1-0 / 0-1 bead, the neighbour
#: bead, is it a source sentence?, its position).
_SkipJoin = tuple[int, int, bool, int]


def _skip_joins(path: Path, shapes: set[tuple[int, int]]
                ) -> tuple[list[_SkipJoin], list[tuple[_Group, _Group, _Group]]]:
    """Every 1-0 / 0-1 bead of ``path`` beside a bead with sentences on both sides that could
    take it in (the joined bead a shape the DP allows), and for each the groups of the
    neighbour's side with the sentence joined, without it, and of its other side."""
    cands: list[_SkipJoin] = []
    for k, (i, di, j, dj) in enumerate(path):
        if di and dj:
            continue
        on_src = dj == 0
        x = i if on_src else j
        for k2 in (k - 1, k + 1):
            if not 0 <= k2 < len(path) or not path[k2][1] or not path[k2][3]:
                continue
            i2, di2, j2, dj2 = path[k2]
            if ((di2 + 1, dj2) if on_src else (di2, dj2 + 1)) not in shapes:
                continue
            cands.append((k, k2, on_src, x))
    wanted = []  # (joined, mine, other) groups of each candidate
    for _k, k2, on_src, x in cands:
        i2, di2, j2, dj2 = path[k2]
        s_ids, t_ids = tuple(range(i2, i2 + di2)), tuple(range(j2, j2 + dj2))
        mine, other = (s_ids, t_ids) if on_src else (t_ids, s_ids)
        wanted.append(((on_src, tuple(sorted(mine + (x,)))), (on_src, mine), (not on_src, other)))
    return cands, wanted


def _joined_bead(bead: tuple[int, int, int, int], on_src: bool, x: int) -> tuple[int, int, int, int]:
    """``bead`` with the neighbouring sentence ``x`` of its source (or target) side taken in."""
    i, di, j, dj = bead
    return (min(i, x), di + 1, j, dj) if on_src else (i, di, min(j, x), dj + 1)


def _apply_joins(path: Path, conf: np.ndarray, joins: Iterable[_SkipJoin]) -> tuple[Path, np.ndarray]:
    """``path`` with each join made (no two sharing a bead): the neighbour takes the left-out
    sentence in and keeps its confidence; the 1-0 / 0-1 bead goes."""
    out: list[tuple[int, int, int, int] | None] = list(path)
    for k, k2, on_src, x in joins:
        out[k2], out[k] = _joined_bead(path[k2], on_src, x), None
    keep = [q for q, b in enumerate(out) if b is not None]
    return [out[q] for q in keep], np.array([conf[q] for q in keep])  # type: ignore[misc]


def _facing_clauses(cands: Sequence[tuple[int, int, bool, int]],
                    wanted: Sequence[tuple[_Group, _Group, _Group]], src: Sequence[str], tgt: Sequence[str],
                    src_vec: np.ndarray, tgt_vec: np.ndarray, encoder: Encoder) -> dict[int, np.ndarray]:
    """For each candidate of :func:`join_skips` (by position) whose facing other-side sentence
    has two or more clauses and whose sentences all have vectors, the vector of the clause
    that faces the left-out sentence (one encoder call)."""
    return {c: v[0] for c, v in _facing_pieces(cands, wanted, src, tgt, src_vec, tgt_vec, encoder, 1).items()}


def _facing_pieces(cands: Sequence[tuple[int, int, bool, int]],
                   wanted: Sequence[tuple[_Group, _Group, _Group]], src: Sequence[str], tgt: Sequence[str],
                   src_vec: np.ndarray, tgt_vec: np.ndarray, encoder: Encoder,
                   max_clauses: int) -> dict[int, list[np.ndarray]]:
    """:func:`_facing_clauses` with the facing edge pieces of one to ``max_clauses`` clauses
    (:func:`aligner.align.clauses.edge_pieces`), a vector each, shortest first (one encoder call)."""
    ok_s, ok_t = np.isfinite(src_vec).all(axis=1), np.isfinite(tgt_vec).all(axis=1)
    texts: dict[int, tuple[str, ...]] = {}
    for c, ((k, k2, on_src, x), (_, mine, other)) in enumerate(zip(cands, wanted)):
        ids = other[1]
        if not (ok_s if on_src else ok_t)[x] or not all((ok_t if on_src else ok_s)[a] for a in ids) \
                or not all((ok_s if on_src else ok_t)[a] for a in mine[1]):
            continue
        after = k2 < k  # the left-out sentence follows the bead: its last clauses face it
        pieces = edge_pieces((tgt if on_src else src)[ids[-1] if after else ids[0]], first=not after,
                             max_clauses=max_clauses)
        if pieces:
            texts[c] = pieces
    if not texts:
        return {}
    enc = _encode_texts([t for ts in texts.values() for t in ts], encoder)
    return {c: [enc[t] for t in ts] for c, ts in texts.items()}


def peel_edges(path: Path, conf: np.ndarray, src: Sequence[str], tgt: Sequence[str],
               src_vec: np.ndarray, tgt_vec: np.ndarray, encoder: Encoder, margin: float,
               shapes: set[tuple[int, int]],
               clause_margins: tuple[float, float] | None = None) -> tuple[Path, np.ndarray]:
    """The converse of :func:`join_skips`: the first or last sentences of a side of a merged
    bead (a run of one or more at one edge) are left out (a 1-0 / 0-1 bead each) when the bead
    without them, encoded as whole texts, is closer to the other side than the whole bead is
    (by more than ``margin``).

    A merge needs positive evidence: a caption, a note or a stray line that the DP joined to
    its neighbour (its mean-vector cost was lower than a run of skips) pulls the joined text
    away from the other side. A run, not only one line: OCR debris often comes in several
    lines (a caption, its photo credit, stray marks), and each alone moves the joined text too
    little to be seen. One edge run per bead (the largest gain), one encoder call for all of a
    document's merged beads (linear: at most ``max_bead`` runs a bead); the rest must be a shape
    the DP allows; all the beads keep the merged bead's confidence.

    A single line stays where the other side's clause facing it carries it: the test of
    :func:`join_skips` with ``clause_margins`` (the clause of the other side's sentence at that
    edge closer to the line than to the rest of the bead, by ``clause_margins[0]`` of the way from
    the document's unrelated to its matched pairs, and ``clause_margins[1]`` of that way above the
    unrelated). A translator who folds a short sentence into the end of the previous one leaves
    the joined text's vector near the long sentence alone; the clause sees the fold (one more
    encoder call for the few beads about to be peeled).
    """
    cands: list[tuple[int, bool, tuple[int, ...]]] = []  # (bead, side is source, the run left out)
    for k, (i, di, j, dj) in enumerate(path):
        if not di or not dj or di + dj < 3:
            continue
        for on_src, start, size in ((True, i, di), (False, j, dj)):
            for r in range(1, size):
                if ((di - r, dj) if on_src else (di, dj - r)) not in shapes:
                    continue
                cands.append((k, on_src, tuple(range(start, start + r))))
                cands.append((k, on_src, tuple(range(start + size - r, start + size))))
    if not cands:
        return path, conf
    wanted = []  # ((source, target) of the whole bead, (source, target) without the run)
    for k, on_src, run in cands:
        i, di, j, dj = path[k]
        s_ids, t_ids = tuple(range(i, i + di)), tuple(range(j, j + dj))
        rest = tuple(a for a in (s_ids if on_src else t_ids) if a not in run)
        full = ((True, s_ids), (False, t_ids))
        peeled = ((True, rest), full[1]) if on_src else (full[0], (False, rest))
        wanted.append((full, peeled))
    vec = _group_vectors([g for pairs in wanted for pair in pairs for g in pair], src, tgt, src_vec, tgt_vec,
                         encoder)
    best: dict[int, tuple[float, bool, tuple[int, ...]]] = {}
    for (k, on_src, run), (full, peeled) in zip(cands, wanted):
        vs = [vec[g] for g in (*full, *peeled)]
        if not all(np.isfinite(v).all() for v in vs):
            continue
        gain = _cos(vs[2], vs[3]) - _cos(vs[0], vs[1])
        if gain > margin and gain > best.get(k, (-np.inf, True, ()))[0]:
            best[k] = (gain, on_src, run)
    if best and clause_margins is not None:
        for k in _carried_by_clauses(path, best, src, tgt, src_vec, tgt_vec, encoder, clause_margins):
            del best[k]
    if not best:
        return path, conf
    out: list[tuple[int, int, int, int]] = []
    conf_out: list[float] = []
    for k, (i, di, j, dj) in enumerate(path):
        if k not in best:
            out.append((i, di, j, dj))
            conf_out.append(float(conf[k]))
            continue
        _, on_src, run = best[k]
        r = len(run)
        first = run[0] == (i if on_src else j)
        if on_src:
            skips = [(x, 1, j if first else j + dj, 0) for x in run]
            kept = (i + r, di - r, j, dj) if first else (i, di - r, j, dj)
        else:
            skips = [(i if first else i + di, 0, x, 1) for x in run]
            kept = (i, di, j + r, dj - r) if first else (i, di, j, dj - r)
        out.extend([*skips, kept] if first else [kept, *skips])
        conf_out.extend([float(conf[k])] * (r + 1))
    return out, np.array(conf_out)


def _carried_by_clauses(path: Path, peels: dict[int, tuple[float, bool, tuple[int, ...]]],
                        src: Sequence[str], tgt: Sequence[str], src_vec: np.ndarray, tgt_vec: np.ndarray,
                        encoder: Encoder, clause_margins: tuple[float, float]) -> list[int]:
    """The beads of ``peels`` (bead -> (gain, side is source, run)) whose run is one line that
    the other side's facing clause carries (the clause test of :func:`join_skips`)."""
    scale = _cosine_scale(path, src_vec, tgt_vec)
    if scale is None:
        return []
    ok_s, ok_t = np.isfinite(src_vec).all(axis=1), np.isfinite(tgt_vec).all(axis=1)
    tests: dict[int, tuple[tuple[str, ...], int, _Group]] = {}  # bead -> (facing pieces, the line, the rest)
    for k, (_, on_src, run) in peels.items():
        if len(run) != 1:
            continue
        i, di, j, dj = path[k]
        x = run[0]
        mine = tuple(range(i, i + di)) if on_src else tuple(range(j, j + dj))
        other = tuple(range(j, j + dj)) if on_src else tuple(range(i, i + di))
        last = x == mine[-1]
        rest = tuple(a for a in mine if a != x)
        ok_mine, ok_other = (ok_s, ok_t) if on_src else (ok_t, ok_s)
        if not all(ok_mine[a] for a in mine) or not all(ok_other[a] for a in other):
            continue
        pieces = edge_pieces((tgt if on_src else src)[other[-1] if last else other[0]], first=not last,
                             max_clauses=_JOIN_PIECE_CLAUSES)
        if pieces:
            tests[k] = (pieces, x, (on_src, rest))
    if not tests:
        return []
    piece_vec = _encode_texts([p for t in tests.values() for p in t[0]], encoder)
    rest_vec = _group_vectors([t[2] for t in tests.values()], src, tgt, src_vec, tgt_vec, encoder)
    kept = []
    for k, (pieces, x, group) in tests.items():
        side_vec = src_vec if group[0] else tgt_vec
        home = [rest_vec[group], *(side_vec[a] for a in group[1])]
        if _pieces_carry(side_vec[x], home, [piece_vec[p] for p in pieces], scale, clause_margins):
            kept.append(k)
    return kept


def _pieces_carry(line: np.ndarray, home: Sequence[np.ndarray], pieces: Iterable[np.ndarray],
                  scale: tuple[float, float], margins: tuple[float, float]) -> bool:
    """The clause test of :func:`join_skips` and :func:`peel_edges`: one of the other side's
    facing ``pieces`` is closer to the ``line`` than to every text of its ``home`` (the bead's
    side encoded whole and each of its sentences) by ``margins[0]`` of the way from the
    document's unrelated to its matched pairs (``scale``), and ``margins[1]`` of that way above
    the unrelated."""
    low, high = scale
    for piece in pieces:
        own = _cos(line, piece)
        if (own - max(_cos(h, piece) for h in home)) / (high - low) > margins[0] \
                and (own - low) / (high - low) > margins[1]:
            return True
    return False


def join_on_lengths(path: Path, conf: np.ndarray, src: Sequence[str], tgt: Sequence[str],
                    src_vec: np.ndarray, tgt_vec: np.ndarray, encoder: Encoder, gain: float, slack: float,
                    shapes: set[tuple[int, int]],
                    lengths: tuple[np.ndarray, np.ndarray, float]) -> tuple[Path, np.ndarray]:
    """A 1-0 / 0-1 bead joins the bead beside it when the lengths say so and the encoder does
    not object: Gale and Church's length log-likelihood of the joined bead (``lengths``: the
    sentence lengths of both sides and the target/source ratio of the aligned sentences) beats
    the neighbour's own by more than ``gain``, and the joined texts, encoded whole, are at most
    ``slack`` further (in cosine) from the other side than the neighbour's own, and, where the
    other-side sentence that faces the left-out one has two or more clauses, its facing clause
    (:func:`aligner.align.clauses.edge_clause`, as in :func:`join_skips`) is closer to the
    left-out sentence than to the neighbour's own side.

    The converse of :func:`join_skips`, which joins on the encoder's word: where the encoder
    knows one language poorly or a short line carries little meaning (a closing quote's
    attribution, the second half of a split sentence), the joined text's cosine hardly moves,
    and only the lengths tell a translation split in two from an omission. Both signals take
    part: the lengths must speak clearly and the encoder must not contradict them. The clause
    test keeps a long line that is long for another reason (a clause added to it) from taking
    in a left-out neighbour whose content it does not hold. Only beads whose sentences all have
    vectors take part; the joined bead must be a shape the DP allows; the best length gain
    first, one join a bead; the joined bead keeps the neighbour's confidence. Two encoder calls
    for all of a document's candidates (linear).
    """
    src_len, tgt_len, ratio = lengths
    ok_s, ok_t = np.isfinite(src_vec).all(axis=1), np.isfinite(tgt_vec).all(axis=1)
    all_cands, all_wanted = _skip_joins(path, shapes)
    cands: list[_SkipJoin] = []
    wanted: list[tuple[_Group, _Group, _Group]] = []
    gains: list[float] = []  # of the lengths, joined against the neighbour alone
    for cand, groups in zip(all_cands, all_wanted):
        _, k2, on_src, x = cand
        i2, di2, j2, dj2 = path[k2]
        if not (ok_s if on_src else ok_t)[x] or not (ok_s[i2 : i2 + di2].all() and ok_t[j2 : j2 + dj2].all()):
            continue
        g = _length_fit((_joined_bead(path[k2], on_src, x),), src_len, tgt_len, ratio) \
            - _length_fit((path[k2],), src_len, tgt_len, ratio)
        if g > gain:
            cands.append(cand)
            wanted.append(groups)
            gains.append(g)
    if not cands:
        return path, conf
    vec = _group_vectors([g for groups in wanted for g in groups], src, tgt, src_vec, tgt_vec, encoder)
    facing = _facing_clauses(cands, wanted, src, tgt, src_vec, tgt_vec, encoder)

    def agrees(c: int) -> bool:
        (_, _, on_src, x), (joined, mine, other) = cands[c], wanted[c]
        if not _cos(vec[joined], vec[other]) >= _cos(vec[mine], vec[other]) - slack:
            return False
        clause = facing.get(c)
        return clause is None or _cos((src_vec if on_src else tgt_vec)[x], clause) > _cos(vec[mine], clause)

    chosen: list[_SkipJoin] = []
    used: set[int] = set()
    for _, c in sorted(zip(gains, range(len(cands))), reverse=True):
        k, k2, _, _ = cands[c]
        if k in used or k2 in used or not agrees(c):
            continue
        chosen.append(cands[c])
        used |= {k, k2}
    return _apply_joins(path, conf, chosen)


def split_merges(path: Path, conf: np.ndarray, src: Sequence[str], tgt: Sequence[str],
                 src_vec: np.ndarray, tgt_vec: np.ndarray, encoder: Encoder, margin: float, slack: float,
                 shapes: set[tuple[int, int]]) -> tuple[Path, np.ndarray]:
    """A merged bead with two or more sentences on each side becomes two beads when one of its
    cuts pairs up on its own: encoded as whole texts, each source part is closer to its own
    target part than to the other one, ``cos(s1, t1) + cos(s2, t2) - cos(s1, t2) - cos(s2, t1)
    > margin``, and neither part is more than ``slack`` below the whole bead's cosine.

    A merge needs positive evidence: two translation units side by side (a 2-1 and a 1-2
    chosen as one 3-3) encode as two good pairs whose halves do not cross; a sentence regrouped
    across the boundary (a literary 2-2) leaves one part far below the whole. The best cut
    (largest difference) of each bead; both parts must be shapes the DP allows and keep the
    merged bead's confidence; beads with unencoded sentences take no part; one encoder call for
    all of a document's merged beads (linear).
    """
    cands: list[tuple[int, int, int]] = []  # (bead, source sentences, target sentences of part 1)
    for k, (i, di, j, dj) in enumerate(path):
        if di < 2 or dj < 2 or not np.isfinite(src_vec[i : i + di]).all() \
                or not np.isfinite(tgt_vec[j : j + dj]).all():
            continue
        cands.extend((k, a, b) for a in range(1, di) for b in range(1, dj)
                     if (a, b) in shapes and (di - a, dj - b) in shapes)
    if not cands:
        return path, conf
    parts = []  # (whole source, whole target, s1, s2, t1, t2) groups of each candidate
    for k, a, b in cands:
        i, di, j, dj = path[k]
        s_ids, t_ids = tuple(range(i, i + di)), tuple(range(j, j + dj))
        parts.append(((True, s_ids), (False, t_ids), (True, s_ids[:a]), (True, s_ids[a:]),
                      (False, t_ids[:b]), (False, t_ids[b:])))
    vec = _group_vectors([g for groups in parts for g in groups], src, tgt, src_vec, tgt_vec, encoder)
    best: dict[int, tuple[float, int, int]] = {}
    for (k, a, b), groups in zip(cands, parts):
        s, t, s1, s2, t1, t2 = (vec[g] for g in groups)
        if not all(np.isfinite(v).all() for v in (s, t, s1, s2, t1, t2)):
            continue
        c11, c22 = _cos(s1, t1), _cos(s2, t2)
        cross = c11 + c22 - _cos(s1, t2) - _cos(s2, t1)
        if cross > margin and min(c11, c22) >= _cos(s, t) - slack and cross > best.get(k, (-np.inf, 0, 0))[0]:
            best[k] = (cross, a, b)
    if not best:
        return path, conf
    out: Path = []
    conf_out: list[float] = []
    for k, (i, di, j, dj) in enumerate(path):
        if k in best:
            _, a, b = best[k]
            out.extend([(i, a, j, b), (i + a, di - a, j + b, dj - b)])
            conf_out.extend([float(conf[k])] * 2)
        else:
            out.append((i, di, j, dj))
            conf_out.append(float(conf[k]))
    return out, np.array(conf_out)


def shift_boundaries(path: Path, conf: np.ndarray, src: Sequence[str], tgt: Sequence[str],
                     src_vec: np.ndarray, tgt_vec: np.ndarray, encoder: Encoder, margin: float,
                     shapes: set[tuple[int, int]],
                     lengths: tuple[np.ndarray, np.ndarray, float] | None = None) -> tuple[Path, np.ndarray]:
    """Two neighbouring beads trade the sentence at their boundary (the last of one side of the
    first bead moves to the second, or the first of the second to the first) when, encoded as
    whole texts, the two new beads are closer to their other sides than the two old ones:
    each of the two cosines rises and their sum by more than ``margin``, and (with ``lengths``:
    the sentence lengths of both sides and the document's target/source ratio) Gale and Church's
    length likelihood of the two beads does not fall.

    A merge needs positive evidence on both of its edges: the DP scores a group by the mean of
    its sentences' vectors, so a short sentence that ends one translation unit can land at the
    start of the next (a 1-1 + 1-3 for the gold 1-2 + 1-2). Both signals must agree: an encoder
    that favours longer texts (e5) raises the cosine of a bead that takes on a related sentence
    while the lengths say the sentence belongs where it was. Only beads with a sentence on each
    side take part; the moved sentence leaves a group of two or more; both new beads must be
    shapes the DP allows; beads with unencoded sentences take no part; the best move of each
    pair of beads, pairs that share a bead taken best first; both new beads keep the lower of
    the two confidences. Moves the lengths reject are not encoded; one encoder call for all of a
    document's candidates (linear).
    """
    ok_s, ok_t = np.isfinite(src_vec).all(axis=1), np.isfinite(tgt_vec).all(axis=1)
    cands: list[tuple[int, tuple[int, int, int, int], tuple[int, int, int, int]]] = []
    for k in range(len(path) - 1):
        (i, di, j, dj), (i2, di2, j2, dj2) = path[k], path[k + 1]
        if not (di and dj and di2 and dj2) or not (ok_s[i : i2 + di2].all() and ok_t[j : j2 + dj2].all()):
            continue
        moves = []
        if di >= 2:
            moves.append(((i, di - 1, j, dj), (i2 - 1, di2 + 1, j2, dj2)))
        if di2 >= 2:
            moves.append(((i, di + 1, j, dj), (i2 + 1, di2 - 1, j2, dj2)))
        if dj >= 2:
            moves.append(((i, di, j, dj - 1), (i2, di2, j2 - 1, dj2 + 1)))
        if dj2 >= 2:
            moves.append(((i, di, j, dj + 1), (i2, di2, j2 + 1, dj2 - 1)))
        cands.extend((k, a, b) for a, b in moves if (a[1], a[3]) in shapes and (b[1], b[3]) in shapes
                     and (lengths is None or _length_fit((a, b), *lengths) >= _length_fit(path[k : k + 2], *lengths)))
    if not cands:
        return path, conf

    def groups(b: tuple[int, int, int, int]) -> tuple[_Group, _Group]:
        return (True, tuple(range(b[0], b[0] + b[1]))), (False, tuple(range(b[2], b[2] + b[3])))

    wanted = [g for k, a, b in cands for bead in (path[k], path[k + 1], a, b) for g in groups(bead)]
    vec = _group_vectors(wanted, src, tgt, src_vec, tgt_vec, encoder)

    def cos(b: tuple[int, int, int, int]) -> float:
        gs, gt = groups(b)
        return _cos(vec[gs], vec[gt])

    best: dict[int, tuple[float, tuple[int, int, int, int], tuple[int, int, int, int]]] = {}
    for k, a, b in cands:
        da, db = cos(a) - cos(path[k]), cos(b) - cos(path[k + 1])
        if min(da, db) > 0.0 and da + db > margin and da + db > best.get(k, (-np.inf,))[0]:
            best[k] = (da + db, a, b)
    out: list[tuple[int, int, int, int]] = list(path)
    conf_out = [float(c) for c in conf]
    used: set[int] = set()
    for k, (_, a, b) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        if k in used or k + 1 in used:
            continue
        low = min(conf_out[k], conf_out[k + 1])
        out[k], out[k + 1] = a, b
        conf_out[k] = conf_out[k + 1] = low
        used |= {k, k + 1}
    return out, np.array(conf_out)


def join_regroupings(path: Path, conf: np.ndarray, src: Sequence[str], tgt: Sequence[str],
                     src_vec: np.ndarray, tgt_vec: np.ndarray, encoder: Encoder, margin: float,
                     shapes: set[tuple[int, int]],
                     lengths: tuple[np.ndarray, np.ndarray, float] | None = None) -> tuple[Path, np.ndarray]:
    """Two neighbouring beads with sentences on both sides become one bead when a clause at
    their boundary belongs across it: the last clause of the first bead's last sentence on one
    side (or the first clause of the second bead's first sentence) is closer to the edge clause
    of the other side's sentence across the boundary (the first clause of the second bead's
    first sentence there; the whole sentence if it has one clause) than to its own bead's
    sentence there, and moved to the other bead (encoded as whole texts) it raises both beads'
    cosines, each of the three by more than ``margin`` of the way from the document's unrelated
    to its matched pairs (the levels of :func:`pair_skips`); the two beads encoded whole as one
    are at least as close as either bead alone, and (with ``lengths``, as in
    :func:`shift_boundaries`) Gale and Church's length likelihood of the joined bead is no worse
    than the worse bead's.

    A literary translation moves a clause across a sentence boundary (German sentence 1 is
    French sentence 1 and the start of French sentence 2), which sentence beads can only hold
    as one 2-2 (or larger) bead; each half, cut at the sentence boundary, still looks like a
    sure 1-1 bead, so only evidence below the sentence tells them apart. Clauses come from
    :func:`aligner.align.clauses.edge_clause` (punctuation of every script). Linear: the edge
    clauses of two sentences across a boundary are encoded only where the two sentences' own
    cosine is ``_REGROUP_CROSSED`` of the way from the document's unrelated to its matched pairs,
    and the moved and joined texts only for clauses closer across; two encoder calls a document.
    The joined bead must be a shape the DP allows and keeps the lower of the two confidences;
    pairs that share a bead are taken best first; beads with unencoded sentences take no part.
    """
    scale = _cosine_scale(path, src_vec, tgt_vec)
    if scale is None:
        return path, conf
    low, high = scale
    need = margin * (high - low)
    ok_s, ok_t = np.isfinite(src_vec).all(axis=1), np.isfinite(tgt_vec).all(axis=1)
    # the edge clauses (clause, rest of its sentence) of each pair's four sentences at the boundary,
    # by (pair, on the source side?, moved to the first bead?); None for a sentence of one clause
    cuts: dict[tuple[int, bool, bool], tuple[str, str] | None] = {}
    for k in range(len(path) - 1):
        (i, di, j, dj), (i2, di2, j2, dj2) = path[k], path[k + 1]
        if not (di and dj and di2 and dj2) or (di + di2, dj + dj2) not in shapes \
                or not (ok_s[i : i2 + di2].all() and ok_t[j : j2 + dj2].all()):
            continue
        joined = (i, di + di2, j, dj + dj2)
        if lengths is not None and _length_fit([joined], *lengths) < min(_length_fit([path[k]], *lengths),
                                                                          _length_fit([path[k + 1]], *lengths)):
            continue
        s1, s2, t1, t2 = i + di - 1, i2, j + dj - 1, j2
        # a clause crossing the boundary pairs with the other side's sentence across it: the first
        # bead's last source sentence with the second bead's first target sentence, and so on
        for (x_s, x_t), ends in (((s1, t2), ((True, False), (False, True))), ((s2, t1), ((True, True), (False, False)))):
            if _cos(src_vec[x_s], tgt_vec[x_t]) <= low + _REGROUP_CROSSED * (high - low):
                continue
            for on_src, to_first in ends:
                cuts[(k, on_src, to_first)] = edge_clause(src[x_s] if on_src else tgt[x_t], first=to_first)
    if not any(cuts.values()):
        return path, conf
    clause_vec = _encode_texts((c[0] for c in cuts.values() if c), encoder)

    def texts(side: Sequence[str], start: int, size: int) -> list[str]:
        return [side[a] for a in range(start, start + size)]

    moved: list[tuple[int, float, tuple[str, str], tuple[str, str]]] = []  # (pair, x, new first, new second bead)
    for (k, on_src, to_first), cut in cuts.items():
        if cut is None:
            continue
        clause, rest = cut
        (i, di, j, dj), (i2, di2, j2, dj2) = path[k], path[k + 1]
        # its counterpart: the edge clause across the boundary (the whole sentence if it has one clause)
        mate = cuts[(k, not on_src, not to_first)]
        if mate is not None:
            across = clause_vec[mate[0]]
        elif on_src:
            across = tgt_vec[j + dj - 1] if to_first else tgt_vec[j2]
        else:
            across = src_vec[i + di - 1] if to_first else src_vec[i2]
        if on_src:
            own = tgt_vec[j2] if to_first else tgt_vec[j + dj - 1]
        else:
            own = src_vec[i2] if to_first else src_vec[i + di - 1]
        x = _cos(clause_vec[clause], across) - _cos(clause_vec[clause], own)
        if x <= need:
            continue
        a_s, a_t, b_s, b_t = texts(src, i, di), texts(tgt, j, dj), texts(src, i2, di2), texts(tgt, j2, dj2)
        if on_src and to_first:
            a_s, b_s = [*a_s[:-1], a_s[-1] + " " + clause], [rest, *b_s[1:]]
        elif on_src:
            a_s, b_s = [*a_s[:-1], rest], [clause + " " + b_s[0], *b_s[1:]]
        elif to_first:
            a_t, b_t = [*a_t[:-1], a_t[-1] + " " + clause], [rest, *b_t[1:]]
        else:
            a_t, b_t = [*a_t[:-1], rest], [clause + " " + b_t[0], *b_t[1:]]
        moved.append((k, x, (" ".join(a_s), " ".join(a_t)), (" ".join(b_s), " ".join(b_t))))
    if not moved:
        return path, conf
    wanted: list[str] = []
    for k in dict.fromkeys(m[0] for m in moved):
        (i, di, j, dj), (i2, di2, j2, dj2) = path[k], path[k + 1]
        wanted += [" ".join(texts(src, i, di + di2)), " ".join(texts(tgt, j, dj + dj2))]
        wanted += [t for t in (" ".join(texts(src, i, di)), " ".join(texts(tgt, j, dj)),
                               " ".join(texts(src, i2, di2)), " ".join(texts(tgt, j2, dj2))) if t]
    wanted += [t for _, _, a, b in moved for t in (*a, *b)]
    vec = _encode_texts(wanted, encoder)

    def bead_cos(b: tuple[int, int, int, int]) -> float:
        return _cos(vec[" ".join(texts(src, b[0], b[1]))], vec[" ".join(texts(tgt, b[2], b[3]))])

    best: dict[int, float] = {}
    for k, x, a, b in moved:
        c1, c2 = bead_cos(path[k]), bead_cos(path[k + 1])
        i, di, j, dj = path[k]
        union = bead_cos((i, di + path[k + 1][1], j, dj + path[k + 1][3]))
        score = min(x, _cos(vec[a[0]], vec[a[1]]) - c1, _cos(vec[b[0]], vec[b[1]]) - c2)
        if score > need and union >= max(c1, c2) and score > best.get(k, -np.inf):
            best[k] = score
    out: Path = []
    conf_out: list[float] = []
    chosen: set[int] = set()
    for k, _ in sorted(best.items(), key=lambda kv: -kv[1]):
        if not {k - 1, k, k + 1} & chosen:
            chosen.add(k)
    k = 0
    while k < len(path):
        if k in chosen:
            (i, di, j, dj), (_, di2, _, dj2) = path[k], path[k + 1]
            out.append((i, di + di2, j, dj + dj2))
            conf_out.append(min(float(conf[k]), float(conf[k + 1])))
            k += 2
            continue
        out.append(path[k])
        conf_out.append(float(conf[k]))
        k += 1
    return out, np.array(conf_out)


def _length_fit(beads: Sequence[tuple[int, int, int, int]], src_len: np.ndarray, tgt_len: np.ndarray,
                ratio: float) -> float:
    """Gale and Church's length log-likelihood of ``beads`` (n-m beads), summed (centred:
    :func:`~aligner.align.bead_scorer.length_gain`, so compare fits of equally many beads)."""
    la = np.array([src_len[i : i + di].sum() for i, di, _, _ in beads])
    lb = np.array([tgt_len[j : j + dj].sum() for _, _, j, dj in beads])
    return float(length_gain(la, lb, ratio).sum())


#: A group of consecutive sentences of one side: (on the source side?, their positions).
_Group = tuple[bool, tuple[int, ...]]


def _encode_texts(texts: Iterable[str], encoder: Encoder) -> dict[str, np.ndarray]:
    """The vector (float64) of every distinct text of ``texts``, in one encoder call, in order."""
    order = list(dict.fromkeys(texts))
    return dict(zip(order, np.asarray(encoder.encode(order), dtype=np.float64)))


def _group_vectors(groups: Sequence[_Group], src: Sequence[str], tgt: Sequence[str], src_vec: np.ndarray,
                   tgt_vec: np.ndarray, encoder: Encoder) -> dict[_Group, np.ndarray]:
    """Vectors of the ``groups`` (float64): one sentence's own vector, a group of several encoded
    whole as one text (every such text once, all in one encoder call)."""
    several = list(dict.fromkeys(g for g in groups if len(g[1]) > 1))
    texts = [" ".join((src if on_src else tgt)[a] for a in ids) for on_src, ids in several]
    enc = np.asarray(encoder.encode(texts), dtype=np.float64) if texts else np.zeros((0, 1))
    out = {g: enc[k] for k, g in enumerate(several)}
    for on_src, ids in groups:
        if len(ids) == 1:
            out[(on_src, ids)] = np.asarray((src_vec if on_src else tgt_vec)[ids[0]], dtype=np.float64)
    return out


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / max(float(np.linalg.norm(a) * np.linalg.norm(b)), 1e-12))


def align(src: Document, tgt: Document, config: Config = DEFAULT_CONFIG) -> Alignment:
    """Align the sentences of ``src`` and ``tgt``.

    Content sentences are aligned by the DP; boilerplate sentences (unless
    ``config.keep_boilerplate``) get 1-0 / 0-1 beads of their own, placed in order.
    Every sentence ends up in exactly one bead.
    """
    if config.keep_boilerplate:
        src_ids = tuple(range(len(src)))
        tgt_ids = tuple(range(len(tgt)))
    else:
        src_ids, tgt_ids = src.content_indices, tgt.content_indices
    src_texts = [src.sentence_text(i) for i in src_ids]
    tgt_texts = [tgt.sentence_text(j) for j in tgt_ids]
    beads_dp, enc_name = _align_texts(src_texts, tgt_texts, config,
                                      [src.sentences[i].paragraph for i in src_ids],
                                      [tgt.sentences[j].paragraph for j in tgt_ids],
                                      src.lang, tgt.lang, None, None)
    content = [
        piece
        for b in beads_dp
        for piece in _split_over_gaps(tuple(src_ids[i] for i in b.src), tuple(tgt_ids[j] for j in b.tgt),
                                      b.confidence)
    ]
    beads = merge_set_aside(content, sorted(set(range(len(src))) - set(src_ids)),
                            sorted(set(range(len(tgt))) - set(tgt_ids)))
    return Alignment(tuple(beads), len(src), len(tgt), enc_name)


def _runs(ids: tuple[int, ...]) -> list[tuple[int, ...]]:
    """``ids`` cut into runs of consecutive numbers: (3, 4, 6) -> [(3, 4), (6,)]."""
    runs: list[list[int]] = []
    for i in ids:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [tuple(r) for r in runs]


def _split_over_gaps(src: tuple[int, ...], tgt: tuple[int, ...], confidence: float) -> list[Bead]:
    """One DP bead mapped back to sentence ids, cut where it spans set-aside sentences.

    A merge over content positions can span a boilerplate sentence that was set aside
    (content ids 3 and 5 around furniture 4). Beads hold consecutive ids, so such a bead is
    cut into its runs, paired in order; the pieces keep half the confidence.
    """
    src_runs, tgt_runs = _runs(src), _runs(tgt)
    if len(src_runs) <= 1 and len(tgt_runs) <= 1:
        return [Bead(src, tgt, confidence)]
    k = max(len(src_runs), len(tgt_runs))
    return [
        Bead(src_runs[x] if x < len(src_runs) else (), tgt_runs[x] if x < len(tgt_runs) else (),
             round(confidence / 2, 6))
        for x in range(k)
    ]


def merge_set_aside(content: list[Bead], src_aside: list[int], tgt_aside: list[int]) -> list[Bead]:
    """Insert 1-0 / 0-1 beads for set-aside sentences so that the beads stay monotone."""
    out: list[Bead] = []
    si = ti = 0
    for bead in content:
        if bead.src:
            while si < len(src_aside) and src_aside[si] < bead.src[0]:
                out.append(Bead((src_aside[si],), (), 1.0))
                si += 1
        if bead.tgt:
            while ti < len(tgt_aside) and tgt_aside[ti] < bead.tgt[0]:
                out.append(Bead((), (tgt_aside[ti],), 1.0))
                ti += 1
        out.append(bead)
    out.extend(Bead((s,), (), 1.0) for s in src_aside[si:])
    out.extend(Bead((), (t,), 1.0) for t in tgt_aside[ti:])
    return out
