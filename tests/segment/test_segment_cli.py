"""``aligner segment`` output: one sentence per line, furniture marked on request."""

from __future__ import annotations

from aligner.cli import main


def test_show_boilerplate_marks_forum_chrome(seed_paths, capsys):
    assert main(["segment", str(seed_paths["002"]), "--lang", "ko", "--show-boilerplate"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "# boilerplate: 找回密码" in lines
    assert "OpenAI 이사회 불안 정리: 잠재적 원인과 후속 영향" in lines
    assert "그 후 Greg Brockman은 이사회 의장직을 사임한다고 발표했습니다." in lines


def test_plain_output_keeps_every_sentence(seed_paths, capsys):
    assert main(["segment", str(seed_paths["003"]), "--lang", "de"]) == 0
    out = capsys.readouterr().out
    assert "2024-08-19" in out and "# boilerplate" not in out


def test_unknown_language_falls_back_to_its_script_and_says_so_once(tmp_path, capsys):
    path = tmp_path / "doc.txt"
    path.write_text("यह क्या है। वह किताब है।\nदूसरा अनुच्छेद है। अंत।\n", "utf-8")
    assert main(["segment", str(path), "--lang", "awa"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["यह क्या है।", "वह किताब है।", "", "दूसरा अनुच्छेद है।", "अंत।"]
    notes = [line for line in captured.err.splitlines() if "awa" in line]
    assert len(notes) == 1 and "Devanagari" in notes[0]


def test_known_language_says_nothing(tmp_path, capsys):
    path = tmp_path / "doc.txt"
    path.write_text("Բարեւ։ Ինչպես ես։\n", "utf-8")
    assert main(["segment", str(path), "--lang", "hy"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == ["Բարեւ։", "Ինչպես ես։"] and captured.err == ""
