"""Pairs without English that no model was fitted on, built from NTREX-multi through English.

    .venv/bin/python bench/pivot_pairs.py --cached                    # the default pairs
    .venv/bin/python bench/pivot_pairs.py --cached --pairs fi-hu,ja-zh

NTREX-128 translates one English text into every language, sentence for sentence, so two
pairs ``en-X`` and ``en-Y`` of ``ntrex-multi-dev`` give an ``X-Y`` pair of each document. Each
pair perturbed its 1-1 originals on its own (merged 2-3 neighbouring sentences into one line,
dropped a sentence on one side, inserted one from another document; data README), so the gold
of ``X-Y`` is rebuilt from the original sentence each line holds:

1. the original English sentences of a document are the English lines found in at least
   three of its twelve ``en-*`` pairs (an inserted sentence seldom recurs) that are not other
   such lines joined (a merge several pairs made alike), in the order the pairs agree on; an English line is one of them, a run of them joined by a space
   (a merge), or foreign (inserted);
2. an ``X`` line holds the originals of the English lines of its gold bead (all of them when
   it is the bead's only ``X`` line, one each when the bead has as many ``X`` lines as
   originals; otherwise its share is not known and it holds them all); an ``X`` line with no
   English counterpart holds the originals missing between its neighbours (the English of it
   was dropped; an original whose line in the pair has no ``X`` counterpart is not missing):
   none (inserted), one, or more (its share not known);
3. an ``X`` and a ``Y`` line are linked when they hold a common original; every connected group
   is one bead, a line that holds none a 1-0 / 0-1 bead.

Beads that hold a line whose share is not known are set aside with every system bead inside
them (neither right nor wrong); the rest is scored as usual, the same gold and masks for
every system.

For every pair the script prints strict F1 of each system and how many documents the
aligner scores below the better of the two length-based peers (nltk ``gale_church``,
``galechurch``), then the aligner's reliability over all pairs: per confidence bin, its beads
and the share of them that are gold beads. ``--cached``: vectors from the bench cache of ``_aligndata``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aligndata import Doc, load_set  # noqa: E402
from alignment import LENGTH_PEERS, RELIABILITY_BINS, _components, _doc_margins, aligner_beads, run_system  # noqa: E402

from aligner.align.evaluate import score_alignments  # noqa: E402

#: USE-USE, e5-e5 and mixed pairs, Latin with other scripts, none of them in any fit
DEFAULT_PAIRS = "fi-hu,hi-vi,sw-ar,ja-zh,de-es,ru-ko,fi-ja,hu-de,vi-zh,ar-hi"

Originals = frozenset[int]


def original_english(variants: list[tuple[str, ...]]) -> list[str]:
    """The original English sentences of one document from its English sides in every pair:
    the lines at least three of them hold, ordered as the pairs order them."""
    from graphlib import CycleError, TopologicalSorter

    seen: dict[str, int] = {}
    for lines in variants:
        for line in set(lines):
            seen[line] = seen.get(line, 0) + 1
    common = {line for line, k in seen.items() if k >= 3 and line}
    # a merge that several pairs made alike is no original: it is other originals joined
    common = {line for line in common if not _joined(line, common - {line}, 3)}
    order: TopologicalSorter[str] = TopologicalSorter()
    for lines in variants:
        kept = [line for line in lines if line in common]
        for line in kept:
            order.add(line)
        for u, v in zip(kept, kept[1:]):
            if u != v:
                order.add(v, u)
    try:
        return list(order.static_order())
    except CycleError:  # pairs disagree on the order: no gold for this document
        return []


def _joined(line: str, parts: set[str], depth: int) -> bool:
    """Whether ``line`` is two or more of ``parts`` joined by spaces (at most ``depth + 1``)."""
    if depth == 0:
        return False
    for k in range(len(line)):
        if line[k] == " " and line[:k] in parts:
            rest = line[k + 1 :]
            if rest in parts or _joined(rest, parts, depth - 1):
                return True
    return False


def english_originals(lines: tuple[str, ...], originals: list[str]) -> list[Originals | None]:
    """Per English line, the originals it holds (a run, for a merge; empty: inserted);
    ``None`` where it cannot be read."""
    index = {s: k for k, s in enumerate(originals)}
    out: list[Originals | None] = []
    for line in lines:
        if line in index:
            out.append(frozenset([index[line]]))
            continue
        found: Originals | None = frozenset()
        for k, first in enumerate(originals):
            if line.startswith(first + " "):
                for r in (2, 3, 4):
                    if " ".join(originals[k : k + r]) == line:
                        found = frozenset(range(k, k + r))
                        break
                if found:
                    break
        out.append(found)
    return out


def target_originals(doc: Doc, originals: list[str]) -> tuple[list[Originals], set[int]]:
    """Per target line of an ``en-X`` document, the originals it holds (empty: inserted), read
    through its gold beads, and the lines whose share is not known (see the module docstring):
    those hold every original they may hold."""
    eng = english_originals(doc.src, originals)
    out: list[Originals] = [frozenset()] * len(doc.tgt)
    unclear: set[int] = set()
    orphans = []
    dropped: set[int] = set()  # originals whose translation this pair dropped
    for src, tgt in doc.gold:
        if not tgt:
            dropped.update(k for i in src for k in (eng[i] or ()))
            continue
        if not src:
            orphans.extend(tgt)
            continue
        parts = [eng[i] for i in src]
        held = sorted(set().union(*(p for p in parts if p)))
        if len(tgt) == len(held) and all(p is not None for p in parts):
            for j, k in zip(tgt, held):
                out[j] = frozenset([k])
        else:
            for j in tgt:
                out[j] = frozenset(held)
            if len(tgt) > 1 or any(p is None for p in parts):
                unclear.update(tgt)
    for j in orphans:  # a line whose English was dropped holds the one original missing around it
        before = [k for x in out[:j] for k in x]
        after = [k for x in out[j + 1 :] for k in x]
        lo = max(before) if before else -1
        hi = min(after) if after else len(originals)
        gap = set(range(lo + 1, hi)) - {k for x in out for k in x} - dropped
        out[j] = frozenset(gap)
        if len(gap) > 1:
            unclear.add(j)
    return out, unclear


def pivot_doc(a: Doc, b: Doc, originals: list[str]) -> tuple[Doc, list]:
    """The ``X-Y`` document of the ``en-X`` document ``a`` and the ``en-Y`` document ``b``,
    and the gold beads to set aside (those holding a line whose share is not known)."""
    (oa, ua), (ob, ub) = target_originals(a, originals), target_originals(b, originals)
    links = [(x, y) for x, hx in enumerate(oa) for y, hy in enumerate(ob) if hx & hy]
    gold = tuple(_components(sorted(links), len(a.tgt), len(b.tgt)))
    unclear = [(s, t) for s, t in gold if set(s) & ua or set(t) & ub]
    doc = replace(a, set=f"pivot:{a.tgt_lang}-{b.tgt_lang}", src_path=a.tgt_path, tgt_path=b.tgt_path,
                  src_lang=a.tgt_lang, tgt_lang=b.tgt_lang, src=a.tgt, tgt=b.tgt, gold=gold)
    return doc, unclear


def english_variants() -> dict[str, list[tuple[str, ...]]]:
    """Per document name, its English side in every ``en-*`` pair."""
    from _aligndata import multi_pairs

    out: dict[str, list[tuple[str, ...]]] = {}
    for pair in multi_pairs():
        if pair.startswith("en-"):
            for d in load_set(f"ntrex-multi:{pair}"):
                out.setdefault(d.name, []).append(d.src)
    return out


def pivot_set(x: str, y: str, variants: dict[str, list[tuple[str, ...]]]) -> list[tuple[Doc, list]]:
    """Every document that both ``en-X`` and ``en-Y`` hold, as an ``X-Y`` pair (with its
    beads to set aside); documents whose originals cannot be read are left out."""
    docs_y = {d.name: d for d in load_set(f"ntrex-multi:en-{y}")}
    out = []
    for d in load_set(f"ntrex-multi:en-{x}"):
        originals = original_english(variants.get(d.name, []))
        if d.name in docs_y and originals:
            out.append(pivot_doc(d, docs_y[d.name], originals))
    return out


def masked(system: list, gold: tuple, unclear: list) -> tuple[list, list]:
    """``(system, gold)`` without the ``unclear`` gold beads and the system beads inside one."""
    wide = [(set(s), set(t)) for s, t in unclear]
    keep_gold = [(s, t) for s, t in gold if (s, t) not in unclear]
    keep_sys = [(s, t) for s, t in system if not any(set(s) <= ws and set(t) <= wt for ws, wt in wide)]
    return keep_sys, keep_gold


def main(argv: list[str] | None = None) -> int:
    """Run the table (see the module docstring)."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pairs", default=DEFAULT_PAIRS)
    p.add_argument("--systems", default="aligner-auto,aligner-none")
    p.add_argument("--cached", action="store_true", help="vectors from the bench cache")
    p.add_argument("--json", help="also write per-document strict F1 here (the rows of bench/alignment.py --json)")
    args = p.parse_args(argv)
    systems = args.systems.split(",")
    print(f"# {time.strftime('%Y-%m-%d %H:%M %Z')}  python {platform.python_version()}")
    print("| pair | documents | gold beads scored (set aside) | " + " | ".join(systems + list(LENGTH_PEERS)) + " | "
          + " | ".join(f"{s} below the better peer" for s in systems) + " |")
    print("|---|---|---|" + "---|" * (2 * len(systems) + len(LENGTH_PEERS)))
    variants = english_variants()
    reliability: dict[str, list[tuple[float, bool]]] = {s: [] for s in systems}
    rows: list[dict] = []
    for pair in args.pairs.split(","):
        x, y = pair.split("-")
        sets = pivot_set(x, y, variants)
        docs = [d for d, _ in sets]
        f1: dict[str, list[float]] = {}
        cells = []
        for system in systems + list(LENGTH_PEERS):
            if system.startswith("aligner-"):
                full = [aligner_beads(system, d, cached=args.cached) for d in docs]
                pairs = [masked([(b.src, b.tgt) for b in bs], d.gold, u) for bs, (d, u) in zip(full, sets)]
                for bs, (kept, gold) in zip(full, pairs):
                    right = set(gold)
                    reliability[system] += [(b.confidence, (b.src, b.tgt) in right) for b in bs
                                            if (b.src, b.tgt) in set(kept)]
            else:
                pairs = [masked(run_system(system, d, cached=args.cached), d.gold, u) for d, u in sets]
            cells.append(f"{score_alignments(pairs).f1_strict:.3f}")
            f1[system] = [score_alignments([pr]).f1_strict for pr in pairs]
            rows.append({"set": f"pivot:{pair}", "system": system, "f1_strict": score_alignments(pairs).f1_strict,
                         "docs": [d.name for d in docs], "doc_f1": f1[system]})
        margins = _doc_margins(pair, docs, f1)
        below = [str(sum(1 for row in margins if row[0] == s and row[3] < -1e-9)) for s in systems]
        wide = sum(len(u) for _, u in sets)
        print(f"| {pair} | {len(docs)} | {sum(len(d.gold) for d in docs) - wide} ({wide}) | " + " | ".join(cells) + " | "
              + " | ".join(below) + " |", flush=True)
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=1))
    print("\nreliability, every pair pooled (confidence bin: beads, share right)")
    for system, pts in reliability.items():
        cells = []
        for lo, hi in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:]):
            sel = [ok for c, ok in pts if lo <= c < hi]
            if sel:
                cells.append(f"{lo:.2f}+: {len(sel)}, {sum(sel) / len(sel):.2f}")
        print(f"{system}: " + "; ".join(cells))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
