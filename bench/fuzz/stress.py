"""Stress timings and peak memory for the robustness table in docs/robustness.md.

Run: .venv/bin/python bench/fuzz/stress.py [--full] [--memory]
Times segment/load on very large inputs and compare at growing sizes (surface evidence,
``--encoder none``), so the lead can re-check after the banded aligner lands. ``--full`` adds
compare at 2,000 lines a side (minutes with the O(n*m) spine DP).

``--memory`` (only that table) runs ``aligner compare`` with the default settings (USE encoder)
in a fresh process per input and reports its peak RSS against the goal of issue 22:
1 GiB + 50 x the input size (both files), for one-sentence lines up to 5 MB and for
many-line pairs (10,000 and 50,000 lines a side, USE). ``--cases lines,10000,50000`` picks
which (default: all).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
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


ROOT = Path(__file__).resolve().parents[2]
SEED_EN = ROOT / "seeds" / "001_2f5c058692c94630.txt"


def peak_rss(argv: list[str]) -> tuple[int, float, int]:
    """Run ``python -m aligner *argv`` in a new process: (exit code, seconds, peak RSS in bytes)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "aligner", *argv], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.perf_counter() - start, usage.ru_maxrss * 1024


def memory_table(only: set[str] | None = None) -> None:
    """Peak RSS of ``aligner compare`` per input size (default settings, USE encoder);
    ``only``: the cases to run (``lines``, ``10000``, ``50000``), else all."""
    rng = random.Random(1)
    words = "alpha beta gamma delta epsilon".split()
    en = "the minister said prices rose in the city market today while rain fell".split()
    id_ = "menteri mengatakan harga naik di pasar kota hari ini ketika hujan turun".split()
    print(f"{'input':48} {'bytes':>11} {'peak RSS':>10} {'goal':>10} {'time':>8}  exit")
    with tempfile.TemporaryDirectory() as tmp:
        cases = []
        for size in (250_000, 1_000_000, 5_000_000):
            path = Path(tmp) / f"line-{size}.txt"
            text = " ".join(rng.choice(words) for _ in range(size // 6))
            path.write_text(text[:size] + "\n", "utf-8")
            cases.append((f"one-sentence line, {size:,} chars vs seed 001", path, SEED_EN, "en"))
        for lines, encoder in ((10_000, "use"), (50_000, "use")):
            a, b = Path(tmp) / f"en-{lines}.txt", Path(tmp) / f"id-{lines}.txt"
            a.write_text("\n".join(" ".join(rng.choice(en) for _ in range(10)).capitalize() + "." for _ in range(lines)), "utf-8")
            b.write_text("\n".join(" ".join(rng.choice(id_) for _ in range(10)).capitalize() + "." for _ in range(lines)), "utf-8")
            cases.append((f"{lines:,} lines a side (en / id), encoder {encoder}", a, b, "id", encoder))
        for label, src, tgt, tgt_lang, *encoder in cases:
            if only and ("lines" if not encoder else label.split()[0].replace(",", "")) not in only:
                continue
            size = src.stat().st_size + tgt.stat().st_size
            settings = ["--encoder", encoder[0], "--fidelity-encoder", encoder[0]] if encoder else []
            code, seconds, peak = peak_rss(["compare", str(src), str(tgt), "--src-lang", "en", "--tgt-lang", tgt_lang,
                                            *settings, "-o", str(Path(tmp) / "r.json")])
            goal = 2**30 + 50 * size
            mark = "ok" if peak < goal else "OVER"
            print(f"{label:48} {size:11,} {peak / 2**20:8,.0f} M {goal / 2**20:8,.0f} M {seconds:7.1f}s  {code} {mark}",
                  flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--memory", action="store_true", help="only the peak-memory table")
    parser.add_argument("--cases", default="", help="with --memory: lines,10000,50000 (default: all)")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {platform.machine()}, aligner {aligner.__version__}")
    if args.memory:
        memory_table(set(args.cases.split(",")) if args.cases else None)
        return
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
