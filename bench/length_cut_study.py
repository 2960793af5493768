"""Whether a cut inside a sentence, placed where the lengths balance, tells a gold merge from two
gold beads (a measurement of issue 16; nothing shipped uses it).

    .venv/bin/python bench/length_cut_study.py --sets textberg
    .venv/bin/python bench/length_cut_study.py --sets panl,ntrex

For every two neighbouring beads with sentences on both sides in the path that
``join_regroupings`` receives (the default settings, vectors from the bench cache of
``_aligndata``), the side whose first bead is too long or too short for the document's length
ratio has its boundary sentence cut at the word boundary where the lengths would balance (two
hypotheses: the piece moves on the target or on the source side). Encoded whole: ``x``, the
moved piece's cosine with the bead across minus with its own; ``ra`` / ``rb``, each bead's
cosine after the move minus before; ``un``, the union's cosine minus the better bead's; all as
shares of the way from the document's unrelated to its matched pairs (``_cosine_scale``), and
``g``, Gale and Church's length fit of the union minus the worse bead's. Printed: each gold
merge's best hypothesis (by ``min(x, ra, rb)``) and how many gold merges and other pairs (two
gold beads among them) a rule ``min(x, ra, rb) > T and g > G and un >= 0`` would join.
"""
import argparse
import importlib
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aligndata import expand_sets, load_set  # noqa: E402
from alignment import CachedTable  # noqa: E402

from aligner.config import DEFAULT_CONFIG  # noqa: E402

A = importlib.import_module("aligner.align.aligner")

captured: dict = {}
orig = A.join_regroupings


def spy(path, conf, src, tgt, sv, tv, enc, margin, shapes, lengths=None):
    captured["args"] = (list(path), src, tgt, sv, tv, enc, shapes, lengths)
    return orig(path, conf, src, tgt, sv, tv, enc, margin, shapes, lengths)


def cut_at(text, frac):
    """``text`` split into (head, tail) at the whitespace nearest ``frac`` of its length (at that
    character where it has none); None where one part would be empty."""
    n = len(text)
    target = frac * n
    ws = [m.start() for m in regex.finditer(r"\s+", text)]
    if not ws:
        pos = int(round(target))
    else:
        pos = min(ws, key=lambda p: abs(p - target))
    if pos <= 0 or pos >= n:
        return None
    a, b = text[:pos].strip(), text[pos:].strip()
    if not a or not b:
        return None
    return a, b


def _join(side, a, n):
    return " ".join(side[a:a+n])


def C(vec, a, b):
    return A._cos(vec[a], vec[b])


