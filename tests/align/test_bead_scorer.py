"""The shipped alignment scorer: its weights file and the version a signature shows."""

from __future__ import annotations

import hashlib
from importlib import resources

import numpy as np
import pytest

from aligner.align.features import FEATURES, SKIP_FEATURES
from aligner.align.bead_scorer import _weights_json, load_scorer, weights_version


def test_weights_version_is_the_hash_of_the_shipped_file():
    raw = resources.files("aligner").joinpath("data/alignment/weights.json").read_bytes()
    assert weights_version() == "aln-" + hashlib.sha256(raw).hexdigest()[:8]


def test_shipped_weights_name_the_features_the_code_computes():
    data = _weights_json()
    assert tuple(data["features"]) == FEATURES
    assert tuple(data["skip_features"]) == SKIP_FEATURES
    for name in ("none", "use", "e5"):
        scorer = load_scorer(name)
        assert all(len(w) == len(FEATURES) for k, w in scorer.surface.items() if k not in ("1-0", "0-1"))


def test_weak_evidence_shifts_the_n_m_beads_and_not_the_skips():
    """Where the best 1-1 gains fall below the anchor, every n-m bead gains the shortfall (so
    one big bead no longer beats the small ones it covers) and 1-0 / 0-1 beads do not; the
    confidence is read off the unshifted gain."""
    from dataclasses import replace

    from aligner.align.features import band_evidence
    from aligner.align.sides import full_window, make_side

    # two scripts that share no token: only length speaks
    src = make_side(["The council met on Monday.", "It voted against the plan.", "Many people came."])
    tgt = make_side(["Совет собрался в понедельник.", "Он проголосовал против плана.", "Пришли многие."])
    w = full_window(3, 3)
    ev = band_evidence(src, tgt, w, 3)
    shapes = ((1, 1), (2, 2), (3, 3))
    plain = replace(load_scorer("none"), anchor_gain=None, length_prior=0.0, shape_prior=0.0).gains(src, tgt, w, ev, shapes, 1.0)
    anchored = replace(load_scorer("none"), anchor_gain=0.0, length_prior=0.0, shape_prior=0.0).gains(src, tgt, w, ev, shapes, 1.0)
    best = plain.beads[(1, 1)].max(axis=1)
    want = max(0.0, -float(np.median(best[np.isfinite(best)])))
    assert anchored.shift == pytest.approx(want, abs=1e-5) and anchored.shift > 0
    for shape in shapes:
        ok = np.isfinite(plain.beads[shape])
        assert np.allclose(anchored.beads[shape][ok], plain.beads[shape][ok] + anchored.shift, atol=1e-4)
    assert np.array_equal(anchored.skip_src, plain.skip_src) and np.array_equal(anchored.skip_tgt, plain.skip_tgt)


def test_strong_evidence_is_not_shifted():
    from aligner.align.features import band_evidence
    from aligner.align.sides import full_window, make_side

    texts = ["Jakarta 2019: Widodo opened 1,250 houses.", "Bandung 2020: Ridwan Kamil visited 300 schools."]
    src, tgt = make_side(texts), make_side(texts)
    w = full_window(2, 2)
    gains = load_scorer("none").gains(src, tgt, w, band_evidence(src, tgt, w, 3), ((1, 1),), 1.0)
    assert gains.shift == 0.0


def test_calibration_features_read_kind_neighbours_and_document():
    from aligner.align.bead_scorer import CALIBRATION_FEATURES, calibration_features

    z = np.array([4.0, -2.0, 30.0, 1.0])
    X = calibration_features(z, [(1, 1), (2, 1), (1, 0), (0, 1)])
    col = {name: X[:, k] for k, name in enumerate(CALIBRATION_FEATURES)}
    assert col["bias"].tolist() == [1, 1, 1, 1]
    assert col["z"].tolist() == [4.0, -2.0, 12.0, 1.0]  # clipped above
    assert col["nm"].tolist() == [0, 1, 0, 0] and col["skip"].tolist() == [0, 0, 1, 1]
    assert col["nm_z"].tolist() == [0, -2.0, 0, 0] and col["skip_z"].tolist() == [0, 0, 12.0, 1.0]
    assert col["nbr_z"].tolist() == [-2.0, 4.0, -2.0, 1.0]  # the weaker neighbour (itself at an end)
    assert col["doc_z"].tolist() == [2.5] * 4
    assert col["alt"].tolist() == [1.0] * 4  # no margins given: no close second
    # margins clipped to 0-8 (0.5, 0, 4, 3), as a share of their median (1.75), at most 1
    X = calibration_features(z, [(1, 1), (2, 1), (1, 0), (0, 1)], np.array([0.5, -1.0, 4.0, 3.0]))
    assert X[:, CALIBRATION_FEATURES.index("alt")].tolist() == pytest.approx([0.5 / 1.75, 0.0, 1.0, 1.0])
    # the same margins on another model's scale (twice the log-odds) give the same feature
    X2 = calibration_features(z, [(1, 1), (2, 1), (1, 0), (0, 1)], np.array([1.0, -2.0, 8.0, 6.0]))
    assert X2[:, CALIBRATION_FEATURES.index("alt")].tolist() == pytest.approx([0.5 / 1.75, 0.0, 1.0, 1.0])
    assert calibration_features(np.zeros(0), []).shape == (0, len(CALIBRATION_FEATURES))


