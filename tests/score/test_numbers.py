"""Numbers and dates compared by value across languages."""

from __future__ import annotations

import pytest

from aligner.score.numbers import extract_numbers, extract_quantities, match_quantities


def _diff(a: str, la: str, b: str, lb: str) -> tuple[list[str], list[str]]:
    x, y = match_quantities(extract_quantities(a, la), extract_quantities(b, lb))
    return [q.show() for q in x], [q.show() for q in y]


@pytest.mark.parametrize("a, la, b, lb", [
    ("2 Oktober 1968", "id", "Oct. 2, 1968", "en"),
    ("Rp 1.500 per orang", "id", "1,500 rupiah a person", "en"),
    ("naik 2,5 juta", "id", "rose 2.5 million", "en"),
    ("40 ribu orang", "id", "40,000 people", "en"),
    ("Rp 3 triliun", "id", "3 trillion rupiah", "en"),
    ("ulang tahun ke-51", "id", "51st birthday", "en"),
    ("naik 5 persen", "id", "up 5 percent", "en"),
    ("naik 5 persen", "id", "up 5 pct", "en"),
    ("5 Prozent mehr", "de", "5% more", "en"),
    ("2,5 Milliarden Euro", "de", "2.5 billion euros", "en"),
    ("3만 명", "ko", "30,000 people", "en"),
    ("2억 원", "ko", "200 million won", "en"),
    ("pukul 17.30", "id", "at 5.30pm", "en"),
    ("pukul 10.30", "id", "at 10:30 am", "en"),
    ("dua puluh lima orang", "id", "25 people", "en"),
    ("delapan dakwaan", "id", "8 charges", "en"),
    ("albumnya yang kedelapan", "id", "his 8th album", "en"),
    ("Der 51. Parteitag", "de", "the 51st congress", "en"),
    ("ارتفع إلى ١٥٠٫٥ دولار", "ar", "rose to 150.5 dollars", "en"),
    ("١٬٥٠٠ شخص", "ar", "1,500 people", "en"),
    ("۱۲٫۵ درصد", "fa", "12.5 percent", "en"),
    ("₹1,50,000 का जुर्माना", "hi", "a fine of Rs 150,000", "en"),
    ("Rs 12,34,56,789 in all", "en", "123,456,789 रुपये", "hi"),
    ("15 लाख मानिस र 2 करोड रुपैयाँ", "ne", "1.5 million people and 20 million rupees", "en"),
    ("15 லட்சம் மக்கள், 2 கோடி ரூபாய்", "ta", "1.5 million people, 20 million rupees", "en"),
    ("15 లక్షల మంది, 2 కోట్ల రూపాయలు", "te", "1.5 million people, 20 million rupees", "en"),
    ("15 লক্ষ মানুষ", "bn", "1.5 million people", "en"),
    ("3,2 milj. eurot", "et", "3.2 million euros", "en"),
    ("3.2 मिलियन लोग", "mr", "3.2 million people", "en"),
    ("1万5000人", "ja", "15,000 people", "en"),
    ("3만 2500명", "ko", "32,500 people", "en"),
    ("à 15h30", "fr", "at 3.30pm", "en"),
    ("lúc 15h30", "vi", "at 3:30 pm", "en"),
])
def test_same_values_agree(a, la, b, lb):
    assert _diff(a, la, b, lb) == ([], [])


@pytest.mark.parametrize("a, la, b, lb, only_a, only_b", [
    ("About 40,000 new cases", "en", "Sekitar 40001 kasus baru", "id", ["40|40000"], ["40001"]),
    ("70-90% of men", "en", "83-90% pria", "id", ["70"], ["83"]),
    ("in September 2009", "en", "pada September 2008", "id", ["2009"], ["2008"]),
    ("2 Oktober 1968", "id", "Nov. 2, 1968", "en", ["10"], ["11"]),
    ("ارتفع إلى ١٥٠٫٥ دولار", "ar", "rose to 150 dollars", "en", ["150.5"], ["150"]),
])
def test_changed_values_are_reported(a, la, b, lb, only_a, only_b):
    assert _diff(a, la, b, lb) == (only_a, only_b)


def test_numbers_in_words_only_excuse_digits():
    # "one" in English is rarely a number; a word number is never reported missing itself
    assert _diff("one of them said", "en", "salah satu dari mereka berkata", "id") == ([], [])
    assert _diff("two people", "en", "3 orang", "id") == ([], ["3"])


