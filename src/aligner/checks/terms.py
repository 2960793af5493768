"""Terminology: glossary terms translated as the glossary says, and no forbidden terms."""

from __future__ import annotations

from collections.abc import Iterator

from .glossary import Glossary
from .registry import Check, Context, Finding, register
from .side import Side


def _glossary(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    glossary = ctx.glossary
    if not isinstance(glossary, Glossary):
        return
    found = glossary.source_terms(src.masked, src.lang)
    if not found:
        return
    present = glossary.target_entries(tgt.masked, tgt.lang)
    for entry, a, b in found:
        if glossary.entry_number(entry) in present or not entry.targets:
            continue
        wanted = " or ".join(repr(t.text) for t in entry.targets)
        yield Finding(f"glossary: {src.text[a:b]!r} should be translated {wanted}",
                      (src.evidence(a, b),) + tgt.whole())


def _forbidden(src: Side, tgt: Side, ctx: Context) -> Iterator[Finding]:
    glossary = ctx.glossary
    if not isinstance(glossary, Glossary):
        return
    for entry, _term, a, b in glossary.forbidden_terms(tgt.masked, tgt.lang):
        wanted = " or ".join(repr(t.text) for t in entry.targets) or "another term"
        yield Finding(f"forbidden term {tgt.text[a:b]!r} (glossary: {entry.source.text!r} is {wanted})",
                      (tgt.evidence(a, b),))


register(Check("glossary", "terminology", "major",
               "a glossary source term in the source has one of its glossary translations in the target",
               ("The budget rose.", "Bujet naik."), (), bead=_glossary, needs_glossary=True))
register(Check("forbidden", "terminology", "major", "the target uses no term the glossary forbids",
               ("The budget rose.", "Bujet naik."), (), bead=_forbidden, needs_glossary=True))
