"""The verdict (and why a pair is not a translation) in every report format."""

import json

import aligner
from aligner.report import render

WHY = "no sentence of one matches the other <b>"


def _comparison():
    return aligner.compare("Harga naik 5 persen. Pemerintah diam.", "Prices rose 5 percent. The government was silent.",
                           src_lang="id", tgt_lang="en", encoder="none")


def test_verdict_in_every_format():
    c = _comparison()
    assert json.loads(render(c, "json"))["verdict"] == c.verdict
    assert f"**Verdict:** {c.verdict}" in render(c, "md")
    assert f'<span class="big" id="verdict">{c.verdict}</span>' in render(c, "html")
    assert f'<prop type="x-verdict">{c.verdict}</prop>' in render(c, "tmx")


def test_translation_evidence_is_shown_and_escaped(monkeypatch):
    from aligner.compare.pair import Comparison

    plain = render(_comparison(), "html")
    monkeypatch.setattr(Comparison, "translation_evidence", property(lambda self: WHY))
    c = _comparison()
    assert "no sentence of one matches the other &lt;b&gt;" in render(c, "html")
    assert "(no sentence of one matches the other &lt;b&gt;)" in render(c, "md")
    assert "x-translation-evidence" in render(c, "tmx")
    assert 'id="translation-evidence"' not in plain


def test_translation_evidence_is_worked_out_once_per_comparison(monkeypatch):
    from aligner.compare import pair

    calls = []
    real = pair.translation_evidence
    monkeypatch.setattr(pair, "translation_evidence", lambda *a, **k: calls.append(1) or real(*a, **k))
    c = _comparison()
    render(c, "json")
    assert (c.verdict, c.not_a_translation) == (c.verdict, bool(c.translation_evidence))
    assert len(calls) == 1
