"""Divergence rules: (documents, bead, bead score) -> flags.

Each rule reads the evidence that :mod:`aligner.score` gathered for a bead and says, in
plain words, where the versions part ways. The thresholds live in
:class:`aligner.score.settings.FidelitySettings` (chosen on the pooled dev pairs, checked
leave-one-pair-out; documented in ``docs/fidelity.md``). Evidence offsets are document
offsets (the bead texts are document slices, see :func:`aligner.score.fidelity.bead_text`).

* ``mistranslation``: the meaning fidelity is below ``settings.mistranslation``, or the cosine
  and the margin are below ``settings.stray_similarity`` and ``settings.stray_margin`` (unless the
  lengths disagree and a run of clauses matches the other side, or the bead still stands out
  from its neighbours by a margin of ``partial_margin``: then a partial change).
* ``partial_addition`` / ``partial_omission``: the Gale-Church length z-score is
  ``length_z_strong`` or more (target longer / shorter than the document's usual ratio
  predicts), or ``length_z_weak`` or more with a fidelity below ``partial_fidelity``, a run of
  clauses matching the other side clearly better than the whole, or a number or name of the
  longer side with no counterpart (and none of the shorter side's), or ``fragment_z`` shorter with a target that
  starts with a small letter where the source starts with a capital (its opening was left
  out). The evidence is what lies outside the run of
  clauses that matches the other side best, or the content words without a counterpart
  when no encoder is set.
* ``addition`` (in a bead of several target sentences): a target sentence whose cosine with the
  bead's whole source side is below :data:`UNSUPPORTED_SIMILARITY` has no counterpart there
  (an unrelated sentence the aligner merged with a translated one), unless the bead is a
  mistranslation as a whole.
* ``number_mismatch``: a digit number or date on one side has no equal value on the other (an
  ``info`` note when only the source has one, fewer than three, and the meaning agrees: a number
  left out or paraphrased, not changed).
* ``entity_mismatch``: a name that is not a dictionary word has no counterpart on the other
  side (major when both sides have such a name: one name was put for another; an ``info``
  note when the other side has no unmatched capitalised word at all: a name left out or
  paraphrased, not replaced).
* ``untranslated``: the target is in the source language (or copies the source).
* ``wrong_language``: the target is in a third language.
* ``truncation``: the target stops without final punctuation where the source has it and is
  much shorter, or the document's last source sentences have no counterpart.
* ``typography``: detached hyphens (``hati -hati``) and doubled spaces found on one side
  only, an odd number of double quotation marks where the other side has an even number,
  and names spelled differently only by case (``OpenAI``/``Openai``); and, as ``major``,
  encoding damage (mojibake: UTF-8 read as Latin-1 or Windows-1252 somewhere upstream,
  ``Ð¡Ð¾Ð±Ð°ÐºÐ°`` for ``Собака``; :mod:`aligner.mojibake`), whose repair the message shows.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..align.model import Bead
from ..document import Document
from ..locale_data import conjunctions
from ..mojibake import mojibake_repair
from ..score.fidelity import BeadEvidence, BeadScore, is_boilerplate_bead, scaled_similarity, starts_mid_sentence
from ..score.numbers import Quantity, extract_quantities
from ..score.settings import DEFAULT_SETTINGS, FidelitySettings
from ..score.text import Token
from .model import Evidence, Flag

__all__ = ["flag_bead", "flag_document", "longer_side_unmatched", "is_stray", "unsupported_sentences",
           "UNSUPPORTED_SIMILARITY"]

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


def _tok_ev(doc: Document, side: str, ids: Sequence[int], base: int,
            spans: Sequence[Token | Quantity]) -> tuple[Evidence, ...]:
    """Evidence for tokens or quantities of a bead text that starts at document offset ``base``."""
    return tuple(Evidence(side, _sentence_of(doc, ids, base + t.start), base + t.start, base + t.end) for t in spans)


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


_NEXT_WORD = regex.compile(r"\p{L}+")


def _suspended(doc: Document, offset: int) -> bool:
    """A hyphen before "and"/"or" closes the first part of a suspended compound (``Industrie- und Handelskammer``)."""
    m = _NEXT_WORD.match(doc.text, offset)
    return m is not None and m.group(0).casefold() in conjunctions(doc.lang) | conjunctions("en")


def _typography(doc: Document, side: str, ids: tuple[int, ...], other_text: str | None) -> list[Flag]:
    flags = []
    for i in ids:
        span = doc.sentences[i]
        repair = mojibake_repair(doc.text[span.start:span.end])
        if repair is not None:
            fixed, misread = repair
            shown = fixed if len(fixed) <= 80 else fixed[:77] + "..."
            flags.append(Flag("typography", "major",
                              f"encoding damage: UTF-8 text read as {misread} (mojibake); it should read {shown!r}",
                              (Evidence(side, i, span.start, span.end),)))
        for pattern, what in ((_DETACHED_HYPHEN, "detached hyphen"), (_DOUBLE_SPACE, "doubled space")):
            if other_text is not None and pattern.search(other_text):
                continue  # the same habit on both sides: a house style, not a slip
            for m in pattern.finditer(doc.text, span.start, span.end):
                if pattern is _DETACHED_HYPHEN and _suspended(doc, m.end()):
                    continue
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
    elif cov.words and len(cov.uncovered) == len(cov.words):
        # no word of the side has a known counterpart (a pair without a lexicon): listing them all
        # would only repeat the sentence, and point at nothing
        evidence = ()
        message = (f"the target is longer than expected (length z-score {ev.length_z:+.1f}); no word has a known "
                   "counterpart to show what was added" if added else
                   f"the target is shorter than expected (length z-score {ev.length_z:+.1f}); no source word has a "
                   "known counterpart to show what was left out")
    else:
        evidence = _tok_ev(doc, side, ids, ev.tgt_base if added else ev.src_base, cov.uncovered)
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


def _fragment(src: Document, tgt: Document, bead: Bead) -> bool:
    """Does the bead's target start mid-sentence (:func:`~aligner.score.fidelity.starts_mid_sentence`)?"""
    return starts_mid_sentence(src.sentence_text(bead.src[0]), tgt.sentence_text(bead.tgt[0]))


