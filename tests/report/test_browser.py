"""The HTML report in a real headless Chromium (Debian's ``chromium`` driven by Playwright).

Skips only when no Chromium binary is found (set ``ALIGNER_CHROMIUM`` to point at one);
``.ci/run`` installs it, so CI runs these tests. The screenshot goes to ``tmp_path``, or to
``$ALIGNER_SCREENSHOT_DIR`` when set (to keep it as a CI artefact).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from aligner.report import write_report

from .conftest import FLAG_MESSAGE, IMG_SRC, SCRIPT_SRC, SCRIPT_TGT, SRC_PATH

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str | None:
    candidates = [os.environ.get("ALIGNER_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                  "/usr/bin/chromium"]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary found (apt-get install chromium, or set ALIGNER_CHROMIUM)")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright  # in the test extra; imported only with a browser

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class _Watch:
    """Console errors, dialogs and any request that is not the report file itself."""

    def __init__(self, page, url: str) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: self.requests.append(r.url) if r.url != url else None)


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    url = path.as_uri()
    watch = _Watch(page, url)
    page.goto(url)
    return page, watch


def _visible(page) -> int:
    return page.locator("#beads tbody tr.bead:visible").count()


def test_seed_report_rows_filters_search_and_screenshot(browser, seed_comparison, tmp_path):
    report = tmp_path / "seed.html"
    write_report(seed_comparison, "html", report)
    page, watch = _open(browser, report)
    n = len(seed_comparison.alignment.beads)
    flagged = [k for k, f in enumerate(seed_comparison.flags) if f]
    assert page.locator("#beads tbody tr.bead").count() == n == 15
    assert _visible(page) == n
    assert page.locator("#controls").is_visible()
    assert page.locator("#shown").inner_text() == f"{n} of {n} beads shown"

    page.check("#only-flagged")
    assert _visible(page) == len(flagged)
    visible_ids = page.locator("#beads tbody tr.bead:visible").evaluate_all("rs => rs.map(r => r.id)")
    assert visible_ids == [f"bead-{k}" for k in flagged]
    page.uncheck("#only-flagged")

    counts = seed_comparison.flag_counts()
    for flag_type in counts:
        page.select_option("#flag-type", flag_type)
        expected = sum(1 for f in seed_comparison.flags if any(x.type == flag_type for x in f))
        assert _visible(page) == expected
        assert page.locator("#shown").inner_text() == f"{expected} of {n} beads shown"
    page.select_option("#flag-type", "")
    assert _visible(page) == n

    # keyboard: "/" jumps to the search box; the search is case-insensitive over the row text
    page.locator("body").press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    word = seed_comparison.tgt.sentence_text(0).split()[0]
    page.keyboard.type(word.upper())
    expected = sum(1 for k in range(n) if word.lower() in page.locator(f"#bead-{k}").inner_text().lower())
    assert 0 < _visible(page) == expected
    page.click("#reset")
    assert _visible(page) == n

    page.check("#only-flagged")
    shot = Path(os.environ.get("ALIGNER_SCREENSHOT_DIR") or tmp_path) / "seed-report.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert watch.errors == [] and watch.dialogs == [] and watch.requests == []
    page.close()


def test_flag_badge_filters_and_path_link_reveals_hidden_rows(browser, hostile, tmp_path):
    report = tmp_path / "hostile.html"
    write_report(hostile, "html", report)
    page, watch = _open(browser, report)
    page.click("button[data-filter-type='omission']")
    assert _visible(page) == 1 and page.locator("#bead-2").is_visible()
    assert page.get_attribute("button[data-filter-type='omission']", "aria-pressed") == "true"
    # the path picture links to a row the filter hides: following it clears the filter
    page.click("svg.path a[href='#bead-0']")
    page.wait_for_function("!document.getElementById('bead-0').hidden")
    assert _visible(page) == len(hostile.alignment.beads)
    assert watch.errors == [] and watch.requests == []
    page.close()


def test_hostile_input_shows_as_text_and_runs_nothing(browser, hostile, hostile_pipeline, tmp_path):
    for k, comparison in enumerate((hostile, hostile_pipeline)):
        report = tmp_path / f"hostile-{k}.html"
        write_report(comparison, "html", report)
        page, watch = _open(browser, report)
        text = page.locator("body").inner_text()
        for needle in (SCRIPT_SRC, IMG_SRC, SRC_PATH, "🎉"):
            assert needle in text
        if comparison is hostile:
            for needle in (SCRIPT_TGT, FLAG_MESSAGE, "שלום", "مرحبا"):
                assert needle in text
            assert page.locator("#beads mark").first.inner_text() == SCRIPT_SRC
        assert page.locator("img").count() == 0
        assert page.locator("script").count() == 2
        assert page.title().startswith("Comparison: <img src=x")
        assert watch.dialogs == [] and watch.errors == [] and watch.requests == []
        page.close()


def test_keyboard_and_print(browser, hostile, tmp_path):
    report = tmp_path / "keys.html"
    write_report(hostile, "html", report)
    page, watch = _open(browser, report)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.locator(".skip").is_visible()  # shown when focused
    page.keyboard.press("Enter")
    # following a fragment link is asynchronous: wait for it (fails after 5 s if it never happens)
    page.wait_for_function("location.hash === '#beads'", timeout=5000)
    assert page.url.endswith("#beads")
    # the filter controls are reachable by Tab and work from the keyboard
    page.focus("#only-flagged")
    page.keyboard.press("Space")
    assert _visible(page) == sum(1 for f in hostile.flags if f)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "flag-type"
    page.focus("#q")
    page.keyboard.type("WINDOW")  # no row has it
    assert _visible(page) == 0 and page.locator("#no-rows").is_visible()
    page.keyboard.press("Escape")
    assert _visible(page) == sum(1 for f in hostile.flags if f)
    # print: the filter bar goes, the table stays
    page.click("#reset")
    page.emulate_media(media="print")
    assert not page.locator("#controls").is_visible()
    assert _visible(page) == len(hostile.alignment.beads)
    assert len(page.pdf()) > 10_000
    assert watch.errors == [] and watch.requests == []
    page.close()
