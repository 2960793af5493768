"""Bead evidence derived from pair evidence equals evidence computed directly."""

from __future__ import annotations

import numpy as np
import pytest

from aligner.align.features import (
    FEATURES,
    SKIP_FEATURES,
    band_evidence,
    bead_features,
    skip_features,
)
from aligner.align.sides import (
    bracket_profile,
    coarsen,
    full_window,
    make_side,
    pair_grid,
    sentence_keys,
    sentence_sounds,
    sound_keys,
)


def test_sentence_keys():
    toks, nums, cogs = sentence_keys("Presiden Joko Widodo meresmikan 1.250 rumah di UN pada 2024.")
    assert {"#1250", "#2024", "widodo", "un"} <= toks
    assert nums == {"1250", "2024"}
    assert "presi" in cogs and "di" not in toks


def test_a_time_or_score_shares_its_parts_with_a_form_without_the_colon():
    _, en, _ = sentence_keys("Bouchard equalised on 27:37.")
    _, ja, _ = sentence_keys("ブシャールが 27 分 37 秒に同点ゴールを決めた。")
    assert en == {"2737", "27", "37"} and ja <= en
    _, nums, _ = sentence_keys("They built 1,250 houses.")
    assert nums == {"1250"}  # thousands separators keep one number
    assert sentence_keys("более 820 000 человек, 1\u202f250\u00a0000 рублей")[1] == {"820000", "1250000"}
    assert sentence_keys("In 2018 100 people came.")[1] == {"2018", "100"}  # not groups of three


