"""Rules that read a mark by its neighbours (seg-8): HTML character references, detached
quotes, brackets around the gap, ranges, ellipses and semicolon lists."""

from __future__ import annotations

import pytest

from aligner.segment import segment
from aligner.segment.rules import (
    Vote, closes_bracket, gap_features, gaps, lang_rules, rule_vote, semicolon_distances,
)


def sentences(text: str, lang: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text, lang)]


def lefts(text: str, lang: str) -> list[tuple[str, str, str]]:
    return [(prev, left, right) for _o, prev, left, right, _ph, _a, _r in gaps(text, 0, len(text), lang_rules(lang))]


def test_html_character_references_are_read_as_the_marks_they_stand_for():
    text = "Харькову индустриальному!&#39;&#39; Река Хмелинка берёт начало."
    assert ("Харькову", "индустриальному!''", "Река") in lefts(text, "ru")
    assert sentences(text, "ru") == ["Харькову индустриальному!&#39;&#39;", "Река Хмелинка берёт начало."]
    # A closing quote written as a reference is not a semicolon before a capital.
    inside = "Сцены в ``Бедности не порок&#39;&#39; Островского показаны."
    assert rule_vote("порок", "порок''", "Островского", "ru") is Vote.PLAIN
    assert sentences(inside, "ru") == [inside]
    # Unknown names stay as they are.
    assert lefts("a&zz; B c", "en")[0] == ("", "a&zz;", "B")


def test_a_detached_mark_is_read_with_its_own_word_and_the_token_before_it():
    got = lefts("Có 8 người ở Kredtrakarn . Nội dung", "vi")
    assert ("ở", "Kredtrakarn.", "Nội") in got
    got = lefts("I was there day . ) Next time", "en")
    assert ("there", "day.)", "Next") in got


def test_a_detached_straight_quote_after_a_final_mark_opens_the_next_sentence():
    text = 'Ông nói rừng . " Các anh muốn loại nào " . Tôi đi .'
    assert ("nói", "rừng.", '"Các') in lefts(text, "vi")
    assert sentences(text, "vi") == ["Ông nói rừng .", '" Các anh muốn loại nào " .', "Tôi đi ."]


def test_a_detached_straight_quote_that_closes_an_open_quotation_stays_with_it():
    text = 'Il dit : " Tu es une bête ! " Les serveurs rient.'
    got = [left for _p, left, _r in lefts(text, "fr")]
    assert 'bête!"' in got  # the quote is read with the words it closes, not opened before "Les"
    assert sentences(text, "fr")[0].endswith('! "')


def test_no_sentence_ends_right_after_an_opening_bracket_or_quote():
    text = "On l'appelait « The king » (« Le roi de la comédie »)."
    assert not any(left == "(«" for _p, left, _r in lefts(text, "fr"))
    assert sentences(text, "fr") == [text]


@pytest.mark.parametrize("text, lang", [
    ("Bandar udara Sultan Syarif Kasim II (SSK. II) Pekanbaru adalah bandara tua.", "id"),
    ("The bird (Lat. Pica) nests here.", "en"),
])
def test_no_sentence_ends_one_word_before_the_bracket_around_it_closes(text, lang):
    assert sentences(text, lang) == [text]


def test_closes_bracket():
    rules = lang_rules("en")
    text = "A (b. C) d"
    assert closes_bracket(text, 0, 5, "C)", rules)
    assert not closes_bracket("A b. C) d", 0, 4, "C)", rules)  # no bracket opened before
    assert not closes_bracket(text, 0, 5, "(C)", rules)  # opens one of its own
    assert not closes_bracket("A (b. Yes.) d", 0, 5, "Yes.)", rules)  # a sentence of its own in brackets
    assert not closes_bracket(text, 0, 5, ")", rules)  # a detached bracket: read with its word


