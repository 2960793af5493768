"""Text measures: Latin-equivalent length."""

from __future__ import annotations

import doctest

import pytest

import aligner.measures
from aligner.measures import char_length


def test_doctests():
    assert doctest.testmod(aligner.measures).failed == 0


@pytest.mark.parametrize("text, length", [
    ("", 0.0),
    ("Prices rose.", 12.0),
    ("价格上涨了。", 16.0),  # five Han characters and a full stop
    ("東京です", 12.0),  # Han and Hiragana
    ("가격이 올랐다", 19.0),  # six Hangul syllables and a space
    ("カタカナ", 12.0),
    ("\u201cquoted\u201d \u2014 \u20ac5 \u2026 \u00a9 \u2192", 19.0),  # punctuation and symbols weigh one each
    ("\u3002\uff01\u3001", 3.0),  # CJK punctuation is not a letter
])
def test_han_kana_and_hangul_letters_weigh_three_everything_else_one(text, length):
    assert char_length(text) == length
