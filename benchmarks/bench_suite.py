"""All benchmarks in one run: ``python -m benchmarks bench`` (which ``samarbejdskort bench`` runs) calls ``run``.

Every figure is measured in this run against a baseline on the same data and machine. ``quick`` (region scale,
few repetitions, no HTTP, store or ten-nation runs) keeps the machinery working in the test suite in < 30 s.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import io
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.bench_support import Row, compile_bytecode, dataset, machine, num, table

__all__ = ["SCHEMA_VERSION", "run"]

SCHEMA_VERSION = 1
_DATE = "2026-06-01"


def run(
    *,
    scale: str = "nation",
    quick: bool = False,
    seed: int = 0,
    data_dir: Path | None = None,
    only: set[str] | None = None,
    progress: Callable[[str], None] | None = None,
    command: str | None = None,
) -> dict[str, Any]:
    """Run the benchmarks and return the report (``meta`` and ``rows``, see ``docs/performance.md``)."""
    say = progress or (lambda _msg: None)
    if quick:
        scale = "region"
    started = time.perf_counter()
    wanted = only or {"cold", "questions", "diagram", "http", "memory", "store"}
    if quick:
        wanted -= {"http", "store"}
    rows: list[Row] = []
    say(f"data: generating/reusing {scale} (seed {seed})")
    path = dataset(scale, seed, data_dir)
    reps = 3 if quick else 30
    budget = 1.0 if quick else 8.0

    def section(name: str, fn: Callable[[], list[Row]]) -> None:
        if name not in wanted:
            return
        say(f"{name} …")
        t = time.perf_counter()
        try:
            rows.extend(fn())
        except Exception as exc:  # a broken section is reported, the others still run
            rows.append(Row(name, "section", status="failed", note=f"{type(exc).__name__}: {exc}"))
        say(f"{name} done in {time.perf_counter() - t:.1f} s")

    from benchmarks.bench_cli import cli_rows
    from benchmarks.bench_cold import cold_rows, memory_rows

    if {"cold", "memory"} & wanted:
        compile_bytecode()  # fresh processes measure a user's command after install, not the bytecode compiler
    from benchmarks.bench_questions import question_rows

    # 11 fresh processes each (not 7): a cold start is half a second on a VM whose speed swings by ±30 % within
    # minutes, and the median of 7 fell on a slow spell in 3 of 10 full runs (docs/performance.md)
    section("cold", lambda: cold_rows(path, scale, reps=2 if quick else 11) + cli_rows(reps=2 if quick else 10))
    section(
        "questions",
        lambda: question_rows(path, scale, reps=reps, budget_s=budget, samples=4 if quick else 12),
    )
    section("diagram", lambda: diagram_rows(path, scale, quick=quick))
    if "http" in wanted:
        from benchmarks.bench_http import http_rows

        section("http", lambda: http_rows(path, scale, seconds=10))
    if "memory" in wanted:
        scales = (
            ["region"] if quick else ["region", "nation"] + (["nation10"] if scale in ("nation", "nation10") else [])
        )
        if scale not in scales:
            scales.append(scale)
        section("memory", lambda: memory_rows({s: dataset(s, seed, data_dir) for s in scales}))
    if "store" in wanted:
        from benchmarks.bench_store import store_rows

        section("store", lambda: store_rows(path, scale, reps=reps, budget_s=budget))
    return {
        "schema": SCHEMA_VERSION,
        "meta": {
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "command": command or "python -m benchmarks " + " ".join(sys.argv[1:]),
            "scale": scale,
            "quick": quick,
            "seed": seed,
            "data": str(path),
            "duration_s": round(time.perf_counter() - started, 1),
            "machine": machine(),
        },
        "rows": [r.as_json() for r in rows],
        "summary": _summary(rows),
    }


def _summary(rows: list[Row]) -> dict[str, Any]:
    targets = [r for r in rows if r.target]
    return {
        "targets": len(targets),
        "met": sum(1 for r in targets if r.met),
        "not_met": [f"{r.group}: {r.name}" for r in targets if r.met is False],
        "pending": [f"{r.group}: {r.name}" for r in rows if r.status == "pending"],
        "failed": [f"{r.group}: {r.name}" for r in rows if r.status == "failed"],
    }


def diagram_rows(path: Path, scale: str, *, quick: bool) -> list[Row]:
    """Diagram generation at 200 / 2,000 / national-scale nodes, from the colleague's ``benchmarks/bench_viz.py``."""
    try:
        viz = importlib.import_module("benchmarks.bench_viz")
    except ImportError as exc:
        return [
            Row(
                "diagram",
                "interactive diagram at 200 / 2,000 / national nodes + HTML size",
                status="pending",
                note=f"benchmarks/bench_viz.py is not there yet ({exc.name}); target: 2,000 nodes ≤ 0.5 s",
            )
        ]
    main = getattr(viz, "main", None)
    if not callable(main):
        return [Row("diagram", "bench_viz", status="pending", note="benchmarks/bench_viz.py has no main() yet")]
    with tempfile.TemporaryDirectory() as tmp:
        argv = ["--out", str(Path(tmp) / "viz.json")] + (["--quick", "--no-browser"] if quick else [])
        with contextlib.redirect_stdout(io.StringIO()):
            found = main(argv)
    out: list[Row] = []
    for r in found:
        took = r.first_s
        is_2000 = r.case == "synthetic-2000"
        shape = "grouped" if r.grouped else "ungrouped"
        browser = f", browser usable after {r.browser_stable_ms:.0f} ms" if r.browser_stable_ms is not None else ""
        out.append(
            Row(
                "diagram",
                f"{r.case}: first build, {r.nodes:,} nodes / {r.edges:,} edges ({shape}, {r.layout})",
                "s",
                {"n": r.runs, "median": took, "min": r.first_min, "max": r.first_max},
                baseline=r.baseline,
                baseline_timing={"n": r.runs, "median": r.baseline_s},
                ratio=r.ratio,
                target="≤ 0.5 s" if is_2000 else None,
                met=(took <= 0.5) if is_2000 else None,
                note=f"view {r.view_s:.3f} s + HTML {r.html_s:.3f} s (medians of {r.runs} fresh models), "
                f"page {r.html_bytes / 1e6:.2f} MB{browser}",
                extra={"entities": r.entities, "html_bytes": r.html_bytes, "browser_stable_ms": r.browser_stable_ms},
            )
        )
    return out


