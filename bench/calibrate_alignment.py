"""Fit the one confidence map of all alignment models on the pooled dev pairs, and show its
reliability leave-one-pair-out.

    .venv/bin/python bench/calibrate_alignment.py                   # records, LOPO table, write weights.json
    .venv/bin/python bench/calibrate_alignment.py --no-write        # the table only
    .venv/bin/python bench/calibrate_alignment.py --records lopo_use.json   # beads of bench/fit_alignment.py --lopo

Records: every chosen bead of the shipped models (``--modes``: ``auto``, the default encoder
by coverage, and ``none``) on every dev set, with the model's own Platt logit, its shape, its
alternative margin (:func:`aligner.align.bead_scorer.alternative_margins`, in log-odds) and
whether it is a gold bead; cached under the vector cache of ``_aligndata`` by a hash of the
shipped weights (the calibration itself is not part of it) and of the code of ``aligner.align``,
so reruns are cheap. Or
(``--records``) the held-out beads of ``bench/fit_alignment.py --lopo --json``: there every
bead comes from weights that never saw its pair (rows of ``beads_layout`` 2:
``[n, m, confidence, right, margin]``, margin in the fold model's log-odds).

The map (:func:`aligner.align.bead_scorer.calibration_features`) is one logistic regression
on the records of all sets, each set weighing the same, and of one more set, ``ntrex-moved``:
every NTREX en-id document with a clause moved across the boundary of ``--moved-share`` of its
neighbouring gold 1-1 bead pairs (:func:`moved_clauses`; the pair becomes one gold 2-2 bead), so
that the map sees what a literary translation's regroupings do to sure-looking 1-1 beads, which
the news sets, whose merges are one-sided, never show (Text+Berg held out: beads at 0.90-0.95
right 0.76 -> 0.90; issue 16, docs/benchmarks.md). It is left out of the fit when NTREX en-id
is the held-out set, and never scored. Leave-one-pair-out: for each set,
the map is fitted on the others and the held-out set's beads are binned by confidence
(share of gold beads per bin); the model's Platt scaling alone is shown beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aligndata import CACHE, Doc, expand_sets, load_set  # noqa: E402
from fit_alignment import BEADS_LAYOUT, WEIGHTS, VectorTable, fit_logistic, run_with_margins  # noqa: E402

from aligner.align.bead_scorer import (  # noqa: E402
    CALIBRATION_FEATURES,
    calibration_features,
    load_scorer,
)
from aligner.align.clauses import edge_clause  # noqa: E402
from aligner.config import Config  # noqa: E402
from aligner.embed.coverage import resolve_encoder  # noqa: E402

BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.0001)
L2 = 1.0
SETS = "ntrex,textberg,panl,ntrex-multi"
MOVED = "ntrex-moved"  # the set of NTREX en-id documents with clauses moved (:func:`moved_clauses`)
MOVED_FROM = "ntrex"  # the dev set its documents come from
MOVED_SHARE = 0.2  # share of neighbouring gold 1-1 pairs given a moved clause (not fitted)
MOVED_SEED = 7

#: source sentences, target sentences, Platt logit, right, alternative margin (log-odds)
Record = tuple[int, int, float, bool, float]
_RECORDS = "r2"  # version of the records' layout (part of the cache path)


def _records_digest() -> str:
    """What the records depend on: the shipped weights but the map, and the alignment code."""
    weights = {k: v for k, v in json.loads(WEIGHTS.read_text()).items() if k != "calibration"}
    h = hashlib.sha1(json.dumps(weights, sort_keys=True).encode())
    for f in sorted((Path(__file__).resolve().parents[1] / "src" / "aligner" / "align").glob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()[:10]


def _logit(c: float) -> float:
    c = min(max(c, 1e-6), 1 - 1e-6)
    return float(np.log(c / (1 - c)))


def moved_clauses(doc: Doc, share: float, rng: random.Random) -> tuple[Doc, int]:
    """``doc`` with a clause moved across the boundary of ``share`` of its neighbouring gold 1-1
    bead pairs, and how many were moved. For each such pair (drawn from ``rng``), the first
    clause of the second bead's sentence goes to the end of the first bead's, or the last clause
    of the first to the start of the second, on the source or the target side (clauses of three
    words or more, left with three or more; :func:`aligner.align.clauses.edge_clause`); the two
    beads become one gold 2-2 bead, as a translator's regrouping across a sentence boundary is."""
    sides = {True: list(doc.src), False: list(doc.tgt)}
    gold = list(doc.gold)
    out = []
    moved = k = 0
    while k < len(gold):
        s1, t1 = gold[k]
        if k + 1 < len(gold) and len(s1) == len(t1) == 1 and len(gold[k + 1][0]) == len(gold[k + 1][1]) == 1 \
                and rng.random() < share:
            on_src, to_first = rng.random() < 0.5, rng.random() < 0.5
            text = sides[on_src]
            a, b = (s1[0], gold[k + 1][0][0]) if on_src else (t1[0], gold[k + 1][1][0])
            cut = edge_clause(text[b] if to_first else text[a], first=to_first)
            if cut and len(cut[0].split()) >= 3 and len(cut[1].split()) >= 3:
                clause, rest = cut
                if to_first:
                    text[a], text[b] = text[a] + " " + clause, rest
                else:
                    text[a], text[b] = rest, clause + " " + text[b]
                out.append((s1 + gold[k + 1][0], t1 + gold[k + 1][1]))
                moved += 1
                k += 2
                continue
        out.append((s1, t1))
        k += 1
    return replace(doc, set=MOVED, name=doc.name + "+moved", src=tuple(sides[True]), tgt=tuple(sides[False]),
                   gold=tuple(out)), moved


