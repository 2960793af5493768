"""How much encoder work one alignment asks for: calls, texts and characters, and CPU seconds.

    .venv/bin/python bench/encoder_calls.py [SRC TGT --src-lang en --tgt-lang id] [--encoder use]

Defaults to the long panl document of the shared dev data (one sentence a line). The counts do
not depend on the machine's load, unlike CPU seconds on a shared VM, so they compare two
versions of the aligner fairly: run the script from each checkout with ``PYTHONPATH=src``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import aligner
from aligner.embed import get_encoder

PANL = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "alignment" / "panl-eco-long"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("src", nargs="?", type=Path, default=PANL / "long.en")
    p.add_argument("tgt", nargs="?", type=Path, default=PANL / "long.id")
    p.add_argument("--src-lang", default="en")
    p.add_argument("--tgt-lang", default="id")
    p.add_argument("--encoder", default="use")
    args = p.parse_args(argv)
    encoder = get_encoder(args.encoder)
    assert encoder is not None, "pick an encoder, not 'none'"
    counts = {"calls": 0, "texts": 0, "chars": 0}
    cls: Any = type(encoder)
    original = cls.encode

    def counted(self: Any, texts: list[str], *rest: Any, **kw: Any) -> Any:
        counts["calls"] += 1
        counts["texts"] += len(texts)
        counts["chars"] += sum(len(t) for t in texts)
        return original(self, texts, *rest, **kw)

    cls.encode = counted
    src = aligner.from_text(args.src.read_text("utf-8"), args.src_lang, presegmented=True)
    tgt = aligner.from_text(args.tgt.read_text("utf-8"), args.tgt_lang, presegmented=True)
    start = time.process_time()
    alignment = aligner.align(src, tgt, encoder=args.encoder)
    out = dict(counts, beads=len(alignment.beads), cpu_s=round(time.process_time() - start, 1))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
