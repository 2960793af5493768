"""Issue 22 cases 2, 4, 5 in batch: a per-pair time limit, workers that die with their parent,
failure lines that cannot drive the terminal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aligner.cli import main

ROOT = Path(__file__).resolve().parents[2]
FAST = ["--encoder", "none", "--fidelity-encoder", "none"]


@pytest.mark.slow  # waits out a 10 s pair timeout
def test_a_slow_pair_fails_at_its_time_limit_and_the_run_goes_on(manifest, tmp_path, monkeypatch):
    from aligner import api
    from aligner.batch import run_batch

    real = api.compare_files

    def slow_for_rain(src, tgt, **kwargs):
        if "rain" in str(src):
            time.sleep(60)
        return real(src, tgt, **kwargs)

    monkeypatch.setattr(api, "compare_files", slow_for_rain)
    start = time.perf_counter()
    summary = run_batch(manifest, tmp_path / "out", src_lang="en", tgt_lang="id", workers=1,
                        pair_timeout=10, config=api.Config(encoder="none", fidelity_encoder="none"))
    assert time.perf_counter() - start < 50
    assert (summary.ok, summary.failed) == (2, 1)
    assert summary.failures[0].name == "rain" and "PairTimeout" in summary.failures[0].error


def test_pair_timeout_flag_is_checked(manifest, tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["batch", str(manifest), "-o", str(tmp_path / "out"), "--pair-timeout", "soon"])
    assert info.value.code == 2 and "is not a number of seconds" in capsys.readouterr().err


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def _big_pair(folder: Path, lines: int = 4000) -> Path:
    import random

    rng = random.Random(2)
    en = "the cat sat on a mat and then it rained over city market prices rose fell".split()
    id_ = "kucing duduk di atas tikar lalu hujan turun kota pasar harga naik jatuh".split()
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["name\tsrc\ttgt"]
    for k in range(2):
        for ext, words in (("en", en), ("id", id_)):
            text = "\n".join(" ".join(rng.choice(words) for _ in range(12)).capitalize() + "." for _ in range(lines))
            (folder / f"p{k}.{ext}").write_text(text + "\n", "utf-8")
        rows.append(f"p{k}\tp{k}.en\tp{k}.id")
    manifest = folder / "pairs.tsv"
    manifest.write_text("\n".join(rows) + "\n", "utf-8")
    return manifest


def _workers(driver: int, executor: str) -> list[int]:
    """The worker processes of a batch: the pool's, or the local Dask cluster's."""
    marks = (b"spawn_main",) if executor == "local" else (b"spawn_main", b"from multiprocessing")
    return [c for c in _children(driver) if any(m in Path(f"/proc/{c}/cmdline").read_bytes() for m in marks)]


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
@pytest.mark.parametrize("executor", ["local", "dask"])
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_pool_workers_die_with_their_parent(tmp_path, sig, executor):
    """Issue 22 case 4: SIGTERM/SIGKILL of ``aligner batch`` left its busy workers running
    (the local pool's; a local Dask cluster's workers already watched their parent)."""
    manifest = _big_pair(tmp_path / "in")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "aligner", "batch", str(manifest), "-o", str(tmp_path / "out"),
                             "--executor", executor, "--workers", "2", "--src-lang", "en", "--tgt-lang", "id", *FAST],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    left: list[int] = []
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while time.monotonic() < deadline and proc.poll() is None:
            workers = _workers(proc.pid, executor)
            if len(workers) >= 2:
                break
            time.sleep(0.2)
        assert len(workers) >= 2, "the pool did not start"
        time.sleep(3)  # the workers are now busy with the two big pairs
        assert proc.poll() is None, "the batch ended before it could be killed; make the pairs bigger"
        os.kill(proc.pid, sig)
        proc.wait(60)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.1)
        left = [w for w in workers if _alive(w)]
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in left:
            os.kill(w, signal.SIGKILL)
    assert not left, f"workers {left} outlived their parent by more than 5 s"


def test_failure_lines_escape_terminal_controls(tmp_path, capsys):
    """Issue 22 case 5: manifest fields were printed raw (OSC title, C1 CSI, U+202E)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ok.id").write_text("Hujan turun.\n", "utf-8")
    evil_path = "\x1b]0;PWNED\x07\x1b[31m.txt"
    manifest = folder / "pairs.tsv"
    manifest.write_text(f"name\tsrc\ttgt\nx\x9b2J\u202etxt.exe\t{evil_path}\tok.id\n", "utf-8")
    code = main(["batch", str(manifest), "-o", str(tmp_path / "out"), "--workers", "1", *FAST])
    err = capsys.readouterr().err
    assert code == 1 and "failed:" in err
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in err
    assert "\\x1b]0;PWNED\\x07" in err and "\\x9b" in err and "\\u202e" in err


