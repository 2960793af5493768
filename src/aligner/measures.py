"""Text measures shared by the aligner and the fidelity scorer (a leaf module: imports no
other part of the package).

- :func:`char_length`: length in Latin-equivalent characters, where a Han, kana or Hangul
  character counts as three (one such character carries about as much as three letters);
- :data:`GALE_CHURCH_VARIANCE`: the variance of Gale & Church's (1993) length model.
"""

from __future__ import annotations

import regex

__all__ = ["CJK_WEIGHT", "GALE_CHURCH_VARIANCE", "char_length"]

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")

#: How many Latin-equivalent characters one Han, kana or Hangul character counts as.
CJK_WEIGHT = 3.0

#: Gale & Church's s^2: variance of the target length per source character.
GALE_CHURCH_VARIANCE = 6.8


def char_length(text: str) -> float:
    """Length in Latin-equivalent characters (a Han, kana or Hangul character counts as three).

    Only letters of those scripts weigh more: punctuation, symbols and digits count one.

    Example:
        >>> char_length("Hi."), char_length("价格。"), char_length("“€5”—ok")
        (3.0, 7.0, 7.0)
    """
    cjk = len(_CJK.findall(text))
    return len(text) - cjk + CJK_WEIGHT * cjk

