"""A merged bead loses an edge sentence only on positive evidence: without it, encoded as whole
texts, the bead is closer to its other side (``aligner.align.aligner.peel_edges``)."""

from __future__ import annotations

import numpy as np

from aligner.align.aligner import peel_edges
from aligner.align.bead_scorer import join_clause_margins, peel_margin
from aligner.align.dp import bead_shapes

from _clause_doc import CL_SRC, CL_TGT, CLAUSE, clause_table
from _fake_encoder import TableEncoder as _Table


SRC = ["Der Gipfel ist 8603 m hoch.", "Wir stiegen ab."]
TGT = ["Le sommet a 8603 m.", "Photo Schweiz.", "Nous sommes descendus."]
# beads: src 0 - tgt 0+1 (a caption joined to it), src 1 - tgt 2
PATH = [(0, 1, 0, 2), (1, 1, 2, 1)]
SHAPES = set(bead_shapes(4))


def _table(joined: list[float]) -> dict[str, list[float]]:
    return {SRC[0]: [1.0, 0.0, 0.0], SRC[1]: [0.0, 0.0, 1.0], TGT[0]: [1.0, 0.0, 0.0],
            TGT[1]: [0.0, 1.0, 0.0], TGT[2]: [0.0, 0.0, 1.0], TGT[0] + " " + TGT[1]: joined}


def _vectors(texts: list[str], table: dict[str, list[float]]) -> np.ndarray:
    return np.array([table[t] for t in texts], dtype=np.float32)


def test_a_line_the_other_side_does_not_carry_is_peeled_off():
    table = _table([1.0, 1.0, 0.0])  # the caption pulls the joined text away (cosine 0.71)
    enc = _Table(table)
    path, conf = peel_edges(PATH, np.array([0.9, 0.95]), SRC, TGT, _vectors(SRC, table),
                            _vectors(TGT, table), enc, peel_margin(), SHAPES)
    assert path == [(0, 1, 0, 1), (1, 0, 1, 1), (1, 1, 2, 1)]
    assert conf.tolist() == [0.9, 0.9, 0.95]  # both parts keep the merged bead's confidence
    assert enc.seen == [TGT[0] + " " + TGT[1]]  # one call, the merged side only


def test_a_merge_the_joined_text_supports_stays():
    table = _table([1.0, 0.05, 0.0])  # joined, as close as the first sentence alone (within the margin)
    path, conf = peel_edges(PATH, np.array([0.9, 0.95]), SRC, TGT, _vectors(SRC, table),
                            _vectors(TGT, table), _Table(table), peel_margin(), SHAPES)
    assert path == PATH and conf.tolist() == [0.9, 0.95]


def test_sentences_without_vectors_and_shapes_beyond_the_dp_take_no_part():
    table = _table([1.0, 1.0, 0.0])
    src_vec = _vectors(SRC, table)
    src_vec[0] = np.nan  # not encoded (over the encoding budget)
    path, _ = peel_edges(PATH, np.array([0.9, 0.95]), SRC, TGT, src_vec, _vectors(TGT, table),
                         _Table(table), peel_margin(), SHAPES)
    assert path == PATH
    path, _ = peel_edges(PATH, np.array([0.9, 0.95]), SRC, TGT, _vectors(SRC, table),
                         _vectors(TGT, table), _Table(table), peel_margin(), {(1, 2)})
    assert path == PATH  # the rest (1-1) is not a shape allowed here
    assert 0 < peel_margin() < 1


class _Hashing:
    """An encoder called ``use`` that gives every text a fixed pseudo-random vector."""

    name = "use"

    def encode(self, texts):  # noqa: D102
        return np.array([np.random.default_rng(sum(map(ord, t))).normal(size=8) for t in texts], dtype=np.float32)


