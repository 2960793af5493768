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


def _document(value: Document | str, lang: str | None, side: str) -> Document:
    """A ``Document`` as given, or one segmented from a string (``lang`` detected if None)."""
    if isinstance(value, Document):
        return value
    if isinstance(value, str):
        return from_text(value, lang, path=None)
    raise InputError(f"{side} must be a Document or a str, got {type(value).__name__}")


def _settings(config: Config, settings: dict[str, object]) -> Config:
    """``config`` with keyword settings on top (``encoder="none"``, ``max_bead=4`` ...)."""
    return config.with_(**settings) if settings else config


def align(src: Document | str, tgt: Document | str, config: Config = DEFAULT_CONFIG, *,
          src_lang: str | None = None, tgt_lang: str | None = None, **settings: object) -> Alignment:
    """Align two documents or strings (see :func:`aligner.align.align`); sizes are checked
    against :class:`aligner.config.Limits` first.

    Strings are segmented with ``src_lang`` / ``tgt_lang`` (detected when None); keyword
    settings (``encoder="none"``, ``max_bead=4`` ...) are applied on top of ``config``.

    Example:
        >>> a = align("Harga naik. Pemerintah diam.", "Prices rose. The government was silent.",
        ...           src_lang="id", tgt_lang="en", encoder="none")
        >>> [b.kind for b in a.beads]
        ['1-1', '1-1']
    """
    config = _settings(config, settings)
    src_doc, tgt_doc = _document(src, src_lang, "src"), _document(tgt, tgt_lang, "tgt")
    check_alignable(src_doc, tgt_doc)
    return _align(src_doc, tgt_doc, config)


def compare(src: Document | str, tgt: Document | str, config: Config = DEFAULT_CONFIG, *,
            src_lang: str | None = None, tgt_lang: str | None = None, **settings: object) -> Comparison:
    """Align, score and flag two documents or strings (sizes checked against ``Limits`` first).

    Takes the same string and keyword forms as :func:`align`; iterate the result for rows,
    or call ``.show()`` to print the aligned sentences.
    """
    config = _settings(config, settings)
    src_doc, tgt_doc = _document(src, src_lang, "src"), _document(tgt, tgt_lang, "tgt")
    check_alignable(src_doc, tgt_doc)
    return compare_documents(src_doc, tgt_doc, config)


def compare_files(src_path: str | os.PathLike[str], tgt_path: str | os.PathLike[str], *,
                  src_lang: str | None = None, tgt_lang: str | None = None,
                  presegmented: bool = False, config: Config = DEFAULT_CONFIG,
                  **settings: object) -> Comparison:
    """Load two files and compare them (keyword settings on top of ``config``, as in :func:`compare`)."""
    src = load(src_path, src_lang, presegmented=presegmented)
    tgt = load(tgt_path, tgt_lang, presegmented=presegmented)
    return compare(src, tgt, _settings(config, settings))


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
