"""Compare two versions: alignment + per-bead scores + flags, in one frozen result."""

from __future__ import annotations

import statistics
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TextIO

from .._version import FIDELITY_VERSION, fidelity_settings_digest
from ..align import Alignment, align
from ..checks import run_checks
from ..config import DEFAULT_CONFIG, Config
from ..document import Document
from ..flags import Flag, flag_bead, flag_document
from ..progress import step
from ..score import BeadScore, Scorer, document_fidelity
from ..score.fidelity import is_boilerplate_bead, rescore_all, scaled_similarity
from ..score.settings import DEFAULT_SETTINGS, FidelitySettings
from .rows import FlagCounts, Row, format_rows, rows

__all__ = ["Comparison", "compare_documents", "compare_aligned", "FAITHFUL", "verdict", "translation_evidence",
           "rescore", "NOT_A_TRANSLATION", "similarity_fitted", "fidelity_encoder_for"]

#: Document fidelity from which a translation is called faithful (see docs/fidelity.md).
FAITHFUL = DEFAULT_SETTINGS.faithful
#: Document fidelity below which a translation is called unfaithful.
UNFAITHFUL = DEFAULT_SETTINGS.unfaithful
#: The verdict of two documents that are not translations of each other.
NOT_A_TRANSLATION = "not a translation"


def verdict(fidelity: float, settings: FidelitySettings = DEFAULT_SETTINGS) -> str:
    """``faithful`` (>= ``settings.faithful``), ``mostly faithful`` (>= ``settings.unfaithful``) or ``unfaithful``."""
    if fidelity >= settings.faithful:
        return "faithful"
    return "mostly faithful" if fidelity >= settings.unfaithful else "unfaithful"


def translation_evidence(src: Document, tgt: Document, alignment: Alignment, scores: tuple[BeadScore, ...],
                         flags: tuple[tuple[Flag, ...], ...],
                         settings: FidelitySettings = DEFAULT_SETTINGS) -> str:
    """Why the two documents are not translations of each other, or ``""`` when they may be.

    The same evidence as ``compare-set`` uses for a pair, bead by bead, over the content beads
    (text on both sides, no boilerplate), with cosines on the scale of the encoder the settings
    were fitted on: their median cosine is below ``not_translation_similarity`` and their
    median margin (how much a bead's two sides stand out from other pairings of the same
    documents) below ``not_translation_margin``; or their median cosine is below
    ``not_translation_floor`` whatever the margins (a short document's few beads stand out by
    being the best of few pairings); or at least ``not_translation_share`` of them carry a
    ``mistranslation`` flag (sentences on the same topic that say different things; a line
    left untranslated or a clause added is no such evidence).
    """
    content = [k for k, (b, s) in enumerate(zip(alignment.beads, scores))
               if b.src and b.tgt and not is_boilerplate_bead(src, tgt, b) and s.evidence is not None]
    if not content:
        return ""
    scaled = [x for x in (scaled_similarity(ev, settings) for ev in (scores[k].evidence for k in content)
                          if ev is not None) if x is not None]
    sims = [x[0] for x in scaled]
    margins = [x[1] for x in scaled if x[1] is not None]
    if sims:
        med_sim = statistics.median(sims)
        med_margin = statistics.median(margins) if margins else None
        if (med_margin is not None and med_sim < settings.not_translation_similarity
                and med_margin < settings.not_translation_margin):
            return (f"the aligned sentences are no closer than chance pairings (median similarity {med_sim:.2f}, "
                    f"median margin {med_margin:.2f})")
        if med_sim < settings.not_translation_floor:
            return f"the aligned sentences are far apart in meaning (median similarity {med_sim:.2f})"
    different = sum(1 for k in content if any(f.type == "mistranslation" for f in flags[k])) / len(content)
    if len(content) >= 3 and different >= settings.not_translation_share:
        return f"{different:.0%} of the aligned sentence pairs say different things"
    return ""