def longer_side_unmatched(ev: BeadEvidence) -> bool:
    """Does the longer side (by the length z-score) hold a number or a name with no counterpart
    while the shorter side holds none? That is content of the longer side the other side does not
    carry: support for a clause added or dropped. A name left out or paraphrased
    (:attr:`~aligner.score.entities.NameMatch.left_out`, a note as a name flag) counts too: the
    shorter side lost it with the words around it."""
    longer, shorter = (1, 0) if ev.length_z > 0 else (0, 1)
    if ev.numbers[shorter]:
        return False
    names = (ev.names.src_only, ev.names.tgt_only)
    if names[shorter]:
        return False
    return bool(ev.numbers[longer]) or bool(names[longer])


def is_stray(similarity: float | None, margin: float | None, settings: FidelitySettings = DEFAULT_SETTINGS) -> bool:
    """Is the bead's cosine below ``settings.stray_similarity`` and its margin below
    ``settings.stray_margin`` (both on the fitted encoder's scale)? Its target is then no closer
    to its source than to the document's other sentences: two sentences of one topic, not a
    translation, whatever the meaning model makes of them. ``False`` without both values."""
    return (similarity is not None and margin is not None and similarity < settings.stray_similarity
            and margin < settings.stray_margin)


#: below this cosine with the bead's source side (on the fitted encoder's scale), a target sentence of
#: a bead of several has no counterpart in the source (fixed, not fitted: the shipped
#: ``stray_similarity``, under which a whole bead is no translation of its source)
UNSUPPORTED_SIMILARITY = 0.25


