"""The seed pair 000 (id) / 001 (en): a faithful translation with only real notes."""

from __future__ import annotations

import aligner


def test_seed_pair_is_faithful_with_only_real_notes(seed_paths):
    c = aligner.compare_files(seed_paths["000"], seed_paths["001"])
    assert [b.kind for b in c.alignment.beads] == ["1-1"] * 15
    assert c.fidelity >= 0.8 and c.verdict == "faithful"
    flags = [f for group in c.flags for f in group]
    assert {(f.type, f.severity) for f in flags} == {("typography", "info")}
    messages = " ".join(f.message for f in flags)
    assert "hati -hati" in messages and "'Openai'" in messages and "'OpenAI'" in messages
    assert "|lex:en-id:freedict-" in c.signature and "|fenc:use|" in c.signature


def test_an_unrelated_story_is_not_a_translation(seed_paths):
    # 004 (a Meta story, Indonesian) against 001 (the OpenAI story): on topic, not a translation
    c = aligner.compare_files(seed_paths["004"], seed_paths["001"])
    assert c.not_a_translation and c.verdict == "not a translation"
    assert "chance" in c.translation_evidence or "different things" in c.translation_evidence
    faithful = aligner.compare_files(seed_paths["000"], seed_paths["001"])
    assert not faithful.not_a_translation and faithful.translation_evidence == ""
