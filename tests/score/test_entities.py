"""Names compared across languages and spellings."""

from __future__ import annotations

import pytest

from aligner.lexicon import load_lexicon
from aligner.score.entities import (DocumentVocabulary, extract_names, fold, is_title_case, match_names,
                                     multiword_places, unaccounted_capitals)

EN_ID = load_lexicon("en", "id")
ID_EN = load_lexicon("id", "en")


def _match(src: str, tgt: str, **kw):
    return match_names(src, "en", tgt, "id", EN_ID, ID_EN, **kw)


def test_spelling_variants_are_matched_not_missing():
    m = _match("Ilya Sutskever of OpenAI said so.", "Ilya Suzkwer dari Openai mengatakan begitu.")
    assert not m.src_only and not m.tgt_only
    assert {(a.surface, b.surface) for a, b in m.variants} == {("Sutskever", "Suzkwer"), ("OpenAI", "Openai")}


def test_translated_names_are_matched_through_the_lexicon():
    m = _match("Homosexuality was decriminalised in China in 1997.", "Homoseksualitas didekriminalisasi di Tiongkok.")
    assert not m.src_only and not m.tgt_only and m.agreement == 1.0


def test_a_replaced_name_is_reported_on_both_sides():
    m = _match("Saipov, a native of Uzbekistan, showed no remorse.", "Saipov, asal Menga, tidak menyesal.")
    assert [t.surface for t in m.src_only] == ["Uzbekistan"]
    assert [t.surface for t in m.tgt_only] == ["Menga"]
    assert m.agreement < 1.0


def test_sentence_initial_words_months_and_stop_words_are_not_names():
    assert [t.surface for t in extract_names("The minister met Tom Daley in October.", "en")] == ["Tom", "Daley"]


def test_headlines_only_count_names_the_document_uses_elsewhere():
    src = ("Killer Pig Mauls Chinese Farmer to Death", "A farmer named Yuan was killed.")
    tgt = ("Babi Pembunuh Menganiaya Petani Cina sampai Meninggal", "Seorang petani bernama Yuan tewas.")
    assert is_title_case(src[0]) and not is_title_case(src[1])
    m = _match(src[0], tgt[0], src_vocab=DocumentVocabulary.of(src, "en"),
               tgt_vocab=DocumentVocabulary.of(tgt, "id"))
    assert not m.src_only and not m.tgt_only


def test_fold_brings_spellings_together():
    assert fold("Philippines") == fold("Filipines")
    assert fold("Moon") == fold("Mun") and fold("Cooper") == fold("Kuper")  # English "oo" is u (Korean Moon / Mun)


def test_an_english_oo_name_matches_its_u_spelling_with_a_case_ending():
    m = match_names("North Korea pledged in a meeting with Moon this month.", "en",
                    "A Munnal ebben a hónapban megtartott találkozón Észak-Korea megígérte.", "hu")
    assert m.src_only == m.tgt_only == ()


def test_possessive_acronym_keeps_its_last_letter():
    # regression: "AALI's" was stripped to "aal" and reported missing next to "AALI"
    m = _match("PT Astra Agro Lestari's AALI's production rose.", "Produksi PT Astra Agro Lestari AALI naik.")
    assert not m.src_only and not m.tgt_only


def test_indonesian_news_abbreviations_are_translations():
    m = _match("The finance minister said so.", "Hal itu dikatakan Menkeu.")
    assert not m.tgt_only


def test_german_capitalised_nouns_are_not_names():
    m = match_names("The city council met on Tuesday to discuss the construction.", "en",
                    "Der Stadtrat tagte am Dienstag, um über den Bau zu beraten.", "de")
    assert not m.src_only and not m.tgt_only


def test_a_name_swapped_in_german_is_still_found_from_the_english_side():
    m = match_names("Mayor Henriette Reker praised the plan.", "en", "Oberbürgermeisterin Anna Schmidt lobte den Plan.", "de")
    assert {t.surface for t in m.src_only} == {"Henriette", "Reker"}


def test_exonyms_and_language_names_match_through_cldr():
    m = match_names("Officials from Germany and Denmark spoke German.", "en",
                    "Des responsables d'Allemagne et du Danemark parlaient allemand.", "fr")
    assert not m.src_only and not m.tgt_only and m.matched >= 4


def test_names_across_scripts_match_by_transliteration_and_are_never_missing_for_it():
    m = match_names("Laverne Cox spoke to Daley.", "en", "Лаверн Кокс говорила с Дейли.", "ru")
    assert m.matched >= 2  # Laverne / Лаверн, Cox / Кокс by transliteration
    assert not m.src_only and not m.tgt_only  # Daley / Дейли too far apart to match: not reported either
    swapped = match_names("Tom Daley won.", "en", "톰 Smith가 이겼다.", "ko")
    assert [t.surface for t in swapped.tgt_only] == ["Smith"] and not swapped.src_only


