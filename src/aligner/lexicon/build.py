"""Build a lexicon TSV from a dictd database (FreeDict), the way the shipped one was made.

Run ``python -m aligner.lexicon.build /usr/share/dictd/freedict-eng-ind OUT.tsv`` after
``apt-get install dict-freedict-eng-ind``. Each TSV line is ``source<TAB>target``: one word
pair per line, both lower-cased, sorted, duplicates removed.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections.abc import Iterator
from pathlib import Path

import regex

__all__ = ["parse_dictd_entry", "read_dictd", "write_tsv", "write_common_words"]

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SENSE = regex.compile(r"^(\d+)\.\s+(.*)$")
_TRAILING_SENSE = regex.compile(r"\s+\d+\.\s*$")
_PARENS = regex.compile(r"\([^)]*\)")
#: Ding-style FreeDict editions (eng-deu) tag words: ``Abbruchfirma <fem>``, ``[Br.]``, ``[constr.]``.
_TAGS = regex.compile(r"<[^<>]{1,16}>|(?<!\[)\[[^\[\]]{1,24}\](?!\])")


def _b64(value: str) -> int:
    n = 0
    for ch in value:
        n = n * 64 + _B64.index(ch)
    return n


def parse_dictd_entry(entry: str) -> tuple[str, list[str]]:
    """The headword and translations of one FreeDict (WikDict) entry.

    The first line is ``headword /pron/ <pos>``; translation lines are the line after it or
    lines numbered ``1. a, b``; everything else is an English gloss.

    Example:
        >>> parse_dictd_entry("say /seI/ <v>\\n1. kata, sebut\\n2. berkata\\nto pronounce\\n")
        ('say', ['kata', 'sebut', 'berkata'])
    """
    lines = entry.split("\n")
    head = regex.split(r"\s+/|\s+<", lines[0], maxsplit=1)[0].strip()
    out: list[str] = []
    body = [line for line in lines[1:] if line.strip()]  # older FreeDict editions put a blank line first
    candidates: list[str] = []
    if body and not _SENSE.match(body[0]):
        candidates.append(body[0])
    candidates.extend(m.group(2) for line in body if (m := _SENSE.match(line)))
    for line in candidates:
        line = _TAGS.sub("", _PARENS.sub("", _TRAILING_SENSE.sub("", line)))
        for word in line.split(","):
            word = " ".join(word.split())
            if word and word not in out:
                out.append(word)
    return head, out


def read_dictd(base: str | Path) -> Iterator[tuple[str, str]]:
    """``(headword, translation)`` pairs from ``BASE.index`` and ``BASE.dict.dz`` (or ``.dict``)."""
    base = str(base)
    data_path = Path(base + ".dict.dz")
    data = gzip.open(data_path).read() if data_path.exists() else Path(base + ".dict").read_bytes()
    for line in Path(base + ".index").read_text("utf-8").splitlines():
        word, offset, length = line.split("\t")
        if word.startswith("00database"):
            continue
        start = _b64(offset)
        head, translations = parse_dictd_entry(data[start : start + _b64(length)].decode("utf-8"))
        for t in translations:
            yield head, t


def write_tsv(pairs: Iterator[tuple[str, str]], out: str | Path, single_words: bool = False) -> int:
    """Write lower-cased, sorted, unique pairs (``single_words``: only pairs of one word on each
    side); returns how many were written."""
    rows = sorted({(a.lower().strip(), b.lower().strip()) for a, b in pairs
                   if a.strip() and b.strip() and "\t" not in a + b
                   and not (single_words and (" " in a.strip() or " " in b.strip()))})
    Path(out).write_text("".join(f"{a}\t{b}\n" for a, b in rows), "utf-8")
    return len(rows)


_COMMON = regex.compile(r"\p{Ll}{3,}")


def write_common_words(pairs: Iterator[tuple[str, str]], out: str | Path) -> int:
    """Write the headwords that the dictionary writes in lower case (common words: ``academy``,
    ``interior``; never ``Sarah`` or ``Oxford``), single words of three letters or more, sorted;
    returns how many were written."""
    words = sorted({a.strip() for a, _ in pairs if _COMMON.fullmatch(a.strip())})
    Path(out).write_text("".join(f"{w}\n" for w in words), "utf-8")
    return len(words)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m aligner.lexicon.build DICTD_BASE OUT.tsv [--words]``."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("base", help="dictd database path without extension, e.g. /usr/share/dictd/freedict-eng-ind")
    p.add_argument("out", help="TSV file to write")
    p.add_argument("--words", action="store_true", help="write only the lower-case headwords (a common-word list)")
    p.add_argument("--single-words", action="store_true", help="only pairs of one word on each side")
    args = p.parse_args(argv)
    if args.words:
        n = write_common_words(read_dictd(args.base), args.out)
        print(f"{n} words written to {args.out}", file=sys.stderr)
        return 0
    n = write_tsv(read_dictd(args.base), args.out, single_words=args.single_words)
    print(f"{n} pairs written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
