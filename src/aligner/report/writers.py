"""The writer registry; files are written by :func:`aligner.io.output.atomic_write`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from ..compare.pair import Comparison
from ..errors import ConfigError
from ..io.output import atomic_write, check_writable
from . import html, jsonfmt, markdown, tabular

__all__ = ["FORMATS", "render", "write_report", "atomic_write", "check_writable"]

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
    """Render and write a report atomically."""
    atomic_write(path, render(comparison, fmt))