def test_names_inside_hyphenated_compounds_and_demonyms_of_a_country_match():
    m = match_names("Daley married the Oscar winner after Brexit.", "en",
                    "Daley heiratete den Oscar-Gewinner nach dem No-Deal-Brexit.", "de")
    assert not m.src_only and m.matched >= 3
    china = match_names("Since 2003, China's government has promised it.", "en",
                        "Seit 2003 verspricht die chinesische Regierung es.", "de")
    assert not china.src_only


def test_compounds_inflected_place_names_and_demonyms_match():
    m = match_names("Sanctions on North Korea hit South Korean firms.", "en",
                    "Sanktionen gegen Nordkorea treffen südkoreanische Firmen.", "de")
    assert not m.src_only and not m.tgt_only
    chile = match_names("a Chilean expert", "en", "eine chilenische Expertin", "de")
    assert not chile.src_only
    europe = match_names("Europe have the advantage.", "en", "Конечно, у Европы преимущество.", "ru")
    assert not europe.tgt_only and europe.matched >= 1
    # a different country is still a mismatch
    other = match_names("Sanctions on North Korea.", "en", "Sanktionen gegen Venezuela.", "de")
    assert [t.surface for t in other.tgt_only] == ["Venezuela"]


def test_titles_and_quoted_sentence_starts_are_not_names():
    m = match_names("Lt Col Vann led his battalion.", "en", "Oberstleutnant Vann führte sein Bataillon.", "de")
    assert not m.src_only
    q = match_names("I asked: 'Did you do it?'", "en", "Я спросил: «Ты сделал это?»", "ru")
    assert not q.tgt_only


def test_a_name_said_elsewhere_in_another_script_is_the_translator_naming_a_pronoun():
    src_vocab = DocumentVocabulary.of(("Tom Daley married him.", "He said so."), "en")
    m = match_names("He said so.", "en", "Так сказал Дейли.", "ru", src_vocab=src_vocab,
                    tgt_vocab=DocumentVocabulary.of(("Том Дейли женился.", "Так сказал Дейли."), "ru"))
    assert not m.tgt_only


def test_acronyms_in_the_plural_possessive_or_spelled_out_are_no_missing_names():
    m = match_names("Welsh AMs worried about the UK's TVs and PNG-registered airlines", "en",
                    "Die Mitglieder der Nationalversammlung in Papua Neuguinea sorgen sich um Fernseher", "de")
    assert not m.src_only
    ap = match_names("Haris told Associated Press.", "en", "ハリスはAP通信に語った。", "ja")
    assert not ap.tgt_only
    other = match_names("Haris told Reuters.", "en", "ハリスはAP通信に語った。", "ja")
    assert [t.surface for t in other.tgt_only] == ["AP"]


def test_names_made_of_common_words_are_soft_but_people_named_like_words_are_not():
    m = match_names("as at the Academy Awards, said the Metropolitan Police, Secretary Mike Pompeo and Ford.", "en",
                    "wie bei der Oscarverleihung, sagte die Polizei.", "de")
    missing = {t.surface for t in m.src_only}
    assert not missing & {"Academy", "Awards", "Metropolitan", "Secretary"}
    assert {"Mike", "Pompeo", "Ford"} <= missing


@pytest.mark.parametrize("src, tgt, lang", [
    ("Just 30 percent said the same about Ford.", "Vain 30 % sanoi saman Fordista.", "fi"),  # a long case ending
    ("Pompeo met Ri in New York.", "Pompeo tapasi Rin New Yorkissa.", "fi"),  # a two-letter name and one more
    ("Talks with the United States went well, said Moon.",
     "Neuvottelut Yhdysvaltojen kanssa sujuivat hyvin, sanoi Moon.", "fi"),  # a country of several words
    ("Relations between North Korea and Japan improved.", "Pohjois-Korean ja Japanin suhteet paranivat.", "fi"),
    ("Britain will leave the EU in March, said Barnier.",
     "Uingereza itaondoka Umoja wa Ulaya mwezi Machi, alisema Barnier.", "sw"),  # a word of one: its code
    ("They beat the Spaniard and the Swede.", "Waliwashinda Mhispania na Mswidi.", "sw"),  # a noun-class prefix
])
def test_names_that_are_the_same_across_languages(src, tgt, lang):
    m = match_names(src, "en", tgt, lang)
    assert not m.src_only and not m.tgt_only and m.matched >= 2


def test_a_stem_is_not_stretched_into_another_name():
    m = match_names("He met Kim on Monday.", "en", "Hän tapasi Kimberleyn maanantaina.", "fi")
    assert [t.surface for t in m.src_only] == ["Kim"]
    m = match_names("They beat the Spaniard and the Swede.", "en", "Waliwashinda Mhispania na Mkenya.", "sw")
    assert [t.surface for t in m.src_only] == ["Swede"]
    assert sorted(multiword_places("Talks between North Korea and the United States", "en")) == ["KP", "US"]


