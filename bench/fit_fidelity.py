"""Fit the calibrated fidelity and the flag thresholds on the pooled dev pairs.

The fidelity model is a logistic regression of "this bead is a faithful translation" (every
target line of the bead is ``ok``) on the signals of :data:`aligner.score.settings.SIGNALS`,
each pair weighing the same whatever its number of beads, with a small ridge penalty. Beads
left untranslated (the ``language`` part is 0) are not used: their fidelity is 0 anyway. A
second model without the encoder signals serves ``--fidelity-encoder none``.

The flag thresholds are then chosen on a grid, on the same pooled pairs: the best mean over
pairs of ``detection + typed`` among the settings under which the flags they control
(``mistranslation``, ``stray_*``, ``partial_*``) put no more than ``--budget`` (1% by default) of the clean
lines under a flag that nothing else raises, in every pair: the other flags' false alarms
(names, numbers, alignment) are not theirs to pay for.

Usage:
    python bench/divergence.py --dump /work/cache/fidelity/dev.pkl        # compare once
    python bench/fit_fidelity.py /work/cache/fidelity/dev.pkl [--write]     # fit (and ship)
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import pickle
import sys
from collections.abc import Mapping
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "src" / "aligner" / "data" / "fidelity" / "settings.json"

GRID: dict[str, tuple[float, ...]] = {
    "mistranslation": (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5),
    "stray_similarity": (-9.0, 0.2, 0.25, 0.3),
    "stray_margin": (-0.05, 0.0),
    "partial_fidelity": (0.2, 0.35, 0.5, 0.7, 0.85),
    "length_z_weak": (1.0, 1.25, 1.5, 2.0),
    "length_z_strong": (2.0, 2.5, 3.0, 4.0),
    "partial_margin": (-0.05, 0.0, 0.05, 0.1, 9.0),
}
MEANING = {"mistranslation", "partial_omission", "partial_addition"}
#: Line labels that leave a bead's meaning as its source's (faults with flags of their own).
MEANING_FAITHFUL = frozenset({"ok", "number", "entity"})
#: Signals left out of the meaning model (those of the number and name flags).
COUNTED = ("numbers", "names", "names_left_out")


@lru_cache(maxsize=1)
def _fits() -> dict[str, set[str]]:
    """label -> flag types that count as typed (bench/divergence.py's table)."""
    sys.path.insert(0, str(REPO / "bench"))
    from divergence import FITS

    return FITS


def _logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1.0, iters: int = 50) -> np.ndarray:
    """Weighted ridge logistic regression by Newton's method; the first column is the intercept."""
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -40, 40)))
        grad = x.T @ (w * (y - p)) - penalty * beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta += step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def fit_scales(comparisons: Mapping[str, Mapping[str, Any]], labels: Mapping[str, Mapping[str, list[str]]],
               reference: str) -> tuple[tuple[str, float, float], ...]:
    """``(encoder, offset, factor)`` for every encoder other than ``reference`` whose cosines the
    evidence holds: the affine map that puts the median cosine of its faithful beads and of its
    ``unrelated`` beads (a sentence of another article) where the reference encoder's are, over
    the pairs each encoder serves."""
    cos: dict[str, dict[str, list[float]]] = {}
    for pair, cmps in comparisons.items():
        for name, c in cmps.items():
            lab = labels[pair][name]
            for bead, score in zip(c.alignment.beads, c.scores):
                ev = score.evidence
                if ev is None or ev.similarity is None or not ev.similarity_fitted:
                    continue
                kinds = {lab[j] for j in bead.tgt if j < len(lab)}
                kind = "ok" if kinds == {"ok"} else "unrelated" if kinds == {"unrelated"} else ""
                if kind:
                    cos.setdefault(ev.encoder or reference, {}).setdefault(kind, []).append(float(ev.similarity))
    ref = cos.get(reference, {})
    if not ref.get("ok") or not ref.get("unrelated"):
        return ()
    r_ok, r_bad = float(np.median(ref["ok"])), float(np.median(ref["unrelated"]))
    out = []
    for enc, by_kind in sorted(cos.items()):
        if enc == reference or not by_kind.get("ok") or not by_kind.get("unrelated"):
            continue
        e_ok, e_bad = float(np.median(by_kind["ok"])), float(np.median(by_kind["unrelated"]))
        if e_ok - e_bad <= 1e-6:
            continue
        factor = (r_ok - r_bad) / (e_ok - e_bad)
        out.append((enc, round(r_ok - factor * e_ok, 4), round(factor, 4)))
    return tuple(out)