def moved_set(share: float = MOVED_SHARE, seed: int = MOVED_SEED) -> list[Doc]:
    """The NTREX en-id documents with clauses moved (:func:`moved_clauses`, one seeded draw)."""
    rng = random.Random(seed)
    return [moved_clauses(d, share, rng)[0] for d in load_set(MOVED_FROM)]


def shipped_records(set_name: str, mode: str, fresh: bool = False,
                    docs: list[Doc] | None = None) -> list[list[Record]]:
    """Per document of ``set_name`` (or of ``docs``, cached under that name), the records of the
    shipped model ``mode`` (cached unless ``fresh``; the cache knows the weights but the map and
    the code of ``aligner.align``, not that of the encoders or the segmenter: rerun with
    ``--fresh`` after a change there)."""
    path = CACHE / "calib_records" / _records_digest() / f"{set_name.replace(':', '_')}.{mode}.{_RECORDS}.json"
    if path.exists() and not fresh:
        return [[tuple(r) for r in doc] for doc in json.loads(path.read_text())]
    docs = load_set(set_name) if docs is None else docs
    out: list[list[Record]] = []
    surface = replace(load_scorer("none"), calibration=None)
    for d in docs:
        enc = resolve_encoder(mode, d.src_lang, d.tgt_lang) if mode == "auto" else mode
        table = VectorTable(enc, [d]) if enc != "none" else None
        enc_sc = replace(load_scorer(enc), calibration=None) if enc != "none" else None
        ((_, beads),), (alt,) = run_with_margins([d], surface, enc_sc, table, Config(encoder=enc))
        gold = set(d.gold)
        out.append([(len(b.src), len(b.tgt), _logit(b.confidence), (b.src, b.tgt) in gold, float(a))
                    for b, a in zip(beads, alt)])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out))
    return out


