"""Flags in languages that appear in none of the dev data (Greek, Polish, Turkish, Dutch,
Ukrainian, Thai, Icelandic, Hebrew): faithful translations raise no flag, and the defects of a
corrupted copy (a number changed, a line left in English, a name swapped) are found.

The texts (``tests/data/fidelity/unseen``) were written for these tests: short news items and
their translations, and for the news item a copy of each translation with four defects (2.4
billion made 3.4 billion, Margrethe Vestager replaced by Ursula von der Leyen, "in New York on
Tuesday" dropped, the last line left in English).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import aligner

pytestmark = pytest.mark.slow  # two encoders over eight languages: about 15 CPU seconds

DATA = Path(__file__).resolve().parents[1] / "data" / "fidelity" / "unseen"


def _real_flags(src: str, tgt: str, tgt_lang: str) -> dict[int, set[str]]:
    c = aligner.compare_files(DATA / src, DATA / tgt, src_lang="en", tgt_lang=tgt_lang, presegmented=True)
    assert [(b.src, b.tgt) for b in c.alignment.beads] == [((k,), (k,)) for k in range(len(c.alignment.beads))]
    out: dict[int, set[str]] = {}
    for k, group in enumerate(c.flags):
        for f in group:
            if f.severity != "info":
                out.setdefault(k, set()).add(f.type)
    return out


@pytest.mark.parametrize(("src", "tgt", "lang"), [
    ("news.en.txt", "news.el.txt", "el"),  # capitalised Σαββατοκύριακο (weekend) is a listed word, no name
    ("news.en.txt", "news.pl.txt", "pl"), ("news.en.txt", "news.tr.txt", "tr"),
    ("news.en.txt", "news.nl.txt", "nl"), ("news.en.txt", "news.uk.txt", "uk"),
    ("news.en.txt", "news.th.txt", "th"),  # no full stops in Thai
    ("plant.en.txt", "plant.is.txt", "is"),  # 12 billion / 12 milljarða
    ("plant.en.txt", "plant.he.txt", "he"),  # 12 billion / 12 מיליארד
])
def test_a_faithful_translation_in_an_unseen_language_raises_no_flag(src, tgt, lang):
    assert _real_flags(src, tgt, lang) == {}


@pytest.mark.parametrize("lang", ["pl", "tr", "nl", "uk", "th", "el"])
def test_defects_are_found_in_an_unseen_language(lang):
    flags = _real_flags("news.en.txt", f"news-defects.{lang}.txt", lang)
    assert "number_mismatch" in flags.get(0, set())
    assert "untranslated" in flags.get(4, set())
    if lang in ("pl", "tr", "nl"):  # a name swapped in the same script; across scripts it is missed
        assert "entity_mismatch" in flags.get(1, set())


@pytest.mark.parametrize(("src", "tgt", "src_lang", "tgt_lang"), [
    ("news.th.txt", "plant.is.txt", "th", "is"), ("news.tr.txt", "plant.en.txt", "tr", "en"),
    ("plant.is.txt", "news.uk.txt", "is", "uk"), ("plant.he.txt", "news.pl.txt", "he", "pl"),
])
def test_two_different_stories_in_unseen_languages_are_not_a_translation(src, tgt, src_lang, tgt_lang):
    # five or six lines a side: the aligner's beads are the best of few pairings, so their
    # margins stand out even where the sentences say nothing alike
    c = aligner.compare_files(DATA / src, DATA / tgt, src_lang=src_lang, tgt_lang=tgt_lang, presegmented=True)
    assert c.verdict == "not a translation", c.translation_evidence


@pytest.mark.parametrize(("src", "tgt", "src_lang", "tgt_lang"), [
    ("news.pl.txt", "news.uk.txt", "pl", "uk"), ("news.th.txt", "news.el.txt", "th", "el"),
    ("plant.he.txt", "plant.is.txt", "he", "is"), ("news.en.txt", "news-defects.th.txt", "en", "th"),
])
def test_translations_between_unseen_languages_are_translations(src, tgt, src_lang, tgt_lang):
    c = aligner.compare_files(DATA / src, DATA / tgt, src_lang=src_lang, tgt_lang=tgt_lang, presegmented=True)
    assert not c.not_a_translation, c.translation_evidence
