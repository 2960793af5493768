"""A left-out sentence joins the bead beside it when the lengths say so and the encoder does
not object (``aligner.align.aligner.join_on_lengths``)."""

from __future__ import annotations

import numpy as np

from aligner.align.aligner import join_on_lengths
from aligner.align.bead_scorer import length_join_margins
from aligner.align.dp import bead_shapes

from _fake_encoder import BagEncoder as _Bag

SHAPES = set(bead_shapes(5))

# the gold is (A B)-ab; the DP took A-ab and left B out: B carries little meaning of its own
SRC = ["A", "B"]
TGT = ["ab"]
TABLE = {"A": [1.0, 0.0], "B": [0.0, 0.1], "ab": [1.0, 0.0]}
PATH = [(0, 1, 0, 1), (1, 1, 1, 0)]
LENGTHS = (np.array([20.0, 20.0]), np.array([40.0]), 1.0)  # ab is as long as A and B together


def _run(table, path, conf, lengths=LENGTHS, src=SRC, tgt=TGT, shapes=SHAPES, src_vec=None):
    enc = _Bag(table)
    sv = enc.encode(src) if src_vec is None else src_vec
    tv = enc.encode(tgt)
    enc.seen.clear()
    out, c = join_on_lengths(path, np.array(conf), src, tgt, sv, tv, enc, *length_join_margins(), shapes, lengths)
    return out, c.tolist(), enc


def test_a_left_out_sentence_whose_length_the_neighbour_misses_joins_it():
    out, conf, enc = _run(TABLE, PATH, [0.9, 0.6])
    assert out == [(0, 2, 0, 1)]
    assert conf == [0.9]  # the joined bead keeps the neighbour's confidence
    assert enc.seen == ["A B"]  # one text encoded: the joined one


def test_a_left_out_line_before_the_bead_on_the_target_side_joins_too():
    table = {"ab": [1.0, 0.0], "a": [1.0, 0.0], "b": [0.0, 0.1]}
    path = [(0, 0, 0, 1), (0, 1, 1, 1)]  # b left out before the bead ab-a
    lengths = (np.array([40.0]), np.array([20.0, 20.0]), 1.0)
    out, _, _ = _run(table, path, [0.5, 0.8], lengths=lengths, src=["ab"], tgt=["b", "a"])
    assert out == [(0, 1, 0, 2)]


def test_no_join_when_the_lengths_agree_without_it():
    lengths = (np.array([20.0, 20.0]), np.array([20.0]), 1.0)
    out, conf, enc = _run(TABLE, PATH, [0.9, 0.6], lengths=lengths)
    assert out == PATH and conf == [0.9, 0.6]
    assert enc.seen == []  # joins the lengths reject are not encoded


def test_no_join_when_the_encoder_objects():
    # B means something ab does not say: the joined text moves away from ab
    out, _, _ = _run(dict(TABLE, B=[0.0, 1.0]), PATH, [0.9, 0.6])
    assert out == PATH


def test_unencoded_sentences_and_shapes_beyond_the_dp_take_no_part():
    sv = _Bag(TABLE).encode(SRC)
    sv[1] = np.nan  # B not encoded (over the encoding budget)
    out, _, enc = _run(TABLE, PATH, [0.9, 0.6], src_vec=sv)
    assert out == PATH and enc.seen == []
    out, _, _ = _run(TABLE, PATH, [0.9, 0.6], shapes={(1, 1), (1, 0), (0, 1)})
    assert out == PATH  # 2-1 is not a shape of this DP
    gain, slack = length_join_margins()
    assert 0 < gain < 5 and 0 <= slack < 0.1


def test_a_clause_of_the_other_side_that_faces_the_left_out_sentence_decides():
    # the target line has two clauses; the last faces B (left out after the bead)
    tgt = ["a, z."]
    lengths = (np.array([20.0, 20.0]), np.array([40.0]), 1.0)
    table = {"A": [1.0, 0.0, 0.0], "B": [0.0, 0.1, 0.0], "a,": [1.0, 0.0, 0.0], "z.": [0.0, 0.1, 0.0]}
    out, _, enc = _run(table, PATH, [0.9, 0.6], lengths=lengths, tgt=tgt)
    assert out == [(0, 2, 0, 1)]  # "z." says what B says
    assert "z." in enc.seen
    # the line is long for another reason: its last clause says what A says, not B
    out, _, _ = _run(dict(table, **{"z.": [0.9, 0.0, 0.1]}), PATH, [0.9, 0.6], lengths=lengths, tgt=tgt)
    assert out == PATH
