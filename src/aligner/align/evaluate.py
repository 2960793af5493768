"""Strict and lax precision / recall / F1 of alignments, as vecalign's ``score.py`` defines them.

Definitions (Thompson & Koehn's vecalign, after Sennrich & Volk 2011):

* beads empty on both sides are ignored; each side's beads form a set;
* precision counts every system bead, 1-0 and 0-1 included: it is a strict hit when the
  gold holds the same bead, otherwise a lax hit when one of its target sentences is linked
  in the gold to one of its source sentences, otherwise a miss (a 1-0 or 0-1 bead that is
  not in the gold is always a miss);
* recall is the same count with the roles swapped and 1-0 / 0-1 beads removed from both;
* counts are summed over all documents before dividing (micro-average); 0/0 gives 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .beadio import BeadPair, read_beads

__all__ = ["AlignmentScores", "score_alignments", "read_beads"]


@dataclass(frozen=True)
class AlignmentScores:
    """Micro-averaged strict and lax precision, recall and F1."""

    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float

    def table(self) -> str:
        """A small plain-text table."""
        return (
            "            strict    lax\n"
            f"precision   {self.precision_strict:.3f}   {self.precision_lax:.3f}\n"
            f"recall      {self.recall_strict:.3f}   {self.recall_lax:.3f}\n"
            f"f1          {self.f1_strict:.3f}   {self.f1_lax:.3f}\n"
        )


def _counts(reference: Iterable[BeadPair], hypothesis: Iterable[BeadPair]) -> tuple[int, int, int, int]:
    """``(strict hits, strict misses, lax hits, lax misses)`` of ``hypothesis`` against ``reference``."""
    ref = {(tuple(s), tuple(t)) for s, t in reference if s or t}
    hyp = {(tuple(s), tuple(t)) for s, t in hypothesis if s or t}
    linked: dict[int, set[int]] = defaultdict(set)
    for s, t in ref:
        for a in s:
            linked[a].update(t)
    strict_hit = strict_miss = lax_hit = lax_miss = 0
    for s, t in hyp:
        if (s, t) in ref:
            strict_hit += 1
            lax_hit += 1
            continue
        strict_miss += 1
        reachable: set[int] = set()
        for a in s:
            reachable |= linked.get(a, set())
        if reachable.intersection(t):
            lax_hit += 1
        else:
            lax_miss += 1
    return strict_hit, strict_miss, lax_hit, lax_miss


def _ratio(a: int, b: int) -> float:
    return a / (a + b) if a + b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_alignments(pairs: Sequence[tuple[Sequence[BeadPair], Sequence[BeadPair]]]) -> AlignmentScores:
    """Score ``(system, gold)`` bead lists, one pair per document (micro-averaged).

    Example:
        >>> gold = [((0,), (0,)), ((1, 2), (1,)), ((3,), ())]
        >>> system = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ())]
        >>> s = score_alignments([(system, gold)])
        >>> round(s.precision_strict, 3), round(s.recall_strict, 3), round(s.f1_lax, 3)
        (0.5, 0.5, 0.857)
    """
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for system, gold in pairs:
        for k, v in enumerate(_counts(gold, system)):
            p[k] += v
        sys_links = [(s, t) for s, t in system if s and t]
        gold_links = [(s, t) for s, t in gold if s and t]
        for k, v in enumerate(_counts(sys_links, gold_links)):
            r[k] += v
    ps, pl = _ratio(p[0], p[1]), _ratio(p[2], p[3])
    rs, rl = _ratio(r[0], r[1]), _ratio(r[2], r[3])
    return AlignmentScores(ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl))

