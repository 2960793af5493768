"""The pooled confidence map with and without its ``ntrex-moved`` set (NTREX en-id documents
with clauses moved across sentence boundaries) and its document input ``doc_regroup``,
leave-one-pair-out (a measurement of issue 16; ``bench/calibrate_alignment.py`` fits the shipped map).

    .venv/bin/python bench/calibration_moved_clauses.py                  # shipped inputs
    .venv/bin/python bench/calibration_moved_clauses.py --no-doc-input   # the inputs before
    .venv/bin/python bench/calibration_moved_clauses.py --share 0.3

Text+Berg's confident wrong beads are mostly 1-1 pieces of the translator's 2-2 regroupings
(German sentence 1 is French sentence 1 and the start of French sentence 2); the other dev sets
are news whose merges are one-sided, so a map fitted on them never saw a sure 1-1 bead be wrong
that way. The moved set (:func:`calibrate_alignment.moved_clauses`, ``--share`` of the
neighbouring gold 1-1 pairs) shows it. Records: those of ``bench/calibrate_alignment.py``
(shipped models, ``auto`` and ``none``, cached). Prints, per set and model, the share of gold
beads per confidence bin, the ECE and the wrong beads at 0.9 or more of the map fitted on the
other sets, without and with the moved set (left out when NTREX en-id is held out, never
scored), and the same over all held-out beads.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calibrate_alignment as CA  # noqa: E402
from _aligndata import expand_sets  # noqa: E402

from aligner.align.bead_scorer import CALIBRATION_FEATURES, calibration_features  # noqa: E402

MOVED = CA.MOVED


def without_doc_input(z, shapes, alt=None):
    """The map's inputs but the document's share of 2+/2+ beads (the map before issue 16's last change)."""
    X = calibration_features(z, shapes, alt)
    return X[:, [k for k, f in enumerate(CALIBRATION_FEATURES) if not f.startswith("doc_regroup")]]


def table(data: dict, label: str) -> None:
    """Each set scored by the map fitted on the others (the moved set never scored)."""
    print(f"## {label}")
    pooled: list[tuple[np.ndarray, np.ndarray]] = []
    for s in sorted({k[0] for k in data if k[0] != MOVED}):
        w = CA.fit_map(CA.held_out_fit(data, s))
        for (s2, mode), docs in data.items():
            if s2 != s:
                continue
            X, y, _ = CA.design(docs)
            c = 1 / (1 + np.exp(-(X @ w)))
            pooled.append((c, y))
            print(f"| {s} | {mode} | " + " | ".join(CA._cell(b) for b in CA.bins(c, y)[2:]) +
                  f" | {CA.ece(c, y):.3f} | {CA._sure_wrong(c, y)} |")
    c = np.concatenate([p[0] for p in pooled])
    y = np.concatenate([p[1] for p in pooled])
    print("| all held out | - | " + " | ".join(CA._cell(b) for b in CA.bins(c, y)[2:]) +
          f" | {CA.ece(c, y):.3f} | {CA._sure_wrong(c, y)} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--share", type=float, default=CA.MOVED_SHARE,
                    help="share of neighbouring 1-1 pairs given a moved clause")
    ap.add_argument("--no-doc-input", action="store_true", help="the map without doc_regroup / doc_regroup_one")
    args = ap.parse_args(argv)
    if args.no_doc_input:
        CA.calibration_features = without_doc_input
    data = {(s, mode): CA.shipped_records(s, mode) for s in expand_sets(CA.SETS) for mode in ("auto", "none")}
    docs = CA.moved_set(args.share)
    print(f"# moved set: {len(docs)} NTREX en-id documents (share {args.share:g}, seed {CA.MOVED_SEED}); map inputs: "
          + ("calibration_features but doc_regroup*" if args.no_doc_input else "calibration_features"))
    head = " | ".join(f"{a:.2f}-{min(b, 1.0):.2f}" for a, b in zip(CA.BINS[2:], CA.BINS[3:]))
    print(f"| set | model | {head} | ECE | wrong at >= 0.9 |")
    table(data, "without the moved set")
    for mode in ("auto", "none"):
        data[(MOVED, mode)] = CA.shipped_records(f"{MOVED}-{args.share:g}-{CA.MOVED_SEED}", mode, docs=docs)
    right = [r[3] for doc in data[(MOVED, "auto")] for r in doc]
    print(f"# moved set, default: {len(right)} beads, {np.mean(right):.3f} of them gold beads")
    table(data, "with the moved set")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
