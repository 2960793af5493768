"""Bilingual files as translators exchange them (XLIFF 1.2 / 2.0, TMX, PO), read as units.

A bilingual file is already aligned: each translation unit is one bead. :func:`read_bilingual`
returns the units in file order; :func:`unit_documents` turns them into two ``Document``s (one
sentence per unit, a blank line between units, offsets into that text) and the 1-1 beads that
join them, so the usual scoring, flags and reports apply unchanged (``aligner check``).

The files are parsed by translate-toolkit (the ``bilingual`` extra; it is GPL-3.0-or-later,
so it stays optional, see docs/dependencies.md). Units that are not to be translated
(XLIFF ``translate="no"``), PO headers and obsolete PO entries are skipped; units with an
empty source are skipped too (there is nothing to check), and counted.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..document import Document, Span
from ..errors import InputError
from .formats import BILINGUAL_FORMATS, detect_format, input_name, read_raw
from .reader import decode_bytes

if TYPE_CHECKING:
    from ..align import Alignment

__all__ = ["BilingualFile", "Unit", "parse_bilingual", "read_bilingual", "unit_documents"]

_XLIFF2 = re.compile(r"""<(?:\w+:)?xliff\b[^>]*\bversion\s*=\s*["']2""", re.IGNORECASE)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Unit:
    """One translation unit: its id in the file (``""`` when it has none), source and target
    text as written (the target is ``""`` when untranslated)."""

    id: str
    source: str
    target: str


@dataclass(frozen=True)
class BilingualFile:
    """The units of a bilingual file with what the file says about its languages.

    Attributes:
        format: ``"xliff"`` (1.2 or 2.0), ``"tmx"`` or ``"po"``.
        version: the format version where it matters (``"1.2"``, ``"2.0"``), else ``""``.
        units: in file order, empty-source units left out.
        src_lang, tgt_lang: as the file declares them (primary subtag, lower case), or None.
        skipped: units left out because their source is empty.
        name: the file's name.
    """

    format: str
    version: str
    units: tuple[Unit, ...]
    src_lang: str | None
    tgt_lang: str | None
    skipped: int
    name: str


def _primary(code: object) -> str | None:
    """``"en"`` from ``"en-US"`` / ``"en_US"``; None for nothing."""
    if not code or not isinstance(code, str):
        return None
    primary = re.split(r"[-_@.]", code.strip(), maxsplit=1)[0].lower()
    return primary or None


def _store(fmt: str, version: str, data: bytes) -> Any:
    try:
        if fmt == "po":
            from translate.storage import pypo

            return pypo.pofile.parsestring(data)
        if fmt == "tmx":
            from translate.storage import tmx

            return tmx.tmxfile.parsestring(data)
        if version == "2.0":
            from translate.storage import xliff2

            return xliff2.Xliff2File.parsestring(data)
        from translate.storage import xliff

        return xliff.xlifffile.parsestring(data)
    except ImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - parse errors of many kinds, one line for the user
        raise InputError(f"cannot parse the {fmt.upper()} file ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})") from None


def _text(value: object) -> str:
    return "" if value is None else str(value)


def parse_bilingual(data: bytes, name: str = "<input>") -> BilingualFile:
    """Parse the bytes of an XLIFF, TMX or PO file (format told by content)."""
    text = decode_bytes(data, name).text
    fmt = detect_format(text, name=name)
    if fmt not in BILINGUAL_FORMATS:
        raise InputError(f"{name}: not a bilingual file (XLIFF, TMX or PO); its content reads as {fmt}")
    version = ("2.0" if _XLIFF2.search(text[:4096]) else "1.2") if fmt == "xliff" else ""
    try:
        store = _store(fmt, version, text.encode("utf-8") if fmt != "po" else data)
    except ImportError:
        raise InputError(f"{name}: reading {fmt.upper()} files needs translate-toolkit "
                         "(pip install 'aligner[bilingual]')") from None
    except InputError as exc:
        raise InputError(f"{name}: {exc}") from None
    units: list[Unit] = []
    skipped = 0
    tgt_langs: Counter[str] = Counter()
    for unit in store.units:
        if fmt == "po" and (unit.isheader() or unit.isobsolete()):
            continue
        if hasattr(unit, "istranslatable") and not unit.istranslatable():
            continue
        source, target = _text(unit.source), _text(unit.target)
        if not source.strip():
            skipped += 1
            continue
        if fmt == "tmx":
            langs = [tuv.get(_XML_LANG) for tuv in unit.xmlelement.iter("tuv")]
            tgt_langs.update(code for code in map(_primary, langs[1:]) if code)
        units.append(Unit(_text(unit.getid()).rsplit("\x04", 1)[-1], source, target))  # no "file\x04" prefix
    src_lang = _primary(store.getsourcelanguage())
    tgt_lang = _primary(store.gettargetlanguage())
    if fmt == "tmx" and tgt_lang is None and tgt_langs:
        tgt_lang = next((x for x, _ in tgt_langs.most_common() if x and x != src_lang), None)
    if fmt == "po":
        src_lang = None  # PO files name only the target language ("Language:"); the source is detected
    if not units:
        raise InputError(f"{name}: the {fmt.upper()} file holds no unit with source text")
    return BilingualFile(fmt, version, tuple(units), src_lang, tgt_lang, skipped, name)


def read_bilingual(path: str | os.PathLike[str], max_bytes: int | None = None) -> BilingualFile:
    """Read and parse a bilingual file (``-``: standard input)."""
    return parse_bilingual(read_raw(path, max_bytes), input_name(path))


def _side(texts: list[str], lang: str, path: str, origin: str) -> tuple[Document, list[int | None]]:
    """One document from unit texts: one span per non-empty text; the span index of each unit."""
    parts: list[str] = []
    spans: list[Span] = []
    index: list[int | None] = []
    offset = 0
    for k, text in enumerate(texts):
        if not text.strip():
            index.append(None)
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        spans.append(Span(offset, offset + len(text), paragraph=k))
        index.append(len(spans) - 1)
        parts.append(text)
        offset += len(text)
    return Document("".join(parts), lang, tuple(spans), path, "utf-8", origin=origin), index


def unit_documents(bf: BilingualFile, src_lang: str | None = None,
                   tgt_lang: str | None = None) -> tuple[Document, Document, Alignment]:
    """Source and target documents (one sentence per unit) and the beads of the units.

    Languages: the ones given, else the file's, else detected from the text. A unit with an
    empty target is a 1-0 bead (an omission).
    """
    from ..align import Alignment, Bead
    from ..language import detect_language

    sources = [u.source for u in bf.units]
    targets = [u.target for u in bf.units]
    sl = src_lang or bf.src_lang or detect_language(" ".join(sources)[:20000])
    translated = " ".join(t for t in targets if t.strip())
    tl = tgt_lang or bf.tgt_lang or (detect_language(translated[:20000]) if translated else sl)
    label = f"{bf.format.upper()}{' ' + bf.version if bf.version else ''}"
    origin = f"{label} file, {len(bf.units)} units read by translate-toolkit (one sentence per unit)"
    src, src_index = _side(sources, sl, bf.name, origin)
    tgt, tgt_index = _side(targets, tl, bf.name, origin)
    beads = []
    for i, j in zip(src_index, tgt_index):
        beads.append(Bead((i,) if i is not None else (), (j,) if j is not None else (), 1.0))
    return src, tgt, Alignment(tuple(beads), len(src), len(tgt))

