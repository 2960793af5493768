"""The writer registry, atomic writes and the CLI's --format choices."""

from __future__ import annotations

import json
import os
import stat

import pytest

from aligner.cli import main
from aligner.errors import ConfigError
from aligner.report import FORMATS, render, write_report
from aligner.io.output import _umask


def test_registry_lists_every_format():
    assert sorted(FORMATS) == ["html", "json", "md", "tmx", "tsv"]


def test_unknown_format_names_the_valid_ones(hostile):
    with pytest.raises(ConfigError, match=r"unknown report format 'pdf'.*'html'.*'tsv'"):
        render(hostile, "pdf")


def test_write_report_replaces_atomically_and_is_readable(hostile, tmp_path):
    target = tmp_path / "sub" / "r.json"
    write_report(hostile, "json", target)
    first = target.read_text("utf-8")
    write_report(hostile, "json", target)
    assert target.read_text("utf-8") == first
    assert [p.name for p in target.parent.iterdir()] == ["r.json"]  # no temporary left behind
    # an ordinary file (0666 less the umask), not mkstemp's private 0600
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o666 & ~_umask()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_compare_writes_each_format(fmt, tmp_path, capsys):
    out = tmp_path / f"r.{fmt}"
    src, tgt = "seeds/000_ae4071aa207af74f.txt", "seeds/001_2f5c058692c94630.txt"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    code = main(["compare", os.path.join(root, src), os.path.join(root, tgt), "--format", fmt, "-o", str(out)])
    assert code == 0
    text = out.read_text("utf-8")
    assert text.endswith("\n") and len(text) > 200
    if fmt == "json":
        assert len(json.loads(text)["beads"]) == 15
    assert "fidelity" in capsys.readouterr().err


def test_cli_rejects_an_unknown_format(tmp_path, capsys):
    code = None
    with pytest.raises(SystemExit) as exc:
        code = main(["compare", "a", "b", "--format", "pdf"])
    assert exc.value.code == 2 and code is None
    assert "invalid choice: 'pdf'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_lone_surrogates_are_replaced_one_for_one(fmt, tmp_path):
    import aligner

    src = aligner.from_text("Harga naik \udc80 lima persen. Bagus.", "id")
    tgt = aligner.from_text("Prices rose five percent. Good.", "en")
    out = tmp_path / f"r.{fmt}"
    write_report(aligner.compare(src, tgt), fmt, out)
    text = out.read_text("utf-8")
    assert "\udc80" not in text
    if fmt == "json":
        data = json.loads(text)
        assert data["source"]["text"] == src.text.replace("\udc80", "\ufffd")
        first = data["source"]["sentences"][0]
        assert data["source"]["text"][first["start"] : first["end"]] == first["text"]


# --- issue 22 case 6: output safety -------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_special_files_are_refused_never_replaced(hostile, tmp_path):
    from aligner.errors import InputError

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="is a FIFO"):
        write_report(hostile, "json", fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.listdir(tmp_path) == ["out.fifo"]
    if os.path.exists("/dev/null"):
        with pytest.raises(InputError, match="is a character device"):
            write_report(hostile, "json", "/dev/null")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_overwritten_file_keeps_its_mode(hostile, tmp_path):
    target = tmp_path / "r.json"
    target.write_text("old", "utf-8")
    target.chmod(0o600)
    write_report(hostile, "json", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text("utf-8") != "old"


def test_killed_mid_write_leaves_no_temporary_file(tmp_path):
    """A SIGKILL during the write left a 0-byte ``.r.json.*.tmp`` beside the target."""
    import subprocess
    import sys

    code = (
        "import os, signal, sys\n"
        "real = os.fdopen\n"
        "class Dying:\n"
        "    def __init__(self, f): self.f = f\n"
        "    def __enter__(self): return self\n"
        "    def __exit__(self, *a): return False\n"
        "    def write(self, text): os.kill(os.getpid(), signal.SIGKILL)\n"
        "    def __getattr__(self, name): return getattr(self.f, name)\n"
        "os.fdopen = lambda *a, **k: Dying(real(*a, **k))\n"
        "import builtins\n"
        "real_open = builtins.open\n"
        "builtins.open = lambda *a, **k: Dying(real_open(*a, **k)) if 'x' in str(a[1:2]) + str(k.get('mode')) else real_open(*a, **k)\n"
        "from aligner.report.writers import atomic_write\n"
        "atomic_write(sys.argv[1], 'text ' * 1000)\n"
    )
    target = tmp_path / "r.json"
    target.write_text("old", "utf-8")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, PYTHONPATH=os.path.join(root, "src"))
    proc = subprocess.run([sys.executable, "-c", code, str(target)], env=env, timeout=60)
    assert proc.returncode == -9
    assert os.listdir(tmp_path) == ["r.json"] and target.read_text("utf-8") == "old"


def test_failed_write_removes_its_temporary_file(tmp_path, monkeypatch):
    from aligner.report import writers

    target = tmp_path / "r.json"

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writers.os, "replace", boom)
    with pytest.raises(OSError):
        writers.atomic_write(target, "text")
    assert os.listdir(tmp_path) == []


