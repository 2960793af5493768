"""Language codes: ISO 639-1, 639-3 and BCP-47 tags normalised to one form; unknown codes refused."""

from __future__ import annotations

import pytest

from aligner.errors import ConfigError
from aligner.language import base_language, check_language_code, normalize_language


@pytest.mark.parametrize(("code", "want"), [
    ("en", "en"), ("EN", "en"), ("eng", "en"), ("ind", "id"), ("deu", "de"), ("ger", "de"),
    ("pt-BR", "pt-BR"), ("pt_br", "pt-BR"), ("zh-Hant", "zh-Hant"), ("zho-hant", "zh-Hant"),
    ("cmn", "zh"), ("arb", "ar"), ("iw", "he"), ("quz", "qu"), ("chr", "chr"), ("yue", "yue"), ("und", "und"),
])
def test_codes_are_normalised(code, want):
    assert normalize_language(code) == want
    assert check_language_code(code) == want


@pytest.mark.parametrize("code", ["xx", "qzz-", "english", "", "e\x00n", "../en", "zz-ZZ-x"])
def test_unknown_codes_are_errors(code):
    with pytest.raises(ConfigError, match="not a known language code"):
        normalize_language(code)


def test_base_language_drops_script_and_region():
    assert base_language("pt-BR") == "pt" and base_language("zho-Hant") == "zh" and base_language("fin") == "fi"


def test_cli_refuses_an_unknown_code_and_accepts_a_three_letter_one(tmp_path, capsys):
    from aligner.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Hello there.\n", encoding="utf-8")
    b.write_text("Halo.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:  # argparse refuses it
        main(["align", str(a), str(b), "--src-lang", "xx", "--tgt-lang", "id", "--encoder", "none"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "not a known language code" in err and len(err.splitlines()) == 1
    assert main(["align", str(a), str(b), "--src-lang", "eng", "--tgt-lang", "ind", "--encoder", "none",
                 "--format", "beads"]) == 0
    assert capsys.readouterr().out.startswith("[0]:[0]")


def test_language_key_never_raises_and_maps_registered_codes():
    from aligner.language import language_key

    assert [language_key(c) for c in ("eng", "pt_BR", "zh-Hant", "und", "xx-Latn")] == ["en", "pt", "zh", "und", "xx"]


def test_script_counts_reads_han_as_kana_in_japanese_only():
    from aligner.language import script_counts, script_of

    ja = script_counts("東京都は今日、新しい計画を発表した。", ("Kana", "Han"))
    zh = script_counts("东京今天宣布了新计划。", ("Kana", "Han"))
    assert ja["Han"] == 0 and ja["Kana"] > 10
    assert zh["Kana"] == 0 and zh["Han"] > 5
    assert (script_of("東京都は今日、新しい計画を発表した。"), script_of("东京今天宣布了新计划。")) == ("kana", "han")
    assert script_of("שלום עולם") == "other" and script_of("12 34") == "none"


@pytest.mark.parametrize(("text", "lang"), [
    ("ראש הממשלה אמר אתמול כי הממשלה תגיש בשבועות הקרובים הצעת חוק חדשה בנושא הדיור.", "he"),
    ("Waziri mkuu alisema jana kwamba serikali itawasilisha mswada mpya wa makazi katika wiki zijazo.", "sw"),
    ("A miniszterelnök tegnap azt mondta, hogy a kormány a következő hetekben új lakhatási törvényt nyújt be.", "hu"),
    ("Forsætisráðherra sagði í gær að ríkisstjórnin myndi leggja fram nýtt frumvarp um húsnæðismál.", "is"),
    ("Pekan lalu, perubahan kepemimpinan di startup AI menarik perhatian luas.", "id"),  # not Malay
    ("Perdana Menteri berkata semalam bahawa kerajaan akan membentangkan rang undang-undang perumahan baharu.", "ms"),
])
def test_detection_reaches_languages_outside_the_preferred_list(text, lang):
    from aligner.language import detect_language

    assert detect_language(text) == lang


def test_pair_language_reads_varieties_and_unsure_neighbours_as_the_pair_s_own():
    from aligner.language import pair_language

    bokmal = "Presidenten besøkte byen i går og møtte studentene der."
    tagalog = "Bumisita ang pangulo sa lungsod kahapon at nakipagkita sa mga mag-aaral doon."
    assert pair_language(bokmal, "en", "nb") == "nb"  # py3langid says 'no'
    assert pair_language(tagalog, "en", "fil") == "fil"  # py3langid says 'tl'
    assert pair_language("Pekan lalu, perubahan kepemimpinan di startup AI menarik perhatian luas.", "en", "ms") == "ms"
    # what is really another language still is
    assert pair_language("Le président a visité la ville hier et a rencontré les étudiants.", "en", "de") == "fr"
    assert pair_language("The president visited the city yesterday and met the students.", "en", "de") == "en"