def test_a_name_left_out_with_only_common_words_at_sentence_starts_is_left_out():
    src_doc = ("His mother, Sarah Palin, called police.", "Palin was governor of Alaska.")
    tgt_doc = ("Tuolloin Palinin äiti soitti poliisille.", "Palin oli Alaskan kuvernööri, ja tuolloin hän oli ehdokas.")
    m = match_names(src_doc[0], "en", tgt_doc[0], "fi", src_vocab=DocumentVocabulary.of(src_doc, "en"),
                    tgt_vocab=DocumentVocabulary.of(tgt_doc, "fi"))
    assert [t.surface for t in m.src_only] == ["Sarah"] and m.left_out


def test_a_capitalised_word_counts_at_a_sentence_start_when_the_document_capitalises_it_elsewhere():
    doc = ("Menga sanoi niin.", "Eilen Menga lähti kotiin.")
    vocab = DocumentVocabulary.of(doc, "fi")
    assert unaccounted_capitals("Menga sanoi niin.", "fi", "Saipov said so.", "en", vocab) == 1
    assert unaccounted_capitals("Tuolloin hän sanoi niin.", "fi", "Saipov said so.", "en", vocab) == 0


def test_a_close_spelling_is_never_a_lower_case_word():
    m = match_names("Michael Vann said he was happy.", "en", "Michael Bauern gab an, dass er froh war.", "de")
    assert [t.surface for t in m.src_only] == ["Vann"]


def test_a_month_after_a_given_name_is_a_surname():
    assert [t.surface for t in extract_names("Theresa May will announce it today.", "en")] == ["May"]
    assert [t.surface for t in extract_names("He left on Friday May 5 and in May.", "en")] == []
    assert [t.surface for t in extract_names("Last May he left.", "en")] == []


def test_a_name_rendered_the_same_way_in_two_beads_is_translated():
    from aligner.score.entities import consistent_translations

    beads = [("The storm is losing power over the Pacific.", "Myrsky heikkenee Tyynellämerellä."),
             ("Bolivia wants access to the Pacific Ocean.", "Bolivia haluaa yhteyden Tyynelle valtamerelle."),
             ("Both goals came from Patrick Dwyer.", "Molemmat maalit teki Demokraattinen Dwyer.")]
    matches = [match_names(s, "en", t, "fi") for s, t in beads]
    assert [[n.surface for n in m.src_only] for m in matches] == [["Pacific"], ["Pacific"], ["Patrick"]]
    fixed = consistent_translations(matches, "en", "fi")
    assert [[n.surface for n in m.src_only] for m in fixed] == [[], [], ["Patrick"]]  # one bead's slip stays
    assert "Pacific" in [n.surface for n in fixed[0].src_soft_only]


def test_a_word_of_a_name_copied_word_for_word_replaced_is_a_name_put_for_another():
    m = match_names("US film-maker Dustin Lance Black met him in 2013.", "en",
                    "Der US-Filmemacher Dustin Lance Unite traf ihn 2013.", "de")
    assert [t.surface for t in m.src_only] == ["Black"] and [t.surface for t in m.tgt_only] == ["Unite"]
    m = match_names("Desert Island Discs is on BBC Radio 4.", "en", "Desert Anzeigetafel Discs auf BBC Radio 4.", "de")
    assert [t.surface for t in m.src_only] == ["Island"]


def test_a_name_copied_whole_or_translated_or_after_a_title_is_no_swap():
    from aligner.score.entities import swapped_in_copied_name

    for src, tgt in [("Dustin Lance Black met him.", "Dustin Lance Black traf ihn."),
                     ("He met Secretary Pompeo there.", "Er traf Außenminister Pompeo dort."),
                     ("Jaguar Land Rover said so.", "Jaguar Land Rover sagte das."),
                     ("The White House said so.", "Das Weiße Haus sagte das.")]:
        assert match_names(src, "en", tgt, "de").src_only == ()
        assert swapped_in_copied_name(src, "en", tgt, "de", extract_names(src, "en")) == []


def _docs(src_doc: tuple[str, ...], tgt_doc: tuple[str, ...], tgt_lang: str, k: int = 0):
    return match_names(src_doc[k], "en", tgt_doc[k], tgt_lang, src_vocab=DocumentVocabulary.of(src_doc, "en"),
                       tgt_vocab=DocumentVocabulary.of(tgt_doc, tgt_lang))


