"""The shipped alignment scorer: its weights file and the version a signature shows."""

from __future__ import annotations

import hashlib
from importlib import resources

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