def test_month_names_are_months_next_to_numbers_and_month_words_elsewhere():
    # a month word only ever meets a month of the other side; "may" in lower case is no month
    assert [q.kind for q in extract_quantities("They may come in May.", "en")] == ["month_word"]
    assert [q.kind for q in extract_quantities("On 3 May 2020", "en")] == ["number", "month", "number"]


def test_extract_numbers_keeps_its_old_contract():
    assert sorted(extract_numbers("Rp 1.500 dan 2,5 persen", "id")) == ["1500", "2.5"]


def test_month_names_of_any_cldr_language_and_roman_numerals():
    from aligner.score.numbers import roman_value

    src, tgt = extract_quantities("On 13 November, in the 19th century", "en"), extract_quantities(
        "Le 13 novembre, au XIXe siècle", "fr")
    assert match_quantities(src, tgt) == ([], [])
    assert (roman_value("XIX"), roman_value("VIII"), roman_value("MCMXC")) == (19, 8, 1990)
    # a Roman numeral only ever excuses a digit number; it is never reported missing itself
    assert match_quantities(extract_quantities("Henry VIII", "en"), extract_quantities("Heinrich", "de")) == ([], [])
    changed = match_quantities(extract_quantities("13 November", "en"), extract_quantities("14 novembre", "fr"))
    assert [q.show() for q in changed[0]] == ["13"] and [q.show() for q in changed[1]] == ["14"]


def test_scores_and_space_grouped_thousands():
    assert match_quantities(extract_quantities("won the match 5-3 at 10:30", "en"),
                            extract_quantities("ein 5:3-Sieg um 10:30 Uhr", "de")) == ([], [])
    assert match_quantities(extract_quantities("nearly 150,000 cars in 2018", "en"),
                            extract_quantities("unos 150 000 coches en 2018", "es")) == ([], [])
    assert [q.show() for q in extract_quantities("In 2018 200 people", "en")] == ["2018", "200"]


def test_magnitude_words_come_from_cldr_in_every_language():
    cases = [("20.4 million people", "en", "20,4 millones de personas", "es"),
             ("5.5 million Syrians", "en", "5,5 млн сирийцев", "ru"),
             ("$9 billion", "en", "9 млрд долларов", "ru"),
             ("2 billion", "en", "2 Milliarden", "de"),
             ("$2.8bn", "en", "2.800 millones de libras", "es"),
             ("$140 million", "en", "1 億 4 千万ドル", "ja"),
             ("$140 million", "en", "1억 4000만 달러", "ko"),
             ("76,000 hectares", "en", "7만 6천 헥타르", "ko"),
             ("$2 million", "en", "2百万ドル", "ja")]
    for src, sl, tgt, tl in cases:
        assert match_quantities(extract_quantities(src, sl), extract_quantities(tgt, tl)) == ([], []), (src, tgt)
    # a changed value is still a mismatch
    src_only, tgt_only = match_quantities(extract_quantities("20.4 million", "en"),
                                          extract_quantities("30,4 millones", "es"))
    assert [q.show() for q in src_only] == ["20400000"] and [q.show() for q in tgt_only] == ["30400000"]


def test_letter_magnitudes_keep_the_plain_reading_and_german_billion_is_1e12():
    assert [q.show() for q in extract_quantities("the 200m final", "en")] == ["200|200000000"]
    assert [q.show() for q in extract_quantities("2 Billionen", "de")] == ["2000000000000"]


def test_decades_han_numerals_day_periods_and_split_numbers():
    assert match_quantities(extract_quantities("in the 1980s", "en"), extract_quantities("20世纪80年代", "zh")) == ([], [])
    assert match_quantities(extract_quantities("in the 1980s", "en"), extract_quantities("en los años 80", "es")) == ([], [])
    assert match_quantities(extract_quantities("at 3 p.m. in the 19th century", "en"),
                            extract_quantities("下午三点，十九世纪", "zh")) == ([], [])
    assert [q.show() for q in extract_quantities("오후 5.30이", "ko")] == ["5|17", "30"]
    assert match_quantities(extract_quantities("call 116 123", "en"), extract_quantities("llame al 116 123", "es")) == ([], [])
    # "am" before a number is German "on the", not a.m.
    assert [q.show() for q in extract_quantities("am 29. September", "de")][0] == "29"


