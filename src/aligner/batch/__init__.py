"""Batch alignment: a manifest of document pairs run on all cores or on a Dask cluster.

``run_batch(manifest, out_dir, ...)`` writes ``out_dir/<name>.json`` (the compare JSON) per
pair and ``out_dir/summary.json``; pairs whose report exists are skipped (resume), a failing
pair is recorded and the run goes on, and the report bytes do not depend on the executor.
See ``docs/scale.md``.
"""

from .executors import EXECUTORS, DaskExecutor, Executor, LocalExecutor, get_executor
from .manifest import HEADER, ManifestEntry, parse_manifest, read_manifest
from .runner import DEFAULT_PAIR_TIMEOUT, SUMMARY_NAME, output_path, run_batch, run_entries
from .summary import BatchSummary, Failure
from .task import PairResult, PairTask, PairTimeout, run_pair

__all__ = [
    "run_batch", "run_entries", "read_manifest", "parse_manifest", "ManifestEntry", "HEADER",
    "BatchSummary", "Failure", "PairTask", "PairResult", "PairTimeout", "run_pair",
    "Executor", "LocalExecutor", "DaskExecutor", "EXECUTORS", "get_executor",
    "SUMMARY_NAME", "DEFAULT_PAIR_TIMEOUT", "output_path",
]
