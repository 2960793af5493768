"""Clauses of a sentence, for evidence below the sentence (:func:`edge_clause`).

A clause ends after a comma, semicolon or colon of any script (the punctuation characters
whose Unicode name says so: ``,`` ``;`` ``:``, the ideographic and fullwidth commas, the
Arabic comma, ...), before a dash between spaces (`` - ``, `` – ``, `` — ``), and after a
sentence-ending mark inside the line (a sentence the segmenter left joined: ``250 m. Six``;
not after a digit, so that ordinals such as ``1.`` stay with their text). The marks come from
the Unicode character database, so the split holds in every script and knows no language.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache

import regex

__all__ = ["clauses", "edge_clause", "edge_pieces"]


@lru_cache(maxsize=1)
def _breaks() -> regex.Pattern[str]:
    """The clause breaks (compiled on first use: the scan of the character database takes a
    fifth of a second)."""
    marks = regex.escape(_clause_marks())
    return regex.compile(
        r"(?<=[" + marks + r"])(?!(?<=\p{N}.)\p{N})\s*"  # after a comma, semicolon, colon (not 38,6)
        r"|\s+(?=\p{Pd}\s)"  # before a spaced dash
        r"|(?<=[^\s\p{N}][\p{Sentence_Terminal}])\s+(?=\S)"  # after a sentence end inside the line
        r"|(?<=[^\s\p{N}][\u3002\uff01\uff1f])(?=\S)")  # ideographic and fullwidth ends, no space after


def _clause_marks() -> str:
    """Every punctuation character whose Unicode name holds COMMA, SEMICOLON or COLON (quotation
    marks named after commas excluded)."""
    marks = []
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if not unicodedata.category(c).startswith("P"):
            continue
        name = unicodedata.name(c, "")
        if any(w in name for w in ("COMMA", "SEMICOLON", "COLON")) and "QUOTATION" not in name:
            marks.append(c)
    return "".join(marks)


_CONTENT = regex.compile(r"[\p{L}\p{N}]")


@lru_cache(maxsize=100_000)
def clauses(text: str) -> tuple[str, ...]:
    """The clauses of ``text`` in order, stripped; a piece without a letter or digit (a lone
    bracket, a dash) stays with the clause before it (with the next one at the start).

    Example:
        >>> clauses("Sie kamen spät, aber froh; dann schliefen sie.")
        ('Sie kamen spät,', 'aber froh;', 'dann schliefen sie.')
    """
    out: list[str] = []
    pending = ""
    for piece in _breaks().split(text):
        piece = piece.strip()
        if not piece:
            continue
        if not _CONTENT.search(piece):
            if out:
                out[-1] = out[-1] + " " + piece
            else:
                pending = (pending + " " + piece).strip()
            continue
        out.append((pending + " " + piece).strip() if pending else piece)
        pending = ""
    if pending:
        out.append(pending)
    return tuple(out)


def edge_clause(text: str, first: bool) -> tuple[str, str] | None:
    """``(clause, rest)``: the first (or last) clause of ``text`` and the text without it, or
    ``None`` for a sentence of one clause.

    Example:
        >>> edge_clause("Es wurde Zeit, einen Platz zu suchen.", first=True)
        ('Es wurde Zeit,', 'einen Platz zu suchen.')
    """
    parts = clauses(text)
    if len(parts) < 2:
        return None
    if first:
        return parts[0], " ".join(parts[1:])
    return parts[-1], " ".join(parts[:-1])


def edge_pieces(text: str, first: bool, max_clauses: int = 4, max_share: float = 0.5) -> tuple[str, ...]:
    """The first (or last) one, two, ... clauses of ``text`` as pieces, shortest first: up to
    ``max_clauses`` clauses, always leaving one out, and beyond the single clause at most
    ``max_share`` of the text's characters; empty for a sentence of one clause. A comma inside
    a quoted sentence or an abbreviation's full stop cuts a clause shorter than the text a
    translator moved, which a longer piece holds.

    Example:
        >>> edge_pieces("Er kam, sah es, und ging dann lange nach Hause.", first=True)
        ('Er kam,', 'Er kam, sah es,')
    """
    parts = clauses(text)
    out: list[str] = []
    for k in range(1, min(max_clauses, len(parts) - 1) + 1):
        piece = " ".join(parts[:k] if first else parts[-k:])
        if k > 1 and len(piece) > max_share * len(text):
            break
        out.append(piece)
    return tuple(out)
