"""Currencies and units: an amount keeps its currency, a measure its unit."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache

import regex

from .conventions import DATA_DIR
from .registry import Check, Context, Finding, register
from .side import Side

__all__ = ["currency_mentions", "unit_mentions"]

_NUMBER = r"\d(?:[\d.,\u00a0\u202f ]*\d)?"


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, str]], regex.Pattern[str], regex.Pattern[str]]:
    with open(DATA_DIR / "units.json", encoding="utf-8") as fh:
        data = json.load(fh)
    currencies = {k: frozenset(v) for k, v in data["currencies"].items()}
    units = {k: (v[0], v[1]) for k, v in data["units"].items()}
    cur = "|".join(regex.escape(k) for k in sorted(currencies, key=len, reverse=True))
    uni = "|".join(regex.escape(k) for k in sorted(units, key=len, reverse=True))
    currency = regex.compile(rf"(?<![\p{{L}}])(?P<c>{cur})\s?(?={_NUMBER})|(?<={_NUMBER})\s?(?P<c>{cur})(?![\p{{L}}])")
    unit = regex.compile(rf"(?<=\d)\s?(?P<u>{uni})(?![\p{{L}}\p{{N}}²/])")
    return currencies, units, currency, unit


def currency_mentions(text: str) -> list[tuple[frozenset[str], int, int]]:
    """(currency codes, start, end) of every currency symbol or code written next to a number.

    Example:
        >>> [sorted(c) for c, _, _ in currency_mentions("It costs €5 or 6 USD.")]
        [['EUR'], ['USD']]
    """
    currencies, _, pattern, _ = _data()
    return [(currencies[m.group("c")], m.start("c"), m.end("c")) for m in pattern.finditer(text)]


def unit_mentions(text: str) -> list[tuple[tuple[str, str], int, int]]:
    """((dimension, unit), start, end) of every unit symbol written after a number.

    Example:
        >>> [u for u, _, _ in unit_mentions("5 km at 30 °C")]
        [('length', 'km'), ('temperature', 'C')]
    """
    _, units, _, pattern = _data()
    return [(units[m.group("u")], m.start("u"), m.end("u")) for m in pattern.finditer(text)]


def _currency(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    s = currency_mentions(src.masked)
    if not s:
        return
    t = currency_mentions(tgt.masked)
    if not t:
        return  # written out in words, or dropped with the number (the number check sees that)
    t_codes = frozenset().union(*(c for c, _, _ in t))
    for codes, a, b in s:
        if not codes & t_codes:
            _, c, d = t[0]
            yield Finding(f"currency {src.text[a:b]!r} in the source, {tgt.text[c:d]!r} in the target",
                          (src.evidence(a, b), tgt.evidence(c, d)))
            return


def _units(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    s = unit_mentions(src.masked)
    if not s:
        return
    t = unit_mentions(tgt.masked)
    t_units = {u for u, _, _ in t}
    for (dim, unit), a, b in s:
        if (dim, unit) in t_units:
            continue
        other = [(u, c, d) for u, c, d in t if u[0] == dim]
        if other:
            _, c, d = other[0]
            yield Finding(f"{dim} in {src.text[a:b]!r} in the source, in {tgt.text[c:d]!r} in the target",
                          (src.evidence(a, b), tgt.evidence(c, d)))
            return


register(Check("currency", "units", "major", "an amount keeps its currency ($, €, USD ...)",
               ("It costs $5.", "Harganya €5."), (), bead=_currency))
register(Check("units", "units", "major", "a measure keeps its unit (km, kg, °C, % ...)",
               ("It is 5 km long.", "Panjangnya 5 mi."), (), bead=_units))
