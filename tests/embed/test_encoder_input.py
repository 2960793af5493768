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
