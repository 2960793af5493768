"""The document verdict "not a translation" and the evidence it gives."""

from __future__ import annotations

import aligner

EN = ["Attempted murder charge over Belfast restaurant stabbing.",
      "A 45-year-old man has been charged with attempted murder after a man was stabbed in a restaurant.",
      "The incident happened in Ballyhackamore, police said.",
      "The defendant is expected to appear before the magistrates' court on Monday.",
      "The charges will be reviewed by the Public Prosecution Service."]
ID = ["Tuduhan percobaan pembunuhan atas penikaman di restoran Belfast.",
      "Seorang pria berusia 45 tahun didakwa melakukan percobaan pembunuhan setelah seorang pria ditikam di restoran."]


def _lines(lines: list[str], lang: str) -> aligner.Document:
    return aligner.from_text("\n".join(lines), lang, presegmented=True)


def test_lines_left_in_the_source_language_are_no_evidence_against_a_translation():
    # three of five lines copied untranslated: a bad translation, not another text
    c = aligner.compare(_lines(EN, "en"), _lines(ID + EN[2:], "id"))
    assert any(f.type == "untranslated" for group in c.flags for f in group)
    assert not c.not_a_translation and c.translation_evidence == ""


def test_a_short_text_on_another_story_is_not_a_translation():
    other = ["Pemerintah akan membangun dua pembangkit listrik baru pada tahun 2030.",
             "Harga beras naik tiga persen di pasar tradisional.",
             "Tim nasional kalah dua gol tanpa balas di Jakarta.",
             "Hujan deras menyebabkan banjir di beberapa desa.",
             "Museum itu dibuka kembali setelah renovasi selama setahun."]
    c = aligner.compare(_lines(EN, "en"), _lines(other, "id"))
    assert c.verdict == "not a translation"
    assert "median similarity" in c.translation_evidence
