"""The remote SPARQL store backend against a local ``oxigraph serve``: loading and question latencies.

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

__all__ = ["store_rows"]

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
            rows: list[Row] = []
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
