"""Read a batch manifest: a TSV of document pairs, one pair per row.

Format (UTF-8, tab-separated, first line is the header)::

    name<TAB>src<TAB>tgt
    bbc.381646<TAB>en/bbc.381646.txt<TAB>id/bbc.381646.txt

``name`` becomes the output file ``OUTDIR/<name>.json``; it must be a plain file name (no
``/``, ``\\``, ``..``, not ``summary`` or ``consistency``, not starting with ``.``) and unique, letter case
ignored. ``src`` and ``tgt`` are paths; relative ones are relative to the manifest's folder
(not to the current directory), so a manifest and its documents can be moved together.
Blank lines are ignored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..io.reader import read_bounded

__all__ = ["HEADER", "RESERVED_NAMES", "ManifestEntry", "read_manifest", "parse_manifest", "check_name"]

#: The exact header row, as fields.
HEADER = ("name", "src", "tgt")
#: Names taken by the run itself (``summary.json``; ``consistency.json``, the QA checks' findings across pairs).
RESERVED_NAMES = frozenset({"summary", "consistency"})


@dataclass(frozen=True)
class ManifestEntry:
    """One document pair of a manifest.

    Attributes:
        index: 0-based position among the pairs (the order results are reported in).
        line: 1-based line number in the manifest file (the header is line 1).
        name: output name; the pair's report is ``OUTDIR/<name>.json``.
        src, tgt: absolute paths of the two documents.
    """

    index: int
    line: int
    name: str
    src: str
    tgt: str

    def __post_init__(self) -> None:
        if self.index < 0 or self.line < 2:
            raise ValueError(f"index must be >= 0 and line >= 2, got {self.index} and {self.line}")


def check_name(name: str) -> str | None:
    """Why ``name`` cannot be an output file name, or ``None`` when it can.

    Example:
        >>> check_name("../etc/passwd")
        "a name must not contain '/', '\\\\' or '..'"
    """
    if not name.strip():
        return "the name is empty"
    if "/" in name or "\\" in name or ".." in name:
        return "a name must not contain '/', '\\' or '..'"
    if name.startswith("."):
        return "a name must not start with '.'"
    if any(ord(ch) < 32 for ch in name):
        return "a name must not contain control characters"
    if name.casefold() in RESERVED_NAMES:
        return f"the name {name!r} is reserved for the run's own files (summary.json, consistency.json)"
    return None


def parse_manifest(text: str, base_dir: str | os.PathLike[str],
                   source: str = "<manifest>") -> tuple[ManifestEntry, ...]:
    """Parse manifest ``text``; relative paths are joined to ``base_dir`` (made absolute).

    Raises ``InputError`` naming ``source`` and the line for a missing or wrong header, a row
    without exactly three non-empty fields, a bad name or a name used twice.
    """
    base = Path(base_dir).absolute()
    lines = text.lstrip("\ufeff").splitlines()
    if not lines:
        raise InputError(f"{source}: the manifest is empty; its first line must be the header "
                         f"'name<TAB>src<TAB>tgt'")
    header = tuple(field.strip() for field in lines[0].split("\t"))
    if header != HEADER:
        raise InputError(f"{source}:1: the header must be 'name<TAB>src<TAB>tgt' "
                         f"(tab-separated), got {lines[0][:80]!r}")
    entries: list[ManifestEntry] = []
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(lines[1:], start=2):
        if not raw.strip():
            continue
        fields = raw.split("\t")
        if len(fields) != 3:
            raise InputError(f"{source}:{lineno}: expected 3 tab-separated fields (name, src, tgt), "
                             f"got {len(fields)}")
        name, src, tgt = (f.strip() for f in fields)
        if not src or not tgt:
            raise InputError(f"{source}:{lineno}: the {'src' if not src else 'tgt'} path is empty")
        problem = check_name(name)
        if problem:
            raise InputError(f"{source}:{lineno}: bad name {name!r}: {problem}")
        key = name.casefold()  # case-insensitive file systems would give both one file
        if key in seen:
            raise InputError(f"{source}:{lineno}: the name {name!r} is already used on line {seen[key]} "
                             f"(names must differ in more than letter case)")
        seen[key] = lineno
        entries.append(ManifestEntry(len(entries), lineno, name, str(base / src), str(base / tgt)))
    return tuple(entries)


def read_manifest(path: str | os.PathLike[str], max_bytes: int | None = None) -> tuple[ManifestEntry, ...]:
    """Read and parse the manifest file at ``path`` (see the module docstring for the format).

    Read with :func:`aligner.io.read_bounded`: FIFOs and devices are refused, at most
    ``max_bytes`` (default ``Limits.max_bytes``) are read.
    """
    p = Path(path)
    data = read_bounded(p, max_bytes, what="manifest file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: the manifest is not UTF-8 (byte {exc.start})") from None
    return parse_manifest(text, p.absolute().parent, str(p))
