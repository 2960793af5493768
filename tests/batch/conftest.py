"""Fixtures for the batch tests: manifests of small document pairs."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_data import write_pairs


@pytest.fixture()
def manifest(tmp_path: Path) -> Path:
    """A manifest of three good pairs."""
    return write_pairs(tmp_path / "in")


@pytest.fixture()
def manifest_with_failure(tmp_path: Path) -> Path:
    """Three good pairs and one whose source file is missing (manifest line 5)."""
    return write_pairs(tmp_path / "in", ("missing\tdocs/nowhere.en\tdocs/rain.id",))
