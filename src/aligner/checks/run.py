"""Run the selected checks over an aligned pair: ``run_checks`` -> flags per bead."""

from __future__ import annotations

import os
from collections.abc import Sequence

from .._version import CHECKS_VERSION
from ..align.model import Bead
from ..document import BOILERPLATE, Document
from ..flags import Flag
from .conventions import conventions
from .glossary import Glossary, load_glossary
from .registry import Check, Context, Finding, select_checks
from .side import Side

__all__ = ["CHECKS_VERSION", "check_flag", "context_for", "run_checks"]



def check_flag(check: Check, finding: Finding) -> Flag:
    """The flag for one finding: the check's type and severity, ``[name] message``."""
    return Flag(check.type, finding.severity or check.severity, f"[{check.name}] {finding.message}", finding.evidence)


def context_for(src_lang: str, tgt_lang: str, glossary: Glossary | str | os.PathLike[str] | None) -> Context:
    """The context rules read: both languages' conventions and the glossary oriented to the pair."""
    if glossary is not None and not isinstance(glossary, Glossary):
        glossary = load_glossary(glossary, src_lang, tgt_lang) if str(glossary) else None
    oriented = glossary.oriented(src_lang, tgt_lang) if glossary is not None else None
    return Context(conventions(src_lang), conventions(tgt_lang), oriented)


def _content(src: Document, tgt: Document, bead: Bead) -> bool:
    return bool(bead.src and bead.tgt) and not any(src.sentences[i].kind == BOILERPLATE for i in bead.src) \
        and not any(tgt.sentences[j].kind == BOILERPLATE for j in bead.tgt)


def run_checks(src: Document, tgt: Document, beads: Sequence[Bead], checks: str | Sequence[Check] = "all",
               glossary: Glossary | str | os.PathLike[str] | None = None) -> dict[int, tuple[Flag, ...]]:
    """Flags of the QA checks ``checks`` (a ``--checks`` spec or a list of checks), keyed by bead.

    Beads with an empty side and page furniture are left to the meaning flags. Linear in the
    text: each rule reads a bead once; document rules hash sentences.

    Example:
        >>> from aligner.document import Document, Span
        >>> from aligner.align.model import Bead
        >>> src = Document("See https://a.org/x.", "en", (Span(0, 20),))
        >>> tgt = Document("Lihat https://a.org/y.", "id", (Span(0, 22),))
        >>> [f.message for f in run_checks(src, tgt, [Bead((0,), (0,))], "urls")[0]]
        ["[urls] URL changed: 'https://a.org/x' in the source, 'https://a.org/y' in the target"]
    """
    selected = select_checks(checks) if isinstance(checks, str) else tuple(checks)
    if not selected:
        return {}
    ctx = context_for(src.lang, tgt.lang, glossary)
    out: dict[int, list[Flag]] = {}
    bead_checks = [c for c in selected if c.bead is not None and (ctx.glossary is not None or not c.needs_glossary)]
    if bead_checks:
        for k, bead in enumerate(beads):
            if not _content(src, tgt, bead):
                continue
            s, t = Side(src, "src", bead.src), Side(tgt, "tgt", bead.tgt)
            for check in bead_checks:
                assert check.bead is not None
                for finding in check.bead(s, t, ctx):
                    out.setdefault(k, []).append(check_flag(check, finding))
    for check in selected:
        if check.document is not None:
            for k, finding in check.document(src, tgt, beads, ctx):
                out.setdefault(k, []).append(check_flag(check, finding))
    return {k: tuple(v) for k, v in sorted(out.items())}
