"""The learned part of segmentation: per-language logistic weights over gap features.

A weight file ``aligner/data/segmentation/<lang>.weights.tsv`` holds one ``feature<TAB>weight``
per line and header lines starting with ``#``:

* ``#threshold<TAB>x``: a gap is a boundary when the summed weights exceed ``x``;
* ``#endings<TAB>...``: final syllables (Korean) after which an unpunctuated gap is scored
  at all; any other unpunctuated gap between two letters is skipped, which keeps the
  segmenter fast;
* ``#base<TAB>generic``: the weights are differences from ``generic.weights.tsv`` (added to
  it when loaded), which keeps each language's file small;
* ``#lower<TAB>word word ...``: the language's words that its training text writes in lower
  case inside sentences (``manchmal``, ``leider``, ``these``); a capitalised word after a gap
  that is one of them is likely a sentence start, not a name or a noun (a learned feature).

The files are written by ``bench/train_segmenter.py`` from the UD dev splits (see the
licence file beside them); ``generic.weights.tsv`` serves every language without a file of
its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..language import language_key

__all__ = ["BoundaryModel", "boundary_model", "model_for", "parse_weights", "format_weights", "GENERIC"]

#: The weight file for languages without one of their own.
GENERIC = "generic"


@dataclass(frozen=True)
class BoundaryModel:
    """Feature weights, a decision threshold, the Korean endings worth scoring and the
    language's lower-case words."""

    weights: dict[str, float]
    threshold: float = 0.0
    endings: frozenset[str] = frozenset()
    base: str = ""
    lower: frozenset[str] = frozenset()

    def plus(self, other: BoundaryModel) -> BoundaryModel:
        """These weights added to ``other``'s (this threshold and lower-case words; both
        models' endings)."""
        weights = dict(other.weights)
        for key, value in self.weights.items():
            weights[key] = weights.get(key, 0.0) + value
        return BoundaryModel(weights, self.threshold, self.endings | other.endings, lower=self.lower or other.lower)

    def skip_plain(self, left: str, right: str) -> bool:
        """Can an unpunctuated gap between ``left`` and ``right`` be skipped unscored?"""
        lc = left[-1]
        if lc == ",":
            # "Thanks," "Regards," "Hi John," may close a greeting or sign-off line.
            return not left[0].isupper()
        if "://" in left:
            return False
        if right.startswith(("http", "www.")):
            # An address after a lower-case word goes on with the sentence ("please visit
            # https://..."); after a name or a signature it may start a line of its own.
            return lc.islower() and left[0].islower()
        if "\uac00" <= lc <= "\ud7a3":
            return lc not in self.endings
        return lc.islower() and right[0].islower()


def parse_weights(text: str) -> BoundaryModel:
    """Read a weight file's text."""
    weights: dict[str, float] = {}
    threshold = 0.0
    endings: frozenset[str] = frozenset()
    base = ""
    lower: frozenset[str] = frozenset()
    for line in text.splitlines():
        if not line or line.startswith("# "):
            continue
        key, _, value = line.rpartition("\t")
        if key == "#threshold":
            threshold = float(value)
        elif key == "#endings":
            endings = frozenset(value)
        elif key == "#base":
            base = value
        elif key == "#lower":
            lower = frozenset(value.split())
        elif not key.startswith("#"):
            weights[key] = float(value)
    return BoundaryModel(weights, threshold, endings, base, lower)


def format_weights(model: BoundaryModel, comment: str = "") -> str:
    """Write a weight file's text (stable order)."""
    lines = [f"# {line}" for line in comment.splitlines()]
    lines.append(f"#threshold\t{model.threshold:.4f}")
    lines.append("#endings\t" + "".join(sorted(model.endings)))
    if model.base:
        lines.append(f"#base\t{model.base}")
    if model.lower:
        lines.append("#lower\t" + " ".join(sorted(model.lower)))
    lines += [f"{k}\t{v:.4f}" for k, v in sorted(model.weights.items())]
    return "\n".join(lines) + "\n"


def boundary_model(lang: str) -> BoundaryModel | None:
    """The shipped model of ``lang`` itself (``generic``: the generic one), or ``None``."""
    return _load(language_key(lang))


@lru_cache(maxsize=None)
def _load(name: str) -> BoundaryModel | None:
    if not name.isalnum():
        return None
    try:
        text = resources.files("aligner.data").joinpath("segmentation", f"{name}.weights.tsv").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    model = parse_weights(text)
    if model.base:
        base = _load(model.base) if model.base != name else None
        if base is None:
            return None
        model = model.plus(base)
    return model


def model_for(lang: str) -> BoundaryModel | None:
    """The model segmentation uses for ``lang``: its own, else the generic one (trained on
    every language whose treebank licence allows shipping), else ``None`` (rules decide)."""
    return boundary_model(lang) or boundary_model(GENERIC)
