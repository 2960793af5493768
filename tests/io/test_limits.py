"""Limits: a frozen dataclass, checked before aligning, with one-line errors."""

from __future__ import annotations

import dataclasses

import pytest

import aligner
from aligner import config as config_module
from aligner.cli import main
from aligner.config import DEFAULT_LIMITS, Limits
from aligner.errors import ConfigError, InputError
from aligner.io import check_alignable


def test_limits_are_frozen_and_validated():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_LIMITS.max_sentences = 1  # type: ignore[misc]
    for bad in (0, -5, 2.5):
        with pytest.raises(ConfigError, match="max_sentences"):
            Limits(max_sentences=bad)  # type: ignore[arg-type]


def test_check_alignable_names_the_limit():
    src = aligner.from_text("One. Two. Three.", "en", path="a.txt")
    tgt = aligner.from_text("Satu.", "id")
    check_alignable(src, tgt, Limits(max_sentences=3))
    with pytest.raises(InputError) as info:
        check_alignable(src, tgt, Limits(max_sentences=2))
    assert str(info.value) == ("a.txt: 3 sentences, more than the limit of 2 per side "
                               "(Limits.max_sentences); split the document")


def test_compare_and_align_check_the_limit(monkeypatch):
    monkeypatch.setattr(config_module, "DEFAULT_LIMITS", Limits(max_sentences=2))
    src = aligner.from_text("One. Two. Three.", "en")
    tgt = aligner.from_text("Satu. Dua.", "id")
    with pytest.raises(InputError, match="limit of 2"):
        aligner.compare(src, tgt)
    with pytest.raises(InputError, match="limit of 2"):
        aligner.align(src, tgt)


def test_cli_reports_the_sentence_limit_in_one_line(monkeypatch, seed_paths, tmp_path, capsys):
    monkeypatch.setattr(config_module, "DEFAULT_LIMITS", Limits(max_sentences=10))
    out = tmp_path / "r.json"
    code = main(["compare", str(seed_paths["000"]), str(seed_paths["001"]), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.splitlines()) == 1 and "15 sentences, more than the limit of 10" in err
    assert not out.exists()