def test_a_dictionary_word_the_translation_keeps_as_a_name_is_a_name_where_it_is_replaced():
    src_doc = ("On Wednesday, the president Trump said so.", "Later Trump left.", "Aides say Trump is tired.")
    sw_doc = ("Jumatano, rais Canal alisema hivyo.", "Baadaye Trump aliondoka.", "Wasaidizi wanasema Trump amechoka.")
    m = _docs(src_doc, sw_doc, "sw")
    assert [t.surface for t in m.src_only] == ["Trump"]
    # the same bead without the documents: Trump is a dictionary word (soft), as before
    assert match_names(src_doc[0], "en", sw_doc[0], "sw").src_only == ()
    # a translation that renders the word otherwise in most sentences: it stays soft
    src_doc = ("The Commission met.", "On Monday the Commission said so.", "He wrote to the Commission.")
    sw_doc = ("Jopo lilikutana.", "Jumatatu Jopo lilisema hivyo.", "Aliandikia Commission.")
    assert _docs(src_doc, sw_doc, "sw", 1).src_only == ()


def test_a_run_translated_as_a_whole_keeps_its_words_soft():
    src_doc = ("A bloom of the Red Tide extends along the coast.", "The Red Tide is toxic.", "Scientists study Red Tide.")
    de_doc = ("Eine rote Algenblüte erstreckt sich entlang der Küste.", "Die Red Tide ist giftig.",
              "Wissenschaftler untersuchen Red Tide.")
    assert _docs(src_doc, de_doc, "de").src_only == ()
    # one word of the run copied, the other replaced: a name put for another
    src_doc = ("Saipov used a Home Depot truck.", "Home Depot said so.", "A Home Depot spokesman agreed.")
    es_doc = ("Saipov usó un camión de Connor Depot.", "Home Depot lo dijo.", "Un portavoz de Home Depot asintió.")
    assert [t.surface for t in _docs(src_doc, es_doc, "es").src_only] == ["Home"]


def test_a_name_at_a_sentence_start_counts_where_the_translation_keeps_it():
    src_doc = ("Ford also testified at the hearing.", "Senators heard Ford on Thursday.", "They believed Ford.")
    es_doc = ("Asimismo, Grove testificó en la sesión.", "Los senadores escucharon a Ford el jueves.",
              "Creyeron a Ford.")
    m = _docs(src_doc, es_doc, "es")
    assert [t.surface for t in m.src_only] == ["Ford"]
    assert [t.surface for t in m.tgt_only] == ["Grove"]  # (a name by the Spanish word list, put for Ford)
    # a sentence start the other version does not keep as written is no name
    assert _docs(("However, he left.", "He said However was a ship.", "Yes."), ("Sin embargo, se fue.", "Dijo.", "Sí."),
                 "es").src_only == ()


def test_a_weekday_with_a_possessive_is_no_name():
    assert extract_names("He spoke about Friday's drama and Monday's ruling.", "en") == ()


def test_a_roman_century_is_no_name():
    assert [t.surface for t in extract_names("Il est né au XIXe siècle à Paris.", "fr")] == ["Paris"]
    assert match_names("He was born in the 19th century.", "en", "Il est né au XIXe siècle.", "fr").tgt_only == ()
    assert [t.surface for t in extract_names("She met Henry VIII there.", "en")] == ["Henry", "VIII"]


def test_a_given_name_replaced_before_a_kept_and_inflected_surname_is_a_name_put_for_another():
    m = match_names("Celebrity stylist Luke Armitage told FEMAIL so.", "en",
                    "Kuuluisa stylisti Childers Armitage kertoi FEMAILille niin.", "fi")
    assert [t.surface for t in m.src_only] == ["Luke"] and [t.surface for t in m.tgt_only] == ["Childers"]
    m = match_names("Kyle Rowe gathered David Armstrong's box kick.", "en",
                    "Kyle Rowe nappasi Tampa Armstrongin potkun.", "fi")
    assert [t.surface for t in m.src_only] == ["David"]
    # the next word after a copied one spelled a little differently
    m = match_names("The presenter, Kirsty Young, took months off.", "en",
                    "Juontaja Kristy Lakersin on ottanut vapaata.", "fi")
    assert [t.surface for t in m.src_only] == ["Young"]
    # a title (a common word) before a kept name is translated, not replaced
    assert match_names("He met Detective Brian O'Hagan.", "en", "Hän tapasi Rikoskomisario Brian O'Haganin.",
                       "fi").src_only == ()
    # a translated common word that looks like the source's is no copied name word
    assert match_names("He met US Energy Secretary Rick Perry.", "en", "Dia bertemu Menteri Energi AS Rick Perry.",
                       "id").src_only == ()


