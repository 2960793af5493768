"""Sane behaviour on odd but valid input: huge lines, many lines, scripts, marks, emoji,
lopsided and identical documents; and reports that escape hostile text.

Large inputs go through ``segment`` / ``load`` directly (the aligner is measured in
bench/fuzz/stress.py); ``compare`` gets moderate sizes.
"""

from __future__ import annotations

import random
import sys
import time

import pytest

import aligner
from aligner import render
from aligner.segment import segment


def _spans_ok(doc: aligner.Document) -> None:
    previous = 0
    for span, text in zip(doc.sentences, doc.sentence_texts):
        assert span.start >= previous and text == doc.text[span.start:span.end] and text.strip() == text
        assert not doc.text[previous:span.start].strip()
        previous = span.end
    assert not doc.text[previous:].strip()


def _covers(c: aligner.Comparison) -> None:
    src = [i for b in c.alignment.beads for i in b.src]
    tgt = [j for b in c.alignment.beads for j in b.tgt]
    assert sorted(src) == list(range(len(c.src))) and sorted(tgt) == list(range(len(c.tgt)))
    assert all(0.0 <= b.confidence <= 1.0 for b in c.alignment.beads)
    assert all(0.0 <= s.fidelity <= 1.0 for s in c.scores)
    assert 0.0 <= c.fidelity <= 1.0


def _flags(c: aligner.Comparison) -> list:
    return [f for bead_flags in c.flags for f in bead_flags]


