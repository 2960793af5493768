"""Whether document-level inputs would let the pooled confidence map tell Text+Berg's confident
wrong beads apart, leave-one-pair-out (a measurement of issue 16; nothing shipped uses it).

    .venv/bin/python bench/calibration_doc_features.py --variant base
    .venv/bin/python bench/calibration_doc_features.py --variant nm      # also: sk, nb, lz, nmsk, nmnb

The records are those of ``bench/calibrate_alignment.py`` (shipped models, ``auto``, cached); the
map gets, beside :data:`aligner.align.bead_scorer.CALIBRATION_FEATURES`: ``nm`` the document's
share of n-m beads on its 1-1 beads, ``sk`` its share of 1-0 / 0-1 beads on them, ``nb`` a
neighbour that is an n-m bead, ``lz`` the document's median logit times the bead's margin share.
Each set is scored by the map fitted on the others (rows as in ``calibrate_alignment.py``).
"""
import argparse
import importlib
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calibrate_alignment as CA  # noqa: E402
from _aligndata import expand_sets  # noqa: E402

BS = importlib.import_module("aligner.align.bead_scorer")
USE_SETS = ("textberg,ntrex,panl,ntrex-multi:en-de,ntrex-multi:en-es,ntrex-multi:en-ru,ntrex-multi:en-ja,"
            "ntrex-multi:en-ko,ntrex-multi:en-zh,ntrex-multi:en-ar,ntrex-multi:de-id,ntrex-multi:ko-id")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=USE_SETS)
    ap.add_argument("--modes", default="auto")
    ap.add_argument("--variant", default="base")
    args = ap.parse_args(argv)
    sets = expand_sets(args.sets)
    modes = args.modes.split(",")
    variant = args.variant

    data = {(s, m): CA.shipped_records(s, m) for s in sets for m in modes}
    base = BS.calibration_features

    def feats(z, shapes, alt=None):
        X = base(z, shapes, alt)
        n = np.array([s[0] for s in shapes]); m = np.array([s[1] for s in shapes])
        skip = ((n == 0) | (m == 0)).astype(float)
        nm = ((n > 1) | (m > 1)).astype(float) * (1 - skip)
        one = 1 - skip - nm
        extra = []
        if "nm" in variant:
            extra.append(np.full(len(z), nm.mean()) * one)   # doc share of n-m, on 1-1 beads
        if "sk" in variant:
            extra.append(np.full(len(z), skip.mean()) * one)
        if "nb" in variant:  # neighbour is n-m
            nbnm = np.maximum(np.r_[0, nm[:-1]], np.r_[nm[1:], 0])
            extra.append(nbnm)
        if "lz" in variant:  # doc median logit interacts
            extra.append(X[:, 7] * X[:, 8])
        return np.column_stack([X, *extra]) if extra else X

    CA.calibration_features = feats
    tot = {}
    for s in sets:
        others = {k: v for k, v in data.items() if k[0] != s}
        w = CA.fit_map(others)
        for (s2, mode), docs in data.items():
            if s2 != s: continue
            X, y, _ = CA.design(docs)
            c = 1 / (1 + np.exp(-(X @ w)))
            bs = CA.bins(c, y)
            tot.setdefault(mode, []).append((c, y))
            print(f"{s:22s} {mode:5s} " + " ".join(CA._cell(b) for b in bs[2:]) + f" ECE {CA.ece(c, y):.3f} {CA._sure_wrong(c, y)}")
    for mode, parts in tot.items():
        c = np.concatenate([p[0] for p in parts]); y = np.concatenate([p[1] for p in parts])
        print(f"ALL {mode} " + " ".join(CA._cell(b) for b in CA.bins(c, y)[2:]) + f" ECE {CA.ece(c, y):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
