"""Train the boundary weights shipped in ``src/aligner/data/segmentation/``.

One procedure for every language: logistic regression (full-batch Adam, L2) over the gap
features of :func:`aligner.segment.rules.gap_features`, on the UD dev paragraphs of
``../shared/data/segmentation/``.

* ``<lang>.weights.tsv`` for every language whose dev treebank's licence allows shipping a
  derived work (not the non-commercial ones: Italian-ISDT, Polish-PDB, Hebrew-HTB,
  Turkish-IMST; see ``NON_COMMERCIAL``), trained on its whole dev split together with the
  other shippable languages' (feature augmentation: see :func:`train`);
* ``generic.weights.tsv``, trained on those permissive languages together, for every other
  language (the non-commercial four, and languages with no dev data) whose text is written with
  spaces between sentences.

``--cv K`` writes nothing and measures the procedure on held-out data instead: the punctuation
rules alone (``rules``), K-fold cross-validation over contiguous blocks of each dev file that
keep documents whole (``cvK``: each block scored by a model trained on the others), and the
generic model trained on the permissive languages other than the one scored
(``generic``: leave one language out, so a figure for a language never seen).

Usage (from the repository root)::

    .venv/bin/python bench/train_segmenter.py            # the shipped weights
    .venv/bin/python bench/train_segmenter.py --cv 2     # held-out estimates, writes nothing
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from segmentation import LANGS, ROOT, Paragraph, _nonspace_prefix, folds, inner_ends, load, treebank  # noqa: E402

from aligner.segment.core import paragraph_ranges  # noqa: E402
from aligner.segment.model import BoundaryModel, format_weights  # noqa: E402
from aligner.segment.rules import (  # noqa: E402
    Vote, closes_bracket, features_with, gaps, lang_rules, lower_starts, ruled, semicolon_distances,
    sentence_endings, split_with_model, vote_with,
)

OUT = ROOT / "src" / "aligner" / "data" / "segmentation"
#: Dev treebanks whose licence (CC BY-NC-SA) forbids shipping weights derived from them.
NON_COMMERCIAL = frozenset({"UD_Italian-ISDT", "UD_Polish-PDB", "UD_Hebrew-HTB", "UD_Turkish-IMST"})
#: How much harder vote-shape conjunctions are regularised than other features.
VOTE_L2 = 5.0
GENERIC = "generic"
POOL = True


def shippable(lang: str) -> bool:
    """May weights trained on ``lang``'s dev treebank be shipped?"""
    return treebank(lang) not in NON_COMMERCIAL


def examples(lang: str, paragraphs: list[Paragraph], endings: frozenset[str],
             lower: frozenset[str] = frozenset()) -> tuple[list[list[str]], list[int]]:
    """Feature lists and 0/1 labels for every scored gap of ``paragraphs`` (``lower``: the
    language's lower-case words, :func:`lower_words`)."""
    probe = BoundaryModel({}, 0.0, endings)
    rules = lang_rules(lang)
    xs, ys = [], []
    for p in paragraphs:
        prefix = _nonspace_prefix(p.text)
        gold = {prefix[e] for e in p.ends}
        found = gaps(p.text, 0, len(p.text), rules)
        loose = lower_starts(found, rules)
        semis = semicolon_distances(found, rules)
        for i, (offset, prev, left, right, phrase, after, run) in enumerate(found):
            if (")" in right or "]" in right) and closes_bracket(p.text, 0, offset, right, rules):
                continue  # decided by the rules, as at run time
            vote = vote_with(rules, prev, left, right, phrase, after)
            if vote is Vote.PLAIN and probe.skip_plain(left, right):
                continue
            if ruled(vote, right):
                continue  # decided by the rules, as at run time
            xs.append(features_with(rules, prev, left, right, vote, after, run, lower, loose, semis.get(i, 0)))
            ys.append(int(prefix[offset] in gold))
    return xs, ys


#: A word is one of a language's lower-case words when its training text has it in lower case
#: inside a sentence at least this often, and no more often capitalised there.
LOWER_MIN = 2
#: At most this many lower-case words a language (the most frequent).
LOWER_MAX = 4000


