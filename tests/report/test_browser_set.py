"""The set report in Chromium at 1,280 px: nothing overflows the page, numbers as written,
flagged cells marked in the N-way view, the longest version as pivot."""

from __future__ import annotations

import sys
from pathlib import Path

from aligner import Config, from_text
from aligner.compare.multiset import compare_set
from aligner.report.setreport import write_set_report

from .test_browser import ARGS, CHROMIUM, _open, pytestmark  # noqa: F401 - the same skip rule

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "compare"))
from fake_encoder import FakeEncoder  # noqa: E402

LONG = "a/very/long/folder/name/that/goes/on/and/on/for/a/while/" * 2


def _versions():
    tags = [f"t{k}" for k in range(6)]
    en = " ".join(f"The committee reported on item #{t} that 38,000 people in Jakarta signed the petition "
                  f"about the long-running dispute." for t in tags)
    idn = " ".join(f"Komite melaporkan butir #{t} bahwa {'39.000' if t == 't2' else '38.000'} orang di Jakarta "
                   f"menandatangani petisi." for t in tags[:5])
    de = " ".join(f"Der Ausschuss berichtete zu Punkt #{t}, dass 38.000 Menschen in Jakarta unterschrieben." for t in tags)
    ko = " ".join(f"위원회는 #{t} 항목에 대해 자카르타에서 38,000명이 서명했다고 보고했다." for t in tags)
    return [from_text(idn, "id", path=LONG + "berita-indonesia.txt"), from_text(en, "en", path=LONG + "news-english.txt"),
            from_text(de, "de", path=LONG + "nachrichten-deutsch.txt"), from_text(ko, "ko", path=LONG + "news-korean.txt")]


def test_set_report_fits_1280_pixels_and_marks_changed_numbers(tmp_path):
    from playwright.sync_api import sync_playwright

    sc = compare_set(_versions(), Config(encoder="none", lexicon="none"), encoder=FakeEncoder())
    (view,) = sc.views
    assert sc.documents[view.pivot].lang == "en"  # the longest version, not a translation
    report = tmp_path / "set.html"
    write_set_report(sc, "html", report)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page, watch = _open(browser, report)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1280, width
        text = page.locator("body").inner_text()
        assert "38,000" in text and "39.000" in text
        assert page.locator("table.versions td.flagged .badge", has_text="number_mismatch").count() >= 1
        assert watch.errors == [] and watch.requests == []
        browser.close()
