"""Mark page furniture (navigation, menus, forum chrome) as boilerplate.

A sentence is boilerplate when it has no letters at all, or when its script differs from the
document language's script (Chinese forum chrome around a Korean post).
"""

from __future__ import annotations

from dataclasses import replace

from ..document import BOILERPLATE, Span
from ..language import script_of

__all__ = ["classify_spans", "EXPECTED_SCRIPT"]

#: The script a language is written in, for the script-mismatch rule.
EXPECTED_SCRIPT = {"ko": "hangul", "zh": "han", "ja": "kana", "ru": "cyrillic"}


def classify_spans(text: str, spans: tuple[Span, ...], lang: str) -> tuple[Span, ...]:
    """Return ``spans`` with page furniture re-labelled ``kind="boilerplate"``."""
    expected = EXPECTED_SCRIPT.get(lang, "latin")
    out = []
    for span in spans:
        piece = text[span.start : span.end]
        script = script_of(piece)
        furniture = script == "none" or (
            script != expected and not (expected == "kana" and script == "han")
        )
        out.append(replace(span, kind=BOILERPLATE) if furniture else span)
    return tuple(out)
