"""Divergence flags and fidelity per language pair, on NTREX-128 documents with corrupted lines.

Data: ``../shared/data/divergence/ntrex-dev/`` (en-id) and every folder of
``../shared/data/divergence/ntrex-multi-dev/`` (``en-de``, ``en-ko``, ...): ``NAME.en``, the
target ``NAME.L2`` and ``NAME.labels`` (``line<TAB>label`` for every target line).

Each document is compared as ``aligner compare NAME.en NAME.L2 --presegmented`` does (public
API, one process; ``--one-to-one`` puts the known 1-1 beads in place of the aligner's). For
every pair the script reports:

* *detection*: share of corrupted target lines on a bead with a flag above ``info``; *typed*:
  share with a flag whose type fits the label;
* *clean flagged*: share of clean (``ok``) lines on a bead with a ``minor`` or ``major``
  divergence flag (the types of ``FITS``, ``wrong_language``, ``truncation``: not the QA
  checks'), with any minor or major flag (QA checks too), and with any flag (``info`` notes
  included);
* *AUC*: ROC-AUC of ``1 - fidelity`` between corrupted and clean lines (a line takes its
  bead's fidelity), and the same for ``1 - raw cosine`` of the fidelity encoder (the baseline
  a calibrated fidelity has to beat);
* the median fidelity of clean lines.

``--lopo`` refits the fidelity model (``bench/fit_fidelity.py``'s fit) on all pairs but one and
reports the held-out pair with it (leave-one-pair-out); ``--cv`` does the same by two-fold
cross-validation over documents (even / odd names within every pair).

Embeddings are cached on disk (``--cache``, default ``/work/cache/fidelity`` or
``$ALIGNER_BENCH_CACHE``), so reruns only pay for scoring.

Usage:
    python bench/divergence.py [--pairs en-de,en-id] [--one-to-one] [--lopo] [--cv] [--limit N] [--json OUT]
"""

from __future__ import annotations

import argparse
import copyreg
import hashlib
import json
import os
import pickle
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np



def _proxy(d: dict[Any, Any]) -> Any:
    """A read-only mapping again (unpickling)."""
    return MappingProxyType(d)


# Comparisons hold read-only mappings; let --dump pickle them as the dicts they wrap.
copyreg.pickle(MappingProxyType, lambda m: (_proxy, (dict(m),)))  # type: ignore[arg-type]

REPO = Path(__file__).resolve().parent.parent
DATA = next((d / "shared" / "data" / "divergence" for d in (REPO.parent, REPO.parent.parent)
             if (d / "shared" / "data" / "divergence").is_dir()), REPO.parent / "shared" / "data" / "divergence")
DEFAULT_CACHE = Path(os.environ.get("ALIGNER_BENCH_CACHE", "/work/cache/fidelity"))

#: label -> flag types that count as typed.
FITS: dict[str, set[str]] = {
    "number": {"number_mismatch"},
    "entity": {"entity_mismatch"},
    "clause_omission": {"partial_omission", "omission", "truncation"},
    "clause_addition": {"partial_addition", "addition"},
    "untranslated": {"untranslated"},
    "unrelated": {"mistranslation", "omission", "addition"},
}


def pair_folders(data: Path = DATA) -> dict[str, Path]:
    """``{"en-id": folder, "en-de": folder, ...}`` for every dev pair present."""
    out = {}
    if (data / "ntrex-dev").is_dir():
        out["en-id"] = data / "ntrex-dev"
    multi = data / "ntrex-multi-dev"
    if multi.is_dir():
        for p in sorted(multi.iterdir()):
            if p.is_dir() and "-" in p.name:
                out[p.name] = p
    return out


def data_arguments(p: argparse.ArgumentParser, dump: str) -> argparse.ArgumentParser:
    """``p`` with the options every divergence-set benchmark takes: ``--data``, ``--pairs``,
    ``--limit``, ``--cache``, ``--json`` and ``--dump`` (its help text ``dump``)."""
    p.add_argument("--data", type=Path, default=DATA, help="folder holding ntrex-dev/ and ntrex-multi-dev/")
    p.add_argument("--pairs", default="", help="comma-separated pairs (default: all found)")
    p.add_argument("--limit", type=int, default=0, help="only the first N documents of each pair")
    p.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    p.add_argument("--json", type=Path, help="write the figures here as JSON")
    p.add_argument("--dump", type=Path, help=dump)
    return p


