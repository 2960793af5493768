"""Alignment benchmark: strict / lax F1, wall time and peak memory on the dev sets.

    .venv/bin/python bench/alignment.py                       # every system x every set
    .venv/bin/python bench/alignment.py --systems aligner-use,aligner-none --sets ntrex
    .venv/bin/python bench/alignment.py --reliability         # cross-validated reliability table

Every (system, set) runs in a fresh subprocess (model loading and encoding included, no
vector cache), so wall time and peak RSS are those of a cold run. Data: textberg-dev (de-fr),
ntrex-dev (en-id, 62 documents), panl-eco-long (en-id, one document, ~5,600 sentences a side)
under ../shared/data/alignment. F1 as vecalign's score.py defines it, micro-averaged.

Systems: aligner with each encoder (use, e5) and without (none); nltk's gale_church; the
``galechurch`` package; ``sentalign`` (vecalign's DP) with the same USE encoder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

from _aligndata import Doc, cached_vectors, expand_sets, load_set, set_pair  # noqa: E402

SYSTEMS = ("aligner-auto", "aligner-use", "aligner-e5", "aligner-none", "aligner-use-all", "nltk-gale-church",
           "galechurch", "sentalign-use")
SETS = ("ntrex", "textberg", "panl")
SLOW = {("nltk-gale-church", "panl"), ("sentalign-use", "panl"), ("aligner-e5", "panl")}  # minutes each here


def _components(links: list[tuple[int, int]], n: int, m: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Sentence links -> beads (connected groups; unlinked sentences become 1-0 / 0-1)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = find(("s", a)), find(("t", b))
        if ra != rb:
            parent[ra] = rb
    groups: dict = {}
    for a in range(n):
        groups.setdefault(find(("s", a)), ([], []))[0].append(a)
    for b in range(m):
        groups.setdefault(find(("t", b)), ([], []))[1].append(b)
    beads = [(tuple(s), tuple(t)) for s, t in groups.values()]
    beads.sort(key=lambda st: (min(st[0]) if st[0] else float("inf"), min(st[1]) if st[1] else float("inf")))
    return beads


class CachedTable:
    """An encoder whose vectors come from the disk cache of :mod:`_aligndata` (``--cached``)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def encode(self, texts):  # noqa: D102
        return cached_vectors(self.name, tuple(texts))


def aligner_beads(system: str, doc: Doc, cached: bool = False) -> list:
    """The aligner's beads (with confidences) for ``aligner-ENCODER`` on one document."""
    from aligner.align import align_texts
    from aligner.config import Config

    enc = system[len("aligner-"):]
    cfg = Config(encoder="use", encode_threshold=1.0) if enc == "use-all" else Config(encoder=enc)
    encoder = None
    if cached:
        from aligner.embed.coverage import resolve_encoder

        name = resolve_encoder(cfg.encoder, doc.src_lang, doc.tgt_lang)
        encoder = None if name == "none" else CachedTable(name)
        cfg = cfg.with_(encoder=name)
    return align_texts(doc.src, doc.tgt, cfg, src_lang=doc.src_lang, tgt_lang=doc.tgt_lang, encoder=encoder)


