"""Decode input files into text, with clear errors for inputs that cannot be used.

Every failure raises :class:`aligner.errors.InputError` with a one-line message naming the
file; the CLI turns it into exit code 2.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["MAX_BYTES", "DecodedText", "decode_bytes", "read_path"]

#: Largest input accepted, in bytes (50 MiB). Larger files get an InputError saying so.
MAX_BYTES = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from bytes, with the encoding that was used."""

    text: str
    encoding: str


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(8, len(sample) // 50)


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.lstrip("\ufeff")


def decode_bytes(data: bytes, name: str = "<input>") -> DecodedText:
    """Decode ``data``: BOM first, then UTF-8, then a charset detector (charset-normalizer).

    Line endings become ``\\n``; a leading BOM is dropped. Raises ``InputError`` for empty,
    whitespace-only, binary or undecodable input.
    """
    if not data:
        raise InputError(f"{name}: the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {encoding} after its byte-order mark ({exc.reason})") from None
            return _checked(DecodedText(_normalise(text), encoding), name)
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return _checked(DecodedText(_normalise(data.decode("utf-8")), "utf-8"), name)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: cannot decode the text (not UTF-8 and no other encoding fits)")
    return _checked(DecodedText(_normalise(str(best)), best.encoding), name)


def _checked(decoded: DecodedText, name: str) -> DecodedText:
    if not decoded.text.strip():
        raise InputError(f"{name}: the file holds only whitespace")
    return decoded


def read_path(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> DecodedText:
    """Read and decode a file; raise ``InputError`` with a one-line reason if it cannot be used."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, expected a text file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{p}: the file has {size:,} bytes, more than the limit of {max_bytes:,} bytes"
            )
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read the file ({exc.strerror or exc})") from None
    return decode_bytes(data, str(p))
