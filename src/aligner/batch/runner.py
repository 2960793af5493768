"""Run a manifest of document pairs: skip finished pairs, run the rest, write reports and a summary.

The driver (this module) alone writes files: each pair's JSON report to ``OUTDIR/<name>.json``
and the run's ``OUTDIR/summary.json``, every one atomically (temporary file + rename), so an
interrupted run leaves only whole files and a re-run resumes where it stopped.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import DEFAULT_CONFIG, Config, Limits
from ..errors import ConfigError, InputError
from ..report.writers import atomic_write
from .executors import Executor, get_executor
from .manifest import ManifestEntry, read_manifest
from .summary import BatchSummary, summarise
from ..checks import select_checks
from ..validate import check_config, check_limits
from .task import PairResult, PairTask, describe_error, encoders_of

if TYPE_CHECKING:
    from ..report.filters import ExportFilter

__all__ = ["SUMMARY_NAME", "DEFAULT_PAIR_TIMEOUT", "output_path", "run_batch", "run_entries"]

#: File name of the run summary inside the output folder.
SUMMARY_NAME = "summary.json"
#: Seconds one pair may take by default (a 100,000-sentence pair takes about 150 s here).
DEFAULT_PAIR_TIMEOUT = 900.0


def output_path(out_dir: str | os.PathLike[str], name: str) -> Path:
    """Where the report of the pair called ``name`` goes: ``out_dir/<name>.json``."""
    return Path(out_dir) / f"{name}.json"


def _check_encoder(name: str) -> None:
    from ..embed import available_encoders

    if name not in available_encoders() and not name.startswith("st:"):
        raise ConfigError(f"unknown encoder {name!r}; choose one of {available_encoders()}")


def _progress(results: Iterator[PairResult], total: int, show: bool) -> Iterator[PairResult]:
    if not show:
        yield from results
        return
    from tqdm import tqdm

    failed = 0
    size = shutil.get_terminal_size()  # 80 x 24 where the terminal reports no size (tqdm would draw nothing)
    with tqdm(total=total, unit="pair", desc="aligning", file=sys.stderr, ncols=size.columns,
              nrows=size.lines) as bar:
        for result in results:
            if not result.ok:
                failed += 1
                bar.set_postfix(failed=failed, refresh=False)
            bar.update(1)
            yield result


def run_entries(entries: Sequence[ManifestEntry], out_dir: str | os.PathLike[str], *,
                src_lang: str | None = None, tgt_lang: str | None = None, presegmented: bool = False,
                config: Config = DEFAULT_CONFIG, executor: str | Executor = "local", workers: int = 1,
                scheduler: str | None = None, force: bool = False,
                progress: bool | None = None, limits: Limits | None = None,
                pair_timeout: float | None = DEFAULT_PAIR_TIMEOUT, formats: tuple[str, ...] = (),
                export: ExportFilter | None = None, accepted: frozenset[str] = frozenset()) -> BatchSummary:
    """Compare every pair of ``entries`` and write reports and ``summary.json`` to ``out_dir``.

    Args:
        entries: the pairs (see :func:`aligner.batch.read_manifest`).
        out_dir: output folder (created if missing).
        src_lang, tgt_lang: languages of all sources / targets; detected per file if ``None``.
        presegmented: inputs hold one sentence per line.
        config: settings for every pair.
        executor: ``"local"``, ``"dask"`` or an :class:`Executor` instance.
        workers: worker processes (local pool or local Dask cluster).
        scheduler: address of a running Dask scheduler (``executor="dask"`` only).
        force: compare pairs again even when their report exists. Without it, a report is
            reused when it parses and carries this run's signature (same settings), the same
            two paths and the languages given.
        progress: show a progress bar on standard error; ``None``: only when it is a terminal.
        limits: input limits for every pair (``None``: ``DEFAULT_LIMITS``).
        pair_timeout: seconds one pair may take on its worker (``None`` or 0: no limit); a pair
            over it fails with ``PairTimeout`` and the run goes on. Enforced on the worker: a
            real-time alarm in a pool worker's main thread, an asynchronous exception in Dask's
            worker threads (effective at the next Python instruction).
        formats: other report formats written beside each JSON report (``OUTDIR/<name>.html``
            ...); a pair is reused only when they exist too.
        export: filter of the TSV/TMX outputs (see :class:`aligner.report.filters.ExportFilter`).
        accepted: flag ids kept out of every output (a decisions file's); with them no
            report is reused.

    Returns:
        the summary (also written to ``out_dir/summary.json``). A failing pair never stops
        the run: its error is in ``summary.failures`` and no report is written for it.

    Raises:
        ConfigError: unknown executor or encoder, ``workers < 1``, ``scheduler`` without Dask.
        InputError: ``out_dir`` exists and is not a folder.
    """
    start = time.perf_counter()
    check_config(config)
    select_checks(config.checks)  # an unknown check name is a ConfigError before any pair runs
    check_limits(limits)
    if pair_timeout is not None and (isinstance(pair_timeout, bool) or not isinstance(pair_timeout, (int, float))
                                     or pair_timeout < 0):
        raise ConfigError(f"pair_timeout must be a number of seconds >= 0 or None, got {pair_timeout!r}")
    if not isinstance(workers, int) or isinstance(workers, bool):
        raise ConfigError(f"workers must be an integer, got {workers!r}")
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, got {workers}")
    _check_encoder(config.encoder)
    ex = get_executor(executor, workers, scheduler) if isinstance(executor, str) else executor
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: the output path exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    reused: list[PairResult] = []
    todo: list[ManifestEntry] = []
    for entry in entries:
        previous = None if force or accepted else _reuse(entry, out, config.signature, src_lang, tgt_lang)
        if previous is not None and not all(output_path(out, entry.name).with_suffix(f".{fmt}").is_file()
                                            for fmt in formats):
            previous = None  # a format asked for now is missing
        if previous is None:
            todo.append(entry)
        else:
            reused.append(previous)
    tasks = (PairTask(e.index, e.line, e.name, e.src, e.tgt, src_lang, tgt_lang, presegmented, config,
                      limits, pair_timeout or None, formats, export, accepted)
             for e in todo)
    show = sys.stderr.isatty() if progress is None else progress
    results: list[PairResult] = []
    n_workers = workers
    try:
        if todo:
            n_workers = ex.open(encoders_of(config, src_lang, tgt_lang))
            for result in _progress(ex.results(tasks), len(todo), show):
                results.append(_write(result, out))
    finally:
        ex.close()
    summary = summarise(results, reused, len(entries), time.perf_counter() - start,
                        executor=ex.name, workers=n_workers, signature=config.signature)
    atomic_write(out / SUMMARY_NAME, summary.to_json())
    from ..checks import CONSISTENCY_NAME, checks_consistency, from_report_files, inconsistencies_json

    if checks_consistency(config.checks):  # one source sentence, two translations, across the batch's pairs
        found = from_report_files((e.name, output_path(out, e.name)) for e in entries)
        atomic_write(out / CONSISTENCY_NAME, inconsistencies_json(found))
    return summary


def _same_settings(stored: str, wanted: str) -> bool:
    """Do two signatures name the same settings?

    A comparison's signature shows the lexicon it actually used (``lex:en-id:freedict...``)
    where the run's config says ``lex:auto``; with ``auto`` any resolved lexicon matches. The
    same holds for the encoders (``enc:auto=use`` where the config says ``enc:auto``,
    ``fenc:use=e5`` where it says ``fenc:use``). Every other field must be equal.
    """
    if stored == wanted:
        return True
    a, b = stored.split("|"), wanted.split("|")
    if len(a) != len(b):
        return False
    return all(x == y or (y == "lex:auto" and x.startswith("lex:"))
               or (y.startswith(("enc:", "fenc:")) and x.startswith(y + "="))
               for x, y in zip(a, b))


def _reuse(entry: ManifestEntry, out: Path, signature: str, src_lang: str | None,
           tgt_lang: str | None) -> PairResult | None:
    """The result stored in an existing report of ``entry``, or ``None`` when the pair must run.

    A report is reused only when it parses, was made with the same settings (signature), from
    the same two files, and in the languages asked for (when given).
    """
    path = output_path(out, entry.name)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
        source, target = data["source"], data["target"]
        if (not _same_settings(str(data.get("signature")), signature) or source["path"] != entry.src or target["path"] != entry.tgt
                or (src_lang and source["lang"] != src_lang) or (tgt_lang and target["lang"] != tgt_lang)):
            return None
        fidelity = float(data["fidelity"])
        flags = tuple(sorted((str(k), int(v)) for k, v in data["flag_counts"].items()))
        n_beads = len(data["beads"])
        verdict = data.get("verdict")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return PairResult(entry.index, entry.line, entry.name, None, fidelity, flags, n_beads, 0.0,
                      verdict=verdict if isinstance(verdict, str) else None)


def _write(result: PairResult, out: Path) -> PairResult:
    """Write the reports of an ok result; return the result without their text."""
    if result.report is None:
        return result
    try:
        for fmt, text in result.extras:  # the JSON report last: it marks the pair done
            atomic_write(output_path(out, result.name).with_suffix(f".{fmt}"), text)
        atomic_write(output_path(out, result.name), result.report)
    except OSError as exc:
        return dataclasses.replace(result, report=None, fidelity=None, flag_counts=(), n_beads=0, extras=(),
                                   error=f"cannot write the report: {describe_error(exc)}")
    return dataclasses.replace(result, report=None, extras=())


def run_batch(manifest: str | os.PathLike[str], out_dir: str | os.PathLike[str], *,
              src_lang: str | None = None, tgt_lang: str | None = None, presegmented: bool = False,
              config: Config = DEFAULT_CONFIG, executor: str | Executor = "local", workers: int = 1,
              scheduler: str | None = None, force: bool = False,
              progress: bool | None = None, limits: Limits | None = None,
              pair_timeout: float | None = DEFAULT_PAIR_TIMEOUT, formats: tuple[str, ...] = (),
              export: ExportFilter | None = None, accepted: frozenset[str] = frozenset()) -> BatchSummary:
    """Read the manifest at ``manifest`` and run it (arguments as for :func:`run_entries`).

    Raises ``InputError`` naming the line for a bad manifest.

    Example:
        >>> summary = run_batch("pairs.tsv", "out", src_lang="en", tgt_lang="id", workers=2)  # doctest: +SKIP
        >>> summary.line()  # doctest: +SKIP
        '62 pairs: 62 ok, 0 failed, 0 skipped in 4.2 s (14.8 pairs/s); mean fidelity 0.612'
    """
    check_limits(limits)
    entries = read_manifest(manifest, limits.max_bytes if limits else None)
    return run_entries(entries, out_dir, src_lang=src_lang, tgt_lang=tgt_lang,
                       presegmented=presegmented, config=config, executor=executor, workers=workers,
                       scheduler=scheduler, force=force, progress=progress, limits=limits,
                       pair_timeout=pair_timeout, formats=formats, export=export, accepted=accepted)