def run_system(system: str, doc: Doc, cached: bool = False) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads of one system on one document (``cached``: encoder vectors from the disk cache)."""
    if system.startswith("aligner-"):
        return [(b.src, b.tgt) for b in aligner_beads(system, doc, cached)]
    if system == "nltk-gale-church":
        from nltk.translate.gale_church import align_blocks

        links = align_blocks([len(s) for s in doc.src], [len(t) for t in doc.tgt])
        return _components(list(links), len(doc.src), len(doc.tgt))
    if system == "galechurch":
        import galechurch

        res = galechurch.align(list(doc.src), list(doc.tgt))
        return [(tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)))
                for b in res.beads]
    if system == "sentalign-use":
        from sentalign.sentalign import sentalign

        from aligner.embed import get_encoder

        enc_obj = CachedTable("use") if cached else get_encoder("use")
        res = sentalign(list(doc.src), list(doc.tgt), enc_obj, alignment_max_size=4)
        return [(tuple(a.src_indices), tuple(a.tgt_indices)) for a in res.alignments]
    raise ValueError(f"unknown system {system!r}")


def _child(system: str, set_name: str, out: str) -> int:
    docs = load_set(set_name)
    n_sent = sum(len(d.src) + len(d.tgt) for d in docs) / 2
    t0 = time.perf_counter()
    results = [run_system(system, d) for d in docs]
    wall = time.perf_counter() - t0
    from aligner.align.evaluate import score_alignments

    s = score_alignments([(r, list(d.gold)) for r, d in zip(results, docs)])
    Path(out).write_text(json.dumps({
        "system": system, "set": set_name, "f1_strict": s.f1_strict, "f1_lax": s.f1_lax,
        "p_strict": s.precision_strict, "r_strict": s.recall_strict, "align_s": wall,
        "sentences_per_side": n_sent,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "cpu_s": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
    }))
    return 0


def _run_one(system: str, set_name: str, timeout: int) -> dict:
    out = Path(f"/tmp/aligner-bench-{os.getpid()}-{system}-{set_name}.json")
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, __file__, "--child", system, set_name, str(out)],
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"system": system, "set": set_name, "error": f"timed out after {timeout}s"}
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not out.exists():
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]
        return {"system": system, "set": set_name, "error": tail[0][:200]}
    res = json.loads(out.read_text())
    out.unlink()
    res["wall_s"] = wall
    res["s_per_1000"] = wall / res["sentences_per_side"] * 1000
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="alignment benchmark")
    ap.add_argument("--child", nargs=3, metavar=("SYSTEM", "SET", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--with-slow", action="store_true", help="also run nltk gale_church on panl")
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("--cached", action="store_true",
                    help="in one process, encoder vectors from the disk cache (bench/_aligndata.py): "
                         "F1 and CPU seconds of the DP only, for the iterative loop")
    ap.add_argument("--max-docs", type=int, default=0,
                    help="with --cached: only the first N documents of each set (0: all)")
    ap.add_argument("--linearity", action="store_true",
                    help="time --encoder none on panl repeated 1x, 2x, 4x (in-process) and stop")
    args = ap.parse_args(argv)
    if args.child:
        return _child(*args.child)
    if args.linearity:
        from aligner.align import align_texts
        from aligner.config import Config

        doc = load_set("panl")[0]
        for k in (1, 2, 4):
            t0 = time.perf_counter()
            align_texts(list(doc.src) * k, list(doc.tgt) * k, Config(encoder="none"))
            print(f"{k}x: {len(doc.src) * k} source sentences, {time.perf_counter() - t0:.1f} s", flush=True)
        return 0
    if args.cached:
        return _cached_table(args.systems.split(","), expand_sets(args.sets), args.json, max_docs=args.max_docs)
    rows = []
    print(f"# {time.strftime('%Y-%m-%d %H:%M %Z')}  python {platform.python_version()}  cores {os.cpu_count()}")
    print("| system | set | strict F1 | lax F1 | wall s | CPU s | s per 1,000 sent. | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for set_name in expand_sets(args.sets):
        for system in args.systems.split(","):
            if (system, set_name) in SLOW and not args.with_slow:
                continue
            res = _run_one(system, set_name, args.timeout)
            rows.append(res)
            if "error" in res:
                print(f"| {system} | {set_name} | - | - | - | - | - | {res['error']} |", flush=True)
            else:
                print(f"| {system} | {set_name} | {res['f1_strict']:.3f} | {res['f1_lax']:.3f} | "
                      f"{res['wall_s']:.1f} | {res['cpu_s']:.1f} | {res['s_per_1000']:.1f} | "
                      f"{res['peak_rss_mb']:.0f} |", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


RELIABILITY_BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.0001)


def _reliability(beads: list[list], docs: list[Doc]) -> list[tuple[float, int, float]]:
    """``(bin start, beads, share right)`` of the aligner's bead confidences on ``docs``."""
    conf, hit = [], []
    for d, bs in zip(docs, beads):
        gold = set(d.gold)
        for b in bs:
            conf.append(b.confidence)
            hit.append((b.src, b.tgt) in gold)
    out = []
    for lo, hi in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:]):
        sel = [h for c, h in zip(conf, hit) if lo <= c < hi]
        out.append((lo, len(sel), sum(sel) / len(sel) if sel else float("nan")))
    return out


