"""Evidence for candidate beads, computed for every node of a band at once (numpy).

A *side* (:class:`Side`) holds what the aligner knows about each sentence of one document:
its length, surface tokens (numbers, long words, acronyms), cognate keys, bracket depth and,
where it was encoded, its sentence vector. A *window* (:class:`Window`) is the band of DP
nodes: at row ``i`` (``i`` source sentences consumed) the target positions
``lo[i] .. lo[i] + width - 1``.

Pairwise evidence between single sentences (cosine, shared tokens) is computed once per band
(:func:`pair_evidence`); the evidence for an n-m bead is derived from it without re-encoding:
the vector of a merged group is the length-weighted sum of its parts' unit vectors, so its
cosine with the other side follows from the pair cosines and the cosines between neighbours
on the same side, and its shared tokens are the union of the pairs' bitmasks of matched
tokens, so a word that recurs in neighbouring sentences counts once. A bead whose group
leaves a bracket open, or closes one opened before it, is marked (``brk_one`` / ``brk_both``):
a parenthesis cut by the bead boundary, as when a segmenter splits a reference at its colon.
Memory and time grow with ``rows x width``, i.e. linearly with length.
"""

from __future__ import annotations

import math
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import regex

from ..lexicon import Lexicon

__all__ = ["Side", "Window", "PairEvidence", "make_side", "pair_evidence", "bead_features",
           "bracket_profile", "cuts_parenthesis", "skip_features", "coarsen", "FEATURES",
           "SKIP_FEATURES", "full_window"]

_WORD = regex.compile(r"\p{N}+(?:[.,:]\p{N}+)*|\p{L}[\p{L}\p{M}\-']*")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_KNN = 4  # neighbours for the hubness margin
_LETTER = regex.compile(r"\p{L}")

#: Names of the columns of :func:`bead_features` (the order the shipped weights use).
FEATURES = ("bias", "cos", "margin", "absz", "z2", "tok", "tok_none", "num", "num_both",
            "num_one", "cog", "size", "cos_gain", "cos_split", "tok_gain", "nbr", "nbr_len", "lenpen",
            "brk_one", "brk_both")
#: Names of the columns of :func:`skip_features`.
SKIP_FEATURES = ("bias", "best_cos", "best_margin", "best_tok", "loglen", "has_num", "no_letters",
                 "brk")
_OPEN = frozenset("([{")
_CLOSE = frozenset(")]}")


