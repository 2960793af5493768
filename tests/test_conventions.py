"""The per-language punctuation and quotation table (aligner.conventions)."""

from __future__ import annotations

import pytest

from aligner.conventions import (
    conventions, conventions_for_text, dominant_script, known_languages, known_scripts, script_conventions,
)


def test_french_quotes_and_spacing():
    fr = conventions("fr")
    assert fr.quotes[0] == ("«", "»") and fr.space_before == ":;?!»" and fr.space_after == "«"
    assert fr.known and fr.script == "Latin"


@pytest.mark.parametrize("lang, mark", [
    ("hi", "।"), ("mr", "॥"), ("ar", "؟"), ("ur", "۔"), ("fa", "؟"), ("hy", "։"), ("am", "።"), ("am", "፧"),
    ("my", "။"), ("bo", "།"), ("km", "។"), ("zh", "。"), ("ja", "！"), ("el", ";"), ("bn", "।"),
])
def test_script_final_marks(lang, mark):
    assert mark in conventions(lang).final


def test_a_language_inherits_its_scripts_marks_but_keeps_its_quotes():
    de = conventions("de")
    assert de.final == script_conventions("Latin").final and de.quotes[0] == ("„", "“")


def test_region_and_script_subtags():
    assert conventions("pt-BR").quotes == conventions("pt").quotes
    assert conventions("sr-Latn").script == "Latin" and conventions("sr").script == "Cyrillic"
    assert conventions("zh-Hant").spacing == "none"


def test_unknown_language_gets_the_script_of_its_text():
    unknown = conventions_for_text("xqz", "यह एक वाक्य है। यह दूसरा है।")
    assert not unknown.known and unknown.script == "Devanagari" and "।" in unknown.final
    assert conventions("xqz").script == "Latin"


def test_dominant_script():
    assert dominant_script("今日は晴れです。") == "Kana"
    assert dominant_script("他於2010年離開。") == "Han"
    assert dominant_script("Привет, мир") == "Cyrillic"
    assert dominant_script("1234 !!") is None


def test_table_is_consistent():
    scripts = set(known_scripts())
    for lang in known_languages():
        conv = conventions(lang)
        assert conv.script in scripts, lang
        assert conv.final and all(len(a) == 1 and len(b) == 1 for a, b in conv.quotes), lang
        assert conv.spacing in ("space", "none", "model"), lang
    assert conventions("th").spacing == "model"
