"""TSV and TMX exports; the TMX loads in translate-toolkit."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from translate.storage.tmx import tmxfile

from aligner.report import render
from aligner.report.tabular import TSV_COLUMNS

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_tsv_one_line_per_bead_seven_fields(hostile):
    lines = render(hostile, "tsv").split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert lines[0].split("\t") == list(TSV_COLUMNS)
    assert len(lines) == 1 + len(hostile.alignment.beads)
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 7 for r in rows)
    assert rows[1][2].startswith("<img src=x onerror=alert(1)> Price | rose 5% 🎉")
    assert rows[1][6] == "number_mismatch,typography"
    assert rows[2][:2] == ["2", ""] and rows[2][3] == ""  # omission
    assert rows[3][:2] == ["3,4", "2"] and "with tab." in rows[3][2]  # the tab became a space
    assert rows[0][4:6] == ["0.900", "0.920"]


def test_tmx_is_well_formed_with_one_tu_per_two_sided_bead(hostile):
    text = render(hostile, "tmx")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header.get("srclang") == "en" and header.get("segtype") == "sentence"
    assert header.find("prop[@type='x-signature']").text == hostile.signature
    tus = root.findall("body/tu")
    two_sided = [b for b in hostile.alignment.beads if b.src and b.tgt]
    assert len(tus) == len(two_sided) == 4
    first = tus[0].findall("tuv")
    assert [t.get(XML_LANG) for t in first] == ["en", "he"]
    assert first[0].find("seg").text == hostile.src.sentence_text(0)
    assert "\x0b" not in text  # XML 1.0 forbids it; dropped
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_tmx_loads_in_translate_toolkit(hostile, seed_comparison):
    store = tmxfile(render(hostile, "tmx").encode("utf-8"), sourcelanguage="en", targetlanguage="he")
    units = store.units
    assert len(units) == 4
    assert units[0].source == hostile.src.sentence_text(0)
    assert units[0].target == hostile.tgt.sentence_text(0)
    assert units[1].target.endswith("🎉👍🏽")
    seed = tmxfile(render(seed_comparison, "tmx").encode("utf-8"), sourcelanguage="id", targetlanguage="en")
    assert len(seed.units) == 15
    assert seed.units[0].source == seed_comparison.src.sentence_text(0)
    assert seed.units[0].target == seed_comparison.tgt.sentence_text(0)


def test_tsv_neutralises_spreadsheet_formulas():
    """Issue 22 case 6: ``=HYPERLINK(...)`` in article text was kept as it was."""
    from aligner import compare, from_text
    from aligner.config import Config
    from aligner.report import render

    src = from_text("=HYPERLINK(\"http://x\",\"y\")\n+1+2\n-3\n@SUM(A1)\nPlain text here.", "en", presegmented=True)
    tgt = from_text("=1+1\n+cmd\n- item\n@x\nTeks biasa.", "id", presegmented=True)
    tsv = render(compare(src, tgt, Config(encoder="none", fidelity_encoder="none", lexicon="none")), "tsv")
    for line in tsv.splitlines()[1:]:
        cells = line.split("\t")
        for cell in cells[2:4]:
            assert not cell.lstrip(" ").startswith(("=", "+", "-", "@")), line
    assert "'=HYPERLINK(" in tsv and "Plain text here." in tsv