def bead_rows(comparisons: Mapping[str, Mapping[str, Any]], labels: Mapping[str, Mapping[str, list[str]]],
              settings: Any = None, faithful: frozenset[str] = frozenset({"ok"})
              ) -> list[tuple[str, dict[str, float], int]]:
    """``(pair, signals, faithful)`` of every scored, translated bead (cosines read through the
    encoder scales of ``settings``): faithful when every target line's label is in ``faithful``."""
    from aligner.score.fidelity import signals_of
    from aligner.score.settings import DEFAULT_SETTINGS

    settings = settings or DEFAULT_SETTINGS
    rows = []
    for pair, cmps in comparisons.items():
        for name, c in cmps.items():
            lab = labels[pair][name]
            for bead, score in zip(c.alignment.beads, c.scores):
                ev = score.evidence
                if ev is None or score.parts.get("language", 1.0) == 0.0:
                    continue
                ok = all(j < len(lab) and lab[j] in faithful for j in bead.tgt)
                rows.append((pair, signals_of(ev, settings), int(ok)))
    return rows


def fit_model(rows: list[tuple[str, dict[str, float], int]], names: tuple[str, ...], l2: float = 1.0
              ) -> tuple[float, dict[str, float], dict[str, float]]:
    """``(intercept, weights, reference)`` for the signals ``names``."""
    usable = [(p, s, y) for p, s, y in rows if all(n in s and not math.isnan(s[n]) for n in names)]
    x = np.array([[1.0] + [s[n] for n in names] for _, s, _ in usable])
    y = np.array([y for _, _, y in usable], dtype=float)
    per_pair: dict[str, int] = {}
    for p, _, _ in usable:
        per_pair[p] = per_pair.get(p, 0) + 1
    w = np.array([len(usable) / (len(per_pair) * per_pair[p]) for p, _, _ in usable])
    beta = _logistic(x, y, w, l2)
    faithful = x[y == 1]
    reference = {n: round(float(np.median(faithful[:, k + 1])), 4) for k, n in enumerate(names)}
    return round(float(beta[0]), 4), {n: round(float(b), 4) for n, b in zip(names, beta[1:])}, reference


