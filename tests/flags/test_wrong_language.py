"""The wrong-language flag reads a code as the language it names, whatever form the user gave."""

from __future__ import annotations

import pytest

EN = ("The president visited the city yesterday and met with the students there.\n"
      "He said that the government will build a new school next year.\n")
TEXTS = {
    "nb": ("Presidenten besøkte byen i går og møtte studentene der.\n"
           "Han sa at regjeringen vil bygge en ny skole neste år.\n"),
    "tl": ("Bumisita ang pangulo sa lungsod kahapon at nakipagkita sa mga mag-aaral doon.\n"
           "Sinabi niya na magtatayo ang pamahalaan ng bagong paaralan sa susunod na taon.\n"),
}


@pytest.mark.parametrize(("code", "text"), [("nb", "nb"), ("nob", "nb"), ("no", "nb"), ("tl", "tl"), ("fil", "tl")])
def test_a_faithful_translation_is_not_in_the_wrong_language(code, text):
    import aligner

    found = aligner.compare(EN, TEXTS[text], src_lang="en", tgt_lang=code, encoder="none")
    types = {flag.type for bead_flags in found.flags for flag in bead_flags}
    assert not {"wrong_language", "untranslated"} & types


def test_a_sentence_in_a_third_language_still_is_flagged():
    import aligner

    fr = ("Le président a visité la ville hier et a rencontré les étudiants sur place.\n"
          "Il a dit que le gouvernement construira une nouvelle école l'année prochaine.\n")
    found = aligner.compare(EN, fr, src_lang="en", tgt_lang="de", encoder="none")
    assert all(any(f.type == "wrong_language" for f in bead_flags) for bead_flags in found.flags)
