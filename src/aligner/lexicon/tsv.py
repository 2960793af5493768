"""``TsvLexicon``: a bilingual word list read from a ``source<TAB>target`` file."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from ..errors import ConfigError, InputError
from ..io.reader import read_bounded

if TYPE_CHECKING:
    from . import Lexicon

__all__ = ["TsvLexicon", "CombinedLexicon"]


class TsvLexicon:
    """Word pairs from a UTF-8 TSV file: ``source<TAB>target`` per line.

    Lines starting with ``#`` and blank lines are skipped; entries are lower-cased. With
    ``reverse=True`` the file is read the other way round (``target -> source``), so one
    file serves both directions.

    Example:
        >>> import tempfile, os
        >>> path = os.path.join(tempfile.mkdtemp(), "x.tsv")
        >>> _ = open(path, "w", encoding="utf-8").write("house\\trumah\\nhouse\\tbalai\\n")
        >>> sorted(TsvLexicon(path, "en", "id").translations("House"))
        ['balai', 'rumah']
        >>> sorted(TsvLexicon(path, "id", "en", reverse=True).translations("rumah"))
        ['house']
    """

    def __init__(self, path: str | Path, src_lang: str, tgt_lang: str, *, name: str | None = None,
                 reverse: bool = False) -> None:
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        table: dict[str, set[str]] = {}
        if not os.path.lexists(path):
            raise ConfigError(f"lexicon file not found: {path}")
        data = read_bounded(path, what="lexicon file")  # FIFOs and devices refused, size bounded
        try:
            lines = data.decode("utf-8").splitlines()
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot read lexicon {path}: {exc}") from None
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
                raise InputError(f"{path}:{number}: expected 'source<TAB>target', got {line!r}")
            a, b = fields[0].strip().lower(), fields[1].strip().lower()
            if reverse:
                a, b = b, a
            table.setdefault(a, set()).add(b)
        #: SHA-256 of the file's bytes; the default name ends with its first 8 hex digits.
        self.digest = hashlib.sha256(data).hexdigest()
        self.name = name or f"{Path(path).stem}@{self.digest[:8]}"
        self._table: Mapping[str, frozenset[str]] = MappingProxyType(
            {k: frozenset(v) for k, v in table.items()})

    def __len__(self) -> int:
        return len(self._table)

    def translations(self, word: str) -> frozenset[str]:
        """Lower-cased translations of ``word`` (empty when unknown)."""
        return self._table.get(word.lower(), frozenset())

    def headwords(self) -> Iterable[str]:
        """Every source-side entry."""
        return self._table.keys()


class CombinedLexicon:
    """The union of several lexicons for the same language pair; ``name`` joins theirs with ``+``."""

    def __init__(self, parts: Iterable[Lexicon], src_lang: str, tgt_lang: str) -> None:
        self.parts = tuple(parts)
        self.src_lang = src_lang
        self.tgt_lang = tgt_lang
        self.name = "+".join(p.name for p in self.parts)

    def translations(self, word: str) -> frozenset[str]:
        """Translations of ``word`` found in any part."""
        out: frozenset[str] = frozenset()
        for part in self.parts:
            out = out | part.translations(word)
        return out
