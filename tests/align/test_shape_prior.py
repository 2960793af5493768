"""Gale and Church's bead prior on weak-evidence documents (``LogisticScorer.shape_prior``):
where little but length speaks, a big merge costs what the small beads it stands for would,
and a skip more than a merge."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from aligner.align.bead_scorer import load_scorer, shape_prior
from aligner.align.features import band_evidence
from aligner.align.sides import full_window, make_side


def test_shape_prior_orders_beads_as_gale_and_church():
    assert shape_prior(1, 1) == 0.0
    assert shape_prior(2, 1) == shape_prior(1, 2) == pytest.approx(-2.3)
    assert shape_prior(3, 1) == shape_prior(1, 3) == pytest.approx(2 * shape_prior(2, 1))
    assert shape_prior(1, 0) == shape_prior(0, 1) < shape_prior(2, 1)


def _gains(src: list[str], tgt: list[str], prior: float | None):
    s, t = make_side(src), make_side(tgt)
    w = full_window(len(src), len(tgt))
    scorer = load_scorer("none") if prior is None else replace(load_scorer("none"), shape_prior=prior)
    return scorer.gains(s, t, w, band_evidence(s, t, w, 4), ((1, 1), (2, 1), (3, 1)), 1.0)


def test_weak_evidence_pays_the_bead_prior_in_proportion_to_the_shortfall():
    """Two scripts with nothing shared: the shortfall is large, the prior weighs in full."""
    src = ["Abcde fghij klmno pqrst.", "Uvwxy zabcd efghi.", "Jklmn opqrs tuvwx yzabc defgh.", "Ijklm nopqr."]
    tgt = ["Абвгд ежзик лмноп рстуф.", "Хцабв гдежз иклмн.", "Опрст уфхца бвгде жзикл мнопр.", "Стуфх цабвг."]
    shipped, plain = _gains(src, tgt, None), _gains(src, tgt, 0.0)
    weight = load_scorer("none").shape_prior
    assert weight > 0 and shipped.shift >= 2.0
    for shape in ((1, 1), (2, 1), (3, 1)):
        ok = np.isfinite(plain.beads[shape])
        diff = shipped.beads[shape][ok] - plain.beads[shape][ok]
        assert np.allclose(diff, weight * shape_prior(*shape), atol=1e-4)
    assert np.allclose(shipped.skip_src - plain.skip_src, weight * shape_prior(1, 0))


def test_strong_evidence_gets_no_bead_prior():
    texts = ["Jakarta 2019: Widodo opened 1,250 houses.", "Bandung 2020: Ridwan Kamil visited 300 schools.",
             "Surabaya 2021: Risma planted 4,000 trees."]
    shipped = _gains(texts, [t.replace("opened", "membuka") for t in texts], None)
    plain = _gains(texts, [t.replace("opened", "membuka") for t in texts], 0.0)
    assert shipped.shift == 0.0
    for shape in shipped.beads:
        assert np.array_equal(shipped.beads[shape], plain.beads[shape])
    assert np.array_equal(shipped.skip_src, plain.skip_src)
