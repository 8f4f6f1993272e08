"""Is an edited graph still valid? SHACL on the touched nodes, and no part-of cycles.

``check_delta`` applies a delta to a copy of the graph and runs the SHACL rules on the touched nodes
and their neighbourhood; a new violation, or a part_of/unitOf cycle, rejects the whole batch.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, URIRef
from rdflib import Literal as Lit
from rdflib.term import Node

from graph.edit_plan import Delta
from graph.errors import EditRejected, ValidationFailed
from graph.model import Model
from graph.validation import Finding, validate
from ontology.namespace import ORG, RDF, SKOS

__all__ = ["check_delta", "neighbourhood"]


def check_delta(model: Model, delta: Delta) -> Graph:
    """The graph after the delta, if the delta adds no SHACL violation (else ValidationFailed).

    The full graph is copied (it becomes the next model); the rules run on the touched nodes and their
    neighbourhood only (``neighbourhood``), which is all the shapes look at and keeps pyshacl fast.
    """
    added, removed = delta.effective(model.rdf)
    for t in (*added, *removed):
        if not all(isinstance(x, URIRef | Lit) for x in t):
            raise EditRejected("facts with blank nodes cannot be edited; give the entity an IRI first")
    after = Graph()
    after.addN((s, p, o, after) for s, p, o in model.rdf)
    for t in removed:
        after.remove(t)
    for t in added:
        after.add(t)
    _refuse_cycles(model, after, added)
    focus = {t[0] for t in (*added, *removed) if isinstance(t[0], URIRef)} | delta.focus
    focus |= {t[2] for t in (*added, *removed) if isinstance(t[2], URIRef) and (t[2], RDF.type, None) in after}
    new = _violations(after, focus)
    if new:
        before = _violations(model.rdf, {n for n in focus if (n, None, None) in model.rdf})
        new = [f for f in new if _key(f) not in {_key(b) for b in before}]
        if new:
            raise ValidationFailed(findings=tuple(new))
    return after


def neighbourhood(g: Graph, focus: Iterable[Node]) -> Graph:
    """The statements SHACL needs to judge ``focus``: theirs, their neighbours' and next neighbours'.

    Our shapes follow at most one inverse step and one more step out (``^org:postIn/org:role``,
    ``^sk:about/sk:aspect``) and check the types of values (``sh:class``); rdf:type objects are
    not followed (a class would pull in all its instances). A test compares this with the full graph.
    """
    start = set(focus)
    near: set[Node] = set(start)
    for n in start:
        near |= {o for p, o in g.predicate_objects(n) if p != RDF.type and not isinstance(o, Lit)}
        near |= {s for s, _ in g.subject_predicates(n)}
    nodes = set(near)
    for n in near:
        nodes |= {o for p, o in g.predicate_objects(n) if p != RDF.type and not isinstance(o, Lit)}
    sub = Graph()
    sub.addN((s, p, o, sub) for n in nodes for s, p, o in g.triples((n, None, None)))
    return sub


def _violations(g: Graph, focus: set[URIRef]) -> list[Finding]:
    if not focus:
        return []
    return list(validate(neighbourhood(g, focus), focus_nodes=sorted(focus)).violations)


def _key(f: Finding) -> tuple[str, str, str | None, str | None]:
    return (f.rule, f.focus, f.path, f.value)


# child → parent (False) or parent → child (True), as graph.projection reads them
_PART_OF = ((ORG.subOrganizationOf, False), (ORG.unitOf, False), (ORG.hasSubOrganization, True), (ORG.hasUnit, True))


def _refuse_cycles(model: Model, after: Graph, added: Iterable[tuple[Node, Node, Node]]) -> None:
    """Refuse a delta that would make a body (indirectly) part of itself, naming the cycle."""
    new = []
    for s, p, o in added:
        for pred, reverse in _PART_OF:
            if p == pred:
                new.append((o, s) if reverse else (s, o))
    if not new:
        return
    parents: dict[Node, set[Node]] = {}
    for pred, reverse in _PART_OF:
        for s, o in after.subject_objects(pred):
            child, parent = (o, s) if reverse else (s, o)
            parents.setdefault(child, set()).add(parent)
    for child, parent in new:
        path = _path_up(parents, parent, child)
        if path is not None:
            names = " → ".join(_name(model, after, n) for n in [child, *path])
            raise EditRejected(f"the change would make a part-of cycle: {names}")


def _path_up(parents: dict[Node, set[Node]], start: Node, goal: Node) -> list[Node] | None:
    """The chain of parents from ``start`` up to ``goal`` (both included), if there is one."""
    seen = {start}
    stack: list[list[Node]] = [[start]]
    while stack:
        path = stack.pop()
        if path[-1] == goal:
            return path
        for nxt in sorted(parents.get(path[-1], ()), key=str):
            if nxt not in seen:
                seen.add(nxt)
                stack.append([*path, nxt])
    return None


def _name(model: Model, g: Graph, node: Node) -> str:
    if str(node) in model.nx:
        return model.label(str(node))
    label = next((str(o) for o in g.objects(node, SKOS.prefLabel) if getattr(o, "language", None) == "da"), None)
    return label or str(node)
