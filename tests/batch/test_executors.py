"""Executors: identical bytes whichever runs the pairs; a dying worker costs only its pairs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aligner.batch import DaskExecutor, LocalExecutor, run_batch
from aligner.batch import task as task_module
from aligner.batch.executors import Executor

from batch_data import PAIRS, reports


def test_executors_follow_the_protocol():
    assert isinstance(LocalExecutor(2), Executor)
    assert isinstance(DaskExecutor(2), Executor)


@pytest.mark.slow
def test_local_pool_gives_the_same_bytes_as_in_process(manifest, tmp_path):
    one = run_batch(manifest, tmp_path / "one", src_lang="en", tgt_lang="id", presegmented=True, workers=1)
    two = run_batch(manifest, tmp_path / "two", src_lang="en", tgt_lang="id", presegmented=True, workers=2)
    assert reports(tmp_path / "one") == reports(tmp_path / "two")
    assert len(reports(tmp_path / "one")) == len(PAIRS)
    assert (one.mean_fidelity, one.flag_counts) == (two.mean_fidelity, two.flag_counts)


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_bytes_as_local(manifest_with_failure, tmp_path):
    pytest.importorskip("distributed")
    local = run_batch(manifest_with_failure, tmp_path / "local", src_lang="en", tgt_lang="id",
                      presegmented=True, workers=1)
    dask = run_batch(manifest_with_failure, tmp_path / "dask", src_lang="en", tgt_lang="id",
                     presegmented=True, executor=DaskExecutor(2, processes=False))
    assert reports(tmp_path / "local") == reports(tmp_path / "dask")
    assert dask.executor == "dask" and dask.workers == 2
    assert (dask.ok, dask.failed) == (3, 1)
    assert dask.failures == local.failures
    assert (dask.mean_fidelity, dask.flag_counts) == (local.mean_fidelity, local.flag_counts)


def _die_on_boom(task):  # runs in a pool worker (imported there by name)
    """Kill the worker on the pair 'boom' the first time; raise an ordinary error after that."""
    if task.name == "boom":
        marker = Path(task.src).parent / "boom.died"
        if not marker.exists():
            marker.write_text("x", "utf-8")
            os._exit(3)
        raise RuntimeError("boom again")
    return task_module.run_pair(task)


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="needs fork")
def test_a_dying_worker_fails_its_pairs_and_the_run_goes_on(manifest, tmp_path, monkeypatch):
    import aligner.batch.executors as executors

    docs = manifest.parent / "docs"
    manifest.write_text(manifest.read_text("utf-8") + f"boom\t{docs / 'rain.en'}\t{docs / 'rain.id'}\n", "utf-8")
    monkeypatch.setattr(executors, "run_pair", _die_on_boom)
    out = tmp_path / "out"
    first = run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True, workers=2)
    assert "boom" in {f.name for f in first.failures}
    assert all("worker process died" in f.error for f in first.failures)
    assert first.ok + first.failed == 4
    again = run_batch(manifest, out, src_lang="en", tgt_lang="id", presegmented=True, workers=2)
    assert [(f.name, f.error) for f in again.failures] == [("boom", "RuntimeError: boom again")]
    assert again.ok + again.skipped == 3 and again.ok == first.failed - 1


def test_at_most_limit_tasks_are_in_flight():
    from aligner.batch.executors import _bounded
    from aligner.batch.task import PairResult, PairTask

    in_flight: set[int] = set()
    most = 0

    def submit(task: PairTask) -> int:
        nonlocal most
        in_flight.add(task.index)
        most = max(most, len(in_flight))
        return task.index

    def wait_one(futures: set[int]) -> set[int]:
        return {min(futures)}

    def collect(future: int, task: PairTask) -> PairResult:
        in_flight.discard(future)
        return PairResult(task.index, task.line, task.name, "{}", 1.0, (), 0, 0.0)

    tasks = (PairTask(i, i + 2, f"p{i}", "a", "b") for i in range(50))
    results = list(_bounded(submit, wait_one, collect, tasks, limit=3))
    assert sorted(r.index for r in results) == list(range(50))
    assert most == 3


@pytest.mark.parametrize("kind", ["local-in-process", "dask-threads"])
def test_the_encoder_is_loaded_once_per_worker_process(manifest, tmp_path, monkeypatch, kind):
    if kind == "dask-threads":
        pytest.importorskip("distributed")
    executor = LocalExecutor(1) if kind == "local-in-process" else DaskExecutor(2, processes=False)
    import numpy as np

    from aligner.config import Config
    from aligner.embed import base

    loads = []

    def factory() -> base.CachedEncoder:
        loads.append(1)
        return base.CachedEncoder("counting", lambda batch: np.ones((len(batch), 4), dtype=np.float32))

    base.register_encoder("counting", factory)
    summary = run_batch(manifest, tmp_path / "out", src_lang="en", tgt_lang="id", presegmented=True,
                        config=Config(encoder="counting"), executor=executor)
    assert summary.ok == len(PAIRS)
    assert len(loads) == 1  # one process: loaded once, however many pairs and worker threads


@pytest.mark.slow
def test_pairs_of_a_lost_dask_worker_are_rescheduled(manifest, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import dask

    import aligner.batch.executors as executors

    docs = manifest.parent / "docs"
    manifest.write_text(manifest.read_text("utf-8") + f"boom\t{docs / 'rain.en'}\t{docs / 'rain.id'}\n", "utf-8")
    monkeypatch.setattr(executors, "run_pair", _die_on_boom)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        summary = run_batch(manifest, tmp_path / "out", src_lang="en", tgt_lang="id", presegmented=True,
                            executor=DaskExecutor(1))
    # the worker died on 'boom'; Dask restarted it and ran its tasks again ('boom' then raised)
    assert [(f.name, f.error) for f in summary.failures] == [("boom", "dask task failed: RuntimeError: boom again")]
    assert summary.ok == 3
