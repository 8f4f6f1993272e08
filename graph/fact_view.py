"""rdflib-style reads over the fact index, for code that looks up a few details with rdflib terms.

``FactView`` offers the read methods of an rdflib ``Graph`` (``value``, ``objects``, ``subjects``,
``subject_objects``, ``predicate_objects``, ``triples``, ``in``, ``len``) with rdflib terms in and out, so
contact points, deadlines and entity pages read the loaded data without building the full rdflib graph
(``Facts.to_rdflib_graph``), which costs several times the parse.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from graph.facts import Facts, Term, from_rdflib, to_rdflib
from graph.lazy import rdflib

if TYPE_CHECKING:
    from rdflib.term import Node

__all__ = ["FactView"]


class FactView:
    """Read-only, rdflib-compatible lookups (rdflib terms in and out; a predicate may be a plain IRI string) over
    ``Facts``; thread-safe."""

    __slots__ = ("_facts", "_terms")

    def __init__(self, facts: Facts) -> None:
        self._facts = facts
        self._terms: dict[Term, Node] = {}

    def _out(self, t: Term) -> Node:
        hit = self._terms.get(t)
        if hit is None:
            hit = self._terms[t] = to_rdflib(t)
        return hit

    def __len__(self) -> int:
        return len(self._facts)

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        return self.triples((None, None, None))

    def __contains__(self, triple: tuple[Node | None, Node | None, Node | None]) -> bool:
        return next(self.triples(triple), None) is not None

    def value(
        self,
        subject: Node | None = None,
        predicate: Node | str | None = None,
        object: Node | None = None,
        default: Any = None,
        any: bool = True,
    ) -> Any:
        """Like ``Graph.value``: the first matching term (in insertion order, as rdflib's memory store), or default."""
        if subject is not None and predicate is not None and object is None and any:
            found = self._facts.value(from_rdflib(subject), str(predicate))
            return default if found is None else self._out(found)
        values = []
        for s, p, o in self.triples((subject, predicate, object)):
            values.append(s if subject is None else p if predicate is None else o)
            if any or len(values) > 1:
                break
        if not values:
            return default
        if len(values) > 1:
            from rdflib.exceptions import UniquenessError

            raise UniquenessError(values)
        return values[0]

    def objects(self, subject: Node | None = None, predicate: Node | str | None = None) -> Iterator[Node]:
        if subject is not None and predicate is not None:
            for o in self._facts.objects(from_rdflib(subject), str(predicate)):
                yield self._out(o)
            return
        for _, _, o in self.triples((subject, predicate, None)):
            yield o

    def subjects(self, predicate: Node | str | None = None, object: Node | None = None) -> Iterator[Node]:
        if predicate is not None and object is not None:
            for s in self._facts.subjects(str(predicate), from_rdflib(object)):
                yield self._out(s)
            return
        for s, _, _ in self.triples((None, predicate, object)):
            yield s

    def subject_objects(self, predicate: Node | str | None = None) -> Iterator[tuple[Node, Node]]:
        for s, _, o in self.triples((None, predicate, None)):
            yield s, o

    def predicate_objects(self, subject: Node | None = None) -> Iterator[tuple[Node, Node]]:
        for _, p, o in self.triples((subject, None, None)):
            yield p, o

    def triples(self, pattern: tuple[Node | None, Node | str | None, Node | None]) -> Iterator[tuple[Node, Node, Node]]:
        s, p, o = pattern
        f = self._facts
        si = None if s is None else from_rdflib(s)
        pi = None if p is None else str(p)
        oi = None if o is None else from_rdflib(o)
        if si is not None:
            po = f.spo.get(si, {})
            items = po.items() if pi is None else ((pi, po.get(pi, [])),)
            for pred, objs in items:
                for x in objs:
                    if oi is None or x == oi:
                        yield self._out(si), rdflib.URIRef(pred), self._out(x)
            return
        if pi is not None:
            subjects = f.subjects(pi, oi) if oi is not None else list(f.subjects_of(pi))
            for subj in subjects:
                for x in f.objects(subj, pi) if oi is None else (oi,):
                    yield self._out(subj), rdflib.URIRef(pi), self._out(x)
            return
        for subj, pred, x in f:
            if oi is None or x == oi:
                yield self._out(subj), rdflib.URIRef(pred), self._out(x)
