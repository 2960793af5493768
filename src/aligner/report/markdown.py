"""Markdown report: summary and a table of flagged beads, for tickets and pull requests."""

from __future__ import annotations

from ..compare.pair import Comparison

__all__ = ["render", "md_cell"]


def md_cell(text: str, limit: int = 160) -> str:
    """Text made safe for a Markdown table cell (pipes, HTML and line breaks escaped)."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    for ch, rep in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"), ("`", "\\`"),
                    ("*", "\\*"), ("_", "\\_"), ("[", "\\["), ("]", "\\]")):
        text = text.replace(ch, rep)
    return text


def render(c: Comparison) -> str:
    """The Markdown report text."""
    src, tgt = c.src, c.tgt
    lines = [
        f"# Comparison: {md_cell(src.path or 'source')} ({src.lang}) / {md_cell(tgt.path or 'target')} ({tgt.lang})",
        "",
        f"- Document fidelity: **{c.fidelity:.3f}**",
        f"- Sentences: {len(src)} source, {len(tgt)} target; beads: {len(c.alignment)}",
        f"- Flags: " + (", ".join(f"{k} {v}" for k, v in c.flag_counts().items()) or "none"),
        f"- Signature: `{c.signature}`",
        "",
        "| bead | src | tgt | conf | fidelity | flags | source text | target text |",
        "|---:|---|---|---:|---:|---|---|---|",
    ]
    for k, (b, s, fl) in enumerate(zip(c.alignment.beads, c.scores, c.flags)):
        if not fl:
            continue
        st = " ".join(src.sentence_text(i) for i in b.src)
        tt = " ".join(tgt.sentence_text(j) for j in b.tgt)
        flag_text = "; ".join(f"{f.type}: {f.message}" for f in fl)
        lines.append(
            f"| {k} | {list(b.src)} | {list(b.tgt)} | {b.confidence:.2f} | {s.fidelity:.2f} | "
            f"{md_cell(flag_text)} | {md_cell(st)} | {md_cell(tt)} |"
        )
    return "\n".join(lines) + "\n"
