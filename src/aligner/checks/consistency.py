"""Consistency: one source sentence translated two ways, or two source sentences given one translation.

Within a document (a document rule) and across documents (:func:`inconsistencies`, used by
``batch`` and ``compare-set``). Sentences are compared case-folded, without punctuation and
with spaces collapsed, so ``"Yes."`` and ``"yes"`` are one sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
import os
from typing import Any

import regex

from ..align.model import Bead
from ..document import BOILERPLATE, Document
from .registry import Check, Context, Finding, register
from .run import _content
from .side import Side

__all__ = [
    "CONSISTENCY_NAME", "Inconsistency", "Occurrence", "across_comparisons", "across_documents", "from_report_files",
    "from_reports", "inconsistencies", "inconsistencies_json", "report_pairs", "sentence_key",
]

#: File name of the cross-document consistency findings in a batch output folder.
CONSISTENCY_NAME = "consistency.json"

_NOT_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}]+")


def sentence_key(text: str) -> str:
    """The form sentences are compared in: case-folded words joined by one space.

    Example:
        >>> sentence_key("  Yes, it IS. ")
        'yes it is'
    """
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


@dataclass(frozen=True)
class Occurrence:
    """Where a sentence pair occurs: the document pair's ``name``, the bead, both texts."""

    name: str
    bead: int
    src: str
    tgt: str


@dataclass(frozen=True)
class Inconsistency:
    """``kind`` ``"target"``: one source, several translations; ``"source"``: one translation of several sources.

    ``langs`` is the (source, target) language pair: sentences are only compared within one.
    """

    kind: str
    key: str
    occurrences: tuple[Occurrence, ...]
    langs: tuple[str, str] = ("", "")

    def to_dict(self) -> dict[str, object]:
        """JSON-ready data."""
        return {"kind": self.kind, "key": self.key, "src_lang": self.langs[0], "tgt_lang": self.langs[1],
                "occurrences": [{"name": o.name, "bead": o.bead, "src": o.src, "tgt": o.tgt}
                                for o in self.occurrences]}


def _pairs(name: str, src: Document, tgt: Document, beads: Sequence[Bead]) -> Iterator[Occurrence]:
    for k, bead in enumerate(beads):
        if not _content(src, tgt, bead):  # the beads the bead rules read
            continue
        yield Occurrence(name, k, Side(src, "src", bead.src).text, Side(tgt, "tgt", bead.tgt).text)


def inconsistencies(pairs: Iterable[tuple[str, Document, Document, Sequence[Bead]]]) -> tuple[Inconsistency, ...]:
    """Every inconsistency over the beads of several aligned document pairs (one pass, hashing).

    ``pairs`` holds ``(name, src, tgt, beads)``; the occurrences of each inconsistency are in
    input order.
    """
    return _grouped((name, src.lang, tgt.lang, occ) for name, src, tgt, beads in pairs
                    for occ in _pairs(name, src, tgt, beads))


def _grouped(items: Iterable[tuple[str, str, str, Occurrence]]) -> tuple[Inconsistency, ...]:
    by_src: dict[tuple[str, str, str], list[Occurrence]] = {}
    by_tgt: dict[tuple[str, str, str], list[Occurrence]] = {}
    for _, src_lang, tgt_lang, occ in items:
        s, t = sentence_key(occ.src), sentence_key(occ.tgt)
        if s and t:
            by_src.setdefault((src_lang, tgt_lang, s), []).append(occ)
            by_tgt.setdefault((src_lang, tgt_lang, t), []).append(occ)
    out = []
    for kind, groups, other in (("target", by_src, lambda o: sentence_key(o.tgt)),
                                ("source", by_tgt, lambda o: sentence_key(o.src))):
        for (src_lang, tgt_lang, key), occs in groups.items():
            if len({other(o) for o in occs}) > 1:
                out.append(Inconsistency(kind, key, tuple(occs), (src_lang, tgt_lang)))
    return tuple(out)


def across_documents(found: Iterable[Inconsistency]) -> tuple[Inconsistency, ...]:
    """The inconsistencies whose occurrences lie in more than one document pair."""
    return tuple(i for i in found if len({o.name for o in i.occurrences}) > 1)