def lower_words(lang: str, paragraphs: list[Paragraph]) -> frozenset[str]:
    """Words that ``paragraphs`` write in lower case inside their gold sentences (not as a
    sentence's first word), for the ``lx=`` feature: a capitalised word after a gap that the
    language otherwise writes in lower case ("Manchmal", "These") starts a sentence; one it
    does not ("Kathleen", a German noun) is a name or a noun. Empty for text without case."""
    rules = lang_rules(lang)
    strip_end = rules.trailers + rules.final + ",;:"
    low: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for p in paragraphs:
        start = 0
        for end in p.ends:
            for token in p.text[start:end].split()[1:]:
                word = token.lstrip(rules.openers).rstrip(strip_end)
                if not word or not word[0].isalpha():
                    continue
                if word[0].islower():
                    low[word] += 1
                elif word[0].isupper():
                    cap[word.lower()] += 1
            start = end
    kept = [(n, w) for w, n in low.items() if n >= LOWER_MIN and n >= cap[w]]
    return frozenset(w for _n, w in sorted(kept, reverse=True)[:LOWER_MAX])


def final_syllables(lang: str, paragraphs: list[Paragraph]) -> frozenset[str]:
    """Hangul syllables after which an unpunctuated gap is worth scoring: the last letters of
    the language's sentence endings (``ko.endings.txt``) and any syllable seen before an
    unpunctuated gold boundary at least twice. Empty for text without Hangul."""
    rules = lang_rules(lang)
    counts: Counter[str] = Counter()
    for p in paragraphs:
        prefix = _nonspace_prefix(p.text)
        gold = {prefix[e] for e in p.ends}
        for offset, prev, left, right, phrase, after, _run in gaps(p.text, 0, len(p.text), rules):
            if prefix[offset] in gold and vote_with(rules, prev, left, right, phrase, after) is Vote.PLAIN:
                counts[left[-1]] += 1
    learned = {s for s, n in counts.items() if n >= 2 and "\uac00" <= s <= "\ud7a3"}
    return frozenset(learned | {ending[-1] for ending in sentence_endings(lang) if "\uac00" <= ending[-1] <= "\ud7a3"})


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
    rows_a, cols_a = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
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
    return _kept({f: float(w[j]) for f, j in vocab.items()})


#: Weights smaller than this are not stored.
WEIGHT_FLOOR = 0.01


def _kept(weights: dict[str, float]) -> dict[str, float]:
    """The weights worth storing: those of at least :data:`WEIGHT_FLOOR`, and a vote's own
    feature however small (its presence tells the segmenter that the vote was trained on; a
    vote never seen falls back to the rules)."""
    return {f: w for f, w in weights.items() if abs(w) >= WEIGHT_FLOOR or _is_vote(f)}


def _is_vote(feature: str) -> bool:
    return feature.startswith("v=") and "|" not in feature


def train(data: dict[str, list[Paragraph]], l2: float, min_count: int, threshold: float = 0.0,
          focus: str | None = None) -> BoundaryModel:
    """A boundary model from gold paragraphs of one or more languages (``{lang: paragraphs}``).

    With ``focus``, the model is for that language: its examples carry each feature twice, as
    itself (shared with the other languages) and as a copy of its own (``@f``), and the two
    weights are summed into one afterwards, so the other languages' data is a prior that the
    focus language's data corrects (feature augmentation, as for domain adaptation).
    """
    endings: frozenset[str] = frozenset().union(*(final_syllables(lang, ps) for lang, ps in data.items()))
    # Each language's lower-case words come from its own training text; only a model for one
    # language (``focus``) carries them: the generic model serves languages it has no words of.
    lowers = {lang: lower_words(lang, ps) for lang, ps in data.items()} if focus is not None else {}
    xs: list[list[str]] = []
    ys: list[int] = []
    for lang, paragraphs in data.items():
        x, y = examples(lang, paragraphs, endings, lowers.get(lang, frozenset()))
        if lang == focus:
            x = [feats + ["@" + f for f in feats] for feats in x]
        xs += x
        ys += y
    weights = fit(xs, ys, l2, min_count)
    if focus is not None:
        merged: dict[str, float] = {}
        for f, w in weights.items():
            key = f[1:] if f.startswith("@") else f
            merged[key] = merged.get(key, 0.0) + w
        weights = _kept(merged)
    return BoundaryModel(weights, threshold, endings, lower=lowers.get(focus or "", frozenset()))


def boundary_counts(lang: str, paragraphs: list[Paragraph], model: BoundaryModel | None) -> tuple[int, int, int]:
    """``(tp, fp, fn)`` of ``model`` on ``paragraphs`` (same scoring as bench/segmentation.py)."""
    rules = lang_rules(lang)
    tp = fp = fn = 0
    for p in paragraphs:
        ends = [e for s, t in paragraph_ranges(p.text) for _a, e in split_with_model(p.text, s, t, lang, model, rules)]
        gold, pred = inner_ends(p.text, p.ends), inner_ends(p.text, ends)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return tp, fp, fn


