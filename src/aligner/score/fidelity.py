"""Per-bead and per-document fidelity: a calibrated probability that a bead is a faithful translation.

Signals (see :data:`aligner.score.settings.SIGNALS`), each chosen to mean the same in every
language pair:

* ``similarity``: cosine of the two sides' encoder vectors (left out without an encoder);
* ``margin``: that cosine minus the mean cosine of each side with its
  ``margin_neighbours`` most similar *other* beads of the document (a translation stands out
  from its neighbours; how high cosines run in a language pair cancels out);
* ``low_similarity``: how far the cosine falls below :data:`LOW_SIMILARITY` (0 above it), so that
  the log-odds fall faster where faithful beads hardly ever are (a cosine of 0.1 against 0.6
  says more than one of 0.6 against 0.9);
* ``low_margin``: how far the margin falls below :data:`LOW_MARGIN` (0 above it): a target
  no closer to its own source than to the other sentences of the document is hardly ever a
  translation of it, however high the cosines of the pair run;
* ``length``: ``|z|`` of Gale-Church's length test, with the length ratio of the two
  languages measured on the document itself (median over its beads), so no table of
  language ratios is needed;
* ``length_excess``: how far that ``|z|`` goes beyond :data:`LENGTH_KNEE`, so that the log-odds
  fall faster where a clause was added or dropped than where two versions merely word things
  differently (a small ``|z|`` is common in faithful pairs);
* ``coverage``: share of content words of both sides with a counterpart (lexicon, cognates,
  names, numbers), *minus the document's median*: a pair with a rich lexicon and one with
  none are judged by how a bead compares with the rest of its document;
* ``chrf``: chrF of a dictionary gloss of the source against the target, also minus the
  document's median (divided by 100);
* ``numbers``: digit numbers and dates of either side with no equal value on the other
  (counted, at most 3);
* ``names``: names of either side with no counterpart (counted, at most 3);
* ``names_left_out``: the same count when those names look left out or paraphrased rather than
  replaced (:attr:`~aligner.score.entities.NameMatch.left_out`), else 0: the fit weighs a name
  left out apart from one put for another;
* ``fragment``: 1 when the target starts with a small letter where the source starts with a
  capital (:func:`starts_mid_sentence`; scripts without letter case: 0): its opening was left out.

``fidelity = sigmoid(intercept + sum(weight_k * signal_k))``, fitted by logistic regression on
the pooled dev pairs (``bench/fit_fidelity.py``; weights in ``data/fidelity/settings.json``),
times ``language`` (0 when the target is left in the source language or written in a third
one). ``parts`` shows every signal and, as ``SIGNAL_effect``, what it moved the log-odds by
compared with a typical faithful bead; ``meaning`` is the same probability without the
numbers and names signals (which have flags of their own), read by the mistranslation and
partial flags. Omissions, additions and boilerplate beads score 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping

import numpy as np
import regex

from .._version import FIDELITY_VERSION
from ..align.model import Bead
from ..conventions import unicameral_scripts
from ..document import BOILERPLATE, Document
from ..language import pair_language
from ..lexicon import Lexicon, load_lexicon_pair
from ..locale_data import usual_length_ratio
from ..measures import GALE_CHURCH_VARIANCE, char_length
from .entities import DocumentVocabulary, NameMatch, consistent_translations, match_names
from .lexical import Coverage, coverage, gloss
from .numbers import Quantity, excuse_conversions, excuse_lone_ones, extract_quantities, match_quantities
from .settings import DEFAULT_SETTINGS, SIGNALS, FidelitySettings
from .text import is_stopword, tokens

__all__ = ["BeadScore", "BeadEvidence", "Scorer", "score_bead", "score_beads", "document_fidelity",
           "FIDELITY_VERSION", "bead_text", "is_boilerplate_bead", "fidelity_from_evidence",
           "signals_of", "scaled_similarity", "starts_mid_sentence", "LOW_SIMILARITY", "LOW_MARGIN", "LENGTH_KNEE"]


_MIN_BEADS_FOR_RATIO = 5


#: Below this cosine (on the fitted encoder's scale) the ``low_similarity`` signal grows: how far
#: a bead's cosine falls under it, so that the log-odds can fall faster where no faithful bead is.
LOW_SIMILARITY = 0.3

#: Below this margin (cosine minus the nearest other beads', on the fitted encoder's scale) the
#: ``low_margin`` signal grows: a bead whose two sides stand out no more than this from the
#: other pairings of the document looks like two sentences of the same topic, not a translation.
LOW_MARGIN = 0.1

#: Above this ``|length z|`` the ``length_excess`` signal grows (a bend of the length signal).
LENGTH_KNEE = 1.0


def bead_text(doc: Document, ids: Sequence[int]) -> tuple[str, int]:
    """The sentences ``ids`` as one text whose offsets are document offsets minus ``base``.

    Returns ``(text, base)``: ``text`` is ``doc.text[base:end]`` with every character outside
    the sentences replaced by a space, so ``base + offset`` is an offset into ``doc.text``.
    """
    if not ids:
        return "", 0
    base = doc.sentences[ids[0]].start
    end = doc.sentences[ids[-1]].end
    chars = [" "] * (end - base)
    for i in ids:
        s = doc.sentences[i]
        chars[s.start - base : s.end - base] = doc.text[s.start : s.end]
    return "".join(chars), base


def is_boilerplate_bead(src: Document, tgt: Document, bead: Bead) -> bool:
    """True when a sentence of the bead on either side is page furniture."""
    return any(src.sentences[i].kind == BOILERPLATE for i in bead.src) or any(
        tgt.sentences[j].kind == BOILERPLATE for j in bead.tgt)


@dataclass(frozen=True)
class BeadEvidence:
    """What the signals found for one bead; flag rules read it.

    Attributes:
        src_text, tgt_text: the bead's text of each side (see :func:`bead_text`): an offset
            ``k`` in it is the document offset ``src_base + k`` / ``tgt_base + k``.
        similarity: encoder cosine (``None`` without an encoder).
        src_coverage, tgt_coverage: content words of each side and those left uncovered.
        numbers: ``(source only, target only)`` quantities.
        names: the name comparison.
        length_ratio: target / source length divided by the document's usual ratio.
        tgt_detected: language detected for the target text.
        copied: share of the target's words found verbatim in the source.
        length_z: Gale-Church z-score of the target length against the expected one
            (positive: target longer); ``|z| >= 2`` is rare in faithful pairs.
        src_part, tgt_part: when the lengths disagree (``|z| >= 1``) and an encoder is set, the
            run of clauses of that side (document offsets ``start, end``) most similar to the
            whole other side, with that similarity; ``None`` otherwise.
        src_base, tgt_base: document offsets of ``src_text[0]`` and ``tgt_text[0]``.
        margin: similarity minus the mean similarity with the nearest other beads (``None``
            without an encoder or with fewer than three beads).
        chrf: chrF of the source's dictionary gloss against the target (0-100).
        doc_coverage, doc_chrf: the document's medians of the two, for the relative signals.
        similarity_fitted: whether the encoder knows both languages (its cosines mean
            something); when not, or when the settings have no scale for ``encoder``
            (:meth:`FidelitySettings.scale_of`), the fidelity uses the model without encoder
            signals (the cosine still shows).
        encoder: the name of the encoder behind ``similarity`` (``""``: the one the settings
            were fitted on).
        tgt_sentence_similarity: in a bead of two or more target sentences, the cosine of each
            of them with the whole source side (raw, as ``similarity``); ``()`` otherwise.
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
    src_base: int = 0
    tgt_base: int = 0
    margin: float | None = None
    chrf: float = 0.0
    doc_coverage: float = 0.0
    doc_chrf: float = 0.0
    similarity_fitted: bool = True
    encoder: str = ""
    tgt_sentence_similarity: tuple[float, ...] = ()

    @property
    def coverage_share(self) -> float:
        """Mean of the two sides' coverage shares."""
        return (self.src_coverage.share + self.tgt_coverage.share) / 2.0


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


