"""Writing output files safely: checked before any work, replaced atomically (a leaf of the
package apart from :mod:`aligner.errors`, so every layer that writes files can use it)."""

from __future__ import annotations

import os
import stat
import uuid
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import IO

from ..errors import InputError

__all__ = ["atomic_write", "check_writable", "special_kind", "write_pieces"]


_SPECIAL = ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
            (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


def special_kind(mode: int) -> str | None:
    """What a file of ``st_mode`` ``mode`` is when it is a device node, FIFO or socket
    (``"a FIFO (named pipe)"`` ...), else ``None``; the readers refuse these too."""
    return next((label for test, label in _SPECIAL if test(mode)), None)


def check_writable(path: str | os.PathLike[str]) -> None:
    """Raise ``InputError`` now, before any work, if ``atomic_write(path, ...)`` would fail:
    a NUL in the name, a directory, a device node, FIFO or socket (never replaced), a file or
    folder that cannot be written, or a parent path that runs through a file."""
    name = os.fspath(path)
    if "\x00" in name:
        raise InputError(f"{name!r}: a file name cannot hold a NUL character")
    try:
        st = os.stat(name)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise InputError(f"{name}: cannot write here ({exc.strerror or exc})") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{name}: is a directory; -o/--output needs a file name")
        kind = special_kind(st.st_mode)
        if kind is not None:
            raise InputError(f"{name}: is {kind}; -o/--output writes only regular files "
                             f"(use '-o -' for standard output)")
    parent = Path(name).absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise InputError(f"{name}: cannot write here ({parent} is not a folder)")
    if not os.access(parent, os.W_OK | os.X_OK) or (st is not None and not os.access(name, os.W_OK)):
        raise InputError(f"{name}: cannot write here (permission denied)")


def _anonymous_file(folder: Path) -> int | None:
    """An unnamed file in ``folder`` (Linux ``O_TMPFILE``), or ``None`` where unsupported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:
        return None


def _link_anonymous(fd: int, name: str) -> bool:
    """Give the unnamed file ``fd`` the name ``name``; ``False`` where the system refuses."""
    try:
        os.link(f"/proc/self/fd/{fd}", name, follow_symlinks=True)
        return True
    except OSError:
        pass
    try:  # linkat(fd, "", AT_FDCWD, name, AT_EMPTY_PATH): allowed where /proc's link is not
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.linkat(fd, b"", -100, os.fsencode(name), 0x1000) == 0)
    except (OSError, AttributeError):
        return False


def atomic_write(path: str | os.PathLike[str], text: str | Iterable[str]) -> None:
    """Write ``text`` (a string, or the pieces of one, written as they come so the whole text
    is never held) to ``path`` through a temporary file and a rename.

    An existing file is replaced only when the whole text has been written, and keeps its
    mode (a new file gets ``0666 & ~umask``). Device nodes, FIFOs and sockets are refused,
    never replaced (:func:`check_writable`). The text is written to an unnamed file where
    the system allows it (Linux ``O_TMPFILE``), named only for the final rename, so even a
    process killed mid-write leaves nothing behind; elsewhere a failed write removes its
    temporary file.
    """
    check_writable(path)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    tmp = os.path.join(target.parent, f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    fd = _anonymous_file(target.parent)
    named = False
    try:
        if fd is not None:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                write_pieces(handle, text)
                handle.flush()
                os.fchmod(handle.fileno(), mode)
                named = _link_anonymous(handle.fileno(), tmp)
        if not named:
            with open(tmp, "x", encoding="utf-8", newline="\n") as handle:
                named = True
                write_pieces(handle, text)
                handle.flush()
                os.fchmod(handle.fileno(), mode)
        os.replace(tmp, target)
    except BaseException:
        if named:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise


def write_pieces(handle: IO[str], text: str | Iterable[str]) -> None:
    """Write ``text`` to ``handle``: a string at once, an iterable of pieces one by one."""
    for piece in (text,) if isinstance(text, str) else text:
        handle.write(piece)


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
