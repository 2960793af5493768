"""Issue 22 case 7: the public API checks its arguments at the door and raises its own errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import aligner
from aligner import ConfigError, InputError, Limits, from_text
from aligner.cli import main

FAST = aligner.Config(encoder="none", fidelity_encoder="none", lexicon="none")


@pytest.fixture(scope="module")
def doc():
    return from_text("The price rose. The minister said nothing.", "en")


@pytest.mark.parametrize("call", [
    lambda d: aligner.align(None, None),
    lambda d: aligner.align(d, b"bytes", FAST),
    lambda d: aligner.compare(d, d, "fast"),
    lambda d: aligner.compare(d, d, FAST, limits=5),
    lambda d: aligner.compare(d, 3),
    lambda d: aligner.load(None),
    lambda d: aligner.load(Path("x.txt"), limits="big"),
    lambda d: aligner.from_text(None, "en"),
    lambda d: aligner.Config(max_bead=2.5),
    lambda d: aligner.Config(max_bead=True),
    lambda d: aligner.Config(encoder=None),
    lambda d: aligner.Config(encode_budget="many"),
    lambda d: aligner.Limits(max_sentence_chars=0),
    lambda d: aligner.compare_set_files(42),
    lambda d: aligner.compare_set_files([Path("a"), 3]),
], ids=["align-None", "align-bytes", "compare-config-str", "limits-int", "compare-int", "load-None",
        "load-limits-str", "from_text-None", "max_bead-float", "max_bead-bool", "encoder-None",
        "budget-str", "limits-zero", "set-int", "set-mixed"])
def test_wrong_arguments_raise_config_error(doc, call):
    with pytest.raises((ConfigError, InputError)) as info:  # a wrong document: InputError (api._document)
        call(doc)
    assert "\n" not in str(info.value)


def test_compare_set_files_takes_one_path_as_one_path(tmp_path):
    """``compare_set_files("path")`` iterated the string and started loading ``/``."""
    with pytest.raises(InputError, match="at least two files, got 1"):
        aligner.compare_set_files(str(tmp_path / "nowhere"))


def test_limits_are_settable_from_the_api(tmp_path, doc):
    path = tmp_path / "a.txt"
    path.write_text("One sentence here. " * 20, "utf-8")
    with pytest.raises(InputError, match="more than the limit of 100 bytes"):
        aligner.load(path, "en", limits=Limits(max_bytes=100))
    long = from_text("word " * 100 + ".", "en")
    with pytest.raises(InputError, match=r"sentence 1 has 501 characters, more than the limit of 100 \(Limits.max_sentence_chars\)"):
        aligner.compare(long, doc, FAST, limits=Limits(max_sentence_chars=100))
    with pytest.raises(InputError, match="Limits.max_sentences"):
        aligner.align(doc, doc, FAST, limits=Limits(max_sentences=1))
    assert aligner.align(doc, doc, FAST, limits=Limits(max_sentences=2)).beads


@pytest.mark.parametrize("flag, value, message", [
    ("--max-bytes", "100", "more than the limit of 100 bytes"),
    ("--max-sentences", "1", "Limits.max_sentences"),
    ("--max-sentence-chars", "10", "Limits.max_sentence_chars"),
])
def test_limits_are_settable_from_the_cli(seed_paths, capsys, flag, value, message):
    code = main(["compare", str(seed_paths["000"]), str(seed_paths["001"]), flag, value,
                 "--encoder", "none", "--fidelity-encoder", "none"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and message in err


def test_a_bad_limit_flag_is_a_usage_error(seed_paths, capsys):
    with pytest.raises(SystemExit) as info:
        main(["segment", str(seed_paths["000"]), "--max-bytes", "0"])
    assert info.value.code == 2 and "must be at least 1" in capsys.readouterr().err


@pytest.mark.slow
def test_scheduler_that_is_not_an_address_exits_2(tmp_path, capsys):
    """``--scheduler 'not a url'`` was an internal error with exit 1."""
    pytest.importorskip("distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.en").write_text("Rain fell.\n", "utf-8")
    (folder / "a.id").write_text("Hujan turun.\n", "utf-8")
    (folder / "m.tsv").write_text("name\tsrc\ttgt\na\ta.en\ta.id\n", "utf-8")
    code = main(["batch", str(folder / "m.tsv"), "-o", str(tmp_path / "out"), "--executor", "dask",
                 "--scheduler", "not a url", "--encoder", "none", "--fidelity-encoder", "none"])
    err = capsys.readouterr().err
    assert code == 2 and "is not a Dask scheduler address" in err and err.count("\n") == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_loop_is_named_on_the_cli(tmp_path, seed_paths, capsys):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    code = main(["compare", str(loop), str(seed_paths["001"])])
    err = capsys.readouterr().err
    assert code == 2 and "symbolic link loop" in err and "no such file" not in err


@pytest.mark.parametrize("call", [
    lambda: aligner.from_text("Hello there.", "xx"),
    lambda: aligner.compare("Hi.", "Halo.", src_lang="xx", tgt_lang="id", encoder="none"),
], ids=["from_text", "compare"])
def test_unknown_language_code_is_a_config_error(call):
    """``lang='xx'`` was accepted (the check itself lives in language.py, issue 16)."""
    with pytest.raises(ConfigError, match="'xx' is not a known language code"):
        call()
