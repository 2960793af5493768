"""The shipped lexicon, TSV lexicons, the registry and the dictd builder."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from aligner.errors import ConfigError, InputError
from aligner.lexicon import (SHIPPED_VERSION, TsvLexicon, available_lexicons, load_lexicon, load_lexicon_pair,
                             register_lexicon, word_forms)
from aligner.lexicon.build import _B64, parse_dictd_entry, read_dictd, write_tsv

DATA = Path(__file__).resolve().parents[2] / "src" / "aligner" / "data" / "lexicon"


def test_shipped_lexicon_serves_both_directions():
    en_id = load_lexicon("en", "id")
    id_en = load_lexicon("id", "en")
    assert "pemerintah" in en_id.translations("government")
    assert "government" in id_en.translations("pemerintah")
    assert "tiongkok" in en_id.translations("China")  # case-insensitive
    assert en_id.name == f"en-id:{SHIPPED_VERSION}"


def test_german_french_ships_too():
    de_fr, fr_de = load_lexicon("de", "fr"), load_lexicon("fr", "de")
    assert "sommet" in de_fr.translations("Gipfel")
    assert "gipfel" in fr_de.translations("sommet")
    assert de_fr.name.startswith("de-fr:freedict-")


def test_no_lexicon_for_other_pairs_and_none():
    assert load_lexicon("de", "ko") is None
    assert load_lexicon("en", "id", "none") is None


def test_unknown_name_lists_valid_names():
    with pytest.raises(ConfigError, match="auto"):
        load_lexicon("en", "id", "nonsense")


def test_shipped_data_has_its_licence_beside_it():
    text = (DATA / "LICENSE.txt").read_text("utf-8")
    assert "CC-BY-SA-3.0" in text and "FreeDict" in text
    for name in ("en-id.freedict.tsv", "de-fr.freedict.tsv"):
        assert (DATA / name).stat().st_size > 100_000
        assert name in text


def test_tsv_lexicon_reads_and_reverses(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("# comment\nhouse\trumah\nhouse\tbalai\n\n", "utf-8")
    assert TsvLexicon(path, "en", "id").translations("HOUSE") == frozenset({"rumah", "balai"})
    assert TsvLexicon(path, "id", "en", reverse=True).translations("rumah") == frozenset({"house"})


def test_tsv_lexicon_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("house rumah\n", "utf-8")
    with pytest.raises(InputError, match="bad.tsv:1"):
        TsvLexicon(bad, "en", "id")
    with pytest.raises(ConfigError, match="not found"):
        TsvLexicon(tmp_path / "missing.tsv", "en", "id")


def test_pair_of_an_unprefixed_file_reads_it_backwards(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("rumah\thouse\n", "utf-8")
    forward, backward = load_lexicon_pair("id", "en", str(path))
    assert forward.translations("rumah") == {"house"} and backward.translations("house") == {"rumah"}


def test_language_prefix_sets_the_direction(tmp_path):
    path = tmp_path / "en-id.mine.tsv"
    path.write_text("house\trumah\n", "utf-8")
    forward, backward = load_lexicon_pair("id", "en", str(path))
    assert forward.translations("rumah") == {"house"} and backward.translations("house") == {"rumah"}


def test_registered_lexicon_is_found():
    class Tiny:
        name = "tiny"

        def __init__(self, s: str, t: str) -> None:
            self.src_lang, self.tgt_lang = s, t

        def translations(self, word: str) -> frozenset[str]:
            return frozenset({"x"}) if word == "a" else frozenset()

    register_lexicon("tiny-test", Tiny)
    assert "tiny-test" in available_lexicons()
    assert load_lexicon("en", "fr", "tiny-test").translations("a") == {"x"}


@pytest.mark.parametrize("word, stem", [
    ("pemerintahnya", "pemerintah"), ("mengatakan", "kata"), ("berbicara", "bicara"),
    ("pertandingan", "tanding"), ("orang-orang", "orang"), ("memperpanjang", "panjang"),
    ("menyadari", "sadar"), ("dikatakan", "kata"),
])
def test_indonesian_affixes_are_stripped(word, stem):
    assert stem in word_forms(word, "id")


@pytest.mark.parametrize("word, stem", [
    ("studies", "study"), ("said", "say"), ("married", "marry"), ("running", "run"), ("officers", "officer"),
])
def test_english_inflections_are_stripped(word, stem):
    assert stem in word_forms(word, "en")


def test_parse_dictd_entry_takes_numbered_senses():
    head, words = parse_dictd_entry("run /r/ <v>\n1. menjalankan 2.\nto be in charge\n 3.\nto execute\n"
                                    "2. berlari 2.\nto compete\n3. mengalir, berlari\nto flow\n")
    assert head == "run" and words == ["menjalankan", "berlari", "mengalir"]


def test_parse_dictd_entry_reads_older_and_ding_editions():
    # eng-swh 0.2.2 puts a blank line before the translation; eng-deu (Ding) tags gender and region
    assert parse_dictd_entry("accident /ˈaksɪdənt/ <n>\n\najali\n") == ("accident", ["ajali"])
    head, words = parse_dictd_entry("wrecking company /ɹˈɛkɪŋ/\n [Am.] Abbruchfirma <fem>, Abbruchunternehmen <neut> "
                                    "[constr.]\n   Synonyms: {demolition company}\n")
    assert head == "wrecking company" and words == ["Abbruchfirma", "Abbruchunternehmen"]
    assert parse_dictd_entry("brother /b/ <n>\n[[adik laki-laki]]\n")[1] == ["[[adik laki-laki]]"]  # WikDict kept


def test_write_tsv_single_words(tmp_path):
    pairs = [("house", "rumah"), ("house", "rumah besar"), ("at last", "vihdoin")]
    assert write_tsv(iter(pairs), tmp_path / "o.tsv", single_words=True) == 1


def _b64(n: int) -> str:
    out = ""
    while True:
        out = _B64[n % 64] + out
        n //= 64
        if not n:
            return out


def test_read_dictd_and_write_tsv(tmp_path):
    entries = ["house /h/ <n>\nrumah, balai\nabode\n", "cat /k/ <n>\nkucing\nanimal\n"]
    blob = "".join(entries).encode("utf-8")
    index, pos = [], 0
    for word, entry in zip(("house", "cat"), entries):
        n = len(entry.encode("utf-8"))
        index.append(f"{word}\t{_b64(pos)}\t{_b64(n)}")
        pos += n
    (tmp_path / "d.index").write_text("00databaseinfo\tA\tB\n" + "\n".join(index) + "\n", "utf-8")
    (tmp_path / "d.dict.dz").write_bytes(gzip.compress(blob))
    pairs = list(read_dictd(tmp_path / "d"))
    assert pairs == [("house", "rumah"), ("house", "balai"), ("cat", "kucing")]
    assert write_tsv(iter(pairs), tmp_path / "o.tsv") == 3
    assert (tmp_path / "o.tsv").read_text("utf-8").splitlines()[0] == "cat\tkucing"


def test_common_word_lists_keep_only_lower_case_headwords(tmp_path):
    from aligner.lexicon import common_words
    from aligner.lexicon.build import write_common_words

    out = tmp_path / "xx.words.test.txt"
    n = write_common_words(iter([("academy", "akatemia"), ("Sarah", "Sarah"), ("ox", "härkä"),
                                 ("red tape", "byrokratia"), ("academy", "opisto")]), out)
    assert n == 1 and out.read_text("utf-8") == "academy\n"
    assert "interior" in common_words("en") and "oxford" not in common_words("en") and not common_words("xx")
