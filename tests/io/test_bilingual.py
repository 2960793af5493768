"""Bilingual files (XLIFF 1.2/2.0, TMX, PO) read as units and checked as they stand."""

from __future__ import annotations

import pytest

import aligner
from aligner.errors import InputError
from aligner.io.bilingual import read_bilingual, unit_documents

pytest.importorskip("translate.storage")

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="id" target-language="en-US" datatype="plaintext" original="a.txt"><body>
<trans-unit id="u1"><source>Harga naik 5 persen.</source><target>Prices rose 6 percent.</target></trans-unit>
<trans-unit id="u2" translate="no"><source>ACME</source></trans-unit>
<trans-unit id="u3"><source>Pemerintah diam.</source><target></target></trans-unit>
<trans-unit id="u4"><source>Rakyat &lt;b&gt; marah.</source><target>People &lt;b&gt; are angry.</target></trans-unit>
</body></file></xliff>
"""
XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="id" trgLang="en">
<file id="f1"><unit id="a"><segment><source>Harga naik 5 persen.</source><target>Prices rose 5 percent.</target></segment></unit>
<unit id="b"><segment><source>Pemerintah diam.</source><target>The government was silent.</target></segment></unit></file></xliff>
"""
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="id" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x"
 creationtool="x" creationtoolversion="1"/><body>
<tu tuid="1"><tuv xml:lang="id"><seg>Harga naik 5 persen.</seg></tuv><tuv xml:lang="en"><seg>Prices rose 5 percent.</seg></tuv></tu>
<tu tuid="2"><tuv xml:lang="id"><seg>Pemerintah diam.</seg></tuv><tuv xml:lang="en"><seg>The government was silent.</seg></tuv></tu>
</body></tmx>
"""
PO = """msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Harga naik 5 persen."
msgstr "Prices rose 5 percent."

#~ msgid "Lama."
#~ msgstr "Old."

msgid "Pemerintah diam."
msgstr "The government was silent."
"""


@pytest.fixture
def files(tmp_path):
    out = {}
    for name, text in (("a.xlf", XLIFF12), ("b.xliff", XLIFF20), ("c.tmx", TMX), ("d.po", PO)):
        (tmp_path / name).write_text(text, "utf-8")
        out[name] = tmp_path / name
    return out


def test_xliff12_units_languages_and_skips(files):
    bf = read_bilingual(files["a.xlf"])
    assert (bf.format, bf.version, bf.src_lang, bf.tgt_lang) == ("xliff", "1.2", "id", "en")
    assert [u.id for u in bf.units] == ["u1", "u3", "u4"]  # translate="no" left out
    assert bf.units[2].source == "Rakyat <b> marah."


@pytest.mark.parametrize("name, fmt", [("b.xliff", "xliff"), ("c.tmx", "tmx"), ("d.po", "po")])
def test_other_formats(files, name, fmt):
    bf = read_bilingual(files[name])
    assert bf.format == fmt
    assert [u.source for u in bf.units] == ["Harga naik 5 persen.", "Pemerintah diam."]
    assert [u.target for u in bf.units] == ["Prices rose 5 percent.", "The government was silent."]
    assert bf.tgt_lang == "en"


def test_format_is_told_by_content(tmp_path):
    path = tmp_path / "units.txt"
    path.write_text(TMX, "utf-8")
    assert read_bilingual(path).format == "tmx"


def test_units_become_one_to_one_beads_and_empty_targets_omissions(files):
    src, tgt, alignment = unit_documents(read_bilingual(files["a.xlf"]))
    assert src.sentence_texts == ("Harga naik 5 persen.", "Pemerintah diam.", "Rakyat <b> marah.")
    assert tgt.sentence_texts == ("Prices rose 6 percent.", "People <b> are angry.")
    assert [b.kind for b in alignment.beads] == ["1-1", "1-0", "1-1"]


def test_check_file_flags_units(files):
    c = aligner.check_file(files["a.xlf"], encoder="none")
    kinds = [[f.type for f in group] for group in c.flags]
    assert "number_mismatch" in kinds[0] and "omission" in kinds[1]


def test_not_a_bilingual_file(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text("Just text. Nothing more.\n", "utf-8")
    with pytest.raises(InputError, match="not a bilingual file"):
        read_bilingual(path)


def test_broken_xml_is_a_one_line_input_error(tmp_path):
    path = tmp_path / "a.tmx"
    path.write_text(TMX[:300], "utf-8")
    with pytest.raises(InputError, match="cannot parse the TMX file") as info:
        read_bilingual(path)
    assert "\n" not in str(info.value)
