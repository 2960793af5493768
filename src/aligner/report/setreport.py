"""Reports of a set comparison (:class:`aligner.compare.multiset.SetComparison`): JSON, Markdown, HTML.

The JSON contract (used by benchmarks)::

    {"schema_version": "1.0", "kind": "set", "signature": "...",
     "documents": [{"path": "a.txt", "lang": "id", "furniture": [...], ...}, ...],
     "pairs": [{"a": "a.txt", "b": "b.txt", "relation": "translation", "similarity": 0.97,
                "evidence": {...}, "report": "./out.pair-0-1.html" | null}, ...],
     "groups": [...], "stories": [...], "stats": {...}}

Paths are the documents' paths as given (``<doc N>`` for a document without one). HTML and
Markdown reports link each translation pair's own report, which :func:`write_set_report`
writes beside the set report. Every piece of article text is escaped (Jinja2 autoescape in
HTML, pipes and markup characters in Markdown).
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..compare.multiset import NWayView, SetComparison
from ..compare.pair import Comparison
from ..compare.story import StoryMatrix
from ..document import Document
from ..errors import ConfigError
from .jsonfmt import SCHEMA_VERSION
from .writers import atomic_write
from .writers import render as render_pair

__all__ = ["SET_FORMATS", "set_to_dict", "render_set", "write_set_report", "pair_report_name"]

#: Formats of a set report.
SET_FORMATS: tuple[str, ...] = ("json", "md", "html")

#: Above this many documents the HTML shows related/translation pairs as a list, not a grid.
GRID_LIMIT = 60


def _name(doc: Document, i: int) -> str:
    return doc.path if doc.path is not None else f"<doc {i}>"


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def pair_report_name(set_path: str | os.PathLike[str], a: int, b: int, fmt: str) -> str:
    """File name of the pair report for documents ``a`` / ``b`` beside the set report.

    Built from the set report's name with every character other than ASCII letters, digits,
    ``.``, ``_`` and ``-`` replaced by ``_`` (and no leading ``.`` or ``-``), so it is safe as
    a file name and, after ``./``, as a relative link (no ``javascript:`` scheme, no ``:``).

    Example:
        >>> pair_report_name("out/set.html", 0, 1, "html")
        'set.pair-0-1.html'
        >>> pair_report_name("javascript:alert(1)<!--x.html", 0, 1, "html")
        'javascript_alert_1_--x.pair-0-1.html'
    """
    stem = _UNSAFE_NAME.sub("_", Path(set_path).stem).lstrip(".-") or "set"
    return f"{stem}.pair-{a}-{b}.{fmt}"


def _link(name: str) -> str:
    """A relative link to the file ``name`` beside the report: ``./`` + percent-encoded name."""
    return "./" + quote(name)


def _document(doc: Document, i: int, sc: SetComparison) -> dict[str, Any]:
    return {
        "index": i,
        "path": _name(doc, i),
        "lang": doc.lang,
        "encoding": doc.encoding,
        "n_sentences": len(doc),
        "n_content": len(doc.content_indices),
        "furniture": [
            {"sentence": k, "start": s.start, "end": s.end, "text": doc.text[s.start : s.end]}
            for k, s in enumerate(doc.sentences) if s.kind != "content"
        ],
    }


def _flags_by_pivot_sentence(c: Comparison) -> dict[int, list[str]]:
    """Per source (pivot) sentence, the minor and major flags of its bead, as ``"type"``
    (an omission is shown as the omitted cell already)."""
    out: dict[int, list[str]] = {}
    for bead, flags in zip(c.alignment.beads, c.flags):
        shown = list(dict.fromkeys(f.type for f in flags if f.severity != "info" and f.type != "omission"))
        for i in bead.src:
            if shown:
                out[i] = shown
    return out


def _view(view: NWayView, sc: SetComparison) -> dict[str, Any]:
    docs = sc.documents
    p = docs[view.pivot]
    flags = {v.doc: _flags_by_pivot_sentence(sc.comparisons[v.comparison]) for v in view.versions}
    rows = []
    for k, i in enumerate(view.pivot_sentences):
        rows.append({
            "flags": {_name(docs[v.doc], v.doc): flags[v.doc].get(i, []) for v in view.versions},
            "pivot_sentence": i,
            "text": p.sentence_text(i),
            "versions": {_name(docs[v.doc], v.doc): list(v.covered[k]) for v in view.versions},
            "texts": {_name(docs[v.doc], v.doc): [docs[v.doc].sentence_text(j) for j in v.covered[k]]
                      for v in view.versions},
        })
    return {
        "pivot": _name(p, view.pivot),
        "pivot_lang": p.lang,
        "members": [_name(docs[i], i) for i in view.members],
        "rows": rows,
        "versions": [
            {
                "path": _name(docs[v.doc], v.doc),
                "lang": docs[v.doc].lang,
                "covered": sum(1 for c in v.covered if c),
                "omitted": [view.pivot_sentences[k] for k in v.omitted],
                "added": [{"sentence": j, "text": docs[v.doc].sentence_text(j)} for j in v.added],
                "fidelity": sc.comparisons[v.comparison].fidelity,
            }
            for v in view.versions
        ],
    }


def _story(story: StoryMatrix, sc: SetComparison) -> dict[str, Any]:
    names = [_name(sc.documents[i], i) for i in story.documents]
    return {
        "documents": names,
        "rows": [
            {"kind": r.kind, "label": r.label, "count": r.count,
             "mentions": {names[c]: list(cell) for c, cell in enumerate(r.cells) if cell}}
            for r in story.rows
        ],
    }


def set_to_dict(sc: SetComparison, pair_reports: dict[tuple[int, int], str] | None = None) -> dict[str, Any]:
    """The set comparison as JSON-ready data; ``pair_reports`` maps ``(a, b)`` to a report file name."""
    docs = sc.documents
    pair_reports = pair_reports or {}
    pairs = []
    for p in sc.pairs:
        e = p.evidence
        item: dict[str, Any] = {
            "a": _name(docs[p.a], p.a),
            "b": _name(docs[p.b], p.b),
            "relation": p.relation,
            "similarity": p.similarity,
            "evidence": {
                "cosine": e.cosine, "coverage": e.coverage, "matched": e.matched,
                "match_similarity": e.match_similarity,
                "n_a": e.n_a, "n_b": e.n_b, "length_ratio": round(e.length_ratio, 6),
                "shared_names": list(e.shared_names), "salient_names": list(e.salient_names),
                "shared_numbers": list(e.shared_numbers), "shared_dates": list(e.shared_dates),
            },
            "report": pair_reports.get((p.a, p.b)),
        }
        c = sc.comparison_for(p.a, p.b) if p.relation == "translation" else None
        if c is not None:
            item["comparison"] = {
                "src": c.src.path, "tgt": c.tgt.path, "fidelity": c.fidelity, "flag_counts": c.flag_counts(),
                "beads": [
                    {"src": list(b.src), "tgt": list(b.tgt), "confidence": b.confidence, "fidelity": s.fidelity,
                     "flags": [{"type": f.type, "severity": f.severity, "message": f.message} for f in fl]}
                    for b, s, fl in zip(c.alignment.beads, c.scores, c.flags)
                ],
            }
        pairs.append(item)
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "set",
        "signature": sc.signature,
        "stats": {"documents": sc.stats.documents, "pairs": sc.stats.pairs, "candidates": sc.stats.candidates,
                  "full_comparisons": sc.stats.full_comparisons},
        "documents": [_document(d, i, sc) for i, d in enumerate(docs)],
        "pairs": pairs,
        "groups": [_view(v, sc) for v in sc.views],
        "stories": [_story(s, sc) for s in sc.stories],
    }


def _render_json(sc: SetComparison, links: dict[tuple[int, int], str]) -> str:
    return json.dumps(set_to_dict(sc, links), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _md(text: object) -> str:
    """Escape text for a Markdown table cell."""
    out = " ".join(str(text).split())
    for ch in ("\\", "|", "*", "_", "`", "[", "]", "<", ">", "#"):
        out = out.replace(ch, "\\" + ch)
    return out


def _render_md(sc: SetComparison, links: dict[tuple[int, int], str]) -> str:
    data = set_to_dict(sc, links)
    lines = ["# aligner set report", "", f"Signature: `{sc.signature}`", "",
             f"{sc.stats.documents} documents, {sc.stats.pairs} pairs, {sc.stats.candidates} given sentence "
             f"evidence, {sc.stats.full_comparisons} full comparisons.", "", "## Documents", "",
             "| # | path | lang | sentences | furniture |", "|---|---|---|---|---|"]
    for d in data["documents"]:
        furn = "; ".join(f["text"] for f in d["furniture"])
        lines.append(f"| {d['index']} | {_md(d['path'])} | {d['lang']} | {d['n_content']} | {_md(furn) or '-'} |")
    lines += ["", "## Pairs", "", "| a | b | relation | similarity | coverage | shared names | report |",
              "|---|---|---|---|---|---|---|"]
    for p in data["pairs"]:
        if p["relation"] == "unrelated":
            continue
        report = f"[report]({p['report']})" if p["report"] else ""
        cov = "-" if p["evidence"]["coverage"] is None else f"{p['evidence']['coverage']:.2f}"
        lines.append(f"| {_md(p['a'])} | {_md(p['b'])} | {p['relation']} | {p['similarity']:.3f} | {cov} | "
                     f"{_md(', '.join(p['evidence']['shared_names']))} | {report} |")
    unrelated = sum(1 for p in data["pairs"] if p["relation"] == "unrelated")
    lines += ["", f"{unrelated} other pairs are unrelated."]
    for g in data["groups"]:
        lines += ["", f"## Versions of one article (pivot {_md(g['pivot'])}, {g['pivot_lang']})", ""]
        header = ["pivot sentence"] + [_md(v["path"]) for v in g["versions"]]
        lines += ["| # | " + " | ".join(header) + " |", "|---" * (len(header) + 1) + "|"]
        for r in g["rows"]:
            cells = [", ".join(map(str, r["versions"][v["path"]])) or "**omitted**" for v in g["versions"]]
            lines.append(f"| {r['pivot_sentence']} | {_md(r['text'])} | " + " | ".join(cells) + " |")
        for v in g["versions"]:
            if v["added"]:
                lines.append("")
                lines.append(f"Added in {_md(v['path'])}: " + "; ".join(
                    f"[{a['sentence']}] {_md(a['text'])}" for a in v["added"]))
    for k, s in enumerate(data["stories"]):
        lines += ["", f"## Story matrix {k + 1}", "", "| kind | mention | " + " | ".join(_md(d) for d in s["documents"]) + " |",
                  "|---|---" + "|---" * len(s["documents"]) + "|"]
        for r in s["rows"]:
            cells = [_md(", ".join(r["mentions"].get(d, []))) or "-" for d in s["documents"]]
            lines.append(f"| {r['kind']} | {_md(r['label'])} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("aligner.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _render_html(sc: SetComparison, links: dict[tuple[int, int], str]) -> str:
    data = set_to_dict(sc, links)
    n = len(sc.documents)
    grid = None
    if n <= GRID_LIMIT:
        grid = [[None] * n for _ in range(n)]
        for p, item in zip(sc.pairs, data["pairs"]):
            grid[p.a][p.b] = grid[p.b][p.a] = item
    template = _environment().get_template("set.html.j2")
    return template.render(sc=sc, data=data, grid=grid)


_RENDERERS = {"json": _render_json, "md": _render_md, "html": _render_html}


def render_set(sc: SetComparison, fmt: str, pair_reports: dict[tuple[int, int], str] | None = None) -> str:
    """Render ``sc`` in ``fmt`` (one of ``SET_FORMATS``); ``pair_reports`` gives link targets."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ConfigError(f"unknown set report format {fmt!r}; choose one of {list(SET_FORMATS)}") from None
    return renderer(sc, pair_reports or {})


def write_set_report(sc: SetComparison, fmt: str, path: str | os.PathLike[str]) -> list[Path]:
    """Write the set report to ``path``; for ``md`` and ``html`` also each translation pair's report.

    Pair reports go beside ``path`` as :func:`pair_report_name` and are linked from the set
    report. Returns the written paths, the set report first.
    """
    if fmt not in _RENDERERS:
        raise ConfigError(f"unknown set report format {fmt!r}; choose one of {list(SET_FORMATS)}")
    target = Path(path)
    links: dict[tuple[int, int], str] = {}
    written: list[Path] = []
    if fmt in ("md", "html"):
        for p in sc.by_relation("translation"):
            c = sc.comparison_for(p.a, p.b)
            if c is None:
                continue
            name = pair_report_name(target, p.a, p.b, fmt)
            atomic_write(target.parent / name, render_pair(c, fmt))
            links[(p.a, p.b)] = _link(name)
            written.append(target.parent / name)
    atomic_write(target, render_set(sc, fmt, links))
    return [target] + written
