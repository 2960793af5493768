"""Benchmark ``aligner compare-set``: translation-pair detection and cost scaling.

Accuracy: random shuffled folders of NTREX dev news (English and Indonesian, neutral file
names, copied to a temporary directory): precision / recall of the reported translation
pairs, and how known same-story pairs (different articles) are classified.

Scaling: folders of 25 .. 200 documents (NTREX en + id, plus Universal Dependencies
paragraphs grouped into pseudo-documents as unrelated filler): wall time per stage and how
many full comparisons ran.

Usage (from the repository root)::

    python bench/compare_set.py accuracy --folders 10 --seed 1
    python bench/compare_set.py scaling --sizes 25 50 100 200
    python bench/compare_set.py multi --stories 5 --langs en,de,ko,fi,hi [--encoder use]

Reads ``../shared/data`` (relative to the repository root); writes nothing to the repo.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from itertools import combinations
from pathlib import Path

import aligner
from aligner.compare.multiset import compare_set

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
NTREX = DATA / "alignment" / "ntrex-dev"
#: The same NTREX documents, 1-1, with about a quarter of the Indonesian lines corrupted.
NTREX_DIVERGENT = DATA / "divergence" / "ntrex-dev"
#: Different articles on one story in NTREX dev (checked by reading them): expected "related".
SAME_STORY = [("cnn.304478", "newsweek.51339"), ("newsweek.51328", "cnn.304489")]


def _names() -> list[str]:
    return sorted(p.stem for p in NTREX.glob("*.enid"))


def _as_article(lines: list[str], layout: str, rng: random.Random) -> str:
    """Join one-sentence lines as an article: kept as lines, or 2-4 sentences per paragraph."""
    if layout == "lines":
        return "\n".join(lines) + "\n"
    paragraphs, k = [], 0
    while k < len(lines):
        size = rng.randint(2, 4)
        paragraphs.append(" ".join(lines[k : k + size]))
        k += size
    return "\n\n".join(paragraphs) + "\n"


def _folder(tmp: Path, items: list[tuple[str, str]], layout: str, rng: random.Random,
            id_source: Path = NTREX) -> dict[Path, tuple[str, str]]:
    """Write ``(name, lang)`` documents under neutral shuffled names; returns path -> item."""
    items = list(items)
    rng.shuffle(items)
    out = {}
    for k, (name, lang) in enumerate(items):
        source = id_source if lang == "id" else NTREX
        lines = (source / f"{name}.{lang}").read_text("utf-8").splitlines()
        path = tmp / f"doc{k:03d}.txt"
        path.write_text(_as_article([l for l in lines if l.strip()], layout, rng), "utf-8")
        out[path] = (name, lang)
    return out


def accuracy(folders: int, seed: int, per_lang: int, unpaired: int, layout: str,
             divergent: bool = False) -> dict[str, object]:
    """Precision / recall of translation pairs over ``folders`` random folders.

    With ``divergent``, the Indonesian side comes from the divergence set (numbers, names,
    clauses changed, sentences replaced by other articles' in about a quarter of the lines).
    """
    rng = random.Random(seed)
    names = _names()
    if divergent:
        names = [n for n in names if (NTREX_DIVERGENT / f"{n}.id").exists()]
    tp = fp = fn = 0
    gold_cov: list[float] = []
    other_cov: list[float] = []
    relations: dict[str, int] = {}
    per_folder = []
    for _ in range(folders):
        chosen = rng.sample(names, per_lang + unpaired)
        paired, single = chosen[:per_lang - unpaired], chosen[per_lang - unpaired:]
        items = [(n, "en") for n in paired] + [(n, "id") for n in paired]
        items += [(n, "en") for n in single[:unpaired]] + [(n, "id") for n in single[unpaired : 2 * unpaired]]
        with tempfile.TemporaryDirectory() as d:
            files = _folder(Path(d), items, layout, rng, NTREX_DIVERGENT if divergent else NTREX)
            paths = sorted(files)
            docs = [aligner.load(p) for p in paths]
            sc = compare_set(docs)
            found = {(paths[p.a], paths[p.b]) for p in sc.by_relation("translation")}
        gold = {(a, b) for a, b in combinations(paths, 2) if files[a][0] == files[b][0]}
        f_tp, f_fp, f_fn = len(found & gold), len(found - gold), len(gold - found)
        tp, fp, fn = tp + f_tp, fp + f_fp, fn + f_fn
        for p in sc.pairs:
            cov = p.evidence.coverage or 0.0
            if (paths[p.a], paths[p.b]) not in gold:
                relations[p.relation] = relations.get(p.relation, 0) + 1
                other_cov.append(cov)
            else:
                gold_cov.append(cov)
        per_folder.append({"tp": f_tp, "fp": f_fp, "fn": f_fn, "full_comparisons": sc.stats.full_comparisons,
                           "candidates": sc.stats.candidates})
    return {
        "folders": folders, "seed": seed, "layout": layout, "divergent_id": divergent, "docs_per_folder": 2 * per_lang,
        "unpaired_per_lang": unpaired, "tp": tp, "fp": fp, "fn": fn,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
        "non_translation_pairs_by_relation": dict(sorted(relations.items())),
        "coverage_min_translation": round(min(gold_cov), 4) if gold_cov else None,
        "coverage_max_other": round(max(other_cov), 4) if other_cov else None,
        "per_folder": per_folder,
    }


def same_story() -> list[dict[str, object]]:
    """How known same-story article pairs (not translations) are classified, en-en and en-id."""
    out = []
    for a, b in SAME_STORY:
        for la, lb in (("en", "en"), ("en", "id")):
            docs = [aligner.load(NTREX / f"{a}.{la}"), aligner.load(NTREX / f"{b}.{lb}")]
            p = compare_set(docs).pairs[0]
            out.append({"a": f"{a}.{la}", "b": f"{b}.{lb}", "relation": p.relation, "similarity": p.similarity,
                        "cosine": p.evidence.cosine, "coverage": p.evidence.coverage,
                        "shared_names": list(p.evidence.shared_names)})
    return out


def _filler(rng: random.Random, count: int, tmp: Path) -> list[Path]:
    """Pseudo-documents of 8 consecutive UD paragraphs in six languages (unrelated to the news)."""
    paths = []
    for lang in ("en", "id", "de", "ko", "zh", "ja"):
        rows = [json.loads(l)["text"] for l in (DATA / "segmentation" / f"{lang}.dev.jsonl").read_text("utf-8").splitlines()]
        for k in range(0, len(rows) - 8, 8):
            p = tmp / f"filler-{lang}-{k:05d}.txt"
            p.write_text("\n\n".join(rows[k : k + 8]) + "\n", "utf-8")
            paths.append(p)
    rng.shuffle(paths)
    if len(paths) < count:
        raise SystemExit(f"only {len(paths)} filler documents, {count} needed")
    return paths[:count]


def scaling(sizes: list[int], seed: int) -> list[dict[str, object]]:
    """Wall time and full comparisons for folders of each size (half NTREX en/id, half filler).

    The folders are nested (each size adds documents to the previous one); the encoder's
    vector cache is emptied between sizes, so every size encodes from scratch. Encoding is
    timed apart from the rest of ``compare_set`` (screening, sentence evidence, full
    comparisons, story matrices); wall and CPU seconds of this process are both reported,
    with the 1-minute load average (on a shared machine wall time is noisy).
    """
    from aligner.embed import get_encoder

    rng = random.Random(seed)
    names = _names()
    results = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        news = []
        for n in names:
            news += [NTREX / f"{n}.en", NTREX / f"{n}.id"]
        filler = _filler(rng, max(size - min(len(news), size // 2) for size in sizes), tmp)
        enc = get_encoder("use")
        for size in sizes:
            n_news = min(len(news), size // 2)
            paths = news[:n_news] + filler[: size - n_news]
            t0, c0 = time.perf_counter(), time.process_time()
            docs = [aligner.load(p) for p in paths]
            t1, c1 = time.perf_counter(), time.process_time()
            enc.encode([doc.sentence_text(i) for doc in docs for i in doc.content_indices])
            t2, c2 = time.perf_counter(), time.process_time()
            sc = compare_set(docs, encoder=enc)
            t3, c3 = time.perf_counter(), time.process_time()
            results.append({
                "documents": len(docs), "sentences": sum(len(doc.content_indices) for doc in docs),
                "pairs": sc.stats.pairs, "candidates": sc.stats.candidates,
                "full_comparisons": sc.stats.full_comparisons,
                "translation_pairs": len(sc.by_relation("translation")),
                "translation_pairs_correct": sum(
                    1 for p in sc.by_relation("translation")
                    if paths[p.a].parent == NTREX and paths[p.b].parent == NTREX and paths[p.a].stem == paths[p.b].stem),
                "translation_pairs_gold": n_news // 2,
                "load_s": round(t1 - t0, 2), "encode_s": round(t2 - t1, 2), "compare_set_s": round(t3 - t2, 2),
                "load_cpu_s": round(c1 - c0, 2), "encode_cpu_s": round(c2 - c1, 2),
                "compare_set_cpu_s": round(c3 - c2, 2), "loadavg_1min": round(os.getloadavg()[0], 1),
            })
            print(json.dumps(results[-1]), flush=True)
            enc._cache.clear()  # type: ignore[attr-defined]  # next size encodes from scratch
    return results


MULTI = DATA / "alignment" / "ntrex-multi-dev"


def multi(stories: int, langs: list[str], seed: int, encoder: str) -> dict:
    """One folder of ``stories`` NTREX-multi stories, each in every language of ``langs``
    (English from en-de, the others from their en-X pair; one sentence a line): are the
    versions of each story grouped together (translation pairs found), and what are the
    pairs of different stories called?"""
    names = sorted({p.stem for p in (MULTI / "en-de").glob("*.en")})
    have = [n for n in names if all((MULTI / f"en-{lang}" / f"{n}.{lang}").exists() for lang in langs if lang != "en")]
    chosen = random.Random(seed).sample(have, stories)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, n in enumerate(chosen):
            for lang in langs:
                src = MULTI / ("en-de" if lang == "en" else f"en-{lang}") / f"{n}.{lang}"
                dst = Path(tmp) / f"doc{k:02d}-{lang}.txt"
                dst.write_text(src.read_text("utf-8"), "utf-8")
                paths.append(str(dst))
        t0 = time.time()
        result = aligner.compare_set_files(paths, encoder=encoder, presegmented=True)
        wall = time.time() - t0
    story = [Path(d.path).name.split("-")[0] for d in result.documents]
    truth = {(a, b) for a, b in combinations(range(len(story)), 2) if story[a] == story[b]}
    found = {(min(p.a, p.b), max(p.a, p.b)) for p in result.pairs if p.relation == "translation"}
    cross = [p.relation for p in result.pairs if story[p.a] != story[p.b]]
    return {"encoder": result.encoder, "documents": len(paths), "langs": langs,
            "translation_precision": len(found & truth) / max(len(found), 1),
            "translation_recall": len(found & truth) / max(len(truth), 1),
            "groups": sorted(len(g) for g in result.groups),
            "cross_story_pairs": len(cross), "cross_story_related": cross.count("related"),
            "wall_s": round(wall, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="mode", required=True)
    a = sub.add_parser("accuracy")
    a.add_argument("--folders", type=int, default=10)
    a.add_argument("--seed", type=int, default=1)
    a.add_argument("--per-lang", type=int, default=12, help="documents per language in a folder")
    a.add_argument("--unpaired", type=int, default=0, help="documents per language without their translation")
    a.add_argument("--layout", choices=("lines", "paragraphs"), default="paragraphs")
    a.add_argument("--divergent", action="store_true",
                   help="take the Indonesian side from divergence/ntrex-dev (corrupted translations)")
    m = sub.add_parser("multi", help="versions of NTREX-multi stories in several languages in one folder")
    m.add_argument("--stories", type=int, default=5)
    m.add_argument("--langs", default="en,de,ko,fi,hi", help="comma-separated; fi, hi: languages USE was not trained on")
    m.add_argument("--seed", type=int, default=1)
    m.add_argument("--encoder", default="auto", help="fingerprint encoder (default: auto)")
    s = sub.add_parser("scaling")
    s.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200])
    s.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not NTREX.is_dir():
        raise SystemExit(f"missing dev data: {NTREX}")
    if args.mode == "multi":
        print(json.dumps(multi(args.stories, args.langs.split(","), args.seed, args.encoder), indent=1))
    elif args.mode == "accuracy":
        result = accuracy(args.folders, args.seed, args.per_lang, args.unpaired, args.layout, args.divergent)
        result["same_story"] = same_story()
        result.pop("per_folder")
        print(json.dumps(result, indent=1))
    else:
        scaling(args.sizes, args.seed)


if __name__ == "__main__":
    main()
