"""The examples in the docstrings of the scoring and lexicon modules show real output."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize("module", [
    "aligner.score.numbers", "aligner.score.entities", "aligner.score.lexical", "aligner.score.text",
    "aligner.lexicon", "aligner.lexicon.tsv", "aligner.lexicon.morph", "aligner.lexicon.build", "aligner.lexicon.words", "aligner.locale_data",
])
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
