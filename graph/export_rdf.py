"""RDF writers: Turtle, N-Triples, JSON-LD and TriG with provenance (Oxigraph serialises; fast and streaming).

TriG groups the statements by where they come from: every entity's triples (and those of the blank nodes
it owns) go into a named graph for its set of source sections, and the default graph says of each named
graph ``prov:wasDerivedFrom`` those sections. Loading the file again merges the graphs back into the map.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from graph.exporting import ExportFormat, register
from graph.model import Model
from ontology.namespace import DCTERMS, FOAF, ID, ORG, PROV, RDF, RDFS, SK, SKOS, VCARD, XSD

__all__ = ["PREFIXES", "graph_of_sources", "to_ox", "trig_quads"]

PREFIXES = {
    "sk": str(SK),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "id": str(ID),
}
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


def _triples(model: Model) -> Iterator[ox.Triple]:
    for s, p, o in model.rdf:
        yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))  # type: ignore[arg-type]


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
    g = model.rdf
    home: dict[Node, URIRef | None] = {}
    described: dict[URIRef, frozenset[str]] = {}
    for s in set(g.subjects()):
        if isinstance(s, BNode):
            continue
        sources = frozenset(str(o) for o in g.objects(s, PROV.wasDerivedFrom))
        if not sources:
            home[s] = None
            continue
        name = graph_of_sources(sources)
        described[name] = sources
        home[s] = name
    owner_of = _blank_owners(model, home)
    default = ox.DefaultGraph()
    for s, p, o in g:
        name = home.get(s) if not isinstance(s, BNode) else owner_of.get(s)
        target: ox.NamedNode | ox.DefaultGraph = ox.NamedNode(str(name)) if name is not None else default
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), target)  # type: ignore[arg-type]
    for name, sources in sorted(described.items()):
        subject = ox.NamedNode(str(name))
        yield ox.Quad(subject, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(PROV.Entity)), default)
        for src in sorted(sources):
            yield ox.Quad(subject, ox.NamedNode(str(PROV.wasDerivedFrom)), ox.NamedNode(src), default)


def _blank_owners(model: Model, home: dict[Node, URIRef | None]) -> dict[Node, URIRef | None]:
    """Each blank node goes with the first IRI subject that reaches it (memberships, mandate items …)."""
    g = model.rdf
    refs: dict[Node, list[Node]] = defaultdict(list)
    for s, _, o in g:
        if isinstance(o, BNode):
            refs[o].append(s)
    owner: dict[Node, URIRef | None] = {}

    def find(b: Node, seen: set[Node]) -> URIRef | None:
        if b in owner:
            return owner[b]
        seen.add(b)
        for s in sorted(refs.get(b, ()), key=str):
            if not isinstance(s, BNode):
                return home.get(s)
            if s not in seen:
                found = find(s, seen)
                if found is not None:
                    return found
        return None

    for s in set(g.subjects()):
        if isinstance(s, BNode):
            owner[s] = find(s, set())
    return owner


def _trig(model: Model) -> bytes:
    quads = sorted(trig_quads(model), key=lambda q: (str(q.graph_name), str(q.subject)))  # one block per graph
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
