"""Divergence-flag benchmark on NTREX-128 documents with corrupted Indonesian lines.

Data: ``../shared/data/divergence/ntrex-dev/`` relative to the repository root (``NAME.en``,
``NAME.id``, ``NAME.labels`` with ``line<TAB>label`` for every Indonesian line).

Each document is compared exactly as ``aligner compare NAME.en NAME.id --src-lang en
--tgt-lang id --presegmented --format json`` does (through the public API in one process, or
with ``--cli`` by running that command per document). A corrupted line is *detected* when a
flag sits on a bead that contains it, and *typed* when one of those flags has a type that fits
its label. Clean lines (``ok``) that sit on a flagged bead are false alarms; the figure is
given counting every flag and counting only flags above ``info`` severity.

``--cv`` also checks the flag thresholds by two-fold cross-validation over documents: the
thresholds are chosen on one half (best detection + typed recall - 2 x flagged clean lines)
and reported on the other half.

``--one-to-one`` replaces the aligner's beads by the known 1-1 beads, to measure the flags
apart from alignment errors.

Usage:
    python bench/divergence.py [--data DIR] [--cli | --one-to-one] [--cv] [--limit N] [--json OUT]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "divergence" / "ntrex-dev"

#: label -> flag types that count as typed.
FITS: dict[str, set[str]] = {
    "number": {"number_mismatch"},
    "entity": {"entity_mismatch"},
    "clause_omission": {"partial_omission", "omission"},
    "clause_addition": {"partial_addition", "addition"},
    "untranslated": {"untranslated"},
    "unrelated": {"mistranslation", "omission", "addition"},
}


def documents(data: Path) -> list[str]:
    """Names of the documents in ``data`` (those with a ``.labels`` file), sorted."""
    return sorted(p.name[: -len(".labels")] for p in data.glob("*.labels"))


def labels_of(data: Path, name: str) -> list[str]:
    """The label of every target line."""
    out = []
    for line in (data / f"{name}.labels").read_text("utf-8").splitlines():
        if line.strip():
            out.append(line.split("\t")[1].strip())
    return out


def report_api(data: Path, name: str) -> dict[str, Any]:
    """The JSON report, produced in-process the way the CLI produces it."""
    import aligner
    from aligner.report.jsonfmt import to_dict

    src = aligner.load(data / f"{name}.en", "en", presegmented=True)
    tgt = aligner.load(data / f"{name}.id", "id", presegmented=True)
    return to_dict(aligner.compare(src, tgt))


def report_one_to_one(data: Path, name: str) -> dict[str, Any]:
    """The JSON report with the alignment replaced by the known 1-1 beads (flags alone)."""
    import aligner
    from aligner.align.model import Alignment, Bead
    from aligner.compare import pair
    from aligner.report.jsonfmt import to_dict

    src = aligner.load(data / f"{name}.en", "en", presegmented=True)
    tgt = aligner.load(data / f"{name}.id", "id", presegmented=True)
    gold = Alignment(tuple(Bead((i,), (i,)) for i in range(len(src))), len(src), len(tgt))
    original = pair.align
    pair.align = lambda s, t, c: gold  # type: ignore[assignment]
    try:
        return to_dict(aligner.compare(src, tgt))
    finally:
        pair.align = original  # type: ignore[assignment]


def report_cli(data: Path, name: str) -> dict[str, Any]:
    """The JSON report from the real command line."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.json"
        cmd = [sys.executable, "-m", "aligner", "compare", str(data / f"{name}.en"), str(data / f"{name}.id"),
               "--src-lang", "en", "--tgt-lang", "id", "--presegmented", "--format", "json", "-o", str(out)]
        subprocess.run(cmd, check=True, capture_output=True)
        return json.loads(out.read_text("utf-8"))


def line_flags(report: dict[str, Any], n_lines: int) -> list[list[dict[str, Any]]]:
    """For each target line, the flags of the bead that contains it."""
    per_line: list[list[dict[str, Any]]] = [[] for _ in range(n_lines)]
    for bead in report["beads"]:
        for j in bead["tgt"]:
            if j < n_lines:
                per_line[j] = bead["flags"]
    return per_line


