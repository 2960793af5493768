"""How much the old fidelity length measure (issue 20: U+1100-U+9FFF counted as CJK) differs
from :func:`aligner.measures.char_length` on the dev data.

Run: .venv/bin/python bench/char_length.py [--data ../shared/data]
For every line of the presegmented dev documents (``NAME.xx`` files of the alignment and
divergence sets), counts the
lines whose length the two measures disagree on, and the largest and mean difference there.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aligner.measures import char_length

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def old_char_length(text: str) -> float:
    """The fidelity scorer's copy before the fix."""
    cjk = sum(1 for ch in text if "\u1100" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return len(text) - cjk + 3.0 * cjk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    data = parser.parse_args().data
    print("| set | lines | lines measured differently | mean / largest difference there (chars) |")
    print("|---|---:|---:|---:|")
    for folder in sorted(p for p in (data / "alignment").iterdir() if p.is_dir()) + \
            sorted(p for p in (data / "divergence").iterdir() if p.is_dir()):
        docs = [f for f in sorted(folder.iterdir()) if len(f.suffix) == 3 and f.suffix[1:].isalpha()]  # NAME.en
        lines = [line for f in docs for line in f.read_text("utf-8").splitlines()]
        diffs = [old_char_length(t) - char_length(t) for t in lines]
        changed = [d for d in diffs if d]
        mean = sum(abs(d) for d in changed) / len(changed) if changed else 0.0
        largest = max((abs(d) for d in changed), default=0.0)
        print(f"| {folder.parent.name}/{folder.name} | {len(lines):,} | {len(changed):,} | {mean:.1f} / {largest:.0f} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
