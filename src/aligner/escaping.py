"""The one escaping function for messages that quote input (file names, manifest fields, text).

Anything an input can hold and a terminal acts on is shown escaped: C0 and C1 control
characters (ESC, so CSI/OSC sequences such as ``\\x1b]0;title\\x07``; the 8-bit CSI ``\\x9b``),
DEL, line and paragraph separators, and the bidirectional controls that reorder what a reader
sees (U+202A-U+202E embeddings and overrides, U+2066-U+2069 isolates, LRM/RLM/ALM). Every
other character is kept, so names in any script stay readable.
"""

from __future__ import annotations

import unicodedata

__all__ = ["escape_controls", "escape_for_terminal", "BIDI_CONTROLS"]

#: Bidirectional formatting characters: marks, embeddings, overrides, isolates.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _unsafe(ch: str) -> bool:
    return ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Zl", "Zp")


def escape_controls(text: object) -> str:
    """``str(text)`` with every control, separator and bidi character shown as an escape.

    Example:
        >>> escape_controls("a\\x1b]0;PWNED\\x07\\x9b\\u202eb.txt")
        'a\\\\x1b]0;PWNED\\\\x07\\\\x9b\\\\u202eb.txt'
        >>> escape_controls("café 東京")
        'café 東京'
    """
    s = str(text)
    if s.isprintable():  # every character above is non-printable (Cc, Cf, Zl, Zp)
        return s
    return "".join(_escaped(ch) if _unsafe(ch) else ch for ch in s)


def escape_for_terminal(text: str) -> str:
    """``text`` as :func:`escape_controls` shows it, but with its line breaks and tabs kept.

    For whole outputs (sentences, beads, a Markdown report) written to a terminal: the layout
    stays, and an escape sequence or bidi override inside an article cannot act on the terminal.

    Example:
        >>> escape_for_terminal("a\\x1b[2J\\tb\\nc\\u202e")
        'a\\\\x1b[2J\\tb\\nc\\\\u202e'
    """
    return "\n".join("\t".join(escape_controls(cell) for cell in line.split("\t"))
                     for line in text.split("\n"))
