"""The registry and ``--checks`` selections."""

from __future__ import annotations

import pytest

from aligner.checks import CHECKS, select_checks
from aligner.errors import ConfigError
from aligner.flags import FLAG_TYPES, SEVERITIES


def names(spec: str) -> list[str]:
    return [c.name for c in select_checks(spec)]


def test_every_check_is_complete():
    assert len(CHECKS) >= 20
    for check in CHECKS.values():
        assert check.type in FLAG_TYPES and check.severity in SEVERITIES
        assert check.summary and all(check.example)
        assert (check.bead is None) != (check.document is None)


def test_selections():
    assert names("all") == list(CHECKS)
    assert names("none") == []
    assert "doublespace" not in names("all,-doublespace") and len(names("all,-doublespace")) == len(CHECKS) - 1
    assert names("-doublespace") == names("all,-doublespace")
    assert names("urls,emails") == ["urls", "emails"]
    assert names("none,urls") == ["urls"]
    assert names(" urls , -urls ") == []


@pytest.mark.parametrize("spec", ["nosuch", "all,-nosuch", "", " , "])
def test_bad_selections_are_config_errors(spec):
    with pytest.raises(ConfigError):
        select_checks(spec)


def test_examples_raise_their_check():
    from .conftest import messages

    for check in CHECKS.values():
        if check.document is not None or check.needs_glossary:
            continue
        src, tgt = check.example
        assert messages(check.name, src, tgt, *check.example_langs), check.name


def test_every_check_is_documented():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "checks.md").read_text("utf-8")
    for name in CHECKS:
        assert f"| `{name}` |" in text, name
