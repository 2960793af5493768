"""Word forms from each language's stemming rules (data/language/morphology.json)."""

from __future__ import annotations

from aligner.lexicon.morph import morphology, word_forms


def test_indonesian_affixes_and_reduplication():
    assert word_forms("Pemerintahnya", "id")[:2] == ("pemerintahnya", "pemerintah")
    assert "sapu" in word_forms("menyapu", "id")  # nasal assimilation: meny + apu
    assert "orang" in word_forms("orang-orang", "id")
    assert "51" in word_forms("ke-51", "id")


def test_english_inflections():
    assert word_forms("studies", "en") == ("studies", "study", "studi", "studie")
    assert "stop" in word_forms("stopped", "en")
    assert "tell" in word_forms("told", "en")
    assert "boss" in word_forms("boss's", "en")
    assert word_forms("kiss", "en") == ("kiss",)  # no -s stripped after s


def test_rules_come_from_the_data_by_base_code():
    assert morphology("ms") == morphology("id") is not None  # Malay borrows Indonesian's rules
    assert word_forms("Studies", "en-GB") == word_forms("studies", "en")
    assert morphology("ko") is None and word_forms("Seoul", "ko") == ("seoul",)


def test_no_empty_form():
    assert "" not in word_forms("-abc", "id")