def test_converted_measurements_are_one_value_but_other_changes_are_not():
    from aligner.score.numbers import excuse_conversions

    def left(s, sl, t, tl):
        a, b = match_quantities(extract_quantities(s, sl), extract_quantities(t, tl))
        return [[q.show() for q in side] for side in excuse_conversions(a, b, s, sl, t, tl)]

    assert left("2 to 4 inches of rain", "en", "5 bis 10 Zentimeter Regen", "de") == [[], []]
    assert left("a 650 pound pig", "en", "un cerdo de casi 295 kilos", "es") == [[], []]
    assert left("a sunny 80 degrees", "en", "sonnige 27 Grad", "de") == [[], []]
    # only by the factor of the unit named, within 2%; no unit named: no excuse
    assert left("within 200 miles", "en", "313 Kilometer", "de") == [["200"], ["313"]]
    assert left("2 to 4 inches", "en", "от 5 до 20 см", "ru") == [["4"], ["20"]]
    assert left("5 apples", "en", "2 Äpfel", "de") == [["5"], ["2"]]


def test_spelled_numbers_with_magnitudes_endings_and_day_period_phrases():
    assert match_quantities(extract_quantities("raised $2 million", "en"),
                            extract_quantities("recaudara dos millones de dólares", "es")) == ([], [])
    assert match_quantities(extract_quantities("in his 40s", "en"), extract_quantities("in den Vierzigern", "de")) == ([], [])
    assert match_quantities(extract_quantities("is 5.30pm", "en"),
                            extract_quantities("son las 5.30 de la tarde", "es")) == ([], [])


def test_a_dotted_clock_time_of_a_language_that_writes_times_so_matches_a_time():
    from aligner.score.numbers import extract_quantities, match_quantities

    src = extract_quantities("The best time for a pint is 5.30pm or 4.40 am.", "en")
    assert match_quantities(src, extract_quantities("paras aika on kello 17.30 tai klo 4.40.", "fi")) == ([], [])
    # where the decimal mark is a dot, 17.30 stays a decimal number
    assert [q.show() for q in extract_quantities("it rose 17.30 points", "en")] == ["17.3"]


def test_a_number_word_that_starts_a_compound_excuses_the_digits():
    from aligner.score.numbers import extract_quantities, match_quantities

    for src, tgt, lang in (("She was 100 percent sure.", "Hän oli sataprosenttisen varma.", "fi"),
                           ("a 3-year-old child", "ein dreijähriges Kind", "de")):
        assert match_quantities(extract_quantities(src, "en"), extract_quantities(tgt, lang)) == ([], [])
    # a word that only starts with a short number word is no number (``tender``: ``ten``)
    src_only, _ = match_quantities(extract_quantities("He paid 10 dollars.", "en"),
                                   extract_quantities("He was tender.", "en"))
    assert [q.values for q in src_only] == [frozenset({10.0})]


def test_swahili_time_counts_from_dawn():
    from aligner.score.numbers import extract_quantities, match_quantities

    def unmatched(src: str, tgt: str) -> tuple[list, list]:
        return match_quantities(extract_quantities(src, "en"), extract_quantities(tgt, "sw"))

    assert unmatched("She was found at 7.55am.", "Alipatikana saa 1.55 asubuhi.") == ([], [])
    assert unmatched("The kick-off is at 3 p.m.", "Mechi itaanza saa 9 mchana.") == ([], [])
    src_only, tgt_only = unmatched("She was found at 5.55am.", "Alipatikana saa 1.55 asubuhi.")
    assert src_only and tgt_only  # one hour off on either clock


def test_a_lone_first_or_counted_one_is_no_changed_number():
    from aligner.score.numbers import excuse_lone_ones, extract_quantities, match_quantities

    def unmatched(src: str, sl: str, tgt: str, tl: str) -> tuple[list, list]:
        return excuse_lone_ones(*match_quantities(extract_quantities(src, sl), extract_quantities(tgt, tl)), src, tgt)

    assert unmatched("a Victoria Cross recipient in World War One", "en",
                     "Träger des Viktoriakreuzes im 1. Weltkrieg", "de") == ([], [])
    assert unmatched("Bouchard added a goal.", "en", "부샤르가 1점을 추가했다.", "ko") == ([], [])
    # a changed number, a plain 1 or the minutes of a time stay
    assert unmatched("Bouchard added 3 goals.", "en", "부샤르가 1점을 추가했다.", "ko") != ([], [])
    assert unmatched("At two o'clock they came.", "en", "В 1 часа они пришли.", "ru")[1]
    assert unmatched("Napoli play at 3 p.m.", "en", "Napoli spielt um 15:1 Uhr.", "de")[1]


