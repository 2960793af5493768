"""Adjacent 1-0 and 0-1 beads become one 1-1 bead only on positive evidence: their sentences'
cosine is well above the document's unrelated pairs and above their neighbours'
(``aligner.align.aligner.pair_skips``)."""

from __future__ import annotations

import numpy as np

from aligner.align.aligner import pair_skips
from aligner.align.bead_scorer import pair_margin

# four 1-1 beads on orthogonal axes, then source 4 left out and target 4 added (either order)
PATH = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1), (3, 1, 3, 0), (4, 0, 3, 1), (4, 1, 4, 1)]
CONF = np.array([0.99, 0.98, 0.97, 0.4, 0.3, 0.96])


def _vectors(partner: float) -> tuple[np.ndarray, np.ndarray]:
    """Source and target vectors: 1-1 beads match exactly; the skipped pair's target shares
    ``partner`` of its source's direction."""
    src = np.eye(6)[:5].copy()
    tgt = np.eye(6)[:5].copy()
    src[3], tgt[3] = np.eye(6)[3], partner * np.eye(6)[3] + (1 - partner) * np.eye(6)[5]
    src[4], tgt[4] = np.eye(6)[4], np.eye(6)[4]
    return src, tgt


def test_a_shortened_translation_beside_its_source_is_paired():
    src, tgt = _vectors(0.8)
    path, conf = pair_skips(PATH, CONF, src, tgt, pair_margin())
    assert path == [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1), (3, 1, 3, 1), (4, 1, 4, 1)]
    assert conf.tolist() == [0.99, 0.98, 0.97, 0.3, 0.96]  # the lower of the two skips
    flipped = [(0, 1, 0, 1), (1, 1, 1, 1), (2, 1, 2, 1), (3, 0, 3, 1), (3, 1, 4, 0), (4, 1, 4, 1)]
    assert pair_skips(flipped, CONF, src, tgt, pair_margin())[0] == path


def test_unrelated_skips_and_unencoded_sentences_stay_apart():
    src, tgt = _vectors(0.1)
    assert pair_skips(PATH, CONF, src, tgt, pair_margin())[0] == PATH
    src, tgt = _vectors(0.8)
    src[3] = np.nan  # not encoded
    assert pair_skips(PATH, CONF, src, tgt, pair_margin())[0] == PATH


def test_a_sentence_closer_to_a_neighbour_is_not_paired():
    src, tgt = _vectors(0.8)
    tgt[3] = 0.7 * np.eye(6)[3] + 0.9 * np.eye(6)[4]  # nearer the next bead's source
    assert pair_skips(PATH, CONF, src, tgt, pair_margin())[0] == PATH


def test_too_few_one_to_one_beads_give_no_pairing():
    src, tgt = _vectors(0.9)
    path = [(0, 1, 0, 1), (1, 1, 1, 0), (2, 0, 1, 1)]
    assert pair_skips(path, CONF[:3], src, tgt, pair_margin())[0] == path
