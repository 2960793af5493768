"""Executors: where the pairs of a batch run.

An executor starts its workers (``open``), turns tasks into results in completion order
(``results``) and stops its workers (``close``). It never writes files and never changes a
result, so every executor gives the same report bytes for the same task.

- ``local``: ``concurrent.futures.ProcessPoolExecutor`` with ``workers`` processes
  (``workers=1`` runs in this process, with no pool).
- ``dask``: ``dask.distributed``; a ``LocalCluster`` of ``workers`` processes, or the
  existing cluster whose scheduler is at ``scheduler`` (e.g. ``tcp://host:8786``).

Both keep a bounded number of tasks in flight, so a manifest of millions of pairs needs no
more memory than a few per worker. Each worker loads the encoder once.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import multiprocessing as mp
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, runtime_checkable

from threadpoolctl import threadpool_limits

from ..errors import ConfigError
from .task import PairResult, PairTask, describe_error, init_pool_worker, run_pair, warm_worker

__all__ = ["Executor", "LocalExecutor", "DaskExecutor", "EXECUTORS", "get_executor", "IN_FLIGHT_PER_WORKER"]

#: Tasks kept in flight per worker (enough to keep workers busy, few enough to bound memory).
IN_FLIGHT_PER_WORKER = 4


@runtime_checkable
class Executor(Protocol):
    """Runs pair tasks on some workers."""

    name: str

    def open(self, encoder: str) -> int:
        """Start the workers, each loading ``encoder`` once; return how many there are."""
        ...

    def results(self, tasks: Iterable[PairTask]) -> Iterator[PairResult]:
        """Run ``tasks``; yield one result per task, in completion order."""
        ...

    def close(self) -> None:
        """Stop the workers this executor started (safe to call twice)."""
        ...


def _bounded(submit: Callable[[PairTask], Any], wait_one: Callable[[set[Any]], set[Any]],
             collect: Callable[[Any, PairTask], PairResult], tasks: Iterable[PairTask],
             limit: int) -> Iterator[PairResult]:
    """Keep at most ``limit`` tasks in flight; yield results as they complete."""
    pending: dict[Any, PairTask] = {}
    queue = iter(tasks)
    exhausted = False
    while True:
        while not exhausted and len(pending) < limit:
            task = next(queue, None)
            if task is None:
                exhausted = True
                break
            pending[submit(task)] = task
        if not pending:
            return
        for future in wait_one(set(pending)):
            yield collect(future, pending.pop(future))


_BLAS_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _one_blas_thread() -> Any:
    """Hold this process's BLAS to one thread until the returned limiter's
    ``restore_original_limits()``: pairs run here then compute as in a worker process (one
    BLAS thread each), since a matrix product summed over two threads can differ in its last
    bits, and the reports must be the same bytes whichever executor ran the pairs."""
    return threadpool_limits(limits=1, user_api="blas")


class LocalExecutor:
    """All cores of this machine through a process pool (``workers=1``: in this process).

    If a worker process dies (killed for memory, for instance), the pairs then in flight are
    recorded as failed, a new pool is started and the batch goes on. Workers end themselves
    within a fraction of a second when this process dies (:func:`aligner.batch.task.watch_parent`).
    """

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self._encoder = "none"
        self._pool: cf.ProcessPoolExecutor | None = None
        self._blas: Any = None  # with workers == 1, from open() to close() (_one_blas_thread)

    def _new_pool(self) -> cf.ProcessPoolExecutor:
        # spawn: workers start as fresh interpreters, never forked from this process (which may
        # hold threads: a progress bar, the caller's own). One BLAS thread per worker (as Dask's
        # nanny does), so the workers share the cores instead of oversubscribing them: the
        # variables are read when a worker loads numpy, so they are set around the start, and
        # every worker is started here (a pool starts them lazily, mid-run).
        saved = {k: os.environ.get(k) for k in _BLAS_THREAD_VARS}
        os.environ.update({k: "1" for k in _BLAS_THREAD_VARS})
        try:
            pool = cf.ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                          initializer=init_pool_worker, initargs=(self._encoder, os.getpid()))
            for future in [pool.submit(time.sleep, 0.2) for _ in range(self.workers)]:
                future.result()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        return pool

    def open(self, encoder: str) -> int:
        """Start the pool (or load the encoder here when ``workers == 1``)."""
        self._encoder = encoder
        if self.workers == 1:
            if self._blas is None:
                self._blas = _one_blas_thread()
            warm_worker(encoder)
        elif self._pool is None:
            self._pool = self._new_pool()  # starts every worker, so start-up is not inside the run
        return self.workers

    def results(self, tasks: Iterable[PairTask]) -> Iterator[PairResult]:
        """Yield results in completion order (in task order when ``workers == 1``)."""
        if self.workers == 1:
            for task in tasks:
                yield run_pair(task)
            return
        owner: dict[cf.Future[PairResult], cf.ProcessPoolExecutor] = {}

        def submit(task: PairTask) -> cf.Future[PairResult]:
            pool = self._pool or self._restart(None)
            try:
                future = pool.submit(run_pair, task)
            except BrokenProcessPool:
                pool = self._restart(pool)
                future = pool.submit(run_pair, task)
            owner[future] = pool
            return future

        def wait_one(futures: set[Any]) -> set[Any]:
            done, _ = cf.wait(futures, return_when=cf.FIRST_COMPLETED)
            return done

        def collect(future: cf.Future[PairResult], task: PairTask) -> PairResult:
            pool = owner.pop(future, None)
            try:
                return future.result()
            except BrokenProcessPool as exc:
                self._restart(pool)
                return PairResult.failure(task, f"worker process died: {describe_error(exc)}")
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                return PairResult.failure(task, describe_error(exc))

        yield from _bounded(submit, wait_one, collect, tasks, self.workers * IN_FLIGHT_PER_WORKER)

    def _restart(self, broken: cf.ProcessPoolExecutor | None) -> cf.ProcessPoolExecutor:
        """Replace the pool if it is still ``broken`` (each broken pool is replaced once)."""
        if self._pool is None or self._pool is broken:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
        return self._pool

    def close(self) -> None:
        """Shut the pool down, cancelling tasks not yet started."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._blas is not None:
            self._blas.restore_original_limits()
            self._blas = None


