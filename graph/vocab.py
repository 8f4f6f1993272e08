"""The class and property hierarchy as it applies to one data set.

Standard ORG data written elsewhere types its things with local subclasses and
states relations with sub-properties or inverses (``hasSubOrganization`` instead of
``subOrganizationOf``). This module closes the hierarchy of our vocabulary, W3C ORG,
the shipped alignments and whatever the data itself declares, so the projection can
ask one question: "is this class a kind of org:Post?".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import Graph, URIRef

from ontology.files import schema_graph
from ontology.namespace import FOAF, ORG, RDFS, SK, SKOS, VCARD

__all__ = ["KIND_ORDER", "Hierarchy", "kind_of_classes"]

# Most specific first: the first class family an entity belongs to decides its kind.
KIND_ORDER: tuple[tuple[str, URIRef], ...] = (
    ("forum", SK.Forum),
    ("cluster", SK.HealthCluster),
    ("partnership", SK.Partnership),
    ("collaboration", ORG.OrganizationalCollaboration),
    ("unit", ORG.OrganizationalUnit),
    ("organisation", ORG.Organization),
    ("organisation", FOAF.Organization),
    ("post", ORG.Post),
    ("person", FOAF.Person),
    ("channel", SK.Channel),
    ("contact_point", SK.ContactPoint),
    ("requirement", SK.ContactPersonRequirement),
    ("responsibility", SK.Responsibility),
    ("request", SK.Request),
    ("open_question", SK.OpenQuestion),
    ("mandate", SK.Mandate),
    ("agreement", SK.Agreement),
    ("scenario", SK.Scenario),
    ("source", SK.SourceDocument),
    ("source", SK.SourceSection),
    ("membership", ORG.Membership),
    ("line", SK.ReportingLine),
    ("role", ORG.Role),
)
_VCARD_KIND = VCARD.Kind


class Hierarchy:
    """Transitive sub-class and sub-property closure over schema + data."""

    def __init__(self, data: Graph) -> None:
        parents: dict[URIRef, set[URIRef]] = defaultdict(set)
        props: dict[URIRef, set[URIRef]] = defaultdict(set)
        for g in (schema_graph(), data):
            for s, o in g.subject_objects(RDFS.subClassOf):
                if isinstance(s, URIRef) and isinstance(o, URIRef):
                    parents[s].add(o)
            for s, o in g.subject_objects(RDFS.subPropertyOf):
                if isinstance(s, URIRef) and isinstance(o, URIRef):
                    props[s].add(o)
        self._class_up = _close(parents)
        prop_up = _close(props)
        self._prop_down: dict[URIRef, set[URIRef]] = defaultdict(set)
        for child, ups in prop_up.items():
            for up in ups:
                self._prop_down[up].add(child)
        self._kind_cache: dict[frozenset[URIRef], str | None] = {}

    def superclasses(self, cls: URIRef) -> set[URIRef]:
        """The class itself and everything above it."""
        return self._class_up.get(cls, set()) | {cls}

    def is_a(self, classes: Iterable[URIRef], target: URIRef) -> bool:
        return any(target in self.superclasses(c) for c in classes)

    def subproperties(self, prop: URIRef) -> set[URIRef]:
        """The property itself and every property declared beneath it."""
        return self._prop_down.get(prop, set()) | {prop}

    def kind(self, classes: frozenset[URIRef]) -> str | None:
        """The projection kind for a set of rdf:types (cached per distinct set)."""
        if classes not in self._kind_cache:
            self._kind_cache[classes] = kind_of_classes(classes, self)
        return self._kind_cache[classes]


def kind_of_classes(classes: Iterable[URIRef], hierarchy: Hierarchy) -> str | None:
    closed: set[URIRef] = set()
    for c in classes:
        closed |= hierarchy.superclasses(c)
    for kind, cls in KIND_ORDER:
        if cls in closed:
            return kind
    if SKOS.Concept in closed:
        return "concept"
    if _VCARD_KIND in closed:
        return "contact_point"
    return None


def _close(edges: dict[URIRef, set[URIRef]]) -> dict[URIRef, set[URIRef]]:
    closed: dict[URIRef, set[URIRef]] = {}
    for start in list(edges):
        seen: set[URIRef] = set()
        stack = list(edges[start])
        while stack:
            cur = stack.pop()
            if cur in seen or cur == start:
                continue
            seen.add(cur)
            stack.extend(edges.get(cur, ()))
        closed[start] = seen
    return closed