def _unit(rng, n, d=16):
    v = rng.normal(size=(n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _encoded_grid(src_texts, tgt_texts, seed, shape, max_bead):
    """Random unit vectors for both sides and the features of ``shape`` on the whole grid."""
    rng = np.random.default_rng(seed)
    src = make_side(src_texts).with_vectors(_unit(rng, len(src_texts)))
    tgt = make_side(tgt_texts).with_vectors(_unit(rng, len(tgt_texts)))
    w = full_window(len(src), len(tgt))
    pe = band_evidence(src, tgt, w, max_bead)
    return (src, tgt, *bead_features(src, tgt, w, pe, *shape, 1.0))


def test_merged_cosine_is_the_cosine_of_the_weighted_sum():
    src, tgt, X, valid, has_vec = _encoded_grid(["a b c", "dddd eeee", "ff", "gggg hhhh iiii"],
                                                ["xx yy", "zzzz", "qq rr ss tt", "w"], 0, (2, 1), 3)
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
    pe = band_evidence(src, tgt, w, 3)
    X, valid, has_vec = bead_features(src, tgt, w, pe, 1, 1, 1.0)
    assert not has_vec.any()
    assert X[1, 1, FEATURES.index("tok")] == pytest.approx(4 / 7)  # {2019, jakarta} of 3 + 4 keys
    assert X[1, 1, FEATURES.index("num")] == pytest.approx(1.0)
    assert X[1, 2, FEATURES.index("tok")] == 0.0
    Xs, _ = skip_features(src, tgt, pe, True)
    assert Xs.shape == (2, len(SKIP_FEATURES))


def test_shared_tokens_of_a_merge_count_each_word_once():
    # "Jakarta" recurs in both source sentences; merged, they match the target's one "Jakarta"
    # once, so the group is no better supported than the first sentence alone
    src = make_side(["Jakarta grew in 2019.", "Jakarta flooded later."])
    tgt = make_side(["Pada 2019 Jakarta tumbuh."])
    w = full_window(2, 1)
    pe = band_evidence(src, tgt, w, 3)
    X11, _, _ = bead_features(src, tgt, w, pe, 1, 1, 1.0)
    X21, valid, _ = bead_features(src, tgt, w, pe, 2, 1, 1.0)
    tok = FEATURES.index("tok")
    assert X11[1, 1, tok] == pytest.approx(4 / 7)  # {jakarta, 2019} of 3 + 4 keys, both ways
    assert valid[2, 1]
    # matched: 2 of the first sentence's 3 keys, 1 of the second's 3, 2 of the target's 4
    assert X21[2, 1, tok] == pytest.approx(5 / 10)


def test_lexicon_counts_translations_as_shared():
    class Toy:
        src_lang, tgt_lang, name = "en", "id", "toy"

        def translations(self, word):
            return frozenset({"rumah"}) if word == "house" else frozenset()

    src = make_side(["The house burned."])
    tgt = make_side(["Rumah terbakar."])
    w = full_window(1, 1)
    plain = band_evidence(src, tgt, w, 3)
    lex = band_evidence(src, tgt, w, 3, Toy())
    assert plain.tokens.tok.sum() == 0 and lex.tokens.tok.sum() == 1


def test_a_name_keeps_its_consonants_through_transliteration():
    assert sound_keys("Trump") == {("LATIN", "TRNP")}
    assert sound_keys("Трамп") == {("CYRILLIC", "TRNP")}
    assert sound_keys("트럼프는") == {("HANGUL", "TRNP")}  # a particle after the name
    assert sound_keys("ترامب") == {("ARABIC", "TRNP")}
    # a Japanese word is read run by run: the katakana name, not the kanji or the hiragana
    assert sound_keys("トランプ大統領は") == {("KATAKANA", "TRNP")}
    assert sound_keys("特朗普") == frozenset()  # Han characters: pinyin does not follow the name
    assert sound_keys("trumpet") == frozenset()  # cased script: only capitalised words
    assert sound_keys("Kim") == frozenset()  # too few consonants to tell names apart


def _one_one_features(src_texts: list[str], tgt_texts: list[str]) -> np.ndarray:
    src, tgt = make_side(src_texts), make_side(tgt_texts)
    w = full_window(len(src), len(tgt))
    X, _, _ = bead_features(src, tgt, w, band_evidence(src, tgt, w, 3), 1, 1, 1.0)
    return X


def test_a_name_in_another_script_is_a_shared_token():
    X = _one_one_features(["Trump met the delegation.", "Nothing here."],
                          ["Трамп встретился с делегацией.", "Ничего."])
    tok = FEATURES.index("tok")
    # {trump} of {trump, delegation} and {трамп} of {трамп, встретился, делегацией}
    assert X[1, 1, tok] == pytest.approx(2 / 5)
    assert X[1, 2, tok] == 0.0
    assert ("трамп", "CYRILLIC", "TRNP") in sentence_sounds("Трамп встретился с делегацией.")


def test_sound_keys_do_not_match_within_one_script():
    # the same script already matches its own words exactly; a sound key there would only add
    # near-misses (Trump / Tramp)
    X = _one_one_features(["Trump spoke."], ["Tramp spoke."])
    assert X[1, 1, FEATURES.index("tok")] == pytest.approx(2 / 4)  # "spoke" only


def test_bracket_profile():
    assert bracket_profile("Jean Franco ( « Makalu » , Grenoble :") == (1, 0)
    assert bracket_profile("Arthaud ) , in Zürich ( 1956 ) .") == (-1, -1)
    assert bracket_profile("a ) b ( c") == (0, -1)
    assert bracket_profile("[1] (x)") == (0, 0)


def test_a_bead_that_cuts_a_parenthesis_is_marked():
    # source 0 opens a bracket that source 1 closes; the target keeps it in one sentence
    src = make_side(["The book ( London :", "Collins 1956 ) is fine.", "It sold."])
    tgt = make_side(["Le livre ( Collins , Londres ) est bien.", "Il se vend."])
    w = full_window(3, 2)
    pe = band_evidence(src, tgt, w, 3)
    one, both = FEATURES.index("brk_one"), FEATURES.index("brk_both")
    X11, _, _ = bead_features(src, tgt, w, pe, 1, 1, 1.0)
    X21, _, _ = bead_features(src, tgt, w, pe, 2, 1, 1.0)
    assert X11[1, 1, one] == 1.0 and X11[1, 1, both] == 0.0  # "( London :" alone
    assert X11[2, 1, one] == 1.0  # "Collins 1956 )" alone
    assert X11[3, 2, one] == 0.0  # "It sold." with "Il se vend."
    assert X21[2, 1, one] == 0.0 and X21[2, 1, both] == 0.0  # the whole parenthesis
    # a skipped half of a parenthesis is marked too
    S, _ = skip_features(src, tgt, pe, as_src=True)
    assert list(S[:, SKIP_FEATURES.index("brk")]) == [1.0, 1.0, 0.0]
    # joined on a coarse level, the two halves are balanced
    assert coarsen(src).brackets.tolist() == [[0, 0], [0, 0]]


def test_coarsen_merges_evidence():
    side = make_side(["Alpha 1.", "Beta 2.", "Gamma 3."])
    c = coarsen(side)
    assert len(c) == 2 and c.numbers[0] == {"1", "2"} and c.lengths[0] == side.lengths[:2].sum()
    names = coarsen(make_side(["Trump spoke.", "Sarkozy too.", "Alone."]))
    assert {k for _, _, k in names.sound_sets[0]} == {"TRNP", "SRKS"}


def test_paragraph_breaks_inside_merges_are_counted():
    import importlib

    sim = importlib.import_module("aligner.align.bead_scorer")
    src = make_side(["a", "b", "c"], paragraphs=[0, 0, 1])
    tgt = make_side(["x", "y", "z"], paragraphs=[0, 1, 1])
    w = full_window(3, 3)
    brk = sim._paragraph_breaks(src, tgt, w, 2, 1)
    assert brk[2, 1] == 0  # source 0-1 (same paragraph) with target 0
    assert brk[3, 1] == 1  # source 1-2 crosses a break
    brk = sim._paragraph_breaks(src, tgt, w, 1, 2)
    assert brk[1, 2] == 1 and brk[1, 3] == 0


def test_neighbour_margin_is_cosine_minus_mean_neighbour_cosine():
    src, tgt, X, valid, has_vec = _encoded_grid(["aaaa", "bbbb cccc", "dddd", "eeee ffff"],
                                                ["gggg", "hhhh", "iiii jjjj", "kkkk"], 1, (1, 2), 4)
    i, j = 2, 3  # bead: source 1 with targets 1, 2; neighbours: source 0, 2 and target 0, 3
    assert valid[i, j] and has_vec[i, j]
    vs = src.vectors
    vt_group = tgt.lengths[1] * tgt.vectors[1] + tgt.lengths[2] * tgt.vectors[2]
    vt_group = vt_group / np.linalg.norm(vt_group)
    src_side = (vs[1] @ tgt.vectors[0] + vs[1] @ tgt.vectors[3]) / 2
    tgt_side = (vt_group @ vs[0] + vt_group @ vs[2]) / 2
    want = float(vs[1] @ vt_group) - (src_side + tgt_side) / 2
    assert X[i, j, FEATURES.index("nbr")] == pytest.approx(want, abs=1e-5)
    lenpen = X[i, j, FEATURES.index("lenpen")]
    assert 0 < lenpen <= 1
    assert X[i, j, FEATURES.index("nbr_len")] == pytest.approx(want * lenpen, abs=1e-5)


def test_neighbour_margin_at_the_document_edge_uses_the_one_neighbour():
    src, tgt, X, valid, has_vec = _encoded_grid(["aaaa", "bbbb"], ["cccc", "dddd"], 2, (1, 1), 4)
    vs, vt = src.vectors, tgt.vectors
    want = float(vs[0] @ vt[0]) - (float(vs[0] @ vt[1]) + float(vt[0] @ vs[1])) / 2
    assert X[1, 1, FEATURES.index("nbr")] == pytest.approx(want, abs=1e-5)


def test_a_bead_with_no_neighbour_is_measured_against_the_hubness_baseline():
    # the 2-2 bead ending at (2, 2) holds the whole document: nothing lies outside it
    src, tgt, X, valid, has_vec = _encoded_grid(["aaaa", "bbbb"], ["cccc", "dddd"], 3, (2, 2), 4)
    assert valid[2, 2] and has_vec[2, 2]
    assert X[2, 2, FEATURES.index("nbr")] == pytest.approx(X[2, 2, FEATURES.index("margin")])
    assert X[2, 2, FEATURES.index("nbr")] != pytest.approx(X[2, 2, FEATURES.index("cos")])


def test_length_penalty_prefers_balanced_beads():
    src = make_side(["x" * 100, "y" * 100])
    tgt = make_side(["z" * 100, "w" * 10])
    w = full_window(2, 2)
    pe = band_evidence(src, tgt, w, 4)
    X, _, _ = bead_features(src, tgt, w, pe, 1, 1, 1.0)
    k = FEATURES.index("lenpen")
    assert X[1, 1, k] == pytest.approx(1.0)  # 100 vs 100: log2(2)
    assert X[2, 2, k] == pytest.approx(np.log2(1.1))  # 100 vs 10


def test_band_evidence_equals_full_grid_evidence():
    """Inside a band, every feature (neighbour margin included) is what the whole grid gives."""
    from aligner.align.band import window_from_path

    rng = np.random.default_rng(3)
    n = m = 40
    words = [f"w{k}xx" for k in range(30)]
    texts_s = [" ".join(rng.choice(words, 4)) for _ in range(n)]
    texts_t = [" ".join(rng.choice(words, 4)) for _ in range(m)]
    src = make_side(texts_s).with_vectors(_unit(rng, n))
    tgt = make_side(texts_t).with_vectors(_unit(rng, m))
    band = window_from_path([(i, 1, i, 1) for i in range(n)], n, m, 1, 3)
    full = full_window(n, m)
    pe_b, pe_f = band_evidence(src, tgt, band, 4), band_evidence(src, tgt, full, 4)
    for shape in ((1, 1), (1, 4), (3, 2), (2, 2)):
        Xb, vb, _ = bead_features(src, tgt, band, pe_b, *shape, 1.0)
        Xf, _, _ = bead_features(src, tgt, full, pe_f, *shape, 1.0)
        cols = band.cols()
        for i in range(n + 1):
            for c in range(band.width):
                j = cols[i, c]
                if vb[i, c]:
                    # the band's path is the diagonal, the whole grid's expected position:
                    # every feature agrees, the hubness margin included
                    assert Xb[i, c] == pytest.approx(Xf[i, j], abs=1e-5), (shape, i, j)
    for as_src, (a, b) in ((True, (src, tgt)), (False, (tgt, src))):
        assert skip_features(a, b, pe_b, as_src)[0] == pytest.approx(skip_features(a, b, pe_f, as_src)[0], abs=1e-6)


def _wandering_pair(seed: int, n: int, m: int):
    rng = np.random.default_rng(seed)
    words = [f"w{k}xx" for k in range(40)]
    src = make_side([" ".join(rng.choice(words, 4)) for _ in range(n)]).with_vectors(_unit(rng, n))
    tgt = make_side([" ".join(rng.choice(words, 4)) for _ in range(m)]).with_vectors(_unit(rng, m))
    # a path with a passage of targets left out, as the band's coarse path might be
    path = [(i, 1, i, 1) for i in range(20)] + [(20, 0, 20, 15)] + [(i, 1, i + 15, 1) for i in range(20, n)]
    return src, tgt, path


def test_features_do_not_depend_on_the_band_width():
    """Bands of any width drawn around the same path give every node they share the same bead
    features (the hubness margin's baseline sits on the path, not the band's middle) and every
    sentence the same skip features (best partner in its reach, not in the band)."""
    from aligner.align.band import window_from_path

    n, m = 50, 65
    src, tgt, path = _wandering_pair(5, n, m)
    narrow = window_from_path(path, n, m, 1, 2)
    wide = window_from_path(path, n, m, 1, 12)
    assert wide.width > narrow.width + 10
    ev_n, ev_w = band_evidence(src, tgt, narrow, 4), band_evidence(src, tgt, wide, 4)
    for shape in ((1, 1), (2, 1), (1, 3), (2, 2)):
        Xn, vn, hn = bead_features(src, tgt, narrow, ev_n, *shape, 1.0)
        Xw, vw, hw = bead_features(src, tgt, wide, ev_w, *shape, 1.0)
        cols_n, cols_w = narrow.cols(), wide.cols()
        for i in range(n + 1):
            for c in range(narrow.width):
                if vn[i, c]:
                    k = cols_n[i, c] - wide.lo[i]
                    assert cols_w[i, k] == cols_n[i, c] and vw[i, k] and hw[i, k] == hn[i, c]
                    assert Xn[i, c] == pytest.approx(Xw[i, k], abs=1e-5), (shape, i, cols_n[i, c])
    for as_src, (a, b) in ((True, (src, tgt)), (False, (tgt, src))):
        Sn, _ = skip_features(a, b, ev_n, as_src)
        Sw, _ = skip_features(a, b, ev_w, as_src)
        assert Sn == pytest.approx(Sw, abs=1e-6)


def test_a_skip_feature_finds_the_best_partner_in_reach_beyond_the_band():
    """A sentence's best cosine is looked for among the sentences near its expected position,
    also where the band is narrower; a partner beyond the reach does not count."""
    from aligner.align.band import window_from_path
    from aligner.align.features import REACH

    n = m = 50
    src, tgt, _ = _wandering_pair(6, n, m)
    vt = tgt.vectors.copy()
    vt[30 + 14] = src.vectors[30]  # source 30's twin 14 targets past its expected partner
    vt[49] = src.vectors[2]  # source 2's twin, far beyond its reach
    tgt = tgt.with_vectors(vt)
    narrow = window_from_path([(i, 1, i, 1) for i in range(n)], n, m, 1, 1)
    band_pairs = pair_grid(narrow, n, m, 4)  # what the band's beads look at
    assert band_pairs.plo[30] + band_pairs.width <= 30 + 14
    assert 49 - 2 > REACH + 5  # and the other one well outside the reach
    ev = band_evidence(src, tgt, narrow, 4)
    S, _ = skip_features(src, tgt, ev, True)
    k = SKIP_FEATURES.index("best_cos")
    assert S[30, k] == pytest.approx(1.0, abs=1e-5)
    assert S[2, k] < 0.9
