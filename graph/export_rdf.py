"""RDF writers: Turtle, N-Triples, JSON-LD and TriG with provenance (Oxigraph serialises; fast and streaming).

TriG groups the statements by where they come from: every entity's triples (and those of the blank nodes
it owns) go into a named graph for its set of source sections, and the default graph says of each named
graph ``prov:wasDerivedFrom`` those sections. Loading the file again merges the graphs back into the map.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from graph.exporting import ExportFormat, register
from graph.facts import Blank, Facts
from graph.model import Model
from ontology.namespace import ID, PREFIXES, PROV, RDF, XSD

__all__ = ["graph_of_sources", "to_ox", "trig_quads"]

_XSD_STRING = str(XSD.string)


def to_ox(t: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as an Oxigraph term (blank node ids kept)."""
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(_bnode_id(str(t)))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype is not None and str(t.datatype) != _XSD_STRING:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise TypeError(f"not an RDF term: {t!r}")


def _bnode_id(raw: str) -> str:
    safe = "".join(c if c.isalnum() else "_" for c in raw)
    return safe if safe[:1].isalpha() else f"b{safe}"


class _Terms:
    """Internal terms (``graph.facts``: IRI ``str``, ``Blank``, ``Lit``) → Oxigraph terms, each converted once.

    The writers read the model's compact index, never ``model.rdf``: building the rdflib graph of a
    national structure costs more than writing it.
    """

    def __init__(self) -> None:
        self._cache: dict[Any, Any] = {}

    def __call__(self, t: Any) -> Any:
        hit = self._cache.get(t)
        if hit is None:
            if type(t) is str:
                hit = ox.NamedNode(t)
            elif isinstance(t, Blank):
                hit = ox.BlankNode(_bnode_id(str(t)))
            elif t.language:
                hit = ox.Literal(t.value, language=t.language)
            elif t.datatype != _XSD_STRING:
                hit = ox.Literal(t.value, datatype=ox.NamedNode(t.datatype))
            else:
                hit = ox.Literal(t.value)
            self._cache[t] = hit
        return hit


def _triples(model: Model) -> Iterator[ox.Triple]:
    term = _Terms()
    for s, p, o in model.triple_index():
        yield ox.Triple(term(s), term(p), term(o))


def _serialize(model: Model, fmt: ox.RdfFormat) -> bytes:
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    return ox.serialize(_triples(model), format=fmt, prefixes=prefixes) or b""


# ---------------------------------------------------------------------------------------------- TriG
def graph_of_sources(sources: Iterable[str]) -> URIRef:
    """The named graph holding what a given set of source sections states (stable across exports)."""
    key = "\n".join(sorted(set(sources)))
    return ID[f"graf/{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"]


def trig_quads(model: Model) -> Iterator[ox.Quad]:
    """Every triple in the named graph of its subject's sources; the graphs' provenance in the default graph."""
    facts = model.triple_index()
    term = _Terms()
    derived = str(PROV.wasDerivedFrom)
    home: dict[Any, str | None] = {}
    described: dict[str, frozenset[str]] = {}
    by_sources: dict[frozenset[str], str] = {}
    for s in facts.spo:
        if isinstance(s, Blank):
            continue
        sources = frozenset(o for o in facts.objects(s, derived) if type(o) is str)
        if not sources:
            home[s] = None
            continue
        name = by_sources.get(sources)
        if name is None:
            name = by_sources[sources] = str(graph_of_sources(sources))
            described[name] = sources
        home[s] = name
    owner_of = _blank_owners(facts, home)
    default = ox.DefaultGraph()
    graphs: dict[str, ox.NamedNode] = {}
    for s, p, o in facts:
        name = owner_of.get(s) if isinstance(s, Blank) else home.get(s)
        if name is None:
            target: ox.NamedNode | ox.DefaultGraph = default
        else:
            target = graphs.get(name) or graphs.setdefault(name, ox.NamedNode(name))
        yield ox.Quad(term(s), term(p), term(o), target)
    a, entity, was = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(PROV.Entity)), ox.NamedNode(derived)
    for name, sources in sorted(described.items()):
        subject = ox.NamedNode(name)
        yield ox.Quad(subject, a, entity, default)
        for src in sorted(sources):
            yield ox.Quad(subject, was, ox.NamedNode(src), default)


def _blank_owners(facts: Facts, home: dict[Any, str | None]) -> dict[Any, str | None]:
    """Each blank node goes with the first IRI subject that reaches it (memberships, mandate items …)."""
    refs: dict[Any, list[Any]] = defaultdict(list)
    for s, _, o in facts:
        if isinstance(o, Blank):
            refs[o].append(s)
    owner: dict[Any, str | None] = {}

    def find(b: Any, seen: set[Any]) -> str | None:
        if b in owner:
            return owner[b]
        seen.add(b)
        for s in sorted(refs.get(b, ()), key=str):
            if not isinstance(s, Blank):
                return home.get(s)
            if s not in seen:
                found = find(s, seen)
                if found is not None:
                    return found
        return None

    for s in facts.spo:
        if isinstance(s, Blank):
            owner[s] = find(s, set())
    return owner


def _trig(model: Model) -> bytes:
    blocks: dict[str, list[ox.Quad]] = defaultdict(list)  # one block per graph, default graph first
    for q in trig_quads(model):
        blocks["" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value].append(q)
    quads = (q for name in sorted(blocks) for q in blocks[name])
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES) or b""


register(
    ExportFormat(
        "turtle",
        "text/turtle; charset=utf-8",
        "ttl",
        {"da": "RDF som Turtle", "en": "RDF as Turtle"},
        lambda m: _serialize(m, ox.RdfFormat.TURTLE),
        reads_back=True,
        aliases=("ttl",),
    )
)
register(
    ExportFormat(
        "n-triples",
        "application/n-triples; charset=utf-8",
        "nt",
        {"da": "RDF som N-Triples (én tripel pr. linje)", "en": "RDF as N-Triples (one triple per line)"},
        lambda m: _serialize(m, ox.RdfFormat.N_TRIPLES),
        reads_back=True,
        aliases=("nt", "ntriples"),
    )
)
register(
    ExportFormat(
        "json-ld",
        "application/ld+json",
        "jsonld",
        {"da": "RDF som JSON-LD", "en": "RDF as JSON-LD"},
        lambda m: _serialize(m, ox.RdfFormat.JSON_LD),
        reads_back=True,
        aliases=("jsonld",),
    )
)
register(
    ExportFormat(
        "trig",
        "application/trig; charset=utf-8",
        "trig",
        {
            "da": "RDF som TriG: én navngiven graf pr. kildesæt, med proveniens (prov:wasDerivedFrom)",
            "en": "RDF as TriG: one named graph per set of sources, with provenance (prov:wasDerivedFrom)",
        },
        _trig,
        reads_back=True,
    )
)
