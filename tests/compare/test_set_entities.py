"""Names, numbers and dates for the story matrix."""

from __future__ import annotations

import pytest

from aligner import Document, Span
from aligner.compare.entities import extract_entities, name_key, name_tokens, names_match
from aligner.compare.story import story_matrix


def from_text(text: str, lang: str) -> Document:
    """One content sentence per line, whatever the segmenter would mark as furniture."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line:
            spans.append(Span(start, start + len(line)))
        start += len(line) + 1
    return Document(text, lang, tuple(spans))


def _keys(mentions):
    return [m.key for m in mentions]


def test_english_names_skip_sentence_openers_and_weekdays():
    e = extract_entities(from_text("The board met on Friday.\nThen Sam Altman left OpenAI.\nAltman smiled.", "en"))
    assert _keys(e.names) == ["altman", "openai", "sam altman"]
    assert "the" in _keys(e.weak_names) and "friday" not in _keys(e.names + e.weak_names)


def test_acronyms_split_runs():
    e = extract_entities(from_text("Yesterday the Microsoft CEO Satya Nadella spoke.", "en"))
    assert _keys(e.names) == ["ceo", "microsoft", "satya nadella"]


def test_latin_names_inside_korean_text():
    e = extract_entities(from_text("수석 과학자 Ilya Sutskever는 OpenAI CEO Sam Altman을 해임했다.", "ko"))
    assert {"ilya sutskever", "openai", "sam altman"} <= set(_keys(e.names))


def test_german_lone_capitals_are_weak():
    e = extract_entities(from_text("Der Vorstand hat Altman entlassen. OpenAI schweigt.", "de"))
    assert _keys(e.names) == ["openai"]
    assert {"vorstand", "altman"} <= set(_keys(e.weak_names))


@pytest.mark.parametrize("text, lang", [
    ("It happened on November 17, 2023.", "en"),
    ("Itu terjadi pada 17 November 2023.", "id"),
    ("Es geschah am 17. November.", "de"),
    ("11월 17일에 일어났다.", "ko"),
    ("发生在11月17日。", "zh"),
    ("Posted 2023-11-17 at noon.", "en"),
])
def test_dates_match_across_languages(text, lang):
    e = extract_entities(from_text(text, lang))
    assert _keys(e.dates) == ["11-17"]
    assert "17" not in _keys(e.numbers)


def test_numbers_by_value():
    en = extract_entities(from_text("It cost 1,500 dollars and grew 2.5 percent.", "en"))
    idn = extract_entities(from_text("Biayanya 1.500 dolar dan tumbuh 2,5 persen.", "id"))
    assert _keys(en.numbers) == _keys(idn.numbers) == ["2.5", "1500"]


def test_name_matching_rules():
    assert name_key("Müller’s") == "muller"
    assert names_match("openai", "openais") and names_match("sam altman", "altman")
    assert not names_match("meta", "metro") and not names_match("al", "sam al")


def test_name_tokens_count_mentions():
    e = extract_entities(from_text("Yesterday OpenAI fired Sam Altman.\nLater Altman returned.", "en"))
    assert name_tokens(e.names) == {"altman": 2, "openai": 1}


def test_story_matrix_shared_and_unique():
    en = extract_entities(from_text("On November 17 OpenAI fired Sam Altman, said Satya Nadella.", "en"))
    ko = extract_entities(from_text("11월 17일 OpenAI는 Altman을 해임했다.\n95%가 항의했다.", "ko"))
    de = extract_entities(from_text("Der Vorstand hat Altman entlassen.", "de"))
    m = story_matrix([0, 1, 2], [en, ko, de])
    shared = {r.label: r.count for r in m.shared()}
    assert shared == {"Altman": 3, "OpenAI": 2, "November 17": 2}
    assert [r.label for r in m.unique_to(0)] == ["Satya Nadella"]
    assert [r.label for r in m.unique_to(1)] == ["95%"]  # as written
    assert m.unique_to(2) == ()  # a German weak candidate alone is not shown


def test_an_acronym_does_not_chain_two_names():
    ko = extract_entities(from_text("Microsoft CEO 발표.\nMicrosoft 성명.", "ko"))
    en = extract_entities(from_text("Microsoft said the CEO resigned.\nThe CEO of OpenAI spoke.", "en"))
    rows = {r.label: r.count for r in story_matrix([0, 1], [ko, en]).rows}
    assert rows["CEO"] == 1 and rows["Microsoft"] == 2


def test_label_is_the_most_used_form():
    a = extract_entities(from_text("Pekan lalu startup Openai berubah.", "id"))
    b = extract_entities(from_text("Last week startup OpenAI changed.", "en"))
    c = extract_entities(from_text("Letzte Woche hat OpenAI gewechselt.", "de"))
    assert [r.label for r in story_matrix([0, 1, 2], [a, b, c]).shared()] == ["OpenAI"]


def test_story_matrix_numbers_as_written_and_matched_by_value():
    en = extract_entities(from_text("The company hired 38,000 workers.", "en"))
    ind = extract_entities(from_text("Perusahaan merekrut 38.000 pekerja.", "id"))
    ko = extract_entities(from_text("38명이 왔다.", "ko"))
    m = story_matrix([0, 1, 2], [en, ind, ko])
    numbers = {r.label: r.cells for r in m.rows if r.kind == "number"}
    assert numbers["38,000"] == (("38,000",), ("38.000",), ())  # 38,000 is not 38