def chosen_folders(data: Path, pairs: str) -> dict[str, Path] | None:
    """:func:`pair_folders` of ``data``, only the comma-separated ``pairs`` when given; ``None``
    (after a line on stderr) when a pair asked for, or any pair at all, has no data there."""
    folders = pair_folders(data)
    if pairs:
        wanted = pairs.split(",")
        missing = [w for w in wanted if w not in folders]
        if missing:
            print(f"no data for {missing} under {data}", file=sys.stderr)
            return None
        folders = {k: folders[k] for k in wanted}
    if not folders:
        print(f"no data at {data}", file=sys.stderr)
        return None
    return folders


def documents(folder: Path) -> list[str]:
    """Names of the documents in ``folder`` (those with a ``.labels`` file), sorted."""
    return sorted(p.name[: -len(".labels")] for p in folder.glob("*.labels"))


def labels_of(folder: Path, name: str) -> list[str]:
    """The label of every target line."""
    return [line.split("\t")[1].strip() for line in (folder / f"{name}.labels").read_text("utf-8").splitlines()
            if line.strip()]


# ---------------------------------------------------------------- embedding cache


class DiskCache:
    """Vectors by (encoder, text hash), loaded once and written back at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.tables: dict[str, dict[str, np.ndarray]] = {}
        self.dirty: set[str] = set()

    def table(self, name: str) -> dict[str, np.ndarray]:
        if name not in self.tables:
            path = self.folder / f"emb-{name}.pkl"
            self.tables[name] = pickle.loads(path.read_bytes()) if path.exists() else {}
        return self.tables[name]

    def wrap(self, name: str, batch_fn: Callable[[list[str]], np.ndarray]) -> Callable[[list[str]], np.ndarray]:
        table = self.table(name)

        def cached(batch: list[str]) -> np.ndarray:
            keys = [hashlib.sha1(t.encode("utf-8", "surrogatepass")).hexdigest() for t in batch]
            todo = [t for t, k in zip(batch, keys) if k not in table]
            if todo:
                vecs = np.asarray(batch_fn(todo), dtype=np.float32)
                for t, v in zip(todo, vecs):
                    table[hashlib.sha1(t.encode("utf-8", "surrogatepass")).hexdigest()] = v
                self.dirty.add(name)
            return np.stack([table[k] for k in keys])

        return cached

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in self.dirty:
            tmp = self.folder / f"emb-{name}.pkl.tmp"
            tmp.write_bytes(pickle.dumps(self.tables[name], protocol=4))
            tmp.replace(self.folder / f"emb-{name}.pkl")
        self.dirty.clear()


def install_cache(cache: DiskCache, names: Sequence[str]) -> None:
    """Route the named encoders' batches through ``cache`` (bench only: wraps the raw batch function)."""
    from aligner.embed import get_encoder

    for name in names:
        enc = get_encoder(name)
        fn = getattr(enc, "_batch_fn", None)
        if fn is not None and not getattr(fn, "_disk_cached", False):
            wrapped = cache.wrap(name, fn)
            wrapped._disk_cached = True  # type: ignore[attr-defined]
            enc._batch_fn = wrapped  # type: ignore[union-attr]


# ---------------------------------------------------------------- running the comparisons


def compare_pair(folder: Path, pair: str, names: Sequence[str], one_to_one: bool,
                 config: Any = None) -> dict[str, Any]:
    """``{name: Comparison}`` for the documents ``names`` of one pair."""
    import aligner
    from aligner.align.model import Alignment, Bead
    from aligner.compare import pair as pair_mod

    src_lang, tgt_lang = pair.split("-")
    out = {}
    original = pair_mod.align
    try:
        for name in names:
            src = aligner.load(folder / f"{name}.{src_lang}", src_lang, presegmented=True)
            tgt = aligner.load(folder / f"{name}.{tgt_lang}", tgt_lang, presegmented=True)
            if one_to_one:
                gold = Alignment(tuple(Bead((i,), (i,)) for i in range(len(src))), len(src), len(tgt))
                pair_mod.align = lambda s, t, c, gold=gold: gold  # type: ignore[misc]
            out[name] = aligner.compare(src, tgt) if config is None else aligner.compare(src, tgt, config=config)
    finally:
        pair_mod.align = original  # type: ignore[assignment]
    return out