def study(set_name, max_docs=0):
    docs = load_set(set_name)
    if max_docs:
        docs = docs[:max_docs]
    rows = []
    for d in docs:
        lang_enc = A.resolve_encoder(DEFAULT_CONFIG.encoder, d.src_lang, d.tgt_lang)
        enc = CachedTable(lang_enc)
        captured.clear()
        A.align_texts(list(d.src), list(d.tgt), DEFAULT_CONFIG, src_lang=d.src_lang, tgt_lang=d.tgt_lang, encoder=enc)
        if "args" not in captured:
            continue
        path, src, tgt, sv, tv, _, shapes, lengths = captured["args"]
        sl, tl, ratio = lengths
        scale = A._cosine_scale(path, sv, tv)
        if scale is None:
            continue
        low, high = scale
        sc = high - low
        gold = set((tuple(s), tuple(t)) for s, t in d.gold)
        cands = []
        for k in range(len(path) - 1):
            (i, di, j, dj), (i2, di2, j2, dj2) = path[k], path[k+1]
            if not (di and dj and di2 and dj2) or (di+di2, dj+dj2) not in shapes:
                continue
            joined = (i, di+di2, j, dj+dj2)
            g = A._length_fit([joined], sl, tl, ratio) - min(A._length_fit([path[k]], sl, tl, ratio), A._length_fit([path[k+1]], sl, tl, ratio))
            la1, lb1 = sl[i:i+di].sum(), tl[j:j+dj].sum()
            # target of first bead in source units
            want_b1 = ratio * la1  # target length the first bead should have
            hyps = []
            if lb1 < want_b1:
                # head of tgt[j2] to first bead
                need = want_b1 - lb1
                frac = need / tl[j2]
                if 0.05 < frac < 0.95: hyps.append(("t", "head", j2, frac))
                # tail of src[i+di-1] to second bead
                need_s = la1 - lb1 / ratio
                frac = 1 - need_s / sl[i+di-1]
                if 0.05 < frac < 0.95: hyps.append(("s", "tail", i+di-1, frac))
            else:
                need = lb1 - want_b1
                frac = 1 - need / tl[j+dj-1]
                if 0.05 < frac < 0.95: hyps.append(("t", "tail", j+dj-1, frac))
                need_s = lb1 / ratio - la1
                frac = need_s / sl[i2]
                if 0.05 < frac < 0.95: hyps.append(("s", "head", i2, frac))
            is_gold = (tuple(range(i, i+di+di2)), tuple(range(j, j+dj+dj2))) in gold
            both_gold = (tuple(range(i, i+di)), tuple(range(j, j+dj))) in gold and (tuple(range(i2, i2+di2)), tuple(range(j2, j2+dj2))) in gold
            cands.append((k, g, hyps, is_gold, both_gold))
        # encode
        texts = []
        plans = []
        for k, g, hyps, is_gold, both_gold in cands:
            (i, di, j, dj), (i2, di2, j2, dj2) = path[k], path[k+1]
            for side, where, x, frac in hyps:
                text = (src if side == "s" else tgt)[x]
                c = cut_at(text, frac)
                if c is None:
                    continue
                head, tail = c
                a_s, a_t, b_s, b_t = list(src[i:i+di]), list(tgt[j:j+dj]), list(src[i2:i2+di2]), list(tgt[j2:j2+dj2])
                if side == "t" and where == "head":
                    piece = head; a_t[-1] = a_t[-1] + " " + head; b_t[0] = tail
                    across, own = " ".join(a_s), " ".join(b_s)
                elif side == "s" and where == "tail":
                    piece = tail; a_s[-1] = head; b_s[0] = tail + " " + b_s[0]
                    across, own = " ".join(b_t), " ".join(a_t)
                elif side == "t" and where == "tail":
                    piece = tail; a_t[-1] = head; b_t[0] = tail + " " + b_t[0]
                    across, own = " ".join(b_s), " ".join(a_s)
                else:
                    piece = head; a_s[-1] = a_s[-1] + " " + head; b_s[0] = tail
                    across, own = " ".join(a_t), " ".join(b_t)
                A1, At, B1, Bt = " ".join(a_s), " ".join(a_t), " ".join(b_s), " ".join(b_t)
                orig_t = (_join(src, i, di), _join(tgt, j, dj), _join(src, i2, di2), _join(tgt, j2, dj2),
                          _join(src, i, di+di2), _join(tgt, j, dj+dj2))
                texts += [piece, across, own, A1, At, B1, Bt, *orig_t]
                plans.append((k, g, is_gold, both_gold, side, where, piece, across, own, A1, At, B1, Bt, orig_t))
        if not plans:
            continue
        vec = A._encode_texts(texts, enc)
        for k, g, is_gold, both_gold, side, where, piece, across, own, A1, At, B1, Bt, ot in plans:
            x = (C(vec, piece, across) - C(vec, piece, own)) / sc
            ra = (C(vec, A1, At) - C(vec, ot[0], ot[1])) / sc
            rb = (C(vec, B1, Bt) - C(vec, ot[2], ot[3])) / sc
            un = (C(vec, ot[4], ot[5]) - max(C(vec, ot[0], ot[1]), C(vec, ot[2], ot[3]))) / sc
            rows.append(dict(set=set_name, doc=d.name, k=k, g=g, gold=is_gold, both=both_gold, side=side, where=where,
                             x=x, ra=ra, rb=rb, un=un, piece=piece))
    return rows


def report(rows) -> None:
    """Print the gold merges' best hypotheses and the counts per rule."""
    # per candidate pair k: best hypothesis by min(x, ra, rb)
    best = {}
    for r in rows:
        s = min(r["x"], r["ra"], r["rb"])
        key = (r["set"], r["doc"], r["k"])
        if key not in best or s > best[key][0]:
            best[key] = (s, r)
    g = [v for v in best.values() if v[1]["gold"]]
    o = [v for v in best.values() if not v[1]["gold"]]
    print("pairs", len(best), "gold merges", len(g))
    for s, r in sorted(g, key=lambda v: -v[0]):
        print(f"GOLD s={s:+.2f} x={r['x']:+.2f} ra={r['ra']:+.2f} rb={r['rb']:+.2f} un={r['un']:+.2f} g={r['g']:+.1f} {r['side']}{r['where']} {r['piece'][:60]!r}")
    for th in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3):
        for gth in (-99, 0, 1, 2):
            ng = sum(1 for s, r in g if s > th and r["g"] > gth and r["un"] >= 0)
            no = sum(1 for s, r in o if s > th and r["g"] > gth and r["un"] >= 0)
            nb = sum(1 for s, r in o if s > th and r["g"] > gth and r["un"] >= 0 and r["both"])
            print(f"th={th} g>{gth}: gold {ng}, other {no} (two gold beads {nb})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="textberg")
    ap.add_argument("--max-docs", type=int, default=0)
    args = ap.parse_args(argv)
    A.join_regroupings = spy  # study() reads the path the pass receives
    rows = []
    for s in expand_sets(args.sets):
        rows += study(s, args.max_docs)
    report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
