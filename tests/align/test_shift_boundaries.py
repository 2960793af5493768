"""Two neighbouring beads trade the sentence at their boundary when both of their cosines (the
texts encoded whole) rise and the lengths do not disagree
(``aligner.align.aligner.shift_boundaries``)."""

from __future__ import annotations

import numpy as np

from aligner.align.aligner import shift_boundaries
from aligner.align.bead_scorer import shift_margin
from aligner.align.dp import bead_shapes

from _fake_encoder import BagEncoder as _Bag

SHAPES = set(bead_shapes(5))

# the gold is A-(a1 a2) + B-(b1 b2); the DP took A-(a1) + B-(a2 b1 b2): a2 ends A's unit
SRC = ["A", "B"]
TGT = ["a1", "a2", "b1", "b2"]
TABLE = {"A": [1, 0, 1], "B": [0, 1, 0], "a1": [1, 0, 0], "a2": [0, 0, 1], "b1": [0, 1, 0], "b2": [0, 1, 0]}
PATH = [(0, 1, 0, 1), (1, 1, 1, 3)]
LENGTHS_AGREE = (np.array([20.0, 20.0]), np.array([10.0, 10.0, 10.0, 10.0]), 1.0)


def _run(table, path, conf, lengths=LENGTHS_AGREE, src=SRC, tgt=TGT, shapes=SHAPES, tgt_vec=None):
    enc = _Bag(table)
    sv = enc.encode(src)
    tv = enc.encode(tgt) if tgt_vec is None else tgt_vec
    enc.seen.clear()
    out, c = shift_boundaries(path, np.array(conf), src, tgt, sv, tv, enc, shift_margin(), shapes, lengths)
    return out, c.tolist(), enc


def test_a_sentence_at_the_wrong_side_of_a_boundary_moves_over():
    out, conf, enc = _run(TABLE, PATH, [0.9, 0.7])
    assert out == [(0, 1, 0, 2), (1, 1, 2, 2)]
    assert conf == [0.7, 0.7]  # both keep the lower of the two confidences
    assert len(enc.seen) == len(set(enc.seen))  # every joined text encoded once


def test_no_trade_when_the_lengths_say_the_sentence_is_where_it_belongs():
    lengths = (np.array([20.0, 20.0]), np.array([20.0, 40.0, 5.0, 5.0]), 1.0)
    out, conf, enc = _run(TABLE, PATH, [0.9, 0.7], lengths=lengths)
    assert out == PATH and conf == [0.9, 0.7]
    assert enc.seen == []  # moves the lengths reject are not encoded


def test_no_trade_when_one_of_the_two_beads_gets_worse():
    # the sum of the cosines rises (A gains much) but B's own cosine falls: no positive evidence
    table = dict(TABLE, B=[0, 1, 0.5])
    out, _, _ = _run(table, PATH, [0.9, 0.7])
    assert out == PATH


def test_skips_unencoded_sentences_and_shapes_beyond_the_dp_take_no_part():
    table = dict(TABLE, X=[0, 0, 0.1])
    path = [(0, 1, 0, 1), (1, 1, 1, 0), (2, 1, 1, 3)]  # a 1-0 between the two beads
    out, _, enc = _run(table, path, [0.9, 0.5, 0.7], src=["A", "X", "B"],
                       lengths=(np.array([20.0, 5.0, 20.0]), LENGTHS_AGREE[1], 1.0))
    assert out == path and enc.seen == []
    tv = _Bag(TABLE).encode(TGT)
    tv[1] = np.nan  # a2 not encoded (over the encoding budget)
    out, _, _ = _run(TABLE, PATH, [0.9, 0.7], tgt_vec=tv)
    assert out == PATH
    out, _, _ = _run(TABLE, PATH, [0.9, 0.7], shapes={(1, 1), (1, 3)})
    assert out == PATH  # 1-2 is not a shape of this DP
    assert 0 <= shift_margin() < 1
