"""Whether document-level inputs would let the pooled confidence map tell Text+Berg's confident
wrong beads apart, leave-one-pair-out (a measurement of issue 16; nothing shipped uses it).

    .venv/bin/python bench/calibration_doc_features.py --variant base
    .venv/bin/python bench/calibration_doc_features.py --variant nm      # also: sk, nb, lz, nmsk, nmnb

The records are those of ``bench/calibrate_alignment.py`` (shipped models, ``auto``, cached); the
map gets, beside :data:`aligner.align.bead_scorer.CALIBRATION_FEATURES`: ``nm`` the document's
share of n-m beads on its 1-1 beads, ``sk`` its share of 1-0 / 0-1 beads on them, ``nb`` a
neighbour that is an n-m bead, ``lz`` the document's median logit times the bead's margin share.
Each set is scored by the map fitted on the others: ``calibrate_alignment.py``'s own table
(``--no-write``), run with the widened inputs.
"""
import argparse
import importlib
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calibrate_alignment as CA  # noqa: E402

BS = importlib.import_module("aligner.align.bead_scorer")
USE_SETS = ("textberg,ntrex,panl,ntrex-multi:en-de,ntrex-multi:en-es,ntrex-multi:en-ru,ntrex-multi:en-ja,"
            "ntrex-multi:en-ko,ntrex-multi:en-zh,ntrex-multi:en-ar,ntrex-multi:de-id,ntrex-multi:ko-id")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=USE_SETS)
    ap.add_argument("--modes", default="auto")
    ap.add_argument("--variant", default="base")
    args = ap.parse_args(argv)
    base = BS.calibration_features
    col = {name: k for k, name in enumerate(BS.CALIBRATION_FEATURES)}

    def feats(z, shapes, alt=None):
        X = base(z, shapes, alt)
        nm, skip = X[:, col["nm"]], X[:, col["skip"]]
        one = 1 - skip - nm
        extra = []
        if "nm" in args.variant:  # the document's share of n-m beads, on its 1-1 beads
            extra.append(np.full(len(X), nm.mean()) * one)
        if "sk" in args.variant:  # its share of 1-0 / 0-1 beads, on its 1-1 beads
            extra.append(np.full(len(X), skip.mean()) * one)
        if "nb" in args.variant:  # a neighbour that is an n-m bead
            extra.append(np.maximum(np.r_[0, nm[:-1]], np.r_[nm[1:], 0]))
        if "lz" in args.variant:  # the document's median logit times the margin share
            extra.append(X[:, col["doc_z"]] * X[:, col["alt"]])
        return np.column_stack([X, *extra]) if extra else X

    # calibrate_alignment's own leave-one-pair-out table, with the map's inputs widened
    CA.calibration_features = feats
    return CA.main(["--sets", args.sets, "--modes", args.modes, "--no-write"])


if __name__ == "__main__":
    raise SystemExit(main())
