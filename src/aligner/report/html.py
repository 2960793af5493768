"""Self-contained HTML report: one file, inline CSS and JS, no network, opens from disk.

Rendered with Jinja2 with autoescape on, so every piece of article text, path, message and
evidence is escaped by the template engine; nothing is assembled by string concatenation.
The only values marked safe are the package's own stylesheet and script (read from
``templates/``) and the embedded JSON summary, which :func:`json_for_script` escapes for a
``<script type="application/json">`` block.

The Content-Security-Policy allows nothing but the inline stylesheet and script, pinned by
their SHA-256 hashes: no network, no images, no other script, even if escaping ever failed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from .._version import VERSION
from ..compare.pair import Comparison
from .model import FIDELITY_BANDS, HISTOGRAM_BINS, BeadRow, Report, build_report, fidelity_band

__all__ = ["render", "render_report", "json_for_script", "content_security_policy"]

_RANK = {"info": 0, "minor": 1, "major": 2}
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: ``<``, ``>``, ``&``, U+2028 and
    U+2029 are written as ``\\uXXXX`` escapes, so no text can close the element.

    Example:
        >>> json_for_script({"t": "</script>"})
        '{"t": "\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return "".join(_JSON_ESCAPES.get(ch, ch) for ch in text)


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str]:
    folder = resources.files("aligner.report").joinpath("templates")
    return folder.joinpath("report.css").read_text("utf-8"), folder.joinpath("report.js").read_text("utf-8")


def content_security_policy() -> str:
    """The report's Content-Security-Policy: only its own inline stylesheet and script."""
    css, js = _assets()
    return (f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
            "img-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("aligner.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        finalize=_displayable,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda x: f"{100 * x:.0f}%"
    env.globals.update(fidelity_band=fidelity_band, max_severity=_max_severity, number=_number)
    return env


# Characters HTML calls parse errors (C0/C1 controls other than tab and line breaks, and
# noncharacters): shown as U+FFFD, one code point for one.
_NOT_HTML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def _displayable(value: Any) -> Any:
    """Jinja ``finalize``: every printed string loses characters HTML forbids (before escaping)."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return _NOT_HTML.sub("\ufffd", value)
    return value


def _max_severity(row: BeadRow, positions: tuple[int, ...]) -> str:
    """The highest severity among the row flags at ``positions``."""
    return max((row.flags[k].severity for k in positions), key=lambda s: _RANK.get(s, -1))


def _number(value: object) -> str:
    """A fidelity part for display: three decimals for numbers, ``str`` otherwise."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:.3f}"
    return str(value)


def _path_geometry(report: Report) -> dict[str, Any]:
    """Rectangles of the alignment-path picture, in sentence units (x: source, y: target)."""
    s = report.summary
    n_x, n_y = max(s.n_src, 1), max(s.n_tgt, 1)
    size = 240.0
    scale = size / max(n_x, n_y)
    thin = max(0.3, 3.0 / scale)  # omissions/additions: at least 3 px wide on screen
    shapes = []
    x = y = 0
    for row in report.rows:
        w, h = len(row.src_ids), len(row.tgt_ids)
        rect: tuple[float, float, float, float]
        if w and h:
            shape = "merge" if (w > 1 or h > 1) else "one"
            rect = (x, y, w, h)
        elif w:
            shape = "omission"
            rect = (x, y - thin / 2, w, thin)
        else:
            shape = "addition"
            rect = (x - thin / 2, y, thin, h)
        shapes.append({"row": row, "shape": shape, "x": rect[0], "y": rect[1], "w": rect[2], "h": rect[3]})
        x += w
        y += h
    pad = thin
    return {
        "shapes": shapes,
        "view": (-pad, -pad, n_x + 2 * pad, n_y + 2 * pad),
        "width": round(n_x * scale + 2 * pad * scale), "height": round(n_y * scale + 2 * pad * scale),
        "n_x": n_x, "n_y": n_y,
        "grid_step": 1 if max(n_x, n_y) <= 40 else 10 if max(n_x, n_y) <= 400 else 100,
    }


def render_report(report: Report) -> str:
    """The HTML text of a report model."""
    css, js = _assets()
    s = report.summary
    summary_data = {
        "signature": s.signature, "source": {"path": s.src_path, "lang": s.src_lang, "n_sentences": s.n_src},
        "target": {"path": s.tgt_path, "lang": s.tgt_lang, "n_sentences": s.n_tgt},
        "fidelity": s.fidelity, "verdict": s.verdict, "flag_counts": dict(s.flag_counts), "n_beads": s.n_beads,
        "coverage": {"src": s.coverage_src, "tgt": s.coverage_tgt},
        "fidelity_histogram": list(s.histogram),
    }
    from markupsafe import Markup

    template = _environment().get_template("report.html.j2")
    return str(template.render(
        report=report, s=s, rows=report.rows,
        css=Markup(css), js=Markup(js), csp=content_security_policy(),
        summary_json=Markup(json_for_script(summary_data)),
        bins=HISTOGRAM_BINS, hist_max=max(s.histogram) if any(s.histogram) else 1,
        bands=FIDELITY_BANDS, path=_path_geometry(report), version=VERSION,
    ))


def render(c: Comparison) -> str:
    """The HTML report text of a comparison."""
    return render_report(build_report(c))