def test_dash_output_writes_to_standard_output(seed_paths, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(["align", str(seed_paths["000"]), str(seed_paths["001"]), "--encoder", "none",
                 "--fidelity-encoder", "none", "-o", "-"])
    out = capsys.readouterr().out
    assert code == 0 and out.count("\n") > 3 and not (tmp_path / "-").exists()


def test_unwritable_output_is_found_before_the_work(seed_paths, tmp_path, capsys, monkeypatch):
    """A bad ``-o`` was found only after all the work was done."""
    from aligner import api

    def no_work(*args, **kwargs):
        raise AssertionError("the work started before -o was checked")

    monkeypatch.setattr(api, "compare", no_work)
    monkeypatch.setattr(api, "load", no_work)
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", "utf-8")
    targets = [blocker / "r.json"]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "fifo")
        targets.append(tmp_path / "fifo")
    for target in targets:
        code = main(["compare", str(seed_paths["000"]), str(seed_paths["001"]), "-o", str(target)])
        err = capsys.readouterr().err
        assert code == 2 and err.count("\n") == 1 and ("cannot write here" in err or "FIFO" in err)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_read_only_output_is_found_before_the_work(seed_paths, tmp_path, capsys, monkeypatch):
    from aligner import api

    monkeypatch.setattr(api, "load", lambda *a, **k: (_ for _ in ()).throw(AssertionError("work started")))
    target = tmp_path / "r.json"
    target.write_text("old", "utf-8")
    target.chmod(0o444)
    code = main(["compare", str(seed_paths["000"]), str(seed_paths["001"]), "-o", str(target)])
    assert code == 2 and "permission denied" in capsys.readouterr().err


# --- issue 22: the JSON report of a long pair is written as it is made ----------------------

def test_json_report_pieces_give_the_rendered_text(hostile, tmp_path, monkeypatch):
    """Streamed in parts (here of a few characters), the report is the same text, lone
    surrogates replaced one for one, and a file written from the parts is the same bytes."""
    import aligner
    from aligner.report import writers

    monkeypatch.setattr(writers, "_PART_CHARS", 7)
    parts = list(writers.render_pieces(hostile, "json"))
    assert len(parts) > 100 and "".join(parts) == render(hostile, "json")
    src = aligner.from_text("Harga naik \udc80 lima persen. Bagus.", "id")
    c = aligner.compare(src, aligner.from_text("Prices rose five percent. Good.", "en"))
    assert "".join(writers.render_pieces(c, "json")) == render(c, "json")
    write_report(hostile, "json", tmp_path / "r.json")
    assert (tmp_path / "r.json").read_text("utf-8") == render(hostile, "json")
    assert list(writers.render_pieces(hostile, "md")) == [render(hostile, "md")]


def test_json_report_is_never_held_whole(seed_paths, tmp_path, monkeypatch):
    """The whole-text JSON renderer (``json.dumps``: the text joined from millions of pieces
    for a long pair) is not what writes a report file."""
    from aligner.report import writers

    def whole(c):
        raise AssertionError("the report was rendered whole")

    monkeypatch.setitem(writers.FORMATS, "json", whole)
    code = main(["compare", "--encoder", "none", "--fidelity-encoder", "none", str(seed_paths["000"]),
                 str(seed_paths["001"]), "-o", str(tmp_path / "r.json")])
    assert code == 0 and json.loads((tmp_path / "r.json").read_text("utf-8"))["beads"]


def test_every_format_from_one_report_model_is_the_text_render_gives(hostile, monkeypatch):
    """``render_outputs`` (batch ``--also``) builds the report model once for all formats, and
    each text is the one ``render`` makes on its own."""
    from aligner.report import filters, model
    from aligner.report.filters import ExportFilter, render_filtered, render_outputs

    alone = {fmt: render(hostile, fmt) for fmt in FORMATS}
    strict = ExportFilter(min_confidence=0.5, exclude_flagged=True)
    filtered = {fmt: render_filtered(hostile, fmt, strict)[0] for fmt in filters.FILTERED_FORMATS}
    assert all(filtered[fmt] != alone[fmt] for fmt in filtered)  # the filter drops beads here
    built = []
    real = model.build_report

    def counting(c):
        built.append(c)
        return real(c)

    monkeypatch.setattr(filters, "build_report", counting)
    formats = tuple(sorted(FORMATS))
    assert dict(render_outputs(hostile, formats)) == alone
    assert len(built) == 1
    with_filter = dict(render_outputs(hostile, formats, strict))
    assert len(built) == 2
    assert with_filter == {**alone, **filtered}
    assert render_outputs(hostile, ()) == ()
    assert len(built) == 2
