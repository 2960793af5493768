"""The batch runner: reports, summary, failures, resuming, atomic outputs, progress."""

from __future__ import annotations

import json
import os

import pytest

import aligner
from aligner.batch import run_batch
from aligner.config import Config
from aligner.errors import ConfigError, InputError

from batch_data import PAIRS, reports


def test_each_pair_gets_the_compare_json_and_the_run_a_summary(manifest, tmp_path):
    out = tmp_path / "out"
    summary = run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True, workers=1)
    assert sorted(reports(out)) == sorted(f"{name}.json" for name in PAIRS)
    docs = manifest.parent / "docs"
    expected = aligner.render(aligner.compare_files(docs / "rain.en", docs / "rain.id", src_lang="en",
                                                    tgt_lang="id", presegmented=True), "json")
    written = json.loads((out / "rain.json").read_text("utf-8"))
    assert written["beads"] == json.loads(expected)["beads"]
    assert written["source"]["path"] == str(docs.absolute() / "rain.en")
    assert (summary.total, summary.ok, summary.failed, summary.skipped) == (3, 3, 0, 0)
    assert summary.exit_code == 0
    data = json.loads((out / "summary.json").read_text("utf-8"))
    assert data["pairs"] == {"total": 3, "ok": 3, "failed": 0, "skipped": 0}
    fids = [json.loads((out / f"{n}.json").read_text("utf-8"))["fidelity"] for n in PAIRS]
    assert data["mean_fidelity"] == pytest.approx(sum(fids) / 3, abs=1e-6)
    assert data["failures"] == [] and data["signature"] == Config().signature
    assert data["executor"] == "local" and data["workers"] == 1 and data["seconds"] >= 0


def test_a_failing_pair_is_recorded_and_the_run_goes_on(manifest_with_failure, tmp_path):
    out = tmp_path / "out"
    summary = run_batch(manifest_with_failure, out, src_lang="en", tgt_lang="id", presegmented=True)
    assert (summary.ok, summary.failed, summary.exit_code) == (3, 1, 1)
    (failure,) = summary.failures
    assert (failure.name, failure.line) == ("missing", 5)
    assert failure.error.startswith("InputError: ") and "nowhere.en" in failure.error
    assert not (out / "missing.json").exists()
    data = json.loads((out / "summary.json").read_text("utf-8"))
    assert data["failures"] == [{"name": "missing", "line": 5, "error": failure.error}]


def test_flag_counts_sum_over_pairs(manifest, tmp_path):
    out = tmp_path / "out"
    summary = run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True)
    total: dict[str, int] = {}
    for text in reports(out).values():
        for kind, n in json.loads(text)["flag_counts"].items():
            total[kind] = total.get(kind, 0) + n
    assert dict(summary.flag_counts) == dict(sorted(total.items()))


def test_resume_skips_existing_reports_and_force_redoes_them(manifest, tmp_path):
    out = tmp_path / "out"
    first = run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True)
    (out / "rain.json").unlink()
    stamp = (out / "team.json").stat().st_mtime_ns
    again = run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True)
    assert (again.ok, again.skipped) == (1, 2)
    assert (out / "rain.json").exists() and (out / "team.json").stat().st_mtime_ns == stamp
    assert again.mean_fidelity == pytest.approx(first.mean_fidelity, abs=1e-6)
    assert again.flag_counts == first.flag_counts
    forced = run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True, force=True)
    assert (forced.ok, forced.skipped) == (3, 0)


def test_reports_made_with_other_settings_or_unreadable_are_redone(manifest, tmp_path):
    out = tmp_path / "out"
    run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True)
    (out / "team.json").write_text("{not json", "utf-8")
    other = run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True,
                      config=Config(max_bead=2))
    assert (other.ok, other.skipped) == (3, 0)
    stored = json.loads((out / "team.json").read_text("utf-8"))["signature"]
    assert "|maxbead:2|" in stored and "|maxbead:2|" in Config(max_bead=2).signature


def test_reports_of_other_files_or_languages_are_redone(manifest, tmp_path):
    out = tmp_path / "out"
    fast = Config(encoder="none", fidelity_encoder="none")  # en-ms would load e5: not what this tests
    run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True, config=fast)
    text = manifest.read_text("utf-8").replace("docs/rain.id", "docs/team.id")
    manifest.write_text(text, "utf-8")
    moved = run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True, config=fast)
    assert (moved.ok, moved.skipped) == (1, 2)
    relang = run_batch(manifest, out, src_lang="en", tgt_lang="ms", presegmented=True, config=fast)
    assert (relang.ok, relang.skipped) == (3, 0)


def test_no_temporary_files_are_left(manifest_with_failure, tmp_path):
    out = tmp_path / "out"
    run_batch(manifest_with_failure, out, src_lang="en", tgt_lang="id", presegmented=True)
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{n}.json" for n in PAIRS] + ["summary.json", "consistency.json"])


def test_progress_bar_only_when_asked(manifest, tmp_path, capsys):
    run_batch(manifest, tmp_path / "a", src_lang="en", tgt_lang="id", presegmented=True)
    assert "pair" not in capsys.readouterr().err  # stderr is not a terminal under pytest
    run_batch(manifest, tmp_path / "b", src_lang="en", tgt_lang="id", presegmented=True, progress=True)
    err = capsys.readouterr().err
    assert "aligning" in err and "3/3" in err


def test_bad_arguments_raise_config_or_input_errors(manifest, tmp_path):
    with pytest.raises(ConfigError, match="workers must be at least 1"):
        run_batch(manifest, tmp_path / "o", workers=0)
    with pytest.raises(ConfigError, match=r"unknown executor 'spark'; choose one of \['dask', 'local'\]"):
        run_batch(manifest, tmp_path / "o", executor="spark")
    with pytest.raises(ConfigError, match="--scheduler needs --executor dask"):
        run_batch(manifest, tmp_path / "o", scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ConfigError, match="unknown encoder 'nope'"):
        run_batch(manifest, tmp_path / "o", config=Config(encoder="nope"))
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    with pytest.raises(InputError, match="not a folder"):
        run_batch(manifest, blocker)
    assert not os.path.exists(tmp_path / "o")


def test_a_stored_signature_with_resolved_encoders_names_the_same_settings():
    from aligner.batch.runner import _same_settings

    wanted = "aligner:0.1.0|enc:auto|lex:auto|fenc:use|fid:25-x"
    assert _same_settings("aligner:0.1.0|enc:auto=e5|lex:none|fenc:use=e5|fid:25-x", wanted)
    assert not _same_settings("aligner:0.1.0|enc:auto=e5|lex:none|fenc:none|fid:25-x", wanted)
    assert not _same_settings("aligner:0.1.0|enc:auto=e5|lex:none|fenc:use=e5|fid:24-x", wanted)
