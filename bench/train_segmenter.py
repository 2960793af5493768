"""Train the per-language boundary weights shipped in ``src/aligner/data/segmentation/``.

Logistic regression (full-batch Adam, L2) over the gap features of
:func:`aligner.segment.rules.gap_features`, on the UD dev paragraphs of
``../shared/data/segmentation/``. The shipped weights are trained on the whole dev split
(``--split all``); ``--cv K`` measures the procedure on held-out data instead: K-fold
cross-validation over contiguous blocks, and training on the ``tune`` split (the first three
quarters of each file) scored on ``val`` (the last quarter).

Usage (from the repository root)::

    .venv/bin/python bench/train_segmenter.py                # the shipped weights (all dev)
    .venv/bin/python bench/train_segmenter.py --split tune   # tune split only
    .venv/bin/python bench/train_segmenter.py --cv 4         # held-out estimates, writes nothing
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from segmentation import ROOT, Paragraph, inner_ends, load, _nonspace_prefix  # noqa: E402

from aligner.segment.model import BoundaryModel, format_weights  # noqa: E402
from aligner.segment.core import paragraph_ranges  # noqa: E402
from aligner.segment.rules import korean_endings as endings_data  # noqa: E402
from aligner.segment.rules import RULED_VOTES, gap_features, gaps, rule_vote, split_with_model  # noqa: E402

OUT = ROOT / "src" / "aligner" / "data" / "segmentation"
LEARNED_LANGS = ("id", "en", "de", "ko")
#: How much harder vote-shape conjunctions are regularised than other features.
VOTE_L2 = 5.0


def examples(lang: str, paragraphs: list[Paragraph], endings: frozenset[str]) -> tuple[list[list[str]], list[int]]:
    """Feature lists and 0/1 labels for every scored gap of ``paragraphs``."""
    probe = BoundaryModel({}, 0.0, endings)
    xs, ys = [], []
    for p in paragraphs:
        prefix = _nonspace_prefix(p.text)
        gold = {prefix[e] for e in p.ends}
        for offset, prev, left, right, phrase in gaps(p.text, 0, len(p.text)):
            vote = rule_vote(prev, left, right, lang, phrase)
            if vote == "N" and probe.skip_plain(left, right):
                continue
            if vote in RULED_VOTES:
                continue  # decided by the rules, as at run time
            xs.append(gap_features(prev, left, right, lang, vote))
            ys.append(int(prefix[offset] in gold))
    return xs, ys


def korean_endings(lang: str, paragraphs: list[Paragraph]) -> frozenset[str]:
    """Final syllables worth scoring: those of ``ko.endings.txt`` and any seen before an
    unpunctuated gold boundary at least twice."""
    if lang != "ko":
        return frozenset()
    counts: Counter[str] = Counter()
    for p in paragraphs:
        prefix = _nonspace_prefix(p.text)
        gold = {prefix[e] for e in p.ends}
        for offset, prev, left, right, phrase in gaps(p.text, 0, len(p.text)):
            if prefix[offset] in gold and rule_vote(prev, left, right, lang, phrase) == "N":
                counts[left[-1]] += 1
    learned = {s for s, n in counts.items() if n >= 2 and "\uac00" <= s <= "\ud7a3"}
    return frozenset(learned | {ending[-1] for ending in endings_data()})


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
    # Conjunctions of a punctuation vote with a shape ("v=B|num") overrule the rules: they
    # need more evidence than other features, so they are regularised harder.
    strength = np.array([l2 * VOTE_L2 if f.startswith("v=") and "|" in f else l2 for f in vocab])
    w = np.zeros(len(vocab))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    lr, b1, b2 = 0.1, 0.9, 0.999
    n = len(ys)
    for t in range(1, iters + 1):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n)
        p = 1.0 / (1.0 + np.exp(-z))
        g = np.bincount(cols_a, weights=(p - y)[rows_a], minlength=len(w)) / n * 100 + strength * w / n * 100
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
    return {f: float(w[j]) for f, j in vocab.items() if abs(w[j]) >= 0.01}


def train(lang: str, paragraphs: list[Paragraph], l2: float, min_count: int, threshold: float = 0.0) -> BoundaryModel:
    """A boundary model for ``lang`` from gold paragraphs."""
    endings = korean_endings(lang, paragraphs)
    xs, ys = examples(lang, paragraphs, endings)
    return BoundaryModel(fit(xs, ys, l2, min_count), threshold, endings)


def boundary_counts(lang: str, paragraphs: list[Paragraph], model: BoundaryModel | None) -> tuple[int, int, int]:
    """``(tp, fp, fn)`` of ``model`` on ``paragraphs`` (same scoring as bench/segmentation.py)."""
    tp = fp = fn = 0
    for p in paragraphs:
        ends = [e for s, t in paragraph_ranges(p.text) for _a, e in split_with_model(p.text, s, t, lang, model)]
        gold, pred = inner_ends(p.text, p.ends), inner_ends(p.text, ends)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return tp, fp, fn


def _f1(counts: tuple[int, int, int]) -> float:
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(lang: str, folds: int, l2: float, min_count: int, threshold: float = 0.0) -> float:
    """Boundary F1 of ``folds``-fold cross-validation over contiguous blocks of the dev file."""
    paragraphs = load(lang, "all")
    size = -(-len(paragraphs) // folds)
    tp = fp = fn = 0
    for k in range(folds):
        held = paragraphs[k * size : (k + 1) * size]
        rest = paragraphs[: k * size] + paragraphs[(k + 1) * size :]
        a, b, c = boundary_counts(lang, held, train(lang, rest, l2, min_count, threshold))
        tp, fp, fn = tp + a, fp + b, fn + c
    return _f1((tp, fp, fn))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--langs", nargs="+", default=list(LEARNED_LANGS))
    parser.add_argument("--split", default="all", choices=("tune", "all"))
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.0,
                        help="decision threshold on the summed weights (default: 0)")
    parser.add_argument("--cv", type=int, metavar="K",
                        help="write nothing; report boundary F1 of the punctuation rules alone, of K-fold "
                             "cross-validation, and of a model trained on the tune split scored on val")
    args = parser.parse_args(argv)
    if args.cv:
        print(f"{'lang':4} {'rules':>6} {'cv' + str(args.cv):>6} {'val':>6}   (boundary F1 on held-out dev data)")
        for lang in args.langs:
            f1_rules = _f1(boundary_counts(lang, load(lang, "all"), None))
            f1_cv = cross_validate(lang, args.cv, args.l2, args.min_count, args.threshold)
            tuned = train(lang, load(lang, "tune"), args.l2, args.min_count, args.threshold)
            f1_val = _f1(boundary_counts(lang, load(lang, "val"), tuned))
            print(f"{lang:4} {f1_rules:6.3f} {f1_cv:6.3f} {f1_val:6.3f}")
        return 0
    for lang in args.langs:
        model = train(lang, load(lang, args.split), args.l2, args.min_count, args.threshold)
        weights = model.weights
        comment = (f"aligner boundary weights for {lang}: logistic regression on the gap features of\n"
                   f"aligner.segment.rules, trained by bench/train_segmenter.py (--split {args.split} "
                   f"--l2 {args.l2} --min-count {args.min_count} --threshold {args.threshold})\non UD dev data; CC BY-SA 4.0 "
                   "(see LICENSE.txt beside this file).")
        (OUT / f"{lang}.weights.tsv").write_text(format_weights(model, comment), "utf-8")
        print(f"{lang}: {len(weights)} weights written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
