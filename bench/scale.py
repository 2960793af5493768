"""Scale benchmarks: batch throughput per executor, and cost against document length.

Two parts (both by default):

* ``throughput``: pairs per second on ``../shared/data/alignment/ntrex-dev`` (62 English ->
  Indonesian documents, presegmented) for 1 and 2 workers with the ``local`` and ``dask``
  executors. Worker start-up (``open``: the process pool or the Dask cluster, workers started
  and their encoder loaded) is timed apart from the run; the configurations are run round-robin
  ``--repeat`` times and the median is kept. Reports of every run are checked to be
  byte-identical.
* ``length``: time and peak memory (RSS) of one ``compare`` of a document pair with N sentences
  a side, for each N in ``--sizes``. The pair is built by repeating
  ``../shared/data/alignment/panl-eco-long`` (the English and Indonesian sides cut at N
  lines). Each size runs in a fresh subprocess that is killed past ``--mem-limit-gib`` or the
  time left in ``--budget``; a size whose estimated time exceeds the budget left is skipped.
  Between consecutive sizes the cost of one doubling is ``(t2/t1) ** (log 2 / log(n2/n1))``
  with ``t`` the CPU time of compare + render in the subprocess (CPU time, so that other load
  on the machine does not distort it; wall times are reported too). Target: at most 2.3x per
  doubling, and the 100k pair must peak under 4 GiB.

Usage::

    python bench/scale.py                                  # both parts, default sizes
    python bench/scale.py --part length --sizes 1000,5000,20000,100000 --encoder none --budget 1800
    python bench/scale.py --part throughput --repeat 3 --json bench-scale.json

Data is read from ``<repo>/../shared/data`` (never copied into the repository).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
NTREX = DATA / "alignment" / "ntrex-dev"
LONG = DATA / "alignment" / "panl-eco-long"
TARGET_DOUBLING = 2.3
TARGET_PEAK_GIB = 4.0


# --------------------------------------------------------------------------- throughput


def _ntrex_entries() -> tuple[Any, ...]:
    from aligner.batch import parse_manifest

    names = sorted(p.stem for p in NTREX.glob("*.en"))
    if not names:
        sys.exit(f"scale.py: no ntrex-dev documents under {NTREX}")
    text = "name\tsrc\ttgt\n" + "".join(f"{n}\t{n}.en\t{n}.id\n" for n in names)
    return parse_manifest(text, NTREX, "ntrex-dev")


def _reports(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.json")) if p.name != "summary.json"}


def throughput(encoder: str, repeat: int, workers_list: list[int], executors: list[str]) -> list[dict[str, Any]]:
    """Pairs per second on ntrex-dev for each executor and worker count.

    The configurations are run round-robin ``repeat`` times (so a change in the machine's other
    load hits all of them alike) and the median of each is kept.
    """
    from aligner.batch import DaskExecutor, LocalExecutor, run_entries
    from aligner.batch.task import encoders_of
    from aligner.config import Config

    entries = _ntrex_entries()
    config = Config(encoder=encoder)
    configs = [(name, workers) for name in executors for workers in workers_list]
    timings: dict[tuple[str, int], list[tuple[float, float, float, float]]] = {c: [] for c in configs}
    reference: dict[str, bytes] | None = None
    with tempfile.TemporaryDirectory(prefix="aligner-scale-") as tmp:
        # warm-up: imports and lazy data of the in-process path are paid once, before timing
        run_entries(entries[:2], Path(tmp) / "warm", src_lang="en", tgt_lang="id", presegmented=True,
                    config=config, workers=1, progress=False)
        for r in range(repeat):
            for name, workers in configs:
                out = Path(tmp) / f"{name}-{workers}-{r}"
                ex = LocalExecutor(workers) if name == "local" else DaskExecutor(workers)
                t0 = time.perf_counter()
                ex.open(encoders_of(config))
                t1 = time.perf_counter()
                c1 = time.process_time()
                summary = run_entries(entries, out, src_lang="en", tgt_lang="id", presegmented=True,
                                      config=config, executor=ex, workers=workers, progress=False)
                t2 = time.perf_counter()
                cpu = time.process_time() - c1  # all the work when in-process (local, 1 worker)
                if summary.failed:
                    sys.exit(f"scale.py: {summary.failed} pairs failed: {summary.failures[0]}")
                got = _reports(out)
                if reference is None:
                    reference = got
                elif got != reference:
                    sys.exit(f"scale.py: reports of {name} x{workers} differ from the first run")
                shutil.rmtree(out)
                timings[(name, workers)].append((t1 - t0, t2 - t1, t2 - t0, cpu))
                print(json.dumps({"executor": name, "workers": workers, "run": r, "startup_s": round(t1 - t0, 3),
                                  "run_s": round(t2 - t1, 3), "load1": os.getloadavg()[0]}),
                      file=sys.stderr, flush=True)
    rows: list[dict[str, Any]] = []
    n = len(entries)
    for (name, workers), runs in timings.items():
        startup = statistics.median(t[0] for t in runs)
        run = statistics.median(t[1] for t in runs)
        total = statistics.median(t[2] for t in runs)
        row = {"executor": name, "workers": workers, "pairs": n, "repeat": repeat,
               "startup_s": round(startup, 3), "run_s": round(run, 3), "pairs_per_s": round(n / run, 1),
               "pairs_per_s_with_startup": round(n / total, 1)}
        if (name, workers) == ("local", 1):
            row["cpu_ms_per_pair"] = round(1000 * statistics.median(t[3] for t in runs) / n, 1)
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- length


def _build_pair(n: int, folder: Path) -> tuple[Path, Path]:
    """Write the first ``n`` lines of the repeated panl-eco-long sides to ``folder``."""
    paths = []
    for lang in ("en", "id"):
        lines = (LONG / f"long.{lang}").read_text("utf-8").splitlines()
        if not lines:
            sys.exit(f"scale.py: {LONG / f'long.{lang}'} is empty")
        reps = -(-n // len(lines))
        path = folder / f"pair-{n}.{lang}"
        path.write_text("\n".join((lines * reps)[:n]) + "\n", "utf-8")
        paths.append(path)
    return paths[0], paths[1]


def _child(src: str, tgt: str, encoder: str, align_only: bool) -> None:
    """Run in the subprocess: load, compare (or align) and render; print the timings as JSON."""
    t0 = time.perf_counter()
    import aligner
    from aligner.config import Config

    config = Config(encoder=encoder)
    t1 = time.perf_counter()
    s = aligner.load(src, "en", presegmented=True)
    t = aligner.load(tgt, "id", presegmented=True)
    t2 = time.perf_counter()
    c2 = time.process_time()
    if align_only:
        beads = len(aligner.align(s, t, config).beads)
        t3 = t4 = time.perf_counter()
    else:
        comparison = aligner.compare(s, t, config)
        beads = len(comparison.alignment.beads)
        t3 = time.perf_counter()
        aligner.render(comparison, "json")
        t4 = time.perf_counter()
    cpu = time.process_time() - c2
    # VmHWM: peak RSS of this process image (ru_maxrss would also count the parent's peak,
    # which Linux carries over a fork + exec)
    peak_kib = _status_kib("self", "VmHWM:") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "compare_s": t3 - t2, "render_s": t4 - t3,
                      "cpu_s": cpu, "beads": beads, "n_src": len(s), "n_tgt": len(t),
                      "peak_mib": peak_kib / 1024}))


def _status_kib(pid: int | str, field: str) -> int:
    """A ``kB`` field of ``/proc/PID/status`` (0 where there is none)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_mib(pid: int) -> float:
    return _status_kib(pid, "VmRSS:") / 1024


