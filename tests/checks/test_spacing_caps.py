"""Doubled words and spaces, edge spaces, capitals, acronyms, CamelCase, currencies and units."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("name", "src", "tgt"), [
    ("doublewords", "It is ready.", "Itu sudah sudah siap."),
    ("doublespace", "It is ready.", "Itu  sudah siap."),
    ("edgespace", "Save ", "Simpan"),
    ("edgespace", "Save", " Simpan"),
    ("startcaps", "The plan works.", "rencana itu berhasil."),
    ("startcaps", "the plan works.", "Rencana itu berhasil."),
    ("acronyms", "NASA said so.", "Nasa mengatakannya."),
    ("acronyms", "NASA said so.", "NAS mengatakannya."),
    ("camelcase", "Buy an iPhone at YouTube.", "Beli Iphone di YouTube."),
    ("currency", "It costs $5 million.", "Harganya €5 juta."),
    ("units", "It is 5 km long.", "Panjangnya 5 mi."),
    ("units", "It was 30 °C.", "Suhunya 30 °F."),
])
def test_flagged(flagged, name, src, tgt):
    assert flagged(name, src, tgt)


@pytest.mark.parametrize(("name", "src", "tgt"), [
    ("doublewords", "He had had enough.", "Dia had had cukup."),
    ("doublewords", "Orang-orang datang.", "The people came."),
    ("doublespace", "It  is ready.", "Itu  sudah siap."),
    ("edgespace", "Save ", "Simpan "),
    ("startcaps", "5 people came.", "Lima orang datang."),
    ("startcaps", "The plan works.", "计划奏效了。"),
    ("acronyms", "NASA said so.", "NASA mengatakannya."),
    ("acronyms", "BREAKING NEWS FROM THE CITY", "Berita terkini dari kota"),
    ("acronyms", "The UK and the EU met.", "Inggris dan Uni Eropa bertemu."),
    ("acronyms", "The US and the UN met.", "AS dan PBB bertemu."),
    ("camelcase", "Buy an iPhone.", "Beli sebuah iPhone."),
    ("currency", "It costs $5 million.", "Harganya US$5 juta."),
    ("currency", "It costs $5 million.", "Harganya 5 juta dolar."),
    ("units", "It is 5 km long.", "Panjangnya 5 km."),
    ("units", "It is 5 km long.", "Panjangnya lima kilometer."),
])
def test_not_flagged(flagged, name, src, tgt):
    assert flagged(name, src, tgt) == []


@pytest.mark.parametrize(("src", "tgt", "tgt_lang"), [
    ("China's HIV cases rose.", "中国のHiv感染が増えた。", "ja"),  # glued to letters of another script
    ("The LGBT community.", "LGBコミュニティ。", "ja"),  # one letter cut
    ("CNN ratings doubled.", "CN的收视率翻了一番。", "zh"),
])
def test_acronym_glued_to_uncased_letters_is_read(flagged, src, tgt, tgt_lang):
    assert flagged("acronyms", src, tgt, "en", tgt_lang)


@pytest.mark.parametrize(("name", "src", "tgt", "tgt_lang"), [
    ("acronyms", "NATO met.", "ＮＡＴＯが会合した。", "ja"),  # full-width Latin is the same acronym
    ("camelcase", "Buy an iPhone.", "ｉＰｈｏｎｅを買う。", "ja"),
    ("acronyms", "HIV cases rose.", "HIV感染が増えた。", "ja"),
])
def test_full_width_and_glued_tokens_kept(flagged, name, src, tgt, tgt_lang):
    assert flagged(name, src, tgt, "en", tgt_lang) == []


@pytest.mark.parametrize(("src", "tgt", "tgt_lang", "expected"), [
    ("Conor McGregor won.", "Конор Макгрегор победил.", "ru", False),  # transliterated
    ("Conor McGregor won.", "コナー・マクレガーが勝った。", "ja", False),
    ("Conor McGregor won.", "Конор Mcgregor победил.", "ru", True),  # its case changed
    ("Conor McGregor won.", "Conor gewann.", "de", True),  # a Latin-script target drops it
])
def test_a_camelcase_name_may_be_transliterated_into_another_script(flagged, src, tgt, tgt_lang, expected):
    assert bool(flagged("camelcase", src, tgt, "en", tgt_lang)) is expected


def test_a_camelcase_name_the_target_document_writes_in_latin_letters_is_missed():
    from aligner.align.model import Bead
    from aligner.checks import run_checks
    from aligner.document import Document, Span

    src = "He sent WhatsApp messages. Others used WhatsApp too."
    tgt = "彼はメッセージを送った。他の人もWhatsAppを使った。"
    s = Document(src, "en", (Span(0, 26), Span(27, len(src))))
    t = Document(tgt, "ja", (Span(0, 12), Span(12, len(tgt))))
    found = run_checks(s, t, [Bead((0,), (0,)), Bead((1,), (1,))], "camelcase")
    assert [f.message for f in found.get(0, ())] == ["[camelcase] CamelCase name 'WhatsApp' is not in the target"]
    assert not found.get(1)


def test_fold_width_keeps_offsets():
    from aligner.checks.caps import fold_width

    assert fold_width("ＮＡＴＯの（ｉＰｈｏｎｅ）") == "NATOの(iPhone)"
    assert len(fold_width("ＡＢＣ")) == 3


def test_doubled_syllables_are_notes_where_spaces_separate_syllables():
    # Vietnamese writes a space between syllables: mãi mãi "forever", năm năm "five years"
    from aligner.checks import run_checks

    from .conftest import one_bead

    def severities(src, tgt, tgt_lang):
        return [f.severity for f in run_checks(*one_bead(src, tgt, "en", tgt_lang), "doublewords").get(0, ())]

    assert severities("It will regret it forever.", "Nó sẽ mãi mãi hối tiếc.", "vi") == ["info"]
    assert severities("It is ready.", "Itu sudah sudah siap.", "id") == ["minor"]  # a slip elsewhere


def test_a_script_without_capitals_in_running_text_is_not_read_for_them(flagged):
    # Georgian Mkhedruli letters are lower case in Unicode; the script writes no capitals
    assert flagged("startcaps", "Where are you going?", "სად მიდიხარ?", "en", "ka") == []
    assert flagged("startcaps", "სად მიდიხარ?", "Where are you going?", "ka", "en") == []
    assert flagged("startcaps", "Where are you going?", "wohin gehst du?", "en", "de")
