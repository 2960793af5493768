"""A fake encoder for the tests of the passes that encode joined texts."""

from __future__ import annotations

import numpy as np


class TableEncoder:
    """Fixed vectors for known texts; records every text it was asked for."""

    name = "table"

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table
        self.seen: list[str] = []

    def encode(self, texts):  # noqa: D102
        self.seen += list(texts)
        return np.array([self.table[t] for t in texts], dtype=np.float32)


class BagEncoder(TableEncoder):
    """A text's vector is the sum of its words' vectors from the table (one word a sentence in
    the tests, so a joined text sums its sentences)."""

    name = "bag"

    def encode(self, texts):  # noqa: D102
        self.seen += list(texts)
        return np.array([np.sum([self.table[w] for w in t.split(" ")], axis=0) for t in texts], dtype=np.float32)