def score(per_doc: dict[str, tuple[list[str], list[list[dict[str, Any]]]]]) -> dict[str, Any]:
    """Per-kind detection and typed recall, and the share of clean lines with a flag."""
    n: Counter[str] = Counter()
    det: Counter[str] = Counter()
    typed: Counter[str] = Counter()
    clean_any = clean_major = 0
    flag_types_on_clean: Counter[str] = Counter()
    for labels, flags in per_doc.values():
        for label, fl in zip(labels, flags):
            n[label] += 1
            if label == "ok":
                if fl:
                    clean_any += 1
                    flag_types_on_clean.update({f["type"] for f in fl})
                if any(f["severity"] != "info" for f in fl):
                    clean_major += 1
                continue
            if fl:
                det[label] += 1
            if any(f["type"] in FITS.get(label, set()) for f in fl):
                typed[label] += 1
    kinds = sorted(k for k in n if k != "ok")
    corrupted = sum(n[k] for k in kinds)
    return {
        "kinds": {k: {"n": n[k], "detected": det[k] / n[k], "typed": typed[k] / n[k]} for k in kinds},
        "detection_recall": sum(det.values()) / corrupted if corrupted else 0.0,
        "typed_recall": sum(typed.values()) / corrupted if corrupted else 0.0,
        "clean_lines": n["ok"],
        "clean_flagged_any": clean_any / n["ok"] if n["ok"] else 0.0,
        "clean_flagged_above_info": clean_major / n["ok"] if n["ok"] else 0.0,
        "flag_types_on_clean": dict(sorted(flag_types_on_clean.items())),
    }


def print_table(title: str, result: dict[str, Any]) -> None:
    """A Markdown table of ``result``."""
    print(f"\n{title}\n")
    print("| kind | lines | detected | typed |")
    print("| --- | ---: | ---: | ---: |")
    for kind, r in result["kinds"].items():
        print(f"| {kind} | {r['n']} | {r['detected']:.3f} | {r['typed']:.3f} |")
    print(f"| **all corrupted** | {sum(r['n'] for r in result['kinds'].values())} | "
          f"**{result['detection_recall']:.3f}** | **{result['typed_recall']:.3f}** |")
    print(f"\nclean lines: {result['clean_lines']}; on a flagged bead: {result['clean_flagged_any']:.3f} "
          f"(any flag), {result['clean_flagged_above_info']:.3f} (minor or major flags only)")
    print(f"flag types on clean lines: {result['flag_types_on_clean']}")


# ---------------------------------------------------------------- cross-validation

GRID = {
    "UNRELATED_SIMILARITY": (0.15, 0.2, 0.25, 0.3),
    "PARTIAL_SIMILARITY": (0.5, 0.55, 0.6, 0.65, 0.7),
    "LENGTH_Z_WEAK": (0.75, 1.0, 1.25),
    "LENGTH_Z_STRONG": (1.75, 2.0, 2.5),
}


def _comparisons(data: Path, names: list[str], one_to_one: bool) -> dict[str, Any]:
    import aligner
    from aligner.align.model import Alignment, Bead
    from aligner.compare import pair

    out = {}
    original = pair.align
    try:
        for name in names:
            src = aligner.load(data / f"{name}.en", "en", presegmented=True)
            tgt = aligner.load(data / f"{name}.id", "id", presegmented=True)
            if one_to_one:
                gold = Alignment(tuple(Bead((i,), (i,)) for i in range(len(src))), len(src), len(tgt))
                pair.align = lambda s, t, c, gold=gold: gold  # type: ignore[misc]
            out[name] = aligner.compare(src, tgt)
    finally:
        pair.align = original  # type: ignore[assignment]
    return out


