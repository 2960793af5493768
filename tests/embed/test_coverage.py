"""Encoder language coverage: which encoder ``auto`` picks for a pair, and what it says."""

from __future__ import annotations

import logging

from aligner.embed import coverage
from aligner.embed.coverage import covers, encoder_languages, pick_encoder, resolve_encoder


def test_recorded_languages():
    use, e5 = encoder_languages("use"), encoder_languages("e5")
    assert use is not None and e5 is not None
    assert {"en", "de", "ja", "ko", "zh", "ar", "ru"} <= use and "fi" not in use and "hi" not in use
    assert {"fi", "hi", "hu", "sw", "vi", "id"} <= e5 and len(e5) > 90
    assert encoder_languages("st:/some/model") is None and covers("st:/some/model", "en") is None


def test_codes_in_any_form_are_covered():
    assert covers("use", "eng", "zh-Hant") and covers("e5", "fin", "pt-BR") and not covers("use", "en", "fi")


def test_auto_picks_the_first_encoder_that_covers_both():
    assert pick_encoder("en", "de") == "use"
    assert pick_encoder("en", "fi") == "e5"
    assert pick_encoder("en", "chr") == "none"  # Cherokee: no bundled encoder
    assert resolve_encoder("auto", None, None) == "use"
    assert resolve_encoder("none", "en", "fi") == "none" and resolve_encoder("e5", "en", "de") == "e5"


def test_a_pair_no_encoder_covers_is_said_once(caplog):
    coverage._warn_once.cache_clear()
    with caplog.at_level(logging.WARNING, logger="aligner"):
        assert resolve_encoder("auto", "en", "nv") == "none"
        assert resolve_encoder("auto", "en", "nv") == "none"
    said = [r.getMessage() for r in caplog.records if "covers en-nv" in r.getMessage()]
    assert len(said) == 1


def test_an_explicit_encoder_that_misses_a_language_is_kept_with_a_warning(caplog):
    coverage._warn_once.cache_clear()
    with caplog.at_level(logging.WARNING, logger="aligner"):
        assert resolve_encoder("use", "en", "sw") == "use"
    assert any("not trained on sw" in r.getMessage() for r in caplog.records)


def test_a_member_of_a_macrolanguage_is_covered_by_it():
    # e5 records Norwegian as "no"; Bokmål (nb, nob) and Nynorsk (nn) are its members
    assert covers("e5", "en", "nb") and covers("e5", "nob") and covers("e5", "nn")
    assert pick_encoder("en", "nb") == "e5"
    assert covers("use", "nb") is False


def test_a_set_is_fingerprinted_by_the_first_encoder_that_knows_every_language():
    from aligner.embed.coverage import pick_set_encoder

    assert pick_set_encoder(["en", "de", "ko"]) == "use"
    assert pick_set_encoder(["en", "de", "fi", "hi"]) == "e5"  # USE was not trained on fi, hi
    assert pick_set_encoder([]) == "use"
    assert pick_set_encoder(["und", "en"]) == "use"


def test_a_set_no_encoder_fully_covers_gets_the_one_that_covers_most(caplog):
    from aligner.embed.coverage import covers, pick_set_encoder

    langs = ["en", "fi", "hi", "chr"]  # Cherokee: in neither encoder's list
    assert not covers("e5", *langs)
    assert pick_set_encoder(langs) == "e5"