def _line_table(comparisons: Mapping[str, Mapping[str, Any]], labels: Mapping[str, Mapping[str, list[str]]],
                settings: Any) -> dict[str, dict[str, np.ndarray]]:
    """Per pair, per target line: its label and what the threshold rules need of its bead."""
    from aligner.compare.pair import rescore
    from aligner.flags.rules import longer_side_unmatched
    from aligner.score.fidelity import scaled_similarity

    off = settings.with_(mistranslation=-1.0, stray_similarity=-9.0, length_z_strong=1e9, length_z_weak=1e9)
    out: dict[str, dict[str, Any]] = {}
    for pair, cmps in comparisons.items():
        cols: dict[str, list[Any]] = {k: [] for k in ("label", "base", "fid", "z", "part", "sim", "meaning_ok",
                                                      "margin", "longer")}
        for name, c in cmps.items():
            r = rescore(c, off)
            lab = labels[pair][name]
            per_line: list[Any] = [None] * len(lab)
            for bead, score, flags in zip(r.alignment.beads, r.scores, r.flags):
                ev = score.evidence
                real = frozenset(f.type for f in flags if f.severity != "info")
                ok = ev is not None and score.parts.get("language", 1.0) == 1.0
                z = ev.length_z if ev is not None else 0.0
                part = (ev.tgt_part if z > 0 else ev.src_part) if ev is not None else None
                part_sim = part[2] if part else math.nan
                sim = ev.similarity if ev is not None and ev.similarity is not None else math.nan
                scaled = scaled_similarity(ev, settings) if ev is not None else None
                if scaled is not None:  # the flags read cosines on the fitted encoder's scale
                    offset, factor = settings.scale_of(ev.encoder) or (0.0, 1.0)
                    sim, part_sim = scaled[0], offset + factor * part_sim
                margin = scaled[1] if scaled is not None and scaled[1] is not None else math.nan
                longer = ev is not None and longer_side_unmatched(ev)
                item = (real, score.parts.get("meaning", score.fidelity), z, part_sim, sim, ok, margin, longer)
                for j in bead.tgt:
                    if j < len(lab):
                        per_line[j] = item
            for j, label in enumerate(lab):
                item = per_line[j] or (frozenset(), 0.0, 0.0, math.nan, math.nan, False, math.nan, False)
                cols["label"].append(label)
                for key, v in zip(("base", "fid", "z", "part", "sim", "meaning_ok", "margin", "longer"), item):
                    cols[key].append(v)
        out[pair] = {k: (np.array(v, dtype=object) if k in ("label", "base") else np.array(v, dtype=float))
                     for k, v in cols.items()}
        fits = _fits()
        labels_, base = cols["label"], cols["base"]
        out[pair]["clean"] = np.array([lab == "ok" for lab in labels_])
        out[pair]["base_any"] = np.array([bool(b) for b in base])
        out[pair]["base_fit"] = np.array([bool(b & fits.get(lab, set())) for b, lab in zip(base, labels_)])
        out[pair]["base_other"] = np.array([bool(b - MEANING) for b in base])
        for key, kind in (("fit_mis", "mistranslation"), ("fit_add", "partial_addition"), ("fit_om", "partial_omission")):
            out[pair][key] = np.array([kind in fits.get(lab, set()) for lab in labels_])
    return out


def _evaluate(table: dict[str, np.ndarray], t: Mapping[str, float], part_match: float, part_gain: float,
              partial_margin: float = 0.0) -> tuple[float, float, float, float]:
    """``(detection, typed, clean flagged, clean flagged by the meaning flags alone)`` of one pair."""
    fid, z, part, sim = table["fid"], table["z"], table["part"], table["sim"]
    ok = table["meaning_ok"] > 0
    az = np.abs(z)
    stray = (np.nan_to_num(sim, nan=9) < t.get("stray_similarity", -9.0)) & (
        np.nan_to_num(table["margin"], nan=9) < t.get("stray_margin", -9.0))
    low = ok & ((fid < t["mistranslation"]) | stray)
    stands_out = np.nan_to_num(table["margin"], nan=-9) >= t.get("partial_margin", partial_margin)
    rescue = low & (az >= t["length_z_weak"]) & ((np.nan_to_num(part, nan=-9) >= part_match) | stands_out)
    mis = low & ~rescue
    gain = t.get("part_gain", part_gain)
    weak = (fid < t["partial_fidelity"]) | (table["longer"] > 0) | (
        np.nan_to_num(part, nan=-9) - np.nan_to_num(sim, nan=9) >= gain)
    partial = rescue | (ok & ~low & ((az >= t["length_z_strong"]) | ((az >= t["length_z_weak"]) & weak)))
    clean = table["clean"]
    flagged = table["base_any"] | mis | partial
    typed = table["base_fit"] | (mis & table["fit_mis"]) | (partial & (z > 0) & table["fit_add"]) | (
        partial & (z <= 0) & table["fit_om"])
    meaning_clean = (mis | partial) & ~table["base_other"]
    n_clean, n = int(clean.sum()), int((~clean).sum())
    return (float(flagged[~clean].sum()) / max(n, 1), float(typed[~clean].sum()) / max(n, 1),
            float(flagged[clean].sum()) / max(n_clean, 1), float(meaning_clean[clean].sum()) / max(n_clean, 1))


