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


@pytest.mark.slow
@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_pool_workers_die_with_their_parent(tmp_path, sig):
    """Issue 22 case 4: SIGTERM/SIGKILL of ``aligner batch`` left its busy workers running."""
    manifest = _big_pair(tmp_path / "in")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "aligner", "batch", str(manifest), "-o", str(tmp_path / "out"),
                             "--workers", "2", "--src-lang", "en", "--tgt-lang", "id", *FAST],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while time.monotonic() < deadline and proc.poll() is None:
            workers = [c for c in _children(proc.pid)
                       if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
            if len(workers) >= 2:
                break
            time.sleep(0.2)
        assert len(workers) >= 2, "the pool did not start"
        time.sleep(3)  # the workers are now busy with the two big pairs
        assert proc.poll() is None, "the batch ended before it could be killed; make the pairs bigger"
        os.kill(proc.pid, sig)
        proc.wait(30)
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
