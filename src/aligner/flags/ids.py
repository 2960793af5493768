"""Stable flag ids: the same divergence gets the same id in every run and every report.

An id is made from the flag's type and the text it points at (its evidence spans, or the
bead's sentences when it has no evidence), never from a position: inserting a paragraph
above it, re-segmenting elsewhere or another run with other settings leaves it unchanged,
so a reviewer's decision about it ("accepted: a false alarm") can be applied again.

Two flags of one type over the same text (a repeated sentence) share an id: one decision
covers both.

Example:
    >>> from aligner.flags import Evidence, Flag
    >>> f = Flag("omission", "major", "not translated", (Evidence("src", 0, 0, 6),))
    >>> flag_id(f, lambda side, a, b: "Halo.  "[a:b], ("Halo.",), ())
    'omission-9ddc7b778c'
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Sequence

from .model import Flag

__all__ = ["flag_id", "normalise"]


def normalise(text: str) -> str:
    """NFC, whitespace runs as one space, no space at either end."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def flag_id(flag: Flag, text_of: Callable[[str, int, int], str], src_texts: Sequence[str],
            tgt_texts: Sequence[str]) -> str:
    """``"<type>-<10 hex digits>"`` from the flag's type and the text it points at.

    ``text_of(side, start, end)`` returns a slice of that side's text; ``src_texts`` /
    ``tgt_texts`` are the bead's sentences, used when the flag has no evidence.
    """
    if flag.evidence:
        parts = sorted(f"{ev.side}:{normalise(text_of(ev.side, ev.start, ev.end))}" for ev in flag.evidence)
    else:
        parts = [f"src:{normalise(' '.join(src_texts))}", f"tgt:{normalise(' '.join(tgt_texts))}"]
    digest = hashlib.sha256("\x1f".join([flag.type, *parts]).encode("utf-8")).hexdigest()
    return f"{flag.type}-{digest[:10]}"
