"""Encoding damage (mojibake) found by ``aligner.mojibake``: recall on damaged lines and false
alarms on clean ones, per language.

Every line of the NTREX-multi dev documents (14 languages) and of the UD segmentation dev
paragraphs (17 languages) is scored clean as it is, and damaged the two ways a CMS damages
text: its UTF-8 bytes decoded as Latin-1 and as Windows-1252 (undecodable bytes replaced).
A damaged line that reads the same as the clean one (pure ASCII) is not counted.

    .venv/bin/python bench/mojibake.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from aligner.mojibake import mojibake_repair

ROOT = Path(__file__).resolve().parents[1]


def _lines(data: Path) -> dict[str, list[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for path in sorted((data / "alignment" / "ntrex-multi-dev").glob("*/*")):
        lang = path.suffix[1:]
        if lang in path.parent.name.split("-"):
            out[lang].update(line.strip() for line in path.read_text("utf-8").splitlines() if line.strip())
    for path in sorted((data / "segmentation").glob("*.dev.jsonl")):
        lang = path.name.split(".")[0]
        for row in path.read_text("utf-8").splitlines():
            if row:
                out[lang].update(p.strip() for p in json.loads(row)["text"].split("\n") if p.strip())
    return {lang: sorted(lines) for lang, lines in sorted(out.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not (data / "alignment").is_dir():
        print(f"bench: no data at {data}", file=sys.stderr)
        return 2
    print("| lang | clean lines | false alarms | damaged (latin-1) found | damaged (cp1252) found | repaired exactly |")
    print("|---|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0, 0, 0, 0]
    t0 = time.process_time()
    calls = 0
    for lang, lines in _lines(data).items():
        alarms = found1 = n1 = found2 = n2 = exact = 0
        for line in lines:
            calls += 1
            alarms += mojibake_repair(line) is not None
            for encoding in ("latin-1", "cp1252"):
                damaged = line.encode("utf-8").decode(encoding, errors="replace")
                if damaged == line:
                    continue
                calls += 1
                repair = mojibake_repair(damaged)
                if encoding == "latin-1":
                    n1 += 1
                    found1 += repair is not None
                else:
                    n2 += 1
                    found2 += repair is not None
                exact += repair is not None and repair[0] == line
        totals = [a + b for a, b in zip(totals, [len(lines), alarms, found1, n1, found2, n2, exact])]
        print(f"| {lang} | {len(lines)} | {alarms} | {found1}/{n1} | {found2}/{n2} | {exact}/{n1 + n2} |")
    t, a, f1, n1, f2, n2, ex = totals
    print(f"| all | {t} | {a} | {f1}/{n1} = {f1 / max(n1, 1):.3f} | {f2}/{n2} = {f2 / max(n2, 1):.3f} | "
          f"{ex}/{n1 + n2} = {ex / max(n1 + n2, 1):.3f} |")
    print(f"CPU {time.process_time() - t0:.1f} s for {calls} lines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