def write_json(report: dict[str, Any], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")


def render(report: dict[str, Any]) -> str:
    """The report as the text table (rebuilt from the JSON rows)."""
    m = report["meta"]
    head = (
        f"samarbejdskort bench — {m['date']} — scale {m['scale']}{' (quick)' if m['quick'] else ''} — "
        f"{m['machine']['cores']} cores, {m['machine']['cpu']}, load {m['machine']['load_average']} — "
        f"{m['duration_s']} s"
    )
    s = report["summary"]
    foot = f"targets met: {s['met']} of {s['targets']}"
    if s["not_met"]:
        foot += "; not met: " + "; ".join(s["not_met"])
    if s["pending"]:
        foot += "; pending: " + "; ".join(s["pending"])
    profiles = [
        f"\nprofile of {r['group']} / {r['name']} (cumulative):\n" + "\n".join("    " + ln for ln in r["profile"])
        for r in report["rows"]
        if r.get("profile")
    ]
    return "\n".join([head, "", table(report["rows"]), "", foot, *profiles])


def markdown(report: dict[str, Any]) -> str:
    """The rows as a Markdown table (for ``docs/performance.md``)."""
    out = [
        "| group | measurement | median | p99 | min–max | CPU | baseline (median, p99) | ratio | target |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in report["rows"]:
        u = r["unit"]
        span = f"{num(r['min'])}–{num(r['max'])}" if r.get("min") is not None else ""
        base = f"{r['baseline']}: {num(r['baseline_median'])}" if r.get("baseline_median") is not None else ""
        if base and r.get("baseline_p99") is not None:
            base += f", {num(r['baseline_p99'])}"
        p99 = f"{num(r['p99'])} {u}" if r.get("p99") is not None else ""
        ratio = f"{r['ratio']:.1f}×" if r.get("ratio") is not None else ""
        met = {True: " ✓", False: " ✗", None: ""}[r["met"]]
        status = "" if r["status"] == "ok" else f"*{r['status']}* "
        median = f"{num(r['median'])} {u}" if r.get("median") is not None else ""
        cpu = num(r["cpu_median"]) if r.get("cpu_median") is not None else ""
        out.append(
            f"| {r['group']} | {status}{r['name']} | {median} | {p99} | {span} | {cpu} | {base} | {ratio} | "
            f"{r['target'] or ''}{met} |"
        )
    return "\n".join(out)