def report_pairs(reports: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, str, str, Occurrence]]:
    """``(name, src lang, tgt lang, occurrence)`` for the beads of JSON comparison reports
    (``aligner compare --format json``, ``batch`` outputs), read as data."""
    for name, data in reports:
        src, tgt = data["source"], data["target"]
        s_sent, t_sent = src["sentences"], tgt["sentences"]
        for k, bead in enumerate(data["beads"]):
            if not bead["src"] or not bead["tgt"]:
                continue
            if any(s_sent[i].get("kind") == BOILERPLATE for i in bead["src"]) or \
                    any(t_sent[j].get("kind") == BOILERPLATE for j in bead["tgt"]):
                continue
            yield name, src["lang"], tgt["lang"], Occurrence(
                name, bead.get("index", k), " ".join(s_sent[i]["text"] for i in bead["src"]),
                " ".join(t_sent[j]["text"] for j in bead["tgt"]))


def inconsistencies_json(found: Sequence[Inconsistency]) -> str:
    """``consistency.json`` text: the inconsistencies across documents, sorted keys."""
    import json

    return json.dumps({"n_inconsistencies": len(found), "inconsistencies": [i.to_dict() for i in found]},
                      ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def across_comparisons(comparisons: Iterable[Any]) -> tuple[Inconsistency, ...]:
    """Inconsistencies across several :class:`~aligner.compare.Comparison` objects (``compare-set``);
    each is named ``src path|tgt path``."""
    return across_documents(inconsistencies(
        (f"{c.src.path or '<src>'}|{c.tgt.path or '<tgt>'}", c.src, c.tgt, c.alignment.beads) for c in comparisons))


def from_report_files(paths: Iterable[tuple[str, str | os.PathLike[str]]]) -> tuple[Inconsistency, ...]:
    """As :func:`from_reports`, for ``(name, path)`` of report files; missing or unreadable ones are skipped."""
    import json

    def load() -> Iterator[tuple[str, dict[str, Any]]]:
        for name, path in paths:
            try:
                with open(path, encoding="utf-8") as fh:
                    yield name, json.load(fh)
            except (OSError, ValueError):
                continue

    return from_reports(load())


def from_reports(reports: Iterable[tuple[str, dict[str, Any]]]) -> tuple[Inconsistency, ...]:
    """Inconsistencies across the documents of several JSON reports (see :func:`report_pairs`)."""
    return across_documents(_grouped(report_pairs(reports)))


def _findings(src: Document, tgt: Document, beads: Sequence[Bead], kind: str) -> Iterator[tuple[int, Finding]]:
    for inc in inconsistencies([("", src, tgt, beads)]):
        if inc.kind != kind:
            continue
        first = inc.occurrences[0]
        side = "tgt" if kind == "target" else "src"
        for occ in inc.occurrences[1:]:
            if sentence_key(occ.tgt if kind == "target" else occ.src) == \
                    sentence_key(first.tgt if kind == "target" else first.src):
                continue
            doc, ids = (tgt, beads[occ.bead].tgt) if side == "tgt" else (src, beads[occ.bead].src)
            if kind == "target":
                message = f"this source sentence is translated differently in bead {first.bead}: {first.tgt[:80]!r}"
            else:
                message = f"this translation is also given to another source sentence in bead {first.bead}: {first.src[:80]!r}"
            yield occ.bead, Finding(message, Side(doc, side, ids).whole())


def _inconsistent_target(src: Document, tgt: Document, beads: Sequence[Bead], ctx: Context) -> Iterator[tuple[int, Finding]]:
    return _findings(src, tgt, beads, "target")


def _inconsistent_source(src: Document, tgt: Document, beads: Sequence[Bead], ctx: Context) -> Iterator[tuple[int, Finding]]:
    return _findings(src, tgt, beads, "source")


register(Check("inconsistent_target", "consistency", "minor",
               "a source sentence repeated in the document has one translation",
               ("Click Save. ... Click Save.", "Klik Simpan. ... Tekan Simpan."), (), document=_inconsistent_target))
register(Check("inconsistent_source", "consistency", "minor",
               "a translation repeated in the document stands for one source sentence",
               ("Click Save. ... Click Store.", "Klik Simpan. ... Klik Simpan."), (), document=_inconsistent_source))
