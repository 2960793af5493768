"""Bead evidence derived from pair evidence equals evidence computed directly."""

from __future__ import annotations

import numpy as np
import pytest

from aligner.align.features import (FEATURES, bead_features, coarsen, full_window, make_side,
                                    pair_evidence, sentence_keys, skip_features)


def test_sentence_keys():
    toks, nums, cogs = sentence_keys("Presiden Joko Widodo meresmikan 1.250 rumah di UN pada 2024.")
    assert {"#1250", "#2024", "widodo", "un"} <= toks
    assert nums == {"1250", "2024"}
    assert "presi" in cogs and "di" not in toks


def _unit(rng, n, d=16):
    v = rng.normal(size=(n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_merged_cosine_is_the_cosine_of_the_weighted_sum():
    rng = np.random.default_rng(0)
    src = make_side(["a b c", "dddd eeee", "ff", "gggg hhhh iiii"]).with_vectors(_unit(rng, 4))
    tgt = make_side(["xx yy", "zzzz", "qq rr ss tt", "w"]).with_vectors(_unit(rng, 4))
    w = full_window(4, 4)
    pe = pair_evidence(src, tgt, w, 3)
    X, valid, has_vec = bead_features(src, tgt, w, pe, 2, 1, 1.0)
    i, j = 3, 2  # bead: source 1, 2 with target 1
    assert valid[i, j] and has_vec[i, j]
    va = src.lengths[1] * src.vectors[1] + src.lengths[2] * src.vectors[2]
    vb = tgt.vectors[1]
    want = float(va @ vb / np.linalg.norm(va) / np.linalg.norm(vb))
    assert X[i, j, FEATURES.index("cos")] == pytest.approx(want, abs=1e-5)
    assert not valid[1, 0]  # needs two source sentences and one target


def test_shared_tokens_and_numbers():
    src = make_side(["In 2019 Jakarta grew.", "Nothing here."])
    tgt = make_side(["Pada 2019 Jakarta tumbuh.", "Tidak ada."])
    w = full_window(2, 2)
    pe = pair_evidence(src, tgt, w, 3)
    X, valid, has_vec = bead_features(src, tgt, w, pe, 1, 1, 1.0)
    assert not has_vec.any()
    assert X[1, 1, FEATURES.index("tok")] == pytest.approx(4 / 7)  # {2019, jakarta} of 3 + 4 keys
    assert X[1, 1, FEATURES.index("num")] == pytest.approx(1.0)
    assert X[1, 2, FEATURES.index("tok")] == 0.0
    Xs, _ = skip_features(src, tgt, pe, True)
    assert Xs.shape == (2, 7)


def test_lexicon_counts_translations_as_shared():
    class Toy:
        src_lang, tgt_lang, name = "en", "id", "toy"

        def translations(self, word):
            return frozenset({"rumah"}) if word == "house" else frozenset()

    src = make_side(["The house burned."])
    tgt = make_side(["Rumah terbakar."])
    w = full_window(1, 1)
    plain = pair_evidence(src, tgt, w, 3)
    lex = pair_evidence(src, tgt, w, 3, Toy())
    assert plain.tok.sum() == 0 and lex.tok.sum() == 1


def test_coarsen_merges_evidence():
    side = make_side(["Alpha 1.", "Beta 2.", "Gamma 3."])
    c = coarsen(side)
    assert len(c) == 2 and c.numbers[0] == {"1", "2"} and c.lengths[0] == side.lengths[:2].sum()


def test_paragraph_breaks_inside_merges_are_counted():
    import importlib

    sim = importlib.import_module("aligner.align.similarity")
    src = make_side(["a", "b", "c"], paragraphs=[0, 0, 1])
    tgt = make_side(["x", "y", "z"], paragraphs=[0, 1, 1])
    w = full_window(3, 3)
    brk = sim._paragraph_breaks(src, tgt, w, 2, 1)
    assert brk[2, 1] == 0  # source 0-1 (same paragraph) with target 0
    assert brk[3, 1] == 1  # source 1-2 crosses a break
    brk = sim._paragraph_breaks(src, tgt, w, 1, 2)
    assert brk[1, 2] == 1 and brk[1, 3] == 0
