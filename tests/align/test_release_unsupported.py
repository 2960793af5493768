"""A merged bead of unrelated sentences that the DP took because every 1-0 / 0-1 bead was dearer
is released: its sentences may be left out for what they cost in it, and the DP runs again
(``aligner.align.aligner.release_unsupported``)."""

from __future__ import annotations

import numpy as np

from aligner.align.aligner import release_unsupported
from aligner.align.bead_scorer import Gains, pair_margin, release_gain
from aligner.align.dp import banded_path
from aligner.align.sides import Window, full_window

# source A C X D, target a c u1 u2 x d: u1 and u2 are lines with no counterpart
SRC_VEC = np.eye(5)[[0, 1, 2, 3]]
TGT_VEC = np.eye(5)[[0, 1, 4, 4, 2, 3]]
RIGHT = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 0, 2, 1), (2, 0, 3, 1), (2, 1, 4, 1), (3, 1, 5, 1)]
MERGED = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 2), (3, 0, 4, 1), (3, 1, 5, 1)]


def _gains(bead_gain: float) -> Gains:
    window = full_window(4, 6)
    g11 = np.full((5, 7), -np.inf)
    for i, j in ((1, 1), (2, 2), (3, 5), (4, 6)):  # A-a, C-c, X-x, D-d (bead ends)
        g11[i, j] = 5.0
    g12 = np.full((5, 7), -np.inf)
    g12[3, 4] = bead_gain  # X - (u1 u2)
    return window, Gains({(1, 1): g11, (1, 2): g12}, np.full(4, -20.0), np.full(6, -20.0))


def _release(bead_gain: float, tgt_vec: np.ndarray = TGT_VEC):
    window, gains = _gains(bead_gain)
    path = banded_path(window, 6, gains.beads, gains.skip_src, gains.skip_tgt)
    out, kept, kept_window = release_unsupported(path, gains, window, SRC_VEC, tgt_vec, np.ones(4), np.ones(6),
                                                 pair_margin(), release_gain())
    assert kept is gains and kept_window is window  # the whole grid: nothing to widen
    return path, out


def test_a_bead_of_unrelated_lines_is_released_and_its_sentence_finds_its_partner():
    path, out = _release(-7.5)
    assert path == MERGED  # the DP's choice: every skip costs 20
    assert out == RIGHT  # u1, u2 left out; X pairs with x


def test_a_bead_with_fair_odds_or_related_vectors_is_kept():
    _, out = _release(-3.0)  # -1 log-odds a sentence: not only the least bad choice
    assert out == MERGED
    related = TGT_VEC.copy()
    related[2] = related[3] = np.eye(5)[2]  # u1 and u2 say what X says
    _, out = _release(-7.5, related)
    assert out == MERGED


def test_unencoded_sentences_and_too_few_one_to_one_beads_take_no_part():
    unencoded = TGT_VEC.copy()
    unencoded[2] = np.nan
    _, out = _release(-7.5, unencoded)
    assert out == MERGED
    window, gains = _gains(-7.5)
    short = [(0, 1, 0, 1), (1, 1, 1, 3)]  # one 1-1 bead: no document levels to compare with
    assert release_unsupported(short, gains, window, SRC_VEC[:2], TGT_VEC[:4], np.ones(2), np.ones(4),
                               pair_margin(), release_gain())[0] == short


# bead ends (node) of the gains below: A-a, C-c, X-x, D-d, and X-(u1 u2)
_NODES = {(1, 1): {(1, 1): 5.0, (2, 2): 5.0, (3, 5): 5.0, (4, 6): 5.0}, (1, 2): {(3, 4): -7.5}}


def _on(window: Window, nodes: dict) -> Gains:
    """Gains on ``window`` with the bead ends ``nodes`` (every other n-m bead impossible)."""
    beads = {}
    for shape, ends in nodes.items():
        g = np.full((len(window.lo), window.width), -np.inf)
        for (i, j), v in ends.items():
            if 0 <= j - window.lo[i] < window.width:
                g[i, j - window.lo[i]] = v
        beads[shape] = g
    return Gains(beads, np.full(4, -20.0), np.full(6, -20.0))


def test_a_band_too_narrow_for_the_released_path_is_widened_keeping_its_own_gains():
    # a band drawn around the merged path: row 2 ends at target 3, so skipping u1 and u2 and
    # pairing X with x leaves it
    narrow = Window(np.array([0, 0, 1, 3, 4]), 3)
    gains = _on(narrow, _NODES)
    path = banded_path(narrow, 6, gains.beads, gains.skip_src, gains.skip_tgt)
    assert path == MERGED
    asked: list[Window] = []

    def wider(window: Window) -> Gains:
        asked.append(window)
        # gains on the wider band as the scorer would give them; the node the narrow band held
        # (X-(u1 u2) ending at (3, 4)) must keep its own gain, not this one
        return _on(window, {**_NODES, (1, 2): {(3, 4): 50.0}})

    out, new_gains, window = release_unsupported(path, gains, narrow, SRC_VEC, TGT_VEC, np.ones(4), np.ones(6),
                                                 pair_margin(), release_gain(), wider)
    assert len(asked) == 1 and window is asked[0]
    assert window.width > narrow.width and (window.lo <= narrow.lo).all()
    assert (window.lo + window.width >= narrow.lo + narrow.width).all()
    assert out == RIGHT
    assert new_gains.beads[(1, 2)][3, 4 - window.lo[3]] == -7.5  # the narrow band's own gain
    # without a way to widen, the rerun stays inside the narrow band
    out, _, same = release_unsupported(path, gains, narrow, SRC_VEC, TGT_VEC, np.ones(4), np.ones(6),
                                       pair_margin(), release_gain())
    assert same is narrow and out != RIGHT
