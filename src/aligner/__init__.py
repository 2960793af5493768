"""aligner: translation alignment and cross-language comparison.

Data flows one way: raw text -> ``Document`` (sentence spans) -> ``Alignment`` (beads) ->
fidelity scores and ``Flag``s (``Comparison``) -> reports.

Example:
    >>> import aligner
    >>> src = aligner.from_text("Harga naik 5 persen. Pemerintah diam.", "id")
    >>> tgt = aligner.from_text("Prices rose 5 percent. The government was silent.", "en")
    >>> [b.kind for b in aligner.align(src, tgt).beads]
    ['1-1', '1-1']
"""

from ._version import VERSION as __version__
from .align import Alignment, Bead
from .api import align, check_file, compare, compare_files, demo, from_text, load
from .compare import Comparison
from .config import DEFAULT_CONFIG, DEFAULT_LIMITS, Config, Limits
from .document import Document, Span
from .errors import AlignerError, ConfigError, InputError
from .flags import FLAG_TYPES, Evidence, Flag
from .language import detect_language
from .report import FORMATS, render, write_report
from .score import BeadScore
from .segment import segment

__all__ = [
    "__version__",
    "Document", "Span", "Alignment", "Bead", "BeadScore", "Flag", "Evidence", "FLAG_TYPES",
    "Comparison", "Config", "DEFAULT_CONFIG",
    "AlignerError", "InputError", "ConfigError",
    "from_text", "load", "segment", "detect_language", "align", "compare", "compare_files", "check_file",
    "render", "write_report", "FORMATS", "demo",
    "Limits", "DEFAULT_LIMITS",
]

# Multi-version comparison (issue 7): every pair of a set of documents, N-way views, story matrices.
from .api import compare_set_files  # noqa: E402
from .compare import SetComparison, compare_set  # noqa: E402
from .report.setreport import SET_FORMATS, render_set, write_set_report  # noqa: E402

__all__ += ["SetComparison", "compare_set", "compare_set_files", "SET_FORMATS", "render_set", "write_set_report"]
