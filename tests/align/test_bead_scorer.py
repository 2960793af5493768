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
    plain = replace(load_scorer("none"), anchor_gain=None, length_prior=0.0).gains(src, tgt, w, ev, shapes, 1.0)
    anchored = replace(load_scorer("none"), anchor_gain=0.0, length_prior=0.0).gains(src, tgt, w, ev, shapes, 1.0)
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
    assert calibration_features(np.zeros(0), []).shape == (0, len(CALIBRATION_FEATURES))


def test_calibrated_confidence_is_platt_without_a_map_and_the_shipped_map_otherwise():
    from dataclasses import replace

    scorer = load_scorer("use")
    gains = np.array([30.0, 5.0, 25.0])
    shapes = [(1, 1), (2, 1), (1, 1)]
    bare = replace(scorer, calibration=None)
    assert np.allclose(bare.calibrated(gains, shapes), bare.confidence(gains))
    assert scorer.calibration is not None and len(scorer.calibration) == 8
    conf = scorer.calibrated(gains, shapes)
    assert np.all((conf > 0) & (conf < 1))
    # a stronger bead in the same document gets a higher confidence
    assert scorer.calibrated(np.array([30.0, 5.0, 40.0]), shapes)[2] > conf[2]
