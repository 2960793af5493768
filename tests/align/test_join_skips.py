"""A 1-0 / 0-1 bead joins its neighbour only on positive evidence: the joined sentences,
encoded as one text, are closer to the other side (``aligner.align.aligner.join_skips``)."""

from __future__ import annotations

import numpy as np

from aligner.align.aligner import join_skips
from aligner.align.bead_scorer import join_margin
from aligner.align.dp import bead_shapes

from _fake_encoder import TableEncoder as _Table


SRC = ["The council met on Monday and voted against the plan.", "Many people came."]
TGT = ["Le conseil s'est réuni lundi.", "Il a voté contre le plan.", "Beaucoup sont venus."]
# beads: src 0 - tgt 0, tgt 1 left out, src 1 - tgt 2
PATH = [(0, 1, 0, 1), (1, 0, 1, 1), (1, 1, 2, 1)]
SHAPES = set(bead_shapes(4))


def _vectors(texts: list[str], table: dict[str, list[float]]) -> np.ndarray:
    return np.array([table[t] for t in texts], dtype=np.float32)


def test_a_sentence_that_completes_its_neighbour_joins_it():
    table = {SRC[0]: [1.0, 1.0, 0.0], SRC[1]: [0.0, 0.0, 1.0], TGT[0]: [1.0, 0.0, 0.0],
             TGT[1]: [0.0, 1.0, 0.0], TGT[2]: [0.0, 0.0, 1.0],
             TGT[0] + " " + TGT[1]: [1.0, 1.0, 0.0], TGT[1] + " " + TGT[2]: [0.0, 1.0, 1.0]}
    enc = _Table(table)
    path, conf = join_skips(PATH, np.array([0.9, 0.5, 0.95]), SRC, TGT, _vectors(SRC, table),
                            _vectors(TGT, table), enc, join_margin(), SHAPES)
    assert path == [(0, 1, 0, 2), (1, 1, 2, 1)]
    assert conf.tolist() == [0.9, 0.95]  # the joined bead keeps its neighbour's confidence
    assert set(enc.seen) == {TGT[0] + " " + TGT[1], TGT[1] + " " + TGT[2]}  # one call, joined texts only


def test_a_sentence_the_other_side_does_not_carry_stays_out():
    table = {SRC[0]: [1.0, 0.0, 0.0], SRC[1]: [0.0, 0.0, 1.0], TGT[0]: [1.0, 0.0, 0.0],
             TGT[1]: [0.0, 1.0, 0.0], TGT[2]: [0.0, 0.0, 1.0],
             TGT[0] + " " + TGT[1]: [1.0, 1.0, 0.0], TGT[1] + " " + TGT[2]: [0.0, 1.0, 1.0]}
    path, conf = join_skips(PATH, np.array([0.9, 0.5, 0.95]), SRC, TGT, _vectors(SRC, table),
                            _vectors(TGT, table), _Table(table), join_margin(), SHAPES)
    assert path == PATH and conf.tolist() == [0.9, 0.5, 0.95]


def test_sentences_without_vectors_and_shapes_beyond_the_dp_take_no_part():
    table = {SRC[0]: [1.0, 1.0, 0.0], SRC[1]: [0.0, 0.0, 1.0], TGT[0]: [1.0, 0.0, 0.0],
             TGT[1]: [0.0, 1.0, 0.0], TGT[2]: [0.0, 0.0, 1.0],
             TGT[0] + " " + TGT[1]: [1.0, 1.0, 0.0], TGT[1] + " " + TGT[2]: [0.0, 1.0, 1.0]}
    src_vec = _vectors(SRC, table)
    src_vec[0] = np.nan  # not encoded (over the encoding budget)
    path, _ = join_skips(PATH, np.array([0.9, 0.5, 0.95]), SRC, TGT, src_vec, _vectors(TGT, table),
                         _Table(table), join_margin(), SHAPES)
    assert path == PATH
    path, _ = join_skips(PATH, np.array([0.9, 0.5, 0.95]), SRC, TGT, _vectors(SRC, table),
                         _vectors(TGT, table), _Table(table), join_margin(), {(1, 1)})
    assert path == PATH
