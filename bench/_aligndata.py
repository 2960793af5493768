"""Dev alignment data and a disk cache of sentence vectors for the alignment benchmark.

Data lives in ``../shared/data/alignment/`` relative to the repository root (never copied).
Vectors are cached per sentence in one SQLite file per encoder, keyed by the SHA-1 of the
text, under ``$ALIGNER_BENCH_CACHE`` (default ``/work/cache/align`` where it exists, else
``bench/.cache/``, git-ignored), so a sentence shared by several pairs is encoded once.

Set names: ``ntrex`` (en-id), ``textberg`` (de-fr), ``panl`` (en-id, one long document) and
``ntrex-multi:PAIR`` for each folder of ``ntrex-multi-dev`` (``ntrex-multi:en-fi``);
``ntrex-multi`` alone means all fourteen.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from aligner.align.evaluate import read_beads

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "alignment"
if not DATA.exists():  # a worktree outside the main checkout's parent
    DATA = Path("/work/shared/data/alignment")
_DEFAULT_CACHE = Path("/work/cache/align")
CACHE = Path(os.environ.get("ALIGNER_BENCH_CACHE",
                            _DEFAULT_CACHE if _DEFAULT_CACHE.parent.exists() else ROOT / "bench" / ".cache"))
MULTI = DATA / "ntrex-multi-dev"


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


def multi_pairs() -> list[str]:
    """The language pairs of ``ntrex-multi-dev`` (``en-fi``, ...)."""
    return sorted(p.name for p in MULTI.iterdir() if p.is_dir()) if MULTI.exists() else []


def expand_sets(names: str) -> list[str]:
    """``"ntrex,ntrex-multi"`` -> every set name (``ntrex-multi`` becomes its fourteen pairs)."""
    out: list[str] = []
    for name in names.split(","):
        if name == "ntrex-multi":
            out.extend(f"ntrex-multi:{p}" for p in multi_pairs())
        elif name:
            out.append(name)
    return out


def set_pair(name: str) -> str:
    """The language pair of a set: ``en-id`` for ntrex and panl, ``de-fr`` for textberg."""
    if name.startswith("ntrex-multi:"):
        return name.split(":", 1)[1]
    return {"ntrex": "en-id", "panl": "en-id", "textberg": "de-fr"}[name]


def load_set(name: str) -> list[Doc]:
    """``textberg``, ``ntrex``, ``panl`` or ``ntrex-multi:PAIR``."""
    if name == "textberg":
        return [_doc("textberg", "dev", DATA / "textberg-dev" / "dev", "de", "fr")]
    if name == "ntrex":
        folder = DATA / "ntrex-dev"
        names = sorted(p.name[: -len(".enid")] for p in folder.glob("*.enid"))
        return [_doc("ntrex", n, folder / n, "en", "id") for n in names]
    if name == "panl":
        return [_doc("panl", "long", DATA / "panl-eco-long" / "long", "en", "id")]
    if name.startswith("ntrex-multi:"):
        pair = name.split(":", 1)[1]
        l1, l2 = pair.split("-")
        folder = MULTI / pair
        names = sorted(p.name[: -len(f".{l1}{l2}")] for p in folder.glob(f"*.{l1}{l2}"))
        return [_doc(name, n, folder / n, l1, l2) for n in names]
    raise ValueError(f"unknown set {name!r}")


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _db(encoder_name: str) -> sqlite3.Connection:
    CACHE.mkdir(parents=True, exist_ok=True)
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in encoder_name)
    con = sqlite3.connect(CACHE / f"{safe}.sqlite", timeout=60)
    con.execute("CREATE TABLE IF NOT EXISTS vec (k TEXT PRIMARY KEY, v BLOB)")
    return con


def cached_vectors(encoder_name: str, texts: tuple[str, ...]) -> np.ndarray:
    """Vectors of ``texts`` from the named encoder, cached on disk sentence by sentence."""
    keys = [_key(t) for t in texts]
    con = _db(encoder_name)
    try:
        found: dict[str, np.ndarray] = {}
        uniq = list(dict.fromkeys(keys))
        for k0 in range(0, len(uniq), 500):
            chunk = uniq[k0 : k0 + 500]
            q = f"SELECT k, v FROM vec WHERE k IN ({','.join('?' * len(chunk))})"
            for k, v in con.execute(q, chunk):
                found[k] = np.frombuffer(v, dtype=np.float32)
        by_key = dict(zip(keys, texts))
        missing = [by_key[k] for k in uniq if k not in found]
        if missing:
            from aligner.embed import get_encoder

            enc = get_encoder(encoder_name)
            vecs = enc.encode(missing).astype(np.float32)
            rows = [(_key(t), v.tobytes()) for t, v in zip(missing, vecs)]
            con.executemany("INSERT OR REPLACE INTO vec VALUES (?, ?)", rows)
            con.commit()
            for (k, _), v in zip(rows, vecs):
                found[k] = v
    finally:
        con.close()
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    return np.stack([found[k] for k in keys]).astype(np.float32)


if __name__ == "__main__":  # warm the cache: python bench/_aligndata.py use [sets...]
    import sys
    import time

    enc = sys.argv[1]
    for set_name in expand_sets(",".join(sys.argv[2:]) or "textberg,ntrex,ntrex-multi,panl"):
        t = time.time()
        for d in load_set(set_name):
            cached_vectors(enc, d.src)
            cached_vectors(enc, d.tgt)
        print(set_name, enc, f"{time.time() - t:.1f}s", flush=True)
