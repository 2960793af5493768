"""The story matrix: names, numbers and dates across documents that tell one story.

Numbers and dates match by their normalised key (value, ``MM-DD``). Names match with
:func:`aligner.compare.entities.names_match` (case, accents, inflection and surname-only
mentions), chained across documents: ``Sam Altman`` (en), ``Altman`` (ko, in Latin letters)
and ``Altmans`` (de) form one row. A document's weak name candidates (a German noun, a
sentence-opening word) count only when they match another document's name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .components import connected_components
from .entities import Entities, Mention, names_match

__all__ = ["StoryRow", "StoryMatrix", "story_matrix"]


@dataclass(frozen=True)
class StoryRow:
    """One name, number or date and where it occurs.

    Attributes:
        kind: ``"name"``, ``"number"`` or ``"date"``.
        label: how it is shown (the first surface form found, in column order).
        cells: per column of the matrix, the surface forms found there (empty: not mentioned).
    """

    kind: str
    label: str
    cells: tuple[tuple[str, ...], ...]

    @property
    def count(self) -> int:
        """In how many documents of the matrix it occurs."""
        return sum(1 for c in self.cells if c)


@dataclass(frozen=True)
class StoryMatrix:
    """What a cluster of documents on one story mentions: shared rows first, then unique ones.

    Attributes:
        documents: the columns (indices into the set's documents), in input order.
        rows: one ``StoryRow`` per matched name / number / date.
    """

    documents: tuple[int, ...]
    rows: tuple[StoryRow, ...]

    def shared(self) -> tuple[StoryRow, ...]:
        """Rows mentioned by two or more documents."""
        return tuple(r for r in self.rows if r.count >= 2)

    def unique_to(self, column: int) -> tuple[StoryRow, ...]:
        """Rows mentioned only by the document in column ``column``."""
        return tuple(r for r in self.rows if r.count == 1 and r.cells[column])


_KIND_ORDER = {"name": 0, "number": 1, "date": 2}


def _joinable(a: Mention, b: Mention) -> bool:
    """Whether two name mentions go in one row.

    An acronym alone (``CEO``) joins only its equal: otherwise ``Microsoft CEO`` would chain
    ``Microsoft`` and ``CEO`` into one row.
    """
    if a.key == b.key:
        return True
    for x, y in ((a, b), (b, a)):
        if " " not in x.key and " " in y.key and x.surface.isupper():
            return False
    return names_match(a.key, b.key)


def _block_keys(key: str) -> set[str]:
    return {k for word in key.split() for k in (word[:4], word[-4:])}


def _block_index(mentions: Sequence[Mention]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for k, m in enumerate(mentions):
        for b in _block_keys(m.key):
            index.setdefault(b, []).append(k)
    return index


def _candidates(key: str, index: dict[str, list[int]]) -> list[int]:
    return sorted({k for b in _block_keys(key) for k in index.get(b, ())})


def story_matrix(documents: Sequence[int], entities: Sequence[Entities]) -> StoryMatrix:
    """Match the mentions of ``entities`` (one per column, for ``documents``) into rows.

    Example:
        >>> from aligner import from_text
        >>> from aligner.compare.entities import extract_entities
        >>> a = extract_entities(from_text("Yesterday OpenAI fired Sam Altman on November 17.", "en"))
        >>> b = extract_entities(from_text("Kemarin OpenAI memecat Altman pada 17 November.", "id"))
        >>> [(r.label, r.count) for r in story_matrix([0, 1], [a, b]).rows]
        [('OpenAI', 2), ('Sam Altman', 2), ('November 17', 2)]
    """
    if len(documents) != len(entities):
        raise ValueError(f"need one Entities per document, got {len(entities)} for {len(documents)}")
    cols = len(documents)
    rows: list[StoryRow] = []
    for kind in ("number", "date"):
        by_key: dict[str, list[list[str]]] = {}
        for c, e in enumerate(entities):
            for m in (e.numbers if kind == "number" else e.dates):
                by_key.setdefault(m.key, [[] for _ in range(cols)])[c].append(m.surface)
        for surfaces in by_key.values():
            label = next(s for cell in surfaces for s in cell)
            rows.append(StoryRow(kind, label, tuple(tuple(dict.fromkeys(cell)) for cell in surfaces)))

    # names: strong mentions, plus weak ones confirmed by another column's strong mention.
    # Only mentions sharing a blocking key (first or last four letters of a word) are
    # compared, so the cost grows with the mentions that could match, not their square.
    strong: list[tuple[int, Mention]] = [(c, m) for c, e in enumerate(entities) for m in e.names]
    strong_index = _block_index([m for _, m in strong])
    mentions = list(strong)
    for c, e in enumerate(entities):
        for w in e.weak_names:
            if any(strong[k][0] != c and names_match(w.key, strong[k][1].key)
                   for k in _candidates(w.key, strong_index)):
                mentions.append((c, w))
    index = _block_index([m for _, m in mentions])
    edges = [(i, j) for i in range(len(mentions)) for j in _candidates(mentions[i][1].key, index)
             if j > i and _joinable(mentions[i][1], mentions[j][1])]
    for members in connected_components(len(mentions), edges):
        cells: list[list[str]] = [[] for _ in range(cols)]
        for i in members:
            c, m = mentions[i]
            cells[c].append(m.surface)
        # the label is the surface most documents use, then the longest ("Sam Altman")
        used = Counter(surface for cell in cells for surface in dict.fromkeys(cell))
        label = max(used, key=lambda surface: (used[surface], len(surface)))
        rows.append(StoryRow("name", label, tuple(tuple(dict.fromkeys(cell)) for cell in cells)))

    rows.sort(key=lambda r: (-r.count, _KIND_ORDER[r.kind], r.label.casefold()))
    return StoryMatrix(tuple(documents), tuple(rows))
