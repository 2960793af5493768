"""Language facts from CLDR (Babel) and the shipped language data."""

from __future__ import annotations

import pytest

from aligner.locale_data import (calendar_words, capitalises_nouns, conjunctions, day_names, decimal_symbol,
                                 group_symbol, month_names, place_names, usual_script)


@pytest.mark.parametrize("lang,name,month", [("fr", "novembre", 11), ("es", "diciembre", 12), ("de", "märz", 3),
                                             ("fi", "marraskuuta", 11), ("ru", "ноября", 11), ("id", "nopember", 11),
                                             ("sw", "novemba", 11), ("en", "sept", 9)])
def test_month_names_come_from_cldr_in_every_language(lang, name, month):
    assert month_names(lang)[name] == month


def test_day_and_calendar_words():
    assert "dienstag" in day_names("de") and "mardi" in day_names("fr")
    assert {"tuesday", "dienstag", "november"} <= calendar_words("de")
    assert day_names("xx") == frozenset() and dict(month_names("xx")) == {}


def test_number_symbols_by_language():
    assert (decimal_symbol("de"), group_symbol("de")) == (",", ".")
    assert (decimal_symbol("en"), group_symbol("en")) == (".", ",")
    assert decimal_symbol("xx") == "."


def test_place_names_share_a_code_across_languages():
    assert place_names("fr")["allemagne"] == place_names("en")["germany"] == place_names("de")["deutschland"]
    assert place_names("fr")["allemand"] == place_names("en")["german"] == "de"


def test_language_facts():
    assert capitalises_nouns("de") and capitalises_nouns("lb") and not capitalises_nouns("en")
    assert not capitalises_nouns("fr") and not capitalises_nouns("xx")
    assert (usual_script("ko"), usual_script("ru"), usual_script("de")) == ("Kore", "Cyrl", "Latn")
    assert {"und", "oder"} <= conjunctions("de") and {"and", "or"} <= conjunctions("en")


def test_magnitude_and_day_period_words_and_ordinal_dots_are_data():
    from aligner.locale_data import day_period_words, magnitude_words, ordinal_dot

    assert magnitude_words("es")["millones"] == 1e6 and magnitude_words("ru")["млрд"] == 1e9
    assert magnitude_words("de")["billionen"] == 1e12 and magnitude_words("ko")["억"] == 1e8
    assert magnitude_words("xx") == {}
    assert "下午" in day_period_words("zh")[1] and "오전" in day_period_words("ko")[0]
    assert ordinal_dot("de") and ordinal_dot("fi") and not ordinal_dot("en")


def test_time_separator_comes_from_the_cldr_short_time_format():
    from aligner.locale_data import time_separator

    assert (time_separator("fi"), time_separator("en"), time_separator("xx")) == (".", ":", ":")


def test_clock_offset_is_data():
    from aligner.locale_data import clock_offset

    assert clock_offset("sw") == 6 and clock_offset("sw-KE") == 6 and clock_offset("fi") == 0


def test_text_length_is_measured_data():
    import subprocess
    import sys
    from pathlib import Path

    from aligner.locale_data import text_length

    # Han text is shorter than English, Hangul and German longer; regional tags read the language
    assert text_length("zh") < 1.0 < text_length("de") and text_length("ko") > 1.1
    assert text_length("en") == 1.0 and text_length("de-AT") == text_length("de") and text_length("xx") == 1.0
    root = Path(__file__).resolve().parents[1]
    if not (root.parent / "shared" / "data" / "alignment").is_dir():
        pytest.skip("the shared dev data is not beside the checkout")
    done = subprocess.run([sys.executable, str(root / "bench" / "build_text_length.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_magnitude_words_hold_in_languages_of_every_kind():
    from aligner.locale_data import magnitude_words
    from aligner.score.numbers import extract_numbers

    # Hebrew's CLDR patterns start with a right-to-left mark before the digits
    assert magnitude_words("he")["מיליארד"] == 1e9
    assert extract_numbers("הבנייה עלתה 12 מיליארד קרונות.", "he") == frozenset({"12000000000"})
    # a case form CLDR does not list is read through the stem its plural forms share
    assert extract_numbers("Framkvæmdir kostuðu 12 milljarða króna.", "is") == frozenset({"12000000000"})
    # a form told from a unit symbol only by its case is dropped (Catalan kM = 10^9, km)
    assert "km" not in magnitude_words("ca")
    assert "12" in extract_numbers("La carretera fa 12 km.", "ca")


def test_country_names_cldr_lacks_come_from_iso_codes():
    # CLDR writes Hoa Kỳ for the United States; iso-codes' Vietnamese translation has Mỹ
    assert place_names("vi")["hoa kỳ"] == place_names("vi")["mỹ"] == "US"
    assert "mỹ" not in place_names("xx")


def test_acronyms_of_country_names_of_several_words():
    from aligner.locale_data import place_acronyms

    assert place_acronyms("id")["PBB"] == "UN"
    assert "AS" not in place_acronyms("id")  # Amerika Serikat, Arab Saudi, Afrika Selatan


def test_demonyms_come_from_the_names_of_regional_variants():
    from aligner.locale_data import demonyms

    assert demonyms("en")["austrian"] == demonyms("hu")["osztrák"] == "AT"
    assert "european" not in demonyms("en") and "européen" not in demonyms("fr")  # Europe, not Spain or Portugal
    assert place_names("en")["british"] == "GB"