def test_a_final_mark_closed_by_a_bracket_before_a_lower_case_word_goes_on():
    assert rule_vote("Weltmeisterschaft", "ect.)", "zum", "de") is Vote.QUOTE_GOES_ON
    assert rule_vote("Weltmeisterschaft", "ect.)", "Zum", "de") is Vote.FINAL
    text = "Wir sahen die Spiele (Weltmeisterschaft ect.) zum Fußball schauen."
    assert sentences(text, "de") == [text]


def test_a_number_after_a_dash_ends_a_range_not_a_list_item():
    assert rule_vote("–", "4.", "Turnamen", "id") is Vote.FINAL
    assert rule_vote("ohjeita:", "1.", "Mene", "fi") is Vote.NUMBER
    text = "Ia menang dengan skor 6 – 1, 6 – 4. Turnamen ini memasuki edisi kesembilan."
    assert sentences(text, "id") == ["Ia menang dengan skor 6 – 1, 6 – 4.", "Turnamen ini memasuki edisi kesembilan."]


def test_two_hyphens_stand_for_a_dialogue_dash():
    assert rule_vote("(n", "i)!)", "--", "ru", after="число") is Vote.QUOTE_GOES_ON
    assert rule_vote("(n", "i)!)", "--", "ru", after="Число") is not Vote.QUOTE_GOES_ON


def test_russian_abbreviations_of_languages_and_units():
    assert rule_vote("(", "(букв.", "``весенний", "ru") is Vote.ABBREVIATION
    assert rule_vote("20", "фр.", "и", "ru") is Vote.ABBREVIATION
    assert rule_vote("30", "мин.", "В", "ru") is Vote.FINAL_ABBREVIATION
    assert sentences("Стоимость во Франции 20 фр. и в Бельгии 10 фр. (bons de liquidation).", "ru") == [
        "Стоимость во Франции 20 фр. и в Бельгии 10 фр. (bons de liquidation)."]
    assert sentences("Инфузия длится 30 мин. В 1979 году он основал фирму.", "ru") == [
        "Инфузия длится 30 мин.", "В 1979 году он основал фирму."]


def test_an_ellipsis_is_read_like_a_final_mark_from_the_next_word():
    feats = gap_features("Schwierigkeiten", "weg...", "Verdiente", "de", Vote.ELLIPSIS)
    assert "es=Cap" in feats and "rw=verdiente" in feats
    assert not any(f.startswith(("lc=", "l2=", "ls=")) for f in feats)  # not the letters before it


def test_semicolon_lists_are_told_from_semicolons_between_clauses():
    rules = lang_rules("it")
    text = "Romana, azioni 1400; Terni, azioni 300; Ilva, azioni 500; Anic, azioni 10."
    found = gaps(text, 0, len(text), rules)
    near = semicolon_distances(found, rules)
    assert sorted(near.values()) == [3, 3, 3]
    lone = "Il poeta lo disse chiaramente al pubblico della sera; Le critiche arrivarono dopo."
    assert list(semicolon_distances(gaps(lone, 0, len(lone), rules), rules).values()) == [0]
    assert "sn=near" in gap_features("azioni", "300;", "Ilva,", "it", Vote.SEMICOLON, near=3)
    assert "sn=far" in gap_features("sera", "sera;", "Le", "it", Vote.SEMICOLON, near=0)
    assert sentences(text, "it") == [text]


def test_an_emoticon_typed_with_a_space_is_read_as_one():
    got = lefts("Müll und Zigarettenstummel: ( Die Gruppe war groß : ) Wir auch.", "de")
    assert ("Zigarettenstummel", ":(", "Die") in got
    assert ("", ":)", "Wir") in got
    assert not any(right == "(" for _p, _l, right in got)  # no gap between the eyes and the mouth
    assert rule_vote("Zigarettenstummel", ":(", "Die", "de") is Vote.EMOTICON
    # A lone bracket that follows no colon is no mouth; a paragraph may start with one.
    assert lefts("( Die Gruppe", "de") == [("(", "Die", "Gruppe")]
