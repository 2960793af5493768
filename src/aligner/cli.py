"""The ``aligner`` command line: a thin layer over the public API.

parse arguments -> Config -> public API -> writer. Errors are mapped to exit codes in one
place (:func:`main`): ``AlignerError`` subclasses carry their code (input and argument
errors exit 2), anything unexpected exits 1 with a one-line message.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from . import api
from .config import DEFAULT_CONFIG, DEFAULT_LIMITS, Config, Limits
from .document import Document
from .errors import AlignerError, ConfigError, InputError
from .escaping import escape_controls, escape_for_terminal
from .language import normalize_language
from .report import FORMATS, render
from .progress import finish
from .report.writers import atomic_write, check_writable, render_pieces

if TYPE_CHECKING:
    from .compare import Comparison
    from .report.filters import ExportFilter

__all__ = ["main", "build_parser"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> "None":  # type: ignore[override]
        # One line, like every other input error: the usage text would make it several.
        self.exit(2, f"aligner: error: {_one_line(message)} (see '{self.prog} --help')\n")


def _lang_code(value: str) -> str:
    """An argparse type: a language code such as ``en``, ``ind``, ``zh-Hant``, normalised
    (else exit 2)."""
    try:
        return normalize_language(value)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_langs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--src-lang", metavar="L1", type=_lang_code, help="source language (ISO 639-1/3 or BCP-47); detected if omitted")
    p.add_argument("--tgt-lang", metavar="L2", type=_lang_code, help="target language (ISO 639-1/3 or BCP-47); detected if omitted")
    p.add_argument("--presegmented", action="store_true",
                   help="inputs hold one sentence per line, kept as given")


def _add_config(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoder", default="auto",
                   help="sentence encoder: auto (per language pair, the first that covers both "
                        "languages: use, else e5, else none), use (USE-multilingual), e5 (multilingual-e5), "
                        "st:PATH (a local sentence-transformers model), or none (surface evidence "
                        "only, fast) (default: auto)")
    p.add_argument("--max-bead", type=int, default=DEFAULT_CONFIG.max_bead,
                   help=f"most sentences on one side of a bead (default: {DEFAULT_CONFIG.max_bead})")
    p.add_argument("--keep-boilerplate", action="store_true", help="align page furniture too")
    p.add_argument("--lexicon", default="auto",
                   help="bilingual lexicon: auto (shipped for the pair), none, or a source<TAB>target .tsv file (default: auto)")
    p.add_argument("--fidelity-encoder", default=None,
                   help="encoder for the similarity signal of fidelity scores and flags; none drops it "
                        "(default: use, or none with --encoder none)")
    p.add_argument("--checks", default="all", metavar="LIST",
                   help="QA checks to run, by name: all, none, or a list such as 'all,-doublespace' or "
                        "'urls,placeholders' (see docs/checks.md; default: all)")
    p.add_argument("--glossary", default="", metavar="FILE",
                   help="terminology for the glossary checks: TSV source<TAB>target[<TAB>forbidden] or TBX")


def _positive_int(value: str) -> int:
    """An argparse type: an integer >= 1 (underscores allowed: ``50_000_000``)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be at least 1")
    return number


def _seconds(value: str) -> float:
    """An argparse type: a number of seconds >= 0 (0: no limit)."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} must be a number of seconds >= 0")
    return number


def _add_limits(p: argparse.ArgumentParser) -> None:
    d = DEFAULT_LIMITS
    p.add_argument("--max-bytes", type=_positive_int, metavar="N",
                   help=f"largest input file read, in bytes (default: {d.max_bytes:,})")
    p.add_argument("--max-sentences", type=_positive_int, metavar="N",
                   help=f"most sentences on one side (default: {d.max_sentences:,})")
    p.add_argument("--max-sentence-chars", type=_positive_int, metavar="N",
                   help=f"longest sentence accepted, in characters (default: {d.max_sentence_chars:,}; "
                        f"encoders see at most the first {_encoder_max_chars():,} of one)")


def _encoder_max_chars() -> int:
    from .embed import ENCODER_MAX_CHARS

    return ENCODER_MAX_CHARS


def _limits(args: argparse.Namespace) -> Limits:
    """``DEFAULT_LIMITS`` (looked up now) with the limits given on the command line."""
    from . import config as config_module

    given = {k: getattr(args, k) for k in ("max_bytes", "max_sentences", "max_sentence_chars")
             if getattr(args, k, None) is not None}
    return replace(config_module.DEFAULT_LIMITS, **given)


def _config(args: argparse.Namespace) -> Config:
    return Config(encoder=args.encoder, max_bead=args.max_bead, keep_boilerplate=args.keep_boilerplate,
                  lexicon=args.lexicon, fidelity_encoder=args.fidelity_encoder, checks=args.checks,
                  glossary=args.glossary)


def _add_quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar (one is shown on a terminal when a run takes more than 2 s)")


def _unit_interval(value: str) -> float:
    """An argparse type: a number between 0 and 1."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number between 0 and 1") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} is not between 0 and 1")
    return number


