"""The check registry: every QA check by name, and ``--checks`` selections over it.

A check is a small rule with a ``name`` (what ``--checks`` turns on or off), the ``type`` and
``severity`` of the :class:`~aligner.flags.Flag` it raises, a one-line summary and an
example. A bead rule sees one bead's two :class:`~aligner.checks.side.Side` objects; a
document rule sees every bead of the pair (consistency, length range).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..align.model import Bead
from ..document import Document
from ..errors import ConfigError
from ..flags import Evidence
from .conventions import Conventions
from .side import Side

__all__ = ["CHECKS", "Check", "Context", "Finding", "check_names", "register", "select_checks"]


@dataclass(frozen=True)
class Finding:
    """What a rule found: a short message and evidence spans (document offsets); ``severity``
    overrides the check's where the finding is less sure than the check's usual case."""

    message: str
    evidence: tuple[Evidence, ...]
    severity: str | None = None


@dataclass(frozen=True)
class Context:
    """What rules may read besides the bead: conventions of both languages and the glossary."""

    src_conv: Conventions
    tgt_conv: Conventions
    glossary: object | None = None  # a Glossary oriented src -> tgt (kept untyped to avoid a cycle)


BeadRule = Callable[[Side, Side, Context], Iterable[Finding]]
DocumentRule = Callable[[Document, Document, Sequence[Bead], Context], Iterable[tuple[int, Finding]]]


@dataclass(frozen=True)
class Check:
    """One QA check.

    Attributes:
        name: its name for ``--checks`` (``urls``, ``doublespace`` ...).
        type: the flag type it raises (one of ``aligner.flags.FLAG_TYPES``).
        severity: the flag severity (``info``, ``minor``, ``major``).
        summary: what it checks, one line.
        example: a (source, target) pair it flags.
        example_langs: the languages of the example.
        pofilter: translate-toolkit ``pofilter`` tests it stands for.
        bead: the rule over one bead, or None.
        document: the rule over every bead of the pair, or None.
        needs_glossary: runs only when a glossary is given.
    """

    name: str
    type: str
    severity: str
    summary: str
    example: tuple[str, str]
    pofilter: tuple[str, ...] = ()
    bead: BeadRule | None = field(default=None, compare=False)
    document: DocumentRule | None = field(default=None, compare=False)
    needs_glossary: bool = False
    example_langs: tuple[str, str] = ("en", "id")


#: Every check, in the order they run and are documented.
CHECKS: dict[str, Check] = {}


def register(check: Check) -> Check:
    """Add ``check`` to :data:`CHECKS` (a name may be registered once)."""
    if check.name in CHECKS:
        raise ValueError(f"check {check.name!r} is already registered")
    if (check.bead is None) == (check.document is None):
        raise ValueError(f"check {check.name!r} needs exactly one of a bead rule and a document rule")
    CHECKS[check.name] = check
    return check


def check_names() -> tuple[str, ...]:
    """The names of every registered check."""
    return tuple(CHECKS)


def select_checks(spec: str) -> tuple[Check, ...]:
    """The checks a ``--checks`` value turns on, in registry order.

    ``spec`` is a comma-separated list read left to right: ``all``, ``none``, a check name
    (turn it on), ``-name`` (turn it off). It starts from nothing when its first item is a
    name, and from ``all`` when the first item is ``-name``. An unknown name is a ``ConfigError``.

    Example:
        >>> [c.name for c in select_checks("urls,emails")]
        ['urls', 'emails']
        >>> "doublespace" in [c.name for c in select_checks("all,-doublespace")]
        False
    """
    items = [s.strip() for s in spec.split(",") if s.strip()]
    if not items:
        raise ConfigError("--checks needs at least one name, 'all' or 'none'")
    on: set[str] = set(CHECKS) if items[0].startswith("-") else set()
    for item in items:
        name = item.removeprefix("-")
        if name in ("all", "none"):
            if item.startswith("-") or name == "none":
                on.clear()
            else:
                on = set(CHECKS)
            continue
        if name not in CHECKS:
            raise ConfigError(f"unknown check {name!r}; known checks: all, none, {', '.join(CHECKS)}")
        if item.startswith("-"):
            on.discard(name)
        else:
            on.add(name)
    return tuple(c for c in CHECKS.values() if c.name in on)
