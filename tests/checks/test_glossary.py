"""Glossaries: TSV and TBX readers, inflection-aware matching, forbidden terms, orientation."""

from __future__ import annotations

import pytest

from aligner.checks import load_glossary, read_tbx_glossary, read_tsv_glossary
from aligner.errors import ConfigError, InputError

from .conftest import messages

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="1"><langSet xml:lang="en"><tig><term>save</term></tig></langSet>
<langSet xml:lang="de"><tig><term>speichern</term></tig>
<tig><term>sichern</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry></body></text></martif>
"""


@pytest.fixture
def tsv(tmp_path):
    path = tmp_path / "terms.tsv"
    path.write_text("# terms\nen\tid\nbudget\tanggaran\tbujet\nhealth minister\tmenteri kesehatan\n"
                    "study\tpenelitian|kajian\n", "utf-8")
    return path


def test_tsv_glossary_term_missing_and_found(tsv):
    g = read_tsv_glossary(tsv)
    assert len(g) == 3 and (g.src_lang, g.tgt_lang) == ("en", "id")
    assert messages("glossary", "The budget rose.", "Dana naik.", glossary=g)
    assert messages("glossary", "The budget rose.", "Anggaran naik.", glossary=g) == []
    assert messages("glossary", "The Health Minister spoke.", "Menteri Kesehatan berbicara.", glossary=g) == []
    assert messages("glossary", "The Health Minister spoke.", "Menteri itu berbicara.", glossary=g)


def test_matching_knows_inflection(tsv):
    g = read_tsv_glossary(tsv)
    assert messages("glossary", "Two studies agree.", "Dua kajian sepakat.", glossary=g) == []
    assert messages("glossary", "Two studies agree.", "Dua riset sepakat.", glossary=g)
    assert messages("glossary", "The budgets rose.", "Anggarannya naik.", glossary=g) == []


def test_forbidden_terms(tsv):
    g = read_tsv_glossary(tsv)
    (msg,) = messages("forbidden", "The budget rose.", "Bujet naik.", glossary=g)
    assert "'Bujet'" in msg and "'anggaran'" in msg


def test_glossary_is_reversed_or_skipped_for_other_pairs(tsv):
    g = read_tsv_glossary(tsv)
    assert messages("glossary", "Anggaran naik.", "The fund rose.", "id", "en", glossary=g)
    assert messages("glossary", "Anggaran naik.", "The budget rose.", "id", "en", glossary=g) == []
    assert messages("glossary", "The budget rose.", "Das Geld stieg.", "en", "de", glossary=g) == []


def test_tbx_glossary(tmp_path):
    path = tmp_path / "terms.tbx"
    path.write_text(TBX, "utf-8")
    g = read_tbx_glossary(path, "en", "de")
    assert messages("glossary", "Save the file.", "Datei sichern.", "en", "de", glossary=g)
    assert messages("forbidden", "Save the file.", "Datei sichern.", "en", "de", glossary=g)
    assert messages("glossary", "Save the file.", "Datei speichern.", "en", "de", glossary=g) == []
    assert len(load_glossary(path, "en", "de")) == 1


def test_spaceless_terms_match_as_substrings(tmp_path):
    path = tmp_path / "zh.tsv"
    path.write_text("en\tzh\nbudget\t预算\n", "utf-8")
    g = read_tsv_glossary(path)
    assert messages("glossary", "The budget rose.", "资金增加了。", "en", "zh", glossary=g)
    assert messages("glossary", "The budget rose.", "预算增加了。", "en", "zh", glossary=g) == []


@pytest.mark.parametrize(("text", "error"), [
    ("budget\n", InputError), ("a\tb\tc\td\n", InputError), ("# nothing\n", InputError),
])
def test_bad_tsv_files(tmp_path, text, error):
    path = tmp_path / "bad.tsv"
    path.write_text(text, "utf-8")
    with pytest.raises(error):
        read_tsv_glossary(path)


def test_missing_files(tmp_path):
    with pytest.raises(ConfigError):
        load_glossary(tmp_path / "nope.tsv")
    path = tmp_path / "bad.tbx"
    path.write_text("<martif", "utf-8")
    with pytest.raises(InputError):
        read_tbx_glossary(path, "en", "de")
