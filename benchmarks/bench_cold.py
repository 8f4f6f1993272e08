"""Cold start to first answer, peak memory, and the ten-nation load — each in a fresh process.

``python -m benchmarks.bench_cold ours FILE`` loads the file, builds the indexes, answers one contact
question and prints one JSON line (phases, when the answer was ready, peak RSS, CPU); ``rdflib FILE`` does
what a plain rdflib program would (``Graph().parse``). The parent measures from spawning the child to the
moment its answer was ready (wall clock), so interpreter start and imports count, teardown does not.
"""

from __future__ import annotations

import datetime as dt
import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.bench_support import Row, child, child_report

__all__ = ["CONTACT_HEAVY", "HEAVY", "cold_rows", "memory_rows"]

DATE = dt.date(2026, 6, 1)
_T0 = time.time()
#: Libraries a question should not import (validation, edits, the server and the exports use them).
HEAVY = ("rdflib", "pyshacl", "jinja2", "fastapi", "pydantic", "starlette", "openpyxl", "pyvis", "fpdf", "rich")
#: … nor a contact or topics question, nor the cold start to its answer: networkx too (~80 ms of imports),
#: which paths, chains, gaps and diagrams still use.
CONTACT_HEAVY = (*HEAVY, "networkx")


def _ours(path: str, *, full: bool) -> None:
    if not full:  # a one-off question, as ``samarbejdskort contact … --data FILE`` runs it (``api.cli.ONE_SHOT``)
        gc.disable()
    t_imp = time.perf_counter()
    from graph.bulk import kept
    from graph.contacts import contact
    from graph.model import load

    t_load = time.perf_counter()
    with kept():  # as the CLI does with the model it keeps (``api.cli.app.load_model``)
        model = load([path])
    t_answer = time.perf_counter()
    topic, asker = sample_contact(model)
    answer = contact(model, topic, asker, on=DATE).as_json()
    done = time.time()
    t_end = time.perf_counter()
    report: dict[str, Any] = {
        "ready_at": done,
        "started_at": _T0,
        "import_s": t_load - t_imp,
        "load_s": t_answer - t_load,
        "first_answer_s": t_end - t_answer,
        "answers": len(answer["answers"]),
        "nodes": model.adjacency.number_of_nodes(),
        "edges": model.adjacency.number_of_edges(),
        "triples": len(model.triple_index()),
        "rdf_built": model.rdf_built,
        "heavy_imported": sorted(m for m in CONTACT_HEAVY if m in sys.modules),
    }
    if full:
        report.update(_more_questions(model))
    child_report(report)


def _more_questions(model: Any) -> dict[str, Any]:
    """Answer chain, path and gaps too, and check them against the plain-Python baseline twins."""
    from benchmarks.baselines import chain_python
    from graph.gaps import find_gaps
    from graph.paths import find_paths
    from graph.reporting import chain

    out: dict[str, Any] = {}
    entity = next(n for n, d in sorted(model.nx.nodes(data="kind")) if d == "forum")
    t = time.perf_counter()
    ch = chain(model, entity, on=DATE)
    out["chain_s"] = time.perf_counter() - t
    a, b = _two_municipalities(model)
    t = time.perf_counter()
    paths = find_paths(model, model.label(a), model.label(b), on=DATE)
    out["path_s"] = time.perf_counter() - t
    t = time.perf_counter()
    gaps = find_gaps(model, on=DATE + dt.timedelta(days=1))  # another date: computed in full, not cached
    out["gaps_s"] = time.perf_counter() - t
    reached = {s.to_id for s in ch.steps}
    out["checks"] = {
        "chain_within_baseline": reached <= chain_python(model, entity),
        "path_found_and_every_step_an_edge": bool(paths.paths)
        and all(
            model.nx.has_edge(s.from_id, s.to_id) or model.nx.has_edge(s.to_id, s.from_id)
            for p in paths.paths
            for s in p.steps
        ),
        "gaps_found": len(gaps.gaps) > 0,
    }
    return out


def _rdflib(path: str) -> None:
    from rdflib import Graph

    g = Graph()
    g.parse(path, format="turtle")
    child_report({"ready_at": time.time(), "started_at": _T0, "triples": len(g)})


def sample_contact(model: Any) -> tuple[str, str]:
    """A (topic, asker) pair every scale has: the first topic handled in municipality 1, and that municipality."""
    asker = _municipalities(model)[0]
    return _handled_topic(model, asker), model.label(asker)


def _municipalities(model: Any) -> list[str]:
    g = model.adjacency
    found = [n for n, d in g.nodes.items() if d["kind"] == "organisation" and d.get("sector") == "municipal"]
    return sorted(found, key=lambda n: (len(n), n))


def _handled_topic(model: Any, org: str) -> str:
    g = model.adjacency  # not ``model.nx``: the cold start it measures never imports networkx
    below = {org, *g.predecessors(org, "part_of")}
    for unit in sorted(below):
        for t in sorted(g.successors(unit, "handles")):
            return model.label(t)
    return model.label(next(n for n, d in g.nodes.items() if d["kind"] == "topic"))


def _two_municipalities(model: Any) -> tuple[str, str]:
    ms = _municipalities(model)
    return ms[0], ms[len(ms) // 2]


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
        r = child(["-m", "benchmarks.bench_cold", "ours", str(path)])
        if r.returncode == 0 and r.report:
            ours.append(r.report["ready_at"] - r.spawned_at)
            ours_cpu.append(r.cpu)
            rss.append(r.max_rss_mb)
            phases.append(r.report)
        else:
            failures.append(r.stderr[-500:])
        b = child(["-m", "benchmarks.bench_cold", "rdflib", str(path)])
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
        args = ["-m", "benchmarks.bench_cold", "ours", str(path)]
        if full_check and scale == "nation10":
            args.append("--full")
        r = child(args, timeout=1800)
        if r.returncode != 0 or not r.report:
            rows.append(Row("memory", f"{scale}: peak RSS", "MB", status="failed", note=r.stderr[-500:]))
            continue
        rep = r.report
        b = child(["-m", "benchmarks.bench_cold", "rdflib", str(path)], timeout=1800) if scale != "nation10" else None
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


if __name__ == "__main__":
    mode, file = sys.argv[1], sys.argv[2]
    if mode == "ours":
        _ours(file, full="--full" in sys.argv[3:])
    elif mode == "rdflib":
        _rdflib(file)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
