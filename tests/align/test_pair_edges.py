"""A 0-1 / 1-0 bead beside a merged bead takes the merged bead's edge sentence when the encoder
pairs the two (``aligner.align.aligner.pair_edges``)."""

from __future__ import annotations

import numpy as np

from aligner.align import aligner
from aligner.align.aligner import pair_edges
from aligner.align.dp import bead_shapes

from _fake_encoder import BagEncoder as _Bag

SHAPES = set(bead_shapes(5))


def _unit(k: int, n: int = 10) -> list[float]:
    v = [0.0] * n
    v[k] = 1.0
    return v


# s3's translation t3 lost a clause: the DP joined s3 to s2's bead and left t3 on its own
SRC = ["s0", "s1", "s2", "s3", "s4", "s5"]
TGT = ["t0", "t1", "t2", "t3", "t4", "t5"]
TABLE = {**{f"s{k}": _unit(k) for k in range(6)}, **{f"t{k}": _unit(k) for k in range(6)},
         "t3": [0, 0, 0, 0.7, 0, 0, 0, 0.3, 0, 0]}
PATH = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 2, 2, 1), (4, 0, 3, 1), (4, 1, 4, 1), (5, 1, 5, 1)]
GOLD = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1), (3, 1, 3, 1), (4, 1, 4, 1), (5, 1, 5, 1)]
CONF = [0.9, 0.9, 0.8, 0.6, 0.9, 0.9]


def _run(table, path=PATH, src=SRC, tgt=TGT, conf=CONF, flip=False):
    enc = _Bag(table)
    sv, tv = enc.encode(src), enc.encode(tgt)
    enc.seen.clear()
    if flip:  # the mirror image: a 1-0 beside a 1-n bead
        path = [(j, dj, i, di) for i, di, j, dj in path]
        src, tgt, sv, tv = tgt, src, tv, sv
    out, c = pair_edges(path, np.array(conf), src, tgt, sv, tv, enc, *aligner._EDGE_MARGINS, SHAPES)
    if flip:
        out = [(j, dj, i, di) for i, di, j, dj in out]
    return out, c.tolist(), enc


def test_the_edge_sentence_of_a_merged_bead_pairs_with_the_shortened_translation_beside_it():
    out, conf, enc = _run(TABLE)
    assert out == GOLD
    assert conf == [0.9, 0.9, 0.6, 0.6, 0.9, 0.9]  # both keep the lower confidence
    assert enc.seen == ["s2 s3"]  # the merged bead's source encoded whole, once


def test_the_mirror_image_a_source_sentence_left_out_beside_a_one_to_two_bead():
    out, _, _ = _run(TABLE, flip=True)
    assert out == GOLD


def test_the_skip_after_the_merged_bead_takes_its_first_sentence_when_it_comes_before():
    # t2 shortened, left before the bead (s2 s3)-(t3)
    table = dict(TABLE, t3=_unit(3), t2=[0, 0, 0.7, 0, 0, 0, 0, 0.3, 0, 0])
    path = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 0, 2, 1), (2, 2, 3, 1), (4, 1, 4, 1), (5, 1, 5, 1)]
    out, _, _ = _run(table, path=path)
    assert out == GOLD


def test_no_move_when_the_skip_is_unrelated():
    out, conf, _ = _run(dict(TABLE, t3=_unit(8)))
    assert out == PATH and conf == CONF


def test_no_move_when_the_edge_sentence_is_closer_to_its_own_bead():
    # a real 2-1: t2 translates s2 and s3; t3 only echoes s3
    out, _, _ = _run(dict(TABLE, t2=[0, 0, 1, 1, 0, 0, 0, 0, 0, 0], t3=[0, 0, 0, 0.3, 0, 0, 0, 1, 0, 0]))
    assert out == PATH


def test_no_move_when_the_merged_bead_needs_the_edge_sentence():
    # t2 carries s3's meaning too, and t3 repeats s3: the whole bead encodes closer with it
    out, _, _ = _run(dict(TABLE, t2=[0, 0, 1, 1, 0, 0, 0, 0, 0, 0], t3=_unit(3)))
    assert out == PATH


def test_unencoded_sentences_take_no_part():
    enc = _Bag(TABLE)
    sv, tv = enc.encode(SRC), enc.encode(TGT)
    tv[3] = np.nan
    out, _ = pair_edges(PATH, np.array(CONF), SRC, TGT, sv, tv, enc, *aligner._EDGE_MARGINS, SHAPES)
    assert out == PATH


def test_no_move_without_enough_one_to_one_beads_to_tell_matched_from_unrelated():
    path = [(0, 2, 0, 1), (2, 0, 1, 1)]
    out, _, _ = _run(TABLE, path=path, src=SRC[:2], tgt=TGT[:2], conf=[0.8, 0.6])
    assert out == path