@lru_cache(maxsize=200_000)
def _strip_accents(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def sentence_keys(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(tokens, numbers, cognate keys)`` of a sentence.

    Tokens are numbers (separators removed), words of four letters or more and acronyms,
    lower-cased; cognate keys are the first five letters, accents removed, of words of six
    letters or more.
    """
    toks: set[str] = set()
    nums: set[str] = set()
    cogs: set[str] = set()
    for w in _WORD.findall(text):
        if w[0].isdigit():
            n = regex.sub(r"[.,:]", "", w).lstrip("0") or "0"
            nums.add(n)
            toks.add("#" + n)
        elif len(w) >= 4 or (len(w) >= 2 and w.isupper()):
            low = w.lower()
            toks.add(low)
            if len(w) >= 6:
                cogs.add(_strip_accents(low)[:5])
    return frozenset(toks), frozenset(nums), frozenset(cogs)


def bracket_profile(text: str) -> tuple[int, int]:
    """``(net, lowest)`` of a sentence's bracket depth: opening minus closing brackets, and
    the lowest depth reached (negative where it closes a bracket opened before it)."""
    depth = lowest = 0
    for c in text:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
            lowest = min(lowest, depth)
    return depth, lowest


def char_length(text: str) -> float:
    """Length in Latin-equivalent characters (a CJK character counts as three)."""
    cjk = len(_CJK.findall(text))
    return float(len(text) - cjk + 3 * cjk)


@dataclass(frozen=True)
class Side:
    """Per-sentence evidence for one document (see the module docstring).

    Attributes:
        texts: the sentences.
        lengths: character lengths, shape ``(n,)``.
        tokens, numbers, cognates: per-sentence key sets (see :func:`sentence_keys`).
        vectors: ``(n, dim)`` unit vectors; rows of NaN where a sentence was not encoded;
            ``None`` when nothing was encoded.
        paragraphs: paragraph index per sentence (soft evidence), or ``None``.
        brackets: ``(n, 2)`` integers, :func:`bracket_profile` of each sentence (computed from
            ``texts`` when not given).
    """

    texts: tuple[str, ...]
    lengths: np.ndarray
    tokens: tuple[frozenset[str], ...]
    numbers: tuple[frozenset[str], ...]
    cognates: tuple[frozenset[str], ...]
    vectors: np.ndarray | None = None
    paragraphs: np.ndarray | None = None
    brackets: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.brackets is None:  # derived from the texts when not given
            object.__setattr__(self, "brackets", _brackets(self.texts))

    def __len__(self) -> int:
        return len(self.texts)

    def with_vectors(self, vectors: np.ndarray | None) -> "Side":
        """A copy holding ``vectors``."""
        return Side(self.texts, self.lengths, self.tokens, self.numbers, self.cognates, vectors,
                    self.paragraphs, self.brackets)


def coarsen(side: Side, factor: int = 2) -> Side:
    """Join every ``factor`` consecutive sentences into one (evidence merged, not recomputed)."""
    k = range(0, len(side), factor)
    return Side(
        texts=tuple(" ".join(side.texts[a : a + factor]) for a in k),
        lengths=np.array([side.lengths[a : a + factor].sum() for a in k]),
        tokens=tuple(frozenset().union(*side.tokens[a : a + factor]) for a in k),
        numbers=tuple(frozenset().union(*side.numbers[a : a + factor]) for a in k),
        cognates=tuple(frozenset().union(*side.cognates[a : a + factor]) for a in k),
    )


def make_side(texts: Sequence[str], paragraphs: Sequence[int] | None = None) -> Side:
    """Build the surface evidence of a list of sentences (no encoder)."""
    keys = [sentence_keys(t) for t in texts]
    return Side(
        texts=tuple(texts),
        lengths=np.array([max(1.0, char_length(t)) for t in texts], dtype=np.float64),
        tokens=tuple(k[0] for k in keys),
        numbers=tuple(k[1] for k in keys),
        cognates=tuple(k[2] for k in keys),
        paragraphs=None if paragraphs is None else np.asarray(paragraphs, dtype=np.int64),
    )


def _brackets(texts: Sequence[str]) -> np.ndarray:
    return np.array([bracket_profile(t) for t in texts], dtype=np.int64).reshape(len(texts), 2)


def cuts_parenthesis(side: Side, ends: np.ndarray, size: int) -> np.ndarray:
    """Whether the ``size`` consecutive sentences ending before ``ends`` leave a bracket open
    or close one opened before them (a parenthesis cut by the bead boundary)."""
    nn = len(side)
    if nn == 0:
        return np.zeros(ends.shape, dtype=bool)
    br = side.brackets
    depth = np.zeros(ends.shape, dtype=np.int64)
    lowest = np.zeros(ends.shape, dtype=np.int64)
    for x in range(size):
        a = np.clip(ends - size + x, 0, nn - 1)
        lowest = np.minimum(lowest, depth + br[a, 1])
        depth = depth + br[a, 0]
    return (depth != 0) | (lowest < 0)


@dataclass(frozen=True)
class Window:
    """The band of DP nodes: row ``i`` holds target positions ``lo[i] .. lo[i] + width - 1``."""

    lo: np.ndarray  # (n_src + 1,), non-decreasing
    width: int

    def cols(self) -> np.ndarray:
        """Target position of every node, shape ``(n_src + 1, width)``."""
        return self.lo[:, None] + np.arange(self.width)[None, :]


def full_window(n_src: int, n_tgt: int) -> Window:
    """The whole grid as one band."""
    return Window(np.zeros(n_src + 1, dtype=np.int64), n_tgt + 1)


@dataclass(frozen=True)
class PairEvidence:
    """Evidence between single sentences ``a`` (source) and ``b`` (target) near the band.

    Row ``a`` covers targets ``plo[a] .. plo[a] + width - 1``; entries outside the document
    are invalid (``valid`` False). ``cos`` is NaN where either sentence has no vector.
    """

    plo: np.ndarray
    width: int
    valid: np.ndarray
    cos: np.ndarray | None
    tok: np.ndarray
    num: np.ndarray
    cog: np.ndarray
    knn_src: np.ndarray | None
    knn_tgt: np.ndarray | None
    adj_src: np.ndarray | None  # (n, K): cos(u_a, u_{a+d}) for d = 1..K-1 in columns d
    adj_tgt: np.ndarray | None
    tok_src: np.ndarray  # uint64, bit k: the source's k-th token (sorted) is matched in the target
    tok_tgt: np.ndarray  # uint64, bit k: the target's k-th token (sorted) is matched by the source


def _postings(sets: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    post: dict[str, list[int]] = {}
    for b, keys in enumerate(sets):
        for key in keys:
            post.setdefault(key, []).append(b)
    return post


def _pair_counts(src_sets: Sequence[frozenset[str]], tgt_sets: Sequence[frozenset[str]],
                 plo: np.ndarray, width: int) -> np.ndarray:
    """For every source sentence ``a`` and target ``plo[a] + c``: how many keys of ``a`` occur
    in the target (shared tokens, which may go through a lexicon, are counted by
    :func:`_match_masks`)."""
    out = np.zeros((len(src_sets), width), dtype=np.float32)
    post = _postings(tgt_sets)
    rows: list[int] = []
    cols: list[int] = []
    for a, keys in enumerate(src_sets):
        lo = int(plo[a])
        hi = lo + width
        for key in keys:
            p = post.get(key)
            if not p:
                continue
            for b in p[bisect_left(p, lo) : bisect_left(p, hi)]:
                rows.append(a)
                cols.append(b - lo)
    if rows:
        np.add.at(out, (np.array(rows), np.array(cols)), 1.0)
    return out


_MASK_BITS = 64  # tokens of a sentence that the match masks hold (the longest dev sentence has 72)


def _match_masks(src_sets: Sequence[frozenset[str]], tgt_sets: Sequence[frozenset[str]],
                 plo: np.ndarray, width: int, translate: Callable[[str], frozenset[str]] | None = None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which tokens of each pair match, as bitmasks over each sentence's sorted tokens (the
    first 64): ``(src_mask, tgt_mask, extra)``, so that the matches of a merged group are the
    union of its pairs' masks, and a token matched by two sentences of the group counts once.
    ``extra`` counts the matched source tokens beyond the first 64, so that
    ``_popcount(src_mask) + extra`` is the pair's number of matched source tokens."""
    src_mask = np.zeros((len(src_sets), width), dtype=np.uint64)
    tgt_mask = np.zeros((len(src_sets), width), dtype=np.uint64)
    extra = np.zeros((len(src_sets), width), dtype=np.float32)
    tgt_index = [{key: k for k, key in enumerate(sorted(keys)[:_MASK_BITS])} for keys in tgt_sets]
    post = _postings(tgt_sets)
    rows: list[int] = []
    cols: list[int] = []
    sbits: list[int] = []
    tbits: list[int] = []
    for a, keys in enumerate(src_sets):
        lo = int(plo[a])
        hi = lo + width
        for ka, key in enumerate(sorted(keys)):
            seen: set[int] = set()
            for alt in (key,) if translate is None else (key, *translate(key)):
                p = post.get(alt)
                if not p:
                    continue
                for b in p[bisect_left(p, lo) : bisect_left(p, hi)]:
                    if ka >= _MASK_BITS:
                        if b not in seen:
                            seen.add(b)
                            extra[a, b - lo] += 1.0
                        continue
                    kb = tgt_index[b].get(alt)
                    rows.append(a)
                    cols.append(b - lo)
                    sbits.append(1 << ka)
                    tbits.append(0 if kb is None else 1 << kb)
    if rows:
        at = (np.array(rows), np.array(cols))
        np.bitwise_or.at(src_mask, at, np.array(sbits, dtype=np.uint64))
        np.bitwise_or.at(tgt_mask, at, np.array(tbits, dtype=np.uint64))
    return src_mask, tgt_mask, extra


_POPCOUNT8 = np.array([bin(k).count("1") for k in range(256)], dtype=np.uint8)


def _popcount(masks: np.ndarray) -> np.ndarray:
    """Number of set bits of each uint64."""
    m = np.asarray(masks, dtype=np.uint64)
    if hasattr(np, "bitwise_count"):  # numpy >= 2.0
        return np.bitwise_count(m).astype(np.int64)
    m = np.ascontiguousarray(m)
    return _POPCOUNT8[m.view(np.uint8)].reshape(m.shape + (8,)).sum(axis=-1, dtype=np.int64)


def _translator(lexicon: Lexicon | None) -> Callable[[str], frozenset[str]] | None:
    """Word -> its translations (none for number keys ``#123``); ``None`` without a lexicon."""
    if lexicon is None:
        return None
    lex = lexicon

    def translate(word: str) -> frozenset[str]:
        return frozenset() if word.startswith("#") else lex.translations(word)

    return translate


def _shared_counts(src: Side, tgt: Side, plo: np.ndarray, width: int, lexicon: Lexicon | None
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(tok, num, cog, tok_src, tok_tgt)``: pair counts of shared tokens (a source token
    counts once however many of its translations the target holds), numbers and cognate keys,
    and the token match masks."""
    tok_src, tok_tgt, extra = _match_masks(src.tokens, tgt.tokens, plo, width, _translator(lexicon))
    tok = _popcount(tok_src).astype(np.float32) + extra
    num = _pair_counts(src.numbers, tgt.numbers, plo, width)
    cog = _pair_counts(src.cognates, tgt.cognates, plo, width)
    return tok, num, cog, tok_src, tok_tgt


def _adjacent(vectors: np.ndarray, k: int) -> np.ndarray:
    n = len(vectors)
    out = np.full((n, k), np.nan, dtype=np.float64)
    for d in range(1, k):
        if n > d:
            out[: n - d, d] = np.einsum("ij,ij->i", vectors[: n - d], vectors[d:])
    return out


def pair_evidence(src: Side, tgt: Side, window: Window, max_bead: int,
                  lexicon: Lexicon | None = None) -> PairEvidence:
    """Pairwise evidence for every source sentence against the targets near its band rows."""
    n, m = len(src), len(tgt)
    k = max_bead
    # a bead ending at node (i, j) pairs source a = i-1-x with target b = j-1-y (x, y < k),
    # and its neighbours a = i-k-1 .. i with targets j-k-1 .. j (the neighbour margin);
    # row a is used by nodes of rows a .. a+k+1, so cover their columns.
    lo_rows = window.lo[:-1] if n else window.lo[:0]
    hi_idx = np.minimum(np.arange(n) + k + 1, n)
    plo = lo_rows - k - 1
    width = int(np.max(window.lo[hi_idx] - lo_rows)) + window.width + k + 2 if n else 1
    cols = plo[:, None] + np.arange(width)[None, :]
    valid = (cols >= 0) & (cols < m)
    tok, num, cog, tok_src, tok_tgt = _shared_counts(src, tgt, plo, width, lexicon)
    cos = knn_s = knn_t = adj_s = adj_t = None
    if src.vectors is not None and tgt.vectors is not None and n and m:
        cos = np.full((n, width), np.nan, dtype=np.float32)
        cc = np.clip(cols, 0, m - 1)
        step = max(1, 2_000_000 // max(1, width * src.vectors.shape[1]))
        for a0 in range(0, n, step):
            a1 = min(n, a0 + step)
            cos[a0:a1] = np.einsum("id,ijd->ij", src.vectors[a0:a1], tgt.vectors[cc[a0:a1]])
        cos[~valid] = np.nan
        knn_s, knn_t = _knn_near(src.vectors, tgt.vectors, window)
        adj_s = _adjacent(src.vectors, k)
        adj_t = _adjacent(tgt.vectors, k)
    return PairEvidence(plo, width, valid, cos, tok, num, cog, knn_s, knn_t, adj_s, adj_t, tok_src, tok_tgt)


_NEAR = 8  # encoded sentences nearest to the expected position that the margin compares with


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


def _knn_near(vs: np.ndarray, vt: np.ndarray, window: Window) -> tuple[np.ndarray, np.ndarray]:
    n, m = len(vs), len(vt)
    if window.width <= m:  # a band: its middle follows the coarse path
        centers_s = np.clip(window.lo[1:] + window.width // 2 - 1, 0, m - 1).astype(float)
    else:  # the whole grid: the diagonal
        centers_s = (np.arange(n) + 0.5) * m / n
    centers_s = np.maximum.accumulate(centers_s)
    centers_t = np.searchsorted(centers_s, np.arange(m) + 0.5).astype(float)
    return _nearest_knn(vs, vt, centers_s), _nearest_knn(vt, vs, centers_t)


def _knn_rows(cos: np.ndarray) -> np.ndarray:
    filled = np.where(np.isnan(cos), -np.inf, cos)
    kk = min(_KNN, cos.shape[1])
    top = -np.sort(-filled, axis=1)[:, :kk]
    fin = np.isfinite(top)
    cnt = fin.sum(axis=1)
    total = np.where(fin, top, 0.0).sum(axis=1)
    with np.errstate(all="ignore"):
        return np.where(cnt > 0, total / np.maximum(cnt, 1), np.nan)


def _knn_cols(cos: np.ndarray, cols: np.ndarray, m: int) -> np.ndarray:
    ok = ~np.isnan(cos)
    b = cols[ok]
    v = cos[ok].astype(np.float64)
    out = np.full(m, np.nan)
    if not len(b):
        return out
    order = np.lexsort((-v, b))
    b, v = b[order], v[order]
    starts = np.flatnonzero(np.r_[True, b[1:] != b[:-1]])
    rank = np.arange(len(b)) - np.repeat(starts, np.diff(np.r_[starts, len(b)]))
    keep = rank < _KNN
    sums = np.bincount(b[keep], weights=v[keep], minlength=m)
    cnt = np.bincount(b[keep], minlength=m)
    with np.errstate(all="ignore"):
        out = np.where(cnt > 0, sums / np.maximum(cnt, 1), np.nan)
    return out


def _gather(mat: np.ndarray, pe: PairEvidence, a: np.ndarray, b: np.ndarray,
            ok: np.ndarray, fill: float, dtype: type = np.float64) -> np.ndarray:
    """``mat`` at pairs ``(a, b)`` where ``ok`` and inside the band and document, else ``fill``."""
    c = b - pe.plo[np.clip(a, 0, len(pe.plo) - 1)]
    good = ok & (c >= 0) & (c < pe.width)
    out = np.full(a.shape, fill, dtype=dtype)
    ac = np.clip(a, 0, mat.shape[0] - 1)
    cc = np.clip(c, 0, pe.width - 1)
    vals = mat[ac, cc]
    out[good] = vals[good]
    out[good & ~pe.valid[ac, cc]] = fill
    return out


def bead_features(src: Side, tgt: Side, window: Window, pe: PairEvidence, n: int, m: int,
                  ratio: float, weight_power: float = 1.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features of the n-m bead (``n, m >= 1``) ending at every node of the window.

    Returns ``(X, valid, has_vec)``: ``X`` of shape ``(rows, width, len(FEATURES))``; ``valid``
    marks nodes where the bead fits in the document and band; ``has_vec`` marks beads whose
    sentences all have vectors (so ``cos`` and ``margin`` are meaningful).
    """
    rows = np.arange(len(window.lo))[:, None]
    J = window.cols()
    I = np.broadcast_to(rows, J.shape)
    ns, nt = len(src), len(tgt)
    valid = (I - n >= 0) & (J - m >= 0) & (J <= nt)
    cum_ls = np.r_[0.0, np.cumsum(src.lengths)]
    cum_lt = np.r_[0.0, np.cumsum(tgt.lengths)]
    Ic, Jc = np.clip(I, 0, ns), np.clip(J, 0, nt)
    la = cum_ls[Ic] - cum_ls[np.clip(Ic - n, 0, ns)]
    lb = cum_lt[Jc] - cum_lt[np.clip(Jc - m, 0, nt)]
    # pairwise sums over the bead
    num = np.zeros(J.shape)
    cog = np.zeros(J.shape)
    has_cos = pe.cos is not None
    cos_num = np.zeros(J.shape)
    cos_max = np.full(J.shape, -np.inf)
    tok_max = np.zeros(J.shape)
    corner: dict[tuple[int, int], np.ndarray] = {}
    ntok_s = np.array([len(t) for t in src.tokens], float)
    ntok_t = np.array([len(t) for t in tgt.tokens], float)
    wa_list = []
    wb_list = []
    for x in range(n):
        wa_list.append(np.clip(I - 1 - x, 0, ns - 1))
    for y in range(m):
        wb_list.append(np.clip(J - 1 - y, 0, nt - 1))
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
            ok = valid
            tk = _gather(pe.tok, pe, a, b, ok, 0.0)
            tok_sum += tk
            src_hit[x] |= _gather(pe.tok_src, pe, a, b, ok, 0, np.uint64)
            tgt_hit[y] |= _gather(pe.tok_tgt, pe, a, b, ok, 0, np.uint64)
            if n > 1 or m > 1:
                tok_max = np.maximum(tok_max, 2 * tk / np.maximum(ntok_s[wa_list[x]] + ntok_t[wb_list[y]], 1))
            num += _gather(pe.num, pe, a, b, ok, 0.0)
            cog += _gather(pe.cog, pe, a, b, ok, 0.0)
            if has_cos:
                cv = _gather(pe.cos, pe, a, b, ok, np.nan)
                cos_num += ws[wa_list[x]] * wt[wb_list[y]] * cv
                if n > 1 or m > 1:
                    cos_max = np.fmax(cos_max, cv)
                    if (x, y) in ((0, 0), (n - 1, m - 1)):
                        corner[(x, y)] = cv
    tok = sum(_popcount(h) for h in src_hit) + sum(_popcount(h) for h in tgt_hit)
    del src_hit, tgt_hit
    # the masks hold a sentence's first 64 tokens: a group with a longer sentence (joined
    # sentences on the coarse levels of the band search) counts its pairs' matches instead
    over = (_block_sum((ntok_s > _MASK_BITS).astype(float), I, n)
            + _block_sum((ntok_t > _MASK_BITS).astype(float), J, m)) > 0
    tok = np.where(over, 2 * tok_sum, tok)
    ntok_a = _block_sum(ntok_s, I, n)
    ntok_b = _block_sum(ntok_t, J, m)
    nnum_a = _block_sum(np.array([len(t) for t in src.numbers], float), I, n)
    nnum_b = _block_sum(np.array([len(t) for t in tgt.numbers], float), J, m)
    ncog_a = _block_sum(np.array([len(t) for t in src.cognates], float), I, n)
    ncog_b = _block_sum(np.array([len(t) for t in tgt.cognates], float), J, m)
    X = np.zeros(J.shape + (len(FEATURES),))
    X[..., 0] = 1.0
    has_vec = np.zeros(J.shape, dtype=bool)
    if has_cos:
        na = _block_norm(ws, pe.adj_src, I, n)
        nb = _block_norm(wt, pe.adj_tgt, J, m)
        with np.errstate(all="ignore"):
            cos = cos_num / (na * nb)
            knn_a = _block_wmean(ws, pe.knn_src, I, n)
            knn_b = _block_wmean(wt, pe.knn_tgt, J, m)
        margin = cos - 0.5 * (knn_a + knn_b)
        has_vec = valid & np.isfinite(cos) & np.isfinite(margin)
        X[..., 1] = np.where(has_vec, cos, 0.0)
        X[..., 2] = np.where(has_vec, margin, 0.0)
        if n > 1 or m > 1:
            X[..., 12] = np.where(has_vec & np.isfinite(cos_max), cos - cos_max, 0.0)
        if n > 1 and m > 1:
            split = np.fmin(corner[(0, 0)], corner[(n - 1, m - 1)])
            X[..., 13] = np.where(has_vec & np.isfinite(split), split, 0.0)
        nbr = _neighbour_cos(pe, I, J, n, m, ws, wt, na, nb, valid)
        with np.errstate(all="ignore"):
            X[..., 15] = np.where(has_vec & np.isfinite(nbr), cos - nbr, X[..., 1])
    z = (lb - ratio * la) / np.sqrt(6.8 * np.maximum(ratio * la + lb, 1.0) / 2.0)
    X[..., 3] = np.abs(z)
    X[..., 4] = np.minimum(z * z, 25.0)
    with np.errstate(all="ignore"):
        X[..., 5] = np.where(ntok_a + ntok_b > 0, np.minimum(1.0, tok / np.maximum(ntok_a + ntok_b, 1)), 0.0)
        X[..., 6] = (ntok_a + ntok_b == 0).astype(float)
        X[..., 7] = np.where(nnum_a + nnum_b > 0, np.minimum(1.0, 2 * num / np.maximum(nnum_a + nnum_b, 1)), 0.0)
        X[..., 8] = ((nnum_a > 0) & (nnum_b > 0)).astype(float)
        X[..., 9] = ((nnum_a > 0) ^ (nnum_b > 0)).astype(float)
        X[..., 10] = np.where(ncog_a + ncog_b > 0, np.minimum(1.0, 2 * cog / np.maximum(ncog_a + ncog_b, 1)), 0.0)
    X[..., 11] = np.log1p(la + lb) / 6.0
    with np.errstate(all="ignore"):
        short, long_ = np.minimum(ratio * la, lb), np.maximum(ratio * la, lb)
        X[..., 17] = np.where(long_ > 0, np.log2(1.0 + short / np.maximum(long_, 1e-9)), 0.0)
    X[..., 16] = X[..., 15] * X[..., 17]
    if n > 1 or m > 1:
        X[..., 14] = X[..., 5] - tok_max
    un_a = cuts_parenthesis(src, I, n)
    un_b = cuts_parenthesis(tgt, J, m)
    X[..., 18] = (un_a ^ un_b).astype(float)
    X[..., 19] = (un_a & un_b).astype(float)
    return X, valid, has_vec


def _neighbour_cos(pe: PairEvidence, I: np.ndarray, J: np.ndarray, n: int, m: int,
                   ws: np.ndarray, wt: np.ndarray, na: np.ndarray, nb: np.ndarray,
                   valid: np.ndarray) -> np.ndarray:
    """Mean cosine of each side's merged vector with the sentences just outside the bead on
    the other side (Bertalign's margin): a bead that is as close to its neighbours as to
    its partner is probably cut at the wrong place. NaN where no neighbour has a vector."""
    ns, nt = len(ws), len(wt)

    def mean_over(neighbours: Iterable[Iterable[tuple[np.ndarray, np.ndarray, np.ndarray]]],
                  norm: np.ndarray) -> np.ndarray:
        # neighbours: per neighbour, the (a, b, weight) pairs of the group against it; targets
        # outside the document are invalid in ``pe``, sources outside it are masked here
        total = np.zeros(J.shape)
        count = np.zeros(J.shape)
        for pairs in neighbours:
            acc = np.zeros(J.shape)
            for a, b, w in pairs:
                acc += w * _gather(pe.cos, pe, a, b, valid & (a >= 0) & (a < ns), np.nan)
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


def _block_sum(values: np.ndarray, ends: np.ndarray, size: int) -> np.ndarray:
    cum = np.r_[0.0, np.cumsum(values)]
    e = np.clip(ends, 0, len(values))
    return cum[e] - cum[np.clip(e - size, 0, len(values))]


def _block_wmean(w: np.ndarray, vals: np.ndarray, ends: np.ndarray, size: int) -> np.ndarray:
    return _block_sum(w * vals, ends, size) / _block_sum(w, ends, size)


def _block_norm(w: np.ndarray, adj: np.ndarray, ends: np.ndarray, size: int) -> np.ndarray:
    """Norm of the weighted sum of ``size`` consecutive unit vectors ending before ``ends``."""
    nn = len(w)
    sq = _block_sum(w * w, ends, size)
    for d in range(1, size):
        for x in range(size - d):
            a = np.clip(ends - size + x, 0, nn - 1)
            sq = sq + 2.0 * w[a] * w[np.clip(a + d, 0, nn - 1)] * adj[a, d]
    return np.sqrt(np.maximum(sq, 1e-12))


def skip_features(side: Side, other: Side, pe: PairEvidence, as_src: bool) -> tuple[np.ndarray, np.ndarray]:
    """Features of leaving each sentence of ``side`` unaligned (a 1-0 or 0-1 bead).

    Returns ``(X, has_vec)`` with ``X`` of shape ``(len(side), len(SKIP_FEATURES))``.
    """
    n = len(side)
    X = np.zeros((n, len(SKIP_FEATURES)))
    X[:, 0] = 1.0
    ntok = np.array([len(t) for t in side.tokens], float)
    ntok_o = np.array([len(t) for t in other.tokens], float)
    has_vec = np.zeros(n, dtype=bool)
    if as_src:
        cols = pe.plo[:, None] + np.arange(pe.width)[None, :]
        oc = np.clip(cols, 0, max(len(other) - 1, 0))
        with np.errstate(all="ignore"):
            dice = np.where(pe.valid, 2 * pe.tok / np.maximum(ntok[:, None] + ntok_o[oc], 1), 0.0)
        X[:, 3] = dice.max(axis=1) if pe.width else 0.0
        if pe.cos is not None:
            c = np.where(np.isnan(pe.cos), -np.inf, pe.cos)
            best = c.max(axis=1)
            knn_o = pe.knn_tgt[oc]
            marg = np.where(np.isnan(pe.cos), -np.inf, pe.cos - 0.5 * (pe.knn_src[:, None] + knn_o))
            bm = np.nanmax(np.where(np.isnan(marg), -np.inf, marg), axis=1)
            has_vec = np.isfinite(best) & np.isfinite(bm)
            X[:, 1] = np.where(has_vec, best, 0.0)
            X[:, 2] = np.where(has_vec, bm, 0.0)
    else:
        # scatter the pair rows onto target sentences
        cols = pe.plo[:, None] + np.arange(pe.width)[None, :]
        ok = pe.valid
        b = cols[ok]
        a = np.broadcast_to(np.arange(len(other))[:, None], cols.shape)[ok]
        with np.errstate(all="ignore"):
            dice = 2 * pe.tok[ok] / np.maximum(ntok[b] + ntok_o[a], 1)
        best_tok = np.zeros(n)
        np.maximum.at(best_tok, b, dice)
        X[:, 3] = best_tok
        if pe.cos is not None:
            cv = pe.cos[ok].astype(np.float64)
            mv = cv - 0.5 * (pe.knn_src[a] + pe.knn_tgt[b])
            fin = np.isfinite(cv) & np.isfinite(mv)
            best = np.full(n, -np.inf)
            bm = np.full(n, -np.inf)
            np.maximum.at(best, b[fin], cv[fin])
            np.maximum.at(bm, b[fin], mv[fin])
            has_vec = np.isfinite(best) & np.isfinite(bm)
            X[:, 1] = np.where(has_vec, best, 0.0)
            X[:, 2] = np.where(has_vec, bm, 0.0)
    X[:, 4] = np.log1p(side.lengths) / 6.0
    X[:, 5] = np.array([1.0 if t else 0.0 for t in side.numbers])
    X[:, 6] = np.array([0.0 if _LETTER.search(t) else 1.0 for t in side.texts])
    X[:, 7] = cuts_parenthesis(side, np.arange(1, n + 1), 1)
    return X, has_vec


def doc_ratio(src: Side, tgt: Side) -> float:
    """Target/source length ratio of the two documents (the Gale-Church ``c``)."""
    s, t = float(src.lengths.sum()), float(tgt.lengths.sum())
    if s <= 0 or t <= 0:
        return 1.0
    return min(4.0, max(0.25, t / s))


def logit(p: float) -> float:
    """``log(p / (1 - p))``."""
    return math.log(p / (1.0 - p))
