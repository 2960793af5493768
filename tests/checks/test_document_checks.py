"""Document rules: consistency (within a pair and across pairs) and the length range."""

from __future__ import annotations

from aligner.align.model import Bead
from aligner.checks import inconsistencies, run_checks
from aligner.document import Document, Span


def doc(sentences: list[str], lang: str) -> Document:
    text, spans, pos = "", [], 0
    for s in sentences:
        spans.append(Span(pos, pos + len(s)))
        text += s + " "
        pos += len(s) + 1
    return Document(text, lang, tuple(spans))


def pair(src: list[str], tgt: list[str]) -> tuple[Document, Document, list[Bead]]:
    return doc(src, "en"), doc(tgt, "id"), [Bead((i,), (i,)) for i in range(len(src))]


def test_one_source_two_translations():
    src, tgt, beads = pair(["Click Save.", "Then wait.", "Click save!"], ["Klik Simpan.", "Lalu tunggu.", "Tekan Simpan."])
    flags = run_checks(src, tgt, beads, "inconsistent_target")
    assert list(flags) == [2] and "bead 0" in flags[2][0].message
    assert run_checks(src, tgt, beads, "inconsistent_source") == {}


def test_two_sources_one_translation():
    src, tgt, beads = pair(["Click Save.", "Click Store."], ["Klik Simpan.", "Klik Simpan."])
    assert list(run_checks(src, tgt, beads, "inconsistent_source")) == [1]


def test_consistency_across_pairs():
    a = pair(["Click Save.", "Wait."], ["Klik Simpan.", "Tunggu."])
    b = pair(["Click Save.", "Go."], ["Tekan Simpan.", "Pergi."])
    found = inconsistencies([("a", *a), ("b", *b)])
    assert [(i.kind, i.key, [o.name for o in i.occurrences]) for i in found] == [("target", "click save", ["a", "b"])]


def test_length_ratio_out_of_range():
    src_s = [f"This is sentence number {i} of a fairly ordinary article." for i in range(8)]
    tgt_s = [f"Ini kalimat nomor {i} dari sebuah artikel yang cukup biasa." for i in range(8)]
    tgt_s[3] = "Ini."
    src, tgt, beads = pair(src_s, tgt_s)
    assert list(run_checks(src, tgt, beads, "length")) == [3]
    src, tgt, beads = pair(src_s[:2], tgt_s[:2])
    assert run_checks(src, tgt, beads, "length") == {}  # too few beads to know the pair's range
