"""Which encoder the fidelity of a pair reads."""

from __future__ import annotations

from aligner.compare.pair import fidelity_encoder_for
from aligner.config import Config
from aligner.embed.coverage import covers


def test_the_fidelity_encoder_where_it_knows_the_pair():
    assert fidelity_encoder_for(Config(), "en", "de") == "use"


def test_the_pairs_auto_encoder_where_the_fidelity_encoder_does_not_know_a_language():
    assert covers("use", "en", "fi") is False and covers("e5", "en", "fi")
    assert fidelity_encoder_for(Config(), "en", "fi") == "e5"


def test_a_named_encoder_is_kept():
    assert fidelity_encoder_for(Config(encoder="use"), "en", "fi") == "use"
    assert fidelity_encoder_for(Config(fidelity_encoder="none"), "en", "fi") == "none"
    assert fidelity_encoder_for(Config(encoder="none"), "en", "fi") == "none"


def test_the_signature_names_the_encoder_the_fidelity_read():
    import aligner

    c = aligner.compare("The council met on Monday.", "Valtuusto kokoontui maanantaina.",
                        src_lang="en", tgt_lang="fi")
    assert "|fenc:use=e5|" in c.signature
    same = aligner.compare("The council met on Monday.", "Der Rat tagte am Montag.",
                           src_lang="en", tgt_lang="de")
    assert "|fenc:use|" in same.signature