_CLAUSE_END = regex.compile(r"[,;:()\u2013\u2014\u201c\u201d\"\u3001\uff0c\uff1b]+\s*|\s+-\s+")


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
    return float(_chrf_metric().sentence_score(" ".join(hyp.split()), [" ".join(ref.split())]).score)


def scaled_similarity(ev: BeadEvidence, settings: FidelitySettings = DEFAULT_SETTINGS
                      ) -> tuple[float, float | None, float] | None:
    """``(similarity, margin, factor)`` of a bead on the scale of the encoder the settings were
    fitted on (:meth:`FidelitySettings.scale_of`), or ``None`` when the model cannot read this
    encoder's cosines (none, one that does not know the languages, or one without a scale)."""
    if ev.similarity is None or not ev.similarity_fitted:
        return None
    scale = settings.scale_of(ev.encoder)
    if scale is None:
        return None
    offset, factor = scale
    return (offset + factor * float(ev.similarity), None if ev.margin is None else factor * float(ev.margin), factor)


def signals_of(ev: BeadEvidence, settings: FidelitySettings = DEFAULT_SETTINGS) -> dict[str, float]:
    """The signal values of a bead (see the module docstring); no similarity keys without an
    encoder whose cosines the settings can read (:func:`scaled_similarity`)."""
    out: dict[str, float] = {}
    scaled = scaled_similarity(ev, settings)
    if scaled is not None:
        out["similarity"] = scaled[0]
        out["margin"] = scaled[1] if scaled[1] is not None else math.nan
        out["low_similarity"] = max(0.0, LOW_SIMILARITY - scaled[0])
        out["low_margin"] = max(0.0, LOW_MARGIN - scaled[1]) if scaled[1] is not None else math.nan
    out["length"] = min(abs(ev.length_z), 4.0)
    out["length_excess"] = max(0.0, out["length"] - LENGTH_KNEE)
    out["coverage"] = ev.coverage_share - ev.doc_coverage
    out["chrf"] = (ev.chrf - ev.doc_chrf) / 100.0
    out["numbers"] = float(min(3, len(ev.numbers[0]) + len(ev.numbers[1])))
    out["names"] = float(min(3, len(ev.names.src_only) + len(ev.names.tgt_only)))
    out["names_left_out"] = out["names"] if ev.names.left_out else 0.0
    out["fragment"] = 1.0 if starts_mid_sentence(ev.src_text, ev.tgt_text) else 0.0
    return out


