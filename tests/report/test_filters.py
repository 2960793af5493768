"""Export filters: which beads a TSV/TMX export keeps."""

from types import SimpleNamespace

import pytest

from aligner.errors import ConfigError
from aligner.report.filters import ExportFilter


def _row(confidence=0.9, fidelity=0.9, severities=()):
    return SimpleNamespace(confidence=confidence, fidelity=fidelity,
                           flags=tuple(SimpleNamespace(severity=s) for s in severities))


def test_thresholds_are_inclusive():
    f = ExportFilter(min_confidence=0.5, min_fidelity=0.6)
    assert f.keeps(_row(0.5, 0.6)) and not f.keeps(_row(0.49, 0.9)) and not f.keeps(_row(0.9, 0.59))


def test_exclude_flagged_drops_minor_and_major_but_not_info():
    f = ExportFilter(exclude_flagged=True)
    assert f.keeps(_row(severities=("info",)))
    assert not f.keeps(_row(severities=("info", "minor")))
    assert not f.keeps(_row(severities=("major",)))
    assert ExportFilter().keeps(_row(severities=("major",)))


def test_inactive_filter_and_bad_values():
    assert not ExportFilter().active and ExportFilter(min_fidelity=0.1).active
    with pytest.raises(ConfigError):
        ExportFilter(min_confidence=1.5)