def test_a_word_after_a_title_abbreviation_does_not_start_a_sentence():
    m = match_names("Mr. Merriweather said that St. Martin's did not replace him.", "en",
                    "Tuan Merriweather mengatakan bahwa St. Kemudian tidak menggantikan dia.", "id")
    assert [t.surface for t in m.src_only] == ["Martin's"] and not m.left_out
    assert [t.surface for t in extract_names("It ended. Then Ford spoke.", "en")] == ["Ford"]


def test_a_name_inside_a_word_after_a_prefix_matches():
    m = match_names("Flake was convinced by his friend, Democratic Sen. Chris Coons.", "en",
                    "Flake alishawishika na rafiki yake, Mwanademocrat Seneta. Chris Coons.", "sw")
    assert m.src_only == () and m.tgt_only == ()
    m = match_names("He met Patrick Dwyer.", "en", "Hän tapasi Demokraattinen Dwyerin.", "fi")
    assert [t.surface for t in m.src_only] == ["Patrick"]


def _fi(src: str, tgt: str, **kw):
    return match_names(src, "en", tgt, "fi", None, None, **kw)


@pytest.mark.parametrize("src, tgt", [
    ("Ten years ago a pig pinned a Welsh farmer to his tractor.", "Kymmenen vuotta sitten sika kiilasi Walesilaisen viljelijän traktoria vasten."),
    ("Members call it the Welsh Parliament now.", "Jäsenet kutsuvat sitä nyt Walesin parlamentiksi."),
])
def test_a_name_and_its_cognate_in_the_other_language_match(src, tgt):
    m = _fi(src, tgt)
    assert not m.src_only and not m.tgt_only


def test_a_replaced_name_is_no_cognate():
    m = _fi("Ian Land said so on Monday.", "Ian Lundvaldin sanoi niin maanantaina.")
    assert [t.surface for t in m.src_only] == ["Land"]


def test_a_cognate_is_not_looked_for_at_a_sentence_start():
    # Atlet (athlete) starts the sentence: no counterpart of Atlanta
    m = _match("The American won at the 1996 Games in Atlanta.", "Atlet Amerika menang pada Olimpiade 1996 di Jika.")
    assert [t.surface for t in m.src_only] == ["Atlanta"]


def test_a_common_word_closing_a_name_is_soft_a_given_name_before_one_is_not():
    m = _fi("It was led by the Brentwood Imperial Youth Band.", "Sitä johti Brentwood Imperial Youth -soittokunta.")
    assert not m.src_only and "Band" in [t.surface for t in m.src_soft_only]
    m = _fi("Vice President Mike Pence will speak.", "Varapresidentti Calum Pence puhuu.")
    assert "Mike" in [t.surface for t in m.src_only + m.src_soft_only]
    assert "Mike" not in [t.surface for t in m.src_soft_only] or m.tgt_only


def test_a_capitalised_word_the_document_writes_in_lower_case_is_no_name_put_in():
    src = "Bolivia awaits a ruling by the international court of justice."
    tgt = "Bolivia odottaa Kansainvälisen tuomioistuimen päätöstä."
    vocab = DocumentVocabulary.of((tgt, "Kansainvälisen tuomioistuimen päätös on lopullinen.",
                                   "Se on kansainvälisen oikeuden asia."), "fi")
    src_vocab = DocumentVocabulary.of((src,), "en")
    assert not _fi(src, tgt).tgt_only  # a word of the Finnish word list: no name put in
    assert not _fi(src, tgt, src_vocab=src_vocab, tgt_vocab=vocab).tgt_only


def test_a_word_after_a_dotted_acronym_does_not_start_a_sentence():
    assert [t.surface for t in extract_names("The airline and the U.S. Navy said so. Then Tom came.", "en")] == ["Navy", "Tom"]


def test_a_word_after_an_opening_quote_is_not_a_proper_word_of_the_document():
    vocab = DocumentVocabulary.of(("Hän sanoi: ”Kokemukseni mukaan ne eivät palaa.", "Tuhannet osallistuivat."), "fi")
    assert "kokemukseni" not in vocab.proper and "tuhannet" not in vocab.proper


def test_a_day_name_of_several_words_is_no_name():
    assert [t.surface for t in extract_names("Ông Trump nói vào Thứ Bảy và Chủ Nhật rằng Nga sẽ đến.", "vi")] == ["Trump", "Nga"]


@pytest.mark.parametrize("src, tgt, lang", [
    ("Russia and Germany met in Berlin.", "Nga và Đức đã gặp nhau ở Berlin.", "vi"),
    ("He met Kim Jong-un there.", "Ott találkozott Kim Dzsongunnal.", "hu"),
])
def test_short_country_names_and_other_spellings_match(src, tgt, lang):
    m = match_names(src, "en", tgt, lang)
    assert not m.src_only and not m.tgt_only