_FIRST_LETTER = regex.compile(r"\p{L}")


@lru_cache(maxsize=1)
def _unicameral() -> regex.Pattern[str] | None:
    scripts = sorted(unicameral_scripts())
    return regex.compile("[" + "".join(rf"\p{{Script={s}}}" for s in scripts) + "]") if scripts else None


def starts_mid_sentence(src_text: str, tgt_text: str) -> bool:
    """Does ``tgt_text`` start with a small letter where ``src_text`` starts with a capital (in a
    script with letter case, and not one that writes no capitals in running text: Georgian)? The
    target then begins mid-sentence: its opening was left out."""
    a = _FIRST_LETTER.search(src_text)
    b = _FIRST_LETTER.search(tgt_text)
    if a is None or b is None or not a.group(0).isupper() or not b.group(0).islower():
        return False
    unicameral = _unicameral()
    return unicameral is None or unicameral.match(b.group(0)) is None


#: Signals that count findings with flags of their own (numbers, names): left out of ``meaning``.
_COUNTED = ("numbers", "names", "names_left_out")


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, x))))


def fidelity_from_evidence(ev: BeadEvidence, src_lang: str, tgt_lang: str,
                           settings: FidelitySettings = DEFAULT_SETTINGS) -> BeadScore:
    """The calibrated fidelity of a bead from its evidence (pure: no encoder, no lexicon)."""
    sig = signals_of(ev, settings)
    surface = "similarity" not in sig
    weights = settings.weight_map(surface)
    reference = dict(settings.reference)
    if not surface and math.isnan(sig["margin"]):
        sig["margin"] = reference.get("margin", 0.0)  # too few beads to measure it: typical value
        sig["low_margin"] = reference.get("low_margin", 0.0)
    logit = settings.surface_intercept if surface else settings.intercept
    parts: dict[str, float] = {}
    meaning_model = settings.meaning_model(surface)
    meaning_logit, meaning_weights = meaning_model if meaning_model is not None else (logit, weights)
    for name in SIGNALS:
        if name not in sig:
            continue
        w = weights.get(name, 0.0)
        logit += w * sig[name]
        if name not in _COUNTED:
            meaning_logit += meaning_weights.get(name, 0.0) * sig[name]
        parts[name] = round(sig[name], 6)
        parts[f"{name}_effect"] = round(w * (sig[name] - reference.get(name, 0.0)), 6)
    language = 0.0 if _untranslated(ev, src_lang, tgt_lang) else 1.0
    parts["language"] = language
    parts["meaning"] = round(language * _sigmoid(meaning_logit), 6)
    p = _sigmoid(logit)
    return BeadScore(round(min(1.0, max(0.0, language * p)), 6), parts, ev)


