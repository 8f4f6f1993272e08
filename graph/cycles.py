"""Cycles in the structure: an organisation that is (through others) part of itself, a collaboration that is
its own member, reporting lines that come back to where they started.

Third-party data may hold such cycles; they are data, reported by ``validate``, never a reason to hang. One
finding per strongly connected component (or self-loop), found in time linear in the number of relations.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import networkx as nx
from rdflib import Graph
from rdflib.term import Node

from ontology.namespace import ORG, SK

__all__ = ["RELATIONS", "Cycle", "find_cycles"]

#: relation → (is it malformed data (violation) or a governance oddity (warning), rule id)
RELATIONS: dict[str, tuple[bool, str]] = {
    "part_of": (True, "SK-V-PART-OF-CYCLE"),
    "member_of": (False, "SK-W-MEMBERSHIP-CYCLE"),
    "reports_to": (False, "SK-W-REPORTING-CYCLE"),
}


@dataclass(frozen=True)
class Cycle:
    """The members of one cycle of ``relation``, in the order found (a self-loop has one member)."""

    relation: str
    members: tuple[Node, ...]

    @property
    def violation(self) -> bool:
        return RELATIONS[self.relation][0]

    @property
    def rule(self) -> str:
        return RELATIONS[self.relation][1]


def _edges(g: Graph, relation: str) -> Iterator[tuple[Node, Node]]:
    """Child → parent, member → collaboration, body → the body it reports to, as RDF states them."""
    if relation == "part_of":
        for p in (ORG.subOrganizationOf, ORG.unitOf):
            yield from g.subject_objects(p)
        for p in (ORG.hasSubOrganization, ORG.hasUnit):
            yield from ((o, s) for s, o in g.subject_objects(p))
    elif relation == "member_of":
        yield from g.subject_objects(ORG.memberOf)
        yield from ((o, s) for s, o in g.subject_objects(ORG.hasMember))
        for m in set(g.subjects(ORG.member, None)):
            for member in g.objects(m, ORG.member):
                for collab in g.objects(m, ORG.organization):
                    yield member, collab
    else:
        yield from g.subject_objects(ORG.reportsTo)
        for line in set(g.subjects(SK.fromBody, None)):
            for a in g.objects(line, SK.fromBody):
                for b in g.objects(line, SK.toBody):
                    yield a, b


def find_cycles(g: Graph, focus: Iterable[Node] | None = None) -> list[Cycle]:
    """Every cycle of every relation in ``RELATIONS``; only those touching ``focus`` when given."""
    wanted = set(focus) if focus is not None else None
    out: list[Cycle] = []
    for relation in RELATIONS:
        d: nx.DiGraph = nx.DiGraph()
        d.add_edges_from(_edges(g, relation))
        groups = [tuple(sorted(c, key=str)) for c in nx.strongly_connected_components(d) if len(c) > 1]
        groups += [(u,) for u, _ in nx.selfloop_edges(d)]
        for members in sorted(groups, key=lambda m: [str(x) for x in m]):
            if wanted is None or wanted.intersection(members):
                out.append(Cycle(relation, members))
    return out
