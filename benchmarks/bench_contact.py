"""New contact questions: many different (topic, asker) pairs, each asked once, against Oxigraph SPARQL.

"New" means never asked before in the process: no answer is cached, so each question runs the ranking
on the per-view indexes. What a typed text means (``graph.topics.understand``) is kept per data version,
like the topic index itself: coordinators ask about the same topics from many places. What a server builds
once per date before its first request (``prepare``, the views, the name index) is built first and timed
apart, and the long-lived model is frozen for the garbage collector as the server does (``gc.freeze``).
The baseline answers the same pairs, each once, with the candidate query of
``benchmarks/sparql/contact.rq`` on a pyoxigraph store of the same file.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import time
from pathlib import Path
from typing import Any

from benchmarks.baselines import OxigraphBaseline
from benchmarks.bench_support import Row, Timing
from graph.errors import AmbiguousEntity, EntityNotFound
from graph.model import Model, load

__all__ = ["contact_pairs", "contact_rows"]

DATE = dt.date(2026, 6, 1)
TARGET_P50_MS, TARGET_P99_MS, TARGET_RATIO = 1.0, 5.0, 5.0


def contact_pairs(model: Model, n: int, seed: int = 0) -> list[tuple[str, str, str, str]]:
    """``n`` different (topic label, asker name, topic IRI, asker IRI): municipalities and their units in force
    on the date, each with a topic handled in its own tree or any other topic, as coordinators would ask."""
    from graph.view import view

    v = view(model, DATE)
    g = model.nx
    askers = [
        x for x in v.nodes("organisation", "unit") if g.nodes[x].get("sector") == "municipal" and _unique_name(model, x)
    ]
    topics = v.nodes("topic")
    rng = random.Random(seed)
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str, str, str]] = []
    while len(out) < n and len(seen) < len(askers) * len(topics):
        a, t = rng.choice(askers), rng.choice(topics)
        if (t, a) not in seen:
            seen.add((t, a))
            out.append((model.label(t), model.label(a), t, a))
    return out


def _unique_name(model: Model, x: str) -> bool:
    try:
        return model.resolve(model.label(x)) == x
    except (AmbiguousEntity, EntityNotFound):  # a person would not type it this way
        return False


def _p(t: Timing, q: float) -> float:
    w = sorted(t.wall)
    return w[min(len(w) - 1, int(q * len(w)))]


def contact_rows(path: Path, scale: str, *, n: int = 200, sparql: bool = True) -> list[Row]:
    """The rows for new contact questions at ``scale`` (see the module docstring)."""
    from graph.contacts import contact, prepare

    model = load([path])
    pairs = contact_pairs(model, n)
    t0 = time.perf_counter()
    prepare(model, DATE)
    prepared = time.perf_counter() - t0
    gc.collect()
    gc.freeze()
    ours, with_json = Timing(), Timing()
    for topic, asker, _, _ in pairs:
        c0, w0 = time.process_time(), time.perf_counter()
        answer = contact(model, topic, asker, on=DATE)
        w1, c1 = time.perf_counter(), time.process_time()
        answer.as_json()
        with_json.wall.append(time.perf_counter() - w0)
        ours.wall.append(w1 - w0)
        ours.cpu.append(c1 - c0)
    base: Timing | None = None
    if sparql:
        engine = OxigraphBaseline.from_file(str(path))
        base = Timing()
        for _, _, t, a in pairs:
            c0, w0 = time.process_time(), time.perf_counter()
            engine.answer("contact", (t, a))
            base.wall.append(time.perf_counter() - w0)
            base.cpu.append(time.process_time() - c0)
    gc.unfreeze()
    p50, p99 = _p(ours, 0.5), _p(ours, 0.99)
    extra: dict[str, Any] = {"prepare_s": prepared, "pairs": len(pairs)}
    met = None
    target = None
    ratio = None
    if base is not None:
        b50, b99 = _p(base, 0.5), _p(base, 0.99)
        ratio = b50 / p50
        extra["ratio_p99"] = b99 / p99
        if scale == "nation":
            target = f"p50 ≤ {TARGET_P50_MS:g} ms, p99 ≤ {TARGET_P99_MS:g} ms, ≥ {TARGET_RATIO:g}× Oxigraph p50 and p99"
            met = (
                p50 * 1e3 <= TARGET_P50_MS
                and p99 * 1e3 <= TARGET_P99_MS
                and ratio >= TARGET_RATIO
                and b99 / p99 >= TARGET_RATIO
            )
    note = (
        f"{len(pairs)} different (topic, asker) pairs, each asked once; p50 {p50 * 1e3:.2f} ms, "
        f"p99 {p99 * 1e3:.2f} ms; indexes for the date built first in {prepared:.2f} s"
    )
    if base is not None:
        note += f"; Oxigraph on the same pairs p50 {_p(base, 0.5) * 1e3:.2f} ms, p99 {_p(base, 0.99) * 1e3:.2f} ms"
    rows = [
        Row(
            "questions",
            f"{scale}: contact, new questions (answer object)",
            "ms",
            ours.summary() | {"p99": p99},
            OxigraphBaseline.name if base else None,
            (base.summary() | {"p99": _p(base, 0.99)}) if base else {},
            ratio,
            target,
            met,
            note=note,
            extra=extra,
        ),
        Row(
            "questions",
            f"{scale}: contact, new questions (answer + as_json)",
            "ms",
            with_json.summary() | {"p99": _p(with_json, 0.99)},
        ),
    ]
    return rows
