"""Per-bead and per-document fidelity from several signals, each shown in ``parts``.

Signals (each in ``[0, 1]``, 1 = faithful):

* ``similarity``: cross-lingual sentence similarity (cosine of encoder vectors), mapped
  linearly from ``[0.25, 0.70]`` to ``[0, 1]``; left out when no encoder is configured.
* ``coverage_src`` / ``coverage_tgt``: share of content words of each side that find a
  counterpart on the other side (lexicon, cognates, names, numbers), divided by 0.75 and
  capped at 1 (through a small lexicon, faithful pairs cover about 60-75% of their words).
* ``length``: Gale-Church agreement of the two lengths, corrected for the usual length ratio
  of the two languages.
* ``numbers``: share of digit numbers and dates that agree by value.
* ``names``: share of names that find a counterpart (spelling variants count as found).
* ``chrf``: sacrebleu chrF between a dictionary gloss of the source and the target, divided
  by 60 and capped at 1 (a faithful pair rarely scores more than 60 through a word gloss).
* ``language``: 1 when the target is in the target language, 0 when it is left in the source
  language or another one; it multiplies the weighted mean (untranslated text is not faithful).

``fidelity = language * sum(w_k * part_k) / sum(w_k)`` with the weights in
:data:`WEIGHTS`. Omissions, additions and boilerplate beads score 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping

import numpy as np
import regex

from .._version import FIDELITY_VERSION
from ..align.model import Bead
from ..document import BOILERPLATE, Document
from ..language import detect_language, script_of
from ..lexicon import Lexicon, load_lexicon_pair
from ..measures import GALE_CHURCH_VARIANCE, char_length
from .entities import DocumentVocabulary, NameMatch, match_names
from .lexical import Coverage, coverage, gloss
from .numbers import Quantity, extract_quantities, match_quantities
from .text import tokens

__all__ = ["BeadScore", "BeadEvidence", "Scorer", "score_bead", "score_beads", "document_fidelity",
           "WEIGHTS", "FIDELITY_VERSION", "EXPECTED_LENGTH"]

#: Weights of the parts in the combined score.
WEIGHTS: Mapping[str, float] = MappingProxyType({
    "similarity": 0.35, "coverage_src": 0.1, "coverage_tgt": 0.1, "length": 0.1,
    "numbers": 0.1, "names": 0.1, "chrf": 0.15,
})

#: Usual length of a text in each language relative to English (Latin-equivalent characters).
EXPECTED_LENGTH: Mapping[str, float] = MappingProxyType({
    "en": 1.0, "id": 1.15, "ms": 1.15, "de": 1.12, "fr": 1.15, "es": 1.12, "it": 1.1, "pt": 1.1,
    "nl": 1.08, "ko": 1.0, "ja": 1.0, "zh": 0.9, "ru": 1.05, "vi": 1.2, "tr": 1.0,
})

_SIM_LOW, _SIM_HIGH = 0.25, 0.70
_CHRF_SCALE = 60.0
_COVERAGE_FULL = 0.75


@dataclass(frozen=True)
class BeadEvidence:
    """What the signals found for one bead; flag rules read it.

    Attributes:
        src_text, tgt_text: the joined sentences of each side.
        similarity: encoder cosine (``None`` without an encoder).
        src_coverage, tgt_coverage: content words of each side and those left uncovered.
        numbers: ``(source only, target only)`` quantities.
        names: the name comparison.
        length_ratio: target / source length divided by the usual ratio for the languages.
        tgt_detected: language detected for the target text.
        copied: share of the target's words found verbatim in the source.
        length_z: Gale-Church z-score of the target length against the expected one
            (positive: target longer); ``|z| >= 2`` is rare in faithful pairs.
        src_part, tgt_part: when the lengths disagree (``|z| >= 1``) and an encoder is set, the
            run of clauses of that side (document offsets ``start, end``) most similar to the
            whole other side, with that similarity; ``None`` otherwise.
    """

    src_text: str
    tgt_text: str
    similarity: float | None
    src_coverage: Coverage
    tgt_coverage: Coverage
    numbers: tuple[tuple[Quantity, ...], tuple[Quantity, ...]]
    names: NameMatch
    length_ratio: float
    tgt_detected: str
    copied: float
    length_z: float = 0.0
    src_part: tuple[int, int, float] | None = None
    tgt_part: tuple[int, int, float] | None = None


@dataclass(frozen=True)
class BeadScore:
    """Fidelity in ``[0, 1]`` for one bead and the signals it was combined from.

    ``evidence`` holds the spans behind the signals (not part of equality or reports).
    """

    fidelity: float
    parts: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    evidence: BeadEvidence | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not 0.0 <= self.fidelity <= 1.0:
            raise ValueError(f"fidelity must be in [0, 1], got {self.fidelity!r}")
        object.__setattr__(self, "parts", MappingProxyType(dict(self.parts)))


def _length_z(src_len: float, tgt_len: float) -> float:
    """Gale & Church's delta: (target - source) / sqrt(mean length * s^2)."""
    mean = (src_len + tgt_len) / 2.0
    return (tgt_len - src_len) / math.sqrt(max(mean, 1.0) * GALE_CHURCH_VARIANCE)