def unsupported_sentences(ev: BeadEvidence, settings: FidelitySettings = DEFAULT_SETTINGS
                          ) -> tuple[tuple[int, float], ...]:
    """``(position in the bead's target, cosine)`` of the target sentences of a bead of several
    whose cosine with the whole source side (:attr:`BeadEvidence.tgt_sentence_similarity`, on
    the fitted encoder's scale) is below :data:`UNSUPPORTED_SIMILARITY`; ``()`` without an
    encoder whose cosines the settings can read."""
    if not ev.tgt_sentence_similarity or scaled_similarity(ev, settings) is None:
        return ()
    offset, factor = settings.scale_of(ev.encoder) or (0.0, 1.0)
    scaled = ((k, offset + factor * c) for k, c in enumerate(ev.tgt_sentence_similarity))
    return tuple((k, round(x, 6)) for k, x in scaled if x < UNSUPPORTED_SIMILARITY)


def _meaning_flags(src: Document, tgt: Document, bead: Bead, score: BeadScore, ev: BeadEvidence,
                   settings: FidelitySettings) -> list[Flag]:
    """mistranslation / partial_addition / partial_omission for a bead with text on both sides.

    A bead that :func:`is_stray` is read as one whose meaning fidelity is below ``mistranslation``.

    A meaning fidelity (``parts["meaning"]``: the fidelity without the numbers and names
    signals, which have flags of their own) below ``settings.mistranslation`` is a
    mistranslation unless the lengths
    disagree (``|z| >= length_z_weak``) and a run of clauses of the longer side matches the
    other side (similarity >= ``part_match``) or the bead's margin is at least
    ``partial_margin`` (it is still closer to its own source than to its neighbours: part of
    it is a translation): then a clause was added or dropped. Otherwise a
    length z-score of ``length_z_strong`` is a partial change, and so is one of
    ``length_z_weak`` when the meaning fidelity is below ``partial_fidelity``, a run of clauses of
    the longer side matches the other side clearly better (by ``part_gain``) than the whole, or
    the longer side holds a number or a name with no counterpart (:func:`longer_side_unmatched`).
    A target shorter by ``fragment_z`` that starts with a small letter where the source
    starts with a capital (:func:`_fragment`) lost its opening: a partial omission.
    """
    sim = ev.similarity
    z = ev.length_z
    part = ev.tgt_part if z > 0 else ev.src_part
    part_sim = part[2] if part is not None else None
    scaled = scaled_similarity(ev, settings)
    if scaled is not None and sim is not None:
        # cosines of another encoder read on the scale the thresholds were chosen on
        offset, factor = settings.scale_of(ev.encoder) or (0.0, 1.0)
        sim = scaled[0]
        part_sim = None if part_sim is None else offset + factor * part_sim
    meaning = score.parts.get("meaning", score.fidelity)
    if z <= -settings.fragment_z and _fragment(src, tgt, bead):
        return _partial(src, tgt, bead, ev, added=False)  # shorter, and it starts mid-sentence
    margin = scaled[1] if scaled is not None else None
    if meaning < settings.mistranslation or is_stray(sim, margin, settings):
        if abs(z) >= settings.length_z_weak and (
                (part_sim is not None and part_sim >= settings.part_match)
                or (margin is not None and margin >= settings.partial_margin)):
            return _partial(src, tgt, bead, ev, added=z > 0)
        shown = f"similarity {sim:.2f}, fidelity {meaning:.2f}" if sim is not None else f"fidelity {meaning:.2f}"
        return [Flag("mistranslation", "major", f"the two sides say different things ({shown})",
                     _whole(src, "src", bead.src) + _whole(tgt, "tgt", bead.tgt))]
    weak_support = meaning < settings.partial_fidelity or longer_side_unmatched(ev) or (
        sim is not None and part_sim is not None and part_sim - sim >= settings.part_gain)
    if abs(z) >= settings.length_z_strong or (abs(z) >= settings.length_z_weak and weak_support):
        return _partial(src, tgt, bead, ev, added=z > 0)
    return []


#: the meaning fidelity from which a number left out is a note (fixed, not fitted: the fitted
#: ``partial_fidelity`` moves with the length thresholds)
_NOTE_MEANING = 0.5

