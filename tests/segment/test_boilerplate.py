"""Page furniture: general line rules, and the seeds that motivated them."""

from __future__ import annotations

import pytest

from aligner.document import BOILERPLATE, CONTENT, Span
from aligner.io.reader import read_path
from aligner.segment import make_document
from aligner.segment.boilerplate import classify_spans, is_furniture_line


@pytest.mark.parametrize("line, lang", [
    ("找回密码", "ko"),                                   # script mismatch
    ("热搜: Apple Tesla Amazon", "ko"),
    ("发表于 2023-11-22 14:00:22 | 显示全部楼层 |阅读模式", "ko"),
    ("Powered by Discuz! X3.5", "de"),                  # footer, any language
    ("© 2001-2024 Discuz! Team.", "en"),
    ("Copyright 2024 Example Media. All rights reserved.", "id"),
    ("한어Русский языкEnglishFrançaisIndonesianSanskrit日本語DeutschPortuguêsΕλληνικάespañolItalianoSuomalainenLatina", "de"),
    ("English | Deutsch | Français | Español", "en"),  # language picker
    ("Home | News | Sport | Contact", "en"),           # pipe menu
    ("Beranda", "id"),                                  # navigation label
    ("登录 | 立即注册", "zh"),
    ("2024-08-19", "de"),                               # no letters / bare date
    ("Am 19. August 2024", "de"),
    ("125", "ko"),
    ("Archiver|手机版|小黑屋|www.LogoMoeny.com", "zh"),
])
def test_furniture_lines(line, lang):
    assert is_furniture_line(line, lang)


@pytest.mark.parametrize("line, lang", [
    ("OpenAI 이사회 불안 정리: 잠재적 원인과 후속 영향", "ko"),   # a headline
    ("Geben Sie diese Signale frei", "de"),
    ("„Rebel“ eröffnet eine neue Ära", "de"),
    ("ChallengerAnthropic", "de"),
    ("Die Personalunruhen bei OpenAI haben sich verschärft.", "de"),
    ("He speaks English, French and German fluently.", "en"),
    ("Dia lahir pada 19 Agustus 1945 di Jakarta dan besar di Bandung.", "id"),
    ("The home team won.", "en"),
    ("OpenAI board turmoil explained in full", "ko"),  # an English headline in a Korean page
])
def test_content_lines(line, lang):
    assert not is_furniture_line(line, lang)


def _kinds(path, lang):
    doc = make_document(read_path(path).text, lang)
    return doc, [(doc.sentence_text(i), s.kind) for i, s in enumerate(doc.sentences)]


def test_seed_002_forum_chrome_is_boilerplate(seed_paths):
    doc, kinds = _kinds(seed_paths["002"], "ko")
    boiler = {t for t, k in kinds if k == BOILERPLATE}
    for chrome in ("找回密码", "立即注册", "搜索", "[复制链接]", "Powered by Discuz!", "X3.5",
                   "© 2001-2024 Discuz!", "快速回复 返回顶部 返回列表"):
        assert chrome in boiler
    assert any(t.startswith("发表于") for t in boiler)
    content = [t for t, k in kinds if k == CONTENT]
    assert content[0] == "OpenAI 이사회 불안 정리: 잠재적 원인과 후속 영향"
    assert all("回帖" not in t for t in content)


def test_seed_003_language_menu_and_date_are_boilerplate(seed_paths):
    doc, kinds = _kinds(seed_paths["003"], "de")
    boiler = [t for t, k in kinds if k == BOILERPLATE]
    assert any(t.startswith("한어Русский язык") for t in boiler)
    assert "2024-08-19" in boiler
    content = [t for t, k in kinds if k == CONTENT]
    assert "Geben Sie diese Signale frei" in content
    assert "Sicherheit ist ein Thema, an dem OpenAI nicht vorbeikommt" in content


@pytest.mark.parametrize("name, lang", [("000", "id"), ("001", "en")])
def test_clean_seeds_have_no_boilerplate(seed_paths, name, lang):
    doc, kinds = _kinds(seed_paths[name], lang)
    assert [k for _t, k in kinds] == [CONTENT] * 15
    assert len(doc.paragraphs) == 5


def test_sentence_without_letters_inside_content_is_boilerplate():
    text = "The vote was close. 52 - 48. The bill passed."
    spans = (Span(0, 19), Span(20, 28), Span(29, 46))
    assert [s.kind for s in classify_spans(text, spans, "en")] == [CONTENT, BOILERPLATE, CONTENT]


@pytest.mark.parametrize(("text", "lang"), [
    ("Председник је јуче посетио Београд. То је важно.", "sr"),
    ("Predsednik je juče posetio Beograd. To je važno.", "sr"),  # Serbian in Latin letters
    ("தமிழ்நாடு அரசு இன்று புதிய திட்டத்தை அறிவித்தது. இது முக்கியம்.", "ta"),
    ("ახალი კანონი დღეს ამოქმედდა. ეს მნიშვნელოვანია.", "ka"),
    ("தமிழ்நாடு அரசு இன்று புதிய திட்டத்தை அறிவித்தது. இது முக்கியம்.", "xx"),  # a code with no data
])
def test_text_in_any_script_is_content_not_furniture(text, lang):
    from aligner.segment import segment

    spans = segment(text, lang=lang)
    assert len(spans) == 2 and all(s.kind == CONTENT for s in spans)


def test_a_sentence_of_every_tabled_language_is_content():
    """Each language of the conventions table, written in its own letters (its CLDR day names,
    from Babel), is kept as content: none is read as furniture for lacking Latin letters."""
    from babel import Locale, UnknownLocaleError

    from aligner.conventions import known_languages
    from aligner.segment import segment

    lost = []
    for lang in sorted(known_languages()):
        try:
            days = Locale.parse(lang).days["format"]["wide"]
        except (UnknownLocaleError, ValueError, KeyError):
            continue
        text = " ".join(days[d] for d in range(7)) + "."
        if any(s.kind != CONTENT for s in segment(text, lang=lang)):
            lost.append(lang)
    assert lost == []