def _run_size(src: Path, tgt: Path, encoder: str, align_only: bool, timeout: float,
              mem_limit_mib: float) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(src), str(tgt), "--encoder", encoder]
    if align_only:
        cmd.append("--align-only")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    polled = 0.0
    status = "ok"
    try:
        while proc.poll() is None:
            polled = max(polled, _rss_mib(proc.pid))
            if polled > mem_limit_mib:
                status = f"killed: RSS over {mem_limit_mib:.0f} MiB"
            elif time.perf_counter() - start > timeout:
                status = f"killed: over the {timeout:.0f} s left in the budget"
            if status != "ok":
                break
            time.sleep(0.05)
    finally:  # never leave the child running (budget, memory, Ctrl-C or SIGTERM)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    wall = time.perf_counter() - start
    out, err = proc.communicate()
    row: dict[str, Any] = {"wall_s": round(wall, 2), "polled_peak_mib": round(polled, 1), "status": status}
    if status == "ok":
        if proc.returncode != 0:
            row["status"] = f"failed: exit {proc.returncode}: {err.strip().splitlines()[-1] if err.strip() else ''}"
        else:
            row.update(json.loads(out.strip().splitlines()[-1]))
            row["peak_mib"] = round(max(row["peak_mib"], polled), 1)
    return row


