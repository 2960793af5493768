"""A merged bead is cut in two when a cut of it pairs up on its own: each part, encoded as a
whole text, is closer to its own partner than to the other part's, and no part falls far below
the whole (``aligner.align.aligner.split_merges``)."""

from __future__ import annotations

import numpy as np

from aligner.align.aligner import split_merges
from aligner.align.bead_scorer import split_margins
from aligner.align.dp import bead_shapes

from _fake_encoder import BagEncoder as _Bag

SHAPES = set(bead_shapes(5))


def _run(src, tgt, table, path, conf, shapes=SHAPES, src_vec=None):
    enc = _Bag(table)
    sv = enc.encode(src) if src_vec is None else src_vec
    tv = enc.encode(tgt)
    enc.seen.clear()
    out, c = split_merges(path, np.array(conf), src, tgt, sv, tv, enc, *split_margins(), shapes)
    return out, c.tolist(), enc


# two translation units side by side, chosen as one 3-3: (A1 A2)-(a) and (B)-(b1 b2)
SRC = ["A1", "A2", "B"]
TGT = ["a", "b1", "b2"]
TABLE = {"A1": [1, 0, 0], "A2": [1, 0, 0], "B": [0, 1, 0], "a": [1, 0, 0], "b1": [0, 1, 0], "b2": [0, 1, 0]}


def test_two_units_chosen_as_one_bead_are_cut_apart():
    out, conf, enc = _run(SRC, TGT, TABLE, [(0, 3, 0, 3), (3, 0, 3, 1)], [0.8, 0.9])
    assert out == [(0, 2, 0, 1), (2, 1, 1, 2), (3, 0, 3, 1)]
    assert conf == [0.8, 0.8, 0.9]  # both parts keep the merged bead's confidence
    assert "A1 A2 B" in enc.seen and len(enc.seen) == len(set(enc.seen))  # each text encoded once


def test_a_sentence_regrouped_across_the_boundary_keeps_the_merge():
    # X2 carries the end of y1 and all of y2: either part alone is far below the whole bead
    src, tgt = ["X1", "X2"], ["y1", "y2"]
    table = {"X1": [1, 0, 0], "X2": [0, 1, 1], "y1": [1, 1, 0], "y2": [0, 0, 1]}
    out, conf, _ = _run(src, tgt, table, [(0, 2, 0, 2)], [0.7])
    assert out == [(0, 2, 0, 2)] and conf == [0.7]


def test_parts_that_cross_keep_the_merge():
    # the halves match each other's partner as well as their own: no cut pairs up
    src, tgt = ["P", "Q"], ["p", "q"]
    table = {"P": [1, 1, 0], "Q": [1, 1, 0], "p": [1, 1, 0], "q": [1, 1, 0]}
    out, _, _ = _run(src, tgt, table, [(0, 2, 0, 2)], [0.7])
    assert out == [(0, 2, 0, 2)]


def test_unencoded_sentences_one_sided_merges_and_shapes_beyond_the_dp_take_no_part():
    src_vec = _Bag(TABLE).encode(SRC)
    src_vec[2] = np.nan  # not encoded (over the encoding budget)
    out, _, _ = _run(SRC, TGT, TABLE, [(0, 3, 0, 3)], [0.8], src_vec=src_vec)
    assert out == [(0, 3, 0, 3)]
    out, _, _ = _run(SRC, TGT, TABLE, [(0, 3, 0, 3)], [0.8], shapes={(3, 3), (1, 1)})
    assert out == [(0, 3, 0, 3)]  # no cut into shapes allowed here
    out, _, enc = _run(["A1", "A2"], ["a"], TABLE, [(0, 2, 0, 1)], [0.8])
    assert out == [(0, 2, 0, 1)] and enc.seen == []  # a 2-1 has no cut into two n-m beads
    margin, slack = split_margins()
    assert 0 < margin < 1 and 0 < slack < 1
