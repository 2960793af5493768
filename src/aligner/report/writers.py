"""The writer registry and atomic file output."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..compare.pair import Comparison
from ..errors import ConfigError
from . import html, jsonfmt, markdown, tabular

__all__ = ["FORMATS", "render", "write_report", "atomic_write"]

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


def atomic_write(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    An existing file is replaced only when the whole text has been written.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@lru_cache(maxsize=1)
def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` would race with threads)."""
    try:
        for line in Path("/proc/self/status").read_text("ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022


def write_report(comparison: Comparison, fmt: str, path: str | os.PathLike[str]) -> None:
    """Render and write a report atomically."""
    atomic_write(path, render(comparison, fmt))