def _length_score(src_len: float, tgt_len: float) -> float:
    if src_len + tgt_len == 0:
        return 1.0
    delta = _length_z(src_len, tgt_len)
    return 2.0 * (1.0 - 0.5 * (1.0 + math.erf(abs(delta) / math.sqrt(2.0))))


_CLAUSE_END = regex.compile(r"[,;:()\u2013\u2014\u201c\u201d\"]+\s*|\s+-\s+")


def clause_spans(doc: Document, ids: Sequence[int]) -> list[tuple[int, int]]:
    """Clauses of the sentences ``ids`` as document offsets (split after , ; : dashes quotes)."""
    spans: list[tuple[int, int]] = []
    for i in ids:
        sent = doc.sentences[i]
        start = sent.start
        for m in _CLAUSE_END.finditer(doc.text, sent.start, sent.end):
            if m.end() - start > 1 and doc.text[start : m.end()].strip(" ,;:\"'()-\u201c\u201d"):
                spans.append((start, m.end()))
                start = m.end()
        if sent.end > start and doc.text[start : sent.end].strip():
            spans.append((start, sent.end))
    return spans


def _copied(src: str, tgt: str) -> float:
    s = {t.lower for t in tokens(src) if not t.is_number}
    t = [x.lower for x in tokens(tgt) if not x.is_number]
    return 0.0 if not t else sum(1 for w in t if w in s) / len(t)


@lru_cache(maxsize=1)
def _chrf_metric() -> Any:
    from sacrebleu.metrics import CHRF  # delayed: sacrebleu imports are slow

    return CHRF()


def _chrf(hyp: str, ref: str) -> float:
    """sacrebleu chrF (default settings: char order 6, beta 2) of ``hyp`` against ``ref``."""
    return float(_chrf_metric().sentence_score(hyp, [ref]).score)


