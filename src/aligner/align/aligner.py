"""Align two documents: content sentences through the DP, page furniture set aside.

The first version scores beads with model-free surface evidence only (length ratio and
shared tokens); encoders plug in through :mod:`aligner.embed`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import DEFAULT_CONFIG, Config
from ..document import Document
from .dp import bead_shapes, best_path
from .model import Alignment, Bead
from .surface import char_length, length_score, shared_token_score

__all__ = ["align", "align_texts"]

_SKIP_COST = 0.75  # cost of leaving one sentence unaligned (1-0 or 0-1)
_MERGE_PENALTY = 0.25  # extra cost per sentence beyond one on a side


def _similarity(src: str, tgt: str) -> float:
    return 0.5 * length_score(char_length(src), char_length(tgt)) + 0.5 * shared_token_score(src, tgt)


def align_texts(src: Sequence[str], tgt: Sequence[str], config: Config = DEFAULT_CONFIG) -> list[Bead]:
    """Align two lists of sentences; bead indices are positions in these lists."""
    shapes = bead_shapes(config.max_bead)

    def joined(texts: Sequence[str], i: int, n: int) -> str:
        return " ".join(texts[i : i + n])

    def cost(i: int, di: int, j: int, dj: int) -> float:
        if di == 0 or dj == 0:
            return _SKIP_COST
        sim = _similarity(joined(src, i, di), joined(tgt, j, dj))
        return (1.0 - sim) * (di + dj) / 2.0 + _MERGE_PENALTY * (di + dj - 2)

    path = best_path(len(src), len(tgt), shapes, cost)
    beads = []
    for i, di, j, dj in path:
        if di and dj:
            conf = _similarity(joined(src, i, di), joined(tgt, j, dj))
        else:
            conf = 0.5
        beads.append(Bead(tuple(range(i, i + di)), tuple(range(j, j + dj)), round(conf, 6)))
    return beads


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
    content = [
        Bead(tuple(src_ids[i] for i in b.src), tuple(tgt_ids[j] for j in b.tgt), b.confidence)
        for b in align_texts(src_texts, tgt_texts, config)
    ]
    beads = merge_set_aside(content, sorted(set(range(len(src))) - set(src_ids)),
                            sorted(set(range(len(tgt))) - set(tgt_ids)))
    return Alignment(tuple(beads), len(src), len(tgt))


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