def test_a_german_word_that_no_word_list_knows_is_a_name():
    # a German capital is no evidence of a name, but a word the German word list does not know is one
    src = ("The case is currently before Alaska's Veteran's Court.", "He was arrested in Wasilla, Alaska.")
    tgt = ("Der Fall wird zur Zeit vor dem Veteran's Muppet von Alaska verhandelt.", "Er wurde in Wasilla, Alaska, verhaftet.")
    m = match_names(src[0], "en", tgt[0], "de", src_vocab=DocumentVocabulary.of(src, "en"),
                    tgt_vocab=DocumentVocabulary.of(tgt, "de"))
    assert [t.surface for t in m.tgt_only] == ["Muppet"] and not m.left_out
    assert "Fall" in {t.surface for t in m.tgt_soft_only}  # a listed noun stays soft


def test_german_sentences_are_never_headlines_in_title_case():
    text = "Der Fall wird zur Zeit vor dem Bundesgericht von Alaska in Juneau verhandelt."
    assert is_title_case(text) and not is_title_case(text, "de")


def test_a_name_put_in_that_the_source_document_never_mentions_is_not_left_out():
    src = ("Bond's daughter Karen Jankel said of the letter: it was hard.", "Karen Jankel was born later.")
    tgt = ("Karen Jankel, Tochter des Autoren Michael Ballyhackamore, sagte über den Brief: es war schwer.",
           "Karen Jankel wurde später geboren.")
    m = match_names(src[0], "en", tgt[0], "de", src_vocab=DocumentVocabulary.of(src, "en"),
                    tgt_vocab=DocumentVocabulary.of(tgt, "de"))
    assert [t.surface for t in m.tgt_only] == ["Ballyhackamore"] and not m.left_out


@pytest.mark.parametrize("texts, reported", [
    # German keeps "Showrunner"; Indonesian translates it: no name missing there
    (("Neal Baer, Showrunner der Serie, sagte das.", "de", "Neal Baer, produser serial itu, mengatakannya.", "id"), []),
    # against English the word would have been copied: a German word no list knows is a name there
    (("The show's producer Neal Baer said so.", "en", "Der Produzent Neal Baer, Showrunner, sagte das.", "de"),
     ["Showrunner"]),
])
def test_english_words_kept_in_german_are_soft_against_a_third_language_only(texts, reported):
    m = match_names(*texts)
    assert [t.surface for t in m.src_only + m.tgt_only] == reported


def test_a_close_spelling_is_no_listed_word_at_a_sentence_start():
    m = match_names("\"We have momentum,\" said Jordan Spieth.", "en",
                    "„Sie haben Schwung“, sagte Jordan Bewegungen.", "de")
    assert not m.variants and [t.surface for t in m.src_only] == ["Spieth"]


def test_a_latin_gloss_after_a_hangul_word_is_soft_against_a_third_language_only():
    src = "인도네시아 적십자(Indonesian Red Cross)는 구호품을 보냈다."
    m = match_names(src, "ko", "Palang Merah Indonesia mengirim bantuan.", "id")
    assert not m.src_only
    # against English the gloss is copied: a changed one is a name put in
    m = match_names("The Indonesian Red Cross sent aid.", "en", "인도네시아 적십자(Indonesian Blue Cross)는 구호품을 보냈다.", "ko")
    assert [t.surface for t in m.tgt_only] == ["Blue"]


def test_a_name_after_a_lower_case_particle_is_a_name():
    src = "Foreign minister Walid al-Moualem said conditions are improving."
    assert [t.surface for t in extract_names(src, "en")] == ["Walid", "al-Moualem"]
    m = match_names(src, "en", "Ulkoministeri Walid al-Worrallin sanoi, että olosuhteet paranevat.", "fi")
    assert [t.surface for t in m.src_only] == ["al-Moualem"]
    assert [t.surface for t in extract_names("Sales to non-UK buyers rose in mid-September.", "en")] == []


def _documents(src: tuple[str, str], src_lang: str, tgt: tuple[str, str], tgt_lang: str):
    return match_names(src[0], src_lang, tgt[0], tgt_lang, src_vocab=DocumentVocabulary.of(src, src_lang),
                       tgt_vocab=DocumentVocabulary.of(tgt, tgt_lang))


def test_german_nouns_do_not_keep_a_name_the_translation_adds_from_being_left_out():
    m = match_names("Aguero und Sterling trafen im Etihad Stadium in Manchester beim Sieg von Manchester City.", "de",
                    "Aguero dan Sterling mencetak gol di Stadium Etihad, Manchester, Inggris, saat Manchester City menang.",
                    "id")
    assert [t.surface for t in m.tgt_only] == ["Inggris"] and m.left_out  # Sieg is a noun, not a name


