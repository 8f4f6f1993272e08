"""The change log: every committed change as a PROV activity, exact enough to undo.

A change lives in the change-log graph as

    <id/endring/T> a prov:Activity ; dct:type "edit" ;
        prov:wasAssociatedWith <id/bruger/slug> ; prov:startedAtTime "…"^^xsd:dateTime ;
        rdfs:comment "why" ; prov:wasInformedBy <previous change> ;
        prov:wasInfluencedBy <undone change> (undo only) ; prov:generated <created entity> … ;
        prov:used <…/plan>, <…/tilfoejet>, <…/fjernet> .
    <…/tilfoejet> a prov:Entity ; dct:type "added" ; prov:value "<N-Triples>" .

The added and removed triples are kept as N-Triples text, so an undo applies their exact inverse.
The newest change is the one no other change ``prov:wasInformedBy``: the store's version (ETag) is
derived from it, and a commit only goes through while it is still the newest (compare-and-swap in
one SPARQL Update, see ``update_text``), so two writers — even two processes on one remote store —
never both build on the same version.

SPARQL text here is assembled only from terms the program made, written by Oxigraph's N-Triples
serialiser (``str(term)``): never from user text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.loading import parse_bytes
from graph.text import ascii_fold
from ontology.namespace import DCTERMS, ID, PROV, RDF, RDFS, XSD

__all__ = [
    "CHANGES_GRAPH",
    "DATA_GRAPH",
    "ChangeRecord",
    "Triple",
    "agent_iri",
    "from_ntriples",
    "new_change_iri",
    "records_from_graph",
    "slug",
    "to_ntriples",
    "to_ox",
    "update_text",
    "version_of",
]

Triple = tuple[Node, Node, Node]

DATA_GRAPH = ID["graph/data"]
CHANGES_GRAPH = ID["graph/changes"]
_KINDS = ("seed", "import", "edit", "undo")


@dataclass(frozen=True)
class ChangeRecord:
    """One committed change (or the initial load) as the API and the CLI show it."""

    iri: str
    kind: str
    user: str
    at: dt.datetime
    reason: str
    added: tuple[Triple, ...] = ()
    removed: tuple[Triple, ...] = ()
    edits: tuple[dict[str, Any], ...] = ()
    created: tuple[str, ...] = ()
    undoes: str | None = None
    previous: str | None = None
    triples: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # one canonical order (that of the N-Triples text), whether built by an edit or read back
        object.__setattr__(self, "added", tuple(sorted(self.added, key=_nt_line)))
        object.__setattr__(self, "removed", tuple(sorted(self.removed, key=_nt_line)))

    @property
    def id(self) -> str:
        """The short id used in URLs (``/api/changes/{id}/undo``)."""
        return self.iri.rsplit("/", 1)[-1]

    @property
    def version(self) -> str:
        """The store version (ETag) right after this change."""
        return version_of(self.iri)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "iri": self.iri,
            "kind": self.kind,
            "user": self.user,
            "at": self.at.isoformat(),
            "reason": self.reason,
            "version": self.version,
            "undoes": self.undoes.rsplit("/", 1)[-1] if self.undoes else None,
            "created": list(self.created),
            "edits": list(self.edits),
            "added": to_ntriples(self.added).splitlines(),
            "removed": to_ntriples(self.removed).splitlines(),
            "triples": self.triples if self.triples is not None else len(self.added) + len(self.removed),
        }


def version_of(change_iri: str) -> str:
    """An opaque ETag for the store state after a change."""
    return hashlib.sha256(str(change_iri).encode()).hexdigest()[:16]


def new_change_iri(now: dt.datetime) -> URIRef:
    """Sortable and unique: ``id:endring/20241122T101500Z-1a2b3c4d``."""
    return ID[f"endring/{now.astimezone(dt.UTC):%Y%m%dT%H%M%S}Z-{uuid.uuid4().hex[:8]}"]


def slug(text: str, limit: int = 40) -> str:
    """ASCII slug for minted IRIs (æ→ae, ø→oe, å→aa); never empty."""
    folded = "".join(c if c.isascii() and c.isalnum() else "-" for c in ascii_fold(text))
    return "-".join(p for p in folded.split("-") if p)[:limit].strip("-") or "x"


def agent_iri(user: str) -> URIRef:
    return ID[f"bruger/{slug(user)}"]


# ---------------------------------------------------------------------------- terms and N-Triples
def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term (the reverse of ``graph.loading``'s conversion)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_ntriples(triples: Iterable[Triple]) -> str:
    """Sorted N-Triples text, one triple a line (stable, diff-friendly)."""
    lines = sorted(_nt_line(t) for t in triples)
    return "".join(line + "\n" for line in lines)


def from_ntriples(text: str) -> list[Triple]:
    """Parse N-Triples with the project's safe parser (same term conversion as data files)."""
    if not text.strip():
        return []
    return list(parse_bytes(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES, name="<change log>", scope="c"))


