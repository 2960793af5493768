"""Shared fixtures: paths to the seeds and to the shared dev data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    """Seed files by their three-digit prefix."""
    return {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}


class ConceptEncoder:
    """A tiny deterministic stand-in for a cross-lingual encoder (tests only).

    Each text becomes the normalised count vector of the concepts its words name, in either
    language, so translations are similar and unrelated sentences are not.
    """

    name = "concept-test"
    CONCEPTS = {
        "price": 0, "prices": 0, "harga": 0, "rose": 1, "naik": 1, "percent": 2, "persen": 2,
        "minister": 3, "menteri": 3, "resigned": 4, "mengundurkan": 4, "government": 5, "pemerintah": 5,
        "silent": 6, "diam": 6, "football": 7, "sepak": 7, "bola": 7, "match": 8, "pertandingan": 8,
        "rain": 9, "hujan": 9, "city": 10, "kota": 10, "yesterday": 11, "kemarin": 11,
        "cat": 12, "kucing": 12, "slept": 13, "tidur": 13, "market": 14, "pasar": 14,
        "fell": 15, "turun": 15, "sharply": 16, "tajam": 16, "investors": 17, "investor": 17,
        "worried": 18, "khawatir": 18, "said": 19, "mengatakan": 19, "the": 20, "ini": 20,
    }

    def encode(self, texts):
        import numpy as np
        import regex

        out = np.zeros((len(texts), 32), dtype=np.float32)
        for k, text in enumerate(texts):
            for w in regex.findall(r"\p{L}+", text.lower()):
                if w in self.CONCEPTS:
                    out[k, self.CONCEPTS[w]] += 1.0
            out[k, 31] += 0.05  # never a zero vector
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture(scope="session")
def concept_encoder() -> ConceptEncoder:
    """A deterministic encoder over a few dozen words (see ``ConceptEncoder``)."""
    return ConceptEncoder()
