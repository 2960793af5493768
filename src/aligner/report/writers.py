"""The writer registry; files are written by :func:`aligner.io.output.atomic_write`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator

from ..compare.pair import Comparison
from ..errors import ConfigError
from ..io.output import atomic_write, check_writable
from . import html, jsonfmt, markdown, tabular

__all__ = ["FORMATS", "render", "render_pieces", "write_report", "atomic_write", "check_writable"]

#: format name -> renderer returning the whole report as text.
FORMATS: dict[str, Callable[[Comparison], str]] = {
    "json": jsonfmt.render,
    "md": markdown.render,
    "html": html.render,
    "tsv": tabular.render_tsv,
    "tmx": tabular.render_tmx,
}


def render(comparison: Comparison, fmt: str) -> str:
    """Render ``comparison`` in format ``fmt`` (one of ``FORMATS``)."""
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ConfigError(f"unknown report format {fmt!r}; choose one of {sorted(FORMATS)}") from None
    return _encodable(renderer(comparison))


#: Pieces of a streamed report are joined into parts of about this many characters.
_PART_CHARS = 1 << 20


def render_pieces(comparison: Comparison, fmt: str) -> Iterator[str]:
    """:func:`render`'s text in parts of about a megabyte, made as they are written: the JSON
    report of a long pair is never held whole (the other formats are rendered at once)."""
    if fmt != "json":
        yield render(comparison, fmt)
        return
    batch: list[str] = []
    size = 0
    for piece in jsonfmt.render_pieces(comparison):
        batch.append(piece)
        size += len(piece)
        if size >= _PART_CHARS:
            yield _encodable("".join(batch))
            batch, size = [], 0
    if batch:
        yield _encodable("".join(batch))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> str:
    """``text`` with lone surrogates (which UTF-8 cannot hold) replaced by U+FFFD, one code
    point for one, so offsets in the report stay true."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text)
    return text


def write_report(comparison: Comparison, fmt: str, path: str | os.PathLike[str]) -> None:
    """Render and write a report atomically (a JSON report as it is made)."""
    atomic_write(path, render_pieces(comparison, fmt))