def _runon(n: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    words = "harga naik pemerintah diam kota besar hujan deras sekali".split()
    return " ".join(rng.choice(words) for _ in range(n // 5))[:n]


class _ScanCounter:
    """A compiled pattern that adds the length of every scan (``search``/``finditer``/...) to a total."""

    SCANS = ("search", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern, total: list[int]) -> None:
        self._pattern, self._total = pattern, total

    def __getattr__(self, name):
        method = getattr(self._pattern, name)
        if name not in self.SCANS:
            return method

        def scan(string, *args, **kwargs):
            pos = args[0] if args and isinstance(args[0], int) else kwargs.get("pos", 0)
            endpos = args[1] if len(args) > 1 and isinstance(args[1], int) else kwargs.get("endpos", len(string))
            self._total[0] += max(0, min(endpos, len(string)) - pos)
            return method(string, *args, **kwargs)

        return scan


def _work(fn, monkeypatch) -> int:
    """Function calls made by ``fn()`` plus the characters its segmentation regexes scan.

    A count of work that machine load cannot skew: a quadratic loop shows in the calls, a
    scan from the paragraph start for every candidate end shows in the characters. ``fn``
    runs once first so that lazily loaded data (abbreviation lists, models) is not counted.
    Timings are in bench/fuzz/stress.py.
    """
    import regex

    from aligner.segment import boilerplate, rules

    fn()
    total = [0]
    for module in (rules, boilerplate):
        for name, value in vars(module).items():
            if isinstance(value, regex.Pattern):
                monkeypatch.setattr(module, name, _ScanCounter(value, total))

    def profile(frame, event, arg):
        if event == "call" or event == "c_call":
            total[0] += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
        monkeypatch.undo()
    return total[0]


def test_one_megabyte_run_on_line_is_one_sentence_quickly():
    text = _runon(1_000_000)
    start = time.perf_counter()
    spans = segment(text, "id")
    assert time.perf_counter() - start < 30  # a guard against a hang, not a benchmark
    assert len(spans) == 1 and (spans[0].start, spans[0].end) == (0, len(text.rstrip()))


def test_run_on_line_segments_with_linear_work(monkeypatch):
    small, large = _runon(20_000), _runon(160_000)
    ratio = _work(lambda: segment(large, "id"), monkeypatch) / _work(lambda: segment(small, "id"), monkeypatch)
    assert ratio < 10  # 8x the input: linear gives ~8, quadratic ~64


@pytest.mark.parametrize("unit, count", [("Ok {i}. ", 400), ("a.", 2000)])
def test_many_sentence_ends_in_one_paragraph_segment_with_linear_work(unit, count, monkeypatch):
    small = "".join(unit.format(i=i) for i in range(count))
    large = "".join(unit.format(i=i) for i in range(4 * count))
    ratio = _work(lambda: segment(large, "en"), monkeypatch) / _work(lambda: segment(small, "en"), monkeypatch)
    assert ratio < 5  # 4x the input: linear gives ~4, quadratic ~16


@pytest.mark.slow
def test_hundred_thousand_tiny_lines():
    text = "\n".join(f"Ok {i}." for i in range(100_000))
    start = time.perf_counter()
    spans = segment(text, "en", mark_boilerplate=False)
    assert time.perf_counter() - start < 60  # guard only
    assert len(spans) == 100_000
    assert text[spans[-1].start:spans[-1].end] == "Ok 99999."


@pytest.mark.slow
def test_load_of_many_lines_file(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("\n".join(f"Line {i} is here." for i in range(20_000)) + "\n", "utf-8")
    doc = aligner.load(path, "en")
    assert len(doc) == 20_000 and doc.sentence_texts[-1] == "Line 19999 is here."


ODD_TEXTS = {
    "mixed scripts": "Harga naik 5 persen. 价格上涨了5%。 가격이 5% 올랐다. Цены выросли на 5%.",
    "rtl marks": "\u200fהמחירים עלו ב-5 אחוזים.\u200f Prices rose 5 percent. \u202bمرحبا بالعالم.\u202c",
    "emoji": "Prices rose 5 percent 📈🔥. The minister 👩🏽‍💼 said nothing 🤐! Really?! 🇮🇩",
    "combining": "Cafe\u0301 cre\u0300me. Ngu\u031b\u0300o\u031b\u0300i Vie\u0323\u0302t. A\u0308rger.",
    "zero width": "Zero\u200bwidth\u200c joiners\u200d here. Word\u2060joiner. \ufeffBOM inside.",
    "tabs": "\tIndented\twith\ttabs.\tMore\t\ttabs here.\n\t\n\tNext paragraph.",
    "controls": "Form\x0cfeed. Vertical\x0btab. Next\x85line. Para\u2029graph. Line\u2028sep.",
}


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_characters_keep_spans_exact_and_compare_runs(name):
    text = ODD_TEXTS[name]
    src = aligner.from_text(text)
    _spans_ok(src)
    tgt = aligner.from_text("Prices rose 5 percent. The minister said nothing.", "en")
    comparison = aligner.compare(src, tgt)
    _covers(comparison)
    for fmt in aligner.FORMATS:
        assert render(comparison, fmt)


def test_one_side_twenty_times_longer():
    short = aligner.from_text("Prices rose 5 percent. The minister resigned.", "en")
    long_text = " ".join(f"Sentence number {i} says something else entirely." for i in range(40))
    long = aligner.from_text(long_text, "en")
    for a, b, kind, side in ((short, long, "addition", "tgt"), (long, short, "omission", "src")):
        c = aligner.compare(a, b)
        _covers(c)
        lone = [b.src or b.tgt for b in c.alignment.beads if not (b.src and b.tgt)]
        assert len(lone) >= 0.9 * len(long)  # most long-side sentences have no counterpart...
        flagged = {e.sentence for f in _flags(c) if f.type == kind for e in f.evidence if e.side == side}
        assert {i for ids in lone for i in ids} <= flagged  # ...and each is flagged as such
        assert c.fidelity < 0.2


def test_identical_documents_align_one_to_one(seed_paths):
    doc = aligner.load(seed_paths["001"])
    c = aligner.compare(doc, doc)
    _covers(c)
    assert [(b.src, b.tgt) for b in c.alignment.beads] == [((i,), (i,)) for i in range(len(doc))]


def test_same_language_documents(seed_paths):
    a = aligner.load(seed_paths["001"])
    b = aligner.from_text(a.text.replace("percent", "per cent").replace("said", "stated"), "en")
    c = aligner.compare(a, b)
    _covers(c)
    assert len(a) == len(b) and all(x.kind == "1-1" for x in c.alignment.beads)
    assert c.fidelity > 0.9


def test_moderate_size_compare_finishes():
    n = 150
    src = aligner.from_text("\n".join(f"The price rose {i} percent today." for i in range(n)), "en")
    tgt = aligner.from_text("\n".join(f"Harga naik {i} persen hari ini." for i in range(n)), "id")
    c = aligner.compare(src, tgt)
    _covers(c)
    assert sum(1 for b in c.alignment.beads if len(b.src) == 1 and len(b.tgt) == 1) >= 0.9 * n


def test_single_sentence_each_side():
    c = aligner.compare(aligner.from_text("Hi.", "en"), aligner.from_text("Hai.", "id"))
    _covers(c)
    assert [(b.src, b.tgt) for b in c.alignment.beads] == [((0,), (0,))]
    assert c.fidelity > 0.5


def test_text_without_letters_is_accepted():
    src = aligner.from_text("12345 67 89.\n--- *** ---", "en")
    c = aligner.compare(src, aligner.from_text("Numbers: 12345 67 89.", "en"))
    _covers(c)
    assert src.sentence_texts[0] == "12345 67 89."
    for bead, flags in zip(c.alignment.beads, c.flags):  # each unpaired sentence says why
        if not (bead.src and bead.tgt):
            assert {f.type for f in flags} & {"omission", "addition", "boilerplate"}


HOSTILE = ('<script>alert("x")</script> <img src=x onerror=alert(1)> </td></tr></table> '
           '{{ 7*7 }} {% raw %} ]]> <![CDATA[ x ]]> &amp; "quoted" \'single\' javascript:alert(1).')


def test_html_report_escapes_article_text():
    src = aligner.from_text(HOSTILE + " Second sentence.", "en")
    tgt = aligner.from_text("Kalimat <b>tebal</b> di sini. <iframe src=//evil></iframe> Ok.", "id")
    html = render(aligner.compare(src, tgt), "html")
    for raw in ("<script>alert", "<img src=x", "<iframe", "<b>tebal", "</table> ", "<![CDATA["):
        assert raw not in html
    import re

    shown = re.sub(r"<mark[^>]*>|</mark>", "", html)  # evidence marks (the tags check's) may split the text
    assert "&lt;script&gt;alert(" in shown and "&lt;iframe" in shown
    assert "{{ 7*7 }}" in shown  # shown as text, never evaluated as a template


def test_tmx_and_markdown_escape_markup():
    src = aligner.from_text(HOSTILE, "en")
    tgt = aligner.from_text("Teks <script>alert(2)</script> biasa.", "id")
    c = aligner.compare(src, tgt)
    assert "<script>" not in render(c, "tmx")
    assert "<script>" not in render(c, "md")


def test_library_rejects_malformed_language_codes():
    with pytest.raises(aligner.AlignerError):
        aligner.from_text("Hello there. Bye.", "e\x00n")
