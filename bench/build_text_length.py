"""Build ``src/aligner/data/language/text-length.tsv``: how long a text usually is in each
language relative to the same text in English, measured on the alignment dev sets.

Run: .venv/bin/python bench/build_text_length.py [--data ../shared/data] [--check]

Length is :func:`aligner.measures.char_length` (Latin-equivalent characters, so a Han
character or a Hangul syllable weighs more than a Latin letter) of a whole document. For every
English-X document pair of NTREX (``ntrex-dev``, ``ntrex-multi-dev``) the ratio X / English is
taken and the median over the documents is the language's figure. Languages with no English
side are measured through one that has it: French from Text+Berg's de-fr documents times
German's figure. ``--check`` compares the shipped file with a fresh measurement and exits 1 if
they differ (the file is data: the fidelity scorer reads it for documents too short to measure
their own ratio, the aligner as the prior of a document's length ratio; both through ``locale_data.usual_length_ratio``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path

from aligner.measures import char_length

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "aligner" / "data" / "language" / "text-length.tsv"

HEADER = """\
# Usual length of a text in each language relative to the same text in English
# (Latin-equivalent characters, aligner.measures.char_length): the median over whole document
# pairs of the alignment dev sets (NTREX-128 news, CC BY-SA 4.0; French through Text+Berg de-fr).
# Measured, not written by hand: rebuild with `python bench/build_text_length.py`.
# Read by the fidelity scorer for documents too short to measure their own ratio, and by the
# aligner as the prior its documents' length ratio is drawn toward; a language not listed counts as 1.0.
# code<TAB>ratio<TAB># documents
"""


def _doc_pairs(folder: Path, src: str, tgt: str) -> Iterator[tuple[str, str]]:
    """The texts of every document of ``folder`` with a ``.src`` and a ``.tgt`` file."""
    for s in sorted(folder.glob(f"*.{src}")):
        t = s.with_suffix(f".{tgt}")
        if t.is_file():
            yield s.read_text("utf-8"), t.read_text("utf-8")


def _median_ratio(pairs: Iterator[tuple[str, str]]) -> tuple[float, int]:
    """Median of target / source length over document pairs, and how many there were."""
    ratios = [char_length(t) / char_length(s) for s, t in pairs if char_length(s) > 0]
    if not ratios:
        raise SystemExit("no documents measured: is --data the shared data folder?")
    return statistics.median(ratios), len(ratios)


def measure(data: Path) -> dict[str, tuple[float, int]]:
    """Each language's ratio to English and the number of documents it rests on."""
    align = data / "alignment"
    out: dict[str, tuple[float, int]] = {"en": (1.0, 0)}
    out["id"] = _median_ratio(_doc_pairs(align / "ntrex-dev", "en", "id"))
    for folder in sorted((align / "ntrex-multi-dev").iterdir()):
        src, _, tgt = folder.name.partition("-")
        if folder.is_dir() and src == "en":
            out[tgt] = _median_ratio(_doc_pairs(folder, "en", tgt))
    de_fr, n = _median_ratio(_doc_pairs(align / "textberg-dev", "de", "fr"))
    out["fr"] = (de_fr * out["de"][0], n)
    return out


def render(table: dict[str, tuple[float, int]]) -> str:
    """The file's text."""
    rows = [f"{lang}\t{ratio:.3f}\t# " + (f"{n} document{'s' if n > 1 else ''}" if n else "the reference")
            for lang, (ratio, n) in sorted(table.items())]
    return HEADER + "\n".join(rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--check", action="store_true", help="compare with the shipped file, write nothing")
    args = parser.parse_args()
    text = render(measure(args.data))
    if args.check:
        same = OUT.read_text("utf-8") == text
        print("text-length.tsv is current" if same else "text-length.tsv differs from a fresh measurement")
        sys.exit(0 if same else 1)
    OUT.write_text(text, "utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