class DaskExecutor:
    """A ``dask.distributed`` cluster: an existing one (``scheduler``) or a ``LocalCluster``.

    Workers of an existing cluster need ``aligner`` installed and must see the input files at
    the paths in the manifest (absolute paths after joining with the manifest's folder);
    outputs are written by this process only.

    A pair's time limit holds in Dask's worker threads too (:func:`aligner.batch.task.run_pair`).
    Workers of a ``LocalCluster`` of processes end as soon as this process dies, however it
    dies (Dask's own watch of the parent). While the batch runs, SIGTERM closes the executor (tasks
    in flight are cancelled, a local cluster is stopped) before the process exits. A cluster
    at ``scheduler`` is not this process's to stop: on close its tasks still queued are
    cancelled, and when this process is killed (SIGKILL) the scheduler drops them as the
    client disconnects; a pair already running on a worker runs on until it ends or reaches
    its time limit.

    Args:
        workers: worker processes of the local cluster (ignored with ``scheduler``).
        scheduler: address of a running scheduler, e.g. ``tcp://10.0.0.5:8786``.
        processes: local cluster workers as processes (``False``: threads in this process,
            which starts faster; used by the tests).
    """

    name = "dask"

    def __init__(self, workers: int = 1, scheduler: str | None = None, *, processes: bool = True) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.scheduler = scheduler
        self.processes = processes
        self._client: Any = None
        self._cluster: Any = None
        self._n_workers = workers
        self._in_flight: set[Any] = set()
        self._sigterm: Any = None
        self._blas: Any = None  # worker threads in this process, from open() to close()

    def open(self, encoder: str) -> int:
        """Connect to (or start) the cluster and have every worker load ``encoder`` once."""
        from . import _dask

        if self._client is None:
            self._catch_sigterm()
            if not self.processes and self.scheduler is None and self._blas is None:
                self._blas = _one_blas_thread()
            self._client, self._cluster = _dask.connect(self.workers, self.scheduler, self.processes)
            self._n_workers = _dask.register_warmup(self._client, encoder) or self.workers
        return self._n_workers

    def _catch_sigterm(self) -> None:
        """While open, turn SIGTERM (``timeout``, systemd, Slurm) into ``SystemExit(143)`` so
        that :meth:`close` runs (only from the main thread, and only over the default action)."""
        if threading.current_thread() is not threading.main_thread():
            return
        if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
            return

        def stop(signum: int, frame: object) -> None:
            raise SystemExit(128 + signum)

        self._sigterm = signal.signal(signal.SIGTERM, stop)

    def results(self, tasks: Iterable[PairTask]) -> Iterator[PairResult]:
        """Yield results in completion order."""
        from . import _dask

        if self._client is None:
            self.open("none")
        client = self._client
        run = uuid.uuid4().hex  # keys unique to this run: another client's tasks are never reused

        def submit(task: PairTask) -> Any:
            future = client.submit(run_pair, task, key=f"aligner-pair-{run}-{task.index}", pure=False)
            self._in_flight.add(future)
            return future

        def collect(future: Any, task: PairTask) -> PairResult:
            self._in_flight.discard(future)
            try:
                return future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker, a cancelled task ...
                return PairResult.failure(task, f"dask task failed: {describe_error(exc)}")
            finally:
                future.release()

        limit = max(1, self._n_workers) * IN_FLIGHT_PER_WORKER
        yield from _bounded(submit, _dask.wait_one, collect, tasks, limit)

    def close(self) -> None:
        """Cancel the tasks still in flight, disconnect, and stop the local cluster if this
        executor started it."""
        try:
            if self._client is not None:
                if self._in_flight:
                    try:
                        self._client.cancel(list(self._in_flight), force=True)
                    except Exception as exc:  # noqa: BLE001 - the scheduler may be gone already
                        logging.getLogger("aligner").debug("cancelling the tasks in flight failed: %s", exc)
                    self._in_flight.clear()
                self._client.close()
                self._client = None
            if self._cluster is not None:
                self._cluster.close()
                self._cluster = None
        finally:
            if self._sigterm is not None:
                signal.signal(signal.SIGTERM, self._sigterm)
                self._sigterm = None
            if self._blas is not None:
                self._blas.restore_original_limits()
                self._blas = None


def _local(workers: int, scheduler: str | None) -> Executor:
    if scheduler:
        raise ConfigError("--scheduler needs --executor dask")
    return LocalExecutor(workers)


def _dask_factory(workers: int, scheduler: str | None) -> Executor:
    return DaskExecutor(workers, scheduler)


#: executor name -> factory ``(workers, scheduler) -> Executor``.
EXECUTORS: dict[str, Callable[[int, str | None], Executor]] = {"local": _local, "dask": _dask_factory}


def get_executor(name: str, workers: int = 1, scheduler: str | None = None) -> Executor:
    """The executor registered as ``name``; a ``ConfigError`` lists the valid names on a miss."""
    try:
        factory = EXECUTORS[name]
    except KeyError:
        raise ConfigError(f"unknown executor {name!r}; choose one of {sorted(EXECUTORS)}") from None
    return factory(workers, scheduler)
