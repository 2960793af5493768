"""Whitespace and repeated words: doubled words, doubled spaces, leading and trailing spaces."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .registry import Check, Context, Finding, register
from .side import Side

_DOUBLE_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}-])(\p{L}[\p{L}\p{M}]*)[ \u00a0]+(\1)(?![\p{L}\p{M}\p{N}-])",
                             regex.IGNORECASE)
_DOUBLE_SPACE = regex.compile(r"(?<=\S)  +(?=\S)")


def _doublewords(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    # Where spaces separate syllables, a doubled syllable is often a word (Vietnamese mãi mãi
    # "forever") or two words (năm năm "five years"): a note for the reviewer, not a flag.
    syllables = ctx.tgt_conv.syllable_spacing
    in_source = {m.group(1).casefold() for m in _DOUBLE_WORD.finditer(src.masked)}
    for m in _DOUBLE_WORD.finditer(tgt.masked):
        if m.group(1).casefold() not in in_source:
            yield Finding(f"word repeated: {m.group()!r}" + (" (a doubled syllable may be a word)" if syllables else ""),
                          (tgt.evidence(m.start(), m.end()),), "info" if syllables else None)


def _doublespace(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    if _DOUBLE_SPACE.search(src.text):
        return  # the same habit in the source: a house style, not a slip
    for m in _DOUBLE_SPACE.finditer(tgt.text):
        a, b = max(0, m.start() - 12), min(len(tgt.text), m.end() + 12)
        yield Finding(f"doubled space in {tgt.text[a:b].strip()!r}", (tgt.evidence(m.start(), m.end()),))


def _edges(text: str) -> tuple[str, str]:
    body = text.strip()
    if not body:
        return text, ""
    start = text.index(body[0])
    return text[:start], text[start + len(body):]


def _edgespace(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    s_lead, s_trail = _edges(src.text)
    t_lead, t_trail = _edges(tgt.text)
    n = len(tgt.text)
    if s_lead != t_lead:
        yield Finding(f"leading whitespace differs: {s_lead!r} in the source, {t_lead!r} in the target",
                      (tgt.evidence(0, len(t_lead)),))
    if s_trail != t_trail:
        yield Finding(f"trailing whitespace differs: {s_trail!r} in the source, {t_trail!r} in the target",
                      (tgt.evidence(n - len(t_trail), n),))


register(Check("doublewords", "spacing", "minor", "a word is not repeated by mistake (\"the the\")",
               ("It is ready.", "Itu sudah sudah siap."), ("doublewords",), bead=_doublewords))
register(Check("doublespace", "spacing", "info", "no doubled spaces where the source has none",
               ("It is ready.", "Itu  sudah siap."), ("doublespacing",), bead=_doublespace))
register(Check("edgespace", "spacing", "minor", "leading and trailing whitespace as in the source (bilingual files)",
               ("Save ", "Simpan"), ("startwhitespace", "endwhitespace"), bead=_edgespace))
