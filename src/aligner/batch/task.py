"""One unit of batch work: compare one document pair and render its JSON report.

``run_pair`` is what every executor runs on its workers. It is pure apart from reading the
two input files: it returns the rendered report text instead of writing it, so the driver
alone writes outputs (atomically) and results are the same bytes whichever executor ran them.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config import DEFAULT_CONFIG, Config, Limits
from ..errors import AlignerError

if TYPE_CHECKING:
    from ..report.filters import ExportFilter

__all__ = ["PairTask", "PairResult", "PairTimeout", "run_pair", "warm_worker", "watch_parent"]


@dataclass(frozen=True)
class PairTask:
    """Everything a worker needs to compare one pair.

    Attributes:
        index: position of the pair in the manifest (results are reported in this order).
        line: line of the pair in the manifest (for error messages).
        name: output name of the pair.
        src, tgt: absolute paths of the two documents.
        src_lang, tgt_lang: ISO 639-1 codes, or ``None`` to detect them.
        presegmented: inputs hold one sentence per line.
        config: settings for segmentation, alignment and scoring.
        limits: input limits (``None``: ``DEFAULT_LIMITS``).
        timeout: seconds the pair may take on its worker (``None``: no limit); a pair that
            takes longer fails with ``PairTimeout`` and the batch goes on.
        formats: report formats written besides the JSON report (``"html"``, ``"tmx"`` ...).
        export: the TSV/TMX export filter (``None``: every bead).
        accepted: flag ids a reviewer accepted (kept out of every output).
    """

    index: int
    line: int
    name: str
    src: str
    tgt: str
    src_lang: str | None = None
    tgt_lang: str | None = None
    presegmented: bool = False
    config: Config = DEFAULT_CONFIG
    limits: Limits | None = None
    timeout: float | None = None
    formats: tuple[str, ...] = ()
    export: ExportFilter | None = None
    accepted: frozenset[str] = frozenset()


class PairTimeout(AlignerError):
    """A batch pair took longer than its time limit (``--pair-timeout``)."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``PairTimeout`` in this thread after ``seconds``.

    In a process's main thread (local pool workers) a real-time alarm, which also ends a
    blocked system call. In any other thread (Dask's worker threads, which cannot take a
    signal) a timer thread raises it asynchronously in this one
    (``PyThreadState_SetAsyncExc``): it takes effect at the next Python instruction, so code
    inside one long C call (one encoder batch, say) is stopped when that call returns.
    """
    if seconds is None or seconds <= 0:
        yield
        return
    message = f"the pair took longer than its time limit of {seconds:g} s (--pair-timeout)"
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        with _thread_time_limit(seconds, message):
            yield
        return

    def expire(signum: int, frame: object) -> None:
        raise PairTimeout(message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _set_async_exc(thread_id: int, exc: type[BaseException]) -> int:
    """Raise ``exc`` in the thread ``thread_id`` at its next Python instruction; the number
    of threads changed."""
    import ctypes

    return int(ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc)))


@contextmanager
def _thread_time_limit(seconds: float, message: str) -> Iterator[None]:
    """:func:`_time_limit` for a thread other than the main one."""

    class Expired(PairTimeout):  # raised by its class alone, so the class carries the message
        def __init__(self, *args: object) -> None:
            super().__init__(*(args or (message,)))

    Expired.__name__ = Expired.__qualname__ = "PairTimeout"
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _set_async_exc(target, Expired)

    timer = threading.Timer(float(seconds), fire)
    timer.daemon = True
    raised = False
    timer.start()
    try:
        yield
    except Expired:
        raised = True
        raise
    finally:
        try:  # a limit that fires as the pair ends may arrive anywhere in here: take it
            timer.cancel()
            with lock:
                state["done"] = True
                pending = state["fired"] and not raised
            if pending:  # set but not yet delivered: let it arrive now, never later
                _let_pending_arrive()
        except Expired:
            pass  # the pair had ended (or failed otherwise): its own outcome stands


def _let_pending_arrive() -> None:
    """Run the interpreter's checkpoints so that an asynchronous exception already set for
    this thread is delivered; the caller catches it.

    Clearing it with ``PyThreadState_SetAsyncExc(id, NULL)`` instead would leave CPython's
    (3.11) eval-breaker flag set with no exception to deliver, which slows every thread of the
    process for good: taking it is what resets the flag. The exception can arrive at this
    function's entry, so the ``try`` that catches it belongs to the caller.
    """
    for _ in range(100_000):  # a backward jump checks for pending exceptions
        pass


@dataclass(frozen=True)
class PairResult:
    """What a worker sends back for one pair.

    Attributes:
        index, line, name: copied from the task.
        report: the JSON report text (``None`` when the pair failed).
        fidelity: document fidelity (``None`` when the pair failed).
        flag_counts: ``(type, count)`` pairs, sorted by type.
        n_beads: number of beads in the alignment.
        seconds: time spent on the worker.
        error: ``"ErrorClass: message"`` when the pair failed, else ``None``.
        verdict: the comparison's verdict (``None`` when the pair failed or was not recorded).
        extras: ``(format, text)`` of the other reports asked for (``PairTask.formats``).
    """

    index: int
    line: int
    name: str
    report: str | None
    fidelity: float | None
    flag_counts: tuple[tuple[str, int], ...]
    n_beads: int
    seconds: float
    error: str | None = None
    verdict: str | None = None
    extras: tuple[tuple[str, str], ...] = ()

    @property
    def ok(self) -> bool:
        """True when the pair was compared and its report rendered."""
        return self.error is None

    @classmethod
    def failure(cls, task: PairTask, error: str, seconds: float = 0.0) -> PairResult:
        """A failed result for ``task`` carrying ``error``."""
        return cls(task.index, task.line, task.name, None, None, (), 0, seconds, error)


def describe_error(exc: BaseException) -> str:
    """One line naming the error class and its message."""
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def run_pair(task: PairTask) -> PairResult:
    """Compare the pair of ``task``; any error is caught and returned in the result.

    Only ``Exception`` is caught (interrupts propagate), so one bad pair never stops a batch.
    """
    from ..api import compare_files
    from ..compare.decisions import accept
    from ..report import render
    from ..report.filters import render_outputs
    from ..report.model import build_report

    start = time.perf_counter()
    try:
        with _time_limit(task.timeout):
            comparison = compare_files(task.src, task.tgt, src_lang=task.src_lang, tgt_lang=task.tgt_lang,
                                       presegmented=task.presegmented, config=task.config, limits=task.limits)
            if task.accepted:
                comparison, _ = accept(comparison, task.accepted)
            model = build_report(comparison)  # one report model for the JSON and every other format
            report = render(comparison, "json", model)
            extras = render_outputs(comparison, task.formats, task.export, model)
    except Exception as exc:  # noqa: BLE001 - a failing pair is recorded; the batch goes on
        return PairResult.failure(task, describe_error(exc), time.perf_counter() - start)
    return PairResult(task.index, task.line, task.name, report, comparison.fidelity,
                      tuple(comparison.flag_counts().items()), len(comparison.alignment.beads),
                      time.perf_counter() - start, verdict=comparison.verdict, extras=extras)


#: How often a pool worker checks that the process that started it is still alive.
PARENT_POLL_SECONDS = 0.25


def watch_parent(parent_pid: int, poll: float = PARENT_POLL_SECONDS) -> threading.Thread:
    """Start a daemon thread that ends this process (``os._exit``) as soon as ``parent_pid`` is
    no longer its parent: when the driver of a batch is killed (SIGKILL, or SIGTERM from
    ``timeout``, systemd, Slurm) its pool workers go with it instead of holding memory and the
    caller's pipes."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(poll)
        os._exit(1)

    thread = threading.Thread(target=watch, name="aligner-parent-watch", daemon=True)
    thread.start()
    return thread


