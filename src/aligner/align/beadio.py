"""Bead files: vecalign's one-bead-per-line format, ``[3, 4]:[5]:0.912`` (the third field,
a confidence or score, is optional). The one reader and writer of that format.

A leaf module (it imports only :mod:`aligner.errors`): it works on index tuples, so both
:class:`~aligner.align.model.Bead` and evaluation (which accepts hand-made gold beads with
gaps) build on it.
"""

from __future__ import annotations

from ..errors import InputError

__all__ = ["BeadPair", "format_bead_line", "parse_bead_line", "read_beads"]

BeadPair = tuple[tuple[int, ...], tuple[int, ...]]

_SHAPE = "expected [src]:[tgt] with an optional :score"


def format_bead_line(src: tuple[int, ...], tgt: tuple[int, ...], confidence: float | None = None) -> str:
    """``[3, 4]:[5]:0.912`` (confidence with three decimals) or ``[3, 4]:[5]`` when it is None.

    Example:
        >>> format_bead_line((3, 4), (5,), 0.9123), format_bead_line((), (0,))
        ('[3, 4]:[5]:0.912', '[]:[0]')
    """
    text = f"[{', '.join(map(str, src))}]:[{', '.join(map(str, tgt))}]"
    return text if confidence is None else f"{text}:{confidence:.3f}"


def parse_bead_line(line: str) -> tuple[tuple[int, ...], tuple[int, ...], float | None]:
    """``(src, tgt, score)`` of one bead line (``score`` None when absent); ValueError when
    the line is not a bead line. Indices are not checked for order or gaps.

    Example:
        >>> parse_bead_line("[0, 1]:[]:0.5"), parse_bead_line(" [] : [2] ")
        (((0, 1), (), 0.5), ((), (2,), None))
    """
    parts = line.strip().split(":")
    if len(parts) not in (2, 3):
        raise ValueError(_SHAPE)
    ids = []
    for field in parts[:2]:
        field = field.strip()
        if not (field.startswith("[") and field.endswith("]")):
            raise ValueError(_SHAPE)
        inner = field[1:-1].strip()
        ids.append(tuple(int(x) for x in inner.split(",")) if inner else ())
    score = float(parts[2]) if len(parts) == 3 and parts[2].strip() else None
    return ids[0], ids[1], score


def read_beads(text: str, source: str = "<beads>") -> list[BeadPair]:
    """Parse a bead file into ``(src, tgt)`` pairs; blank lines are skipped.

    Indices need not be consecutive (hand-made gold sometimes skips a sentence inside a
    bead). Raises ``InputError`` naming ``source`` and the line number on a malformed line.
    """
    out: list[BeadPair] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            src, tgt, _ = parse_bead_line(line)
        except ValueError as exc:
            raise InputError(f"{source}: line {number}: not a bead line ({exc}): {line.strip()[:80]!r}") from None
        out.append((src, tgt))
    return out
