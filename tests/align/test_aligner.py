"""End-to-end alignment on small fixtures (surface evidence, so no model is needed)."""

from __future__ import annotations

import numpy as np
import pytest

import importlib

from aligner.align import align_texts
from aligner.align.band import FULL_GRID_NODES
from aligner.config import Config

NONE = Config(encoder="none")
aligner_mod = importlib.import_module("aligner.align.aligner")

SRC = [
    "The minister arrived in Jakarta on 12 March 2019.",
    "He met President Joko Widodo at the palace.",
    "They discussed a loan of 250 million dollars.",
    "The talks lasted three hours.",
    "Both sides signed 4 agreements.",
]
TGT = [
    "Menteri tiba di Jakarta pada 12 Maret 2019.",
    "Ia bertemu Presiden Joko Widodo di istana.",
    "Mereka membahas pinjaman 250 juta dolar.",
    "Pembicaraan berlangsung tiga jam.",
    "Kedua pihak menandatangani 4 perjanjian.",
]


def _pairs(beads):
    return [(b.src, b.tgt) for b in beads]


def test_one_to_one():
    beads = align_texts(SRC, TGT, NONE)
    assert _pairs(beads) == [((i,), (i,)) for i in range(5)]
    assert all(0.0 <= b.confidence <= 1.0 for b in beads)


def test_merge_and_insertion():
    tgt = [TGT[0], TGT[1] + " " + TGT[2], "Harga emas naik di London pada 1998 menurut Reuters.", TGT[3], TGT[4]]
    beads = _pairs(align_texts(SRC, tgt, NONE))
    assert ((1, 2), (1,)) in beads
    assert ((), (2,)) in beads
    assert beads[0] == ((0,), (0,)) and beads[-1] == ((4,), (4,))


def test_empty_sides():
    assert _pairs(align_texts([], ["a"], NONE)) == [((), (0,))]
    assert _pairs(align_texts(["a", "b"], [], NONE)) == [((0,), ()), ((1,), ())]


def test_long_document_uses_the_band_and_stays_monotone():
    n = int(FULL_GRID_NODES ** 0.5) + 60
    src = [f"Item {k} costs {k * 7 + 3} rupiah in Region{k % 13}." for k in range(n)]
    tgt = [f"Barang {k} seharga {k * 7 + 3} rupiah di Region{k % 13}." for k in range(n) if k != 40]
    beads = align_texts(src, tgt, NONE)
    pairs = _pairs(beads)
    assert ((40,), ()) in pairs
    ok = sum(1 for s, t in pairs if s and t and s[0] == (t[0] if t[0] < 40 else t[0] + 1))
    assert ok >= n - 3


def test_toy_lexicon_lights_up(monkeypatch):
    class Toy:
        src_lang, tgt_lang, name = "en", "id", "toy"
        table = {"house": {"rumah"}, "river": {"sungai"}, "bridge": {"jembatan"}, "market": {"pasar"}}

        def translations(self, word):
            return frozenset(self.table.get(word, ()))

    calls = []

    def fake(src_lang, tgt_lang, name="auto"):
        calls.append((src_lang, tgt_lang, name))
        return Toy()

    monkeypatch.setattr(aligner_mod, "load_lexicon", fake)
    # the middle sentence has no translation; only the lexicon tells which one it is
    src = ["The house near the river.", "Strong winds blew all night long.", "A bridge over the market."]
    tgt = ["Rumah dekat sungai.", "Jembatan di atas pasar."]
    with_lex = align_texts(src, tgt, NONE, src_lang="en", tgt_lang="id")
    assert calls == [("en", "id", "auto")]
    assert _pairs(with_lex) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    # a lexicon of "none" is never consulted, and length alone is less sure of every bead
    # (it may still find the omission: the length ratio of so short a text leans on the prior)
    without = align_texts(src, tgt, NONE.with_(lexicon="none"), src_lang="en", tgt_lang="id")
    assert len(calls) == 1
    sure = {(b.src, b.tgt): b.confidence for b in with_lex}
    assert all(b.confidence < sure.get((b.src, b.tgt), 1.0) for b in without)


class _FakeEncoder:
    """Vectors that make sentence k on either side identical (a perfect encoder)."""

    name = "fake"

    def __init__(self, src, tgt):
        self.map = {}
        for k, (a, b) in enumerate(zip(src, tgt)):
            v = np.zeros(32, dtype=np.float32)
            v[k % 32] = 1.0
            self.map[a] = self.map[b] = v
        self.seen = []

    def encode(self, texts):
        self.seen.extend(texts)
        return np.stack([self.map[t] for t in texts])


def test_encoder_path_and_budget():
    enc = _FakeEncoder(SRC, TGT)
    beads = align_texts(SRC, TGT, Config(encoder="use"), encoder=enc)
    assert _pairs(beads) == [((i,), (i,)) for i in range(5)]
    assert sorted(enc.seen) == sorted(SRC + TGT)  # short pair: everything encoded once
    enc2 = _FakeEncoder(SRC, TGT)
    align_texts(SRC, TGT, Config(encoder="use", encode_budget=4, encode_threshold=0.999), encoder=enc2)
    assert len(enc2.seen) <= 4 + 3  # the budget, plus at most one bead's overshoot