@dataclass(frozen=True)
class Comparison:
    """Everything known about two versions of one text.

    Attributes:
        src, tgt: the two documents.
        alignment: beads over their sentences.
        scores: one ``BeadScore`` per bead, in bead order.
        flags: one tuple of ``Flag`` per bead, in bead order.
        fidelity: document fidelity in ``[0, 1]``.
        config: the settings used; ``signature`` is derived from it.
        lexicon: the lexicon actually used (``config.lexicon`` resolved for the language
            pair, with its version), or ``""`` when not recorded.
        settings: the fidelity settings (weights and thresholds) used.
    """

    src: Document
    tgt: Document
    alignment: Alignment
    scores: tuple[BeadScore, ...]
    flags: tuple[tuple[Flag, ...], ...]
    fidelity: float
    config: Config
    lexicon: str = ""
    settings: FidelitySettings = field(default=DEFAULT_SETTINGS, compare=False, repr=False)

    def __post_init__(self) -> None:
        n = len(self.alignment.beads)
        if len(self.scores) != n or len(self.flags) != n:
            raise ValueError(f"need one score and one flag tuple per bead ({n}), got "
                             f"{len(self.scores)} and {len(self.flags)}")

    @property
    def signature(self) -> str:
        """The reproducibility signature of the settings that produced this result.

        The config's ``enc:``, ``fenc:`` and ``lex:`` fields show the encoders and the lexicon
        actually used for the language pair (``enc:auto=e5``, ``fenc:use=e5``).
        """
        sig = self.config.signature
        used = self.alignment.encoder
        if used and used != self.config.encoder:  # "auto" resolved for the pair
            sig = sig.replace(f"|enc:{self.config.encoder}|", f"|enc:{self.config.encoder}={used}|", 1)
        fenc = self.config.fidelity_encoder
        read = fidelity_encoder_for(self.config, self.src.lang, self.tgt.lang)
        if fenc and read != fenc:  # the fidelity reads auto's encoder for the pair
            sig = sig.replace(f"|fenc:{fenc}|", f"|fenc:{fenc}={read}|", 1)
        if self.settings.digest() != fidelity_settings_digest():
            sig = sig.replace(f"|fid:{FIDELITY_VERSION}-{fidelity_settings_digest()}|",
                              f"|fid:{FIDELITY_VERSION}-{self.settings.digest()}|", 1)
        if self.lexicon:
            sig = sig.replace(f"|lex:{self.config.lexicon}|", f"|lex:{self.lexicon}|", 1)
        return sig

    @property
    def verdict(self) -> str:
        """``not a translation`` (see :attr:`translation_evidence`), else ``faithful``,
        ``mostly faithful`` or ``unfaithful`` (see :func:`verdict`)."""
        if self.not_a_translation:
            return NOT_A_TRANSLATION
        return verdict(self.fidelity, self.settings)

    @cached_property
    def translation_evidence(self) -> str:
        """Why the two documents are not translations of each other; ``""`` when they may be
        (worked out once: ``verdict``, ``not_a_translation`` and the reports all read it)."""
        return translation_evidence(self.src, self.tgt, self.alignment, self.scores, self.flags, self.settings)

    @property
    def not_a_translation(self) -> bool:
        """True when the documents are not translations of each other (on topic or not)."""
        return bool(self.translation_evidence)

    @property
    def flag_counts(self) -> FlagCounts:
        """Number of flags of each type, sorted by type (a dict; ``flag_counts()`` also works; ``info`` notes included)."""
        counts = Counter(f.type for group in self.flags for f in group)
        return FlagCounts(sorted(counts.items()))

    def __iter__(self) -> Iterator[Row]:
        """One ``Row(bead, source, target, score, flags)`` per bead, in order."""
        return rows(self)

    @property
    def rows(self) -> tuple[Row, ...]:
        """Every bead as a :class:`~aligner.compare.rows.Row`."""
        return tuple(rows(self))

    def show(self, *, flagged: bool = False, limit: int | None = None, width: int = 0,
             file: TextIO | None = None) -> None:
        """Print the aligned sentences, one block per bead (Bertalign's ``print_sents``).

        ``flagged`` keeps flagged beads only, ``limit`` stops after that many blocks,
        ``width`` cuts long lines; ``file`` defaults to standard output.
        """
        selected = [(k, r) for k, r in enumerate(rows(self)) if r.flags or not flagged][:limit]
        (file or sys.stdout).write(format_rows(self, selected, width))


def _new_evidence(flags: tuple[Flag, ...], extra: tuple[Flag, ...]) -> tuple[Flag, ...]:
    """The QA-check flags of ``extra`` whose evidence no meaning flag of the bead already shows."""
    shown = {f.evidence for f in flags}
    return tuple(f for f in extra if f.evidence not in shown)


