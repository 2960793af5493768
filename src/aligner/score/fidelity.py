"""Per-bead and per-document fidelity from several signals, each shown in ``parts``."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from ..align.model import Bead
from ..align.surface import char_length, length_score, shared_token_score
from ..document import BOILERPLATE, Document
from .numbers import extract_numbers

__all__ = ["BeadScore", "score_bead", "document_fidelity"]


@dataclass(frozen=True)
class BeadScore:
    """Fidelity in ``[0, 1]`` for one bead and the signals it was combined from."""

    fidelity: float
    parts: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if not 0.0 <= self.fidelity <= 1.0:
            raise ValueError(f"fidelity must be in [0, 1], got {self.fidelity!r}")
        object.__setattr__(self, "parts", MappingProxyType(dict(self.parts)))


def _number_agreement(src: str, tgt: str, src_lang: str, tgt_lang: str) -> float:
    a, b = extract_numbers(src, src_lang), extract_numbers(tgt, tgt_lang)
    if not a and not b:
        return 1.0
    return 2.0 * len(a & b) / (len(a) + len(b))


def score_bead(src: Document, tgt: Document, bead: Bead) -> BeadScore:
    """Score one bead. Omissions, additions and boilerplate score 0 (nothing is translated)."""
    if not bead.src or not bead.tgt or any(
        src.sentences[i].kind == BOILERPLATE for i in bead.src
    ) or any(tgt.sentences[j].kind == BOILERPLATE for j in bead.tgt):
        return BeadScore(0.0, {})
    s = " ".join(src.sentence_text(i) for i in bead.src)
    t = " ".join(tgt.sentence_text(j) for j in bead.tgt)
    parts = {
        "length": length_score(char_length(s), char_length(t)),
        "shared_tokens": shared_token_score(s, t),
        "numbers": _number_agreement(s, t, src.lang, tgt.lang),
    }
    weights = {"length": 0.5, "shared_tokens": 0.2, "numbers": 0.3}
    fidelity = sum(weights[k] * v for k, v in parts.items())
    return BeadScore(round(min(1.0, max(0.0, fidelity)), 6), {k: round(v, 6) for k, v in parts.items()})


def document_fidelity(src: Document, tgt: Document, beads: tuple[Bead, ...], scores: tuple[BeadScore, ...]) -> float:
    """Length-weighted mean of bead fidelity over content beads (omissions count as 0)."""
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
