"""Atheris harness for the reader: any bytes -> DecodedText or a one-line InputError.

Run (not in CI): .venv/bin/python bench/fuzz/fuzz_reader.py -max_total_time=300 -timeout=10 \
    bench/fuzz/corpus/reader
Any other exception, a multi-line message, or a broken invariant is a finding.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from aligner.errors import InputError
    from aligner.io import decode_bytes


def test_one_input(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "fuzz.txt")
    except InputError as exc:
        message = str(exc)
        if "\n" in message or not message.startswith("fuzz.txt: "):
            raise AssertionError(f"bad error message {message!r}") from None
        return
    text = decoded.text
    if "\r" in text or text.startswith("\ufeff") or not text.strip() or "\x00" in text:
        raise AssertionError(f"invariant broken for {data!r}: {text!r} ({decoded.encoding})")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
