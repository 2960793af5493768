"""Consistency across documents: ``batch`` writes consistency.json; ``compare-set`` too."""

from __future__ import annotations

import json

import pytest

from aligner.checks import across_comparisons, from_reports
from aligner.cli import main

FAST = ["--encoder", "none", "--fidelity-encoder", "none"]
A_EN = "Click the button to save your work. The weather was fine.\n"
A_ID = "Klik tombol untuk menyimpan pekerjaan Anda. Cuacanya cerah.\n"
B_EN = "Click the button to save your work. The game starts at noon.\n"
B_ID = "Tekan tombol itu agar pekerjaan Anda tersimpan. Pertandingan dimulai siang hari.\n"


def write(tmp_path):
    for name, text in (("a.en", A_EN), ("a.id", A_ID), ("b.en", B_EN), ("b.id", B_ID)):
        (tmp_path / name).write_text(text, "utf-8")


@pytest.mark.slow
def test_batch_writes_cross_document_inconsistencies(tmp_path):
    write(tmp_path)
    (tmp_path / "pairs.tsv").write_text("name\tsrc\ttgt\na\ta.en\ta.id\nb\tb.en\tb.id\n", "utf-8")
    out = tmp_path / "out"
    code = main(["batch", str(tmp_path / "pairs.tsv"), "-o", str(out), "--src-lang", "en", "--tgt-lang", "id",
                 "--workers", "1", *FAST])
    assert code == 0
    data = json.loads((out / "consistency.json").read_text("utf-8"))
    assert data["n_inconsistencies"] == 1
    (inc,) = data["inconsistencies"]
    assert inc["kind"] == "target" and inc["key"] == "click the button to save your work"
    assert [o["name"] for o in inc["occurrences"]] == ["a", "b"]


def test_reports_of_other_language_pairs_are_not_compared():
    def report(lang: str, tgt: str) -> dict:
        return {"source": {"lang": "en", "sentences": [{"text": "Hello there.", "kind": "content"}]},
                "target": {"lang": lang, "sentences": [{"text": tgt, "kind": "content"}]},
                "beads": [{"src": [0], "tgt": [0]}]}

    assert from_reports([("a", report("id", "Halo.")), ("b", report("de", "Hallo."))]) == ()
    assert len(from_reports([("a", report("id", "Halo.")), ("b", report("id", "Hai."))])) == 1


def test_across_comparisons(tmp_path):
    import aligner

    write(tmp_path)
    config = aligner.Config(encoder="none", fidelity_encoder="none")
    a = aligner.compare_files(tmp_path / "a.en", tmp_path / "a.id", src_lang="en", tgt_lang="id", config=config)
    b = aligner.compare_files(tmp_path / "b.en", tmp_path / "b.id", src_lang="en", tgt_lang="id", config=config)
    (found,) = across_comparisons([a, b])
    assert found.kind == "target" and len(found.occurrences) == 2