class Scorer:
    """Scores beads of one document pair; holds the lexicons, the encoder and the settings.

    Args:
        src, tgt: the documents.
        lexicon: lexicon name (see :func:`aligner.lexicon.load_lexicon`).
        encoder: an object with ``encode(texts) -> (n, d)`` unit rows, or ``None``.
        settings: the fidelity settings (weights, thresholds).
        similarity_fitted: ``False`` when the encoder does not know both languages: the
            fidelity then leaves the encoder signals out rather than read cosines on no scale.
        encoder_name: the encoder's name; the settings read its cosines through their scale for
            it (:meth:`FidelitySettings.scale_of`), and leave them out when they have none.
    """

    def __init__(self, src: Document, tgt: Document, lexicon: str = "auto", encoder: Any = None,
                 settings: FidelitySettings = DEFAULT_SETTINGS, similarity_fitted: bool = True,
                 encoder_name: str = "") -> None:
        self.src = src
        self.tgt = tgt
        self.forward: Lexicon | None
        self.backward: Lexicon | None
        self.forward, self.backward = load_lexicon_pair(src.lang, tgt.lang, lexicon)
        self.encoder = encoder
        self.settings = settings
        self.similarity_fitted = similarity_fitted
        self.encoder_name = encoder_name
        self.src_vocab = DocumentVocabulary.of(src.sentence_texts, src.lang)
        self.tgt_vocab = DocumentVocabulary.of(tgt.sentence_texts, tgt.lang)

    @property
    def lexicon_name(self) -> str:
        """The resolved lexicon name (``none`` when there is none for the pair)."""
        return self.forward.name if self.forward is not None else "none"

    def texts(self, bead: Bead) -> tuple[str, str]:
        """The source and target sentences of ``bead``, each side joined by spaces (encoder input)."""
        s = " ".join(self.src.sentence_text(i) for i in bead.src)
        t = " ".join(self.tgt.sentence_text(j) for j in bead.tgt)
        return s, t

    def _is_scored(self, bead: Bead) -> bool:
        return bool(bead.src and bead.tgt) and not is_boilerplate_bead(self.src, self.tgt, bead)

    def _similarities(self, scored: Sequence[Bead]
                      ) -> tuple[list[float | None], list[float | None], list[tuple[float, ...]]]:
        """Cosine and margin of every scored bead (``None`` without an encoder), and the cosine of
        each target sentence of a bead of several with the bead's whole source side."""
        if self.encoder is None or not scored:
            return [None] * len(scored), [None] * len(scored), [()] * len(scored)
        pairs = [self.texts(b) for b in scored]
        a = np.asarray(self.encoder.encode([p[0] for p in pairs]), dtype=np.float32)
        c = np.asarray(self.encoder.encode([p[1] for p in pairs]), dtype=np.float64)
        del pairs
        diag, margin = _cosines_and_margins(a, c, self.settings.margin_neighbours)
        sentences = self._sentence_similarities(scored, a)
        return ([float(x) for x in diag], [None] * len(diag) if margin is None else [float(x) for x in margin],
                sentences)

    def _sentence_similarities(self, scored: Sequence[Bead], src_vectors: np.ndarray) -> list[tuple[float, ...]]:
        """For each bead of two or more target sentences, each sentence's cosine with the bead's
        source vector (``src_vectors``: one unit row per bead); ``()`` for the other beads."""
        several = [k for k, b in enumerate(scored) if len(b.tgt) >= 2]
        out: list[tuple[float, ...]] = [()] * len(scored)
        if not several:
            return out
        texts = [self.tgt.sentence_text(j) for k in several for j in scored[k].tgt]
        vectors = np.asarray(self.encoder.encode(texts), dtype=np.float32)
        row = 0
        for k in several:
            n = len(scored[k].tgt)
            out[k] = tuple(round(float(x), 6) for x in np.clip(vectors[row : row + n] @ src_vectors[k], -1.0, 1.0))
            row += n
        return out

    def _length_ratio(self, scored: Sequence[Bead]) -> float:
        """Target / source length of the document's scored beads (median), or the table's ratio."""
        ratios = []
        for b in scored:
            s, t = self.texts(b)
            if len(s) >= 20 and len(t) >= 5:
                ratios.append(char_length(t) / char_length(s))
        if len(ratios) >= _MIN_BEADS_FOR_RATIO:
            return float(np.median(ratios))
        return usual_length_ratio(self.src.lang, self.tgt.lang)

    def score_all(self, beads: Sequence[Bead]) -> tuple[BeadScore, ...]:
        """Scores for ``beads`` (similarities encoded in one batch)."""
        scored = [b for b in beads if self._is_scored(b)]
        sims, margins, sentences = self._similarities(scored)
        ratio = self._length_ratio(scored)
        raw = [self.evidence(b, s, m, ratio, parts) for b, s, m, parts in zip(scored, sims, margins, sentences)]
        # names the translation renders the same way across the document are translations
        names = consistent_translations([e.names for e in raw], self.src.lang, self.tgt.lang)
        raw = [e if n is e.names else replace(e, names=n) for e, n in zip(raw, names)]
        doc_cov = float(np.median([e.coverage_share for e in raw])) if raw else 0.0
        doc_chrf = float(np.median([e.chrf for e in raw])) if raw else 0.0
        by_id = {id(b): fidelity_from_evidence(_with_doc(e, doc_cov, doc_chrf), self.src.lang, self.tgt.lang,
                                               self.settings) for b, e in zip(scored, raw)}
        return tuple(by_id.get(id(b), BeadScore(0.0, {})) for b in beads)

    def evidence(self, bead: Bead, similarity: float | None, margin: float | None = None,
                 ratio: float | None = None, sentence_similarity: tuple[float, ...] = ()) -> BeadEvidence:
        """Every signal's findings for a bead with text on both sides (``sentence_similarity``:
        :attr:`BeadEvidence.tgt_sentence_similarity`)."""
        s, s_base = bead_text(self.src, bead.src)
        t, t_base = bead_text(self.tgt, bead.tgt)
        sl, tl = self.src.lang, self.tgt.lang
        src_cov = coverage(s, sl, t, tl, self.forward)
        tgt_cov = coverage(t, tl, s, sl, self.backward)
        nums = excuse_conversions(*match_quantities(extract_quantities(s, sl), extract_quantities(t, tl)), s, sl, t, tl)
        nums = excuse_lone_ones(nums[0], nums[1], s, t)
        names = match_names(s, sl, t, tl, self.forward, self.backward, self.src_vocab, self.tgt_vocab)
        if ratio is None:
            ratio = usual_length_ratio(sl, tl)
        s_len, t_len = char_length(s.strip()), char_length(t.strip())
        detected = pair_language(t, sl, tl) if len(t) >= 20 else tl
        z = _length_z(s_len * ratio, t_len)
        src_part = tgt_part = None
        if self.encoder is not None and abs(z) >= 1.0:
            if z < 0:
                src_part = self._best_part(self.src, bead.src, " ".join(t.split()))
            else:
                tgt_part = self._best_part(self.tgt, bead.tgt, " ".join(s.split()))
        chrf = _chrf(gloss(s, sl, self.forward), t)
        return BeadEvidence(s, t, similarity, src_cov, tgt_cov, (tuple(nums[0]), tuple(nums[1])), names,
                            (t_len / ratio) / max(s_len, 1.0), detected, _copied(s, t), z, src_part, tgt_part,
                            s_base, t_base, margin, chrf, similarity_fitted=self.similarity_fitted,
                            encoder=self.encoder_name, tgt_sentence_similarity=sentence_similarity)

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
        """Score one bead with text on both sides, on its own (no document context)."""
        ev = self.evidence(bead, similarity)
        return fidelity_from_evidence(_with_doc(ev, ev.coverage_share, ev.chrf), self.src.lang, self.tgt.lang,
                                      self.settings)


