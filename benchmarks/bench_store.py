"""First store seeding (embedded, bulk load) against the former transactional load and an rdflib parse, and
the remote SPARQL store backend against a local ``oxigraph serve``: loading and question latencies.

Seeding is ``graph.store_seed.seed`` on an empty embedded store: read the files, bulk-load the parsed index,
log the load. The former way (the same parsed index as sorted N-Triples text through rdflib terms, then one
transactional ``Store.load``) and ``rdflib.Graph().parse`` of the same file run in the same process, in turn.

An Oxigraph server (``oxigraph serve --location TMP --bind 127.0.0.1:PORT --union-default-graph``) receives the
data through the Graph Store Protocol (one PUT of N-Triples into the data graph); ``graph.store.open_store``
then adopts it and builds the model from a GSP dump, as every API process of a deployment would on start.
Questions are answered from that in-process model; SPARQL round trips to the server are measured beside them.
Only 127.0.0.1; the server is stopped at the end.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from benchmarks.baselines import query_text, with_values
from benchmarks.bench_questions import Samples
from benchmarks.bench_support import Row, Timing, free_port, measure, oxigraph_binary, stop

__all__ = ["seeding_rows", "store_rows"]

SEED_TARGET_S = 3.0

DATE = dt.date(2026, 6, 1)


def _one(seconds: float) -> dict[str, float]:
    return {"n": 1, "median": seconds, "min": seconds, "max": seconds}


def store_rows(path: Path, scale: str, *, reps: int, budget_s: float) -> list[Row]:
    binary = oxigraph_binary()
    if binary is None:
        return [Row("store", "remote SPARQL store", status="skipped", note="the oxigraph server CLI is not installed")]
    import httpx

    from graph.changelog import DATA_GRAPH
    from graph.store import open_store

    rows = seeding_rows(path, scale, reps=3 if reps > 3 else 1)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="sk-oxigraph-") as location:
        server = subprocess.Popen(
            [binary, "serve", "--location", location, "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            client = httpx.Client(timeout=600)
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get(f"{base}/query", params={"query": "ASK {}"})
                    break
                except httpx.HTTPError:
                    if time.monotonic() > deadline:
                        return [Row("store", "oxigraph serve", status="failed", note="the server did not start")]
                    time.sleep(0.2)
            store_data = ox.Store()
            store_data.bulk_load(path.read_bytes(), format=ox.RdfFormat.TURTLE, base_iri="urn:samarbejdskort:f0:")
            nt = store_data.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""
            t = time.perf_counter()
            resp = client.put(
                f"{base}/store",
                params={"graph": str(DATA_GRAPH)},
                content=nt,
                headers={"Content-Type": "application/n-triples"},
            )
            gsp = time.perf_counter() - t
            rows.append(
                Row(
                    "store",
                    f"{scale}: load through the Graph Store Protocol (PUT N-Triples)",
                    "s",
                    _one(gsp),
                    status="ok" if resp.status_code < 300 else "failed",
                    note=f"{len(nt) / 1e6:.1f} MB, HTTP {resp.status_code}",
                )
            )
            t = time.perf_counter()
            store = open_store(f"{base}/query", seed_paths=[])
            opened = time.perf_counter() - t
            try:
                model = store.model()
                rows.append(
                    Row(
                        "store",
                        f"{scale}: open_store(remote) → model (GSP dump + parse + projection)",
                        "s",
                        _one(opened),
                        note=f"{model.nx.number_of_nodes():,} nodes; every API process pays this once per data version",
                    )
                )
                rows += _questions(model, scale, reps, budget_s)
                rows += _round_trips(client, base, model, scale, reps, budget_s)
            finally:
                store.close()
        finally:
            stop(server)
    return rows


def seeding_rows(path: Path, scale: str, *, reps: int) -> list[Row]:
    """Seconds to seed an empty embedded store from ``path``: ours, the former load, an rdflib parse."""
    from rdflib import Graph

    from graph.changelog import DATA_GRAPH, head_query, to_ntriples
    from graph.fact_view import FactView
    from graph.loading import read_graph
    from graph.store import open_store
    from graph.store_backends import Embedded
    from graph.store_seed import seed

    ours, former, parse, first_start = Timing(), Timing(), Timing(), Timing()
    for _ in range(reps):
        with tempfile.TemporaryDirectory(prefix="sk-seed-") as d:
            backend = Embedded(d)

            def head(b: Embedded = backend) -> str | None:
                rows = b.select(head_query())
                return rows[0]["a"].value if rows and rows[0].get("a") is not None else None

            def no_change(iri: str) -> object:
                raise AssertionError("an empty store has no change log")

            t, c = time.perf_counter(), time.process_time()
            seed(backend, [path], None, no_change, head)  # type: ignore[arg-type]
            ours.wall.append(time.perf_counter() - t)
            ours.cpu.append(time.process_time() - c)
            backend.close()
        with tempfile.TemporaryDirectory(prefix="sk-seed-") as d:
            backend = Embedded(d)
            t, c = time.perf_counter(), time.process_time()
            read = read_graph([path])
            backend.put(DATA_GRAPH, to_ntriples(FactView(read.facts)).encode("utf-8"))
            former.wall.append(time.perf_counter() - t)
            former.cpu.append(time.process_time() - c)
            backend.close()
        with tempfile.TemporaryDirectory(prefix="sk-seed-") as d:
            t = time.perf_counter()
            open_store(d, seed_paths=[path]).close()
            first_start.wall.append(time.perf_counter() - t)
        t, c = time.perf_counter(), time.process_time()
        Graph().parse(path, format="turtle")
        parse.wall.append(time.perf_counter() - t)
        parse.cpu.append(time.process_time() - c)
    rows = [
        Row(
            "store",
            f"{scale}: first store seeding (read files, bulk load, log)",
            "s",
            ours.summary(),
            "former: sorted N-Triples text + transactional load",
            former.summary(),
            former.median / ours.median,
            f"≤ {SEED_TARGET_S:.0f} s",
            ours.median <= SEED_TARGET_S if scale == "nation" else None,
            extra={"rdflib_parse_s": parse.summary(), "ratio_vs_rdflib_parse": round(parse.median / ours.median, 2)},
            note=f"rdflib Graph().parse of the same file: {parse.median:.2f} s",
        ),
        Row(
            "store",
            f"{scale}: first start of an embedded store (seeding + model from the store's dump)",
            "s",
            first_start.summary(),
        ),
    ]
    return rows


def _questions(model: object, scale: str, reps: int, budget_s: float) -> list[Row]:
    from graph.contacts import contact
    from graph.reporting import chain

    s = Samples(model, 6)  # type: ignore[arg-type]
    contact(model, s.contact[0][0], s.contact[0][1], on=DATE)  # type: ignore[arg-type]
    chain(model, s.chain[0][0], on=DATE)  # type: ignore[arg-type]
    c = measure(
        lambda i: contact(model, s.contact[i % len(s.contact)][0], s.contact[i % len(s.contact)][1], on=DATE),  # type: ignore[arg-type]
        reps=reps,
        budget_s=budget_s,
    )
    h = measure(lambda i: chain(model, s.chain[i % len(s.chain)][0], on=DATE), reps=reps, budget_s=budget_s)  # type: ignore[arg-type]
    note = "answered from the in-process model: the same cost as with a local store"
    return [
        Row("store", f"{scale}: contact on the remote-backed model", "ms", c.summary(), note=note),
        Row("store", f"{scale}: chain on the remote-backed model", "ms", h.summary()),
    ]


def _round_trips(client: object, base: str, model: object, scale: str, reps: int, budget_s: float) -> list[Row]:
    s = Samples(model, 6)  # type: ignore[arg-type]
    args = s.baseline_args()["contact"]
    text = query_text("contact")

    def ask(i: int) -> None:
        topic, asker = args[i % len(args)]
        q = with_values(text, {"topic": URIRef(topic), "asker": URIRef(asker)})
        r = client.post(  # type: ignore[attr-defined]
            f"{base}/query",
            content=q.encode(),
            headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        )
        r.raise_for_status()

    t: Timing = measure(ask, reps=reps, budget_s=budget_s)
    return [
        Row(
            "store",
            f"{scale}: contact as SPARQL over HTTP to oxigraph serve",
            "ms",
            t.summary(),
            note="what a per-request SPARQL design would pay on every question (plus JSON parsing)",
        )
    ]
