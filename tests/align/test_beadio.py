"""Bead files: the one reader and writer of vecalign's format."""

from __future__ import annotations

import doctest

import pytest

from aligner.align import Alignment, Bead, beadio
from aligner.align.beadio import parse_bead_line, read_beads
from aligner.errors import InputError


def test_doctests():
    assert doctest.testmod(beadio).failed == 0


def test_an_alignment_written_reads_back():
    alignment = Alignment((Bead((0,), (0,), 0.5), Bead((1, 2), ()), Bead((), (1, 2), 0.25)), 3, 3)
    text = alignment.to_beads_text()
    assert text == "[0]:[0]:0.500\n[1, 2]:[]:1.000\n[]:[1, 2]:0.250\n"
    assert read_beads(text) == [(b.src, b.tgt) for b in alignment.beads]
    assert [parse_bead_line(line)[2] for line in text.splitlines()] == [0.5, 1.0, 0.25]


@pytest.mark.parametrize("line", ["0-0", "[0]", "[0]:[0]:0.5:1", "(0):[0]", "[a]:[0]", "[0]:[0]:high"])
def test_malformed_lines_name_the_file_and_line(line):
    with pytest.raises(InputError, match=r"^gold\.beads: line 2: not a bead line"):
        read_beads(f"[0]:[0]\n{line}\n", "gold.beads")
