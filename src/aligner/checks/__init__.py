"""QA checks localisation reviewers expect, beside the meaning flags.

Each check is a small rule in one registry (:data:`CHECKS`), turned on or off by name with
``--checks`` (``all,-doublespace``); it raises :class:`~aligner.flags.Flag` objects whose
message starts with ``[name]`` and whose evidence holds document offsets. Language
conventions (quotes, spacing before marks, final marks) are data
(``data/conventions/punctuation.json``); glossaries are TSV or TBX (:mod:`.glossary`).
See ``docs/checks.md`` for each check with an example.
"""

from . import caps, consistency, length, markup, punctuation, spacing, terms, units  # noqa: F401 - register
from .consistency import (
    Inconsistency,
    Occurrence,
    CONSISTENCY_NAME,
    across_comparisons,
    across_documents,
    from_report_files,
    from_reports,
    inconsistencies,
    inconsistencies_json,
    sentence_key,
)
from .conventions import Conventions, conventions
from .glossary import (
    Glossary,
    GlossaryEntry,
    Term,
    load_glossary,
    read_tbx_glossary,
    read_tsv_glossary,
)
from .registry import (
    CHECKS,
    Check,
    Context,
    Finding,
    check_names,
    register,
    select_checks,
)
from .run import CHECKS_VERSION, check_flag, context_for, run_checks
from .side import Side

__all__ = [
    "CHECKS",
    "CHECKS_VERSION",
    "Check",
    "Context",
    "Conventions",
    "Finding",
    "Glossary",
    "GlossaryEntry",
    "Inconsistency",
    "Occurrence",
    "Side",
    "Term",
    "check_flag",
    "check_names",
    "context_for",
    "conventions",
    "inconsistencies",
    "load_glossary",
    "read_tbx_glossary",
    "read_tsv_glossary",
    "register",
    "run_checks",
    "select_checks",
    "sentence_key", "across_documents", "from_reports", "inconsistencies_json", "CONSISTENCY_CHECKS",
    "CONSISTENCY_NAME", "from_report_files", "checks_consistency", "across_comparisons",
]

#: The checks whose findings span documents in ``batch`` and ``compare-set``.
CONSISTENCY_CHECKS = ("inconsistent_target", "inconsistent_source")


def checks_consistency(spec: str) -> bool:
    """Does the ``--checks`` value ``spec`` turn on a consistency check?"""
    return any(c.name in CONSISTENCY_CHECKS for c in select_checks(spec))
