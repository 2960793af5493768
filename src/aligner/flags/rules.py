"""Divergence rules: (documents, bead, bead score) -> flags."""

from __future__ import annotations

import regex

from ..align.model import Bead
from ..document import BOILERPLATE, Document
from ..score.fidelity import BeadScore
from ..score.numbers import extract_numbers
from .model import Evidence, Flag

__all__ = ["flag_bead"]

_DETACHED_HYPHEN = regex.compile(r"\p{L} -\p{L}|\p{L}- \p{L}")
_DOUBLE_SPACE = regex.compile(r"(?<=\S)  +(?=\S)")


def _whole(doc: Document, side: str, ids: tuple[int, ...]) -> tuple[Evidence, ...]:
    return tuple(Evidence(side, i, doc.sentences[i].start, doc.sentences[i].end) for i in ids)


def _typography(doc: Document, side: str, ids: tuple[int, ...]) -> list[Flag]:
    flags = []
    for i in ids:
        span = doc.sentences[i]
        for pattern, what in ((_DETACHED_HYPHEN, "detached hyphen"), (_DOUBLE_SPACE, "doubled space")):
            for m in pattern.finditer(doc.text, span.start, span.end):
                flags.append(Flag("typography", "info", f"{what}: {m.group(0)!r}",
                                  (Evidence(side, i, m.start(), m.end()),)))
    return flags


def flag_bead(src: Document, tgt: Document, bead: Bead, score: BeadScore) -> tuple[Flag, ...]:
    """All flags for one bead."""
    flags: list[Flag] = []
    src_kinds = {src.sentences[i].kind for i in bead.src}
    tgt_kinds = {tgt.sentences[j].kind for j in bead.tgt}
    if BOILERPLATE in src_kinds or BOILERPLATE in tgt_kinds:
        side, doc, ids = ("src", src, bead.src) if bead.src else ("tgt", tgt, bead.tgt)
        return (Flag("boilerplate", "info", "page furniture, not article content; set aside",
                     _whole(doc, side, ids)),)
    if not bead.tgt:
        flags.append(Flag("omission", "major", "source sentence has no counterpart in the target",
                          _whole(src, "src", bead.src)))
    elif not bead.src:
        flags.append(Flag("addition", "major", "target sentence has no counterpart in the source",
                          _whole(tgt, "tgt", bead.tgt)))
    else:
        src_text = " ".join(src.sentence_text(i) for i in bead.src)
        tgt_text = " ".join(tgt.sentence_text(j) for j in bead.tgt)
        a, b = extract_numbers(src_text, src.lang), extract_numbers(tgt_text, tgt.lang)
        if a != b:
            missing = sorted(a - b)
            extra = sorted(b - a)
            flags.append(Flag("number_mismatch", "major",
                              f"numbers differ: source only {missing}, target only {extra}",
                              _whole(src, "src", bead.src) + _whole(tgt, "tgt", bead.tgt)))
    flags.extend(_typography(src, "src", bead.src))
    flags.extend(_typography(tgt, "tgt", bead.tgt))
    return tuple(flags)