def _add_decisions(p: argparse.ArgumentParser, filters: bool = True, fail_on: bool = True) -> None:
    """``--fail-on``, ``--accept`` and (for exports) ``--min-confidence`` / ``--min-fidelity`` /
    ``--exclude-flagged``."""
    if fail_on:
        p.add_argument("--fail-on", choices=("minor", "major"),
                       help="exit 1 when a flag of this severity or above remains (after --accept); errors exit 2")
    p.add_argument("--accept", action="append", default=[], metavar="FILE",
                   help="decisions file saved from the HTML report: its accepted flags are kept out "
                        "(repeat for several files)")
    if filters:
        p.add_argument("--min-confidence", type=_unit_interval, default=0.0, metavar="X",
                       help="TSV/TMX export: keep beads whose alignment confidence is at least X")
        p.add_argument("--min-fidelity", type=_unit_interval, default=0.0, metavar="X",
                       help="TSV/TMX export: keep beads whose fidelity is at least X")
        p.add_argument("--exclude-flagged", action="store_true",
                       help="TSV/TMX export: leave out beads that still carry a minor or major flag "
                            "(info flags are notes and keep their bead)")


def _add_pair_command(sub: argparse._SubParsersAction, name: str, help_text: str,
                      formats: tuple[str, ...], func: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    """A subcommand over two files: SRC TGT (``-`` for standard input), languages, settings,
    ``--format`` (first = default), ``-o``, ``--quiet``."""
    p = sub.add_parser(name, help=help_text)
    p.add_argument("src", help="source file: text, HTML, DOCX or Markdown (- reads standard input)")
    p.add_argument("tgt", help="target file, as SRC")
    _add_langs(p)
    _add_config(p)
    _add_limits(p)
    p.add_argument("--format", choices=formats, default=formats[0])
    p.add_argument("-o", "--output", help="write here instead of standard output ('-': standard output)")
    _add_quiet(p)
    p.set_defaults(func=func)
    return p


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = _Parser(prog="aligner", description="Translation alignment and cross-language comparison.")
    from ._version import VERSION

    parser.add_argument("--version", action="version", version=f"aligner {VERSION}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("segment", help="print sentences one per line, a blank line between paragraphs")
    p.add_argument("file")
    p.add_argument("--lang", type=_lang_code, help="language code (ISO 639 / BCP-47); detected if omitted; "
                   "a language without rules of its own gets its script's")
    p.add_argument("--show-boilerplate", action="store_true", help="prefix page furniture with '# boilerplate: '")
    _add_limits(p)
    p.set_defaults(func=_cmd_segment)

    _add_pair_command(sub, "align", "align two files and print beads", ("beads", "tsv"), _cmd_align)
    compare_parser = _add_pair_command(sub, "compare", "align, score and flag two files; write a report",
                                       ("json", *sorted(set(FORMATS) - {"json"})), _cmd_compare)
    _add_decisions(compare_parser)

    p = sub.add_parser("check", help="check a bilingual file (XLIFF 1.2/2.0, TMX, PO) as it stands: "
                       "its units are the beads",
                       description="Score and flag every unit of a bilingual file without aligning: each "
                                   "translation unit is one bead (an empty target is an omission).")
    p.add_argument("file", help="XLIFF, TMX or PO file (told apart by content; - reads standard input)")
    _add_langs(p)
    _add_config(p)
    _add_limits(p)
    p.add_argument("--format", choices=("json", *sorted(set(FORMATS) - {"json"})), default="json")
    p.add_argument("-o", "--output", help="write here instead of standard output ('-': standard output)")
    _add_quiet(p)
    _add_decisions(p)
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("compare-set", help="classify every pair of files (translation / related / unrelated); "
                       "compare the versions of each article")
    p.add_argument("files", nargs="+", metavar="FILE", help="files to compare; a folder stands for its files")
    p.add_argument("--pivot", metavar="FILE|LANG",
                   help="the version the others were translated from, in each group of translations: one of "
                        "the files, or a language (default: the longest version)")
    p.add_argument("--fingerprint-encoder", default="auto",
                   help="sentence encoder for document fingerprints and sentence matches: auto (the first "
                        "that covers every language of the set: use, else e5), use, e5 (default: auto)")
    p.add_argument("--presegmented", action="store_true", help="inputs hold one sentence per line, kept as given")
    _add_config(p)
    _add_limits(p)
    p.add_argument("--format", choices=("json", "md", "html"), default="json")
    p.add_argument("-o", "--output", help="write here (and each translation pair's md/html report beside it) "
                   "instead of standard output ('-': standard output, without pair reports)")
    _add_quiet(p)
    p.set_defaults(func=_cmd_compare_set)

    p = sub.add_parser("eval", help="score bead files against gold: strict and lax precision/recall/F1")
    p.add_argument("pairs", nargs="+", metavar="SYS GOLD",
                   help="one or more pairs: system bead file, then its gold bead file "
                        "(vecalign format; scores are micro-averaged over the pairs)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=_cmd_eval)

    p = sub.add_parser("demo", help="compare the seed pair 000/001 and write every report under reports/")
    p.add_argument("-o", "--output", default="reports", help="output folder (default: reports)")
    p.add_argument("--seeds", help="folder holding the seed files (default: ./seeds, else the packaged copy)")
    _add_config(p)
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser("batch", help="compare every pair of a manifest; one JSON report per pair plus a summary",
                       description="Compare every pair of MANIFEST (TSV with header name<TAB>src<TAB>tgt; "
                                   "relative paths are relative to the manifest's folder). Writes OUTDIR/<name>.json "
                                   "per pair (and OUTDIR/<name>.FORMAT for each --also FORMAT) and OUTDIR/summary.json. "
                                   "Pairs whose reports exist (same settings) are skipped. "
                                   "Exit code: 0 all pairs ok, 1 some pairs failed, 2 bad manifest or arguments.")
    p.add_argument("manifest", metavar="MANIFEST", help="TSV file: header name<TAB>src<TAB>tgt, one pair a line")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder (created if missing)")
    _add_langs(p)
    _add_config(p)
    from .batch import EXECUTORS

    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="worker processes (default: all cores, %(default)s here)")
    p.add_argument("--executor", choices=sorted(EXECUTORS), default="local",
                   help="local: a process pool on this machine; dask: dask.distributed (default: local)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="address of a running Dask scheduler, e.g. tcp://host:8786 (with --executor dask; "
                        "without it a local cluster of N workers is started)")
    p.add_argument("--force", action="store_true", help="compare pairs again even when their report exists")
    _add_limits(p)
    from .batch import DEFAULT_PAIR_TIMEOUT

    p.add_argument("--pair-timeout", type=_seconds, default=DEFAULT_PAIR_TIMEOUT, metavar="SECONDS",
                   help="a pair that takes longer fails (and the run goes on); 0: no limit (default: %(default)g)")
    p.add_argument("--also", action="append", default=[], choices=sorted(set(FORMATS) - {"json"}), metavar="FORMAT",
                   help="also write OUTDIR/<name>.FORMAT for every pair: " + ", ".join(sorted(set(FORMATS) - {"json"}))
                        + " (repeat for several)")
    _add_decisions(p, fail_on=False)
    _add_quiet(p)
    p.set_defaults(func=_cmd_batch)
    return parser


#: ``-o -``: write to standard output.
STDOUT = "-"


def _check_output(output: str | None) -> None:
    """Refuse an unusable ``-o`` before any work is done (``-`` is standard output)."""
    if output and output != STDOUT:
        check_writable(output)


def _emit(text: str | Iterable[str], output: str | None) -> None:
    if output and output != STDOUT:
        atomic_write(output, text)  # checks the path itself (check_writable)
    else:  # whole, so that a failure part-way writes nothing
        whole = text if isinstance(text, str) else "".join(text)
        if sys.stdout.isatty():  # article text must not act on a terminal
            whole = escape_for_terminal(whole)
        sys.stdout.write(whole)
        sys.stdout.flush()


def _segment_text(doc: Document, show_boilerplate: bool) -> str:
    lines: list[str] = []
    previous = None
    for i, span in enumerate(doc.sentences):
        if previous is not None and span.paragraph != previous:
            lines.append("")
        previous = span.paragraph
        text = " ".join(doc.sentence_text(i).split("\n"))
        if show_boilerplate and span.kind != "content":
            text = f"# {span.kind}: {text}"
        lines.append(text)
    return "\n".join(lines) + "\n"


def _note_encoding(doc: Document, config: Config | None = None) -> None:
    """Say on stderr which encoding a non-UTF-8 input was decoded from, which invalid UTF-8
    bytes were replaced, and (with an encoder) which sentences the encoder saw cut; after a
    successful run only, so that a failure stays one line."""
    if doc.encoding and doc.encoding not in ("utf-8", "utf-8-sig"):
        print(f"aligner: note: {_one_line(doc.path)} decoded as {doc.encoding}", file=sys.stderr)
    if doc.replaced:
        from .io.reader import describe_replaced

        print(_one_line(f"aligner: note: {describe_replaced(doc.path or '<text>', doc.replaced)}"), file=sys.stderr)
    if config is not None and {config.encoder, config.fidelity_encoder} != {"none"}:
        cap = config.encoder_max_chars
        long = [i + 1 for i, s in enumerate(doc.sentences) if s.end - s.start > cap]
        if long:
            shown = ", ".join(map(str, long[:5])) + (", ..." if len(long) > 5 else "")
            print(_one_line(f"aligner: note: {doc.path or '<text>'}: {len(long)} sentence(s) longer than {cap:,} "
                            f"characters (sentence {shown}); the encoder saw only their first {cap:,}"),
                  file=sys.stderr)


def _cmd_segment(args: argparse.Namespace) -> int:
    doc = api.load(args.file, args.lang, limits=_limits(args))
    _emit(_segment_text(doc, args.show_boilerplate), None)
    _note_encoding(doc)
    from .segment import fallback_note

    note = fallback_note(doc.lang, doc.text) if args.lang else None
    if note:
        print(f"aligner: note: {note}", file=sys.stderr)
    return 0


def _load_pair(args: argparse.Namespace) -> tuple[Document, Document]:
    if args.src == "-" and args.tgt == "-":
        raise InputError("only one of SRC and TGT can be - (standard input)")
    limits = _limits(args)
    src = api.load(args.src, args.src_lang, presegmented=args.presegmented, limits=limits)
    tgt = api.load(args.tgt, args.tgt_lang, presegmented=args.presegmented, limits=limits)
    return src, tgt


def _cmd_align(args: argparse.Namespace) -> int:
    config = _config(args)
    _check_output(args.output)
    src, tgt = _load_pair(args)
    if args.format == "beads":
        text = api.align(src, tgt, config, limits=_limits(args)).to_beads_text()
    else:
        text = render(api.compare(src, tgt, config, limits=_limits(args)), "tsv")
    finish()
    _emit(text, args.output)
    _note_encoding(src, config)
    _note_encoding(tgt, config)
    return 0


def _export_filter(args: argparse.Namespace) -> "ExportFilter | None":
    """The export filter the options ask for (None: keep everything); refused before any
    work for formats it does not apply to."""
    from .errors import ConfigError
    from .report.filters import FILTERED_FORMATS, ExportFilter

    f = ExportFilter(args.min_confidence, args.min_fidelity, args.exclude_flagged)
    if not f.active:
        return None
    if args.format not in FILTERED_FORMATS:
        raise ConfigError("--min-confidence, --min-fidelity and --exclude-flagged apply to "
                          f"--format tsv or tmx, not {args.format}")
    return f


def _accepted(args: argparse.Namespace) -> frozenset[str]:
    from .compare.decisions import read_decisions

    ids: set[str] = set()
    for path in args.accept:
        ids |= read_decisions(path)
    return frozenset(ids)


def _decide(args: argparse.Namespace, comparison: "Comparison", accepted: frozenset[str]) -> tuple["Comparison", int]:
    """Apply the decisions files; say on stderr how many flags they kept out."""
    from .compare.decisions import accept

    if not args.accept:
        return comparison, 0
    comparison, kept_out = accept(comparison, accepted)
    print(f"aligner: {kept_out} accepted flag(s) kept out ({len(accepted)} decision(s) in "
          f"{', '.join(_one_line(p) for p in args.accept)})", file=sys.stderr)
    return comparison, kept_out


def _write_result(args: argparse.Namespace, comparison: "Comparison", export: "ExportFilter | None") -> None:
    if export is None:
        _emit(render_pieces(comparison, args.format), args.output)
        return
    from .report.filters import render_filtered

    text, kept, total = render_filtered(comparison, args.format, export)
    _emit(text, args.output)
    print(f"aligner: exported {kept} of {total} units (filters: min confidence {export.min_confidence:g}, "
          f"min fidelity {export.min_fidelity:g}{', minor/major flagged left out' if export.exclude_flagged else ''})",
          file=sys.stderr)


def _gate(args: argparse.Namespace, comparison: "Comparison") -> int:
    """Exit code of ``--fail-on``: 1 when a flag of that severity or above remains."""
    if not args.fail_on:
        return 0
    from .flags import SEVERITIES

    floor = SEVERITIES.index(args.fail_on)
    n = sum(1 for group in comparison.flags for f in group if SEVERITIES.index(f.severity) >= floor)
    if n:
        print(f"aligner: {n} flag(s) of severity {args.fail_on} or above remain (--fail-on {args.fail_on})",
              file=sys.stderr)
        return 1
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    config = _config(args)
    _check_output(args.output)
    export = _export_filter(args)
    accepted = _accepted(args)
    src, tgt = _load_pair(args)
    comparison = api.compare(src, tgt, config, limits=_limits(args))
    finish()
    comparison, _ = _decide(args, comparison, accepted)
    _write_result(args, comparison, export)
    _note_encoding(src, config)
    _note_encoding(tgt, config)
    if args.output and args.output != STDOUT:
        print(f"{comparison.verdict}, fidelity {comparison.fidelity:.3f}  {comparison.signature}", file=sys.stderr)
    return _gate(args, comparison)


def _cmd_check(args: argparse.Namespace) -> int:
    config = _config(args)
    _check_output(args.output)
    export = _export_filter(args)
    accepted = _accepted(args)
    comparison = api.check_file(args.file, src_lang=args.src_lang, tgt_lang=args.tgt_lang, config=config,
                                limits=_limits(args))
    finish()
    comparison, _ = _decide(args, comparison, accepted)
    _write_result(args, comparison, export)
    if args.output and args.output != STDOUT:
        print(f"{len(comparison.alignment.beads)} units; {comparison.verdict}, fidelity {comparison.fidelity:.3f}"
              f"  {comparison.signature}", file=sys.stderr)
    return _gate(args, comparison)


def _cmd_eval(args: argparse.Namespace) -> int:
    import json

    from .align.evaluate import read_beads, score_alignments
    from .errors import ConfigError
    from .io import read_path

    if len(args.pairs) % 2:
        raise ConfigError(f"eval takes pairs SYS GOLD [SYS GOLD ...]; got {len(args.pairs)} paths")
    pairs = []
    for sys_path, gold_path in zip(args.pairs[::2], args.pairs[1::2]):
        pairs.append((read_beads(read_path(sys_path).text, sys_path),
                      read_beads(read_path(gold_path).text, gold_path)))
    scores = score_alignments(pairs)
    if args.format == "json":
        from dataclasses import asdict

        text = json.dumps(asdict(scores), sort_keys=True) + "\n"
    else:
        text = scores.table()
    _emit(text, None)
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    written = api.demo(args.output, args.seeds, _config(args))
    for path in written:
        print(_one_line(path))
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from .batch import SUMMARY_NAME, run_batch

    if args.output == STDOUT:
        raise InputError("batch writes a folder of reports; -o/--output needs a folder name, not '-'")
    from .errors import ConfigError
    from .report.filters import FILTERED_FORMATS, ExportFilter

    formats = tuple(dict.fromkeys(args.also))
    export = ExportFilter(args.min_confidence, args.min_fidelity, args.exclude_flagged)
    if export.active and not set(formats) & set(FILTERED_FORMATS):
        raise ConfigError("--min-confidence, --min-fidelity and --exclude-flagged apply to TSV/TMX outputs: "
                          "add --also tsv or --also tmx")
    accepted = _accepted(args)
    summary = run_batch(args.manifest, args.output, src_lang=args.src_lang, tgt_lang=args.tgt_lang,
                        presegmented=args.presegmented, config=_config(args), executor=args.executor,
                        workers=args.workers, scheduler=args.scheduler, force=args.force,
                        limits=_limits(args), pair_timeout=args.pair_timeout,
                        progress=False if args.quiet else None, formats=formats,
                        export=export if export.active else None, accepted=accepted)
    if args.accept:
        print(_one_line(f"aligner: {len(accepted)} accepted flag id(s) kept out of every pair "
                        f"({', '.join(args.accept)}); no report reused"), file=sys.stderr)
    for failure in summary.failures[:10]:
        print(_one_line(f"aligner: failed: {failure.name} (line {failure.line}): {failure.error}"), file=sys.stderr)
    if len(summary.failures) > 10:
        print(f"aligner: ... and {len(summary.failures) - 10} more failures", file=sys.stderr)
    print(_one_line(f"{summary.line()}; summary {os.path.join(args.output, SUMMARY_NAME)}"), file=sys.stderr)
    _note_consistency(os.path.join(args.output, "consistency.json"))
    return summary.exit_code


def _note_consistency(path: str) -> None:
    """Say on stderr how many cross-document inconsistencies ``path`` (a consistency.json) holds."""
    import json

    try:
        with open(path, encoding="utf-8") as fh:
            n = int(json.load(fh)["n_inconsistencies"])
    except (OSError, ValueError, KeyError, TypeError):
        return
    print(_one_line(f"{n} inconsistent translation(s) across documents; see {path}"), file=sys.stderr)


#: Longest error message printed; longer ones are cut with an ellipsis.
_MAX_MESSAGE = 600


def _one_line(message: object) -> str:
    """``message`` on one line and safe for a terminal (:func:`aligner.escaping.escape_controls`:
    line breaks, control characters, escape sequences, bidi overrides shown escaped); cut to
    ``_MAX_MESSAGE`` characters."""
    text = escape_controls(message)
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def _fail(message: str, code: int) -> int:
    print(f"aligner: {_one_line(message)}", file=sys.stderr)
    if os.environ.get("ALIGNER_DEBUG") and sys.exc_info()[0] is not None:
        import traceback

        traceback.print_exc()
    return code


#: OSErrors about a path the user named: exit 2 like other input errors.
_PATH_ERRORS = (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError, FileExistsError)

def _cmd_compare_set(args: argparse.Namespace) -> int:
    from .api import compare_set_files
    from .report.setreport import render_set, write_set_report

    _check_output(args.output)
    result = compare_set_files(args.files, _config(args), encoder=args.fingerprint_encoder, pivot=args.pivot,
                               presegmented=args.presegmented, limits=_limits(args))
    finish()
    if args.output and args.output != STDOUT:
        written = write_set_report(result, args.format, args.output)
        counts = {r: len(result.by_relation(r)) for r in ("translation", "related", "unrelated")}
        print(f"{len(result.documents)} documents: " + ", ".join(f"{n} {r}" for r, n in counts.items())
              + f" pairs; wrote {len(written)} file(s)", file=sys.stderr)
    else:
        _emit(render_set(result, args.format), None)
    from .checks import CONSISTENCY_NAME, across_comparisons, checks_consistency, inconsistencies_json

    if checks_consistency(args.checks):  # one source sentence, two translations, across the set's pairs
        found = across_comparisons(result.comparisons)
        if found and args.output and args.output != STDOUT:  # OUT.consistency.json beside OUT
            target = os.path.splitext(os.path.abspath(args.output))[0] + "." + CONSISTENCY_NAME
            atomic_write(target, inconsistencies_json(found))
            _note_consistency(target)
        elif found:
            print(f"{len(found)} inconsistent translation(s) across documents (written with -o)", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 unexpected failure, 2 bad input or arguments).

    Every failure is one line on standard error, ``aligner: error: ...`` (no traceback unless
    the environment variable ``ALIGNER_DEBUG`` is set). Outputs are written atomically, so a
    failed run leaves an existing output file as it was.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    from .progress import terminal_bar

    try:
        with terminal_bar(False if getattr(args, "quiet", True) or args.command == "batch" else None):
            return func(args)
    except AlignerError as exc:
        return _fail(f"error: {exc}", exc.exit_code)
    except BrokenPipeError:
        # The reader went away (``aligner segment f | head``); silence the final flush too.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 0
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except MemoryError:
        return _fail("error: out of memory; try a smaller input", 1)
    except RecursionError:
        return _fail("internal error: recursion too deep on this input; please report it", 1)
    except _PATH_ERRORS as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"error: {where}{exc.strerror or exc}", 2)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"error: {where}{exc.strerror or exc}", 1)
    except Exception as exc:  # noqa: BLE001 - the one place that turns surprises into a message
        return _fail(f"internal error: {type(exc).__name__}: {exc} (set ALIGNER_DEBUG=1 for the traceback)", 1)
