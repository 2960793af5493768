"""Issue 22 case 2: a FIFO (or device) as any input is refused at once, never read or waited on.

On the old main, opening a FIFO with no writer blocked forever; each test here runs the read
in a thread and fails (after unblocking the thread) if it has not returned within seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from aligner.errors import AlignerError, InputError

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")

ROOT = Path(__file__).resolve().parents[2]


def _outcome_within(seconds: float, fifo: Path, call: Callable[[], object]) -> BaseException | None:
    """Run ``call`` in a thread; its exception (None if it returned). Fails if still blocked."""
    box: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            box.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        # Unblock the reader (open a writer, close it: the reader sees end of file).
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        thread.join(5)
        pytest.fail(f"reading the FIFO {fifo} blocked for more than {seconds} s")
    return box[0]


@pytest.fixture()
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def test_fifo_as_a_document(fifo):
    from aligner import load

    exc = _outcome_within(5, fifo, lambda: load(fifo, "en"))
    assert isinstance(exc, InputError) and "is a FIFO (named pipe), not a regular file" in str(exc)


def test_fifo_as_a_manifest(fifo, tmp_path):
    from aligner.batch import run_batch

    exc = _outcome_within(5, fifo, lambda: run_batch(fifo, tmp_path / "out"))
    assert isinstance(exc, InputError) and "FIFO" in str(exc)


def test_fifo_as_a_lexicon(fifo):
    from aligner.lexicon.tsv import TsvLexicon

    exc = _outcome_within(5, fifo, lambda: TsvLexicon(fifo, "en", "id"))
    assert isinstance(exc, InputError) and "FIFO" in str(exc)


def test_fifo_in_a_compare_set(fifo, seed_paths):
    from aligner import compare_set_files

    exc = _outcome_within(5, fifo, lambda: compare_set_files([seed_paths["001"], fifo]))
    assert isinstance(exc, InputError) and "FIFO" in str(exc)


def test_batch_of_dev_zero_is_refused_at_once(tmp_path):
    """``aligner batch /dev/zero -o out`` took 3 GB in 10 s (the manifest read had no cap)."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("needs /dev/zero")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.run([sys.executable, "-m", "aligner", "batch", "/dev/zero", "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=60, env=env)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "is a character device, not a regular file" in proc.stderr


def test_manifest_over_the_byte_limit_is_refused(tmp_path):
    from aligner.batch import read_manifest

    path = tmp_path / "m.tsv"
    path.write_text("name\tsrc\ttgt\n" + "a\tb\tc\n" * 100, "utf-8")
    with pytest.raises(InputError, match="more than the limit of 50 bytes"):
        read_manifest(path, max_bytes=50)


def test_every_refusal_is_an_aligner_error(tmp_path):
    from aligner.io import read_bounded

    for bad in (tmp_path, tmp_path / "missing", "/dev/null"):
        with pytest.raises(AlignerError):
            read_bounded(bad)
