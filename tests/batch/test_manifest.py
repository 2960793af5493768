"""Manifest parsing: header, columns, names, paths relative to the manifest's folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.batch import parse_manifest, read_manifest
from aligner.batch.manifest import check_name
from aligner.errors import InputError


def test_relative_paths_are_joined_to_the_manifest_folder_and_absolute_ones_kept(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "pairs.tsv").write_text("name\tsrc\ttgt\na\tdocs/a.en\t/abs/a.id\n", "utf-8")
    (entry,) = read_manifest(folder / "pairs.tsv")
    assert entry.src == str(folder.absolute() / "docs" / "a.en")
    assert entry.tgt == "/abs/a.id"
    assert (entry.index, entry.line, entry.name) == (0, 2, "a")


def test_blank_lines_bom_and_crlf_are_accepted_and_lines_counted():
    text = "\ufeffname\tsrc\ttgt\r\na\ta.en\ta.id\r\n\r\nb\tb.en\tb.id\r\n"
    entries = parse_manifest(text, "/base")
    assert [(e.name, e.line, e.index) for e in entries] == [("a", 2, 0), ("b", 4, 1)]
    assert entries[1].src == "/base/b.en"


def test_header_only_gives_no_pairs():
    assert parse_manifest("name\tsrc\ttgt\n", "/base") == ()


@pytest.mark.parametrize("text, message", [
    ("", "empty"),
    ("a\ta.en\ta.id\n", ":1: the header must be"),
    ("name,src,tgt\na,a.en,a.id\n", ":1: the header must be"),
    ("name\tsrc\ttgt\na\ta.en\n", ":2: expected 3 tab-separated fields (name, src, tgt), got 2"),
    ("name\tsrc\ttgt\na\ta.en\ta.id\nb\tb.en\tb.id\textra\n", ":3: expected 3 tab-separated fields"),
    ("name\tsrc\ttgt\na\t\ta.id\n", ":2: the src path is empty"),
    ("name\tsrc\ttgt\n../x\ta.en\ta.id\n", ":2: bad name '../x'"),
    ("name\tsrc\ttgt\nd/x\ta.en\ta.id\n", ":2: bad name 'd/x'"),
    ("name\tsrc\ttgt\nsummary\ta.en\ta.id\n", "reserved for the run's own files"),
    ("name\tsrc\ttgt\nconsistency\ta.en\ta.id\n", "reserved for the run's own files"),
    ("name\tsrc\ttgt\na\ta.en\ta.id\na\tb.en\tb.id\n", ":3: the name 'a' is already used on line 2"),
    ("name\tsrc\ttgt\nDoc\ta.en\ta.id\n\ndoc\tb.en\tb.id\n", ":4: the name 'doc' is already used on line 2"),
])
def test_bad_manifests_raise_input_error_naming_the_line(text, message):
    with pytest.raises(InputError) as info:
        parse_manifest(text, "/base", "pairs.tsv")
    assert message in str(info.value)
    assert str(info.value).startswith("pairs.tsv")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("name", ["", " ", "..", "a..b", "a/b", "a\\b", ".hidden", "tab\x01", "summary", "Summary"])
def test_unsafe_names_are_rejected(name):
    assert check_name(name) is not None


@pytest.mark.parametrize("name", ["bbc.381646", "doc_01", "Berita-1", "新闻"])
def test_plain_names_are_accepted(name):
    assert check_name(name) is None


def test_missing_and_undecodable_manifests(tmp_path):
    with pytest.raises(InputError, match="no such manifest file"):
        read_manifest(tmp_path / "nope.tsv")
    with pytest.raises(InputError, match="is a directory"):
        read_manifest(tmp_path)
    bad = Path(tmp_path / "latin1.tsv")
    bad.write_bytes("name\tsrc\ttgt\ncaf\xe9\ta\tb\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_manifest(bad)