def line_view(comparison: Any, n_lines: int) -> list[tuple[list[tuple[str, str]], float, float | None]]:
    """For each target line: the flags ``(type, severity)`` of its bead, its fidelity and raw cosine."""
    out: list[tuple[list[tuple[str, str]], float, float | None]] = [([], 0.0, None) for _ in range(n_lines)]
    for bead, score, flags in zip(comparison.alignment.beads, comparison.scores, comparison.flags):
        ev = score.evidence
        sim = ev.similarity if ev is not None else None
        for j in bead.tgt:
            if j < n_lines:
                out[j] = ([(f.type, f.severity) for f in flags], float(score.fidelity), sim)
    return out


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """ROC-AUC that a positive scores above a negative (ties count one half)."""
    if not pos or not neg:
        return float("nan")
    a = np.asarray(pos, dtype=float)
    b = np.asarray(neg, dtype=float)
    allv = np.concatenate([a, b])
    order = allv.argsort(kind="mergesort")
    ranks = np.empty(len(allv))
    sorted_v = allv[order]
    i = 0
    while i < len(allv):
        j = i
        while j + 1 < len(allv) and sorted_v[j + 1] == sorted_v[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1
        i = j + 1
    r = ranks[: len(a)].sum()
    return float((r - len(a) * (len(a) + 1) / 2) / (len(a) * len(b)))


def score_lines(per_doc: dict[str, tuple[list[str], list[tuple[list[tuple[str, str]], float, float | None]]]]
                ) -> dict[str, Any]:
    """The figures of one pair (see the module docstring)."""
    n: Counter[str] = Counter()
    det: Counter[str] = Counter()
    typed: Counter[str] = Counter()
    divergence_types = set().union(*FITS.values()) | {"wrong_language", "truncation"}
    clean_any = clean_flag = clean_div = 0
    on_clean: Counter[str] = Counter()
    fid_pos: list[float] = []
    fid_neg: list[float] = []
    cos_pos: list[float] = []
    cos_neg: list[float] = []
    clean_fid: list[float] = []
    for labels, lines in per_doc.values():
        for label, (flags, fid, sim) in zip(labels, lines):
            n[label] += 1
            real = [t for t, sev in flags if sev != "info"]
            cos = sim if sim is not None else 0.0
            if label == "ok":
                clean_any += bool(flags)
                clean_flag += bool(real)
                clean_div += any(t in divergence_types for t in real)
                on_clean.update(set(real))
                fid_neg.append(1 - fid)
                cos_neg.append(1 - cos)
                clean_fid.append(fid)
                continue
            det[label] += bool(real)
            typed[label] += any(t in FITS.get(label, set()) for t in real)
            fid_pos.append(1 - fid)
            cos_pos.append(1 - cos)
    kinds = sorted(k for k in n if k != "ok")
    corrupted = sum(n[k] for k in kinds)
    return {
        "kinds": {k: {"n": n[k], "detected": det[k] / n[k], "typed": typed[k] / n[k]} for k in kinds},
        "corrupted": corrupted,
        "detection": sum(det.values()) / corrupted if corrupted else 0.0,
        "typed": sum(typed.values()) / corrupted if corrupted else 0.0,
        "clean_lines": n["ok"],
        "clean_flagged": clean_flag / n["ok"] if n["ok"] else 0.0,
        "clean_flagged_any": clean_any / n["ok"] if n["ok"] else 0.0,
        "clean_flagged_divergence": clean_div / n["ok"] if n["ok"] else 0.0,
        "auc": auc(fid_pos, fid_neg),
        "auc_cosine": auc(cos_pos, cos_neg),
        "median_clean_fidelity": float(np.median(clean_fid)) if clean_fid else float("nan"),
        "flag_types_on_clean": dict(sorted(on_clean.items())),
    }


def per_doc_view(comparisons: dict[str, Any], labels: dict[str, list[str]]) -> dict[str, Any]:
    """``{name: (labels, line_view)}``."""
    return {n: (labels[n], line_view(c, len(labels[n]))) for n, c in comparisons.items()}


def print_pairs(title: str, results: dict[str, dict[str, Any]]) -> None:
    """One Markdown row per pair."""
    print(f"\n{title}\n")
    print("| pair | corrupted lines | detection | typed | clean flagged (divergence flags) | clean flagged (minor/major, "
          "QA checks too) | clean flagged (any) | AUC 1-fidelity | AUC 1-cosine | median clean fidelity |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for pair, r in results.items():
        print(f"| {pair} | {r['corrupted']} | {r['detection']:.3f} | {r['typed']:.3f} | "
              f"{r['clean_flagged_divergence']:.3f} | {r['clean_flagged']:.3f} | "
              f"{r['clean_flagged_any']:.3f} | {r['auc']:.3f} | {r['auc_cosine']:.3f} | {r['median_clean_fidelity']:.3f} |")
    meds = [r["median_clean_fidelity"] for r in results.values()]
    if meds:
        print(f"\nspread of median clean fidelity across pairs: {max(meds) - min(meds):.3f}")
    for pair, r in results.items():
        print(f"- {pair}: by kind " + ", ".join(f"{k} {v['detected']:.2f}/{v['typed']:.2f}" for k, v in r["kinds"].items())
              + f"; flags on clean lines {r['flag_types_on_clean']}")


def rescored(comparisons: dict[str, Any], settings: Any) -> dict[str, Any]:
    """The comparisons scored and flagged again with other fidelity settings (no re-encoding)."""
    from aligner.compare.pair import rescore

    return {n: rescore(c, settings) for n, c in comparisons.items()}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print Markdown tables."""
    p = data_arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]),
                       dump="pickle the comparisons here (for bench/fit_fidelity.py)")
    p.add_argument("--one-to-one", action="store_true", help="the known 1-1 beads instead of the aligner's")
    p.add_argument("--lopo", action="store_true", help="leave-one-pair-out refits of the fidelity model")
    p.add_argument("--cv", action="store_true", help="two-fold document cross-validation of the fidelity model")
    args = p.parse_args(argv)
    folders = chosen_folders(args.data, args.pairs)
    if folders is None:
        return 2
    from aligner.config import DEFAULT_CONFIG

    cache = DiskCache(args.cache)
    names = {DEFAULT_CONFIG.encoder, DEFAULT_CONFIG.fidelity_encoder or ""} - {"none", "auto", ""}
    install_cache(cache, sorted(names | ({"use", "e5"} if DEFAULT_CONFIG.encoder == "auto" else set())))
    all_cmp: dict[str, dict[str, Any]] = {}
    all_labels: dict[str, dict[str, list[str]]] = {}
    results: dict[str, dict[str, Any]] = {}
    t0 = time.perf_counter()
    for pair, folder in folders.items():
        names = documents(folder)[: args.limit or None]
        labels = {n: labels_of(folder, n) for n in names}
        t1 = time.perf_counter()
        comparisons = compare_pair(folder, pair, names, args.one_to_one)
        cache.save()
        all_cmp[pair], all_labels[pair] = comparisons, labels
        results[pair] = score_lines(per_doc_view(comparisons, labels))
        results[pair]["seconds"] = round(time.perf_counter() - t1, 1)
        print(f"{pair}: {len(names)} documents in {results[pair]['seconds']} s", file=sys.stderr)
    elapsed = time.perf_counter() - t0
    mode = "known 1-1 beads" if args.one_to_one else "aligner beads"
    print_pairs(f"Shipped settings, {mode}, {elapsed:.0f} s", results)
    out: dict[str, Any] = {"shipped": results}
    if args.dump:
        args.dump.write_bytes(pickle.dumps({"comparisons": all_cmp, "labels": all_labels}, protocol=4))
    if args.lopo or args.cv:
        sys.path.insert(0, str(REPO / "bench"))
        from fit_fidelity import fit_settings

        if args.lopo:
            held: dict[str, dict[str, Any]] = {}
            for pair in all_cmp:
                train = {p: all_cmp[p] for p in all_cmp if p != pair}
                settings = fit_settings(train, {p: all_labels[p] for p in train})
                held[pair] = score_lines(per_doc_view(rescored(all_cmp[pair], settings), all_labels[pair]))
            print_pairs("Leave-one-pair-out (fidelity model and thresholds fitted on the other pairs)", held)
            out["lopo"] = held
        if args.cv:
            cv: dict[str, dict[str, Any]] = {}
            folds: list[dict[str, dict[str, Any]]] = [{}, {}]
            for pair, cmps in all_cmp.items():
                names = sorted(cmps)
                for k in range(2):
                    folds[k][pair] = {n: cmps[n] for n in names[k::2]}
            per_pair: dict[str, dict[str, Any]] = {p: {} for p in all_cmp}
            for k in range(2):
                settings = fit_settings(folds[k], all_labels)
                for pair, cmps in folds[1 - k].items():
                    per_pair[pair].update(per_doc_view(rescored(cmps, settings), all_labels[pair]))
            for pair in all_cmp:
                cv[pair] = score_lines(per_pair[pair])
            print_pairs("Two-fold document cross-validation (fitted on one half of every pair's documents)", cv)
            out["cv"] = cv
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    import divergence  # the same code as a module, so that --dump pickles name divergence._proxy

    raise SystemExit(divergence.main())
