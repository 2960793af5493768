"""Review in the browser: mark a flag accepted in the HTML report, save the decisions file,
and rerun with ``--accept`` (Debian's Chromium driven by Playwright, as test_browser.py)."""

from __future__ import annotations

import json
from pathlib import Path

from aligner.cli import main

from .test_browser import ARGS, CHROMIUM, _open, pytestmark  # noqa: F401 - the same skip rule

SRC = "Harga naik 5 persen bulan lalu.\n\nPemerintah belum berkomentar soal angka itu.\n\nRakyat marah besar sekali hari ini di kota.\n"
TGT = "Prices rose 6 percent last month.\n\nThe government has not commented on the figures.\n"
FAST = ["--encoder", "none", "--src-lang", "id", "--tgt-lang", "en"]


def test_accept_a_flag_save_decisions_and_rerun(tmp_path, capsys):
    from playwright.sync_api import sync_playwright

    src, tgt = tmp_path / "src.txt", tmp_path / "tgt.txt"
    src.write_text(SRC, "utf-8")
    tgt.write_text(TGT, "utf-8")
    report = tmp_path / "report.html"
    assert main(["compare", str(src), str(tgt), *FAST, "--format", "html", "-o", str(report)]) == 0
    assert main(["compare", str(src), str(tgt), *FAST, "--format", "html", "-o", str(report),
                 "--fail-on", "major"]) == 1

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page, watch = _open(browser, report)
        boxes = page.locator("input.accept-flag")
        n_flags = boxes.count()
        assert n_flags >= 2
        majors = page.locator("li.flag.sev-major input.accept-flag")
        chosen = [majors.nth(k).get_attribute("value") for k in range(majors.count())]
        for k in range(majors.count()):
            majors.nth(k).check()
        assert page.locator("#accepted-count").inner_text() == f"{len(chosen)} flag{'s' if len(chosen) != 1 else ''} accepted"
        assert page.locator("li.flag.is-accepted").count() == len(chosen)
        with page.expect_download() as info:
            page.click("#save-decisions")
        decisions = tmp_path / "decisions.json"
        info.value.save_as(decisions)
        assert info.value.suggested_filename == "decisions.json"
        assert watch.errors == [] and watch.dialogs == [] and watch.requests == []
        page.close()
        browser.close()

    data = json.loads(decisions.read_text("utf-8"))
    assert data["format"] == "aligner-decisions" and data["source"] == str(src)
    assert [a["id"] for a in data["accepted"]] == chosen

    capsys.readouterr()
    code = main(["compare", str(src), str(tgt), *FAST, "--format", "html", "-o", str(report),
                 "--accept", str(decisions), "--fail-on", "major"])
    assert code == 0
    assert f"{len(chosen)} accepted flag(s) kept out" in capsys.readouterr().err
    html = report.read_text("utf-8")
    assert all(f'data-flag-id="{i}"' not in html for i in chosen)
    assert html.count('class="accept-flag"') == n_flags - len(chosen)


ROWS_IN_VIEW = """() => Array.from(document.querySelectorAll('#beads tbody tr.bead')).filter(r => {
  const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= window.innerHeight; }).length"""


def test_compact_rows_fit_twice_as_many_beads_on_a_screen(tmp_path):
    from playwright.sync_api import sync_playwright

    import aligner
    from aligner.report import write_report

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    c = aligner.compare_files(seeds / "000_ae4071aa207af74f.txt", seeds / "001_2f5c058692c94630.txt", encoder="none")
    report = tmp_path / "seed.html"
    write_report(c, "html", report)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page, watch = _open(browser, report)
        page.locator("#beads").scroll_into_view_if_needed()
        page.evaluate("document.querySelector('#beads tbody tr.bead').scrollIntoView()")
        normal = page.evaluate(ROWS_IN_VIEW)
        page.check("#compact")
        page.evaluate("document.querySelector('#beads tbody tr.bead').scrollIntoView()")
        compact = page.evaluate(ROWS_IN_VIEW)
        assert compact >= 2 * normal, (normal, compact)
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        assert watch.errors == []
        browser.close()