#: Cosines of the margin are worked out this many at a time (64 MB of float64): memory stays
#: linear in the number of beads (the whole beads x beads matrix of a 50,000-bead pair is 20 GB).
_SIMILARITY_BLOCK = 8_000_000


def _cosines_and_margins(a: np.ndarray, c: np.ndarray, neighbours: int) -> tuple[np.ndarray, np.ndarray | None]:
    """Cosine of each row of ``a`` with the same row of ``c``, and its margin: the cosine minus
    the mean of the ``neighbours`` highest cosines of its row and of its column (the diagonal
    left out) of ``a @ c.T``; ``None`` for fewer than three rows.

    The matrix is never held whole: it is computed in blocks of rows, each column keeping its
    ``neighbours`` highest values; a matrix of at most ``_SIMILARITY_BLOCK`` cells is one block.
    """
    n = len(a)
    k = min(neighbours, n - 1)
    step = max(1, _SIMILARITY_BLOCK // max(n, 1))
    diag = np.empty(n)
    rows = np.empty(n)
    cols = np.full((max(k, 0), n), np.inf)  # the negated k highest of each column so far
    for r0 in range(0, n, step):
        r1 = min(n, r0 + step)
        block = a[r0:r1].astype(np.float64) @ c.T
        np.clip(block, -1.0, 1.0, out=block)
        here = np.arange(r1 - r0)
        diag[r0:r1] = block[here, r0 + here]
        if n < 3 or k < 1:
            continue
        block[here, r0 + here] = -np.inf
        np.negative(block, out=block)  # the k highest are the k lowest of the negated block
        col_top = np.partition(block, k - 1, axis=0)[:k].copy() if len(block) > k else block.copy()
        block.partition(k - 1, axis=1)
        rows[r0:r1] = -np.sort(block[:, :k], axis=1).mean(axis=1)
        del block
        cols = np.partition(np.vstack([cols, col_top]), k - 1, axis=0)[:k]
    if n < 3 or k < 1:
        return diag, None
    return diag, diag - (rows + -np.sort(cols, axis=0).mean(axis=0)) / 2.0


def _with_doc(ev: BeadEvidence, doc_coverage: float, doc_chrf: float) -> BeadEvidence:
    return replace(ev, doc_coverage=doc_coverage, doc_chrf=doc_chrf)


def _untranslated(ev: BeadEvidence, src_lang: str, tgt_lang: str) -> bool:
    """Target left in the source language (or copied), or written in a third language.

    The language test needs at least four lower-case words, so that a line of names
    ("Dundee Stars 5-3 Belfast Giants") is never judged by its letters alone; nor is such a line
    copied word for word untranslated (a title-case sentence, "It Is Very Bad", still is).
    """
    if src_lang == tgt_lang or len(tokens(ev.tgt_text)) < 3:
        return False
    if ev.copied >= 0.9:
        # a line of names copied as they are (every word capitalised, none a stop word of the
        # source language: "Elite League: Dundee Stars 5-3 Belfast Giants") is translated
        copied = [t.surface for t in tokens(ev.tgt_text) if not t.is_number]
        return not (copied and all(w[:1].isupper() and not is_stopword(w, src_lang) for w in copied))
    words = sum(1 for t in tokens(ev.tgt_text) if t.surface[:1].islower() and len(t.surface) >= 3)
    if ev.tgt_detected == src_lang and ev.copied >= 0.5:
        return True
    return words >= 4 and ev.tgt_detected not in (src_lang, tgt_lang, "und")


def score_beads(src: Document, tgt: Document, beads: Sequence[Bead], lexicon: str = "auto",
                encoder: Any = None, settings: FidelitySettings = DEFAULT_SETTINGS) -> tuple[BeadScore, ...]:
    """Score every bead of an alignment (see :class:`Scorer`)."""
    return Scorer(src, tgt, lexicon, encoder, settings).score_all(beads)


def score_bead(src: Document, tgt: Document, bead: Bead, scorer: Scorer | None = None) -> BeadScore:
    """Score one bead. Omissions, additions and boilerplate score 0 (nothing is translated)."""
    scorer = scorer or Scorer(src, tgt)
    return scorer.score_all([bead])[0]


def rescore_all(src: Document, tgt: Document, beads: Sequence[Bead], scores: Sequence[BeadScore],
                settings: FidelitySettings) -> tuple[BeadScore, ...]:
    """``scores`` computed again from their evidence with other settings (nothing re-encoded)."""
    return tuple(fidelity_from_evidence(s.evidence, src.lang, tgt.lang, settings) if s.evidence is not None else s
                 for s in scores)


def document_fidelity(src: Document, tgt: Document, beads: tuple[Bead, ...], scores: tuple[BeadScore, ...]) -> float:
    """Length-weighted mean of bead fidelity over content beads (omissions count as 0).

    Boilerplate beads are left out; a bead weighs its total length in characters.
    """
    total = weight = 0.0
    for bead, score in zip(beads, scores):
        if is_boilerplate_bead(src, tgt, bead):
            continue
        w = sum(char_length(src.sentence_text(i)) for i in bead.src) + sum(
            char_length(tgt.sentence_text(j)) for j in bead.tgt)
        total += w * score.fidelity
        weight += w
    return round(total / weight, 6) if weight else 0.0
