"""How many Latin-equivalent characters a Han, kana or Hangul character should count as
(:func:`aligner.measures.char_length` counts each as :data:`aligner.measures.CJK_WEIGHT`).

    .venv/bin/python bench/script_weights.py [--pairs en-ja,en-zh,en-ko,ko-id,en-de]

For the gold 1-1 beads of each NTREX-multi dev pair, the spread (population standard
deviation) of the log ratio of the two sentences' lengths, with each script's letters counted
at each candidate weight: the weight that keeps a sentence's length closest to a fixed multiple
of its translation's is the one a length model reads best. Latin-only pairs are shown for
scale (no weight touches them). On 4 December kana at 1.5 (spread on en-ja 0.209 -> 0.180) was
tried and not kept: it helps the aligner without an encoder but costs en-ja divergence detection,
also with the fidelity model refitted (docs/benchmarks.md, section Alignment, first).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _aligndata import load_set  # noqa: E402

_HAN = regex.compile(r"\p{Han}")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HANGUL = regex.compile(r"\p{Hangul}")

#: (Han, kana, Hangul) weights tried
GRID = ((3, 3, 3), (3, 2.5, 3), (3, 2, 3), (3, 1.5, 3), (3, 1.25, 3), (3, 1, 3),
        (2.5, 1.5, 3), (3.5, 1.5, 3), (3, 1.5, 2.5), (3, 1.5, 2))


def weighted_length(text: str, han: float, kana: float, hangul: float) -> float:
    """Length of ``text`` with the letters of those scripts counted at the given weights."""
    h, k, g = len(_HAN.findall(text)), len(_KANA.findall(text)), len(_HANGUL.findall(text))
    return len(text) - h - k - g + han * h + kana * k + hangul * g


def main(argv: list[str] | None = None) -> int:
    """Print the spread per pair for every weight of :data:`GRID`."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", default="en-ja,en-zh,en-ko,ko-id,en-de")
    args = ap.parse_args(argv)
    pairs = args.pairs.split(",")
    beads = {p: [(d.src[s[0]], d.tgt[t[0]]) for d in load_set(f"ntrex-multi:{p}")
                 for s, t in d.gold if len(s) == 1 and len(t) == 1] for p in pairs}
    print("| Han, kana, Hangul | " + " | ".join(f"{p} ({len(beads[p])} beads)" for p in pairs) + " |")
    print("|---|" + "---|" * len(pairs))
    for w in GRID:
        cells = []
        for p in pairs:
            logs = [math.log(max(1.0, weighted_length(b, *w)) / max(1.0, weighted_length(a, *w))) for a, b in beads[p]]
            cells.append(f"{statistics.pstdev(logs):.4f}")
        print(f"| {w[0]}, {w[1]}, {w[2]} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
