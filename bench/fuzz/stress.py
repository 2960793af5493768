"""Stress timings for the robustness table in docs/robustness.md.

Run: .venv/bin/python bench/fuzz/stress.py [--full]
Times segment/load on very large inputs and compare at growing sizes (surface evidence,
``--encoder none``), so the lead can re-check after the banded aligner lands. ``--full`` adds
compare at 2,000 lines a side (minutes with the O(n*m) spine DP).
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

import aligner
from aligner.segment import segment


def timed(label: str, fn, *args) -> object:
    """Print how long ``fn(*args)`` takes and return its result."""
    start = time.perf_counter()
    result = fn(*args)
    print(f"{label:55} {time.perf_counter() - start:8.2f} s", flush=True)
    return result


def runon(n: int) -> str:
    rng = random.Random(0)
    words = "harga naik pemerintah diam kota besar hujan deras sekali".split()
    return " ".join(rng.choice(words) for _ in range(n // 5))[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.machine()}, aligner {aligner.__version__}")
    for n in (250_000, 1_000_000):
        text = runon(n)
        timed(f"segment run-on line, no punctuation, {n:,} chars", segment, text, "id")
    for n in (25_000, 100_000):
        text = "\n".join(f"Ok {i}." for i in range(n))
        timed(f"segment {n:,} tiny lines", segment, text, "en")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lines.txt"
        path.write_text("\n".join(f"Line {i} is here." for i in range(100_000)), "utf-8")
        timed("load (read + detect language + segment) 100,000 lines", lambda: aligner.load(path))
    for n in (1_000, 2_000, 4_000):
        text = " ".join(f"Ok {i}." for i in range(n))
        timed(f"segment {n:,} sentences on one line", segment, text, "en")
    for n in (4_000, 8_000, 16_000):
        text = "a." * (n // 2)
        timed(f"segment 'a.a.a.' blob, {n:,} chars", segment, text, "en")
    sizes = (250, 500, 1_000) + ((2_000,) if args.full else ())
    for n in sizes:
        src = aligner.from_text("\n".join(f"The price rose {i} percent today." for i in range(n)), "en")
        tgt = aligner.from_text("\n".join(f"Harga naik {i} persen hari ini." for i in range(n)), "id")
        timed(f"compare {n:,} x {n:,} lines (encoder none)", aligner.compare, src, tgt)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
