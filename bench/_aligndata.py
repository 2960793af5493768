"""Dev alignment data and a disk cache of sentence vectors for the alignment benchmark.

Data lives in ``../shared/data/alignment/`` relative to the repository root (never copied).
Vectors are cached under ``bench/.cache/`` (git-ignored), keyed by encoder and text hash.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from aligner.align.evaluate import read_beads

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "alignment"
CACHE = ROOT / "bench" / ".cache"


@dataclass(frozen=True)
class Doc:
    """One gold-aligned document pair."""

    set: str
    name: str
    src_path: Path
    tgt_path: Path
    src_lang: str
    tgt_lang: str
    src: tuple[str, ...]
    tgt: tuple[str, ...]
    gold: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]


def _lines(path: Path) -> tuple[str, ...]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(line.strip() for line in lines)


def _doc(set_name: str, name: str, base: Path, l1: str, l2: str) -> Doc:
    src_path, tgt_path = Path(f"{base}.{l1}"), Path(f"{base}.{l2}")
    gold = read_beads(Path(f"{base}.{l1}{l2}").read_text(encoding="utf-8"), str(base))
    return Doc(set_name, name, src_path, tgt_path, l1, l2, _lines(src_path), _lines(tgt_path), tuple(gold))


def load_set(name: str) -> list[Doc]:
    """``textberg``, ``ntrex`` or ``panl``."""
    if name == "textberg":
        return [_doc("textberg", "dev", DATA / "textberg-dev" / "dev", "de", "fr")]
    if name == "ntrex":
        folder = DATA / "ntrex-dev"
        names = sorted(p.name[: -len(".enid")] for p in folder.glob("*.enid"))
        return [_doc("ntrex", n, folder / n, "en", "id") for n in names]
    if name == "panl":
        return [_doc("panl", "long", DATA / "panl-eco-long" / "long", "en", "id")]
    raise ValueError(f"unknown set {name!r}")


def cached_vectors(encoder_name: str, texts: tuple[str, ...]) -> np.ndarray:
    """Vectors of ``texts`` from the named encoder, cached on disk."""
    digest = hashlib.sha1("\n".join(texts).encode("utf-8")).hexdigest()[:16]
    path = CACHE / encoder_name / f"{digest}.npy"
    if path.exists():
        return np.load(path)
    from aligner.embed import get_encoder

    enc = get_encoder(encoder_name)
    vecs = enc.encode(list(texts)).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vecs)
    return vecs


if __name__ == "__main__":  # warm the cache: python bench/_aligndata.py use [sets...]
    import sys
    import time

    enc = sys.argv[1]
    for set_name in sys.argv[2:] or ["textberg", "ntrex", "panl"]:
        t = time.time()
        for d in load_set(set_name):
            cached_vectors(enc, d.src)
            cached_vectors(enc, d.tgt)
        print(set_name, enc, f"{time.time() - t:.1f}s", flush=True)
