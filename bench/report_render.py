"""Report writers on short and long documents: time to render each format and output size.

Beads are the gold beads of the dev data (so the figures measure the writers, not the aligner);
scores and flags come from the current scorer and flag rules. With ``--browser`` the HTML is
also opened in headless Chromium (Debian's ``chromium`` via Playwright) to time page load and
one run of the flag filter over every row.

    .venv/bin/python bench/report_render.py [--browser] [--repeat 3]

Reads ../shared/data/alignment/ (relative to the repository root); prints a Markdown table.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import median_seconds as _best  # noqa: E402
from aligner.align import Alignment, Bead
from aligner.align.beadio import read_beads
from aligner.api import load
from aligner.compare import Comparison
from aligner.config import DEFAULT_CONFIG
from aligner.flags import flag_bead
from aligner.report import FORMATS, render
from aligner.report.model import build_report
from aligner.score import document_fidelity, score_bead

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "alignment"


def gold_comparison(src_path: Path, tgt_path: Path, gold_path: Path, src_lang: str, tgt_lang: str) -> Comparison:
    """A comparison over the gold beads of a presegmented dev pair."""
    src = load(src_path, src_lang, presegmented=True)
    tgt = load(tgt_path, tgt_lang, presegmented=True)
    beads = tuple(Bead(s, t) for s, t in read_beads(gold_path.read_text("utf-8"), str(gold_path)))
    alignment = Alignment(beads, len(src), len(tgt))
    scores = tuple(score_bead(src, tgt, b) for b in beads)
    flags = tuple(flag_bead(src, tgt, b, s) for b, s in zip(beads, scores))
    return Comparison(src, tgt, alignment, scores, flags, document_fidelity(src, tgt, beads, scores), DEFAULT_CONFIG)


def _browser(html_path: Path) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        t = time.perf_counter()
        page.goto(html_path.as_uri(), wait_until="load")
        load_s = time.perf_counter() - t
        filter_ms = page.evaluate("""() => {
            const box = document.getElementById('only-flagged');
            const t = performance.now();
            box.checked = true; box.dispatchEvent(new Event('change'));
            document.body.offsetHeight;  // force layout
            return performance.now() - t;
        }""")
        browser.close()
    return load_s, filter_ms / 1000


def main() -> None:
    """Print a Markdown table: dataset, beads, then per format seconds and size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also time the HTML in headless Chromium")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ntrex = sorted((DATA / "ntrex-dev").glob("*.enid"))[0]
    sets = [
        ("seed 000/001 (aligned)", None),
        (f"ntrex-dev {ntrex.stem}", (ntrex.with_suffix(".en"), ntrex.with_suffix(".id"), ntrex, "en", "id")),
        ("panl-eco-long", (DATA / "panl-eco-long" / "long.en", DATA / "panl-eco-long" / "long.id",
                           DATA / "panl-eco-long" / "long.enid", "en", "id")),
    ]
    head = "| data | beads | flags | model s | " + " | ".join(f"{f} s / KiB" for f in FORMATS) + " |"
    if args.browser:
        head += " Chromium load s | filter s |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for name, spec in sets:
        if spec is None:
            import aligner

            c = aligner.compare_files(ROOT / "seeds" / "000_ae4071aa207af74f.txt", ROOT / "seeds" / "001_2f5c058692c94630.txt")
        else:
            c = gold_comparison(*spec)
        cells = [name, str(len(c.alignment)), str(sum(len(f) for f in c.flags)),
                 f"{_best(functools.partial(build_report, c), args.repeat):.3f}"]
        for fmt in FORMATS:
            seconds = _best(functools.partial(render, c, fmt), args.repeat)
            size = len(render(c, fmt).encode("utf-8")) / 1024
            cells.append(f"{seconds:.3f} / {size:,.0f}")
        if args.browser:
            with tempfile.TemporaryDirectory() as tmp:
                page = Path(tmp) / "r.html"
                page.write_text(render(c, "html"), "utf-8")
                load_s, filter_s = _browser(page)
            cells += [f"{load_s:.2f}", f"{filter_s:.3f}"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
