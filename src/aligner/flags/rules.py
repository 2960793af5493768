"""Divergence rules: (documents, bead, bead score) -> flags.

Each rule reads the evidence that :mod:`aligner.score` gathered for a bead and says, in
plain words, where the versions part ways. The thresholds are module constants, chosen on the
NTREX-128 divergence dev set and documented in ``docs/fidelity.md``:

* ``mistranslation``: encoder similarity below :data:`UNRELATED_SIMILARITY` (faithful pairs
  almost never go below 0.5; sentences of other articles sit around 0.05).
* ``partial_addition`` / ``partial_omission``: the Gale-Church length z-score is 2 or more
  (target longer / shorter than the expected length by two standard deviations), or 1 or
  more with similarity below :data:`PARTIAL_SIMILARITY` or a run of clauses matching the
  other side clearly better than the whole. The evidence is what lies outside the run of
  clauses that matches the other side best, or the content words without a counterpart
  when no encoder is set.
* ``number_mismatch``: a digit number or date on one side has no equal value on the other.
* ``entity_mismatch``: a name that is not a dictionary word has no counterpart on the other
  side (major when both sides have such a name: one name was put for another).
* ``untranslated``: the target is in the source language (or copies the source).
* ``wrong_language``: the target is in a third language.
* ``truncation``: the target stops without final punctuation where the source has it and is
  much shorter, or the document's last source sentences have no counterpart.
* ``typography``: detached hyphens (``hati -hati``) and doubled spaces found on one side
  only, an odd number of double quotation marks where the other side has an even number,
  and names spelled differently only by case (``OpenAI``/``Openai``).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..align.model import Bead
from ..document import BOILERPLATE, Document
from ..score.fidelity import BeadEvidence, BeadScore
from ..score.text import Token
from .model import Evidence, Flag

__all__ = ["flag_bead", "flag_document", "UNRELATED_SIMILARITY", "PARTIAL_SIMILARITY",
           "LENGTH_Z_STRONG", "LENGTH_Z_WEAK", "PART_MATCH", "PART_GAIN"]

#: Below this encoder cosine, the two sides say different things.
UNRELATED_SIMILARITY = 0.2
#: With a length z-score of at least ``LENGTH_Z_WEAK``, a similarity below this is a partial change.
PARTIAL_SIMILARITY = 0.6
#: Length z-score that alone signals a clause added or dropped.
LENGTH_Z_STRONG = 2.0
#: Length z-score that signals a clause added or dropped when the similarity is also low.
LENGTH_Z_WEAK = 1.0
#: A run of clauses at least this similar to the other side is "the part that was translated".
PART_MATCH = 0.4
#: How much better than the whole a run of clauses must match to show a clause added or dropped.
PART_GAIN = 0.15

_DETACHED_HYPHEN = regex.compile(r"(?<=\p{L}) -(?=\p{L})|(?<=\p{L})- (?=\p{L})")
_DOUBLE_SPACE = regex.compile(r"(?<=\S)  +(?=\S)")
_FINAL = regex.compile(r"[.!?\u2026\"'\u201d\u2019)\]\u3002\uff01\uff1f]\s*$")
_QUOTES = (('"', '"'), ("\u201c", "\u201d"))


def _whole(doc: Document, side: str, ids: tuple[int, ...]) -> tuple[Evidence, ...]:
    return tuple(Evidence(side, i, doc.sentences[i].start, doc.sentences[i].end) for i in ids)


def _sentence_of(doc: Document, ids: Sequence[int], offset: int) -> int:
    for i in ids:
        if doc.sentences[i].start <= offset < doc.sentences[i].end:
            return i
    return ids[-1]


def _token_evidence(doc: Document, side: str, ids: Sequence[int], text_tokens: Sequence[Token],
                    joined_starts: list[tuple[int, int]]) -> tuple[Evidence, ...]:
    """Map tokens of the joined bead text back to document offsets."""
    out = []
    for tok in text_tokens:
        for (joined_start, _sent), i in zip(joined_starts, ids):
            length = doc.sentences[i].end - doc.sentences[i].start
            if joined_start <= tok.start < joined_start + length:
                base = doc.sentences[i].start - joined_start
                out.append(Evidence(side, i, tok.start + base, tok.end + base))
                break
    return tuple(out)


def _joined_starts(doc: Document, ids: Sequence[int]) -> list[tuple[int, int]]:
    """Where each sentence starts in ``" ".join(sentence texts)``."""
    starts = []
    pos = 0
    for i in ids:
        starts.append((pos, i))
        pos += doc.sentences[i].end - doc.sentences[i].start + 1
    return starts


def _tok_ev(doc: Document, side: str, ids: Sequence[int], toks: Sequence[Token]) -> tuple[Evidence, ...]:
    return _token_evidence(doc, side, ids, toks, _joined_starts(doc, ids))


def _complement(doc: Document, side: str, ids: tuple[int, ...], keep: tuple[int, int]) -> tuple[Evidence, ...]:
    """The parts of the bead's sentences outside ``keep`` (document offsets)."""
    out = []
    for i in ids:
        s = doc.sentences[i]
        for a, b in ((s.start, min(s.end, keep[0])), (max(s.start, keep[1]), s.end)):
            if b > a and doc.text[a:b].strip(" ,;:.-\"'\u201c\u201d\n"):
                out.append(Evidence(side, i, a, b))
    return tuple(out)


