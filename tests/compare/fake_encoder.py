"""A deterministic stand-in for a sentence encoder, for fast tests.

A sentence's vector is the one-hot of its "meaning": the first ``#tag`` in it (``#a1``), so a
sentence and its translation carrying the same tag get cosine 1, others 0. A sentence with
no tag gets a vector of its own (from a hash of the text).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import regex

DIM = 256
_TAG = regex.compile(r"#(\w+)")


def _slot(key: str) -> int:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % DIM


class FakeEncoder:
    """Vectors from ``#tags``; optionally ``mix`` of a shared 'topic' direction in every row."""

    name = "fake"

    def __init__(self, topic: float = 0.0) -> None:
        self.topic = topic

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for k, t in enumerate(texts):
            m = _TAG.search(t)
            out[k, _slot(m.group(1) if m else t)] = 1.0
            out[k, 0] += self.topic
        return out / np.linalg.norm(out, axis=1, keepdims=True)
