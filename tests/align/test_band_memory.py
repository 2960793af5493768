"""Issue 22: the gains of a long band are computed a block of rows at a time (bounded
memory), and give exactly the gains of the whole band at once."""

from __future__ import annotations

import numpy as np
import pytest

from aligner.align import bead_scorer
from aligner.align.bead_scorer import load_scorer
from aligner.align.dp import bead_shapes
from aligner.align.features import band_evidence
from aligner.align.sides import doc_ratio, make_side
from aligner.align.band import window_from_path


def _band(n: int, encoded: bool):
    rng = np.random.default_rng(3)
    words = "harga naik kota hujan (pasar) 2024 menteri besar 15 persen".split()
    src_texts = [" ".join(rng.choice(words, 8)) + "." for _ in range(n)]
    tgt_texts = [" ".join(rng.choice(words, 9)) + "." for _ in range(n + 7)]
    src = make_side(src_texts, [k // 5 for k in range(n)])
    tgt = make_side(tgt_texts, [k // 6 for k in range(n + 7)])
    if encoded:
        def unit(k: int) -> np.ndarray:
            v = rng.normal(size=(k, 8)).astype(np.float32)
            v[::7] = np.nan  # some sentences not encoded
            return v / np.linalg.norm(v, axis=1, keepdims=True)
        src, tgt = src.with_vectors(unit(n)), tgt.with_vectors(unit(n + 7))
    path = [(i, 1, i, 1) for i in range(n)] + [(n, 0, n + k, 1) for k in range(7)]
    window = window_from_path(path, n, n + 7, 1, 6)
    return src, tgt, window


@pytest.mark.parametrize("encoded", [False, True], ids=["surface", "encoder"])
def test_gains_by_blocks_of_rows_equal_the_whole_band(monkeypatch, encoded):
    src, tgt, window = _band(120, encoded)  # 40 blocks of 3 rows
    scorer = load_scorer("use" if encoded else "none")
    shapes = tuple(s for s in bead_shapes(5) if s[0] and s[1])
    ev = band_evidence(src, tgt, window, 5)
    whole = scorer.gains(src, tgt, window, ev, shapes, doc_ratio(src, tgt))
    monkeypatch.setattr(bead_scorer, "_NODES_PER_BLOCK", 3 * window.width + 1)  # blocks of 3 rows
    blocks = scorer.gains(src, tgt, window, ev, shapes, doc_ratio(src, tgt))
    assert blocks.shift == whole.shift
    for shape, g in whole.beads.items():
        assert g.shape == (len(window.lo), window.width) and g.dtype == np.float32
        np.testing.assert_array_equal(blocks.beads[shape], g, err_msg=str(shape))
    np.testing.assert_array_equal(blocks.skip_src, whole.skip_src)
    np.testing.assert_array_equal(blocks.skip_tgt, whole.skip_tgt)