def _reflag(comparisons: dict[str, Any], labels: dict[str, list[str]], params: dict[str, float]) -> dict[str, Any]:
    from aligner.flags import rules

    saved = {k: getattr(rules, k) for k in params}
    try:
        for k, v in params.items():
            setattr(rules, k, v)
        per_doc = {}
        for name, c in comparisons.items():
            report = {"beads": []}
            doc_flags = rules.flag_document(c.src, c.tgt, c.alignment.beads)
            for k, (bead, sc) in enumerate(zip(c.alignment.beads, c.scores)):
                fl = rules.flag_bead(c.src, c.tgt, bead, sc) + doc_flags.get(k, ())
                report["beads"].append({"tgt": list(bead.tgt),
                                        "flags": [{"type": f.type, "severity": f.severity} for f in fl]})
            per_doc[name] = (labels[name], line_flags(report, len(labels[name])))
        return score(per_doc)
    finally:
        for k, v in saved.items():
            setattr(rules, k, v)


def cross_validate(data: Path, names: list[str], labels: dict[str, list[str]], one_to_one: bool) -> None:
    """Two-fold CV over documents (even / odd positions in sorted order).

    On each tuning half the grid point with the best ``detection + typed - 2 * clean flagged
    (above info)`` is chosen and scored on the other half.
    """
    comparisons = _comparisons(data, names, one_to_one)
    folds = [names[0::2], names[1::2]]
    print("\n## Two-fold cross-validation of the flag thresholds\n")
    print("| tuned on | chosen thresholds | held-out detection | held-out typed | held-out clean flagged (any / above info) |")
    print("| --- | --- | ---: | ---: | ---: |")
    for k in range(2):
        tune = {n: comparisons[n] for n in folds[k]}
        test = {n: comparisons[n] for n in folds[1 - k]}
        best: tuple[float, dict[str, float]] | None = None
        for values in itertools.product(*GRID.values()):
            params = dict(zip(GRID, values))
            if params["LENGTH_Z_WEAK"] >= params["LENGTH_Z_STRONG"]:
                continue
            r = _reflag(tune, labels, params)
            key = r["typed_recall"] + r["detection_recall"] - 2 * r["clean_flagged_above_info"]
            if best is None or key > best[0]:
                best = (key, params)
        assert best is not None
        r = _reflag(test, labels, best[1])
        shown = ", ".join(f"{a}={b}" for a, b in best[1].items())
        print(f"| fold {k} ({len(tune)} docs) | {shown} | {r['detection_recall']:.3f} | {r['typed_recall']:.3f} | "
              f"{r['clean_flagged_any']:.3f} / {r['clean_flagged_above_info']:.3f} |")
    print("\nShipped thresholds on each half:\n")
    print("| half | detection | typed | clean flagged (any / above info) |")
    print("| --- | ---: | ---: | ---: |")
    for k in range(2):
        r = _reflag({n: comparisons[n] for n in folds[k]}, labels, {})
        print(f"| {k} | {r['detection_recall']:.3f} | {r['typed_recall']:.3f} | "
              f"{r['clean_flagged_any']:.3f} / {r['clean_flagged_above_info']:.3f} |")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print Markdown tables."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--cli", action="store_true", help="run the aligner command per document")
    p.add_argument("--cv", action="store_true", help="also cross-validate the flag thresholds")
    p.add_argument("--one-to-one", action="store_true",
                   help="use the known 1-1 beads instead of the aligner (measures the flags alone)")
    p.add_argument("--limit", type=int, default=0, help="only the first N documents")
    p.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = p.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    names = documents(args.data)
    if args.limit:
        names = names[: args.limit]
    labels = {n: labels_of(args.data, n) for n in names}
    per_doc = {}
    t0 = time.perf_counter()
    for name in names:
        if args.cli:
            report = report_cli(args.data, name)
        elif args.one_to_one:
            report = report_one_to_one(args.data, name)
        else:
            report = report_api(args.data, name)
        per_doc[name] = (labels[name], line_flags(report, len(labels[name])))
    elapsed = time.perf_counter() - t0
    result = score(per_doc)
    result["documents"] = len(names)
    result["seconds"] = round(elapsed, 1)
    mode = ("CLI per document" if args.cli else "known 1-1 beads, public API" if args.one_to_one
            else "public API, one process")
    print_table(f"{len(names)} documents, {mode}, {elapsed:.1f} s ({elapsed / max(1, len(names)):.2f} s/doc)", result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", "utf-8")
    if args.cv:
        cross_validate(args.data, names, labels, args.one_to_one)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
