"""Atheris harness for the segmenter: any text in any supported language -> valid spans.

Run (not in CI): .venv/bin/python bench/fuzz/fuzz_segment.py -max_total_time=300 -timeout=10 \
    bench/fuzz/corpus/segment
Invariants: spans are in order, inside the text, non-empty, trimmed, never overlapping; the
text outside the spans is whitespace; pre-segmented mode gives one span per line or a
one-line InputError. Any other exception is a finding.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from aligner.document import Document
    from aligner.errors import InputError
    from aligner.segment import make_document

# "sw": a language without segmentation data of its own (an unknown code such as "xx" is a
# ConfigError since issue 16)
LANGS = ("en", "id", "de", "ko", "zh", "ja", "fr", "ru", "sw", None)


def check(doc: Document) -> None:
    text = doc.text
    previous = 0
    for span in doc.sentences:
        piece = text[span.start : span.end]
        if span.start < previous or not piece or piece != piece.strip():
            raise AssertionError(f"bad span {span} in {text!r}")
        if text[previous : span.start].strip():
            raise AssertionError(f"text lost between {previous} and {span.start} in {text!r}")
        previous = span.end
    if text[previous:].strip():
        raise AssertionError(f"text lost after {previous} in {text!r}")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = LANGS[fdp.ConsumeIntInRange(0, len(LANGS) - 1)]
    presegmented = fdp.ConsumeBool()
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return
    try:
        doc = make_document(text, lang, presegmented=presegmented)
    except InputError as exc:
        if not presegmented or "\n" in str(exc):
            raise
        return
    check(doc)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