def init_pool_worker(encoder: str, parent_pid: int) -> None:
    """The initializer of a local pool worker: watch the parent, then load the encoders."""
    watch_parent(parent_pid)
    warm_worker(encoder)


def warm_worker(encoder: str) -> None:
    """Load the encoders named in ``encoder`` once in this worker process (the registry caches
    them per process). ``encoder`` is one name or several joined by ``+`` (the alignment and
    the fidelity encoders, see :func:`encoders_of`).

    A failure here is ignored: the same error then fails (and is recorded for) each pair.
    """
    from ..embed import get_encoder

    for name in encoder.split("+"):
        try:
            loaded = get_encoder(name)
            if loaded is not None:
                loaded.encode(["warm-up"])  # models load lazily: make this worker load it now
        except Exception as exc:  # noqa: BLE001 - run_pair reports the same error on every pair
            logging.getLogger("aligner").debug("warm-up of encoder %r failed: %s", name, exc)


def encoders_of(config: Config, src_lang: str | None = None, tgt_lang: str | None = None) -> str:
    """The encoders a pair needs, as ``warm_worker`` takes them: ``"use"`` or ``"e5+use"``.

    ``auto`` is resolved for the batch's languages when they are given (English-Finnish needs
    e5 for both the alignment and the fidelity), else to the first encoder ``auto`` tries; it
    is never passed on as ``auto``, which no worker can load."""
    from ..compare.pair import fidelity_encoder_for
    from ..embed.coverage import AUTO, AUTO_ORDER, pick_encoder

    if src_lang and tgt_lang:
        align = pick_encoder(src_lang, tgt_lang) if config.encoder == AUTO else config.encoder
        fidelity = fidelity_encoder_for(config, src_lang, tgt_lang)
    else:
        align = AUTO_ORDER[0] if config.encoder == AUTO else config.encoder
        fidelity = config.fidelity_encoder or align
    return "+".join(dict.fromkeys(AUTO_ORDER[0] if n == AUTO else n for n in (align, fidelity)))