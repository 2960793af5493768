"""An English article and its German translation with three real defects, and nothing else flagged.

The German text capitalises every noun (Stadtrat, Dienstag, Bau...): none of them may be taken
for a name. The defects: a paragraph of three sentences dropped, 48 million changed to 58
million, one sentence left in English.
"""

from __future__ import annotations

from pathlib import Path

import aligner

DATA = Path(__file__).resolve().parents[1] / "data" / "fidelity"


def test_the_german_example_flags_only_its_three_defects():
    c = aligner.compare_files(DATA / "bridge.en.txt", DATA / "bridge.de.txt", src_lang="en", tgt_lang="de")
    real = [(k, f) for k, group in enumerate(c.flags) for f in group if f.severity != "info"]
    types = sorted({f.type for _, f in real})
    assert types == ["number_mismatch", "omission", "untranslated"]
    omitted = [c.alignment.beads[k].src for k, f in real if f.type == "omission"]
    assert [c.src.sentence_text(ids[0])[:24] for ids in omitted] == [
        "Environmental groups wel", "However, they demanded t", "The city promised to car"]
    (number,) = [f for _, f in real if f.type == "number_mismatch"]
    assert sorted(c.src.text[e.start:e.end] if e.side == "src" else c.tgt.text[e.start:e.end]
                  for e in number.evidence) == ["48 million", "58 Millionen"]
    (untranslated,) = [f for _, f in real if f.type == "untranslated"]
    assert c.tgt.text[untranslated.evidence[0].start:untranslated.evidence[0].end].startswith("The jury praised")
    flagged = {k for k, _ in real}
    assert len(flagged) == 5  # three omitted sentences, the changed number, the English sentence
    assert not any(f.type == "entity_mismatch" for group in c.flags for f in group)
    assert c.verdict != "not a translation"
