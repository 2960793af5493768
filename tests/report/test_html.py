"""HTML report: every input is escaped, the page is self-contained and locked down by CSP."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from aligner.report import render
from aligner.report.html import content_security_policy, json_for_script

from .conftest import FLAG_MESSAGE, IMG_SRC, IMG_TGT, SCRIPT_SRC, SCRIPT_TGT, SRC_PATH, TGT_PATH


class _Page(HTMLParser):
    """Collects tags, attributes, script bodies and text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._in: str | None = None
        self._attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in, self._attrs = tag, dict(attrs)

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append((self._attrs, data))
        elif self._in == "style":
            self.styles.append(data)
        else:
            self.text.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture(scope="module")
def hostile_page(hostile):
    return render(hostile, "html"), _parse(render(hostile, "html"))


def test_hostile_input_is_text_not_markup(hostile_page):
    html, page = hostile_page
    tag_names = {t for t, _ in page.tags}
    assert "img" not in tag_names and "b" not in tag_names
    assert sum(1 for t, _ in page.tags if t == "script") == 2  # the JSON block and the filter script
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    text = "".join(page.text)
    for needle in (SCRIPT_SRC, IMG_SRC, SCRIPT_TGT, IMG_TGT, SRC_PATH, TGT_PATH, FLAG_MESSAGE,
                   "🎉👍🏽", "שלום", "مرحبا", 'said "no" & left', "it's 'quoted' ]]>"):
        assert needle in text, needle
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_script_blocks_are_ours_and_json_is_safe(hostile_page, hostile):
    _, page = hostile_page
    (data_attrs, data), (code_attrs, _) = page.scripts
    assert data_attrs == {"type": "application/json", "id": "aligner-summary"}
    assert "<" not in data and ">" not in data and "&" not in data
    summary = json.loads(data)
    assert summary["source"]["path"] == SRC_PATH and summary["target"]["path"] == TGT_PATH
    assert summary["signature"] == hostile.signature
    assert code_attrs == {}


def test_json_for_script_escapes_closers_and_line_separators():
    text = json_for_script({"a": "</script><!-- & \u2028\u2029"})
    assert text == '{"a": "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}'
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029"}


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def test_csp_blocks_network_and_pins_the_inline_assets(hostile_page):
    html, page = hostile_page
    metas = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    csp = metas[0]["content"]
    assert csp == content_security_policy()
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "img-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert f"'{_sha(page.styles[0])}'" in csp
    assert f"'{_sha(page.scripts[1][1])}'" in csp
    # nothing that could load: no src attributes, no external links
    assert not any("src" in attrs for _, attrs in page.tags)
    hrefs = [a["href"] for t, a in page.tags if "href" in a]
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert not re.search(r"(?i)url\(|@import|https?://", page.styles[0])


def test_rows_marks_and_badges(hostile_page, hostile):
    html, page = hostile_page
    rows = [a for t, a in page.tags if t == "tr" and "bead" in (a.get("class") or "").split()]
    assert [r["id"] for r in rows] == [f"bead-{k}" for k in range(len(hostile.alignment.beads))]
    assert [r["data-flags"] for r in rows] == [
        "entity_mismatch", "number_mismatch typography", "omission", "", "addition", "boilerplate"]
    assert "band-high" in rows[0]["class"] and "sev-major" in rows[0]["class"]
    marks = re.findall(r"<mark [^>]*>(.*?)</mark>", html.split("<tbody>")[1])
    assert marks == ["&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", "&lt;script&gt;alert(2)&lt;/script&gt;",
                     "rose ", "5%"]
    assert 'class="sent whole sev-minor"' in html  # whole-sentence number evidence on the target
    assert "no target sentence (omission)" in html and "no source sentence (addition)" in html
    assert html.count('<span class="badge">') == sum(len(f) for f in hostile.flags)
    assert "<dt>semantic</dt><dd>0.950</dd>" in html  # parts rendered generically


def test_summary_and_path_picture(hostile_page):
    html, _ = hostile_page
    assert 'id="doc-fidelity">0.610<' in html
    assert 'id="coverage">80% / 75%<' in html
    shapes = re.findall(r'class="bead-shape shape-(\w+)', html)
    assert shapes == ["one", "one", "omission", "merge", "addition", "one"]
    assert re.search(r'data-filter-type="omission"', html)
    assert '<option value="typography">typography (1)</option>' in html


def test_seed_report_has_a_row_per_bead(seed_comparison):
    html = render(seed_comparison, "html")
    assert len(re.findall(r'<tr id="bead-\d+" class="bead', html)) == len(seed_comparison.alignment.beads)
    assert seed_comparison.signature in html


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_text_contrast_is_at_least_7_to_1():
    from importlib import resources

    css = resources.files("aligner.report").joinpath("templates/report.css").read_text("utf-8")
    var = dict(re.findall(r"--([\w-]+): (#[0-9a-f]{6})", css))
    row_colours = [var[k] for k in var if k.endswith("-bg")] + [var["paper"], var["soft"]]
    for background in row_colours:
        assert _contrast(var["ink"], background) >= 7, background
        assert _contrast(var["muted"], background) >= 7, background
    marks = re.findall(r"mark[^{]*\{[^}]*background: (#[0-9a-f]{6})", css)
    assert len(marks) == 3
    for background in marks:
        assert _contrast(var["ink"], background) >= 7, background
    badge = re.search(r"\.flag\.sev-major \.badge \{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6})", css)
    assert _contrast(badge.group(1), badge.group(2)) >= 7


def test_characters_html_forbids_are_shown_as_replacement(hostile_page):
    html, page = hostile_page
    assert "\x0b" not in html
    assert "a\ufffdvertical tab" in "".join(page.text)
