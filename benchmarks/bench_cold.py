"""Cold start to first answer, peak memory, and the ten-nation load — each in a fresh process.

The children are ``benchmarks.cold_child`` (``ours FILE``: load, index, answer one contact question;
``rdflib FILE``: a plain ``Graph().parse``). The parent measures from spawning a child to the moment its
answer was ready (wall clock), so interpreter start and imports count, teardown does not.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from benchmarks.bench_support import Row, child

__all__ = ["cold_rows", "memory_rows"]

_CHILD = "benchmarks.cold_child"


# ---------------------------------------------------------------------- parent side
def _summary(values: list[float]) -> dict[str, Any]:
    return {"n": len(values), "median": statistics.median(values), "min": min(values), "max": max(values)}


def cold_rows(path: Path, scale: str, *, reps: int) -> list[Row]:
    """Cold start to first answer vs plain rdflib parse of the same file, alternating, ``reps`` times each."""
    ours: list[float] = []
    ours_cpu: list[float] = []
    base: list[float] = []
    base_cpu: list[float] = []
    phases: list[dict[str, Any]] = []
    rss: list[float] = []
    failures: list[str] = []
    for _ in range(reps):
        r = child(["-m", _CHILD, "ours", str(path)])
        if r.returncode == 0 and r.report:
            ours.append(r.report["ready_at"] - r.spawned_at)
            ours_cpu.append(r.cpu)
            rss.append(r.max_rss_mb)
            phases.append(r.report)
        else:
            failures.append(r.stderr[-500:])
        b = child(["-m", _CHILD, "rdflib", str(path)])
        if b.returncode == 0 and b.report:
            base.append(b.report["ready_at"] - b.spawned_at)
            base_cpu.append(b.cpu)
    if not ours:
        return [
            Row("cold start", f"{scale}: load + index + first contact answer", "s", status="failed", note=failures[0])
        ]
    timing = {**_summary(ours), "cpu_median": statistics.median(ours_cpu)}
    base_timing = {**_summary(base), "cpu_median": statistics.median(base_cpu)} if base else {}
    ratio = base_timing["median"] / timing["median"] if base else None
    med = {k: statistics.median(p[k] for p in phases) for k in ("import_s", "load_s", "first_answer_s")}
    target, met = None, None
    if scale == "nation":
        target = "≤ 1.0 s and ≥ 6× rdflib"
        met = timing["median"] <= 1.0 and (ratio or 0) >= 6
    return [
        Row(
            "cold start",
            f"{scale}: load + index + first contact answer (fresh process)",
            "s",
            timing,
            "rdflib Graph().parse",
            base_timing,
            ratio,
            target,
            met,
            extra={
                "phases_median_s": med,
                "triples": phases[0]["triples"],
                "nodes": phases[0]["nodes"],
                "rdf_graph_built": phases[0]["rdf_built"],
                "heavy_imported": phases[0].get("heavy_imported", []),
                "peak_rss_mb_median": statistics.median(rss),
            },
            note=(
                f"phases (median): imports {med['import_s']:.2f} s, load+projection {med['load_s']:.2f} s, "
                f"first answer (indexes, topic index, gaps) {med['first_answer_s']:.2f} s"
            ),
        )
    ]


def memory_rows(paths: dict[str, Path], *, full_check: bool = True) -> list[Row]:
    """Peak RSS of a fresh process that loads a scale and answers (ten-nation: also chain, path, gaps)."""
    rows = []
    for scale, path in paths.items():
        args = ["-m", _CHILD, "ours", str(path)]
        if full_check and scale == "nation10":
            args.append("--full")
        r = child(args, timeout=1800)
        if r.returncode != 0 or not r.report:
            rows.append(Row("memory", f"{scale}: peak RSS", "MB", status="failed", note=r.stderr[-500:]))
            continue
        rep = r.report
        b = child(["-m", _CHILD, "rdflib", str(path)], timeout=1800) if scale != "nation10" else None
        target = "≤ 500 MB" if scale == "nation" else None
        rows.append(
            Row(
                "memory",
                f"{scale}: peak RSS (load + first answer)",
                "MB",
                {"n": 1, "median": r.max_rss_mb, "min": r.max_rss_mb, "max": r.max_rss_mb},
                "rdflib Graph().parse" if b else None,
                {"median": b.max_rss_mb} if b and b.returncode == 0 else {},
                (b.max_rss_mb / r.max_rss_mb) if b and b.returncode == 0 else None,
                target,
                (r.max_rss_mb <= 500) if target else None,
                extra={k: v for k, v in rep.items() if k not in ("ready_at", "started_at")},
            )
        )
        if scale == "nation10":
            took = rep["ready_at"] - r.spawned_at
            checks = rep.get("checks", {})
            rows.append(
                Row(
                    "scale",
                    "nation10 (10× Denmark): fresh process to first answer",
                    "s",
                    {"n": 1, "median": took, "min": took, "max": took, "cpu_median": rep["cpu_s"]},
                    target="loads and answers correctly",
                    met=bool(rep["answers"]) and all(checks.values()),
                    extra=rep,
                    note=(
                        f"{rep['triples']:,} triples; load {rep['load_s']:.1f} s, first contact "
                        f"{rep['first_answer_s']:.1f} s, chain {rep.get('chain_s', 0):.3f} s, path "
                        f"{rep.get('path_s', 0):.2f} s, gaps {rep.get('gaps_s', 0):.1f} s; checks {checks}"
                    ),
                )
            )
    return rows
