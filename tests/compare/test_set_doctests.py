"""The docstring examples of the set comparison modules show real output."""

from __future__ import annotations

import doctest

import pytest

from aligner.compare import entities, multiset, story
from aligner.report import setreport


@pytest.mark.parametrize("module", [entities, multiset, story, setreport], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
