"""Word lists: is a word a word of its language, rather than a name?"""

from __future__ import annotations

from aligner.lexicon.words import has_word_list, in_word_list
from aligner.locale_data import compound_links


def test_inflected_forms_are_words_and_names_are_not():
    assert in_word_list("Häuser", "de") and in_word_list("Bewegungen", "de")
    assert not in_word_list("Raikkonen", "de") and not in_word_list("Ballyhackamore", "de")


def test_closed_compounds_of_listed_words_with_a_linking_element_are_words():
    assert in_word_list("Atemwegsbeschwerden", "de")  # Atemweg + s + Beschwerden
    assert in_word_list("Sportrat", "de")  # a head of three letters
    assert compound_links("de")[0] == "" and "s" in compound_links("de") and compound_links("en") == ()


def test_a_hyphenated_word_is_a_word_when_its_last_part_is_one():
    assert in_word_list("LSU-Sportdirektor", "de") and in_word_list("Pick-up", "de")
    assert not in_word_list("Mat-Su", "de")


def test_languages_without_a_list_know_no_word():
    assert has_word_list("de-AT") and not has_word_list("ja")
    assert not in_word_list("東京", "ja") and not in_word_list("", "de")