class Scorer:
    """Scores beads of one document pair; holds the lexicons and the encoder for that pair.

    Args:
        src, tgt: the documents.
        lexicon: lexicon name (see :func:`aligner.lexicon.load_lexicon`).
        encoder: an object with ``encode(texts) -> (n, d)`` unit rows, or ``None``.
    """

    def __init__(self, src: Document, tgt: Document, lexicon: str = "auto", encoder: Any = None) -> None:
        self.src = src
        self.tgt = tgt
        self.forward: Lexicon | None
        self.backward: Lexicon | None
        self.forward, self.backward = load_lexicon_pair(src.lang, tgt.lang, lexicon)
        self.encoder = encoder
        self.src_vocab = DocumentVocabulary.of(src.sentence_texts, src.lang)
        self.tgt_vocab = DocumentVocabulary.of(tgt.sentence_texts, tgt.lang)

    @property
    def lexicon_name(self) -> str:
        """The resolved lexicon name (``none`` when there is none for the pair)."""
        return self.forward.name if self.forward is not None else "none"

    def texts(self, bead: Bead) -> tuple[str, str]:
        """The joined source and target text of ``bead``."""
        s = " ".join(self.src.sentence_text(i) for i in bead.src)
        t = " ".join(self.tgt.sentence_text(j) for j in bead.tgt)
        return s, t

    def _is_scored(self, bead: Bead) -> bool:
        return bool(bead.src and bead.tgt) and not any(
            self.src.sentences[i].kind == BOILERPLATE for i in bead.src) and not any(
            self.tgt.sentences[j].kind == BOILERPLATE for j in bead.tgt)

    def score_all(self, beads: Sequence[Bead]) -> tuple[BeadScore, ...]:
        """Scores for ``beads`` (similarities encoded in one batch)."""
        scored = [b for b in beads if self._is_scored(b)]
        sims: dict[int, float] = {}
        if self.encoder is not None and scored:
            pairs = [self.texts(b) for b in scored]
            a = self.encoder.encode([p[0] for p in pairs])
            c = self.encoder.encode([p[1] for p in pairs])
            for b, x, y in zip(scored, a, c):
                sims[id(b)] = float(min(1.0, max(-1.0, float((x * y).sum()))))
        return tuple(self.score(b, sims.get(id(b))) if self._is_scored(b) else BeadScore(0.0, {})
                     for b in beads)

    def evidence(self, bead: Bead, similarity: float | None) -> BeadEvidence:
        """Every signal's findings for a bead with text on both sides."""
        s, t = self.texts(bead)
        sl, tl = self.src.lang, self.tgt.lang
        src_cov = coverage(s, sl, t, tl, self.forward)
        tgt_cov = coverage(t, tl, s, sl, self.backward)
        nums = match_quantities(extract_quantities(s, sl), extract_quantities(t, tl))
        names = match_names(s, sl, t, tl, self.forward, self.backward,
                                                        self.src_vocab, self.tgt_vocab) if script_of(s) == script_of(t) \
            else NameMatch((), (), (), 0)
        expected = EXPECTED_LENGTH.get(tl, 1.0) / EXPECTED_LENGTH.get(sl, 1.0)
        ratio = (char_length(t) / expected) / max(char_length(s), 1.0)
        detected = detect_language(t, _candidates(sl, tl)) if len(t) >= 20 else tl
        z = _length_z(char_length(s) * expected, char_length(t))
        src_part = tgt_part = None
        if self.encoder is not None and abs(z) >= 1.0:
            if z < 0:
                src_part = self._best_part(self.src, bead.src, t)
            else:
                tgt_part = self._best_part(self.tgt, bead.tgt, s)
        return BeadEvidence(s, t, similarity, src_cov, tgt_cov, (tuple(nums[0]), tuple(nums[1])), names,
                            ratio, detected, _copied(s, t), z, src_part, tgt_part)

    def _best_part(self, doc: Document, ids: Sequence[int], other: str) -> tuple[int, int, float] | None:
        """The run of clauses of ``doc`` most similar to ``other`` (the first 8 clauses: at most 35 runs)."""
        spans = clause_spans(doc, ids)[:8]
        if len(spans) < 2:
            return None
        runs = [(spans[a][0], spans[b][1]) for a in range(len(spans)) for b in range(a, len(spans))
                if not (a == 0 and b == len(spans) - 1)]
        # Each clause is encoded once; a run's vector is the length-weighted sum of its
        # clauses' vectors, renormalised (no run of clauses is encoded as a whole).
        texts = [doc.text[a:b].strip() for a, b in spans]
        vecs = self.encoder.encode(texts + [other])
        weights = np.array([max(len(t), 1) for t in texts], dtype=np.float32)[:, None]
        prefix = np.vstack([np.zeros((1, vecs.shape[1]), dtype=np.float32), np.cumsum(vecs[:-1] * weights, axis=0)])
        index = {start: k for k, (start, _) in enumerate(spans)}
        ends = {end: k for k, (_, end) in enumerate(spans)}
        best_k, best = 0, -2.0
        for k, (a, b) in enumerate(runs):
            v = prefix[ends[b] + 1] - prefix[index[a]]
            sim = float(v @ vecs[-1]) / max(float(np.linalg.norm(v)), 1e-12)
            if sim > best:
                best_k, best = k, sim
        return runs[best_k][0], runs[best_k][1], round(best, 6)

    def score(self, bead: Bead, similarity: float | None = None) -> BeadScore:
        """Score one bead with text on both sides."""
        ev = self.evidence(bead, similarity)
        s, t = ev.src_text, ev.tgt_text
        expected = EXPECTED_LENGTH.get(self.tgt.lang, 1.0) / EXPECTED_LENGTH.get(self.src.lang, 1.0)
        n_src = len([q for q in extract_quantities(s, self.src.lang) if not q.spelled])
        n_tgt = len([q for q in extract_quantities(t, self.tgt.lang) if not q.spelled])
        n_bad = len(ev.numbers[0]) + len(ev.numbers[1])
        parts: dict[str, float] = {
            "coverage_src": min(1.0, ev.src_coverage.share / _COVERAGE_FULL),
            "coverage_tgt": min(1.0, ev.tgt_coverage.share / _COVERAGE_FULL),
            "length": _length_score(char_length(s) * expected, char_length(t)),
            "numbers": 1.0 if n_src + n_tgt == 0 else max(0.0, 1.0 - n_bad / max(1, (n_src + n_tgt) / 2)),
            "names": ev.names.agreement,
            "chrf": min(1.0, _chrf(gloss(s, self.src.lang, self.forward), t) / _CHRF_SCALE),
        }
        if similarity is not None:
            parts["similarity"] = min(1.0, max(0.0, (similarity - _SIM_LOW) / (_SIM_HIGH - _SIM_LOW)))
        parts["language"] = 0.0 if _untranslated(ev, self.src.lang, self.tgt.lang) else 1.0
        total = sum(WEIGHTS[k] for k in parts if k in WEIGHTS)
        mean = sum(WEIGHTS[k] * v for k, v in parts.items() if k in WEIGHTS) / total
        fidelity = parts["language"] * mean
        return BeadScore(round(min(1.0, max(0.0, fidelity)), 6), {k: round(v, 6) for k, v in parts.items()}, ev)