def test_bad_config_values():
    from aligner.errors import ConfigError

    with pytest.raises(ConfigError, match="encode_threshold"):
        Config(encode_threshold=1.5)
    with pytest.raises(ConfigError, match="encode_budget"):
        Config(encode_budget=-1)


def test_a_bead_over_set_aside_furniture_is_cut_into_consecutive_pieces():
    from aligner.align.aligner import _split_over_gaps

    assert [(b.src, b.tgt) for b in _split_over_gaps((3, 5), (7,), 0.8)] == [((3,), (7,)), ((5,), ())]
    assert [(b.src, b.tgt) for b in _split_over_gaps((3, 5), (7, 9), 0.8)] == [((3,), (7,)), ((5,), (9,))]
    assert [(b.src, b.tgt, b.confidence) for b in _split_over_gaps((3, 4), (7,), 0.8)] == [((3, 4), (7,), 0.8)]


def test_four_sentences_joined_into_one_make_a_1_4_bead():
    src = [SRC[0], SRC[1] + " " + SRC[2] + " " + SRC[3] + " " + SRC[4]]
    beads = _pairs(align_texts(src, TGT, NONE))
    assert beads == [((0,), (0,)), ((1,), (1, 2, 3, 4))]
    # with beads of at most 4 sentences the same pair cannot be one bead
    small = _pairs(align_texts(src, TGT, Config(encoder="none", max_bead=3)))
    assert ((1,), (1, 2, 3, 4)) not in small


def test_default_beads_reach_six_sentences():
    # one source sentence holding all five target sentences: a 1-5 bead by default
    src = [" ".join(SRC)]
    assert _pairs(align_texts(src, TGT, NONE)) == [((0,), (0, 1, 2, 3, 4))]
    smaller = _pairs(align_texts(src, TGT, Config(encoder="none", max_bead=4)))
    assert ((0,), (0, 1, 2, 3, 4)) not in smaller


def test_auto_encoder_for_a_pair_no_encoder_covers_is_none_and_recorded(caplog):
    import logging

    from aligner.api import compare

    with caplog.at_level(logging.WARNING, logger="aligner"):
        c = compare("The river rose. It rained.", "Tó yiyíílts'ą́ą́'. Níłtsą́.", src_lang="en", tgt_lang="nv",
                    lexicon="none", fidelity_encoder="none")
    assert c.alignment.encoder == "none"
    assert "|enc:auto=none|" in c.signature
    assert any("covers en-nv" in r.getMessage() for r in caplog.records)


def test_with_only_length_to_go_on_one_to_one_text_stays_one_to_one():
    """Two scripts that share no token, sentences of varied length, no encoder: the aligner
    must not join sentences into big beads (it did: 3-3 beads where every 1-1 looked weak)."""
    import random

    from aligner.align import align_texts
    from aligner.config import Config

    rng = random.Random(7)
    latin, cyrillic = "abcdefghiklmnoprstuvwy", "абвгдежзиклмнопрстуфхцчшы"
    src, tgt = [], []
    for _ in range(30):
        words = [rng.randint(2, 9) for _ in range(rng.randint(3, 25))]
        src.append(" ".join("".join(rng.choice(latin) for _ in range(n)) for n in words) + ".")
        tgt.append(" ".join("".join(rng.choice(cyrillic) for _ in range(n + rng.randint(0, 2))) for n in words) + ".")
    beads = align_texts(src, tgt, Config(encoder="none"), src_lang="en", tgt_lang="ru")
    right = sum(1 for b in beads if len(b.src) == len(b.tgt) == 1 and b.src == b.tgt)
    assert right >= 27, [(b.src, b.tgt) for b in beads]


# e5's cosines (rounded) of a three-sentence English text and its Icelandic translation, in the
# order src 0-2, tgt 0-2: e5 puts every pair of these short sentences at 0.75-0.90, the true
# partners only a little above the rest
_E5_EN_IS = [[1.00, 0.78, 0.78, 0.85, 0.75, 0.75], [0.78, 1.00, 0.83, 0.79, 0.83, 0.81],
             [0.78, 0.83, 1.00, 0.82, 0.82, 0.88], [0.85, 0.79, 0.82, 1.00, 0.86, 0.87],
             [0.75, 0.83, 0.82, 0.86, 1.00, 0.90], [0.75, 0.81, 0.88, 0.87, 0.90, 1.00]]


def test_a_three_sentence_text_with_weak_cosines_is_not_one_bead():
    from aligner.align.bead_scorer import load_scorer

    from _fake_encoder import TableEncoder

    src = ["The cat sat on the mat.", "It was happy.", "Then it left."]
    tgt = ["Kötturinn sat á mottunni.", "Hann var glaður.", "Síðan fór hann."]
    vectors = np.linalg.cholesky(np.array(_E5_EN_IS))  # rows with these dot products
    table = {t: list(v) for t, v in zip(src + tgt, vectors)}
    beads = align_texts(src, tgt, Config(encoder="e5"), src_lang="en", tgt_lang="is",
                        encoder=TableEncoder(table), scorers=(load_scorer("none"), load_scorer("e5")))
    assert [(b.src, b.tgt) for b in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