def _nt_line(t: Triple) -> str:
    s, p, o = (str(to_ox(x)) for x in t)
    return f"{s} {p} {o} ."


# ---------------------------------------------------------------------------- writing
def activity_triples(record: ChangeRecord) -> list[Triple]:
    """The triples that describe ``record`` in the change-log graph."""
    a = URIRef(record.iri)
    agent = agent_iri(record.user)
    out: list[Triple] = [
        (a, RDF.type, PROV.Activity),
        (a, DCTERMS.type, Literal(record.kind)),
        (a, PROV.startedAtTime, Literal(record.at.isoformat(), datatype=XSD.dateTime)),
        (a, PROV.wasAssociatedWith, agent),
        (agent, RDF.type, PROV.Agent),
        (agent, RDFS.label, Literal(record.user)),
        (a, RDFS.comment, Literal(record.reason)),
    ]
    if record.previous:
        out.append((a, PROV.wasInformedBy, URIRef(record.previous)))
    if record.undoes:
        out.append((a, PROV.wasInfluencedBy, URIRef(record.undoes)))
    out += [(a, PROV.generated, URIRef(c)) for c in record.created]
    parts = {"plan": json.dumps(list(record.edits), ensure_ascii=False, sort_keys=True)}
    if record.kind in ("edit", "undo"):
        parts["added"] = to_ntriples(record.added)
        parts["removed"] = to_ntriples(record.removed)
    else:
        parts["triples"] = str(record.triples or 0)
    for name, value in parts.items():
        e = URIRef(f"{record.iri}/{name}")
        out += [(a, PROV.used, e), (e, RDF.type, PROV.Entity), (e, DCTERMS.type, Literal(name))]
        out.append((e, PROV.value, Literal(value)))
    return out


def update_text(
    *,
    removed: Sequence[Triple],
    added: Sequence[Triple],
    log: Sequence[Triple],
    expected_head: str | None,
) -> str:
    """One SPARQL Update that changes the data graph and logs the change, atomically.

    With ``expected_head`` the update only applies while that change is still the newest one
    (nobody ``prov:wasInformedBy`` it): a concurrent writer makes it a no-op, which the caller
    detects by reading the head again.
    """
    data, changes = str(to_ox(DATA_GRAPH)), str(to_ox(CHANGES_GRAPH))
    parts: list[str] = []
    if removed:
        parts.append("DELETE {\n  GRAPH " + data + " {\n" + _block(removed) + "  }\n}")
    inserts = []
    if added:
        inserts.append("  GRAPH " + data + " {\n" + _block(added) + "  }")
    if log:
        inserts.append("  GRAPH " + changes + " {\n" + _block(log) + "  }")
    if inserts:
        parts.append("INSERT {\n" + "\n".join(inserts) + "\n}")
    if expected_head is None:
        where = "WHERE { FILTER NOT EXISTS { GRAPH " + changes + " { ?any a " + _n(PROV.Activity) + " } } }"
    else:
        head = _n(URIRef(expected_head))
        where = (
            "WHERE { GRAPH " + changes + " { " + head + " a " + _n(PROV.Activity) + " . "
            "FILTER NOT EXISTS { ?later " + _n(PROV.wasInformedBy) + " " + head + " } } }"
        )
    return "\n".join(parts) + "\n" + where


