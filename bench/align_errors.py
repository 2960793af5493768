"""Where the aligner goes wrong on the dev sets: missed and wrong beads by shape, beads that
cut a parenthesis, and what offsets on the merge biases would trade.

    .venv/bin/python bench/align_errors.py                        # USE, every set
    .venv/bin/python bench/align_errors.py --sets textberg --encoder none
    .venv/bin/python bench/align_errors.py --merge-offsets 0,0,0 0.5,1,2

Vectors come from the bench cache (``bench/_aligndata.py use ...`` warms it). Every figure is
in-sample: the shipped weights were fitted on these sets. ``--merge-offsets A,B,C`` adds A,
B and C log-odds to the encoder model's bias of 3-, 4- and 5-or-more-sentence beads and
prints the strict F1 of each set (what a shape prior would trade between the sets).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aligndata import load_set  # noqa: E402
from fit_alignment import VectorTable, f1, run  # noqa: E402

from aligner.align.sides import cuts_parenthesis, make_side  # noqa: E402
from aligner.align.bead_scorer import LogisticScorer, load_scorer  # noqa: E402
from aligner.config import Config  # noqa: E402


def _cut(sides, bead) -> bool:
    """Whether either side of ``bead`` leaves a bracket open or closes one opened before it."""
    return any(bool(ids) and bool(cuts_parenthesis(side, np.array([ids[-1] + 1]), len(ids))[0])
               for side, ids in zip(sides, bead))


def _shape(bead) -> str:
    return f"{len(bead[0])}-{len(bead[1])}"


def shifted(scorer: LogisticScorer, offsets: tuple[float, float, float]) -> LogisticScorer:
    """``scorer`` with ``offsets`` added to the bias of 3-, 4- and 5+-sentence beads."""
    table = {}
    for key, w in scorer.enc.items():
        w = np.array(w, dtype=float)
        if key not in ("1-0", "0-1"):
            size = 5 if key == "5+" else sum(map(int, key.split("-")))
            w[0] += offsets[min(size, 5) - 3] if size >= 3 else 0.0
        table[key] = w
    return replace(scorer, enc=table)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="textberg,ntrex,panl")
    ap.add_argument("--encoder", default="use", choices=("use", "e5", "none"))
    ap.add_argument("--merge-offsets", nargs="*", default=[], metavar="A,B,C")
    args = ap.parse_args(argv)
    enc = None if args.encoder == "none" else args.encoder
    cfg = Config(encoder=args.encoder, encode_threshold=1.0)
    surface = load_scorer("none")
    scorer = load_scorer(args.encoder) if enc else None
    sets = {s: load_set(s) for s in args.sets.split(",")}
    tables = {s: VectorTable(enc, docs) if enc else None for s, docs in sets.items()}
    if args.merge_offsets:
        if scorer is None:
            ap.error("--merge-offsets needs an encoder model")
        for spec in args.merge_offsets:
            off = tuple(float(x) for x in spec.split(","))
            if len(off) != 3:
                ap.error(f"--merge-offsets takes A,B,C, got {spec!r}")
            scores = [f1(run(docs, surface, shifted(scorer, off), tables[s], cfg)) for s, docs in sets.items()]
            print("offsets", spec, " ".join(f"{s} {x:.4f}" for s, x in zip(sets, scores)),
                  f"mean {np.mean(scores):.4f}", flush=True)
        return 0
    for s, docs in sets.items():
        missed: Counter[str] = Counter()
        wrong: Counter[str] = Counter()
        cut = Counter()
        results = run(docs, surface, scorer, tables[s], cfg)
        for doc, beads in results:
            gold = set(doc.gold)
            sides = (make_side(doc.src), make_side(doc.tgt))
            chosen = {(b.src, b.tgt) for b in beads}
            for g in doc.gold:
                cut["gold"] += 1
                cut["gold cut"] += _cut(sides, g)
                if g not in chosen:
                    missed[_shape(g)] += 1
            for b in chosen:
                kind = "right" if b in gold else "wrong"
                cut[kind] += 1
                cut[kind + " cut"] += _cut(sides, b)
                if b not in gold:
                    wrong[_shape(b)] += 1
        print(f"{s}: strict F1 {f1(results):.4f}")
        print("  missed gold beads by shape:", dict(missed.most_common()))
        print("  wrong beads by shape:      ", dict(wrong.most_common()))
        print(f"  cut a parenthesis: gold {cut['gold cut']} of {cut['gold']}, right {cut['right cut']} "
              f"of {cut['right']}, wrong {cut['wrong cut']} of {cut['wrong']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
