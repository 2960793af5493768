"""The checks in ``compare``: --checks, --glossary, reports, exit codes, the seed pair."""

from __future__ import annotations

import json

import pytest

from aligner._version import CHECKS_VERSION
from aligner.cli import main

FAST = ["--encoder", "none", "--fidelity-encoder", "none"]
EN = "The budget rose by 5%. See https://example.org/report for details. The minister agreed.\n"
ID = "Dana naik 5%. Lihat https://example.org/laporan untuk rinciannya. Menteri itu setuju.\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "en.txt").write_text(EN, "utf-8")
    (tmp_path / "id.txt").write_text(ID, "utf-8")
    (tmp_path / "terms.tsv").write_text("en\tid\nbudget\tanggaran\n", "utf-8")
    return tmp_path


def flags(path):
    data = json.loads(path.read_text("utf-8"))
    return [f for b in data["beads"] for f in b["flags"]], data


def test_compare_runs_checks_and_glossary(files):
    out = files / "r.json"
    args = ["compare", str(files / "en.txt"), str(files / "id.txt"), "--src-lang", "en", "--tgt-lang", "id", *FAST]
    assert main([*args, "--glossary", str(files / "terms.tsv"), "-o", str(out)]) == 0
    found, data = flags(out)
    kinds = {f["message"].split("]")[0] + "]" for f in found if f["message"].startswith("[")}
    assert {"[urls]", "[glossary]"} <= kinds
    url = next(f for f in found if f["message"].startswith("[urls]"))
    assert [e["text"] for e in url["evidence"]] == ["https://example.org/report", "https://example.org/laporan"]
    assert f"|chk:{CHECKS_VERSION}:all|gloss:terms.tsv-" in data["signature"]
    assert main([*args, "--checks", "all,-urls", "-o", str(out)]) == 0
    found, data = flags(out)
    assert not any(f["message"].startswith(("[urls]", "[glossary]")) for f in found)
    assert f"|chk:{CHECKS_VERSION}:all,-urls" in data["signature"]


@pytest.mark.parametrize("extra", [["--checks", "nosuch"], ["--glossary", "missing.tsv"]])
def test_bad_check_options_exit_2(files, capsys, extra):
    code = main(["compare", str(files / "en.txt"), str(files / "id.txt"), *FAST, *extra])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_seed_pair_raises_no_check_flags(seed_paths):
    import aligner

    config = aligner.Config(encoder="none", fidelity_encoder="none")
    c = aligner.compare_files(seed_paths["000"], seed_paths["001"], config=config)
    messages = [f.message for group in c.flags for f in group]
    assert not [m for m in messages if m.startswith("[")], messages


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="en" target-language="id" datatype="plaintext" original="ui"><body>
  <trans-unit id="1"><source>Hello {name}, you have %d new messages.</source><target>Halo, Anda punya %d pesan baru.</target></trans-unit>
  <trans-unit id="2"><source>Save the budget file.</source><target>Simpan berkas bujet.</target></trans-unit>
  <trans-unit id="3"><source>Open the settings.</source><target>Buka pengaturan.</target></trans-unit>
 </body></file>
</xliff>
"""


def test_check_runs_the_checks_on_a_bilingual_file_and_fails_on_them(files, capsys):
    xlf = files / "ui.xlf"
    xlf.write_text(XLIFF, "utf-8")
    glossary = files / "ui.tsv"
    glossary.write_text("en\tid\nbudget\tanggaran\tbujet\n", "utf-8")
    out = files / "ui.json"
    code = main(["check", str(xlf), "--glossary", str(glossary), *FAST, "--fail-on", "major", "-o", str(out)])
    found, _ = flags(out)
    assert {f["message"].split("]")[0][1:] for f in found} >= {"placeholders", "glossary", "forbidden"}
    assert code == 1 and "--fail-on major" in capsys.readouterr().err
    assert main(["check", str(xlf), *FAST, "--checks", "none", "--fail-on", "major", "-o", str(out)]) == 0
