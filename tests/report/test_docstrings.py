"""The examples in the report modules' docstrings are true."""

from __future__ import annotations

import doctest

import pytest

from aligner.report import html, markdown, model


@pytest.mark.parametrize("module", [html, markdown, model], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
