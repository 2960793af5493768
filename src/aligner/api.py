"""The one-call public API: load documents, align, compare, write reports."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .align import Alignment
from .align import align as _align
from .compare import Comparison, SetComparison, compare_documents, compare_set
from .compare.multiset import DEFAULT_THRESHOLDS, SetThresholds
from .config import DEFAULT_CONFIG, Config, Limits
from .document import Document
from .embed import Encoder
from .errors import ConfigError, InputError
from .io import check_alignable
from .progress import step
from .report import write_report
from .segment import make_document
from .checks import select_checks
from .validate import check_config, check_limits, check_path, check_paths

__all__ = ["load", "from_text", "align", "compare", "compare_files", "compare_set_files", "check_file", "write_report",
           "SEED_PAIR", "demo"]

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
    if not isinstance(text, str):
        raise ConfigError(f"text must be a str, got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{path or '<text>'}: the text is empty")
    return make_document(text, lang, presegmented=presegmented, path=path)


def load(path: str | os.PathLike[str], lang: str | None = None, *, presegmented: bool = False,
         limits: Limits | None = None) -> Document:
    """Read, decode and segment a file; ``-`` reads standard input. ``limits`` (default
    ``DEFAULT_LIMITS``) bounds the bytes read.

    Plain text, HTML pages (main text only), DOCX and Markdown are told apart by content
    (:func:`aligner.io.formats.read_source`); errors as :func:`aligner.io.read_path`.
    """
    from .io.formats import read_source

    check_path(path)
    limits = check_limits(limits)
    with step("reading"):
        source = read_source(path, limits.max_bytes if limits else None)
    doc = make_document(source.text, lang, presegmented=presegmented, path=source.name,
                        encoding=source.encoding)
    if source.replaced or source.origin:  # what make_document cannot know: replaced bytes, extracted text
        doc = replace(doc, replaced=source.replaced, origin=source.origin or None)
    return doc


def _document(value: Document | str, lang: str | None, side: str) -> Document:
    """A ``Document`` as given, or one segmented from a string (``lang`` detected if None)."""
    if isinstance(value, Document):
        return value
    if isinstance(value, str):
        return from_text(value, lang, path=None)
    raise InputError(f"{side} must be a Document or a str, got {type(value).__name__}")


def _settings(config: Config, settings: dict[str, object]) -> Config:
    """``config`` with keyword settings on top (``encoder="none"``, ``max_bead=4`` ...)."""
    check_config(config)
    chosen = config.with_(**settings) if settings else config
    select_checks(chosen.checks)  # an unknown check name (``--checks``) is a ConfigError before any work
    return chosen


def align(src: Document | str, tgt: Document | str, config: Config = DEFAULT_CONFIG, *,
          src_lang: str | None = None, tgt_lang: str | None = None, limits: Limits | None = None,
          **settings: object) -> Alignment:
    """Align two documents or strings (see :func:`aligner.align.align`); arguments are checked,
    and sizes against ``limits`` (default :data:`aligner.config.DEFAULT_LIMITS`), first.

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
    check_alignable(src_doc, tgt_doc, check_limits(limits))
    with step("aligning"):
        return _align(src_doc, tgt_doc, config)


def compare(src: Document | str, tgt: Document | str, config: Config = DEFAULT_CONFIG, *,
            src_lang: str | None = None, tgt_lang: str | None = None, limits: Limits | None = None,
            **settings: object) -> Comparison:
    """Align, score and flag two documents or strings (arguments, and sizes against ``limits``,
    checked first).

    Takes the same string and keyword forms as :func:`align`; iterate the result for rows,
    or call ``.show()`` to print the aligned sentences.
    """
    config = _settings(config, settings)
    src_doc, tgt_doc = _document(src, src_lang, "src"), _document(tgt, tgt_lang, "tgt")
    check_alignable(src_doc, tgt_doc, check_limits(limits))
    return compare_documents(src_doc, tgt_doc, config)


def compare_files(src_path: str | os.PathLike[str], tgt_path: str | os.PathLike[str], *,
                  src_lang: str | None = None, tgt_lang: str | None = None,
                  presegmented: bool = False, config: Config = DEFAULT_CONFIG,
                  limits: Limits | None = None, **settings: object) -> Comparison:
    """Load two files and compare them (keyword settings on top of ``config``, as in :func:`compare`;
    ``limits`` as for :func:`load` and :func:`compare`)."""
    config = _settings(config, settings)
    src = load(src_path, src_lang, presegmented=presegmented, limits=limits)
    tgt = load(tgt_path, tgt_lang, presegmented=presegmented, limits=limits)
    return compare(src, tgt, config, limits=limits)


def check_file(path: str | os.PathLike[str], *, src_lang: str | None = None, tgt_lang: str | None = None,
               config: Config = DEFAULT_CONFIG, limits: Limits | None = None, **settings: object) -> Comparison:
    """Check a bilingual file (XLIFF 1.2/2.0, TMX, PO; ``-``: standard input) as it stands:
    each unit is one bead, scored and flagged as :func:`compare` does, without aligning.

    Languages: those given, else the file's, else detected. Needs translate-toolkit
    (``pip install 'aligner[bilingual]'``).
    """
    from .compare.pair import compare_aligned
    from .io.bilingual import read_bilingual, unit_documents

    check_path(path)
    config = _settings(config, settings)
    limits = check_limits(limits)
    with step("reading"):
        bilingual = read_bilingual(path, limits.max_bytes if limits else None)
        src, tgt, alignment = unit_documents(bilingual, src_lang, tgt_lang)
    check_alignable(src, tgt, limits)
    return compare_aligned(src, tgt, alignment, config)


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


def compare_set_files(paths: Sequence[str | os.PathLike[str]], config: Config = DEFAULT_CONFIG, *,
                      encoder: str | Encoder = "auto", pivot: str | None = None, presegmented: bool = False,
                      thresholds: SetThresholds = DEFAULT_THRESHOLDS, limits: Limits | None = None) -> SetComparison:
    """Load ``paths`` (languages detected, furniture marked) and :func:`compare_set` them
    (``limits``: as for :func:`aligner.load`; ``None``: ``DEFAULT_LIMITS``).

    Each document keeps its path as given; a folder stands for its non-hidden files, in name
    order (``folder/name``). Raises ``InputError`` for fewer than two files, a file given
    twice, or a file that cannot be read.
    """
    given: list[str] = []
    for p in check_paths(paths, "paths"):
        if os.path.isdir(p):
            given.extend(os.path.join(str(p), name) for name in sorted(os.listdir(p))
                         if not name.startswith(".") and os.path.isfile(os.path.join(p, name)))
        else:
            given.append(str(p))
    if len(given) < 2:
        raise InputError(f"compare-set needs at least two files, got {len(given)}")
    seen: set[str] = set()
    for p in given:
        key = os.path.realpath(p)
        if key in seen:
            raise InputError(f"{p}: given twice")
        seen.add(key)
    return compare_set([load(p, presegmented=presegmented, limits=limits) for p in given], config,
                       encoder=encoder, pivot=pivot, thresholds=thresholds)
