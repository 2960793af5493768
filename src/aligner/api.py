"""The one-call public API: load documents, align, compare, write reports."""

from __future__ import annotations

import os
from pathlib import Path

from .align import Alignment
from .align import align as _align
from .compare import Comparison, compare_documents
from .config import DEFAULT_CONFIG, Config
from .document import Document
from .errors import InputError
from .io import check_alignable, read_path
from .report import write_report
from .segment import make_document

__all__ = ["load", "from_text", "align", "compare", "compare_files", "write_report", "SEED_PAIR", "demo"]

_SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
#: The embedded demo pair: Indonesian (000) and its English original (001).
SEED_PAIR = ("000_ae4071aa207af74f.txt", "001_2f5c058692c94630.txt")


def from_text(text: str, lang: str | None = None, *, presegmented: bool = False,
              path: str | None = None) -> Document:
    """Segment ``text`` into a ``Document``; the language is detected when ``lang`` is None.

    Example:
        >>> doc = from_text("Halo. Apa kabar?", "id")
        >>> doc.sentence_texts
        ('Halo.', 'Apa kabar?')
    """
    if not text.strip():
        raise InputError(f"{path or '<text>'}: the text is empty")
    return make_document(text, lang, presegmented=presegmented, path=path)


def load(path: str | os.PathLike[str], lang: str | None = None, *, presegmented: bool = False) -> Document:
    """Read, decode and segment a file (see :func:`aligner.io.read_path` for the errors)."""
    decoded = read_path(path)
    return make_document(decoded.text, lang, presegmented=presegmented, path=str(path),
                         encoding=decoded.encoding)


def align(src: Document, tgt: Document, config: Config = DEFAULT_CONFIG) -> Alignment:
    """Align two documents (see :func:`aligner.align.align`); sizes are checked against
    :class:`aligner.config.Limits` first."""
    check_alignable(src, tgt)
    return _align(src, tgt, config)


def compare(src: Document, tgt: Document, config: Config = DEFAULT_CONFIG) -> Comparison:
    """Align, score and flag two documents (sizes checked against ``Limits`` first)."""
    check_alignable(src, tgt)
    return compare_documents(src, tgt, config)


def compare_files(src_path: str | os.PathLike[str], tgt_path: str | os.PathLike[str], *,
                  src_lang: str | None = None, tgt_lang: str | None = None,
                  presegmented: bool = False, config: Config = DEFAULT_CONFIG) -> Comparison:
    """Load two files and compare them."""
    src = load(src_path, src_lang, presegmented=presegmented)
    tgt = load(tgt_path, tgt_lang, presegmented=presegmented)
    return compare(src, tgt, config)


def demo(out_dir: str | os.PathLike[str] = "reports", seeds_dir: str | os.PathLike[str] | None = None,
         config: Config = DEFAULT_CONFIG) -> list[Path]:
    """Compare the seed pair 000 (id) / 001 (en) and write every report format to ``out_dir``.

    ``seeds_dir`` defaults to ``./seeds`` when it holds the pair, else the copy in the package.
    """
    base = Path(seeds_dir) if seeds_dir else (Path("seeds") if (Path("seeds") / SEED_PAIR[0]).exists() else _SEEDS)
    comparison = compare_files(base / SEED_PAIR[0], base / SEED_PAIR[1], config=config)
    out = Path(out_dir)
    written = []
    from .report import FORMATS

    for fmt in FORMATS:
        target = out / f"seed-000-001.{fmt}"
        write_report(comparison, fmt, target)
        written.append(target)
    return written
