"""The length log-likelihood on n-m beads (``LogisticScorer.length_prior``): where nothing but
length speaks, the aligner links what lengths say belongs together, as Gale-Church does."""

from __future__ import annotations

import math
import random
from dataclasses import replace

import numpy as np
import pytest

from aligner.align import align_texts
from aligner.align.bead_scorer import _log_erfc, length_gain, load_scorer
from aligner.align.evaluate import score_alignments
from aligner.config import Config
from aligner.measures import GALE_CHURCH_VARIANCE


@pytest.mark.parametrize("x", [0.0, 0.05, 0.3, 1.0, 2.5, 4.0, 7.0, 12.0])
def test_log_erfc_matches_the_library_function(x):
    assert float(_log_erfc(np.array(x))) == pytest.approx(math.log(math.erfc(x)), rel=1e-6, abs=1e-5)


def test_log_erfc_stays_finite_far_in_the_tail():
    assert np.isfinite(_log_erfc(np.array([30.0, 100.0]))).all()


def test_length_gain_is_highest_where_lengths_agree_and_falls_with_the_mismatch():
    la = np.full(5, 100.0)
    lb = np.array([100.0, 110.0, 130.0, 160.0, 250.0])
    g = length_gain(la, lb, 1.0)
    assert g[0] == pytest.approx(1.0, abs=1e-5)  # 1 + log P(|Z| >= 0)
    assert np.all(np.diff(g) < 0)
    # the ratio of the document sets what agreeing means
    assert length_gain(np.array([100.0]), np.array([120.0]), 1.2)[0] == pytest.approx(1.0, abs=1e-5)


def test_length_gain_averages_zero_on_right_beads():
    """Centred: under the length model (z standard normal) a bead gains 0 on average, so the
    prior favours neither more beads nor fewer ones."""
    rng = np.random.default_rng(0)
    z = rng.standard_normal(200_000)
    la = np.full(z.shape, 400.0)
    # the target length whose z-score (ratio 1) is z: d = lb - la solves d^2 = z^2 V (2 la + d) / 2
    k = z * z * GALE_CHURCH_VARIANCE / 2
    lb = la + (k + np.sign(z) * np.sqrt(k * k + 4 * z * z * GALE_CHURCH_VARIANCE * la)) / 2
    assert np.allclose((lb - la) / np.sqrt(GALE_CHURCH_VARIANCE * (la + lb) / 2), z)
    got = length_gain(la, lb, 1.0)
    assert abs(float(got.mean())) < 0.05


def test_a_wider_spread_forgives_the_same_mismatch():
    la, lb = np.array([100.0]), np.array([150.0])
    assert length_gain(la, lb, 1.0, 2.0)[0] > length_gain(la, lb, 1.0, 1.0)[0]


def _words(rng: random.Random, n: int, alphabet: str) -> str:
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < n:
        out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(3, 8))))
    return " ".join(out).capitalize()[: max(n - 1, 2)] + "."


def _length_only_pairs(count: int) -> list[tuple[list[str], list[str], list]]:
    """Documents in two scripts that share no token or number: 1-1 beads and some 2-1 / 1-2,
    target lengths 1.1 times the source's with 8% noise."""
    lat, cyr = "abcdefghijklmnoprstuvz", "абвгдежзиклмнопрстуфхц"
    docs = []
    for seed in range(count):
        rng = random.Random(seed)
        src: list[str] = []
        tgt: list[str] = []
        gold: list = []
        for _ in range(12):
            r = rng.random()
            a, b = rng.randint(30, 150), rng.randint(30, 150)
            if r < 0.15:
                src += [_words(rng, a, lat), _words(rng, b, lat)]
                tgt.append(_words(rng, int((a + b) * rng.gauss(1.1, 0.08)), cyr))
                gold.append(((len(src) - 2, len(src) - 1), (len(tgt) - 1,)))
            elif r < 0.3:
                src.append(_words(rng, int((a + b) / 1.1 * rng.gauss(1, 0.08)), lat))
                tgt += [_words(rng, a, cyr), _words(rng, b, cyr)]
                gold.append(((len(src) - 1,), (len(tgt) - 2, len(tgt) - 1)))
            else:
                src.append(_words(rng, a + 50, lat))
                tgt.append(_words(rng, int((a + 50) * rng.gauss(1.1, 0.08)), cyr))
                gold.append(((len(src) - 1,), (len(tgt) - 1,)))
        docs.append((src, tgt, gold))
    return docs


def test_with_only_length_to_go_on_the_prior_links_what_length_says():
    shipped = load_scorer("none")
    assert shipped.length_prior > 0
    plain = replace(shipped, length_prior=0.0)
    results: dict[str, list] = {"shipped": [], "plain": []}
    for src, tgt, gold in _length_only_pairs(20):  # 20 documents: 1.000 vs 0.965 (40: 0.996 vs 0.971)
        for name, scorer in (("shipped", shipped), ("plain", plain)):
            beads = align_texts(src, tgt, Config(encoder="none"), scorers=(scorer, None))
            results[name].append(([(b.src, b.tgt) for b in beads], gold))
    f_shipped = score_alignments(results["shipped"]).f1_strict
    f_plain = score_alignments(results["plain"]).f1_strict
    assert f_shipped > f_plain
    assert f_shipped >= 0.99


def test_strong_evidence_gets_no_length_prior():
    """Where the document's best 1-1 beads are sure (shared names and numbers), the model's
    own evidence decides: the gains are those without the prior."""
    from aligner.align.features import band_evidence
    from aligner.align.sides import full_window, make_side

    texts = ["Jakarta 2019: Widodo opened 1,250 houses.", "Bandung 2020: Ridwan Kamil visited 300 schools.",
             "Surabaya 2021: Risma planted 4,000 trees."]
    src, tgt = make_side(texts), make_side([t.replace("opened", "membuka") for t in texts])
    w = full_window(3, 3)
    ev = band_evidence(src, tgt, w, 3)
    shapes = ((1, 1), (2, 1), (1, 2))
    shipped = load_scorer("none").gains(src, tgt, w, ev, shapes, 1.0)
    plain = replace(load_scorer("none"), length_prior=0.0).gains(src, tgt, w, ev, shapes, 1.0)
    assert shipped.shift == 0.0
    for shape in shapes:
        assert np.array_equal(shipped.beads[shape], plain.beads[shape])
