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
    ("東京です", 9.0),  # two Han characters, two hiragana
    ("가격이 올랐다", 19.0),  # six Hangul syllables and a space
    ("カタカナ", 6.0),  # a kana is a syllable: one and a half
    ("\u201cquoted\u201d \u2014 \u20ac5 \u2026 \u00a9 \u2192", 19.0),  # punctuation and symbols weigh one each
    ("\u3002\uff01\u3001", 3.0),  # CJK punctuation is not a letter
])
def test_han_and_hangul_letters_weigh_three_kana_one_and_a_half_everything_else_one(text, length):
    assert char_length(text) == length
