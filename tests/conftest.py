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