def test_calibration_reads_how_often_the_document_regroups_on_both_sides():
    from aligner.align.bead_scorer import CALIBRATION_FEATURES, calibration_features

    shapes = [(1, 1), (2, 2), (2, 1), (1, 0), (1, 1)] * 6
    # six 2-2 beads of thirty, counted among 30 + 20 beads, read times five: 0.6; the 2-1 merges
    # are one-sided and do not count
    X = calibration_features(np.zeros(30), shapes)
    col = {name: X[:, k] for k, name in enumerate(CALIBRATION_FEATURES)}
    assert col["doc_regroup"].tolist() == pytest.approx([0.6] * 30)
    assert col["doc_regroup_one"][:5].tolist() == pytest.approx([0.6, 0, 0, 0, 0.6])  # on the 1-1 beads only
    X = calibration_features(np.zeros(5), [(1, 1), (2, 1), (1, 2), (1, 0), (1, 1)])
    assert X[:, CALIBRATION_FEATURES.index("doc_regroup")].tolist() == [0.0] * 5
    # a short text of one 2-2 bead does not read as a document that regroups everything
    X = calibration_features(np.zeros(1), [(2, 2)])
    assert X[0, CALIBRATION_FEATURES.index("doc_regroup")] == pytest.approx(5 / 21)
    # and the reading is at most 1
    X = calibration_features(np.zeros(40), [(2, 2)] * 40)
    assert X[0, CALIBRATION_FEATURES.index("doc_regroup")] == 1.0


def _two_beads(merged: float):
    """Gains of a 2x2 grid whose best path is two 1-1 beads of gain 3 each, with a 2-2 bead of
    gain ``merged`` over both and skips of -2."""
    from aligner.align.bead_scorer import Gains
    from aligner.align.sides import full_window

    g11 = np.full((3, 3), -np.inf)
    g11[1, 1] = g11[2, 2] = 3.0
    g11[1, 2] = g11[2, 1] = -1.0
    g22 = np.full((3, 3), -np.inf)
    g22[2, 2] = merged
    gains = Gains({(1, 1): g11, (2, 2): g22}, np.full(2, -2.0), np.full(2, -2.0))
    return gains, full_window(2, 2), [(0, 1, 0, 1), (1, 1, 1, 1)]


def test_alternative_margins_measure_how_close_the_best_reading_without_the_bead_is():
    from dataclasses import replace

    from aligner.align.bead_scorer import alternative_margins

    gains, window, path = _two_beads(5.5)
    own = np.array([3.0, 3.0])
    # the 2-2 bead (5.5) is the best reading without either 1-1 bead: 6 - 5.5
    assert alternative_margins(path, gains, window, own).tolist() == pytest.approx([0.5, 0.5])
    gains, window, path = _two_beads(-4.0)
    # without the 2-2, the best alternative keeps the other 1-1 and skips a pair: 6 - (3 - 4)
    assert alternative_margins(path, gains, window, own).tolist() == pytest.approx([7.0, 7.0])
    # a bead off the band (a check after the DP made it) is read with the gain it carries
    no_merge = replace(gains, beads={(1, 1): gains.beads[(1, 1)]})
    assert alternative_margins([(0, 2, 0, 2)], no_merge, window, np.array([1.0])).tolist() == pytest.approx([-5.0])
    # with reach 0 the stretch is the bead alone: 1-1 against a skip pair
    assert alternative_margins(path, gains, window, own, reach=0).tolist() == pytest.approx([7.0, 7.0])


def test_a_bead_with_a_close_second_reading_gets_a_lower_confidence():
    scorer = load_scorer("use")
    gains = np.array([5.0, 5.0, 5.0])
    shapes = [(1, 1), (1, 1), (1, 1)]
    far = scorer.calibrated(gains, shapes, np.array([20.0, 20.0, 20.0]))
    close = scorer.calibrated(gains, shapes, np.array([20.0, 0.1, 20.0]))
    assert close[1] < far[1] - 0.05


def test_calibrated_confidence_is_platt_without_a_map_and_the_shipped_map_otherwise():
    from dataclasses import replace

    from aligner.align.bead_scorer import CALIBRATION_FEATURES

    scorer = load_scorer("use")
    gains = np.array([30.0, 5.0, 25.0])
    shapes = [(1, 1), (2, 1), (1, 1)]
    bare = replace(scorer, calibration=None)
    assert np.allclose(bare.calibrated(gains, shapes), bare.confidence(gains))
    assert scorer.calibration is not None and len(scorer.calibration) == len(CALIBRATION_FEATURES)
    conf = scorer.calibrated(gains, shapes)
    assert np.all((conf > 0) & (conf < 1))
    # a stronger bead in the same document gets a higher confidence
    assert scorer.calibrated(np.array([30.0, 5.0, 40.0]), shapes)[2] > conf[2]