def fit_settings(comparisons: Mapping[str, Mapping[str, Any]], labels: Mapping[str, Mapping[str, list[str]]],
                 budget: float = 0.01, verbose: bool = False) -> Any:
    """Settings fitted on ``comparisons`` (``{pair: {name: Comparison}}``) and their line labels."""
    from aligner.score.settings import DEFAULT_SETTINGS, SIGNALS

    base = DEFAULT_SETTINGS.with_(encoder_scales=fit_scales(comparisons, labels, DEFAULT_SETTINGS.encoder))
    rows = bead_rows(comparisons, labels, base)
    b0, w, ref = fit_model(rows, SIGNALS)
    surface = tuple(n for n in SIGNALS if n not in ("similarity", "margin", "low_similarity", "low_margin"))
    sb0, sw, _ = fit_model(rows, surface)
    # the meaning model: a bead whose only fault is a number or a name still says what its source says
    meaning_rows = bead_rows(comparisons, labels, base, MEANING_FAITHFUL)
    meaning_signals = tuple(n for n in SIGNALS if n not in COUNTED)
    mb0, mw, _ = fit_model(meaning_rows, meaning_signals)
    smb0, smw, _ = fit_model(meaning_rows, tuple(n for n in meaning_signals if n in surface))
    settings = base.with_(intercept=b0, weights=tuple(sorted(w.items())), surface_intercept=sb0,
                          surface_weights=tuple(sorted(sw.items())), reference=tuple(sorted(ref.items())),
                          meaning_intercept=mb0, meaning_weights=tuple(sorted(mw.items())),
                          surface_meaning_intercept=smb0, surface_meaning_weights=tuple(sorted(smw.items())))
    tables = _line_table(comparisons, labels, settings)
    best: tuple[float, dict[str, float]] | None = None
    fallback: tuple[float, dict[str, float]] | None = None
    for values in itertools.product(*GRID.values()):
        t = dict(zip(GRID, values))
        if t["length_z_weak"] > t["length_z_strong"]:
            continue
        if t["stray_similarity"] <= -9.0 and t["stray_margin"] != GRID["stray_margin"][0]:
            continue  # the stray rule off: one margin stands for all
        res = [_evaluate(tab, t, settings.part_match, settings.part_gain, settings.partial_margin)
               for tab in tables.values()]
        gain = float(np.mean([d + ty for d, ty, _, _ in res]))
        # the thresholds answer for the clean lines only their own flags raise
        worst = max(m for _, _, _, m in res)
        if worst <= budget and (best is None or gain > best[0]):
            best = (gain, t)
        key = gain - 10 * max(0.0, worst - budget)
        if fallback is None or key > fallback[0]:
            fallback = (key, t)
    chosen = (best or fallback)[1]  # type: ignore[index]
    if verbose:
        print(f"model: intercept {b0}, weights {w}; surface {sb0}, {sw}", file=sys.stderr)
        print(f"meaning: intercept {mb0}, weights {mw}; surface {smb0}, {smw}", file=sys.stderr)
        print(f"thresholds: {chosen} ({'within' if best else 'over'} the budget)", file=sys.stderr)
    return settings.with_(**chosen)


def main(argv: list[str] | None = None) -> int:
    """Fit on a dump of ``bench/divergence.py`` and print (or ``--write``) the settings."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dump", type=Path, help="pickle written by bench/divergence.py --dump")
    p.add_argument("--budget", type=float, default=0.01,
                   help="largest share of clean lines that the meaning flags alone flag, in any pair")
    p.add_argument("--write", action="store_true", help="write src/aligner/data/fidelity/settings.json")
    args = p.parse_args(argv)
    sys.path.insert(0, str(REPO / "bench"))
    import divergence  # noqa: F401  (registers the pickling of read-only mappings)

    data = pickle.loads(args.dump.read_bytes())
    settings = fit_settings(data["comparisons"], data["labels"], args.budget, verbose=True)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    settings = settings.with_(provenance=f"bench/fit_fidelity.py on {', '.join(sorted(data['comparisons']))}; {when}")
    text = json.dumps(settings.to_json(), indent=1, sort_keys=True) + "\n"
    if args.write:
        SHIPPED.write_text(text, "utf-8")
        print(f"wrote {SHIPPED} (digest {settings.digest()})", file=sys.stderr)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
