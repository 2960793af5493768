"""Strings and keyword settings in align/compare; a Comparison read as rows and shown."""

import io

import pytest

import aligner
from aligner.compare.rows import Row
from aligner.errors import ConfigError, InputError

SRC = "Harga naik 5 persen. Pemerintah diam."
TGT = "Prices rose 6 percent. The government was silent."


def test_align_takes_strings_and_keyword_settings():
    a = aligner.align(SRC, TGT, src_lang="id", tgt_lang="en", encoder="none")
    assert [b.kind for b in a.beads] == ["1-1", "1-1"]


def test_compare_takes_strings_and_detects_languages_when_not_given():
    c = aligner.compare(SRC, TGT, encoder="none")
    assert (c.src.lang, c.tgt.lang) == ("id", "en")
    assert c.config.encoder == "none"


def test_encoder_none_does_not_load_use_for_fidelity():
    assert aligner.Config(encoder="none").fidelity_encoder == "none"
    assert aligner.DEFAULT_CONFIG.with_(encoder="none").fidelity_encoder == "none"
    # ... unless asked for
    assert aligner.Config(encoder="none", fidelity_encoder="use").fidelity_encoder == "use"
    assert aligner.Config(encoder="none", fidelity_encoder="use").with_(encoder="e5").fidelity_encoder == "use"
    c = aligner.compare(SRC, TGT, src_lang="id", tgt_lang="en", encoder="none")
    assert "|fenc:none|" in c.signature


def test_default_config_keeps_use_for_fidelity():
    assert aligner.Config().fidelity_encoder == "use"
    assert aligner.Config(encoder="e5").fidelity_encoder == "use"


def test_unknown_keyword_setting_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown setting.*encodr"):
        aligner.compare(SRC, TGT, encodr="none")


def test_other_argument_types_are_refused():
    with pytest.raises(InputError, match="src must be a Document or a str"):
        aligner.align(3, TGT)


def test_comparison_iterates_as_rows_and_counts_flags_as_a_property():
    c = aligner.compare(SRC, TGT, src_lang="id", tgt_lang="en", encoder="none")
    rows = list(c)
    assert len(rows) == len(c.alignment.beads) == len(c.rows)
    bead, source, target, score, flags = rows[0]
    assert isinstance(rows[0], Row)
    assert source == "Harga naik 5 persen." and target == "Prices rose 6 percent."
    assert score is c.scores[0] and flags == c.flags[0]
    assert any(f.type == "number_mismatch" for f in flags)
    assert c.flag_counts["number_mismatch"] >= 1
    assert c.flag_counts() == dict(c.flag_counts)  # the old call form still works
    assert len(repr(c.flag_counts)) < 200


def test_show_prints_the_aligned_sentences():
    c = aligner.compare(SRC, TGT, src_lang="id", tgt_lang="en", encoder="none")
    out = io.StringIO()
    c.show(file=out)
    text = out.getvalue()
    assert "  id  Harga naik 5 persen." in text and "  en  Prices rose 6 percent." in text
    assert "number_mismatch (major)" in text
    out = io.StringIO()
    c.show(flagged=True, file=out)
    assert "The government" not in out.getvalue()


def test_show_marks_omissions():
    c = aligner.compare("Harga naik. Pemerintah diam. Rakyat marah besar sekali hari ini.",
                        "Prices rose. The government was silent.", src_lang="id", tgt_lang="en",
                        encoder="none")
    out = io.StringIO()
    c.show(file=out)
    assert [b.kind for b in c.alignment.beads] == ["1-1", "1-1", "1-0"]
    assert out.getvalue().endswith("  en  (none: an omission)\n")
