"""Regenerate docs/img/seed-report.png: the seed report in headless Chromium.

Run from the repository root (needs Debian's ``chromium`` and ``pip install playwright``):

    .venv/bin/python docs/img/make_screenshot.py [OUT.png]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

import aligner

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(out: str = "docs/img/seed-report.png") -> None:
    """Render the seed report and save a screenshot of its first screen to ``out``."""
    comparison = aligner.compare_files("seeds/000_ae4071aa207af74f.txt", "seeds/001_2f5c058692c94630.txt")
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "seed.html"
        aligner.write_report(comparison, "html", page_path)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1150})
            page.goto(page_path.as_uri())
            page.check("#only-flagged")
            page.screenshot(path=out, full_page=False)
            browser.close()
    print(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
