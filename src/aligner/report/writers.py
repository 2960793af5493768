"""The writer registry; files are written by :func:`aligner.io.output.atomic_write`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator

from ..compare.pair import Comparison
from ..errors import ConfigError
from ..io.output import atomic_write, check_writable
from . import html, jsonfmt, markdown, tabular
from .model import Report

__all__ = ["FORMATS", "render", "render_pieces", "write_report", "atomic_write", "check_writable"]

#: format name -> renderer returning the whole report as text.
FORMATS: dict[str, Callable[[Comparison], str]] = {
    "json": jsonfmt.render,
    "md": markdown.render,
    "html": html.render,
    "tsv": tabular.render_tsv,
    "tmx": tabular.render_tmx,
}


#: format name -> renderer of a comparison's report model (one model serves every format).
_FROM_MODEL: dict[str, Callable[[Comparison, Report], str]] = {
    "json": jsonfmt.render,
    "md": lambda c, report: markdown.render_report(report),
    "html": lambda c, report: html.render_report(report),
    "tsv": lambda c, report: tabular.render_tsv_report(report),
    "tmx": lambda c, report: tabular.render_tmx_report(report),
}


def render(comparison: Comparison, fmt: str, report: Report | None = None) -> str:
    """Render ``comparison`` in format ``fmt`` (one of ``FORMATS``); pass ``report``, its
    :func:`aligner.report.model.build_report` model, when writing several formats."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown report format {fmt!r}; choose one of {sorted(FORMATS)}")
    if report is None:
        return _encodable(FORMATS[fmt](comparison))
    return _encodable(_FROM_MODEL[fmt](comparison, report))


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