_DOUBLE_QUOTES = ('"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb")


def _quote_count(text: str) -> int:
    return sum(text.count(q) for q in _DOUBLE_QUOTES)


def _typography(doc: Document, side: str, ids: tuple[int, ...], other_text: str | None) -> list[Flag]:
    flags = []
    for i in ids:
        span = doc.sentences[i]
        for pattern, what in ((_DETACHED_HYPHEN, "detached hyphen"), (_DOUBLE_SPACE, "doubled space")):
            if other_text is not None and pattern.search(other_text):
                continue  # the same habit on both sides: a house style, not a slip
            for m in pattern.finditer(doc.text, span.start, span.end):
                a, b = max(span.start, m.start() - 12), min(span.end, m.end() + 12)
                context = doc.text[a:b].strip()
                flags.append(Flag("typography", "info", f"{what} in {context!r}", (Evidence(side, i, m.start(), m.end()),)))
    if other_text is not None and ids:
        text = " ".join(doc.sentence_text(i) for i in ids)
        if _quote_count(text) % 2 and _quote_count(other_text) and not _quote_count(other_text) % 2:
            flags.append(Flag("typography", "info", "quotation marks are unbalanced here but not in the other version",
                              _whole(doc, side, ids)))
    return flags


def _partial(src: Document, tgt: Document, bead: Bead, ev: BeadEvidence, added: bool) -> list[Flag]:
    """A ``partial_addition`` (``added``) or ``partial_omission`` flag with its evidence."""
    if added:
        doc, side, ids, part, cov = tgt, "tgt", bead.tgt, ev.tgt_part, ev.tgt_coverage
    else:
        doc, side, ids, part, cov = src, "src", bead.src, ev.src_part, ev.src_coverage
    if part is not None:
        evidence = _complement(doc, side, ids, (part[0], part[1]))
        shown = " ".join(doc.text[e.start : e.end].strip() for e in evidence)[:160]
        message = (f"the target adds text with no counterpart in the source: {shown!r}" if added
                   else f"the target leaves out part of the source: {shown!r}")
    else:
        evidence = _tok_ev(doc, side, ids, cov.uncovered)
        words = ", ".join(t.surface for t in cov.uncovered[:8])
        message = (f"the target is longer than expected; words with no counterpart: {words}" if added
                   else f"the target is shorter than expected; source words with no counterpart: {words}")
    flags = [Flag("partial_addition" if added else "partial_omission", "major", message,
                  evidence or _whole(doc, side, ids))]
    if not added:
        last_tgt = tgt.sentence_text(bead.tgt[-1])
        last_src = src.sentence_text(bead.src[-1])
        if _FINAL.search(last_src) and not _FINAL.search(last_tgt):
            j = bead.tgt[-1]
            end = tgt.sentences[j].end
            flags.append(Flag("truncation", "minor", "the target sentence stops without final punctuation",
                              (Evidence("tgt", j, max(tgt.sentences[j].start, end - 1), end),)))
    return flags


def _meaning_flags(src: Document, tgt: Document, bead: Bead, ev: BeadEvidence) -> list[Flag]:
    """mistranslation / partial_addition / partial_omission for a bead with text on both sides.

    With an encoder: a similarity below ``UNRELATED_SIMILARITY`` is a mistranslation unless
    the lengths disagree and a run of clauses of the longer side matches the other side
    (similarity >= ``PART_MATCH``): then a clause was added or dropped. Otherwise a length
    z-score of ``LENGTH_Z_STRONG`` is a partial change, and so is one of ``LENGTH_Z_WEAK``
    when the similarity is below ``PARTIAL_SIMILARITY`` or a run of clauses of the longer side
    matches the other side clearly better (by ``PART_GAIN``) than the whole does.
    """
    sim = ev.similarity
    z = ev.length_z
    part = ev.tgt_part if z > 0 else ev.src_part
    part_sim = part[2] if part is not None else None
    if sim is not None and sim < UNRELATED_SIMILARITY:
        if abs(z) >= LENGTH_Z_WEAK and part_sim is not None and part_sim >= PART_MATCH:
            return _partial(src, tgt, bead, ev, added=z > 0)
        return [Flag("mistranslation", "major",
                     f"the two sides say different things (similarity {sim:.2f})",
                     _whole(src, "src", bead.src) + _whole(tgt, "tgt", bead.tgt))]
    weak_support = sim is not None and (
        sim < PARTIAL_SIMILARITY or (part_sim is not None and part_sim - sim >= PART_GAIN))
    if abs(z) >= LENGTH_Z_STRONG or (abs(z) >= LENGTH_Z_WEAK and weak_support):
        return _partial(src, tgt, bead, ev, added=z > 0)
    return []


def flag_bead(src: Document, tgt: Document, bead: Bead, score: BeadScore) -> tuple[Flag, ...]:
    """All flags for one bead, most important first."""
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
    elif score.evidence is not None:
        ev = score.evidence
        if score.parts.get("language", 1.0) == 0.0:
            if ev.tgt_detected not in (src.lang, tgt.lang) and ev.copied < 0.5:
                flags.append(Flag("wrong_language", "major",
                                  f"the target is in {ev.tgt_detected!r}, not {tgt.lang!r}",
                                  _whole(tgt, "tgt", bead.tgt)))
            else:
                flags.append(Flag("untranslated", "major",
                                  f"the target is left in the source language ({src.lang}); "
                                  f"{ev.copied:.0%} of its words are copied",
                                  _whole(tgt, "tgt", bead.tgt)))
            return tuple(flags)
        flags.extend(_meaning_flags(src, tgt, bead, ev))
        src_only, tgt_only = ev.numbers
        if src_only or tgt_only:
            parts = []
            if src_only:
                parts.append("source only " + ", ".join(repr(ev.src_text[q.start : q.end]) for q in src_only))
            if tgt_only:
                parts.append("target only " + ", ".join(repr(ev.tgt_text[q.start : q.end]) for q in tgt_only))
            flags.append(Flag("number_mismatch", "major", "numbers differ: " + "; ".join(parts),
                              _tok_ev(src, "src", bead.src, [Token(ev.src_text[q.start:q.end], q.start, q.end) for q in src_only])
                              + _tok_ev(tgt, "tgt", bead.tgt, [Token(ev.tgt_text[q.start:q.end], q.start, q.end) for q in tgt_only])))
        names = ev.names
        meaning = {f.type for f in flags} & {"mistranslation"}
        if (names.src_only or names.tgt_only) and not meaning:
            both = bool(names.src_only and names.tgt_only)
            parts = []
            if names.src_only:
                parts.append("source names missing in the target: " + ", ".join(t.surface for t in names.src_only))
            if names.tgt_only:
                parts.append("target names not in the source: " + ", ".join(t.surface for t in names.tgt_only))
            flags.append(Flag("entity_mismatch", "major" if both else "minor", "; ".join(parts),
                              _tok_ev(src, "src", bead.src, names.src_only) + _tok_ev(tgt, "tgt", bead.tgt, names.tgt_only)))
        for a, b in names.variants:
            if a.surface.lower() == b.surface.lower():
                flags.append(Flag("typography", "info",
                                  f"name spelled {a.surface!r} in the source and {b.surface!r} in the target",
                                  _tok_ev(src, "src", bead.src, [a]) + _tok_ev(tgt, "tgt", bead.tgt, [b])))
    src_text = " ".join(src.sentence_text(i) for i in bead.src) if bead.src else None
    tgt_text = " ".join(tgt.sentence_text(j) for j in bead.tgt) if bead.tgt else None
    flags.extend(_typography(src, "src", bead.src, tgt_text))
    flags.extend(_typography(tgt, "tgt", bead.tgt, src_text))
    return tuple(flags)


def flag_document(src: Document, tgt: Document, beads: Sequence[Bead]) -> dict[int, tuple[Flag, ...]]:
    """Document-level flags, keyed by the index of the bead they sit on.

    ``truncation``: the last two or more content source sentences have no counterpart (the
    target stops early); the flag sits on the last such bead.
    """
    content = [k for k, b in enumerate(beads)
               if not any(src.sentences[i].kind == BOILERPLATE for i in b.src)
               and not any(tgt.sentences[j].kind == BOILERPLATE for j in b.tgt)]
    tail = []
    for k in reversed(content):
        if beads[k].tgt:
            break
        tail.append(k)
    if len(tail) >= 2 and len(tail) < len(content):
        ids = tuple(i for k in sorted(tail) for i in beads[k].src)
        return {tail[0]: (Flag("truncation", "major",
                               f"the target stops early: its last {len(ids)} source sentences have no counterpart",
                               _whole(src, "src", ids)),)}
    return {}