def f1(counts: tuple[int, int, int]) -> float:
    """Boundary F1 from ``(tp, fp, fn)``."""
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _add(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def cross_validated(lang: str, k: int, l2: float, min_count: int, threshold: float = 0.0,
                    scheme: str = "documents") -> list[tuple[list[Paragraph], BoundaryModel]]:
    """``(held-out fold, model trained on the other folds)`` for each of ``k`` folds
    (``scheme``: how the folds are drawn, see :func:`segmentation.folds`)."""
    blocks = folds(load(lang, "all"), k, scheme)
    others = generic_training_set(exclude=lang) if POOL else {}
    out = []
    for i, held in enumerate(blocks):
        rest = [p for j, b in enumerate(blocks) if j != i for p in b]
        out.append((held, train({**others, lang: rest}, l2, min_count, threshold, focus=lang if POOL else None)))
    return out


def generic_training_set(exclude: str | None = None) -> dict[str, list[Paragraph]]:
    """Dev paragraphs of every shippable language (but ``exclude``) for the generic model."""
    return {lang: load(lang, "all") for lang in LANGS if lang != exclude and shippable(lang)}


#: Differences from the generic weights smaller than this are not stored.
DELTA_FLOOR = 0.05


def stored_differences(model: BoundaryModel, generic: BoundaryModel) -> BoundaryModel:
    """``model`` as differences from ``generic`` (what a language's weight file holds)."""
    keys = set(model.weights) | set(generic.weights)
    deltas = {k: model.weights.get(k, 0.0) - generic.weights.get(k, 0.0) for k in keys}
    kept = {k: d for k, d in deltas.items() if abs(d) >= DELTA_FLOOR}
    return BoundaryModel(kept, model.threshold, model.endings - generic.endings, GENERIC, model.lower)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--langs", nargs="+", default=list(LANGS), choices=LANGS)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.0,
                        help="decision threshold on the summed weights (default: 0)")
    parser.add_argument("--cv", type=int, metavar="K",
                        help="write nothing; report held-out boundary F1 (rules alone, K-fold "
                             "cross-validation, generic model with the language left out)")
    args = parser.parse_args(argv)
    if args.cv:
        print(f"{'lang':4} {'ship':>4} {'rules':>6} {'cv' + str(args.cv):>6} {'generic':>7}   (boundary F1, held out)")
        for lang in args.langs:
            paragraphs = load(lang, "all")
            rules_f1 = f1(boundary_counts(lang, paragraphs, None))
            cv = (0, 0, 0)
            for held, model in cross_validated(lang, args.cv, args.l2, args.min_count, args.threshold):
                cv = _add(cv, boundary_counts(lang, held, model))
            generic = train(generic_training_set(exclude=lang), args.l2, args.min_count, args.threshold)
            gen_f1 = f1(boundary_counts(lang, paragraphs, generic))
            print(f"{lang:4} {'yes' if shippable(lang) else 'no':>4} {rules_f1:6.3f} {f1(cv):6.3f} {gen_f1:7.3f}", flush=True)
        return 0
    provenance = (f"trained by bench/train_segmenter.py (--l2 {args.l2} --min-count {args.min_count} "
                  f"--threshold {args.threshold})")
    data = generic_training_set()
    generic = train(data, args.l2, args.min_count, args.threshold)
    comment = (f"aligner generic boundary weights: logistic regression on the gap features of\n"
               f"aligner.segment.rules, {provenance}\non the dev splits of "
               + ", ".join(treebank(lang) for lang in data) + "; see LICENSE.txt beside this file.")
    (OUT / f"{GENERIC}.weights.tsv").write_text(format_weights(generic, comment), "utf-8")
    print(f"{GENERIC}: {len(generic.weights)} weights written ({', '.join(data)})")
    for lang in args.langs:
        if not shippable(lang):
            print(f"{lang}: {treebank(lang)} is non-commercial: no weights of its own (the generic ones serve)")
            continue
        data = {**generic_training_set(exclude=lang), lang: load(lang, "all")}
        model = train(data, args.l2, args.min_count, args.threshold, focus=lang)
        deltas = stored_differences(model, generic)
        comment = (f"aligner boundary weights for {lang}, as differences from generic.weights.tsv (under\n"
                   f"{DELTA_FLOOR}: dropped): logistic regression on the gap features of aligner.segment.rules,\n"
                   f"{provenance}\non the dev split of {treebank(lang)} (its own copy of every feature) and of the "
                   "other shippable\ntreebanks (shared copy): "
                   + ", ".join(treebank(other) for other in data if other != lang)
                   + ";\nsee LICENSE.txt beside this file.")
        (OUT / f"{lang}.weights.tsv").write_text(format_weights(deltas, comment), "utf-8")
        print(f"{lang}: {len(deltas.weights)} weight differences written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
