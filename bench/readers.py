"""The document readers: HTML extraction quality, bilingual round trips, reader speed.

    .venv/bin/python bench/readers.py [--repeat 3] [--json out.json] [--shared ../shared]

1. **HTML extraction.** Every seed text becomes three saved pages (``bench/_pages.py``: a
   semantic ``<article>`` page, a blog layout, a div-only layout) with a head full of scripts,
   a navigation menu, cookie banner, share buttons, related links, newsletter box, comments
   and footer. Article paragraphs are the seed's lines longer than 40 characters (the forum
   chrome inside seeds 002/003 is shorter). Measured: the share of the article's sentences
   (as ``aligner.segment`` cuts them) found whole in the extracted text, and the share of the
   furniture strings *not* found in it. Baselines: the page read as plain text (what aligner
   did before: nothing left out) and all text nodes of the body (lxml ``text_content``).
2. **Round trips.** The seed pair 000/001 (id/en, 15 sentence pairs) plus hard units (markup
   characters, quotes, a multi-line unit, an untranslated unit) written as XLIFF 1.2, XLIFF
   2.0, TMX and PO, then ``aligner.check_file`` and the TMX and TSV exports: every unit must
   come back with its exact text (TMX read back by translate-toolkit; the empty-target unit is
   in TSV only, TMX cannot hold it).
3. **Speed.** Median of ``--repeat`` runs of ``read_source`` / ``read_bilingual`` per file, and
   a TMX of the 5,5xx gold beads of panl-eco-long (from the shared dev data) read and checked.

Prints Markdown tables; ``--json`` also writes the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pages import LAYOUTS, furniture_lines, make_page  # noqa: E402
from _timing import median_seconds as _median  # noqa: E402

import aligner  # noqa: E402
from aligner.io.bilingual import read_bilingual  # noqa: E402
from aligner.io.formats import read_source  # noqa: E402
from aligner.segment import segment  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
LANGS = {"000": "id", "001": "en", "002": "ko", "003": "de", "004": "id"}


def _norm(text: str) -> str:
    return " ".join(text.split())


def extraction(tmp: Path, repeat: int) -> list[dict[str, object]]:
    """Sentences kept and furniture left out per seed x layout, for the reader and two baselines."""
    from lxml import html as lxml_html

    rows = []
    furniture = furniture_lines()  # per page, less what the article itself says
    for seed in SEEDS:
        lang = LANGS[seed.name[:3]]
        paragraphs = [line.strip() for line in seed.read_text("utf-8").splitlines() if len(line.strip()) > 40]
        sentences = [_norm(p[s.start:s.end]) for p in paragraphs for s in segment(p, lang)]
        article = _norm(" ".join(paragraphs))
        # furniture words the article itself uses ("Business" in seed 003) cannot be told apart
        page_furniture = [f for f in furniture if _norm(f) not in article]
        for layout in LAYOUTS:
            page = make_page(paragraphs[0][:80], paragraphs, lang, layout)
            path = tmp / f"{seed.stem}-{layout}.html"
            path.write_text(page.html, "utf-8")
            source = read_source(path)
            seconds = _median(lambda p=path: read_source(p), repeat)
            texts = {
                "aligner (trafilatura)": _norm(source.text),
                "plain text (before)": _norm(page.html),
                "all body text (lxml)": _norm(lxml_html.fromstring(page.html).body.text_content()),
            }
            for system, text in texts.items():
                rows.append({
                    "seed": seed.name[:3], "layout": layout, "system": system,
                    "sentences": len(sentences),
                    "kept": sum(1 for s in sentences if s in text),
                    "furniture": len(page_furniture),
                    "left_out": sum(1 for f in page_furniture if _norm(f) not in text),
                    "seconds": seconds if system.startswith("aligner") else None,
                    "bytes": len(page.html.encode("utf-8")),
                })
    return rows


HARD_UNITS = [
    ("Harga <b>naik</b> & turun \"tajam\".", "Prices <b>rose</b> & fell \"sharply\"."),
    ("Baris satu.\nBaris dua.", "Line one.\nLine two."),
    ("Belum diterjemahkan sama sekali.", ""),
]


def _units() -> list[tuple[str, str]]:
    src = aligner.load(ROOT / "seeds" / "000_ae4071aa207af74f.txt", "id")
    tgt = aligner.load(ROOT / "seeds" / "001_2f5c058692c94630.txt", "en")
    return list(zip(src.sentence_texts, tgt.sentence_texts)) + HARD_UNITS


def _xliff12(units: list[tuple[str, str]]) -> str:
    ns = "urn:oasis:names:tc:xliff:document:1.2"
    root = ET.Element("xliff", {"version": "1.2", "xmlns": ns})
    body = ET.SubElement(ET.SubElement(root, "file", {"source-language": "id", "target-language": "en",
                                                      "datatype": "plaintext", "original": "seed.txt"}), "body")
    for k, (s, t) in enumerate(units):
        tu = ET.SubElement(body, "trans-unit", {"id": f"u{k}", "{http://www.w3.org/XML/1998/namespace}space": "preserve"})
        ET.SubElement(tu, "source").text = s
        if t:
            ET.SubElement(tu, "target").text = t
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _xliff20(units: list[tuple[str, str]]) -> str:
    ns = "urn:oasis:names:tc:xliff:document:2.0"
    root = ET.Element("xliff", {"version": "2.0", "xmlns": ns, "srcLang": "id", "trgLang": "en"})
    file = ET.SubElement(root, "file", {"id": "f1"})
    for k, (s, t) in enumerate(units):
        seg = ET.SubElement(ET.SubElement(file, "unit", {"id": f"u{k}"}), "segment")
        ET.SubElement(seg, "source", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}).text = s
        if t:
            ET.SubElement(seg, "target", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}).text = t
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _tmx(units: list[tuple[str, str]]) -> str:
    root = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(root, "header", {"srclang": "id", "datatype": "plaintext", "segtype": "sentence",
                                   "adminlang": "en", "o-tmf": "bench", "creationtool": "bench",
                                   "creationtoolversion": "1"})
    body = ET.SubElement(root, "body")
    for k, (s, t) in enumerate(units):
        tu = ET.SubElement(body, "tu", {"tuid": str(k)})
        for lang, text in (("id", s), ("en", t)):
            if text:
                ET.SubElement(ET.SubElement(tu, "tuv", {"{http://www.w3.org/XML/1998/namespace}lang": lang}),
                              "seg").text = text
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _po_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _po(units: list[tuple[str, str]]) -> str:
    lines = ['msgid ""', 'msgstr ""', '"Language: en\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for s, t in units:
        lines += [f"msgid {_po_string(s)}", f"msgstr {_po_string(t)}", ""]
    return "\n".join(lines)


WRITERS = {"xliff-1.2": (_xliff12, "xlf"), "xliff-2.0": (_xliff20, "xlf"), "tmx": (_tmx, "tmx"), "po": (_po, "po")}


def round_trips(tmp: Path, repeat: int) -> list[dict[str, object]]:
    """Every unit through check_file and the TMX / TSV exports, compared with what went in."""
    from translate.storage import tmx as tt_tmx

    from aligner.report import render

    units = _units()
    rows = []
    for name, (writer, ext) in WRITERS.items():
        path = tmp / f"units-{name}.{ext}"
        path.write_text(writer(units), "utf-8")
        seconds = _median(lambda p=path: read_bilingual(p), repeat)
        c = aligner.check_file(path, src_lang="id", tgt_lang="en")
        tmx_units = [(str(u.source), str(u.target)) for u in tt_tmx.tmxfile.parsestring(render(c, "tmx").encode()).units]
        wanted_tmx = [(s, t) for s, t in units if t]
        tsv = render(c, "tsv").splitlines()[1:]
        tsv_pairs = [tuple(line.split("\t")[2:4]) for line in tsv]
        wanted_tsv = [(_flat(s), _flat(t)) for s, t in units]
        rows.append({
            "format": name, "units": len(units), "beads": len(c.alignment.beads),
            "tmx_kept": sum(1 for a, b in zip(tmx_units, wanted_tmx) if a == b), "tmx_expected": len(wanted_tmx),
            "tsv_kept": sum(1 for a, b in zip(tsv_pairs, wanted_tsv) if a == b), "tsv_expected": len(wanted_tsv),
            "flags": sum(len(f) for f in c.flags), "read_seconds": seconds,
        })
    return rows


def large_tmx(tmp: Path, repeat: int, shared: Path) -> dict[str, object] | None:
    """Read and check speed on a TMX of the panl-eco-long gold beads (en-id), if the dev data is there."""
    from aligner.align.beadio import read_beads

    folder = shared / "data" / "alignment" / "panl-eco-long"
    if not folder.exists():
        return None
    en = (folder / "long.en").read_text("utf-8").splitlines()
    ind = (folder / "long.id").read_text("utf-8").splitlines()
    beads = read_beads((folder / "long.enid").read_text("utf-8"), "long.enid")
    def clean(text: str) -> str:  # XML 1.0 cannot hold C0 controls (the data has a few ESC bytes)
        return "".join(ch for ch in text if ch >= " " or ch in "\t\n\r")

    units = [(clean(" ".join(en[i] for i in s)), clean(" ".join(ind[j] for j in t))) for s, t in beads if s and t]
    path = tmp / "panl.tmx"
    path.write_text(_tmx(units).replace('srclang="id"', 'srclang="en"').replace(
        'xml:lang="id"', 'xml:lang="xx"').replace('xml:lang="en"', 'xml:lang="id"').replace(
        'xml:lang="xx"', 'xml:lang="en"'), "utf-8")
    read = _median(lambda: read_bilingual(path), repeat)
    t = time.perf_counter()
    c = aligner.check_file(path, src_lang="en", tgt_lang="id", encoder="none")
    check = time.perf_counter() - t
    return {"units": len(units), "bytes": path.stat().st_size, "read_seconds": read, "check_seconds_no_encoder": check,
            "beads": len(c.alignment.beads)}


def _flat(text: str) -> str:
    return " ".join(text.replace("\t", " ").split("\n"))


def other_readers(tmp: Path, repeat: int) -> list[dict[str, object]]:
    """Speed of the DOCX and Markdown readers on the longest seed (003, 12 kB)."""
    import docx

    paragraphs = [line.strip() for line in (ROOT / "seeds" / "003_fd11f6bd83abf008.txt").read_text("utf-8").splitlines()
                  if line.strip()]
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    docx_path = tmp / "seed.docx"
    d.save(docx_path)
    md_path = tmp / "seed.md"
    md_path.write_text("# Title\n\n" + "\n\n".join(f"{p} [link](https://x.example)" for p in paragraphs), "utf-8")
    out = []
    for label, path in (("docx", docx_path), ("markdown", md_path)):
        text = read_source(path).text
        out.append({"reader": label, "bytes": path.stat().st_size,
                    "paragraphs_kept": sum(1 for p in paragraphs if _norm(p) in _norm(text)),
                    "paragraphs": len(paragraphs), "seconds": _median(lambda p=path: read_source(p), repeat)})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"),
                        help="the shared folder holding data/alignment (default: ../shared)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        ext = extraction(tmp, args.repeat)
        trips = round_trips(tmp, args.repeat)
        others = other_readers(tmp, args.repeat)
        big = large_tmx(tmp, 1, Path(args.shared))

    print("| system | pages | article sentences kept | furniture left out |")
    print("|---|---:|---:|---:|")
    for system in dict.fromkeys(r["system"] for r in ext):
        rs = [r for r in ext if r["system"] == system]
        kept, total = sum(r["kept"] for r in rs), sum(r["sentences"] for r in rs)
        out, furn = sum(r["left_out"] for r in rs), sum(r["furniture"] for r in rs)
        print(f"| {system} | {len(rs)} | {kept}/{total} = {kept / total:.3f} | {out}/{furn} = {out / furn:.3f} |")
    print()
    print("| layout | article sentences kept | furniture left out | median read ms per page (size) |")
    print("|---|---:|---:|---:|")
    for layout in LAYOUTS:
        rs = [r for r in ext if r["layout"] == layout and r["system"].startswith("aligner")]
        kept, total = sum(r["kept"] for r in rs), sum(r["sentences"] for r in rs)
        out, furn = sum(r["left_out"] for r in rs), sum(r["furniture"] for r in rs)
        ms = statistics.median(1000 * r["seconds"] for r in rs)
        size = statistics.median(r["bytes"] for r in rs) / 1024
        print(f"| {layout} | {kept / total:.3f} | {out / furn:.3f} | {ms:.1f} ({size:.0f} KiB) |")
    print()
    print("| format | units | beads | TMX units back exact | TSV rows back exact | read ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in trips:
        print(f"| {r['format']} | {r['units']} | {r['beads']} | {r['tmx_kept']}/{r['tmx_expected']} | "
              f"{r['tsv_kept']}/{r['tsv_expected']} | {1000 * r['read_seconds']:.1f} |")
    print()
    print("| reader | file size | paragraphs kept | median read ms |")
    print("|---|---:|---:|---:|")
    for r in others:
        print(f"| {r['reader']} | {r['bytes'] / 1024:.0f} KiB | {r['paragraphs_kept']}/{r['paragraphs']} | "
              f"{1000 * r['seconds']:.1f} |")
    if big:
        print(f"| TMX, panl-eco-long gold beads | {big['bytes'] / 1024:.0f} KiB | {big['beads']}/{big['units']} units "
              f"as beads | read {1000 * big['read_seconds']:.0f} ms; check (no encoder) {big['check_seconds_no_encoder']:.1f} s |")
    if args.json:
        Path(args.json).write_text(json.dumps({"extraction": ext, "round_trips": trips, "readers": others,
                                               "large_tmx": big}, indent=1))


if __name__ == "__main__":
    main()
