"""planlint.dask on a LocalCluster of worker processes: the findings the CLI
prints as JSON, the errors it prints as lines (skipped without Dask)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import planlint.dask  # noqa: E402 - only once Dask is known to be there
from planlint.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as connected:
        yield connected


def _files(tmp_path: Path) -> list[str]:
    """The seeds, the sample office (its configuration, rules and excluded draft), and a file that is no text."""
    import shutil

    shutil.copytree(ROOT / "tests" / "data" / "office", tmp_path / "office")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return [*map(str, sorted((ROOT / "seeds").glob("*.txt"))), *map(str, sorted((tmp_path / "office").rglob("*.txt"))),
            str(tmp_path / "binary.txt")]


def _rows(frame) -> list[dict]:
    rows = []
    for row in frame.to_dict("records"):
        row = {key: (None if value is None or value != value else value) for key, value in row.items()}  # NA → None
        if row["fix"] is not None:
            row["fix"] = json.loads(row["fix"])
        rows.append(row)
    return rows


@pytest.mark.slow
def test_check_files_gives_the_cli_s_findings_and_errors(client, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paths = _files(tmp_path)
    cli = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", "--lang", "en", *paths])
    frame = planlint.dask.check_files(paths, npartitions=3, lang="en").compute()
    rows = _rows(frame)
    findings = [row for row in rows if row["code"] is not None]
    errors = [row["message"] for row in rows if row["code"] is None]
    expected = json.loads(cli.stdout)
    assert len(expected) > 40 and any(d["code"] == "JY001" for d in expected)  # the office's own rule ran
    assert sorted(findings, key=json.dumps) == sorted(expected, key=json.dumps)
    assert errors == cli.stderr.splitlines() == [
        f"error: {tmp_path / 'binary.txt'}: is a binary file, not text; skipped"]


@pytest.mark.slow
def test_check_bag_gives_check_text_s_findings(client):
    import dask.bag

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    pairs = [(seed.name, seed.read_text(encoding="utf-8")) for seed in seeds]
    frame = planlint.dask.check_bag(dask.bag.from_sequence(pairs, npartitions=2), select=["PL1", "PL3"]).compute()
    expected = [d.to_dict() for name, text in pairs
                for d in planlint.check_text(text, name, select=["PL1", "PL3"]).diagnostics]
    assert sorted(_rows(frame), key=json.dumps) == sorted(expected, key=json.dumps) and expected
