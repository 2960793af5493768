"""Exports for aligners and translators: TSV and TMX 1.4."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from .._version import VERSION
from ..compare.pair import Comparison

__all__ = ["render_tsv", "render_tmx"]


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def render_tsv(c: Comparison) -> str:
    """One row per bead: src ids, tgt ids, source, target, confidence, fidelity, flag types."""
    rows = ["src_ids\ttgt_ids\tsource\ttarget\tconfidence\tfidelity\tflags"]
    for b, s, fl in zip(c.alignment.beads, c.scores, c.flags):
        rows.append("\t".join([
            ",".join(map(str, b.src)),
            ",".join(map(str, b.tgt)),
            _cell(" ".join(c.src.sentence_text(i) for i in b.src)),
            _cell(" ".join(c.tgt.sentence_text(j) for j in b.tgt)),
            f"{b.confidence:.3f}",
            f"{s.fidelity:.3f}",
            ",".join(sorted({f.type for f in fl})),
        ]))
    return "\n".join(rows) + "\n"


def _xml_text(text: str) -> str:
    # Characters XML 1.0 forbids are dropped; everything else is escaped.
    clean = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20 and ch not in "\ufffe\uffff")
    return escape(clean)


def render_tmx(c: Comparison) -> str:
    """TMX 1.4: one ``tu`` per bead with text on both sides (omissions and additions skipped)."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="aligner" creationtoolversion={quoteattr(VERSION)} segtype="sentence"'
        f' o-tmf="aligner" adminlang="en" srclang={quoteattr(c.src.lang)} datatype="plaintext">',
        f'    <prop type="x-signature">{_xml_text(c.signature)}</prop>',
        "  </header>",
        "  <body>",
    ]
    for b, s, fl in zip(c.alignment.beads, c.scores, c.flags):
        if not b.src or not b.tgt:
            continue
        st = " ".join(c.src.sentence_text(i) for i in b.src)
        tt = " ".join(c.tgt.sentence_text(j) for j in b.tgt)
        out.append("    <tu>")
        out.append(f'      <prop type="x-confidence">{b.confidence:.3f}</prop>')
        out.append(f'      <prop type="x-fidelity">{s.fidelity:.3f}</prop>')
        out.append(f"      <tuv xml:lang={quoteattr(c.src.lang)}><seg>{_xml_text(st)}</seg></tuv>")
        out.append(f"      <tuv xml:lang={quoteattr(c.tgt.lang)}><seg>{_xml_text(tt)}</seg></tuv>")
        out.append("    </tu>")
    out += ["  </body>", "</tmx>"]
    return "\n".join(out) + "\n"