#: a target leaving out this many source numbers, with none in their place, is no paraphrase of
#: a number (``in his 40s``) but a sentence that says something else: not a note
_NOTE_NUMBERS = 3


def _digit_count(text: str, lang: str) -> int:
    """How many numbers ``text`` writes in digits (not in words)."""
    return sum(1 for q in extract_quantities(text, lang) if not q.spelled)


def flag_bead(src: Document, tgt: Document, bead: Bead, score: BeadScore,
              settings: FidelitySettings = DEFAULT_SETTINGS) -> tuple[Flag, ...]:
    """All flags for one bead, most important first."""
    flags: list[Flag] = []
    if is_boilerplate_bead(src, tgt, bead):
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
        flags.extend(_meaning_flags(src, tgt, bead, score, ev, settings))
        if not any(f.type == "mistranslation" for f in flags):
            for k, sim in unsupported_sentences(ev, settings):
                j = bead.tgt[k]
                flags.append(Flag("addition", "major", f"target sentence {j + 1} has no counterpart in the source "
                                  f"(similarity {sim:.2f} with the bead's source side)", _whole(tgt, "tgt", (j,))))
        src_only, tgt_only = ev.numbers
        if src_only or tgt_only:
            parts = []
            if src_only:
                parts.append("source only " + ", ".join(repr(ev.src_text[q.start : q.end]) for q in src_only))
            if tgt_only:
                parts.append("target only " + ", ".join(repr(ev.tgt_text[q.start : q.end]) for q in tgt_only))
            # a source number the target leaves out, with no other number in its place (the target
            # writes fewer numbers), in a bead whose meaning agrees: left out or paraphrased (in his
            # 40s / nelikymmenvuotias), noted, not counted; a changed number leaves one on both sides
            left_out = not tgt_only and score.parts.get("meaning", score.fidelity) >= _NOTE_MEANING \
                and len(src_only) < _NOTE_NUMBERS \
                and _digit_count(ev.tgt_text, tgt.lang) < _digit_count(ev.src_text, src.lang)
            if left_out:
                parts.append("no other number in its place (left out or paraphrased)")
            flags.append(Flag("number_mismatch", "info" if left_out else "major", "numbers differ: " + "; ".join(parts),
                              _tok_ev(src, "src", bead.src, ev.src_base, src_only)
                              + _tok_ev(tgt, "tgt", bead.tgt, ev.tgt_base, tgt_only)))
        names = ev.names
        meaning = {f.type for f in flags} & {"mistranslation"}
        if (names.src_only or names.tgt_only) and not meaning:
            both = bool(names.src_only and names.tgt_only)
            parts = []
            if names.src_only:
                parts.append("source names missing in the target: " + ", ".join(t.surface for t in names.src_only))
            if names.tgt_only:
                parts.append("target names not in the source: " + ", ".join(t.surface for t in names.tgt_only))
            # names left out or paraphrased (NameMatch.left_out) in a bead whose meaning agrees:
            # noted, not counted
            alone = names.left_out and score.parts.get("meaning", score.fidelity) >= settings.partial_fidelity
            severity = "major" if both else ("info" if alone else "minor")
            if alone and not both:
                parts.append("no other name in its place (left out or paraphrased)")
            flags.append(Flag("entity_mismatch", severity, "; ".join(parts),
                              _tok_ev(src, "src", bead.src, ev.src_base, names.src_only)
                              + _tok_ev(tgt, "tgt", bead.tgt, ev.tgt_base, names.tgt_only)))
        for a, b in names.variants:
            if a.surface.lower() == b.surface.lower():
                flags.append(Flag("typography", "info",
                                  f"name spelled {a.surface!r} in the source and {b.surface!r} in the target",
                                  _tok_ev(src, "src", bead.src, ev.src_base, [a])
                                  + _tok_ev(tgt, "tgt", bead.tgt, ev.tgt_base, [b])))
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
    content = [k for k, b in enumerate(beads) if not is_boilerplate_bead(src, tgt, b)]
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