def test_a_century_as_an_ordinal_and_as_its_first_year_is_one_number():
    def only(a: str, la: str, b: str, lb: str):
        x, y = match_quantities(extract_quantities(a, la), extract_quantities(b, lb))
        return [q.show() for q in x], [q.show() for q in y]

    assert only("a bloody 19th-century conflict", "en", "verisessä 1800-luvulla käydyssä sodassa", "fi") == ([], [])
    assert only("in the 18th century", "en", "1800-talet", "sv") == (["18"], ["1800"])  # another century
    assert only("the 19th century", "en", "1900-talet", "sv") == (["19"], ["1900"])


def test_a_thai_buddhist_era_year_is_the_gregorian_one():
    from aligner.score.numbers import extract_quantities, match_quantities

    en = extract_quantities("In 2023, 15 people died.", "en")
    for th in ("ในปี 2566 มีผู้เสียชีวิต 15 คน", "ในปี ๒๕๖๖ มีผู้เสียชีวิต ๑๕ คน"):
        assert match_quantities(en, extract_quantities(th, "th")) == ([], [])
    # another year is still another year, and the offset is Thai only
    assert match_quantities(en, extract_quantities("ในปี 2567 มีผู้เสียชีวิต 15 คน", "th")) != ([], [])
    assert match_quantities(en, extract_quantities("Im Jahr 2566 starben 15 Menschen.", "de")) != ([], [])


def test_a_persian_solar_year_is_one_of_two_gregorian_years():
    from aligner.score.numbers import extract_quantities, match_quantities

    fa = extract_quantities("در سال ۱۴۰۲ پانزده نفر کشته شدند.", "fa")
    assert match_quantities(extract_quantities("In 2023 fifteen people died.", "en"), fa) == ([], [])
    assert match_quantities(extract_quantities("In 2024 fifteen people died.", "en"), fa) == ([], [])
    assert match_quantities(extract_quantities("In 2021 fifteen people died.", "en"), fa) != ([], [])


def test_a_compound_that_starts_like_one_is_no_number():
    src = "They are likely to get 1 to 2 inches, up to 4 inches."
    tgt = "Einschließlich der Rockies sind 2,5 bis 5 Zentimeter und bis zu 10 Zentimeter möglich."
    from aligner.score.numbers import excuse_conversions

    a, b = extract_quantities(src, "en"), extract_quantities(tgt, "de")
    assert excuse_conversions(*match_quantities(a, b), src, "en", tgt, "de") == ([], [])
    assert [q.show() for q in extract_quantities("ein dreijähriges Kind", "de")] == ["3"]


def test_a_code_with_two_digits_may_say_a_year():
    a = extract_quantities("their SS19 collection", "en")
    b = extract_quantities("ihre Sommerkollektion 2019", "de")
    assert match_quantities(a, b) == ([], [])
    assert match_quantities(extract_quantities("their SS19 collection", "en"),
                            extract_quantities("ihre Sommerkollektion 2018", "de"))[1] != []


@pytest.mark.parametrize("a, la, b, lb", [
    ("ellei saisi kokoon kahta miljoonaa dollaria", "fi", "unless she raised $2 million", "en"),
    ("kahdella kerralla", "fi", "on 2 occasions", "en"),
    ("kahdeksalla äänellä", "fi", "by 8 votes", "en"),
])
def test_an_inflected_number_word_excuses_the_digits(a, la, b, lb):
    assert _diff(a, la, b, lb) == ([], [])


def test_the_longest_number_stem_is_read():
    # kahdeksalla is 8 (stem kahdeksa), not 2 (stem kahde); a word is no digit to report
    assert [q.show() for q in extract_quantities("kahdeksalla äänellä", "fi")] == ["8"]
    assert _diff("kahdeksalla äänellä", "fi", "by 2 votes", "en") == ([], ["2"])


def test_digits_glued_to_a_long_word_are_a_number_a_code_is_not():
    assert [q.show() for q in extract_quantities("marginaalilla14–13", "fi")] == ["14", "13"]
    assert [q.show() for q in extract_quantities("A4 ja G7", "fi")] == []


def test_a_conversion_rounded_to_one_digit_is_the_same_measurement():
    from aligner.score.numbers import excuse_conversions

    src, tgt = "within 200 miles of Phoenix", "300 kilometrin etäisyydellä Phoenixista"
    left = excuse_conversions(list(extract_quantities(src, "en")), list(extract_quantities(tgt, "fi")), src, "en", tgt, "fi")
    assert left == ([], [])
    tgt = "400 kilometrin etäisyydellä Phoenixista"
    left = excuse_conversions(list(extract_quantities(src, "en")), list(extract_quantities(tgt, "fi")), src, "en", tgt, "fi")
    assert [q.show() for q in left[0]] == ["200"]