def test_the_whole_text_passes_run_only_where_the_encoder_knows_both_languages(monkeypatch):
    """USE was never trained on Finnish: its joined-text cosines are noise there, so none of
    the join of left-out sentences, the peel of edge lines and the cut of merged beads runs
    (en-de: all three run)."""
    from aligner.align import aligner
    from aligner.config import Config

    calls: list[str] = []

    def recording(name):
        def passthrough(path, conf, *args):
            calls.append(name)
            return path, conf
        return passthrough

    monkeypatch.setattr(aligner, "pair_skips", recording("pair"))
    monkeypatch.setattr(aligner, "join_skips", recording("join"))
    monkeypatch.setattr(aligner, "peel_edges", recording("peel"))
    monkeypatch.setattr(aligner, "split_merges", recording("split"))
    monkeypatch.setattr(aligner, "pair_edges", recording("edges"))
    src = ["The summit is 8603 m high.", "We went down.", "It was cold."]
    tgt = ["Huippu on 8603 m.", "Laskeuduimme.", "Oli kylmä."]
    config = Config(encoder="use")
    aligner.align_texts(src, tgt, config, src_lang="en", tgt_lang="fi", encoder=_Hashing())
    assert calls == []
    aligner.align_texts(src, tgt, config, src_lang="en", tgt_lang="de", encoder=_Hashing())
    assert calls == ["pair", "join", "peel", "split", "edges"]
    aligner.align_texts(src, tgt, config, encoder=_Hashing())  # languages not given: as before
    assert calls == ["pair", "join", "peel", "split", "edges"] * 2


def test_a_run_of_debris_lines_is_peeled_off_though_each_alone_moves_too_little():
    """Text+Berg: a German sentence, its French partner and three lines of OCR debris (a caption,
    a photo credit, stray marks) in one 1-4 bead; each debris line alone lowers the joined text's
    cosine by less than the margin, the three together by more."""
    from _fake_encoder import BagEncoder

    src, tgt = ["summit"], ["sommet", "dots", "caption", "credit"]
    table = {"summit": [1.0, 0.0, 0.0, 0.0], "sommet": [1.0, 0.0, 0.0, 0.0], "dots": [0.0, 0.25, 0.0, 0.0],
             "caption": [0.0, 0.0, 0.25, 0.0], "credit": [0.0, 0.0, 0.0, 0.25]}
    shapes = {(1, 1), (1, 2), (1, 3), (1, 4)}
    assert 1 / np.sqrt(1.125) - 1 / np.sqrt(1.1875) < peel_margin()  # one line alone: below the margin
    path, conf = peel_edges([(0, 1, 0, 4)], np.array([0.8]), src, tgt, _vectors(src, table),
                            _vectors(tgt, table), BagEncoder(table), peel_margin(), shapes)
    assert path == [(0, 1, 0, 1), (1, 0, 1, 1), (1, 0, 2, 1), (1, 0, 3, 1)]
    assert conf.tolist() == [0.8] * 4
    # only runs that leave a shape the DP allows: here 1-2, so two of the three lines go
    path, _ = peel_edges([(0, 1, 0, 4)], np.array([0.8]), src, tgt, _vectors(src, table),
                         _vectors(tgt, table), BagEncoder(table), peel_margin(), {(1, 4), (1, 2)})
    assert path == [(0, 1, 0, 2), (1, 0, 2, 1), (1, 0, 3, 1)]


# the two German sentences in one bead with the French (tests/align/_clause_doc.py)
_CL_PATH = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1), (3, 2, 3, 1)]
_PEELED = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1), (3, 1, 3, 1), (4, 1, 4, 0)]


def test_a_line_the_facing_clause_carries_stays_in_the_bead():
    conf = np.array([0.99, 0.99, 0.99, 0.9])
    table = clause_table([0, 0, 0, 0, 1, 0])  # the French sentence's last clause is the short German one
    enc = _Table(table)
    path, _ = peel_edges(_CL_PATH, conf, CL_SRC, CL_TGT, _vectors(CL_SRC, table), _vectors(CL_TGT, table),
                         enc, peel_margin(), SHAPES, join_clause_margins())
    assert path == _CL_PATH
    assert CLAUSE in enc.seen
    path, _ = peel_edges(_CL_PATH, conf, CL_SRC, CL_TGT, _vectors(CL_SRC, table), _vectors(CL_TGT, table),
                         _Table(table), peel_margin(), SHAPES)
    assert path == _PEELED  # without clause margins the whole texts alone decide
    table = clause_table([0, 0, 0, 1, 0, 0])  # the clause belongs to the bead's first sentence
    path, _ = peel_edges(_CL_PATH, conf, CL_SRC, CL_TGT, _vectors(CL_SRC, table), _vectors(CL_TGT, table),
                         _Table(table), peel_margin(), SHAPES, join_clause_margins())
    assert path == _PEELED
