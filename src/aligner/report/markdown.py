"""Markdown report: the summary and a table of flagged beads, for tickets and pull requests.

Article text never breaks the table or turns into markup: :func:`md_cell` flattens line
breaks, escapes ``|`` and Markdown punctuation, and turns ``<``, ``>`` and ``&`` into
entities, so ``<script>`` shows as text on GitHub, GitLab and in any CommonMark renderer.
"""

from __future__ import annotations

from ..compare.pair import Comparison
from .model import BeadRow, Report, build_report

__all__ = ["render", "md_cell", "TEXT_LIMIT"]

#: Longest text (in characters) kept in one table cell; longer text ends with an ellipsis.
TEXT_LIMIT = 300

_MD_ESCAPES = {
    "\\": "\\\\", "|": "\\|", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]",
    "#": "\\#", "~": "\\~", "!": "\\!", "&": "&amp;", "<": "&lt;", ">": "&gt;",
}


def md_cell(text: str, limit: int | None = TEXT_LIMIT) -> str:
    """``text`` made safe inside a Markdown table cell (or inline text).

    Example:
        >>> md_cell("a | <b>\\n*c*")
        'a \\\\| &lt;b&gt; \\\\*c\\\\*'
    """
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join(_MD_ESCAPES.get(ch, ch) for ch in text)


def _code(text: str) -> str:
    """An inline code span that holds ``text`` even when it contains backticks."""
    text = " ".join(text.split())
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _flag_cell(row: BeadRow) -> str:
    return "<br>".join(
        f"**{md_cell(f.type)}** ({md_cell(f.severity)}): {md_cell(f.message, 200)}" for f in row.flags
    )


def render_report(report: Report) -> str:
    """The Markdown text of a report model."""
    s = report.summary
    src_name = md_cell(s.src_path or "source", None)
    tgt_name = md_cell(s.tgt_path or "target", None)
    counts = ", ".join(f"{md_cell(t)} {n}" for t, n in s.flag_counts) or "none"
    severities = ", ".join(f"{md_cell(t)} {n}" for t, n in s.severity_counts) or "none"
    kinds = ", ".join(f"{k} ×{n}" for k, n in s.bead_kinds) or "none"
    lines = [
        f"## Comparison: {src_name} ({md_cell(s.src_lang)}) → {tgt_name} ({md_cell(s.tgt_lang)})",
        "",
        f"- **Verdict:** {md_cell(s.verdict)}" + (f" ({md_cell(s.translation_evidence, None)})"
                                                  if s.translation_evidence else ""),
        f"- **Document fidelity:** {s.fidelity:.3f}",
        f"- **Sentences:** {s.n_src} source, {s.n_tgt} target; **beads:** {s.n_beads} ({kinds})",
        f"- **Coverage:** source {_pct(s.coverage_src)}, target {_pct(s.coverage_tgt)}",
        f"- **Flags:** {counts} (severity: {severities}); {s.n_flagged} of {s.n_beads} beads flagged",
        f"- **Signature:** {_code(s.signature)}",
    ]
    for side, origin in (("Source", s.src_origin), ("Target", s.tgt_origin)):
        if origin:
            lines.append(f"- **{side} text:** {md_cell(origin, None)}")
    lines.append("")
    flagged = [row for row in report.rows if row.flags]
    if not flagged:
        lines.append("No bead is flagged.")
        return "\n".join(lines) + "\n"
    lines += [
        "| bead | src → tgt | fidelity | flags | source | target |",
        "|---:|---|---:|---|---|---|",
    ]
    for row in flagged:
        ids = f"{list(row.src_ids)} → {list(row.tgt_ids)}"
        lines.append(
            f"| {row.index} | {ids} | {row.fidelity:.2f} | {_flag_cell(row)} | "
            f"{md_cell(row.src_text) or '—'} | {md_cell(row.tgt_text) or '—'} |"
        )
    return "\n".join(lines) + "\n"


def render(c: Comparison) -> str:
    """The Markdown report text of a comparison."""
    return render_report(build_report(c))
