"""Where the aligner goes wrong on the dev sets: missed and wrong beads by shape, beads that
cut a parenthesis, and what offsets on the merge biases would trade.

    .venv/bin/python bench/align_errors.py                        # USE, every set
    .venv/bin/python bench/align_errors.py --sets textberg --encoder none
    .venv/bin/python bench/align_errors.py --merge-offsets 0,0,0 0.5,1,2
    .venv/bin/python bench/align_errors.py --sets textberg --regions   # errors by kind
    .venv/bin/python bench/align_errors.py --sets textberg,ntrex --merge-study

``--regions`` walks the aligner's path and the gold path together and cuts them where both
have a bead boundary: every stretch between two such points where the beads differ is one
error region, counted by kind (wrong merge: fewer beads than the gold; missed merge: more;
boundary shift: as many, cut elsewhere; skip: a 1-0 / 0-1 on one side only or placed
differently), with the gold beads it misses and its shapes gold -> aligner.

Vectors come from the bench cache (``bench/_aligndata.py use ...`` warms it). Every figure is
in-sample: the shipped weights were fitted on these sets. ``--merge-offsets A,B,C`` adds A,
B and C log-odds to the encoder model's bias of 3-, 4- and 5-or-more-sentence beads and
prints the strict F1 of each set (what a shape prior would trade between the sets).

``--merge-study`` asks whether two neighbouring beads (each with sentences on both sides) could
be joined on the encoder's word alone: for every such pair it encodes the two beads and their
union as whole texts and prints, for pairs whose union is a gold bead and for pairs of two gold
beads, the union's cosine minus the length-weighted mean of the two beads' cosines (``gain``),
then how many of each a rule ``gain > G and the larger crossed cosine > X`` would join, per set.
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


def _ends(beads) -> list[tuple[int, int]]:
    """The path point after each bead (past the highest sentence on each side so far)."""
    i = j = 0
    out = []
    for s, t in beads:
        i = max([i, *(x + 1 for x in s)])
        j = max([j, *(x + 1 for x in t)])
        out.append((i, j))
    return out


def error_regions(gold, pred) -> list[tuple[str, list, list]]:
    """``(kind, gold beads, aligner beads)`` of every stretch where the two paths differ.

    The stretches are cut where both paths have a bead boundary at the same point; a gold
    that leaves a sentence out of every bead is read as if it sat in the next bead.
    """
    ge, pe = _ends(gold), _ends(pred)
    out = []
    gi = pi = 0
    while gi < len(gold) and pi < len(pred):
        gs, ps = [gold[gi]], [pred[pi]]
        gi += 1
        pi += 1
        while ge[gi - 1] != pe[pi - 1]:
            if (sum(ge[gi - 1]) < sum(pe[pi - 1]) and gi < len(gold)) or pi >= len(pred):
                gs.append(gold[gi])
                gi += 1
            else:
                ps.append(pred[pi])
                pi += 1
        if gs == ps:
            continue
        skip_g = any(not s or not t for s, t in gs)
        skip_p = any(not s or not t for s, t in ps)
        if skip_g or skip_p:
            kind = ("skip: gold leaves out, aligner joins" if not skip_p else
                    "skip: aligner leaves out, gold joins" if not skip_g else "skip: both, differently")
        elif len(ps) < len(gs):
            kind = "wrong merge"
        elif len(ps) > len(gs):
            kind = "missed merge"
        else:
            kind = "boundary shift"
        out.append((kind, gs, ps))
    return out


def _print_regions(results) -> None:
    kinds: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    shapes: dict[str, Counter[str]] = {}
    for doc, beads in results:
        pred = [(b.src, b.tgt) for b in beads]
        for kind, gs, ps in error_regions(list(doc.gold), pred):
            kinds[kind] += 1
            missed[kind] += sum(1 for g in gs if g not in ps)
            shapes.setdefault(kind, Counter())["+".join(map(_shape, gs)) + " -> " + "+".join(map(_shape, ps))] += 1
    print(f"  error regions {sum(kinds.values())}, gold beads missed {sum(missed.values())}")
    for kind, n in kinds.most_common():
        print(f"  {n:4d} regions, {missed[kind]:4d} gold beads missed: {kind};", dict(shapes[kind].most_common(6)))


def _unit(v) -> np.ndarray:
    v = np.asarray(v, dtype=float)
    return v / max(float(np.linalg.norm(v)), 1e-12)


def merge_study(results, table) -> list[dict]:
    """One row per pair of neighbouring beads with sentences on both sides: whole-text cosines
    of the two beads, of their union and crossed, and whether the union or both are gold."""
    rows = []
    for doc, beads in results:
        gold = set(doc.gold)
        pairs = [(a, b) for a, b in zip(beads, beads[1:]) if a.src and a.tgt and b.src and b.tgt]
        groups = {(side, ids) for a, b in pairs for side, ids in
                  ((0, a.src), (0, b.src), (0, a.src + b.src), (1, a.tgt), (1, b.tgt), (1, a.tgt + b.tgt))}
        texts = {g: " ".join((doc.src if g[0] == 0 else doc.tgt)[k] for k in g[1]) for g in groups}
        order = list(texts)
        vecs = dict(zip(order, table.encode([texts[g] for g in order]))) if order else {}

        def v(side, ids, vecs=vecs):
            return _unit(vecs[(side, ids)])

        for a, b in pairs:
            c1, c2 = v(0, a.src) @ v(1, a.tgt), v(0, b.src) @ v(1, b.tgt)
            w1 = sum(len(doc.src[k]) for k in a.src) + sum(len(doc.tgt[k]) for k in a.tgt)
            w2 = sum(len(doc.src[k]) for k in b.src) + sum(len(doc.tgt[k]) for k in b.tgt)
            union = v(0, a.src + b.src) @ v(1, a.tgt + b.tgt)
            rows.append({"set": doc.set, "gain": float(union - (w1 * c1 + w2 * c2) / (w1 + w2)),
                         "cross": float(max(v(0, a.src) @ v(1, b.tgt), v(0, b.src) @ v(1, a.tgt))),
                         "union_gold": (a.src + b.src, a.tgt + b.tgt) in gold,
                         "both_gold": (a.src, a.tgt) in gold and (b.src, b.tgt) in gold})
    return rows


def _print_merge_study(rows) -> None:
    pos = [r for r in rows if r["union_gold"]]
    neg = [r for r in rows if r["both_gold"]]
    print(f"neighbouring pairs {len(rows)}: union a gold bead {len(pos)}, both gold {len(neg)}")
    for key in ("gain", "cross"):
        if pos:
            print(f"  {key} of gold unions: median {np.median([r[key] for r in pos]):.3f}")
        if neg:
            print(f"  {key} of two gold beads: percentiles 50/90/99/max",
                  " / ".join(f"{x:.3f}" for x in np.percentile([r[key] for r in neg], [50, 90, 99, 100])))
    for g in (0.06, 0.08, 0.1, 0.12):
        for x in (0.0, 0.3):
            hit = sum(r["gain"] > g and r["cross"] > x for r in pos)
            wrong: Counter[str] = Counter(r["set"] for r in rows if not r["union_gold"] and r["gain"] > g and r["cross"] > x)
            print(f"  gain > {g} and cross > {x}: joins {hit} gold unions; wrong joins", dict(wrong))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="textberg,ntrex,panl")
    ap.add_argument("--encoder", default="use", choices=("use", "e5", "none"))
    ap.add_argument("--merge-offsets", nargs="*", default=[], metavar="A,B,C")
    ap.add_argument("--regions", action="store_true", help="also count error regions by kind")
    ap.add_argument("--merge-study", action="store_true",
                    help="could neighbouring beads be joined on whole-text cosines? (an encoder model)")
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
    if args.merge_study:
        if scorer is None:
            ap.error("--merge-study needs an encoder model")
        rows = [r for s, docs in sets.items() for r in merge_study(run(docs, surface, scorer, tables[s], cfg), tables[s])]
        _print_merge_study(rows)
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
        wrong_conf = [b.confidence for d, beads in results for b in beads if (b.src, b.tgt) not in set(d.gold)]
        print(f"  wrong beads at confidence 0.9 or more: {sum(c >= 0.9 for c in wrong_conf)} of {len(wrong_conf)}")
        if args.regions:
            _print_regions(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
