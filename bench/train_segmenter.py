"""Train the per-language boundary weights shipped in ``src/aligner/data/segmentation/``.

Logistic regression (full-batch Adam, L2) over the gap features of
:func:`aligner.segment.rules.gap_features`, on the UD dev paragraphs of
``../shared/data/segmentation/``: by default the ``tune`` split only (the first three
quarters of each file), so that ``bench/segmentation.py --split val`` stays held out.

Usage (from the repository root)::

    .venv/bin/python bench/train_segmenter.py               # id en de ko, tune split
    .venv/bin/python bench/train_segmenter.py --l2 0.5 --langs ko
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from segmentation import ROOT, load, _nonspace_prefix  # noqa: E402

from aligner.segment.model import BoundaryModel, format_weights  # noqa: E402
from aligner.segment.rules import gap_features, gaps, rule_vote  # noqa: E402

OUT = ROOT / "src" / "aligner" / "data" / "segmentation"
LEARNED_LANGS = ("id", "en", "de", "ko")


def examples(lang: str, split: str, endings: frozenset[str]) -> tuple[list[list[str]], list[int]]:
    """Feature lists and 0/1 labels for every scored gap of ``split``."""
    probe = BoundaryModel({}, 0.0, endings)
    xs, ys = [], []
    for p in load(lang, split):
        prefix = _nonspace_prefix(p.text)
        gold = {prefix[e] for e in p.ends}
        for offset, prev, left, right in gaps(p.text, 0, len(p.text)):
            vote = rule_vote(prev, left, right, lang)
            if vote == "N" and probe.skip_plain(left, right):
                continue
            xs.append(gap_features(prev, left, right, lang, vote))
            ys.append(int(prefix[offset] in gold))
    return xs, ys


def korean_endings(lang: str, split: str) -> frozenset[str]:
    """Final syllables seen before an unpunctuated gold boundary at least twice."""
    if lang != "ko":
        return frozenset()
    counts: Counter[str] = Counter()
    for p in load(lang, split):
        prefix = _nonspace_prefix(p.text)
        gold = {prefix[e] for e in p.ends}
        for offset, prev, left, right in gaps(p.text, 0, len(p.text)):
            if prefix[offset] in gold and rule_vote(prev, left, right, lang) == "N":
                counts[left[-1]] += 1
    return frozenset(s for s, n in counts.items() if n >= 2 and "\uac00" <= s <= "\ud7a3")


def fit(xs: list[list[str]], ys: list[int], l2: float, min_count: int, iters: int = 600) -> dict[str, float]:
    """Logistic regression weights by full-batch Adam."""
    counts = Counter(f for x in xs for f in set(x))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    rows, cols = [], []
    for r, x in enumerate(xs):
        for f in x:
            j = vocab.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
    rows_a, cols_a = np.array(rows), np.array(cols)
    y = np.array(ys, dtype=float)
    w = np.zeros(len(vocab))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    lr, b1, b2 = 0.1, 0.9, 0.999
    n = len(ys)
    for t in range(1, iters + 1):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n)
        p = 1.0 / (1.0 + np.exp(-z))
        g = np.bincount(cols_a, weights=(p - y)[rows_a], minlength=len(w)) / n * 100 + l2 * w / n * 100
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
    return {f: float(w[j]) for f, j in vocab.items() if abs(w[j]) >= 0.01}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--langs", nargs="+", default=list(LEARNED_LANGS))
    parser.add_argument("--split", default="tune", choices=("tune", "all"))
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-count", type=int, default=2)
    args = parser.parse_args(argv)
    for lang in args.langs:
        endings = korean_endings(lang, args.split)
        xs, ys = examples(lang, args.split, endings)
        weights = fit(xs, ys, args.l2, args.min_count)
        model = BoundaryModel(weights, 0.0, endings)
        comment = (f"aligner boundary weights for {lang}: logistic regression on the gap features of\n"
                   f"aligner.segment.rules, trained by bench/train_segmenter.py (--split {args.split} "
                   f"--l2 {args.l2} --min-count {args.min_count})\non UD dev data; CC BY-SA 4.0 "
                   "(see LICENSE.txt beside this file).")
        (OUT / f"{lang}.weights.tsv").write_text(format_weights(model, comment), "utf-8")
        print(f"{lang}: {len(ys)} gaps, {sum(ys)} boundaries, {len(weights)} weights")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