def length(sizes: list[int], encoder: str, align_only: bool, budget: float,
           mem_limit_gib: float) -> list[dict[str, Any]]:
    """Time and peak memory of one pair per size, each in a fresh subprocess."""
    rows: list[dict[str, Any]] = []
    deadline = time.perf_counter() + budget
    last: tuple[int, float] | None = None  # (size, CPU seconds) of the last size measured
    last_wall = 0.0
    exponent = 2.0  # assume quadratic until two sizes have been measured
    with tempfile.TemporaryDirectory(prefix="aligner-scale-") as tmp:
        for n in sizes:
            left = deadline - time.perf_counter()
            row: dict[str, Any] = {"size": n}
            if last is not None:
                estimate = last_wall * (n / last[0]) ** exponent
                if estimate > left:
                    row["status"] = f"skipped: estimated {estimate:.0f} s > {max(left, 0):.0f} s left in the budget"
                    rows.append(row)
                    print(json.dumps(row), file=sys.stderr, flush=True)
                    continue
            src, tgt = _build_pair(n, Path(tmp))
            row.update(_run_size(src, tgt, encoder, align_only, max(left, 1.0), mem_limit_gib * 1024))
            src.unlink()
            tgt.unlink()
            if row["status"] == "ok":
                t = row["cpu_s"]
                if last is not None and t > 0 and last[1] > 0:
                    exponent = max(1.0, math.log(t / last[1]) / math.log(n / last[0]))
                    row["per_doubling"] = round(2 ** (math.log(t / last[1]) / math.log(n / last[0])), 2)
                # the budget estimate scales wall time (what the budget counts) by the CPU exponent
                last = (n, t)
                last_wall = row["compare_s"] + row["render_s"]
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    return rows


# --------------------------------------------------------------------------- output


def _machine() -> str:
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
            f"load average {load} at the end")


def _markdown(thr: list[dict[str, Any]], lng: list[dict[str, Any]], encoder: str) -> str:
    date = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [f"machine: {_machine()}; encoder: {encoder}; date: {date}", ""]
    if thr:
        lines += ["| executor | workers | pairs | start-up s | run s | pairs/s | pairs/s incl. start-up |",
                  "|---|---|---|---|---|---|---|"]
        lines += [f"| {r['executor']} | {r['workers']} | {r['pairs']} | {r['startup_s']:.2f} | {r['run_s']:.2f} | "
                  f"{r['pairs_per_s']:.1f} | {r['pairs_per_s_with_startup']:.1f} |" for r in thr]
        cpu = [r["cpu_ms_per_pair"] for r in thr if "cpu_ms_per_pair" in r]
        if cpu:
            lines.append(f"\nCPU per pair in-process (local, 1 worker): {cpu[0]:.1f} ms")
        lines.append("")
    if lng:
        lines += ["| sentences a side | status | load s | compare s | render s | CPU s (compare+render) "
                  "| peak RSS MiB | CPU cost per doubling |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in lng:
            if r.get("status") == "ok":
                lines.append(f"| {r['size']} | ok | {r['load_s']:.2f} | {r['compare_s']:.2f} | {r['render_s']:.2f} | "
                             f"{r['cpu_s']:.2f} | {r['peak_mib']:.0f} | {r.get('per_doubling', '-')} |")
            else:
                lines.append(f"| {r['size']} | {r['status']} | | | | | {r.get('polled_peak_mib', '')} | |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run the chosen parts; print a Markdown table."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--part", choices=("all", "throughput", "length"), default="all")
    p.add_argument("--encoder", default="none", help="none or use (default: none)")
    p.add_argument("--sizes", default="1000,5000,20000,100000", help="sentences a side, comma-separated")
    p.add_argument("--align-only", action="store_true",
                   help="length part: time alignment only (no scores, flags, JSON)")
    p.add_argument("--budget", type=float, default=900.0, help="length part: seconds for all sizes (default: 900)")
    p.add_argument("--mem-limit-gib", type=float, default=8.0,
                   help="length part: kill a size above this RSS (default: 8)")
    p.add_argument("--workers", default="1,2", help="throughput part: worker counts (default: 1,2)")
    p.add_argument("--executors", default="local,dask", help="throughput part: executors (default: local,dask)")
    p.add_argument("--repeat", type=int, default=3, help="throughput part: runs per configuration (median kept)")
    p.add_argument("--json", help="also write the results here as JSON")
    p.add_argument("--child", nargs=2, metavar=("SRC", "TGT"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    if args.child:
        _child(args.child[0], args.child[1], args.encoder, args.align_only)
        return 0
    if not NTREX.is_dir() or not LONG.is_dir():
        sys.exit(f"scale.py: the shared data is not at {DATA}")
    thr = lng = []
    if args.part in ("all", "throughput"):
        thr = throughput(args.encoder, args.repeat, [int(w) for w in args.workers.split(",")],
                         args.executors.split(","))
    if args.part in ("all", "length"):
        lng = length([int(s) for s in args.sizes.split(",")], args.encoder, args.align_only, args.budget,
                     args.mem_limit_gib)
    sys.stdout.write(_markdown(thr, lng, args.encoder))
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": _machine(), "encoder": args.encoder,
                                               "throughput": thr, "length": lng}, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
