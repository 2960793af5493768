"""Numbers compared by value across languages (decimal commas and points, separators)."""

from __future__ import annotations

import regex

__all__ = ["extract_numbers"]

_NUMBER = regex.compile(r"(?<![\p{L}\p{N}])\p{Nd}+(?:[.,\u00a0 ]\p{Nd}{3})*(?:[.,]\p{Nd}+)?")
_COMMA_DECIMAL = {"id", "de", "fr", "es", "it", "pt", "nl", "tr", "ru", "pl", "sv", "fi", "el"}


def _value(token: str, lang: str) -> str:
    token = token.replace("\u00a0", "").replace(" ", "")
    decimal = "," if lang in _COMMA_DECIMAL else "."
    thousands = "." if decimal == "," else ","
    # "1.234" in id is a thousand; "1,5" is one and a half.
    if regex.fullmatch(r"\p{Nd}{1,3}(?:" + regex.escape(thousands) + r"\p{Nd}{3})+", token):
        token = token.replace(thousands, "")
    token = token.replace(thousands, "").replace(decimal, ".")
    try:
        value = float(token)
    except ValueError:
        return token
    return f"{value:g}"


def extract_numbers(text: str, lang: str) -> frozenset[str]:
    """The numeric values written in ``text`` as normalised strings.

    Example:
        >>> sorted(extract_numbers("Rp 1.500 dan 2,5 persen", "id"))
        ['1500', '2.5']
    """
    return frozenset(_value(m.group(0), lang) for m in _NUMBER.finditer(text))
