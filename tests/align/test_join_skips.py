"""A 1-0 / 0-1 bead joins its neighbour only on positive evidence: the joined sentences,
encoded as one text, are closer to the other side (``aligner.align.aligner.join_skips``)."""

from __future__ import annotations

import numpy as np

from aligner.align.aligner import join_skips
from aligner.align.bead_scorer import join_clause_margins, join_margin
from aligner.align.dp import bead_shapes

from _clause_doc import CL_SRC, CL_TGT, CLAUSE, clause_table
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


# the German sentence 4 left out after the bead of 3 (tests/align/_clause_doc.py)
_CL_PATH = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1), (3, 1, 3, 1), (4, 1, 4, 0)]


def test_a_short_sentence_that_a_clause_of_the_other_side_carries_joins():
    table = clause_table([0, 0, 0, 0, 1, 0])  # the clause is the left-out sentence's
    enc = _Table(table)
    path, conf = join_skips(_CL_PATH, np.array([0.99, 0.99, 0.99, 0.97, 0.9]), CL_SRC, CL_TGT,
                            _vectors(CL_SRC, table), _vectors(CL_TGT, table), enc, join_margin(), SHAPES,
                            join_clause_margins())
    assert path == [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1), (3, 2, 3, 1)]
    assert conf.tolist() == [0.99, 0.99, 0.99, 0.97]
    assert CLAUSE in enc.seen
    path, _ = join_skips(_CL_PATH, np.array([0.99, 0.99, 0.99, 0.97, 0.9]), CL_SRC, CL_TGT,
                         _vectors(CL_SRC, table), _vectors(CL_TGT, table), _Table(table), join_margin(), SHAPES)
    assert path == _CL_PATH  # without clause margins, the whole texts alone decide
    assert 0 < join_clause_margins()[1] < join_clause_margins()[0] < 1


def test_a_clause_that_belongs_to_the_bead_itself_keeps_the_sentence_out():
    table = clause_table([0, 0, 0, 1, 0, 0])  # the clause is the bead's own German sentence
    path, _ = join_skips(_CL_PATH, np.array([0.99, 0.99, 0.99, 0.97, 0.9]), CL_SRC, CL_TGT,
                         _vectors(CL_SRC, table), _vectors(CL_TGT, table), _Table(table), join_margin(), SHAPES,
                         join_clause_margins())
    assert path == _CL_PATH


def test_a_piece_of_two_clauses_can_carry_the_left_out_sentence():
    # a comma cuts the facing clause shorter than what the translator moved: the last clause
    # alone says nothing, the last two carry the German sentence
    tgt = ["un", "deux", "trois",
           "Le camp fut installé au pied du glacier le 12 juin , enfin , les reconnaissances commencèrent ."]
    table = clause_table([0, 0, 0, 0, 0, 1])
    table[tgt[3]] = table.pop(CL_TGT[3])
    table["les reconnaissances commencèrent ."] = [0, 0, 0, 0, 0, 1]  # alone: unrelated to everything
    table["enfin , les reconnaissances commencèrent ."] = [0, 0, 0, 0, 1, 0]
    enc = _Table(table)
    path, _ = join_skips(_CL_PATH, np.array([0.99, 0.99, 0.99, 0.97, 0.9]), CL_SRC, tgt,
                         _vectors(CL_SRC, table), _vectors(tgt, table), enc, join_margin(), SHAPES,
                         join_clause_margins())
    assert path == [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1), (3, 2, 3, 1)]
    assert {"les reconnaissances commencèrent .", "enfin , les reconnaissances commencèrent ."} <= set(enc.seen)
    table["enfin , les reconnaissances commencèrent ."] = [0, 0, 0, 0, 0, 1]  # no piece carries it
    path, _ = join_skips(_CL_PATH, np.array([0.99, 0.99, 0.99, 0.97, 0.9]), CL_SRC, tgt,
                         _vectors(CL_SRC, table), _vectors(tgt, table), _Table(table), join_margin(), SHAPES,
                         join_clause_margins())
    assert path == _CL_PATH
