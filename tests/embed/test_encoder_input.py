"""Issue 22 case 1: one long sentence cannot exhaust memory through the encoder."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from aligner.embed import ENCODER_MAX_CHARS, encoder_input
from aligner.embed.base import CachedEncoder

ROOT = Path(__file__).resolve().parents[2]


def test_encoder_input_is_cut_to_the_cap():
    assert encoder_input("a" * (ENCODER_MAX_CHARS * 3)) == "a" * ENCODER_MAX_CHARS
    assert encoder_input("x\ud800y") == "x\ufffdy"


def test_encoders_never_see_a_text_longer_than_the_cap():
    seen: list[int] = []

    def batch(texts: list[str]) -> np.ndarray:
        seen.extend(len(t) for t in texts)
        return np.ones((len(texts), 4), dtype=np.float32)

    enc = CachedEncoder("probe", batch)
    long = "alpha beta " * 100_000
    vecs = enc.encode([long, "short"])
    assert vecs.shape == (2, 4) and max(seen) == ENCODER_MAX_CHARS
    assert enc.encode([long]).shape == (1, 4) and len(seen) == 2  # cached by the full text


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in kB is Linux's")
def test_one_long_line_stays_within_the_memory_goal(tmp_path, seed_paths):
    """A 500 kB one-sentence line took about 2.3 GB (5.8 MB per kB); the goal is
    1 GiB + 50 x the input size."""
    import random

    rng = random.Random(0)
    words = "alpha beta gamma delta epsilon".split()
    line = tmp_path / "line.txt"
    line.write_text(" ".join(rng.choice(words) for _ in range(85_000)) + "\n", "utf-8")
    size = line.stat().st_size + seed_paths["001"].stat().st_size
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run([sys.executable, "-m", "aligner", "compare", str(line), str(seed_paths["001"]),
                           "-o", str(tmp_path / "r.json")], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "the encoder saw only their first" in proc.stderr
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    assert peak < 2**30 + 50 * size, f"peak RSS {peak / 2**20:.0f} MiB for {size / 1e6:.2f} MB of input"


def test_the_cut_is_a_setting_in_the_signature():
    """The cut changes results, so it lives in the frozen config and its signature."""
    from aligner.config import Config
    from aligner.errors import ConfigError

    assert Config().encoder_max_chars == ENCODER_MAX_CHARS
    assert f"|encmax:{ENCODER_MAX_CHARS}|" in Config().signature
    assert "|encmax:100|" in Config(encoder_max_chars=100).signature
    with pytest.raises(ConfigError, match="encoder_max_chars"):
        Config(encoder_max_chars=0)
    with pytest.raises(ConfigError, match="encoder_max_chars"):
        Config(encoder_max_chars=2.5)  # type: ignore[arg-type]


def test_the_configured_cut_reaches_the_encoder(seed_paths):
    """``Config.encoder_max_chars`` is what the encoder sees, through the whole pipeline."""
    import aligner
    from aligner.config import Config
    from aligner.embed import get_encoder
    from aligner.embed.base import register_encoder

    seen: list[int] = []

    def batch(texts: list[str]) -> np.ndarray:
        seen.extend(len(t) for t in texts)
        return np.ones((len(texts), 4), dtype=np.float32)

    register_encoder("probe-cut", lambda: CachedEncoder("probe-cut", batch))
    long = "alpha beta " * 1000
    assert get_encoder("probe-cut").encode([long]).shape == (1, 4) and seen == [ENCODER_MAX_CHARS]
    assert get_encoder("probe-cut", 30) is get_encoder("probe-cut", 30)  # built once per cut
    get_encoder("probe-cut", 30).encode([long])
    assert seen == [ENCODER_MAX_CHARS, 30]
    seen.clear()
    config = Config(encoder="none", fidelity_encoder="probe-cut", encoder_max_chars=20)
    src, tgt = aligner.load(seed_paths["000"]), aligner.load(seed_paths["001"])
    c = aligner.compare(src, tgt, config)
    assert seen and max(seen) == 20 and "|encmax:20|" in c.signature
