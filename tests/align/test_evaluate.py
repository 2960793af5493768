"""Strict / lax scores follow vecalign's score.py definitions."""

from __future__ import annotations

import pytest

from aligner.align.evaluate import read_beads, score_alignments
from aligner.cli import main
from aligner.errors import InputError

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((), (2,)), ((4,), (3,))]
SYS = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), ()), ((), (2,)), ((4,), (3,))]


def test_known_numbers():
    s = score_alignments([(SYS, GOLD)])
    # precision: 6 system beads; strict hits [0]:[0], [3]:[], []:[2], [4]:[3]; lax adds [1]:[1]
    assert s.precision_strict == pytest.approx(4 / 6)
    assert s.precision_lax == pytest.approx(5 / 6)
    # recall: gold links [0]:[0], [1,2]:[1], [4]:[3] against system links; 2 strict, 3 lax
    assert s.recall_strict == pytest.approx(2 / 3)
    assert s.recall_lax == pytest.approx(1.0)
    assert s.f1_strict == pytest.approx(2 / 3)


def test_perfect_and_empty():
    assert score_alignments([(GOLD, GOLD)]).f1_strict == 1.0
    s = score_alignments([([], [])])
    assert (s.f1_strict, s.f1_lax) == (0.0, 0.0)


def test_micro_average_over_documents():
    one = score_alignments([(SYS, GOLD)])
    two = score_alignments([(SYS, GOLD), (GOLD, GOLD)])
    # the second document adds 5 strict precision hits and 3 strict recall hits
    assert two.precision_strict == pytest.approx((4 + 5) / (6 + 5))
    assert two.recall_strict == pytest.approx((2 + 3) / (3 + 3))
    assert two.f1_strict > one.f1_strict


def test_matches_sentalign_score_py():
    score = pytest.importorskip("sentalign.score")
    got = score_alignments([(SYS, GOLD), (GOLD[:3], GOLD)])
    want = score.score_multiple(gold_list=[GOLD, GOLD], test_list=[SYS, GOLD[:3]])
    assert got.f1_strict == pytest.approx(want["f1_strict"])
    assert got.f1_lax == pytest.approx(want["f1_lax"])
    assert got.recall_lax == pytest.approx(want["recall_lax"])


def test_read_beads_accepts_gaps_and_scores():
    assert read_beads("[0]:[0]:0.5\n[1, 3]:[]\n\n[]:[1, 2]\n") == [((0,), (0,)), ((1, 3), ()), ((), (1, 2))]
    with pytest.raises(InputError, match="line 2"):
        read_beads("[0]:[0]\n0-0\n", "x.beads")


def test_cli_eval(tmp_path, capsys):
    sys_path, gold_path = tmp_path / "sys", tmp_path / "gold"
    sys_path.write_text("".join(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]:0.9\n" for s, t in SYS))
    gold_path.write_text("".join(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]\n" for s, t in GOLD))
    assert main(["eval", str(sys_path), str(gold_path), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"f1_strict": 0.666' in out
    assert main(["eval", str(sys_path)]) == 2
    assert "pairs SYS GOLD" in capsys.readouterr().err
    assert main(["eval", str(sys_path), str(tmp_path / "missing")]) == 2
