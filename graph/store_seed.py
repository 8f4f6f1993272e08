"""Seeding the store from data files: one bulk load, never a half-written data graph.

The first start of a national structure used to spend ~10 s here: the parsed triples were turned into
sorted N-Triples text through rdflib terms (~3.3 s) and loaded in one transaction (~2.6 s). Now the
parsed index (``graph.facts``) becomes Oxigraph quads directly and goes in through the bulk loader
(``Store.bulk_extend``; a SPARQL server gets one Graph Store PUT of N-Triples serialised by Oxigraph).

The bulk loader is not transactional, so the seed is bracketed by a marker in the change-log graph:
written before the data, removed after the seed's log entry. A store found with the marker (a seed that
failed or was killed half-way) has its data graph cleared and is seeded again; a failure while loading
clears it at once. Until the first edit the store only mirrors its seed files, so a changed data set
replaces it; after an edit the store is the master and the files are left alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

from graph.changelog import (
    CHANGES_GRAPH,
    DATA_GRAPH,
    ChangeRecord,
    activity_triples,
    new_change_iri,
    update_text,
)
from graph.errors import StoreUnavailable
from graph.facts import Blank, Facts, Lit
from graph.loading import read_graph
from graph.store_backends import Backend
from ontology.namespace import ID

__all__ = ["SYSTEM_USER", "seed", "to_quads"]

SYSTEM_USER = "samarbejdskort"
_MARK = (str(ID["graph/data"]), str(ID["seeding"]), "in progress")


def seed(
    backend: Backend,
    seed_paths: Sequence[Path | str],
    head: str | None,
    change: Callable[[str], ChangeRecord],
    read_head: Callable[[], str | None],
) -> str:
    """Seed an empty (or half-seeded, or seed-only and out of date) store; returns the newest change's IRI.

    ``change`` reads one log entry by IRI, ``read_head`` the newest one (both from the store). Data found
    without a change log (loaded by other means) is adopted as it is.
    """
    broken = _marked(backend)
    if broken:  # a seed was interrupted: its data graph is not to be trusted
        backend.put(DATA_GRAPH, b"")
    now = dt.datetime.now(dt.UTC)
    record = ChangeRecord(
        iri=str(new_change_iri(now)),
        kind="import",
        user=SYSTEM_USER,
        at=now,
        reason="Data fundet i lageret ved første start / data found in the store at first start",
        edits=({"op": "import"},),
    )
    if head is not None and not broken:
        last = change(head)
        if last.kind != "seed" or not seed_paths:
            return head
        read = read_graph(seed_paths)
        if read.digest == (last.edits[0] if last.edits else {}).get("digest"):
            return head
    elif broken or backend.is_empty(DATA_GRAPH):
        read = read_graph(seed_paths)
    else:
        read = None
    if read is not None:
        _bulk(backend, read.facts)
        files = [Path(f.path).name for f in read.files]
        record = replace(
            record,
            kind="seed",
            reason="Indlæsning af data / data loaded: " + ", ".join(files),
            edits=({"op": "seed", "files": files, "digest": read.digest},),
            triples=len(read.facts),
            previous=head,
        )
    backend.update(update_text(removed=(), added=(), log=activity_triples(record), expected_head=head))
    if read_head() != record.iri:
        raise StoreUnavailable("the store did not keep the change log (or another process loaded it first)")
    if read is not None:
        backend.update(_mark_text("DELETE"))
    return record.iri


def to_quads(facts: Facts, graph: str) -> Iterator[ox.Quad]:
    """The index's triples as Oxigraph quads in ``graph`` (terms converted once each, no rdflib)."""
    g = ox.NamedNode(graph)
    nodes: dict[object, ox.NamedNode | ox.BlankNode | ox.Literal] = {}

    def term(t: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        hit = nodes.get(t)
        if hit is None:
            hit = nodes[t] = _term(t)
        return hit

    preds: dict[str, ox.NamedNode] = {}
    for s, p, o in facts:
        pn = preds.get(p)
        if pn is None:
            pn = preds[p] = ox.NamedNode(p)
        yield ox.Quad(term(s), pn, term(o), g)  # type: ignore[arg-type]


def _term(t: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(t, Blank):
        return ox.BlankNode(str(t))
    if isinstance(t, Lit):
        if t.language:
            return ox.Literal(t.value, language=t.language)
        return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype))
    return ox.NamedNode(str(t))


def _bulk(backend: Backend, facts: Facts) -> None:
    """Mark, then bulk-load the data graph; on any failure clear it again (the marker stays until the log)."""
    backend.update(_mark_text("INSERT"))
    try:
        backend.bulk_put(DATA_GRAPH, to_quads(facts, str(DATA_GRAPH)))
    except BaseException:
        backend.put(DATA_GRAPH, b"")
        raise


def _marked(backend: Backend) -> bool:
    s, p, o = _MARK
    sparql = f'ASK {{ GRAPH <{CHANGES_GRAPH}> {{ <{s}> <{p}> "{o}" }} }}'
    return bool(backend.ask(sparql))


def _mark_text(op: str) -> str:
    s, p, o = _MARK
    return f'{op} DATA {{ GRAPH <{CHANGES_GRAPH}> {{ <{s}> <{p}> "{o}" }} }}'
