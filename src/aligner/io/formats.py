"""Documents in other formats than plain text: HTML pages, DOCX, Markdown.

:func:`read_source` reads a file (or standard input for ``-``), tells its format **by its
content** (the extension only breaks ties between plain text and Markdown) and returns the
text a reader should align: for HTML the article's main text as extracted by trafilatura
(navigation, scripts, footers and comments left out), for DOCX the paragraphs of the body,
for Markdown the text without markup. Offsets of every span index this extracted text, which
the JSON report carries whole; ``Source.origin`` says where it came from for the reports.

Bilingual files (XLIFF, TMX, PO) are not documents but aligned units:
:mod:`aligner.io.bilingual` reads them, and :func:`detect_format` names them so that
``aligner compare`` can point to ``aligner check``.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass

from ..errors import InputError
from .reader import decode_bytes, read_bounded, read_stdin

__all__ = [
    "BILINGUAL_FORMATS",
    "STDIN",
    "TEXT_FORMATS",
    "Source",
    "detect_format",
    "docx_text",
    "html_text",
    "input_name",
    "markdown_text",
    "read_raw",
    "read_source",
]

#: The path that stands for standard input.
STDIN = "-"
#: Formats read as one document.
TEXT_FORMATS = ("text", "html", "docx", "markdown")
#: Formats that hold aligned units (read by :mod:`aligner.io.bilingual`).
BILINGUAL_FORMATS = ("xliff", "tmx", "po")

_ZIP_MAGIC = b"PK\x03\x04"
_XML_ROOT = re.compile(r"<(?!\?|!)([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"<(?:p|div|span|a|br|h[1-6]|li|ul|article|section|nav|script|meta|table)[\s>/]",
                        re.IGNORECASE)
_PO_ENTRY = re.compile(r'^msgid\s+"', re.MULTILINE)
_PO_STR = re.compile(r'^msgstr(?:\[\d+\])?\s+"', re.MULTILINE)
_MD_SIGNS = (
    re.compile(r"^#{1,6}\s+\S", re.MULTILINE),                  # ATX heading
    re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),                     # [link](url)
    re.compile(r"^\s{0,3}(?:[-*+]|\d+\.)\s+\S", re.MULTILINE),  # list item
    re.compile(r"(\*\*|__)[^\s*_][^*_\n]*\1"),                   # **strong**
    re.compile(r"^```", re.MULTILINE),                          # code fence
    re.compile(r"^>\s", re.MULTILINE),                          # quote
)
_MD_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")


@dataclass(frozen=True)
class Source:
    """The text of an input and how it was obtained.

    Attributes:
        text: the text to segment (extracted text for HTML, DOCX and Markdown).
        encoding: the encoding the bytes were decoded from (``None`` for DOCX, a zip).
        format: one of ``TEXT_FORMATS``.
        origin: a line for the reports saying how the text was obtained (``""`` for text).
        name: the input's name (its path, or ``<stdin>``).
        replaced: byte offsets of invalid UTF-8 replaced by U+FFFD in plain text
            (``DecodedText.replaced``); empty for extracted formats.
    """

    text: str
    encoding: str | None
    format: str
    origin: str
    name: str
    replaced: tuple[int, ...] = ()


def input_name(path: str | os.PathLike[str]) -> str:
    """The name an input goes by in messages and reports: its path, or ``<stdin>`` for ``-``."""
    name = os.fspath(path)
    return "<stdin>" if name == STDIN else name


def read_raw(path: str | os.PathLike[str], max_bytes: int | None = None) -> bytes:
    """The bytes of ``path`` (standard input for ``-``), at most ``max_bytes`` of them
    (:func:`aligner.io.reader.read_bounded`: special files refused, limits checked)."""
    if os.fspath(path) == STDIN:
        return read_stdin(max_bytes)
    return read_bounded(path, max_bytes)


def detect_format(text: str | None, data: bytes = b"", name: str = "") -> str:
    """The format of an input from its content: ``docx``, ``xliff``, ``tmx``, ``po``, ``html``,
    ``markdown`` or ``text``. ``text`` is the decoded content (None for a zip).

    The name's extension only decides between ``markdown`` and ``text`` when the content
    shows a single Markdown sign; content always wins otherwise (a ``.txt`` holding a web
    page is read as HTML).
    """
    if data.startswith(_ZIP_MAGIC) or text is None:
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return "binary"
        return "docx" if "word/document.xml" in names else "zip"
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        if _HTML_START.match(head):
            return "html"
        root = next((m for m in _XML_ROOT.finditer(head) if not head[: m.start()].rstrip().endswith("<!--")), None)
        tag = root.group(2).lower() if root else ""
        if tag == "xliff":
            return "xliff"
        if tag == "tmx":
            return "tmx"
        if tag == "html" or len(_HTML_TAGS.findall(text[:20000])) >= 3:
            return "html"
    if _PO_ENTRY.search(text[:20000]) and _PO_STR.search(text[:20000]):
        return "po"
    signs = sum(1 for pattern in _MD_SIGNS if pattern.search(text[:50000]))
    if signs >= 2 or (signs == 1 and name.lower().endswith(_MD_EXTENSIONS)):
        return "markdown"
    if len(_HTML_TAGS.findall(text[:20000])) >= 3:
        return "html"
    return "text"


def html_text(markup: str, name: str = "<html>") -> tuple[str, str]:
    """The main text of a web page and an origin line (title, site, date when the page says).

    trafilatura keeps the article (headings, paragraphs, lists, tables) and leaves out
    navigation, scripts, styles, footers, share bars and comments; paragraphs come out one
    per line.
    """
    import trafilatura

    text = trafilatura.extract(markup, output_format="txt", include_comments=False, include_tables=True,
                               include_images=False, include_links=False, deduplicate=False,
                               favor_recall=True)
    if not text or not text.strip():
        raise InputError(f"{name}: no main text found in the HTML page")
    meta = trafilatura.extract_metadata(markup)
    details = []
    if meta is not None:
        for label, value in (("title", meta.title), ("site", meta.sitename), ("date", meta.date), ("url", meta.url)):
            if value:
                details.append(f"{label} {' '.join(str(value).split())}")
    origin = f"HTML page, main text extracted by trafilatura {trafilatura.__version__}"
    if details:
        origin += " (" + "; ".join(details) + ")"
    # One paragraph per line in trafilatura's output; a blank line between them keeps them apart.
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return "\n\n".join(paragraphs) + "\n", origin


def docx_text(data: bytes, name: str = "<docx>") -> tuple[str, str]:
    """The body paragraphs (and table cells) of a Word document, a blank line between them."""
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a broken file
        raise InputError(f"{name}: cannot read the Word document ({type(exc).__name__})") from None
    paragraphs: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs.append(Paragraph(child, document).text)
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                for cell in row.cells:
                    paragraphs.extend(p.text for p in cell.paragraphs)
    kept = [" ".join(p.split()) for p in paragraphs if p.strip()]
    if not kept:
        raise InputError(f"{name}: the Word document holds no text")
    return "\n\n".join(kept) + "\n", "Word document (DOCX), body paragraphs read by python-docx"


def markdown_text(markup: str, name: str = "<markdown>") -> tuple[str, str]:
    """Markdown without its markup: headings, paragraphs, list items and quotes as paragraphs;
    link text kept, link targets, images and HTML blocks left out; code kept as written."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markup)
    paragraphs: list[str] = []
    for token in tokens:
        if token.type == "inline":
            parts: list[str] = []
            for child in token.children or ():
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append(" ")
            line = " ".join("".join(parts).split())
            if line:
                paragraphs.append(line)
        elif token.type in ("fence", "code_block") and token.content.strip():
            paragraphs.append(token.content.strip())
    if not paragraphs:
        raise InputError(f"{name}: the Markdown document holds no text")
    return "\n\n".join(paragraphs) + "\n", "Markdown, text without markup (markdown-it-py)"


def read_source(path: str | os.PathLike[str], max_bytes: int | None = None) -> Source:
    """Read a document (``-``: standard input) and extract its text by format.

    Raises ``InputError`` for unusable input, and for bilingual files (XLIFF, TMX, PO),
    which ``aligner check`` reads instead.
    """
    name = input_name(path)
    data = read_raw(path, max_bytes)
    if data.startswith(_ZIP_MAGIC):
        if detect_format(None, data, name) != "docx":
            raise InputError(f"{name}: a zip archive that is not a Word document (.docx)")
        text, origin = docx_text(data, name)
        return Source(text, None, "docx", origin, name)
    decoded = decode_bytes(data, name)
    fmt = detect_format(decoded.text, name=name)
    if fmt in BILINGUAL_FORMATS:
        raise InputError(f"{name}: a bilingual {fmt.upper()} file; check it with 'aligner check {name}'")
    if fmt == "html":
        text, origin = html_text(decoded.text, name)
    elif fmt == "markdown":
        text, origin = markdown_text(decoded.text, name)
    else:
        return Source(decoded.text, decoded.encoding, "text", "", name, decoded.replaced)
    return Source(text, decoded.encoding, fmt, origin, name)
