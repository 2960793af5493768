"""The summary of a batch run: counts, failures, time, mean fidelity and flags per type."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .task import PairResult

__all__ = ["SUMMARY_SCHEMA_VERSION", "Failure", "BatchSummary", "summarise"]

SUMMARY_SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Failure:
    """A pair that could not be compared: its name, manifest line and one-line error."""

    name: str
    line: int
    error: str


@dataclass(frozen=True)
class BatchSummary:
    """What a batch run did.

    Attributes:
        total: pairs in the manifest.
        ok: pairs compared in this run.
        failed: pairs that failed in this run (see ``failures``).
        skipped: pairs whose report already existed with the same settings (reused, not run).
        seconds: wall-clock time of the run, workers' start-up included.
        mean_fidelity: mean document fidelity over every pair with a report (ok and skipped),
            ``None`` if there is none.
        flag_counts: flags per type over every pair with a report, sorted by type.
        failures: the failed pairs, in manifest order.
        executor, workers: where the pairs ran.
        signature: the settings' reproducibility signature.
        verdicts: pairs per verdict (``faithful``, ``not a translation`` ...) over every pair
            with a report, sorted by verdict.
    """

    total: int
    ok: int
    failed: int
    skipped: int
    seconds: float
    mean_fidelity: float | None
    flag_counts: tuple[tuple[str, int], ...]
    failures: tuple[Failure, ...]
    executor: str
    workers: int
    signature: str
    verdicts: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        if self.ok + self.failed + self.skipped != self.total:
            raise ValueError(f"ok + failed + skipped must equal total: {self.ok} + {self.failed} + "
                             f"{self.skipped} != {self.total}")

    @property
    def pairs_per_second(self) -> float:
        """Pairs compared (or failed) per second of wall-clock time."""
        done = self.ok + self.failed
        return done / self.seconds if self.seconds > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0 when no pair failed, 1 otherwise."""
        return 1 if self.failed else 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (the content of ``summary.json``)."""
        return {
            "schema_version": SUMMARY_SCHEMA_VERSION,
            "signature": self.signature,
            "executor": self.executor,
            "workers": self.workers,
            "pairs": {"total": self.total, "ok": self.ok, "failed": self.failed, "skipped": self.skipped},
            "seconds": round(self.seconds, 3),
            "pairs_per_second": round(self.pairs_per_second, 3),
            "mean_fidelity": None if self.mean_fidelity is None else round(self.mean_fidelity, 6),
            "flag_counts": dict(self.flag_counts),
            "verdicts": dict(self.verdicts),
            "failures": [{"name": f.name, "line": f.line, "error": f.error} for f in self.failures],
        }

    def to_json(self) -> str:
        """``summary.json`` text: UTF-8, sorted keys."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    def line(self) -> str:
        """One line for the terminal.

        Example: ``62 pairs: 60 ok, 2 failed, 0 skipped in 3.1 s (20.0 pairs/s); mean fidelity 0.642;
        57 faithful, 3 mostly faithful``
        """
        text = (f"{self.total} pairs: {self.ok} ok, {self.failed} failed, {self.skipped} skipped "
                f"in {self.seconds:.1f} s ({self.pairs_per_second:.1f} pairs/s)")
        if self.mean_fidelity is not None:
            text += f"; mean fidelity {self.mean_fidelity:.3f}"
        if self.verdicts:
            text += "; " + ", ".join(f"{n} {v}" for v, n in self.verdicts)
        return text


def summarise(results: Sequence[PairResult], reused: Sequence[PairResult], total: int, seconds: float, *,
              executor: str, workers: int, signature: str) -> BatchSummary:
    """Build the summary from this run's ``results`` and the ``reused`` results of skipped pairs.

    Results are taken in manifest order, so the sums do not depend on the order in which
    workers finished.
    """
    ordered = sorted(results, key=lambda r: r.index)
    with_report = sorted([r for r in results if r.ok] + list(reused), key=lambda r: r.index)
    fidelities = [r.fidelity for r in with_report if r.fidelity is not None]
    flags: Counter[str] = Counter()
    for r in with_report:
        flags.update(dict(r.flag_counts))
    failures = tuple(Failure(r.name, r.line, r.error or "") for r in ordered if not r.ok)
    verdicts = Counter(r.verdict for r in with_report if r.verdict)
    return BatchSummary(
        total=total, ok=len(ordered) - len(failures), failed=len(failures), skipped=len(reused),
        seconds=seconds,
        mean_fidelity=sum(fidelities) / len(fidelities) if fidelities else None,
        flag_counts=tuple(sorted(flags.items())), failures=failures,
        executor=executor, workers=workers, signature=signature,
        verdicts=tuple(sorted(verdicts.items())),
    )
