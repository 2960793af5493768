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


class _Terminal:
    """A standard output that says it is a terminal and keeps what it is given."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_article_text_written_to_a_terminal_is_escaped_but_keeps_its_lines(tmp_path, monkeypatch):
    src = tmp_path / "a.txt"
    src.write_text("Hello \x1b[31mred\x1b[0m world. Second \u202eline here.\n", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    assert main(["segment", str(src), "--lang", "en"]) == 0
    shown = "".join(terminal.written)
    assert "\x1b" not in shown and "\u202e" not in shown
    assert shown.splitlines() == ["Hello \\x1b[31mred\\x1b[0m world.", "Second \\u202eline here."]


def test_article_text_written_to_a_pipe_is_exact(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Hello \x1b[31mred\x1b[0m world.\n", encoding="utf-8")
    assert main(["segment", str(src), "--lang", "en"]) == 0
    assert "\x1b[31m" in capsys.readouterr().out
