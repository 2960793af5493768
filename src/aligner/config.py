"""Frozen settings for a run and the reproducibility signature built from them.

The signature is built from explicit fields (never from ``__dict__``), so renaming an
attribute cannot silently change it; it is computed from the config alone, without any
earlier call having to run (unlike sacrebleu's).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from ._version import (
    CHECKS_VERSION,
    FIDELITY_VERSION,
    SEGMENTATION_RULES_VERSION,
    VERSION,
    alignment_weights_version,
    fidelity_settings_digest,
)

__all__ = ["Config", "DEFAULT_CONFIG", "Limits", "DEFAULT_LIMITS"]


@dataclass(frozen=True)
class Config:
    """Settings for segmentation, alignment and scoring.

    Attributes:
        encoder: name of the sentence encoder in the encoder registry (``"use"``, ``"e5"``,
            ``"none"`` or ``"st:/path/to/model"``), or ``"auto"``: per language pair, the first
            bundled encoder that covers both languages (USE, else e5), else none
            (``aligner/data/encoders/coverage.json``; the alignment records the one used).
        max_bead: the largest number of sentences on one side of a bead; beads hold at most
            ``max_bead + 1`` sentences in all, 2-2 always allowed (5: 1-5, 2-4, 3-3, 4-2, 5-1 and
            everything smaller).
        lexicon: name of the bilingual lexicon (``"auto"`` picks the shipped one for the pair).
        keep_boilerplate: align page furniture too instead of setting it aside.
        seed: seed for anything random (nothing is random at present; kept for the signature).
        fidelity_encoder: sentence encoder for the similarity signal of the fidelity score and
            the ``mistranslation`` / partial flags (``"none"`` drops that signal). Left out
            (``None``), it follows ``encoder``: ``"none"`` with ``encoder="none"``, else ``"use"``
            (the encoder the fidelity thresholds were set with).

        encode_threshold: with an encoder, on pairs longer than ``encode_budget`` sentences,
            the beads of a surface-only pass whose confidence is below this are re-scored with
            the encoder (their sentences and neighbours are encoded); ``1.0`` encodes every
            sentence whatever the length.
        checks: the QA checks to run (a ``--checks`` spec: ``all``, ``none``, ``all,-doublespace``,
            ``urls,placeholders``; see :mod:`aligner.checks`).
        glossary: path of a TSV or TBX glossary for the terminology checks (``""``: none).
        encode_budget: the most sentences (both sides together) encoded for one pair; pairs
            with at most this many are encoded whole. Bounds the encoder's time (USE takes
            about 1.5 ms a sentence on 2 idle cores here, several times more under load).
        encoder_max_chars: the most characters of one sentence (or bead side) a sentence
            encoder is given; a longer text is cut to its first ``encoder_max_chars`` (5,000:
            ``aligner.embed.ENCODER_MAX_CHARS``), which bounds the encoders' memory.
    """

    encoder: str = "auto"
    max_bead: int = 5
    lexicon: str = "auto"
    keep_boilerplate: bool = False
    seed: int = 0
    fidelity_encoder: str | None = None

    encode_threshold: float = 0.9
    encode_budget: int = 16000
    checks: str = "all"
    glossary: str = ""
    encoder_max_chars: int = 5000

    def __post_init__(self) -> None:
        from .errors import ConfigError

        if self.fidelity_encoder is None:
            object.__setattr__(self, "fidelity_encoder", _default_fidelity_encoder(self.encoder))
        for name, kind in (("max_bead", int), ("seed", int), ("encode_budget", int), ("keep_boilerplate", bool),
                           ("encoder_max_chars", int),
                           ("encoder", str), ("fidelity_encoder", str), ("lexicon", str),
                           ("encode_threshold", (int, float)), ("checks", str), ("glossary", str)):
            value = getattr(self, name)
            if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
                wanted = kind.__name__ if isinstance(kind, type) else "a number"
                raise ConfigError(f"Config.{name} must be {wanted}, got {type(value).__name__} {value!r}")
        if not 1 <= self.max_bead <= 6:
            raise ConfigError(f"max_bead must be between 1 and 6, got {self.max_bead!r}")
        if not self.encoder:
            raise ConfigError("encoder must be a non-empty name, e.g. 'use' or 'none'")
        if not self.fidelity_encoder:
            raise ConfigError("fidelity_encoder must be a non-empty name, e.g. 'use' or 'none'")
        if not self.lexicon:
            raise ConfigError("lexicon must be a non-empty name: 'auto', 'none' or a .tsv path")

        if not 0.0 <= self.encode_threshold <= 1.0:
            raise ConfigError(f"encode_threshold must be between 0 and 1, got {self.encode_threshold!r}")
        if self.encode_budget < 0:
            raise ConfigError(f"encode_budget must be >= 0, got {self.encode_budget!r}")
        if self.encoder_max_chars < 1:
            raise ConfigError(f"encoder_max_chars must be >= 1, got {self.encoder_max_chars!r}")
        if self.glossary and not os.path.isfile(self.glossary):
            raise ConfigError(f"glossary file not found (or not a regular file): {self.glossary}")

    def with_(self, **changes: object) -> "Config":
        """Return a copy with ``changes`` applied (validated again).

        A ``fidelity_encoder`` that followed ``encoder`` keeps following it when only
        ``encoder`` changes. An unknown setting is a ``ConfigError`` naming the known ones.
        """
        from dataclasses import fields

        from .errors import ConfigError

        known = [f.name for f in fields(self)]
        unknown = sorted(set(changes) - set(known))
        if unknown:
            raise ConfigError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(known)}")
        if ("encoder" in changes and "fidelity_encoder" not in changes
                and self.fidelity_encoder == _default_fidelity_encoder(self.encoder)):
            changes = {**changes, "fidelity_encoder": None}
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def signature(self) -> str:
        """A one-line description of every setting that affects results.

        Example: ``aligner:0.1.0|enc:use|maxbead:5|lex:auto|boiler:drop|seed:0|fenc:use|fid:2-1a2b3c4d|encthr:0.9|encbudget:16000|encmax:5000|seg:seg-2|aln:aln-1a2b3c4d|chk:qa1:all``

        ``fid`` is the version of the fidelity recipe and the digest of its settings (weights,
        flag and verdict thresholds: :class:`aligner.score.settings.FidelitySettings`). A
        ``Comparison`` shows the lexicon that ``auto`` resolved to in its own signature; ``seg`` is
        the segmentation rules and weights version; ``aln`` names the alignment scorer's weights
        (a hash of the shipped file).
        """
        parts = [
            f"aligner:{VERSION}",
            f"enc:{self.encoder}",
            f"maxbead:{self.max_bead}",
            f"lex:{self.lexicon}",
            f"boiler:{'keep' if self.keep_boilerplate else 'drop'}",
            f"seed:{self.seed}",
            f"fenc:{self.fidelity_encoder}",
            f"fid:{FIDELITY_VERSION}-{fidelity_settings_digest()}",
            f"encthr:{self.encode_threshold:g}",
            f"encbudget:{self.encode_budget}",
            f"encmax:{self.encoder_max_chars}",
            f"seg:{SEGMENTATION_RULES_VERSION}",
            f"aln:{alignment_weights_version()}",
            f"chk:{CHECKS_VERSION}:{self.checks}",
        ]
        if self.glossary:
            parts.append(f"gloss:{_file_tag(self.glossary)}")
        return "|".join(parts)


def _default_fidelity_encoder(encoder: str) -> str:
    """The fidelity encoder used when none is named: none without an encoder, else USE."""
    return "none" if encoder == "none" else "use"


def _file_tag(path: str) -> str:
    """``name-<first 8 hex digits of its SHA-256>`` (``name-missing`` when it cannot be read)."""
    import hashlib

    try:
        with open(path, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()[:8]
    except OSError:
        digest = "missing"
    return f"{os.path.basename(path)}-{digest}"


DEFAULT_CONFIG = Config()


@dataclass(frozen=True)
class Limits:
    """Input limits. Inputs beyond them get an ``InputError`` naming the limit, never a hang.

    Attributes:
        max_bytes: largest input file read, in bytes (50 MiB).
        max_sentences: most sentences on one side that the aligner is asked to align
            (checked by ``aligner.align`` / ``aligner.compare`` before any work).
        max_sentence_chars: the longest sentence accepted, in characters (checked with
            ``max_sentences``). Whatever this is, a sentence encoder sees only the first
            ``Config.encoder_max_chars`` characters of a sentence, so memory stays
            bounded by the input size.

    Every reader and ``load`` / ``align`` / ``compare`` take ``limits=`` (``None``: this
    module's ``DEFAULT_LIMITS``, looked up at call time); the CLI sets them with
    ``--max-bytes``, ``--max-sentences`` and ``--max-sentence-chars``.
    """

    max_bytes: int = 50 * 1024 * 1024
    max_sentences: int = 200_000
    max_sentence_chars: int = 10_000_000

    def __post_init__(self) -> None:
        from .errors import ConfigError

        for name in ("max_bytes", "max_sentences", "max_sentence_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"Limits.{name} must be a positive integer, got {value!r}")


DEFAULT_LIMITS = Limits()
