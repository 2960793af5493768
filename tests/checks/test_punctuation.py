"""End marks, opening marks, brackets, quotes and spacing per language conventions."""

from __future__ import annotations

import pytest

from aligner.checks.conventions import conventions


@pytest.mark.parametrize(("name", "src", "tgt", "src_lang", "tgt_lang"), [
    ("endpunc", "Is it ready?", "Apakah sudah siap.", "en", "id"),
    ("endpunc", "It is ready.", "Sudah siap", "en", "id"),
    ("endpunc", "Is it ready?", "¿Está listo.", "en", "es"),
    ("endpunc", "Is it ready?", "Está listo?", "en", "es"),
    ("startpunc", "– Yes, he said.", "Ya, katanya.", "en", "id"),
    ("brackets", "It rose (by 5%) today.", "Naik (sebesar 5% hari ini.", "en", "id"),
    ("brackets", "It rose (by 5%) today.", "Naik (sebesar 5%)) hari ini.", "en", "id"),
    ("quotes", 'He said "yes" twice.', "Il a dit « oui deux fois.", "en", "fr"),
    ("quotes", 'He said "yes" twice.', "Er sagte „ja zweimal.", "en", "de"),
    ("quotestyle", 'He said "yes" twice.', "Er sagte “ja” zweimal.", "en", "de"),
    ("quotes", '"Yes," he said.', 'Ya," katanya.', "en", "id"),
    ("punctspacing", "Really?", "Vraiment?", "en", "fr"),
    ("punctspacing", "Note: this.", "Note: ceci.", "en", "fr"),
    ("punctspacing", "Really?", "Benarkah ?", "en", "id"),
    ("punctspacing", "Yes, now.", "Ya,sekarang.", "en", "id"),
])
def test_flagged(flagged, name, src, tgt, src_lang, tgt_lang):
    assert flagged(name, src, tgt, src_lang, tgt_lang)


@pytest.mark.parametrize(("name", "src", "tgt", "src_lang", "tgt_lang"), [
    ("endpunc", 'He said "no."', "Dia bilang \u201ctidak\u201d.", "en", "id"),
    ("endpunc", "Is it ready?", "準備はできましたか？", "en", "ja"),
    ("endpunc", "Is it ready?", "¿Está listo?", "en", "es"),
    ("endpunc", "Wait...", "Tunggu\u2026", "en", "id"),
    ("brackets", "It rose (by 5%) today.", "Naik (sebesar 5%) hari ini.", "en", "id"),
    ("brackets", "It rose (by 5%) today.", "Naik sebesar 5% hari ini.", "en", "id"),  # a pair dropped: a choice
    ("brackets", "Leroy Sane got it.", "르로이 사네(Leroy Sane)가 받았다.", "en", "ko"),
    ("quotes", '"Five weeks away.', "“Lima minggu lagi.", "en", "id"),  # a quotation over several sentences
    ("startpunc", '"Yes," he said.', 'Dia berkata, "Ya."', "en", "id"),
    ("endpunc", 'They must "resist."', 'Mereka harus "melawan"', "en", "id"),
    ("endpunc", "Trump rallies in Virginia", "Trump berkampanye di Virginia.", "en", "id"),
    ("brackets", "It rose (by 5%).", "上升（5%）。", "en", "zh"),
    ("quotes", 'He said "yes" twice.', "Il a dit « oui » deux fois.", "en", "fr"),
    ("quotes", 'He said "yes" twice.', "Er sagte „ja“ zweimal.", "en", "de"),
    ("quotes", "It's the students' idea.", "C'est l'idée des étudiants.", "en", "fr"),
    ("quotes", '"Yes," he said.', '"Ya,” katanya.', "en", "id"),
    ("quotestyle", 'He said "yes" twice.', "Er sagte »ja« zweimal.", "en", "de"),
    ("punctspacing", "Really?", "Vraiment\u202f?", "en", "fr"),
    ("punctspacing", "At 10:30 today.", "À 10:30 aujourd'hui.", "en", "fr"),
    ("punctspacing", "Really?", "Benarkah?", "en", "id"),
    ("punctspacing", "See https://a.org/?q=1 now.", "Voir https://a.org/?q=1 maintenant.", "en", "fr"),
])
def test_not_flagged(flagged, name, src, tgt, src_lang, tgt_lang):
    assert flagged(name, src, tgt, src_lang, tgt_lang) == []


def test_conventions_are_data_with_defaults_for_unknown_languages():
    assert conventions("fr").space_before == ":;?!\u00bb"
    assert conventions("fr-CA").quotes == conventions("fr").quotes
    assert not conventions("xx").known and conventions("xx").space_before == ""
    assert conventions("es").openers["question"] == "\u00bf"
