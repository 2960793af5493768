"""End marks, opening marks, brackets, quotes and spacing per language conventions."""

from __future__ import annotations

import pytest

from aligner.checks.conventions import conventions


@pytest.mark.parametrize(("name", "src", "tgt", "src_lang", "tgt_lang"), [
    ("endpunc", "Is it ready?", "Apakah sudah siap.", "en", "id"),
    # a quotation closed without its period: the final mark dropped (Arabic, Russian, Chinese)
    ("endpunc", 'Jaynes said: "That is good."', 'قال جاينز: "كان ذلك شيئا جيدًا"', "en", "ar"),
    ("endpunc", 'He said: "Our vaccine is promising."', "Он сказал: «Наша вакцина перспективна»", "en", "ru"),
    ("endpunc", 'It was a "random act."', "这是一起“随机行为”", "en", "zh"),
    # a dash does not excuse a mark left open where it stands after a closing mark or among words
    ("quotes", '"My "cousin" was hurt," he said.', "„Az „unokatestvérem megsérült” – mondta.", "en", "hu"),
    ("quotes", '"We need "a deal"," says Clark.', "«Нам «нужна сделка», — говорит Кларк.", "en", "ru"),
    # a dash closes a quotation only where the data says so: in Russian it is also a copula
    ("quotes", 'CBS had "3.1 million", NBC 2.9 million.', "«CBS — 3,1 млн, NBC — 2,9 млн.", "en", "ru"),
    # where words do take apostrophes, a ' between letters stays one
    ("quotes", "He said 'it's fine' twice.", "Dia bilang 'it's fine twice.", "en", "id"),
    ("endpunc", "It is ready.", "Sudah siap", "en", "id"),
    ("endpunc", "Is it ready?", "พร้อมแล้ว", "en", "th"),  # a question mark dropped, even in Thai
    ("endpunc", "Is it ready?", "¿Está listo.", "en", "es"),
    ("endpunc", "Is it ready?", "Está listo?", "en", "es"),
    ("startpunc", "– Yes, he said.", "Ya, katanya.", "en", "id"),
    # a dash where the language sets no speech off with dashes is a mark put in
    ("startpunc", '"Yes," he said.', "– Ya, katanya.", "en", "id"),
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
    # a question ended as a statement, in languages whose question mark is their own
    ("endpunc", "Where are you going?", "Πού πας.", "en", "el"),
    ("endpunc", "Where are you going?", "Դուք գնում եք տուն։", "en", "hy"),
    ("endpunc", "Where are you going?", "どこに行きます。", "en", "ja"),  # no particle: a statement
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
    # a dialogue dash of the language sets speech off as a quotation mark does, either side
    ("startpunc", '"Do you think so?', "– Valóban úgy gondolja?”", "en", "hu"),
    ("startpunc", "Trump asked in his mock voice.", "– kérdezte Trump vicces hangon.", "en", "hu"),
    ("startpunc", "—Sí, dijo.", "Yes, he said.", "es", "en"),
    ("endpunc", 'They must "resist."', 'Mereka harus "melawan".', "en", "id"),
    # Thai writes no full stop; Khmer ends a sentence with its khan
    ("endpunc", "Shares fell 1.5% on Tuesday.", "หุ้นร่วงลง 1.5% เมื่อวันอังคาร", "en", "th"),
    ("endpunc", "Shares fell on Tuesday.", "ភាគហ៊ុនបានធ្លាក់ចុះកាលពីថ្ងៃអង្គារ។", "en", "km"),
    # a closing quotation mark ends a sentence by itself where the language's data says so
    ("endpunc", '"We are doing great," he said.', "「北朝鮮と上手くやれている」", "en", "ja"),
    # a final mark before a closing quote of another style still ends the sentence
    ("endpunc", 'Clean water is scarce."', "Puhdas vesi on vähissä.“", "en", "fi"),
    # a dialogue dash closes the quotation (Hungarian „Igen – mondta.)
    ("quotes", '"Yes," he said.', "„Igen – mondta.", "en", "hu"),
    ("quotes", '"It is bad."', "– Nagyon rossz a helyzet.”", "en", "hu"),
    # a straight ' before a particle closes the quotation where words take no apostrophe
    ("quotes", 'If the US took "corresponding measures".', "미국이 '대응 조치'를 취하면", "en", "ko"),
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
    # Greek writes its question mark as ";", Armenian on the word it asks about (the sentence
    # ends with its full stop), Burmese and Tibetan end a question with their ordinary stop
    ("endpunc", "Where are you going?", "Πού πας;", "en", "el"),
    ("endpunc", "Where are you going?", "Ու՞ր ես գնում։", "en", "hy"),
    ("endpunc", "That is great!", "Դա հիանալի է՜", "en", "hy"),
    ("endpunc", "Where are you going?", "ဘယ်သွားမလဲ။", "en", "my"),
    ("endpunc", "ဘယ်သွားမလဲ။", "Where are you going?", "my", "en"),
    ("endpunc", "Where are you going?", "ཁྱེད་རང་ག་པར་འགྲོ་གི་ཡོད།", "en", "bo"),
    # a question asked by its final particle and closed with a full stop
    ("endpunc", "Where are you going?", "どこに行きますか。", "en", "ja"),
    ("endpunc", "どこに行きますか。", "Where are you going?", "ja", "en"),
    ("endpunc", "Where are you going?", "어디 갑니까.", "en", "ko"),
])
def test_not_flagged(flagged, name, src, tgt, src_lang, tgt_lang):
    assert flagged(name, src, tgt, src_lang, tgt_lang) == []


def test_conventions_are_data_with_defaults_for_unknown_languages():
    assert conventions("fr").space_before == ":;?!\u00bb"
    assert conventions("fr-CA").quotes == conventions("fr").quotes
    assert not conventions("xx").known and conventions("xx").space_before == ""
    assert conventions("es").openers["question"] == "\u00bf"
