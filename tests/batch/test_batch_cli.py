"""``aligner batch``: exit codes, messages and the Dask paths of the command line."""

from __future__ import annotations

import json

import pytest
from batch_data import PAIRS, reports

from aligner.cli import main

LANGS = ["--src-lang", "en", "--tgt-lang", "id", "--presegmented"]


def test_all_ok_exits_0_with_a_summary_line(manifest, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["batch", str(manifest), "-o", str(out), *LANGS, "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "3 pairs: 3 ok, 0 failed, 0 skipped" in err and "summary.json" in err
    assert len(reports(out)) == len(PAIRS)


@pytest.mark.slow
def test_some_failed_exits_1_and_names_them(manifest_with_failure, tmp_path, capsys):
    code = main(["batch", str(manifest_with_failure), "-o", str(tmp_path / "out"), *LANGS, "--workers", "2"])
    err = capsys.readouterr().err
    assert code == 1
    assert "aligner: failed: missing (line 5): InputError:" in err
    assert "4 pairs: 3 ok, 1 failed" in err


@pytest.mark.parametrize("manifest_text, message", [
    ("src\ttgt\n", "pairs.tsv:1: the header must be"),
    ("name\tsrc\ttgt\nx\ty\n", "pairs.tsv:2: expected 3 tab-separated fields"),
    ("name\tsrc\ttgt\n../up\ta\tb\n", "pairs.tsv:2: bad name '../up'"),
])
def test_bad_manifest_exits_2_with_one_line(tmp_path, capsys, manifest_text, message):
    path = tmp_path / "pairs.tsv"
    path.write_text(manifest_text, "utf-8")
    assert main(["batch", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1 and err.startswith("aligner: error:")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, message", [
    (["--workers", "0"], "workers must be at least 1"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --executor dask"),
])
def test_bad_arguments_exit_2(manifest, tmp_path, capsys, args, message):
    assert main(["batch", str(manifest), "-o", str(tmp_path / "out"), *args]) == 2
    assert message in capsys.readouterr().err


def test_unknown_executor_is_an_argument_error(manifest, tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["batch", str(manifest), "-o", str(tmp_path / "out"), "--executor", "spark"])
    assert info.value.code == 2
    assert "choose from 'dask', 'local'" in capsys.readouterr().err


@pytest.mark.slow
def test_dask_local_cluster_of_worker_processes(manifest, tmp_path, capsys):
    pytest.importorskip("distributed")
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["batch", str(manifest), "-o", str(local), *LANGS, "--workers", "1"]) == 0
    assert main(["batch", str(manifest), "-o", str(dask), *LANGS, "--executor", "dask", "--workers", "1"]) == 0
    assert reports(local) == reports(dask)
    assert json.loads((dask / "summary.json").read_text("utf-8"))["executor"] == "dask"


@pytest.mark.slow
def test_dask_scheduler_address_of_a_running_cluster(manifest, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=":0") as cluster:
        out = tmp_path / "out"
        code = main(["batch", str(manifest), "-o", str(out), *LANGS, "--executor", "dask",
                     "--scheduler", cluster.scheduler_address])
        assert code == 0
        summary = json.loads((out / "summary.json").read_text("utf-8"))
        assert summary["workers"] == 2 and summary["pairs"]["ok"] == 3


@pytest.mark.slow
def test_unreachable_scheduler_exits_2(manifest, tmp_path, capsys, monkeypatch):
    pytest.importorskip("distributed")
    import aligner.batch._dask as dask_module

    monkeypatch.setattr(dask_module, "_CONNECT_TIMEOUT", "1s")
    code = main(["batch", str(manifest), "-o", str(tmp_path / "out"), *LANGS, "--executor", "dask",
                 "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'" in capsys.readouterr().err


def test_dask_missing_is_a_clear_argument_error(manifest, tmp_path, capsys, monkeypatch):
    import sys

    import aligner.batch

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    monkeypatch.delitem(sys.modules, "aligner.batch._dask", raising=False)
    monkeypatch.delattr(aligner.batch, "_dask", raising=False)
    code = main(["batch", str(manifest), "-o", str(tmp_path / "out"), *LANGS, "--executor", "dask"])
    assert code == 2
    assert "pip install 'aligner[dask]'" in capsys.readouterr().err
