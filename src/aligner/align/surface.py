"""Model-free similarity between sentence groups: length ratio and shared surface tokens.

These signals need no encoder: the Gale-Church length prior, numbers, and tokens shared
across languages (names, acronyms, cognates).
"""

from __future__ import annotations

import math
from functools import lru_cache

import regex

__all__ = ["length_score", "shared_token_score", "surface_tokens"]

_TOKEN = regex.compile(r"\p{N}+(?:[.,]\p{N}+)*|\p{Lu}[\p{L}\p{M}\-]+|\p{L}{4,}")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")

# Gale & Church (1993): target/source character ratio ~ c, variance s2 per source character.
_C = 1.0
_S2 = 6.8


def char_length(text: str) -> float:
    """Length in 'Latin-equivalent' characters: CJK characters count about three."""
    cjk = len(_CJK.findall(text))
    return len(text) - cjk + 3.0 * cjk


def length_score(src_len: float, tgt_len: float, ratio: float = _C) -> float:
    """Gale-Church probability that lengths ``src_len`` and ``tgt_len`` are translations (0..1)."""
    if src_len + tgt_len == 0:
        return 1.0
    mean = (src_len + tgt_len / ratio) / 2.0
    delta = (tgt_len - src_len * ratio) / math.sqrt(max(mean, 1.0) * _S2)
    return 2.0 * (1.0 - _phi(abs(delta)))


def _phi(x: float) -> float:
    return 0.5 * (1.0 + math.erf(x / math.sqrt(2.0)))


@lru_cache(maxsize=65536)
def surface_tokens(text: str) -> frozenset[str]:
    """Numbers (digits only) and capitalised or long words, lower-cased."""
    out = set()
    for tok in _TOKEN.findall(text):
        if tok[0].isdigit():
            out.add(regex.sub(r"[.,]", "", tok))
        else:
            out.add(tok.lower())
    return frozenset(out)


def shared_token_score(src: str, tgt: str) -> float:
    """Dice overlap of surface tokens; 0.5 when neither side has any (no evidence)."""
    a, b = surface_tokens(src), surface_tokens(tgt)
    if not a and not b:
        return 0.5
    return 2.0 * len(a & b) / (len(a) + len(b))
