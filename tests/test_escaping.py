"""Issue 22 case 5: one escaping function for every message that quotes input."""

from __future__ import annotations

import pytest

from aligner.cli import main
from aligner.escaping import escape_controls


@pytest.mark.parametrize("raw, shown", [
    ("\x1b]0;PWNED\x07", "\\x1b]0;PWNED\\x07"),
    ("\x1b[31mred", "\\x1b[31mred"),
    ("a\x9b2Jb", "a\\x9b2Jb"),
    ("\x85\x7f", "\\x85\\x7f"),
    ("evil\u202etxt.exe", "evil\\u202etxt.exe"),
    ("\u2066x\u2069\u200f", "\\u2066x\\u2069\\u200f"),
    ("line\nbreak\u2028", "line\\nbreak\\u2028"),
    ("café 東京 مرحبا", "café 東京 مرحبا"),
])
def test_escape_controls(raw, shown):
    assert escape_controls(raw) == shown


def test_bidi_override_in_a_file_name_is_escaped_on_the_cli(tmp_path, capsys):
    name = str(tmp_path / "report\u202etxt.exe")
    code = main(["segment", name])
    err = capsys.readouterr().err
    assert code == 2 and "\u202e" not in err and "\\u202e" in err
