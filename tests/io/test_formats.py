"""Readers for HTML pages, DOCX and Markdown; formats told apart by content."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import aligner
from aligner.errors import InputError
from aligner.io.formats import detect_format, read_source

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from _pages import LAYOUTS, furniture_lines, make_page

PARAS = ["Prices rose five percent last month, the statistics office said on Tuesday.",
         "The government has not yet commented on the figures, which surprised analysts."]
SEED = Path(__file__).resolve().parents[2] / "seeds" / "001_2f5c058692c94630.txt"
ARTICLE = [line.strip() for line in SEED.read_text("utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_html_page_keeps_the_article_and_leaves_the_furniture_out(tmp_path, layout):
    page = make_page("Prices climb again", ARTICLE, "en", layout)
    path = tmp_path / "page.html"
    path.write_text(page.html, "utf-8")
    doc = aligner.load(path)
    for p in ARTICLE:
        assert p in doc.text
    for line in furniture_lines():
        assert line not in doc.text, line
    assert "dataLayer" not in doc.text and "DOCTYPE" not in doc.text
    assert doc.origin.startswith("HTML page, main text extracted by trafilatura")
    assert "title Prices climb again" in doc.origin
    # offsets index the extracted text, which the JSON report carries
    assert doc.sentence_texts[-1] == doc.text[doc.sentences[-1].start:doc.sentences[-1].end]


def test_html_is_told_by_content_not_extension(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_text(make_page("T", PARAS, "en").html, "utf-8")
    assert read_source(path).format == "html"


def test_text_with_a_stray_angle_bracket_stays_text(tmp_path):
    path = tmp_path / "a.html"
    path.write_text("If x < 3 then y > 2. That is all.\n", "utf-8")
    assert read_source(path).format == "text"


def test_html_without_main_text_is_an_input_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<!DOCTYPE html><html><head><script>var a=1;</script><style>p{}</style></head><body>"
                    "</body></html>", "utf-8")
    with pytest.raises(InputError, match="no main text found"):
        aligner.load(path)


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("Prices climb again", 1)
    for p in PARAS:
        d.add_paragraph(p)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Rice"
    table.cell(0, 1).text = "Up 5 percent"
    path = tmp_path / "report.bin"  # the content decides, not the name
    d.save(path)
    doc = aligner.load(path)
    assert doc.text.split("\n\n")[:3] == ["Prices climb again", *PARAS]
    assert "Up 5 percent" in doc.text
    assert "DOCX" in doc.origin


def test_a_zip_that_is_not_docx_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "a.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="not a Word document"):
        aligner.load(path)


def test_markdown_loses_its_markup(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# Prices climb again\n\nPrices rose **five** percent, [the office](https://x.example) said.\n\n"
                    "- Rice is up.\n- Oil is down.\n\n![chart](c.png)\n", "utf-8")
    doc = aligner.load(path)
    assert doc.text == "Prices climb again\n\nPrices rose five percent, the office said.\n\nRice is up.\n\nOil is down.\n"
    assert read_source(path).format == "markdown"


def test_a_single_markdown_sign_needs_the_extension():
    text = "Prices rose. See [the office](https://x.example) for more.\n"
    assert detect_format(text, name="a.txt") == "text"
    assert detect_format(text, name="a.md") == "markdown"


def test_bilingual_files_point_to_check(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text('msgid "Harga naik."\nmsgstr "Prices rose."\n', "utf-8")
    with pytest.raises(InputError, match="aligner check"):
        aligner.load(path)


def test_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Harga naik. Pemerintah diam.\n")))
    doc = aligner.load("-", "id")
    assert doc.path == "<stdin>" and len(doc) == 2
