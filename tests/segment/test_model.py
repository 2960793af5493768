"""The shipped boundary weights and their file format."""

from __future__ import annotations

import pytest

from aligner.segment.model import BoundaryModel, boundary_model, format_weights, parse_weights


def test_weight_file_round_trip():
    model = BoundaryModel({"v=B": 1.5, "k1=요": 0.25}, -0.5, frozenset("다요"))
    assert parse_weights(format_weights(model, "a comment\nover two lines")) == model
    with_words = BoundaryModel({"v=B": 1.0}, 0.0, frozenset(), "generic", frozenset({"leider", "manchmal"}))
    assert parse_weights(format_weights(with_words)) == with_words


def test_a_languages_lower_case_words_tell_a_sentence_start_from_a_name():
    from aligner.segment.rules import Vote, gap_features

    lower = frozenset({"leider"})
    assert "lx=N|in" in gap_features("aus", "Falkensee", "Leider", "de", Vote.PLAIN, "kein", 2, lower)
    assert "lx=N|out" in gap_features("aus", "Falkensee", "Kathleen", "de", Vote.PLAIN, "kein", 2, lower)
    # Without the language's words (the generic model) the feature is not there.
    assert not any(f.startswith("lx=") for f in gap_features("aus", "Falkensee", "Leider", "de", Vote.PLAIN))
    # Every model trained for one language carries its words.
    assert "leider" in boundary_model("de").lower and "these" in boundary_model("en").lower
    assert not boundary_model("generic").lower


@pytest.mark.parametrize("lang", ["id", "en", "de", "ko", "fr", "es", "ru", "vi", "fi", "pt", "fa", "generic"])
def test_shipped_models_load(lang):
    model = boundary_model(lang)
    assert model is not None and len(model.weights) > 100
    assert model.weights["v=B"] > 0 > model.weights["v=N"]


@pytest.mark.parametrize("lang", ["it", "pl", "he", "tr"])
def test_no_weights_derived_from_non_commercial_treebanks(lang):
    # Italian-ISDT, Polish-PDB, Hebrew-HTB and Turkish-IMST are CC BY-NC-SA: these languages
    # get the generic model, trained on the permissive treebanks only.
    assert boundary_model(lang) is None
    from aligner.segment.model import model_for

    assert model_for(lang) is boundary_model("generic")


def test_weights_by_base_language():
    assert boundary_model("pt-BR") is boundary_model("pt")


def test_korean_model_scores_endings_only():
    model = boundary_model("ko")
    assert not model.skip_plain("맛있어요", "다음에")
    assert model.skip_plain("학교에", "갔다")


def test_a_number_after_a_plain_word_does_not_start_a_sentence():
    # Regression: the learned English model split "Line 1 is here." before "1".
    from aligner.segment import segment

    for text in ("Line 1 is here.", "Page 1 of the report.", "Chapter 1 begins now."):
        assert len(segment(text, "en")) == 1, text


def test_a_lower_case_word_after_a_mark_is_read_against_the_rest_of_the_paragraph():
    from aligner.segment.rules import Vote, gap_features, gaps, lang_rules, lower_starts

    rules = lang_rules("en")
    sloppy = "great place. i loved it. we will come back."
    tidy = "He paid 20 fr. and left. Then he came back."
    assert lower_starts(gaps(sloppy, 0, len(sloppy), rules), rules) == 2
    assert lower_starts(gaps(tidy, 0, len(tidy), rules), rules) == 1
    assert "v=B|low|loose" in gap_features("great", "place.", "i", "en", Vote.FINAL, loose=2)
    assert "v=B|low|tidy" in gap_features("20", "fr.", "and", "en", Vote.FINAL, loose=1)


def test_three_letter_and_regional_codes_get_the_language_s_rules():
    import aligner

    text = "Usw. z. B. kam er. Er ging."
    assert aligner.segment(text, lang="ger") == aligner.segment(text, lang="deu") == aligner.segment(text, lang="de")
    assert aligner.segment(text, lang="de-AT") == aligner.segment(text, lang="de")