def similarity_fitted(encoder: str, src_lang: str, tgt_lang: str, settings: FidelitySettings = DEFAULT_SETTINGS) -> bool:
    """Can the fidelity read this encoder's cosines for this pair? Only an encoder the settings
    have a scale for (the one they were fitted on, or one of ``settings.encoder_scales``), and
    only where it knows both languages (``aligner.embed.coverage``): an encoder that never saw a
    language gives cosines on no scale at all."""
    from ..embed.coverage import may_know

    return settings.scale_of(encoder) is not None and may_know(encoder, src_lang, tgt_lang)


def fidelity_encoder_for(config: Config, src_lang: str, tgt_lang: str) -> str:
    """The encoder whose cosines the fidelity reads for a pair: ``config.fidelity_encoder``, or,
    where that encoder does not know both languages and the alignment encoder is ``auto``, the
    encoder ``auto`` picks for the pair (``e5`` for English-Finnish: a cosine the settings
    put on their own scale, :meth:`FidelitySettings.scale_of`, rather than none)."""
    from ..embed.coverage import AUTO, covers, may_know, pick_encoder

    name = config.fidelity_encoder or config.encoder
    if name == "none" or config.encoder != AUTO or may_know(name, src_lang, tgt_lang):
        return name
    other = pick_encoder(src_lang, tgt_lang)
    return other if other != "none" and covers(other, src_lang, tgt_lang) else name


def _flags(src: Document, tgt: Document, alignment: Alignment, scores: tuple[BeadScore, ...],
           config: Config, settings: FidelitySettings) -> tuple[tuple[Flag, ...], ...]:
    with step("flagging", total=len(alignment.beads)) as progress:
        per_bead = []
        for b, s in zip(alignment.beads, scores):
            per_bead.append(flag_bead(src, tgt, b, s, settings))
            progress.advance()
        for k, extra in flag_document(src, tgt, alignment.beads).items():
            per_bead[k] = per_bead[k] + extra
        for k, extra in run_checks(src, tgt, alignment.beads, config.checks, config.glossary or None).items():
            per_bead[k] = per_bead[k] + _new_evidence(per_bead[k], extra)
    return tuple(per_bead)


def compare_documents(src: Document, tgt: Document, config: Config = DEFAULT_CONFIG,
                      settings: FidelitySettings = DEFAULT_SETTINGS) -> Comparison:
    """Align ``src`` and ``tgt``, score every bead and flag divergences.

    The fidelity signals use ``config.fidelity_encoder``, ``config.lexicon`` and ``settings``.
    """
    with step("aligning"):
        alignment = align(src, tgt, config)
    return compare_aligned(src, tgt, alignment, config, settings)


def compare_aligned(src: Document, tgt: Document, alignment: Alignment,
                    config: Config = DEFAULT_CONFIG, settings: FidelitySettings = DEFAULT_SETTINGS) -> Comparison:
    """Score and flag the beads of a given ``alignment`` (a bilingual file's units, say)."""
    from ..embed import get_encoder
    from ..embed.coverage import may_know

    name = fidelity_encoder_for(config, src.lang, tgt.lang)
    with step("scoring"):
        scorer = Scorer(src, tgt, config.lexicon, get_encoder(name, config.encoder_max_chars), settings,
                        similarity_fitted=may_know(name, src.lang, tgt.lang), encoder_name=name)
        scores = scorer.score_all(alignment.beads)
    fidelity = document_fidelity(src, tgt, alignment.beads, scores)
    return Comparison(src, tgt, alignment, scores, _flags(src, tgt, alignment, scores, config, settings), fidelity,
                      config, lexicon=scorer.lexicon_name, settings=settings)


def rescore(c: Comparison, settings: FidelitySettings) -> Comparison:
    """``c`` scored and flagged again with other fidelity ``settings`` (the evidence is reused)."""
    scores = rescore_all(c.src, c.tgt, c.alignment.beads, c.scores, settings)
    fidelity = document_fidelity(c.src, c.tgt, c.alignment.beads, scores)
    return replace(c, scores=scores, flags=_flags(c.src, c.tgt, c.alignment, scores, c.config, settings),
                   fidelity=fidelity, settings=settings)
