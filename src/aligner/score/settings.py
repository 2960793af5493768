"""Every number the fidelity score, the flags and the verdicts depend on, in one frozen object.

The shipped values are fitted by ``bench/fit_fidelity.py`` on the pooled dev pairs and stored
in ``data/fidelity/settings.json``; :meth:`FidelitySettings.digest` is part of the
reproducibility signature (``fid:VERSION-DIGEST``), so two results made with different
settings are told apart.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from functools import lru_cache
from typing import Any

from .._version import FIDELITY_VERSION, fidelity_settings_text, settings_digest

__all__ = ["FidelitySettings", "load_settings", "DEFAULT_SETTINGS", "FIDELITY_VERSION", "SIGNALS"]


#: Signals of the calibrated fidelity, in the order of the model's weights.
SIGNALS: tuple[str, ...] = ("similarity", "margin", "low_similarity", "low_margin", "length", "length_excess", "coverage",
                            "chrf", "numbers", "names", "names_left_out", "fragment")


@dataclass(frozen=True)
class FidelitySettings:
    """Weights of the calibrated fidelity and the thresholds of flags and verdicts.

    Attributes:
        encoder: the sentence encoder whose cosines the model was fitted on; with another
            encoder the model without encoder signals is used (see ``Scorer``).
        intercept, weights: logistic model with an encoder: ``P(faithful) = sigmoid(intercept +
            sum(weights[k] * signal_k))``, signals named by :data:`SIGNALS`.
        surface_intercept, surface_weights: the model without an encoder (no similarity, margin).
        reference: the value of each signal in a typical faithful bead; a part's *effect* is its
            weight times its distance from that reference (what it moved the log-odds by).
        margin_neighbours: how many of the most similar other beads the margin compares with.
        mistranslation: below this fidelity a bead with no other explanation says something else.
        stray_similarity, stray_margin: a bead whose cosine (on the fitted encoder's scale) is
            below ``stray_similarity`` and whose margin is below ``stray_margin`` is read as
            below ``mistranslation`` whatever its meaning fidelity: its target is no closer to its
            source than to the other sentences of the document, two sentences of one topic.
        length_z_strong: |length z| that alone signals a clause added or dropped.
        length_z_weak: |length z| that signals one together with weak support (below).
        partial_fidelity: fidelity below which a |z| >= ``length_z_weak`` bead is a partial change.
        part_match: a run of clauses at least this similar to the other side is "what was translated".
        part_gain: how much better than the whole that run must match to show a partial change.
        partial_margin: a bead below ``mistranslation`` whose lengths disagree is a partial
            change, not a mistranslation, when its margin (cosine minus its nearest other
            beads') is at least this: it still stands out as the translation of its source.
        fragment_z: a target shorter than expected by this |length z| that starts with a small
            letter where the source starts with a capital lost its opening (partial omission).
        faithful, unfaithful: document fidelity bounds of the verdicts.
        not_translation_similarity: median bead cosine below which two documents are not
            translations of each other (with ``not_translation_margin``).
        not_translation_margin: median bead margin below which the beads are no better than
            chance pairings of the same topic.
        not_translation_floor: median bead cosine (on the fitted encoder's scale) below which
            two documents are not translations of each other whatever the margins (short
            documents, whose few beads the aligner picks as the best of few pairings).
        not_translation_share: share of content beads flagged ``mistranslation`` (they say
            different things) from which the document is not a translation, whatever the cosines.
        meaning_intercept, meaning_weights: the meaning model: ``P(the bead says what its
            source says)`` from the signals other than numbers and names, fitted with beads
            whose only fault is a number or a name counted as faithful (they have flags of their
            own); read by the mistranslation and partial flags as ``parts["meaning"]``.
        surface_meaning_intercept, surface_meaning_weights: the same without an encoder.
        encoder_scales: ``(encoder, offset, factor)`` for the other encoders whose cosines the
            model reads (the one a pair falls back on where ``encoder`` does not know its
            languages): ``offset + factor * cosine`` has the typical faithful and unrelated
            beads of the dev pairs where the fitted encoder's are (see :meth:`scale_of`).
    """

    encoder: str = "use"
    intercept: float = 0.0
    weights: tuple[tuple[str, float], ...] = ()
    surface_intercept: float = 0.0
    surface_weights: tuple[tuple[str, float], ...] = ()
    reference: tuple[tuple[str, float], ...] = ()
    margin_neighbours: int = 4
    mistranslation: float = 0.1
    stray_similarity: float = -9.0
    stray_margin: float = -9.0
    length_z_strong: float = 2.0
    length_z_weak: float = 1.0
    partial_fidelity: float = 0.5
    part_match: float = 0.4
    part_gain: float = 0.15
    partial_margin: float = 0.0
    fragment_z: float = 0.5
    faithful: float = 0.8
    unfaithful: float = 0.6
    not_translation_similarity: float = 0.5
    not_translation_margin: float = 0.05
    not_translation_floor: float = 0.3
    not_translation_share: float = 0.5
    encoder_scales: tuple[tuple[str, float, float], ...] = ()
    meaning_intercept: float = 0.0
    meaning_weights: tuple[tuple[str, float], ...] = ()
    surface_meaning_intercept: float = 0.0
    surface_meaning_weights: tuple[tuple[str, float], ...] = ()
    provenance: str = field(default="", compare=False)

    def meaning_model(self, surface: bool) -> tuple[float, dict[str, float]] | None:
        """``(intercept, weights)`` of the meaning model with (``surface=False``) or without an
        encoder, or ``None`` when none was fitted (``meaning`` is then the fidelity model
        without its counted signals)."""
        weights = self.surface_meaning_weights if surface else self.meaning_weights
        if not weights:
            return None
        return (self.surface_meaning_intercept if surface else self.meaning_intercept), dict(weights)

    def scale_of(self, encoder: str) -> tuple[float, float] | None:
        """``(offset, factor)`` that put a cosine of ``encoder`` on the scale of the encoder the
        model was fitted on (``offset + factor * cosine``; a margin, a difference of cosines,
        takes the factor only): ``(0, 1)`` for that encoder itself (or an unnamed one), the
        fitted ``encoder_scales`` entry for another, ``None`` when there is none (the model
        without encoder signals then applies)."""
        if not encoder or encoder == self.encoder:
            return (0.0, 1.0)
        for name, offset, factor in self.encoder_scales:
            if name == encoder:
                return (offset, factor)
        return None

    def weight_map(self, surface: bool) -> dict[str, float]:
        """The weights of the model with (``surface=False``) or without an encoder."""
        return dict(self.surface_weights if surface else self.weights)

    def digest(self) -> str:
        """First 8 hex digits of the SHA-256 of every field but ``provenance`` (as JSON); the
        shipped settings' digest is the signature's (``aligner._version.fidelity_settings_digest``)."""
        return settings_digest(self.to_json())

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (``load_settings`` reads it back)."""
        d = asdict(self)
        for key in ("weights", "surface_weights", "reference", "meaning_weights", "surface_meaning_weights"):
            d[key] = dict(d[key])
        d["encoder_scales"] = {name: [offset, factor] for name, offset, factor in self.encoder_scales}
        if not d["encoder_scales"]:
            del d["encoder_scales"]  # settings without one keep their digest
        return d

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "FidelitySettings":
        """Settings from :meth:`to_json`'s dict."""
        d = dict(data)
        for key in ("weights", "surface_weights", "reference", "meaning_weights", "surface_meaning_weights"):
            d[key] = tuple(sorted((str(k), float(v)) for k, v in d.get(key, {}).items()))
        d["encoder_scales"] = tuple(sorted((str(k), float(v[0]), float(v[1]))
                                           for k, v in d.get("encoder_scales", {}).items()))
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})

    def with_(self, **changes: Any) -> "FidelitySettings":
        """A copy with ``changes``."""
        return replace(self, **changes)


@lru_cache(maxsize=1)
def load_settings() -> FidelitySettings:
    """The shipped settings (``data/fidelity/settings.json``)."""
    return FidelitySettings.from_json(json.loads(fidelity_settings_text()))


DEFAULT_SETTINGS = load_settings()