LENGTH_PEERS = ("nltk-gale-church", "galechurch")


def _doc_margins(set_name: str, docs: list[Doc], per_doc: dict[str, list[float]]) -> list[tuple]:
    """``(system, set, document, margin)``: each aligner system's strict F1 on each document
    minus the best length-based peer's on it (when the peers ran)."""
    peers = [per_doc[p] for p in LENGTH_PEERS if p in per_doc]
    if not peers:
        return []
    best = np.max(np.array(peers), axis=0)
    return [(system, set_name, d.name, float(f - b))
            for system, f1s in per_doc.items() if system.startswith("aligner-")
            for d, f, b in zip(docs, f1s, best)]


def _worst(margins: list[tuple]) -> list[tuple]:
    """The lowest margin of each system."""
    out: dict[str, tuple] = {}
    for row in margins:
        if row[0] not in out or row[3] < out[row[0]][3]:
            out[row[0]] = row
    return list(out.values())


def _cached_table(systems: list[str], sets: list[str], json_out: str | None,
                  reliability_of: str = "aligner-auto", max_docs: int = 0) -> int:
    """Strict F1 of every system on every set, in-process with cached vectors: one row per set."""
    from aligner.align.evaluate import score_alignments

    print(f"# {time.strftime('%Y-%m-%d %H:%M %Z')}  python {platform.python_version()}  cached vectors")
    print("| set | pair | " + " | ".join(systems) + " |")
    print("|---|---|" + "---|" * len(systems))
    rows = []
    margins = []
    for set_name in sets:
        docs = load_set(set_name)[: max_docs or None]
        cells = []
        per_doc: dict[str, list[float]] = {}
        for system in systems:
            t0 = time.process_time()
            full: list[list] | None = None
            try:
                if system.startswith("aligner-"):
                    full = [aligner_beads(system, d, cached=True) for d in docs]
                    res = [[(b.src, b.tgt) for b in bs] for bs in full]
                else:
                    res = [run_system(system, d, cached=True) for d in docs]
            except Exception as exc:  # a peer that fails on a set is reported, not fatal
                cells.append(f"error: {str(exc)[:40]}")
                rows.append({"set": set_name, "system": system, "error": str(exc)})
                continue
            cpu = time.process_time() - t0
            sc = score_alignments([(r, list(d.gold)) for r, d in zip(res, docs)])
            rel = _reliability(full, docs) if full is not None and system == reliability_of else None
            cells.append(f"{sc.f1_strict:.3f}")
            per_doc[system] = [score_alignments([(r, list(d.gold))]).f1_strict for r, d in zip(res, docs)]
            rows.append({"set": set_name, "system": system, "f1_strict": sc.f1_strict, "f1_lax": sc.f1_lax,
                         "cpu_s": cpu, "reliability": rel, "docs": [d.name for d in docs],
                         "doc_f1": per_doc[system]})
            if rel:
                print(f"reliability {system} {set_name}: " + " ".join(
                    f"{lo:.2f}+ {n} beads {right:.2f} right;" for lo, n, right in rel if n), file=sys.stderr)
        print(f"| {set_name} | {set_pair(set_name)} | " + " | ".join(cells) + " |", flush=True)
        margins += _doc_margins(set_name, docs, per_doc)
    for system, set_name, name, margin in _worst(margins):
        print(f"worst document margin over the best length-based peer: {system} {margin:+.3f} "
              f"({set_name} {name})")
    if json_out:
        Path(json_out).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