def _block(triples: Sequence[Triple]) -> str:
    return "".join("    " + _nt_line(t) + "\n" for t in triples)


def _n(term: Node) -> str:
    return str(to_ox(term))


# ---------------------------------------------------------------------------- reading
def head_query() -> str:
    """The newest change (fixed text): the activity no other activity was informed by."""
    return (
        "SELECT ?a ?t WHERE { GRAPH "
        + _n(CHANGES_GRAPH)
        + " { ?a a "
        + _n(PROV.Activity)
        + " ; "
        + _n(PROV.startedAtTime)
        + " ?t . FILTER NOT EXISTS { ?b "
        + _n(PROV.wasInformedBy)
        + " ?a } } } "
        "ORDER BY DESC(?t) DESC(?a) LIMIT 1"
    )


def history_query(limit: int, iri: str | None = None) -> str:
    """CONSTRUCT the newest ``limit`` changes (or one change) with their parts and agent."""
    changes = _n(CHANGES_GRAPH)
    if iri is not None:
        pick = "VALUES ?a { " + _n(URIRef(iri)) + " }"
    else:
        pick = (
            "{ SELECT ?a WHERE { ?a a " + _n(PROV.Activity) + " ; " + _n(PROV.startedAtTime) + " ?t } "
            f"ORDER BY DESC(?t) DESC(?a) LIMIT {int(limit)} }}"
        )
    link = "(" + _n(PROV.used) + "|" + _n(PROV.wasAssociatedWith) + ")"
    return (
        "CONSTRUCT { ?a ?p ?o . ?e ?q ?v } WHERE { GRAPH " + changes + " { " + pick + " "
        "{ ?a ?p ?o } UNION { ?a " + link + " ?e . ?e ?q ?v } } }"
    )


def records_from_graph(g: Graph) -> list[ChangeRecord]:
    """Every activity described in ``g``, newest first."""
    out = []
    for a in set(g.subjects(RDF.type, PROV.Activity)):
        out.append(_record(g, a))
    return sorted(out, key=lambda r: (r.at, r.iri), reverse=True)


def _record(g: Graph, a: Node) -> ChangeRecord:
    parts: dict[str, str] = {}
    for e in g.objects(a, PROV.used):
        name, value = g.value(e, DCTERMS.type), g.value(e, PROV.value)
        if name is not None and value is not None:
            parts[str(name)] = str(value)
    agent = g.value(a, PROV.wasAssociatedWith)
    started = g.value(a, PROV.startedAtTime)
    kind = str(g.value(a, DCTERMS.type) or "edit")
    previous, undoes = g.value(a, PROV.wasInformedBy), g.value(a, PROV.wasInfluencedBy)
    return ChangeRecord(
        iri=str(a),
        kind=kind if kind in _KINDS else "edit",
        user=str(g.value(agent, RDFS.label) or "") if agent is not None else "",
        at=dt.datetime.fromisoformat(str(started)) if started is not None else dt.datetime.min.replace(tzinfo=dt.UTC),
        reason=str(g.value(a, RDFS.comment) or ""),
        added=tuple(from_ntriples(parts.get("added", ""))),
        removed=tuple(from_ntriples(parts.get("removed", ""))),
        edits=tuple(json.loads(parts.get("plan", "[]"))),
        created=tuple(sorted(str(c) for c in g.objects(a, PROV.generated))),
        undoes=str(undoes) if undoes is not None else None,
        previous=str(previous) if previous is not None else None,
        triples=int(parts["triples"]) if parts.get("triples", "").isdigit() else None,
    )
