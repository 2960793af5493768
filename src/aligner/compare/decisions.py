"""Reviewers' decisions about flags: which ones were looked at and accepted (false alarms,
or divergences that are fine), saved as a file and applied to later runs.

A decisions file is JSON (the HTML report's "Save decisions" button writes it; so does
:func:`write_decisions`)::

    {"format": "aligner-decisions", "version": 1, "signature": "...",
     "source": "a.html", "target": "b.html",
     "accepted": [{"id": "number_mismatch-1a2b3c4d5e", "type": "number_mismatch",
                   "bead": 3, "src": "...", "tgt": "..."}]}

Only ``accepted[].id`` is read back (a plain JSON list of ids works too); the rest is there
for people. Ids come from :func:`aligner.flags.ids.flag_id`, so a decision still applies when
the texts moved or the settings changed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import replace

from ..errors import InputError
from ..flags.ids import flag_id
from ..io.output import atomic_write
from .pair import Comparison

__all__ = ["DECISIONS_FORMAT", "accept", "decisions_data", "flag_ids", "read_decisions", "write_decisions"]

DECISIONS_FORMAT = "aligner-decisions"


def flag_ids(c: Comparison) -> tuple[tuple[str, ...], ...]:
    """The stable id of every flag, one tuple per bead (parallel to ``c.flags``)."""
    def text_of(side: str, start: int, end: int) -> str:
        return (c.src if side == "src" else c.tgt).text[start:end]

    out = []
    for bead, flags in zip(c.alignment.beads, c.flags):
        src_texts = [c.src.sentence_text(i) for i in bead.src]
        tgt_texts = [c.tgt.sentence_text(j) for j in bead.tgt]
        out.append(tuple(flag_id(f, text_of, src_texts, tgt_texts) for f in flags))
    return tuple(out)


def accept(c: Comparison, accepted: Iterable[str]) -> tuple[Comparison, int]:
    """``c`` without the flags whose id is in ``accepted``, and how many flags were kept out.

    Scores and fidelity are unchanged: a decision is about what is shown, not what was measured.
    """
    wanted = set(accepted)
    if not wanted:
        return c, 0
    kept_out = 0
    flags = []
    for group, ids in zip(c.flags, flag_ids(c)):
        keep = tuple(f for f, i in zip(group, ids) if i not in wanted)
        kept_out += len(group) - len(keep)
        flags.append(keep)
    return (replace(c, flags=tuple(flags)) if kept_out else c), kept_out


def read_decisions(path: str | os.PathLike[str]) -> frozenset[str]:
    """The accepted flag ids of a decisions file (``InputError`` with a one-line reason if unusable)."""
    from ..io import read_path

    text = read_path(path).text
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a decisions file (invalid JSON: {exc.msg} at line {exc.lineno})") from None
    if isinstance(data, dict):
        if data.get("format", DECISIONS_FORMAT) != DECISIONS_FORMAT:
            raise InputError(f"{path}: not a decisions file (format {data.get('format')!r})")
        items = data.get("accepted", [])
    else:
        items = data
    if not isinstance(items, list):
        raise InputError(f"{path}: 'accepted' must be a list of flags or flag ids")
    ids = []
    for item in items:
        value = item.get("id") if isinstance(item, dict) else item
        if not isinstance(value, str) or not value:
            raise InputError(f"{path}: every accepted entry needs an id string, got {value!r}")
        ids.append(value)
    return frozenset(ids)


def decisions_data(c: Comparison, accepted: Iterable[str]) -> dict[str, object]:
    """The decisions file content for the flags of ``c`` whose id is in ``accepted``."""
    wanted = set(accepted)
    entries = []
    for k, (bead, group, ids) in enumerate(zip(c.alignment.beads, c.flags, flag_ids(c))):
        for f, i in zip(group, ids):
            if i in wanted:
                entries.append({"id": i, "type": f.type, "severity": f.severity, "bead": k,
                                "src": " ".join(c.src.sentence_text(j) for j in bead.src),
                                "tgt": " ".join(c.tgt.sentence_text(j) for j in bead.tgt)})
    return {"format": DECISIONS_FORMAT, "version": 1, "signature": c.signature,
            "source": c.src.path, "target": c.tgt.path, "accepted": entries}


def write_decisions(c: Comparison, accepted: Iterable[str], path: str | os.PathLike[str]) -> None:
    """Write a decisions file accepting those flags of ``c`` whose id is in ``accepted``."""
    atomic_write(path, json.dumps(decisions_data(c, accepted), ensure_ascii=False, indent=1) + "\n")