def _candidates(src_lang: str, tgt_lang: str) -> tuple[str, ...]:
    from ..language import SUPPORTED_LANGUAGES

    return tuple(dict.fromkeys((tgt_lang, src_lang) + SUPPORTED_LANGUAGES))


def _untranslated(ev: BeadEvidence, src_lang: str, tgt_lang: str) -> bool:
    """Target left in the source language (or copied), or written in a third language.

    The language test needs at least four lower-case words, so that a line of names
    ("Dundee Stars 5-3 Belfast Giants") is never judged by its letters alone.
    """
    if src_lang == tgt_lang or len(tokens(ev.tgt_text)) < 3:
        return False
    if ev.copied >= 0.9:
        return True
    words = sum(1 for t in tokens(ev.tgt_text) if t.surface[:1].islower() and len(t.surface) >= 3)
    if ev.tgt_detected == src_lang and ev.copied >= 0.5:
        return True
    return words >= 4 and ev.tgt_detected not in (src_lang, tgt_lang, "und")


def score_beads(src: Document, tgt: Document, beads: Sequence[Bead], lexicon: str = "auto",
                encoder: Any = None) -> tuple[BeadScore, ...]:
    """Score every bead of an alignment (see :class:`Scorer`)."""
    return Scorer(src, tgt, lexicon, encoder).score_all(beads)


def score_bead(src: Document, tgt: Document, bead: Bead, scorer: Scorer | None = None) -> BeadScore:
    """Score one bead. Omissions, additions and boilerplate score 0 (nothing is translated)."""
    scorer = scorer or Scorer(src, tgt)
    return scorer.score_all([bead])[0]


def document_fidelity(src: Document, tgt: Document, beads: tuple[Bead, ...], scores: tuple[BeadScore, ...]) -> float:
    """Length-weighted mean of bead fidelity over content beads (omissions count as 0).

    Boilerplate beads are left out; a bead weighs its total length in characters.
    """
    total = weight = 0.0
    for bead, score in zip(beads, scores):
        kinds = [src.sentences[i].kind for i in bead.src] + [tgt.sentences[j].kind for j in bead.tgt]
        if BOILERPLATE in kinds:
            continue
        w = sum(char_length(src.sentence_text(i)) for i in bead.src) + sum(
            char_length(tgt.sentence_text(j)) for j in bead.tgt)
        total += w * score.fidelity
        weight += w
    return round(total / weight, 6) if weight else 0.0
