"""Text measures shared by the aligner and the fidelity scorer (a leaf module: imports no
other part of the package).

- :func:`char_length`: length in Latin-equivalent characters, where a Han or Hangul character
  counts as three (one such character carries about as much as three letters) and a kana as
  one and a half (a mora);
- :data:`GALE_CHURCH_VARIANCE`: the variance of Gale & Church's (1993) length model.
"""

from __future__ import annotations

import regex

__all__ = ["CJK_WEIGHT", "GALE_CHURCH_VARIANCE", "KANA_WEIGHT", "char_length"]

_CJK = regex.compile(r"[\p{Han}\p{Hangul}]")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")

#: How many Latin-equivalent characters one Han or Hangul character counts as.
CJK_WEIGHT = 3.0
#: How many Latin-equivalent characters one kana counts as: a syllable of one or two sounds.
#: Measured on the gold 1-1 beads of NTREX en-ja (``bench/script_weights.py``): the spread of
#: the log length ratio is 0.209 with kana at 3, 0.180 at 1.5, 0.180 at 1.25, 0.183 at 1
#: (English-German: 0.155).
KANA_WEIGHT = 1.5

#: Gale & Church's s^2: variance of the target length per source character.
GALE_CHURCH_VARIANCE = 6.8


def char_length(text: str) -> float:
    """Length in Latin-equivalent characters (a Han or Hangul character counts as three, a
    kana as one and a half).

    Only letters of those scripts weigh more: punctuation, symbols and digits count one.

    Example:
        >>> char_length("Hi."), char_length("价格。"), char_length("“€5”—ok"), char_length("トランプ")
        (3.0, 7.0, 7.0, 6.0)
    """
    cjk = len(_CJK.findall(text))
    kana = len(_KANA.findall(text))
    return len(text) - cjk - kana + CJK_WEIGHT * cjk + KANA_WEIGHT * kana