@pytest.mark.parametrize("a, la, b, lb, expected", [
    ("after their meeting in Singapore in June", "en", "5月にシンガポールで行われた会議の後", "ja", ([], ["5"])),
    ("after their meeting in Singapore in June", "en", "6月にシンガポールで行われた会議の後", "ja", ([], [])),
    ("by mid-September, officials said", "en", "22 月中旬までに", "ja", ([], ["22"])),
    ("after their meeting in Singapore", "en", "6月にシンガポールで", "ja", ([], [])),
])
def test_a_month_named_with_no_date_meets_a_month_of_the_other_side(a, la, b, lb, expected):
    assert _diff(a, la, b, lb) == expected


def test_a_month_word_is_a_full_name_as_written_not_a_surname_or_abbreviation():
    kinds = [(q.show(), q.kind) for q in extract_quantities("Theresa May said in June that she may go. March on.", "en")]
    assert kinds == [("6", "month_word")]
    assert extract_quantities("в феврале в Сент-Джонстоне", "ru") == ()


def test_a_month_written_with_its_number_is_a_month():
    # Vietnamese (CLDR) writes November as "tháng 11": the month, not the number 11
    assert [(q.show(), q.kind) for q in extract_quantities("vào ngày 3 tháng 11 năm 2018", "vi")][:2] == [
        ("3", "number"), ("11", "month")]
    assert _diff("in November", "en", "vào tháng 11", "vi") == ([], [])
    assert _diff("in October", "en", "vào tháng 11", "vi") == ([], ["11"])


def test_a_month_written_with_its_number_after_a_no_break_space():
    # web text often holds "tháng\u00a011": still the month (it raised KeyError before)
    assert [(q.show(), q.kind) for q in extract_quantities("vào ngày 3 tháng\u00a011 năm 2018", "vi")][:2] == [
        ("3", "number"), ("11", "month")]


def test_hindi_news_magnitude_loans_scale_the_number():
    assert _diff("more than 20 million people", "en", "20 मिलियन से ज़्यादा लोगों", "hi") == ([], [])


@pytest.mark.parametrize("a, b", [
    ("her 36th meeting", "كان اجتماعها السادس والثلاثين مع"),
    ("in the 19th century", "في القرن التاسع عشر"),
    ("in the 1980s", "في الثمانينيات"),
    ("he is 20 years older", "وهو أكبر منه بعشرين عامًا"),
    ("his 21st birthday", "بعيد مولده الحادي والعشرين"),
])
def test_arabic_number_words_with_proclitics_oblique_tens_and_compounds(a, b):
    assert _diff(a, "en", b, "ar") == ([], [])


def test_a_unit_before_a_ten_is_their_sum_only_as_a_word():
    # words only ever excuse digits: 36 is read, but nothing is reported for the words
    assert _diff("السادس والثلاثين", "ar", "the 35th", "en") == ([], ["35"])


def test_a_rounding_far_from_the_conversion_is_no_conversion():
    from aligner.score.numbers import _converts

    assert _converts(200, 300, (1.609344,), False) and not _converts(6, 200, (30.48,), False)


def test_a_list_shares_the_magnitude_of_its_last_number():
    src = "CBS had 3.1 million, NBC had 2.94 million, MSNBC had 2.89 million and CNN had 2.52 million."
    tgt = "A CBS-t 3,1, az NBC-t 2,94, az MSNBC-t 2,89, míg a CNN-t 2,52 millióan nézték."
    assert match_quantities(extract_quantities(src, "en"), extract_quantities(tgt, "hu")) == ([], [])
    # the number keeps its own value; one in another sentence does not share the magnitude
    assert 3.1 in extract_quantities(tgt, "hu")[0].values
    assert extract_quantities("He had 3. Then 5 million came.", "en")[0].values == {3.0}


def test_a_number_with_a_magnitude_word_is_no_clock_time():
    src, tgt = "CNN had 2,52 Millionen Zuschauer.", "CNN dengan 2.52 juta pemirsa."
    assert match_quantities(extract_quantities(src, "de"), extract_quantities(tgt, "id")) == ([], [])


def test_a_day_period_one_word_after_the_number_says_a_time():
    src, tgt = "entering the market at 4.40 am Thursday", "đến khu chợ khoảng 4.40 giờ sáng để cho lợn ăn"
    assert match_quantities(extract_quantities(src, "en"), extract_quantities(tgt, "vi")) == ([], [])
