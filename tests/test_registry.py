"""The encoder and lexicon registries: built once, and a name registered again is rebuilt."""

from __future__ import annotations

import doctest

import numpy as np
import pytest

import aligner.registry
from aligner.embed.base import CachedEncoder, get_encoder, register_encoder
from aligner.errors import ConfigError
from aligner.lexicon import load_lexicon, load_lexicon_pair, register_lexicon


def test_doctests():
    assert doctest.testmod(aligner.registry).failed == 0


def _constant(value: float):
    return lambda: CachedEncoder("const-test", lambda batch: np.full((len(batch), 3), value, np.float32))


def test_an_encoder_is_built_once_and_rebuilt_when_registered_again():
    register_encoder("const-test", _constant(1.0))
    first = get_encoder("const-test")
    assert get_encoder("const-test") is first
    register_encoder("const-test", _constant(-1.0))
    second = get_encoder("const-test")
    assert second is not first
    assert float(second.encode(["x"])[0, 0]) < 0  # the new factory's vectors


@pytest.mark.parametrize("name", ["none", "st:model"])
def test_reserved_encoder_names_are_refused(name):
    with pytest.raises(ConfigError, match="reserved"):
        register_encoder(name, _constant(1.0))


class _Words:
    def __init__(self, word: str, src_lang: str, tgt_lang: str) -> None:
        self.src_lang, self.tgt_lang, self.name, self.word = src_lang, tgt_lang, f"words-{word}", word

    def translations(self, word: str) -> frozenset[str]:
        return frozenset({self.word}) if word == "a" else frozenset()


def test_a_lexicon_registered_again_is_rebuilt():
    register_lexicon("words-test", lambda s, t: _Words("x", s, t))
    assert load_lexicon("en", "fr", "words-test").translations("a") == {"x"}
    assert load_lexicon("en", "fr", "words-test") is load_lexicon("en", "fr", "words-test")
    register_lexicon("words-test", lambda s, t: _Words("y", s, t))
    assert load_lexicon("en", "fr", "words-test").translations("a") == {"y"}


def test_a_tsv_lexicon_follows_its_file_and_names_its_content(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("house\trumah\n", "utf-8")
    first, backward = load_lexicon_pair("en", "id", str(path))
    assert first.translations("house") == {"rumah"} and backward.translations("rumah") == {"house"}
    assert first.name.startswith("mine@") and len(first.name) == len("mine@") + 8
    assert load_lexicon("en", "id", str(path)) is first  # same content: kept
    path.write_text("house\tbalai\n", "utf-8")
    second = load_lexicon("en", "id", str(path))
    assert second.translations("house") == {"balai"}
    assert second.name != first.name  # so the signature tells the two apart
