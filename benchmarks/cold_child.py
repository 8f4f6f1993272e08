"""The child side of the cold-start benchmark: what a fresh process does, and nothing the harness needs.

``python -m benchmarks.cold_child ours FILE`` loads the file, builds the indexes, answers one contact question
and prints one JSON line (phases, when the answer was ready, peak RSS, CPU); ``rdflib FILE`` does what a plain
rdflib program would (``Graph().parse``). Kept apart from ``benchmarks.bench_cold`` (the parent: runs these,
summarises, compares) so that a child imports only the standard library before it starts its clock's work:
the harness's own imports (subprocess, statistics, cProfile …; ~65 M instructions) are not the product's cold
start, and they would count in both children.
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
import time
from typing import Any

__all__ = ["CONTACT_HEAVY", "DATE", "HEAVY", "sample_contact"]

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


def child_report(extra: dict[str, Any]) -> None:
    """Print the child's JSON line (with its own peak RSS and CPU) and leave at once (no teardown).

    Its imports come after the answer was ready: they are not part of what is measured."""
    import json
    import os
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    extra = {
        **extra,
        "max_rss_mb": _peak_rss_mb(),
        "ru_maxrss_mb": usage.ru_maxrss / 1024,
        "cpu_s": usage.ru_utime + usage.ru_stime,
    }
    sys.stdout.write(json.dumps(extra, default=str) + "\n")
    sys.stdout.flush()
    os._exit(0)


def _peak_rss_mb() -> float:
    """This process's peak resident memory (``VmHWM``).

    Not ``ru_maxrss``: on Linux a child's ``ru_maxrss`` (and so the parent's ``RUSAGE_CHILDREN``) starts from
    the resident size of the process that forked it, because ``exec`` keeps the old memory's high-water mark.
    A benchmark parent holding a national graph would make every child look as large as itself.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    mode, file = sys.argv[1], sys.argv[2]
    if mode == "ours":
        _ours(file, full="--full" in sys.argv[3:])
    elif mode == "rdflib":
        _rdflib(file)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
