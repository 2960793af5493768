"""Short texts: the opening of every dev document, aligned on its own.

    .venv/bin/python bench/short_documents.py --cached                      # 2, 3 and 5 beads
    .venv/bin/python bench/short_documents.py --cached --beads 3 --sets ntrex-multi:en-fi

A user's first try is often a paragraph, not an article. For every document of the chosen
sets (default: NTREX en-id and the fourteen NTREX-multi pairs) the script cuts the first K
gold beads that have sentences on both sides (the headline and the first sentences, where no
sentence of the prefix belongs to a later bead), aligns that prefix as a whole document with
each system, and prints per set and K the pooled strict F1 of every system, and how many
prefixes the aligner scores below the better of the two length-based peers (nltk
``gale_church``, ``galechurch``). ``--cached`` takes the vectors from the bench cache of
``_aligndata`` (the prefixes hold the documents' own sentences, so every one is cached).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aligndata import Doc, expand_sets, load_set  # noqa: E402
from alignment import LENGTH_PEERS, _doc_margins, run_system  # noqa: E402

from aligner.align.evaluate import score_alignments  # noqa: E402

def prefix(doc: Doc, k: int) -> Doc | None:
    """The document cut after its first ``k`` gold beads with sentences on both sides, with
    the 1-0 / 0-1 beads among them; ``None`` where the prefix is not a closed block (a sentence
    of it belongs to a later bead) or the document has fewer such beads."""
    beads, both = [], 0
    for s, t in doc.gold:
        beads.append((tuple(s), tuple(t)))
        both += bool(s and t)
        if both == k:
            break
    if both < k:
        return None
    src = sorted(i for s, _ in beads for i in s)
    tgt = sorted(j for _, t in beads for j in t)
    if src != list(range(len(src))) or tgt != list(range(len(tgt))):
        return None
    return replace(doc, name=f"{doc.name}[:{k}]", src=doc.src[: len(src)], tgt=doc.tgt[: len(tgt)],
                   gold=tuple(beads))


def main(argv: list[str] | None = None) -> int:
    """Run the table (see the module docstring)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sets", default="ntrex,ntrex-multi")
    p.add_argument("--beads", default="2,3,5", help="prefix sizes K (gold beads with both sides)")
    p.add_argument("--systems", default="aligner-auto,aligner-none")
    p.add_argument("--cached", action="store_true", help="vectors from the bench cache")
    args = p.parse_args(argv)
    systems = args.systems.split(",")
    sizes = [int(k) for k in args.beads.split(",")]
    print(f"# {time.strftime('%Y-%m-%d %H:%M %Z')}  python {platform.python_version()}")
    print("| set | K | prefixes | " + " | ".join(systems + list(LENGTH_PEERS)) + " | "
          + " | ".join(f"{s} below the better peer" for s in systems) + " |")
    print("|---|---|---|" + "---|" * (2 * len(systems) + len(LENGTH_PEERS)))
    totals = {(k, s): [0, 0] for k in sizes for s in systems}
    for set_name in expand_sets(args.sets):
        docs = load_set(set_name)
        for k in sizes:
            cut = [d for d in (prefix(doc, k) for doc in docs) if d is not None]
            f1: dict[str, list[float]] = {}
            cells = []
            for system in systems + list(LENGTH_PEERS):
                res = [run_system(system, d, cached=args.cached) for d in cut]
                pairs = [(r, list(d.gold)) for r, d in zip(res, cut)]
                cells.append(f"{score_alignments(pairs).f1_strict:.3f}")
                f1[system] = [score_alignments([pr]).f1_strict for pr in pairs]
            margins = _doc_margins(set_name, cut, f1)
            below = []
            for system in systems:
                n = sum(1 for row in margins if row[0] == system and row[3] < -1e-9)
                below.append(str(n))
                totals[(k, system)][0] += n
                totals[(k, system)][1] += len(cut)
            print(f"| {set_name} | {k} | {len(cut)} | " + " | ".join(cells) + " | " + " | ".join(below) + " |",
                  flush=True)
    for (k, system), (n, total) in totals.items():
        print(f"K={k} {system}: {n} of {total} prefixes below the better length-based peer")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
