"""Shared-token evidence between single sentences near the band (numbers, words, cognates).

For every source sentence ``a`` and target ``b`` of a :class:`~.sides.PairGrid`: how many
tokens, numbers and cognate keys they share (a lexicon, if given, lets a source word match
its translations), and which tokens match, as bitmasks over each sentence's sorted tokens, so
that the shared tokens of a merged group are the union of its pairs' masks and a word that
recurs in neighbouring sentences counts once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..lexicon import Lexicon
from .sides import PairGrid, Side

__all__ = ["MASK_BITS", "TokenEvidence", "popcount", "shared_tokens"]


@dataclass(frozen=True)
class TokenEvidence:
    """Pair counts of shared keys, arrays of the grid's shape ``(n_src, width)``.

    Attributes:
        tok: shared tokens (a source token counts once however many of its translations the
            target holds).
        num, cog: shared numbers and cognate keys.
        tok_src: uint64, bit k: the source's k-th token (sorted) is matched in the target.
        tok_tgt: uint64, bit k: the target's k-th token (sorted) is matched by the source.
    """

    tok: np.ndarray
    num: np.ndarray
    cog: np.ndarray
    tok_src: np.ndarray
    tok_tgt: np.ndarray


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


MASK_BITS = 64  # tokens of a sentence that the match masks hold (the longest dev sentence has 72)


Sounds = Sequence[frozenset[tuple[str, str, str]]]


def _match_masks(src_sets: Sequence[frozenset[str]], tgt_sets: Sequence[frozenset[str]],
                 plo: np.ndarray, width: int, translate: Callable[[str], frozenset[str]] | None = None,
                 sounds: tuple[Sounds, Sounds] | None = None,
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which tokens of each pair match, as bitmasks over each sentence's sorted tokens (the
    first 64): ``(src_mask, tgt_mask, extra)``, so that the matches of a merged group are the
    union of its pairs' masks, and a token matched by two sentences of the group counts once.
    ``extra`` counts the matched source tokens beyond the first 64, so that
    ``popcount(src_mask) + extra`` is the pair's number of matched source tokens.

    ``sounds`` (per sentence ``(token, script, key)``, :func:`~.sides.sentence_sounds`) also
    match a token with one of the other side whose sound key is the same in another script."""
    src_mask = np.zeros((len(src_sets), width), dtype=np.uint64)
    tgt_mask = np.zeros((len(src_sets), width), dtype=np.uint64)
    extra = np.zeros((len(src_sets), width), dtype=np.float32)
    tgt_index = [{key: k for k, key in enumerate(sorted(keys)[:MASK_BITS])} for keys in tgt_sets]
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
                    if ka >= MASK_BITS:
                        if b not in seen:
                            seen.add(b)
                            extra[a, b - lo] += 1.0
                        continue
                    kb = tgt_index[b].get(alt)
                    rows.append(a)
                    cols.append(b - lo)
                    sbits.append(1 << ka)
                    tbits.append(0 if kb is None else 1 << kb)
    if sounds is not None:
        _sound_matches(sounds, src_sets, tgt_index, plo, width, rows, cols, sbits, tbits)
    if rows:
        at = (np.array(rows), np.array(cols))
        np.bitwise_or.at(src_mask, at, np.array(sbits, dtype=np.uint64))
        np.bitwise_or.at(tgt_mask, at, np.array(tbits, dtype=np.uint64))
    return src_mask, tgt_mask, extra


def _sound_matches(sounds: tuple[Sounds, Sounds], src_sets: Sequence[frozenset[str]],
                   tgt_index: Sequence[dict[str, int]],
                   plo: np.ndarray, width: int, rows: list[int], cols: list[int],
                   sbits: list[int], tbits: list[int]) -> None:
    """Append the token pairs that share a sound key across scripts to the match lists."""
    src_sounds, tgt_sounds = sounds
    post: dict[str, list[tuple[int, str, str]]] = {}
    for b, entries in enumerate(tgt_sounds):
        for token, script, key in entries:
            post.setdefault(key, []).append((b, script, token))
    if not post:
        return
    for a, entries in enumerate(src_sounds):
        if not entries:
            continue
        lo = int(plo[a])
        hi = lo + width
        src_index: dict[str, int] | None = None
        for token, script, key in sorted(entries):
            for b, other, tgt_token in post.get(key, ()):
                if other == script or not lo <= b < hi:
                    continue
                if src_index is None:
                    src_index = {t: k for k, t in enumerate(sorted(src_sets[a])[:MASK_BITS])}
                ka = src_index.get(token)
                kb = tgt_index[b].get(tgt_token)
                if ka is None or kb is None:
                    continue
                rows.append(a)
                cols.append(b - lo)
                sbits.append(1 << ka)
                tbits.append(1 << kb)


_POPCOUNT8 = np.array([k.bit_count() for k in range(256)], dtype=np.uint8)


def popcount(masks: np.ndarray) -> np.ndarray:
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


def shared_tokens(src: Side, tgt: Side, grid: PairGrid, lexicon: Lexicon | None) -> TokenEvidence:
    """Shared tokens, numbers and cognate keys of every pair of the grid, and the token
    match masks."""
    plo, width = grid.plo, grid.width
    tok_src, tok_tgt, extra = _match_masks(src.tokens, tgt.tokens, plo, width, _translator(lexicon),
                                           (src.sound_sets, tgt.sound_sets))
    tok = popcount(tok_src).astype(np.float32) + extra
    num = _pair_counts(src.numbers, tgt.numbers, plo, width)
    cog = _pair_counts(src.cognates, tgt.cognates, plo, width)
    return TokenEvidence(tok, num, cog, tok_src, tok_tgt)