def test_a_pair_stuck_in_a_worker_thread_fails_at_its_time_limit():
    """The time limit also holds off the main thread (Dask's worker threads take no signal):
    a thread that loops on past its limit gets ``PairTimeout`` at its next instruction."""
    import threading

    from aligner.batch.task import PairTimeout, _time_limit

    outcome: dict[str, object] = {}

    def stuck() -> None:
        start = time.monotonic()
        try:
            with _time_limit(0.5):
                while time.monotonic() - start < 20:
                    sum(range(1000))
            outcome["error"] = None
        except PairTimeout as exc:
            outcome["error"] = exc
        outcome["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=stuck)
    thread.start()
    thread.join(30)
    assert isinstance(outcome["error"], PairTimeout), outcome
    assert "time limit of 0.5 s" in str(outcome["error"]) and type(outcome["error"]).__name__ == "PairTimeout"
    assert outcome["seconds"] < 5


def test_a_finished_pair_never_gets_a_late_timeout():
    """The limit ends with its block: nothing is raised in the thread afterwards."""
    import threading

    from aligner.batch.task import _time_limit

    errors: list[BaseException] = []

    def quick() -> None:
        try:
            for _ in range(50):
                with _time_limit(0.01):
                    pass
            end = time.monotonic() + 0.5
            while time.monotonic() < end:
                sum(range(100))
        except BaseException as exc:  # noqa: BLE001 - any late exception fails the test
            errors.append(exc)

    thread = threading.Thread(target=quick)
    thread.start()
    thread.join(10)
    assert not errors


@pytest.mark.slow  # starts a Dask cluster (threads)
def test_dask_pairs_fail_at_their_time_limit_and_the_run_goes_on(manifest, tmp_path, monkeypatch):
    """Issue 22 case 2 under Dask: the per-pair limit was not enforced in Dask's worker threads."""
    from aligner import api
    from aligner.batch import DaskExecutor, run_batch

    real = api.compare_files

    def slow_for_rain(src, tgt, **kwargs):
        if "rain" in str(src):
            end = time.monotonic() + 45
            while time.monotonic() < end:  # a pair stuck in Python code
                time.sleep(0.01)
        return real(src, tgt, **kwargs)

    monkeypatch.setattr(api, "compare_files", slow_for_rain)
    start = time.perf_counter()
    summary = run_batch(manifest, tmp_path / "out", src_lang="en", tgt_lang="id", pair_timeout=10,
                        executor=DaskExecutor(2, processes=False),
                        config=api.Config(encoder="none", fidelity_encoder="none"))
    assert time.perf_counter() - start < 38
    assert (summary.ok, summary.failed) == (2, 1), summary.failures
    assert summary.failures[0].name == "rain" and "PairTimeout" in summary.failures[0].error


def test_dask_close_cancels_the_tasks_in_flight():
    """On close (end of run, an error, SIGTERM) tasks still queued on a cluster are cancelled:
    a scheduler that is not ours would otherwise run them for a client that has gone."""
    from aligner.batch import DaskExecutor

    calls: list[tuple[str, object]] = []

    class Client:
        def cancel(self, futures, force=False):
            calls.append(("cancel", (sorted(futures), force)))

        def close(self):
            calls.append(("close", None))

    ex = DaskExecutor(1, "tcp://127.0.0.1:1")
    ex._client = Client()
    ex._in_flight = {"f2", "f1"}
    ex.close()
    assert calls == [("cancel", (["f1", "f2"], True)), ("close", None)]


def test_sigterm_closes_the_dask_executor_then_restores_the_default():
    from aligner.batch import DaskExecutor

    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        pytest.skip("SIGTERM already has a handler here")
    ex = DaskExecutor(1, "tcp://127.0.0.1:1")
    ex._catch_sigterm()
    try:
        with pytest.raises(SystemExit) as info:
            signal.raise_signal(signal.SIGTERM)
        assert info.value.code == 143
    finally:
        ex.close()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
