"""``samarbejdskort bench --quick`` keeps working: one run at region scale, checked for the shape of its JSON.

Benchmarks are never timed assertions: nothing here looks at how fast anything was.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from api.cli import app

ROW_KEYS = {
    "group", "name", "unit", "n", "median", "min", "max", "cpu_median", "baseline", "baseline_median",
    "baseline_min", "baseline_max", "baseline_cpu_median",
    "ratio", "target", "met", "status", "note", "extra", "profile",
}  # fmt: skip


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("bench")
    out = tmp / "bench.json"
    result = CliRunner().invoke(app, ["bench", "--quick", "--json", "--out", str(out), "--data-dir", str(tmp)])
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == written
    return written


def test_quick_bench_reports_its_machine_scale_and_command(report: dict) -> None:
    meta = report["meta"]
    assert report["schema"] == 1
    assert meta["scale"] == "region" and meta["quick"] is True
    assert {"cpu", "cores", "memory_gb", "python", "load_average"} <= set(meta["machine"])
    assert meta["date"] and "bench" in meta["command"]


def test_every_row_has_the_same_keys_and_a_known_status(report: dict) -> None:
    assert report["rows"]
    for row in report["rows"]:
        assert set(row) == ROW_KEYS, row["name"]
        assert row["status"] in {"ok", "pending", "skipped", "failed"}


def test_quick_bench_measures_each_part_against_its_baseline(report: dict) -> None:
    groups = {r["group"] for r in report["rows"] if r["status"] == "ok"}
    assert {"cold start", "correctness", "questions", "memory"} <= groups
    for row in report["rows"]:
        if row["group"] in ("cold start", "questions") and row["status"] == "ok" and row["baseline"]:
            assert row["median"] > 0 and row["baseline_median"] > 0 and row["ratio"] > 0
            assert row["min"] <= row["median"] <= row["max"]


def test_the_sparql_baselines_agree_with_their_plain_python_twins(report: dict) -> None:
    (check,) = [r for r in report["rows"] if r["group"] == "correctness"]
    assert check["met"] is True, check["extra"]["mismatches"]


def test_summary_counts_targets_and_no_own_part_failed(report: dict) -> None:
    summary = report["summary"]
    assert {"targets", "met", "not_met", "pending", "failed"} <= set(summary)
    # the diagram part runs the viz colleague's bench_viz; a failure there is reported, not ours to assert
    assert [f for f in summary["failed"] if not f.startswith("diagram")] == []
