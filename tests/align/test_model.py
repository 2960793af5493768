"""``Bead`` and ``Alignment`` refuse malformed input with a ValueError that says what is wrong."""

from __future__ import annotations

import pytest

from aligner.align import Alignment, Bead


@pytest.mark.parametrize("src, tgt, confidence, message", [
    ((), (), 1.0, "at least one source or target"),
    ((0, 2), (0,), 1.0, "src indices must be consecutive"),
    ((1, 0), (0,), 1.0, "src indices must be consecutive"),
    ((0,), (3, 3), 1.0, "tgt indices must be consecutive"),
    ((-1,), (0,), 1.0, "src indices must be >= 0"),
    ((0,), (-2, -1), 1.0, "tgt indices must be >= 0"),
    ((0,), (0,), 1.5, "confidence must be in [0, 1]"),
    ((0,), (0,), -0.1, "confidence must be in [0, 1]"),
    ((0,), (0,), float("nan"), "confidence must be in [0, 1]"),
])
def test_bad_beads_are_refused(src, tgt, confidence, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Bead(src, tgt, confidence)


def test_good_beads_keep_their_fields():
    bead = Bead((3, 4), (), 0.0)
    assert (bead.src, bead.tgt, bead.confidence, bead.kind) == ((3, 4), (), 0.0, "2-0")


@pytest.mark.parametrize("beads, n_src, n_tgt, message", [
    ([Bead((1,), (0,))], 2, 1, "bead 0 starts at source 1, expected 0"),
    ([Bead((0,), (0,)), Bead((0,), (1,))], 1, 2, "bead 1 starts at source 0, expected 1"),
    ([Bead((0,), (1,))], 1, 2, "bead 0 starts at target 1, expected 0"),
    ([Bead((0,), (0,))], 2, 1, "beads cover 1/2 source and 1/1 target"),
    ([Bead((0, 1), (0,))], 2, 2, "beads cover 2/2 source and 1/2 target"),
    ([], 1, 0, "beads cover 0/1 source"),
])
def test_alignments_that_skip_repeat_or_miss_sentences_are_refused(beads, n_src, n_tgt, message):
    with pytest.raises(ValueError, match=message):
        Alignment(tuple(beads), n_src, n_tgt)


def test_an_alignment_takes_any_sequence_of_beads_and_keeps_a_tuple():
    alignment = Alignment([Bead((0,), ()), Bead((), (0,))], 1, 1)  # type: ignore[arg-type]
    assert isinstance(alignment.beads, tuple) and len(alignment) == 2
    assert Alignment((), 0, 0).beads == ()