def lopo_records(files: list[str]) -> dict[tuple[str, str], list[list[Record]]]:
    """``(set, model)`` -> per-document records from ``bench/fit_alignment.py --lopo --json`` rows."""
    out: dict[tuple[str, str], list[list[Record]]] = {}
    for f in files:
        for row in json.loads(Path(f).read_text()):
            if "beads" in row:
                if row.get("beads_layout", 1) != BEADS_LAYOUT:
                    raise SystemExit(f"{f}: beads of layout {row.get('beads_layout', 1)}, not {BEADS_LAYOUT} "
                                     "([n, m, confidence, right, margin]); rerun bench/fit_alignment.py --lopo "
                                     "--json, or use the shipped models' records")
                out[(row["held_out"], row["model"])] = [[(n, m, _logit(c), bool(h), float(a)) for n, m, c, h, a, *_
                                                        in doc] for doc in row["beads"]]
    return out


def design(docs: list[list[Record]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Map inputs, labels and the Platt confidence of every record of these documents."""
    Xs, ys, ps = [], [], []
    for doc in docs:
        if not doc:
            continue
        z = np.array([r[2] for r in doc])
        Xs.append(calibration_features(z, [(r[0], r[1]) for r in doc], np.array([r[4] for r in doc])))
        ys.append(np.array([float(r[3]) for r in doc]))
        ps.append(1 / (1 + np.exp(-z)))
    return np.concatenate(Xs), np.concatenate(ys), np.concatenate(ps)


def held_out_fit(data: dict[tuple[str, str], list[list[Record]]], held: str) -> dict[tuple[str, str], list[list[Record]]]:
    """The records a map that scores set ``held`` is fitted on: every other set's, and the moved
    set's only when its source set is not the one held out."""
    return {k: v for k, v in data.items() if k[0] != held and not (k[0] == MOVED and held == MOVED_FROM)}


def fit_map(data: dict[tuple[str, str], list[list[Record]]]) -> np.ndarray:
    """One logistic map on all records, every set (all its models together) weighing the same."""
    sets = sorted({s for s, _ in data})
    Xs, ys, ws = [], [], []
    for s in sets:
        X, y, _ = design([doc for (s2, _), docs in data.items() if s2 == s for doc in docs])
        Xs.append(X)
        ys.append(y)
        ws.append(np.full(len(y), 1.0 / len(y)))
    w = np.concatenate(ws)
    return fit_logistic(np.concatenate(Xs), np.concatenate(ys), l2=L2, sample_weight=w * len(w) / len(sets))


def bins(conf: np.ndarray, right: np.ndarray) -> list[tuple[float, int, float]]:
    """``(bin start, beads, share right)`` per confidence bin."""
    out = []
    for a, b in zip(BINS, BINS[1:]):
        sel = (conf >= a) & (conf < b)
        out.append((a, int(sel.sum()), float(right[sel].mean()) if sel.any() else float("nan")))
    return out


def ece(conf: np.ndarray, right: np.ndarray) -> float:
    """Expected calibration error over :data:`BINS` (bead-weighted |confidence - share right|)."""
    tot = 0.0
    for a, b in zip(BINS, BINS[1:]):
        sel = (conf >= a) & (conf < b)
        if sel.any():
            tot += sel.sum() * abs(conf[sel].mean() - right[sel].mean())
    return tot / max(1, len(conf))


def _sure_wrong(conf: np.ndarray, right: np.ndarray) -> str:
    """How many of the wrong beads have a confidence of 0.9 or more: ``"k of n"``."""
    wrong = right == 0
    return f"{int((wrong & (conf >= 0.9)).sum())} of {int(wrong.sum())}"


def _cell(b: tuple[float, int, float]) -> str:
    return f"{b[2]:.2f} ({b[1]})" if b[1] >= 10 else "-"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=SETS)
    ap.add_argument("--modes", default="auto,none", help="shipped models whose beads are pooled")
    ap.add_argument("--records", default="", help="comma-separated --lopo JSON files instead of the shipped models")
    ap.add_argument("--fresh", action="store_true", help="recompute the records (after a change of the code)")
    ap.add_argument("--no-write", action="store_true", help="do not write the map into weights.json")
    ap.add_argument("--json", help="also write the LOPO rows here")
    ap.add_argument("--moved-share", type=float, default=MOVED_SHARE,
                    help=f"share of NTREX en-id's neighbouring 1-1 pairs given a moved clause in the {MOVED} set "
                         f"(default {MOVED_SHARE:g}; 0: no such set)")
    args = ap.parse_args(argv)
    t0 = time.process_time()
    sets = expand_sets(args.sets)
    if args.records:
        data = {k: v for k, v in lopo_records(args.records.split(",")).items() if k[0] in sets}
    else:
        data = {}
        for s in sets:
            for mode in args.modes.split(","):
                data[(s, mode)] = shipped_records(s, mode, args.fresh)
                print(f"records {s} {mode}: {sum(map(len, data[(s, mode)]))} beads "
                      f"({time.process_time() - t0:.0f} CPU s)", file=sys.stderr, flush=True)
        if args.moved_share > 0:
            moved = moved_set(args.moved_share)
            for mode in args.modes.split(","):
                data[(MOVED, mode)] = shipped_records(f"{MOVED}-{args.moved_share:g}-{MOVED_SEED}", mode,
                                                      args.fresh, moved)
    print(f"# {time.strftime('%Y-%m-%d %H:%M %Z')} calibration leave-one-pair-out "
          f"({'records ' + args.records if args.records else 'shipped models ' + args.modes})")
    head = " | ".join(f"{a:.2f}-{min(b, 1.0):.2f}" for a, b in zip(BINS[2:], BINS[3:]))
    print(f"| set | model | map | {head} | ECE | wrong at >= 0.9 |")
    print("|---|---|---|" + "---|" * (len(BINS) - 1))
    rows = []
    pooled: dict[str, list] = {"map": [], "platt": []}
    for s in sets:
        if not any(k[0] == s for k in data):
            continue
        others = held_out_fit(data, s)
        if not others:
            print(f"| {s} | - | - | no other set's records to fit the map on |")
            continue
        w = fit_map(others)
        for (s2, model), docs in data.items():
            if s2 != s or not any(docs):
                continue
            X, y, platt = design(docs)
            conf = 1 / (1 + np.exp(-(X @ w)))
            for name, c in (("pooled map", conf), ("Platt only", platt)):
                bs = bins(c, y)
                e = ece(c, y)
                pooled["map" if name == "pooled map" else "platt"].append((c, y))
                rows.append({"set": s, "model": model, "map": name, "bins": bs, "ece": e, "beads": len(y)})
                print(f"| {s} | {model} | {name} | " + " | ".join(_cell(b) for b in bs[2:]) + f" | {e:.3f} | "
                      f"{_sure_wrong(c, y)} |", flush=True)
    for name, parts in pooled.items():
        if not parts:
            continue
        c = np.concatenate([p[0] for p in parts])
        y = np.concatenate([p[1] for p in parts])
        print(f"| all held out | - | {name} | " + " | ".join(_cell(b) for b in bins(c, y)[2:]) +
              f" | {ece(c, y):.3f} | {_sure_wrong(c, y)} |")
    w = fit_map(data)
    print("map fitted on all sets: " + ", ".join(f"{f} {v:+.3f}" for f, v in zip(CALIBRATION_FEATURES, w)))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    if not args.no_write:
        weights = json.loads(WEIGHTS.read_text())
        src = f"--records {args.records}" if args.records else f"--modes {args.modes}"
        weights["calibration"] = {
            "features": list(CALIBRATION_FEATURES),
            "weights": [round(float(v), 5) for v in w],
            "provenance": (f"fitted by bench/calibrate_alignment.py --sets {args.sets} {src} "
                           f"--moved-share {args.moved_share:g} on the dev sets of ../shared/data/alignment; "
                           + time.strftime("%Y-%m-%d")),
        }
        WEIGHTS.write_text(json.dumps(weights, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote the map into {WEIGHTS}")
    print(f"{time.process_time() - t0:.0f} CPU s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
