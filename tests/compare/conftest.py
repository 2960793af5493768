"""Fixtures for set comparison tests: a fake encoder and small tagged documents."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fake_encoder import FakeEncoder  # noqa: E402


@pytest.fixture()
def fake_encoder() -> FakeEncoder:
    """An encoder whose vectors depend only on each sentence's ``#tag``."""
    return FakeEncoder()
