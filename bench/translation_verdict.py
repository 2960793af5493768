"""The document verdict "not a translation": how often it is right, per language pair.

Data: the divergence dev sets (``../shared/data/divergence``, as ``bench/divergence.py`` reads
them) or a probe folder of the same layout (``bench/synth_divergence.py --out D``). Every
document NAME is compared twice, as ``aligner compare NAME.en NAME.L2 --presegmented`` does:

* with its own translation (a real translation, some lines corrupted as the set's labels say):
  the verdict must not be ``not a translation``;
* with the translation of the next document of the same pair (another news story in the
  same two languages): the verdict should be ``not a translation``.

Reported per pair: real documents called "not a translation" (false alarms), mismatched
documents called so (recall), and mismatched documents that get neither that verdict nor
``unfaithful`` (missed entirely). Vectors are cached as in ``bench/divergence.py`` (``--cache``);
a mismatched pair reuses the sentence vectors of the real ones.

Usage:
    python bench/translation_verdict.py [--data D] [--pairs en-de,en-id] [--start K] [--limit N] [--cache C] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from divergence import DiskCache, chosen_folders, data_arguments, documents, install_cache  # noqa: E402

NOT_A_TRANSLATION = "not a translation"


def comparisons(folder: Path, pair: str, names: list[str]) -> tuple[list[Any], list[Any]]:
    """The comparison of every real pair and of every mismatched pair (document i's source
    with document i+1's target), in ``names`` order."""
    import aligner

    src_lang, tgt_lang = pair.split("-")
    src = [aligner.load(folder / f"{n}.{src_lang}", src_lang, presegmented=True) for n in names]
    tgt = [aligner.load(folder / f"{n}.{tgt_lang}", tgt_lang, presegmented=True) for n in names]
    real = [aligner.compare(s, t) for s, t in zip(src, tgt)]
    mismatched = [aligner.compare(src[i], tgt[(i + 1) % len(names)]) for i in range(len(names))]
    return real, mismatched


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table."""
    p = data_arguments(argparse.ArgumentParser(description=__doc__.splitlines()[0]),
                       dump="pickle the comparisons here ({pair: (real, mismatched)})")
    p.add_argument("--start", type=int, default=0, help="skip the first N documents of each pair (before --limit)")
    args = p.parse_args(argv)
    folders = chosen_folders(args.data, args.pairs)
    if folders is None:
        return 2
    cache = DiskCache(args.cache)
    install_cache(cache, ["use", "e5"])
    rows: dict[str, dict[str, Any]] = {}
    dumped: dict[str, tuple[list[Any], list[Any]]] = {}
    t0 = time.perf_counter()
    for pair, folder in folders.items():
        names = documents(folder)[args.start:][: args.limit or None]
        if len(names) < 2:
            continue
        t1 = time.perf_counter()
        dumped[pair] = comparisons(folder, pair, names)
        cache.save()
        real, mismatched = ([c.verdict for c in side] for side in dumped[pair])
        rows[pair] = {
            "documents": len(names),
            "real_not_translation": sum(v == NOT_A_TRANSLATION for v in real),
            "mismatched_not_translation": sum(v == NOT_A_TRANSLATION for v in mismatched),
            "mismatched_missed": sum(v not in (NOT_A_TRANSLATION, "unfaithful") for v in mismatched),
            "seconds": round(time.perf_counter() - t1, 1),
        }
        print(f"{pair}: {rows[pair]}", file=sys.stderr)
    print(f"\nVerdict 'not a translation', {time.perf_counter() - t0:.0f} s\n")
    print("| pair | documents | real ones called not a translation | mismatched ones called so | "
          "mismatched ones neither that nor unfaithful |")
    print("|---|---:|---:|---:|---:|")
    for pair, r in rows.items():
        n = r["documents"]
        print(f"| {pair} | {n} | {r['real_not_translation']} | {r['mismatched_not_translation']} "
              f"({r['mismatched_not_translation'] / n:.0%}) | {r['mismatched_missed']} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", "utf-8")
    if args.dump:
        args.dump.write_bytes(pickle.dumps(dumped, protocol=4))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
