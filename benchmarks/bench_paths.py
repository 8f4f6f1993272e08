"""New path questions: many different pairs, each asked once, against Oxigraph on the same pairs in the run.

"How does X reach Y?" is rarely asked twice, so repeating a handful of pairs would measure a warm cache,
not the question. This takes ``PAIRS`` different pairs of organisations, units and forums in force on the
date (a fixed seed, so runs compare), builds the date's path index first (timed apart: a server builds it
at start) and asks one other pair untimed (what is built once per model), then, with the live heap frozen
for the collector as a served process has it (``api.warm.freeze``), asks each pair once with the names a
person would type, and reports p50 and p99. The
baseline is the same pairs as Oxigraph SPARQL ``ASK`` reachability (``benchmarks/sparql/path.rq``), which
only says *whether* the two are connected; ``find_paths`` also returns the cheapest routes, their steps
and warnings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import math
import random
import time
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks.bench_support import Row, Timing
from graph.errors import SamarbejdskortError
from graph.model import Model

__all__ = ["PAIRS", "TARGET_P50_MS", "TARGET_P99_MS", "new_path_rows", "path_pairs", "quantile"]

PAIRS = 188
TARGET_P50_MS = 2.0
TARGET_P99_MS = 10.0
_KINDS = ("organisation", "unit", "forum")


def quantile(values: Sequence[float], q: float) -> float:
    """The nearest-rank quantile (``q`` in 0..1) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def path_pairs(model: Model, on: dt.date, n: int, seed: int = PAIRS) -> list[tuple[str, str, str, str]]:
    """``n`` different unordered pairs (name a, name b, IRI a, IRI b) of bodies in the date's path graph.

    The name is the label when it finds the entity again, else the IRI (a person would add the place)."""
    from graph.path_graph import DEFAULT_VIA, path_index

    ix = path_index(model, DEFAULT_VIA, on, ())
    nodes = model.nx.nodes
    pool = [x for x in ix.ids if nodes[x]["kind"] in _KINDS]
    rnd = random.Random(seed)
    seen: set[frozenset[str]] = set()
    out: list[tuple[str, str, str, str]] = []
    while len(out) < min(n, len(pool) * (len(pool) - 1) // 2):
        a, b = rnd.sample(pool, 2)
        if frozenset((a, b)) in seen:
            continue
        seen.add(frozenset((a, b)))
        out.append((_name(model, a), _name(model, b), a, b))
    return out


def _name(model: Model, iri: str) -> str:
    label = model.label(iri)
    try:
        return label if model.resolve(label) == iri else iri
    except SamarbejdskortError:
        return iri


def new_path_rows(model: Model, scale: str, on: dt.date, oxigraph: Any | None, *, n: int = PAIRS) -> list[Row]:
    """One row: a new path question each time (p50/p99), Oxigraph ASK on the same pairs as the baseline."""
    from graph.path_graph import DEFAULT_VIA, path_index
    from graph.paths import find_paths

    t0 = time.perf_counter()
    path_index(model, DEFAULT_VIA, on, ())  # the date's index (a server builds it at start)
    build_s = time.perf_counter() - t0
    *pairs, warm = path_pairs(model, on, n + 1)
    with contextlib.suppress(SamarbejdskortError):  # one other pair, untimed: what is built once per model
        find_paths(model, warm[2], warm[3], on=on)
    answered = 0

    def ask(i: int) -> None:
        nonlocal answered
        a, b = pairs[i][0], pairs[i][1]
        try:
            find_paths(model, a, b, on=on)
            answered += 1
        except SamarbejdskortError:  # no path (or not in force): also an answer
            pass

    gc.collect()
    gc.freeze()  # as a served process does after its warm-up (api.warm.freeze): no full-heap GC walks
    try:
        ours = _once_each(ask, len(pairs))
    finally:
        gc.unfreeze()
    base = _once_each(lambda i: oxigraph.answer("path", (pairs[i][2], pairs[i][3])), len(pairs)) if oxigraph else None
    p50, p99 = quantile(ours.wall, 0.5), quantile(ours.wall, 0.99)
    target = f"p50 ≤ {TARGET_P50_MS:g} ms, p99 ≤ {TARGET_P99_MS:g} ms" if scale == "nation" else None
    met = (p50 * 1e3 <= TARGET_P50_MS and p99 * 1e3 <= TARGET_P99_MS) if target else None
    bp50 = quantile(base.wall, 0.5) if base else None
    bp99 = quantile(base.wall, 0.99) if base else None
    note = f"{len(pairs)} different pairs, each asked once ({answered} with a path); "
    note += f"p50 {p50 * 1e3:.2f} ms, p99 {p99 * 1e3:.2f} ms"
    if base and bp50 is not None and bp99 is not None:
        note += f"; Oxigraph ASK p50 {bp50 * 1e3:.2f} ms ({bp50 / p50:.1f}×)"
        note += f", p99 {bp99 * 1e3:.2f} ms ({bp99 / p99:.1f}×)"
    note += f"; the date's path index built first in {build_s * 1e3:.0f} ms"
    return [
        Row(
            "questions",
            f"{scale}: path, new pair each time (find_paths, answer object)",
            "ms",
            {**ours.summary(), "median": p50, "p99": p99},
            "Oxigraph SPARQL ASK reachability (same pairs)" if base else None,
            {**base.summary(), "median": bp50, "p99": bp99} if base else {},
            (bp50 / p50) if bp50 else None,
            target,
            met,
            note=note,
            extra={
                "pairs": len(pairs),
                "answered": answered,
                "p50_ms": p50 * 1e3,
                "p99_ms": p99 * 1e3,
                "cpu_p50_ms": quantile(ours.cpu, 0.5) * 1e3,
                "cpu_p99_ms": quantile(ours.cpu, 0.99) * 1e3,
                "oxigraph_p50_ms": bp50 * 1e3 if bp50 is not None else None,
                "oxigraph_p99_ms": bp99 * 1e3 if bp99 is not None else None,
                "ratio_p99_vs_oxigraph": (bp99 / p99) if bp99 else None,
                "index_build_s": build_s,
            },
        )
    ]


def _once_each(fn: Callable[[int], Any], n: int) -> Timing:
    t = Timing()
    for i in range(n):
        t.timed(fn, i)
    return t
