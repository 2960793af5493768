"""Exports for aligners and translators: TSV and TMX 1.4.

TSV has one row per bead and a header line; tabs and line breaks inside text become
spaces, so every bead is exactly one line with seven fields. A text cell starting with
``=``, ``+``, ``-`` or ``@`` (a spreadsheet formula such as ``=HYPERLINK(...)``) is prefixed
with ``'``, so opening the export in a spreadsheet runs nothing. TMX 1.4 has one ``tu`` per bead
with text on both sides (omissions and additions have no pair and are left out); the XML is
built with :mod:`xml.etree.ElementTree`, which escapes everything, and characters XML 1.0
forbids are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .._version import VERSION
from ..compare.pair import Comparison
from .model import Report, build_report

__all__ = ["render_tsv", "render_tmx", "TSV_COLUMNS"]

#: The TSV header, in column order.
TSV_COLUMNS = ("src_ids", "tgt_ids", "source", "target", "confidence", "fidelity", "flags")

_XML = "{http://www.w3.org/XML/1998/namespace}"
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BREAKS = re.compile("[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


#: First characters that make a spreadsheet read a cell as a formula (CSV/TSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _cell(text: str) -> str:
    """A text cell: breaks and tabs become spaces; a cell that a spreadsheet would run as a
    formula (starting with ``= + - @``, their full-width forms, a tab or CR, after any
    leading spaces) gets a leading ``'``, which spreadsheets show as text and do not display."""
    if text.lstrip(" ").startswith(FORMULA_STARTS):
        text = "'" + text
    return _BREAKS.sub(" ", text)


def render_tsv_report(report: Report) -> str:
    """TSV text of a report model: ids as ``3,4``, flags as sorted distinct types ``a,b``."""
    lines = ["\t".join(TSV_COLUMNS)]
    for row in report.rows:
        lines.append("\t".join([
            ",".join(map(str, row.src_ids)),
            ",".join(map(str, row.tgt_ids)),
            _cell(row.src_text),
            _cell(row.tgt_text),
            f"{row.confidence:.3f}",
            f"{row.fidelity:.3f}",
            ",".join(row.flag_types),
        ]))
    return "\n".join(lines) + "\n"


def render_tsv(c: Comparison) -> str:
    """One TSV row per bead: src ids, tgt ids, source, target, confidence, fidelity, flag types."""
    return render_tsv_report(build_report(c))


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def _prop(parent: ET.Element, kind: str, value: str) -> None:
    ET.SubElement(parent, "prop", {"type": kind}).text = _xml_text(value)


def render_tmx_report(report: Report) -> str:
    """TMX 1.4 text of a report model."""
    s = report.summary
    root = ET.Element("tmx", {"version": "1.4"})
    header = ET.SubElement(root, "header", {
        "creationtool": "aligner",
        "creationtoolversion": VERSION,
        "segtype": "sentence",
        "o-tmf": "aligner",
        "adminlang": "en",
        "srclang": s.src_lang,
        "datatype": "plaintext",
    })
    _prop(header, "x-signature", s.signature)
    if s.verdict:
        _prop(header, "x-verdict", s.verdict)
    if s.translation_evidence:
        _prop(header, "x-translation-evidence", s.translation_evidence)
    for kind, value in (("x-source-path", s.src_path), ("x-target-path", s.tgt_path)):
        if value:
            _prop(header, kind, value)
    body = ET.SubElement(root, "body")
    for row in report.rows:
        if not row.src_ids or not row.tgt_ids:
            continue
        tu = ET.SubElement(body, "tu", {"tuid": str(row.index + 1)})
        _prop(tu, "x-bead", f"{list(row.src_ids)}:{list(row.tgt_ids)}")
        _prop(tu, "x-confidence", f"{row.confidence:.3f}")
        _prop(tu, "x-fidelity", f"{row.fidelity:.3f}")
        if row.flags:
            _prop(tu, "x-flags", ",".join(row.flag_types))
        for lang, text in ((s.src_lang, row.src_text), (s.tgt_lang, row.tgt_text)):
            tuv = ET.SubElement(tu, "tuv", {f"{_XML}lang": lang})
            ET.SubElement(tuv, "seg").text = _xml_text(text)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render_tmx(c: Comparison) -> str:
    """TMX 1.4: one ``tu`` per bead with text on both sides; the signature in the header."""
    return render_tmx_report(build_report(c))
