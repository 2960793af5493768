"""Word lists: is a word a word of its language, rather than a name?"""

from __future__ import annotations

import pytest

from aligner.lexicon.words import has_word_list, in_word_list, is_word_form, tells_words_from_names
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


def test_a_list_that_knows_its_languages_month_and_day_names_tells_words_from_names(monkeypatch):
    import importlib

    assert tells_words_from_names("hu") and not tells_words_from_names("ja")  # Japanese has no list
    words = importlib.import_module("aligner.lexicon.words")
    words.tells_words_from_names.cache_clear()
    # a list that knows none of the calendar names (as simplemma's Swahili verb paradigms): no
    monkeypatch.setattr(words, "in_word_list", lambda word, lang: False)
    assert not words.tells_words_from_names("hu")
    words.tells_words_from_names.cache_clear()


@pytest.mark.slow
def test_the_shipped_lists_that_tell_words_from_names():
    """Loads four more lists (about 5 s): Finnish and Icelandic know their calendar names;
    simplemma's Swahili list is verb paradigms (no "jumamosi")."""
    assert tells_words_from_names("fi") and tells_words_from_names("is")
    assert not tells_words_from_names("sw")


def test_an_inflected_form_of_a_listed_word_is_a_word_form():
    assert is_word_form("Közgyűlésével", "hu") and is_word_form("Nemzetgyűlési", "hu")
    assert not in_word_list("Közgyűlésével", "hu")
    assert not is_word_form("Hoffenheim", "hu") and not is_word_form("Lidl", "hu") and not is_word_form("東京", "ja")