def test_a_listed_german_noun_that_the_other_document_also_writes_stays_a_noun():
    m = _documents(("Warren steht im Rennen um die Wiederwahl für den Senat gegen Geoff Diehl.", "Der Senat tagt."), "de",
                   ("Warren mencalonkan diri melawan Geoff Diehl.", "Senat bersidang."), "id")
    assert not m.src_only and "Senat" in {t.surface for t in m.src_soft_only}


def test_a_word_of_the_language_word_list_is_no_name_put_in():
    m = match_names("We met them at the weekend in Athens.", "en", "Τους συναντήσαμε το Σαββατοκύριακο στην Αθήνα.", "el")
    assert not m.tgt_only


def test_a_name_the_target_spells_in_its_own_letters_is_soft():
    src = "Chinese health officials said at a conference in Yunnan province."
    tgt = "Đây là lời phát biểu của các quan chức y tế Trung Quốc tại một hội nghị ở tỉnh Vân Nam."
    m = match_names(src, "en", tgt, "vi", None, None, DocumentVocabulary.of((src,), "en"),
                    DocumentVocabulary.of((tgt, "phía nam"), "vi"))
    assert not m.src_only and not m.tgt_only
    # a name put for another keeps the missing name hard
    put = tgt.replace("Vân Nam", "Hạt Videoton")
    m = match_names(src, "en", put, "vi", None, None, DocumentVocabulary.of((src,), "en"),
                    DocumentVocabulary.of((put,), "vi"))
    assert [t.surface for t in m.src_only] == ["Yunnan"]


def test_a_native_word_is_no_name_put_in():
    m = match_names("Mr Clark said Theresa May's plan is good.", "en",
                    "Ông Clark cho biết kế hoạch của Thủ tướng Theresa May là tốt.", "vi")
    assert not m.tgt_only
    m = match_names("Mr Clark said the plan is good.", "en", "Ông Clark cho biết kế hoạch Trump là tốt.", "vi")
    assert [t.surface for t in m.tgt_only] == ["Trump"]


def test_a_country_name_from_iso_codes_matches_an_acronym():
    m = match_names("We see no response from the U.S.", "en", "Chúng tôi không thấy động thái từ phía Mỹ.", "vi")
    assert not m.src_only and not m.tgt_only


def test_a_given_name_joined_in_another_romanisation_is_matched():
    m = match_names("Ri Yong Ho told the Assembly.", "en", "Ri Jongho elmondta a Közgyűlésen.", "hu")
    assert "Ho" not in [t.surface for t in m.src_only + m.src_soft_only]
    m = match_names("South Korean leader Moon Jae-in met Kim.", "en", "A dél-koreai elnök, Mun Dzsein, találkozott Kimmel.", "hu")
    assert "Jae-in" not in [t.surface for t in m.src_only]


def test_english_words_kept_in_a_pair_without_english_are_soft():
    src = "Update zur roten Tide: Konzentrationen in Pinellas nehmen ab"
    tgt = "Berita terbaru Red Tide: Konsentrasi merendah di Pinellas"
    m = match_names(src, "de", tgt, "id", None, None, DocumentVocabulary.of((src,), "de"), DocumentVocabulary.of((tgt,), "id"))
    assert not m.tgt_only and [t.surface for t in m.tgt_soft_only] == ["Red"]  # (Tide matches Tide)


def test_a_demonym_matches_but_is_no_name_by_itself():
    from aligner.score.entities import _country_or_language

    m = match_names("Rangers know that a victory over the Austrians will help.", "en",
                    "A Rangers tudja, hogy az osztrákok elleni győzelem segít.", "hu")
    assert not m.src_only
    assert not _country_or_language("british", "en") and _country_or_language("germans", "en")


def test_an_english_word_of_a_gloss_is_soft_against_another_language():
    src = "\"여전히 재난입니다.” 라고 인도네시아 적십자(Indonesian Red Cross)의 대변인이 말했습니다."
    tgt = "“Ini masih bencana,” kata juru bicara Palang Merah Indonesia."
    m = match_names(src, "ko", tgt, "id", None, None, DocumentVocabulary.of((src,), "ko"),
                    DocumentVocabulary.of((tgt, "Red Tide"), "id"))
    assert not m.src_only and "Red" in [t.surface for t in m.src_soft_only]


def test_a_sentence_full_of_names_is_no_title_case_headline():
    assert is_title_case("Killer Pig Mauls Chinese Farmer to Death", "en")
    text = ("Sayfullo Habibullaevic Saipov caused injury to the families of Diego Enrique Angelini, "
            "Nicholas Cleves, Darren Drake and Ariel Erlij.")
    assert not is_title_case(text, "en")
    # so its names count without the document naming them elsewhere: a name swapped is found
    tgt = ("Sayfullo Habibullaevic Saipov aiheutti vammoja Diego Enrique Angelinin, Nicholas Pompeon, "
           "Darren Draken ja Ariel Erlijin perheille.")
    assert "Cleves" in [t.surface for t in _docs((text,), (tgt,), "fi").src_only]


