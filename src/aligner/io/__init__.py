"""Reading inputs: files and strings to decoded text (encodings, line endings, limits)."""

from .limits import check_alignable
from .reader import MAX_BYTES, DecodedText, decode_bytes, read_bounded, read_path, read_stdin

__all__ = ["MAX_BYTES", "DecodedText", "decode_bytes", "read_path", "read_bounded", "read_stdin", "check_alignable"]
