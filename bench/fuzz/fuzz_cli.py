"""Atheris harness for the command line: fuzzed argument lists and input files.

Run (not in CI): .venv/bin/python bench/fuzz/fuzz_cli.py -max_total_time=300 -timeout=30 \
    -max_len=2048 bench/fuzz/corpus/cli
Contract checked: ``main(argv)`` returns 0 or 2 (never 1, an internal error), argparse exits
with 0 or 2, and every failure prints exactly one line on standard error.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from aligner.cli import main as cli_main

WORK = Path(tempfile.mkdtemp(prefix="aligner-fuzz-cli-"))
SUBCOMMANDS = ("segment", "align", "compare", "demo", "bogus", "")
OPTIONS = ("--lang", "--src-lang", "--tgt-lang", "--presegmented", "--format", "-o", "--encoder",
           "--max-bead", "--keep-boilerplate", "--show-boilerplate", "--seeds", "--version", "--",
           "--max-bytes", "--max-sentences", "--max-sentence-chars")
VALUES = ("en", "id", "json", "html", "md", "tsv", "tmx", "beads", "none", "0", "3", "99", "-1",
          "", "x" * 300, "a\nb", str(WORK), str(WORK / "out.json"), str(WORK / "missing.txt"),
          "-", "/dev/null", "/dev/zero", "10", "100000000", "\x1b]0;x\x07\u202e")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    files = []
    for k in range(2):
        path = WORK / f"in{k}.txt"
        path.write_bytes(fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 600)))
        files.append(str(path))
    argv = [SUBCOMMANDS[fdp.ConsumeIntInRange(0, len(SUBCOMMANDS) - 1)]]
    for _ in range(fdp.ConsumeIntInRange(0, 8)):
        kind = fdp.ConsumeIntInRange(0, 3)
        if kind == 0:
            argv.append(files[fdp.ConsumeIntInRange(0, 1)])
        elif kind == 1:
            argv.append(OPTIONS[fdp.ConsumeIntInRange(0, len(OPTIONS) - 1)])
        elif kind == 2:
            argv.append(VALUES[fdp.ConsumeIntInRange(0, len(VALUES) - 1)])
        else:
            argv.append(fdp.ConsumeUnicodeNoSurrogates(20))
    if "demo" in argv:
        return  # writes into the working folder; covered by tests
    out, err = io.StringIO(), io.StringIO()
    code: object
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main(argv)
        except SystemExit as exc:
            code = exc.code if exc.code is not None else 0
    lines = err.getvalue().splitlines()
    if code not in (0, 2):
        raise AssertionError(f"exit {code} for {argv!r}: {err.getvalue()!r}")
    if code == 2 and len(lines) != 1:
        raise AssertionError(f"{len(lines)} stderr lines for {argv!r}: {err.getvalue()!r}")
    if code == 0 and any(not line.startswith("aligner: note: ") and not line.startswith("fidelity ")
                         for line in lines):
        raise AssertionError(f"unexpected stderr for {argv!r}: {err.getvalue()!r}")


def main() -> None:
    argv = []
    for arg in sys.argv:  # make paths absolute before moving to the scratch folder
        if not arg.startswith("-"):
            arg = os.path.abspath(arg)
        elif arg.startswith(("-artifact_prefix=", "-exact_artifact_path=", "-dict=")):
            flag, value = arg.split("=", 1)
            arg = f"{flag}={os.path.abspath(value)}" + ("/" if value.endswith("/") else "")
        argv.append(arg)
    os.chdir(WORK)  # relative -o names the fuzzer invents land in the scratch folder
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
