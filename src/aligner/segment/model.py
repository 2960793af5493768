"""The learned part of segmentation: per-language logistic weights over gap features.

A weight file ``aligner/data/segmentation/<lang>.weights.tsv`` holds one ``feature<TAB>weight``
per line and header lines starting with ``#``:

* ``#threshold<TAB>x``: a gap is a boundary when the summed weights exceed ``x``;
* ``#endings<TAB>...``: final syllables (Korean) after which an unpunctuated gap is scored
  at all; any other unpunctuated gap between two letters is skipped, which keeps the
  segmenter fast.

The files are written by ``bench/train_segmenter.py`` from the UD dev splits (see the
licence file beside them).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["BoundaryModel", "boundary_model", "parse_weights", "format_weights"]


@dataclass(frozen=True)
class BoundaryModel:
    """Feature weights, a decision threshold and the Korean endings worth scoring."""

    weights: dict[str, float]
    threshold: float = 0.0
    endings: frozenset[str] = frozenset()

    def skip_plain(self, left: str, right: str) -> bool:
        """Can an unpunctuated gap between ``left`` and ``right`` be skipped unscored?"""
        lc = left[-1]
        if lc == ",":
            # "Thanks," "Regards," "Hi John," may close a greeting or sign-off line.
            return not left[0].isupper()
        if "://" in left or right.startswith(("http", "www.")):
            return False
        if "\uac00" <= lc <= "\ud7a3":
            return lc not in self.endings
        return lc.islower() and right[0].islower()


def parse_weights(text: str) -> BoundaryModel:
    """Read a weight file's text."""
    weights: dict[str, float] = {}
    threshold = 0.0
    endings: frozenset[str] = frozenset()
    for line in text.splitlines():
        if not line or line.startswith("# "):
            continue
        key, _, value = line.rpartition("\t")
        if key == "#threshold":
            threshold = float(value)
        elif key == "#endings":
            endings = frozenset(value)
        elif not key.startswith("#"):
            weights[key] = float(value)
    return BoundaryModel(weights, threshold, endings)


def format_weights(model: BoundaryModel, comment: str = "") -> str:
    """Write a weight file's text (stable order)."""
    lines = [f"# {line}" for line in comment.splitlines()]
    lines.append(f"#threshold\t{model.threshold:.4f}")
    lines.append("#endings\t" + "".join(sorted(model.endings)))
    lines += [f"{k}\t{v:.4f}" for k, v in sorted(model.weights.items())]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=None)
def boundary_model(lang: str) -> BoundaryModel | None:
    """The shipped model for ``lang``, or ``None`` when there is none (rules decide)."""
    try:
        text = resources.files("aligner.data").joinpath("segmentation", f"{lang}.weights.tsv").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    return parse_weights(text)