def test_a_word_of_a_name_swapped_in_a_title_case_line_is_found():
    src = ("BBC Scotland's Alasdair Lamont at the Tony Macaroni Arena", "Lamont said the club had grown.")
    tgt = ("BBC Scotlandin Alasdair Live Tony Macaroni -areenalla", "Lamontin mukaan seura on kasvanut.")
    m = _docs(src, tgt, "fi")
    assert [t.surface for t in m.src_only] == ["Lamont"] and [t.surface for t in m.tgt_only] == ["Live"]
    same = ("BBC Scotlandin Alasdair Lamont Tony Macaroni -areenalla", tgt[1])
    assert _docs(src, same, "fi").src_only == _docs(src, same, "fi").tgt_only == ()


def test_a_given_name_put_before_a_copied_surname_in_a_language_with_a_word_list():
    m = match_names("I will never look at Super Mario the same way again.", "en",
                    "En voi enää koskaan katsoa Kempf Mariota samalla tavoin.", "fi")
    assert [t.surface for t in m.tgt_only] == ["Kempf"] and [t.surface for t in m.src_only] == ["Super"]
    # the word in its place may start the other side's sentence where it is no common word
    m = match_names("Evo Morales, Bolivia's president, also has plenty riding on the ruling.", "en",
                    "Bolivian presidentillä Pinellasista Moralesilla on paljon pelissä linjauksessa.", "fi")
    assert [t.surface for t in m.tgt_only] == ["Pinellasista"] and [t.surface for t in m.src_only] == ["Evo"]
    m = match_names("Evo Morales, Bolivia's president, also has plenty riding on the ruling.", "en",
                    "Bolivian presidentillä Evo Moralesilla on paljon pelissä linjauksessa.", "fi")
    assert m.src_only == m.tgt_only == ()


def test_a_given_name_the_other_document_names_or_an_acronym_is_no_swap():
    src = ("Lt Col Vann was killed by a German sniper.", "Bernard Vann was a priest.")
    tgt = ("Bernard Vann alezredest lőtte le egy német mesterlövész.", "Bernard Vann pap volt.")
    assert _docs(src, tgt, "hu").tgt_only == ()
    m = match_names("He fell for US film-maker Dustin Lance Black.", "en",
                    "Dia jatuh cinta dengan pembuat film dari AS Dustin Lance Black.", "id")
    assert m.tgt_only == () and m.src_only == ()


def test_a_compound_name_with_one_part_swapped_is_a_name_put_for_another():
    src = "City battles Hoffenheim on Tuesday at Rhein-Neckar-Arena in Sinsheim."
    m = match_names(src, "en", "City kohtaa Hoffenheimin tiistaina Pjongjang-Neckar-Arenalla Sinsheimissa.", "fi")
    assert [t.surface for t in m.src_only] == ["Rhein-Neckar-Arena"]
    assert [t.surface for t in m.tgt_only] == ["Pjongjang-Neckar-Arenalla"]
    m = match_names(src, "en", "City kohtaa Hoffenheimin tiistaina Rhein-Neckar-Arenalla Sinsheimissa.", "fi")
    assert m.src_only == m.tgt_only == ()
    # in another script a part may be transliterated past recognition
    m = match_names("A son called Robert Ray Black-Daley.", "en", "Сын по имени Роберт Рэй Блэк-Дейли.", "ru")
    assert "Black-Daley" not in [t.surface for t in m.src_only]


def test_a_capitalised_word_a_rich_word_list_does_not_know_is_a_name_put_in():
    # (the source's Supreme Court, soft, could be what the target's capitalised word translates)
    src = "Graham said the Supreme Court vote on Kavanaugh is settled."
    m = match_names(src, "en", "Graham szerint a Kavanaugh ügyében tartott szavazás eldőlt, mondta Hoffenheim.", "hu")
    assert [t.surface for t in m.tgt_only] == ["Hoffenheim"]
    # an inflected form of a listed word is a word (Közgyűlésével: közgyűlés, assembly)
    m = match_names(src, "en", "Graham szerint a Kavanaugh ügyében tartott szavazás eldőlt a Közgyűlésével.", "hu")
    assert m.tgt_only == ()
    # a list too thin to know the language's day names tells nothing (simplemma's Swahili)
    m = match_names(src, "en", "Graham alisema kura kuhusu Kavanaugh imekwisha, alisema Hoffenheim.", "sw")
    assert m.tgt_only == ()


def test_the_first_part_of_a_suspended_compound_is_no_name():
    m = match_names("North and Central American officials met.", "en",
                    "Pohjois- ja Keski-Amerikan viranomaiset tapasivat.", "fi")
    assert "Pohjois" not in [t.surface for t in m.tgt_only]
