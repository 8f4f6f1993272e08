"""The class and property hierarchy as it applies to one data set.

Standard ORG data written elsewhere types its things with local subclasses and
states relations with sub-properties or inverses (``hasSubOrganization`` instead of
``subOrganizationOf``). This module closes the hierarchy of our vocabulary, W3C ORG,
the shipped alignments and whatever the data itself declares, so the projection can
ask one question: "is this class a kind of org:Post?".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache

import pyoxigraph as ox

from graph.facts import Facts
from ontology.files import ORG as ORG_FILE
from ontology.files import SCHEMA, quads
from ontology.iris import FOAF, ORG, RDFS, SK, SKOS, VCARD

__all__ = ["KIND_ORDER", "Hierarchy"]

# Most specific first: the first class family an entity belongs to decides its kind.
KIND_ORDER: tuple[tuple[str, str], ...] = (
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
_CONCEPT = SKOS.Concept
_SUBCLASS = RDFS.subClassOf
_SUBPROPERTY = RDFS.subPropertyOf
_MISSING = object()


class Hierarchy:
    """Transitive sub-class and sub-property closure over schema + data, on plain IRI strings (the
    projection works on ``graph.facts.Facts``)."""

    def __init__(self, data: Facts) -> None:
        parents: dict[str, set[str]] = defaultdict(set)
        props: dict[str, set[str]] = defaultdict(set)
        for pairs, table in (
            (_schema_pairs()[_SUBCLASS], parents),
            (_iri_pairs(data, _SUBCLASS), parents),
            (_schema_pairs()[_SUBPROPERTY], props),
            (_iri_pairs(data, _SUBPROPERTY), props),
        ):
            for s, o in pairs:
                table[s].add(o)
        self._class_up = _close(parents)
        self._prop_down: dict[str, set[str]] = defaultdict(set)
        for child, ups in _close(props).items():
            for up in ups:
                self._prop_down[up].add(child)
        self._supers: dict[str, frozenset[str]] = {}
        self._kind_cache: dict[frozenset[str], str | None] = {}

    def superclasses_iri(self, cls: str) -> frozenset[str]:
        """The class itself and everything above it."""
        hit = self._supers.get(cls)
        if hit is None:
            hit = self._supers[cls] = frozenset(self._class_up.get(cls, ())) | {cls}
        return hit

    def is_a_iri(self, classes: Iterable[str], target: str) -> bool:
        return any(target in self.superclasses_iri(c) for c in classes)

    def subproperties_iri(self, prop: str) -> set[str]:
        return self._prop_down.get(prop, set()) | {prop}

    def kind_iri(self, classes: frozenset[str]) -> str | None:
        hit = self._kind_cache.get(classes, _MISSING)
        if hit is _MISSING:
            closed: set[str] = set()
            for c in classes:
                closed |= self.superclasses_iri(c)
            hit = self._kind_cache[classes] = _kind_of_closed(closed)
        return hit  # type: ignore[return-value]


def _kind_of_closed(closed: set[str]) -> str | None:
    for kind, cls in KIND_ORDER:
        if cls in closed:
            return kind
    if _CONCEPT in closed:
        return "concept"
    if _VCARD_KIND in closed:
        return "contact_point"
    return None


_O, _PROV_NS = "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#"
#: The sub-class and sub-property pairs of W3C ORG (``ontology/vendor/org.ttl``), in the file's order. The file is
#: a fixed W3C Recommendation of 748 triples, mostly comments, that every start parsed for these 17 pairs (~20 M
#: instructions); tests/graph/test_vocab.py compares them with the file, so a changed copy cannot drift from them.
_ORG_PAIRS: dict[str, tuple[tuple[str, str], ...]] = {
    _SUBCLASS: (
        (_O + "Organization", FOAF.NS + "Agent"),
        (_O + "FormalOrganization", _O + "Organization"),
        (_O + "FormalOrganization", FOAF.Organization),
        ("http://purl.org/goodrelations/v1#BusinessEntity", _O + "FormalOrganization"),
        (_O + "OrganizationalUnit", _O + "Organization"),
        (_O + "Role", SKOS.Concept),
        (_O + "OrganizationalCollaboration", _O + "Organization"),
        (_O + "ChangeEvent", _PROV_NS + "Activity"),
    ),
    _SUBPROPERTY: (
        (_O + "subOrganizationOf", _O + "transitiveSubOrganizationOf"),
        (_O + "hasUnit", _O + "hasSubOrganization"),
        (_O + "unitOf", _O + "subOrganizationOf"),
        (_O + "identifier", SKOS.NS + "notation"),
        (_O + "headOf", _O + "memberOf"),
        (_O + "hasPrimarySite", _O + "hasSite"),
        (_O + "hasRegisteredSite", _O + "hasPrimarySite"),
        (_O + "originalOrganization", _PROV_NS + "used"),
        (_O + "resultedFrom", _PROV_NS + "wasGeneratedBy"),
    ),
}


@cache
def _schema_pairs() -> dict[str, tuple[tuple[str, str], ...]]:
    """The sub-class and sub-property pairs of the ``SCHEMA`` files, in order, read straight from the parser (the
    shipped files need neither the input checks nor a fact index: every process start pays); W3C ORG's from
    ``_ORG_PAIRS``, the vocabulary's from the parse ``ontology.codes`` reads too."""
    pairs: dict[str, list[tuple[str, str]]] = {_SUBCLASS: [], _SUBPROPERTY: []}
    for name in SCHEMA:
        if name == ORG_FILE:
            for p, written in _ORG_PAIRS.items():
                pairs[p].extend(written)
            continue
        for q in quads(name):
            found = pairs.get(q.predicate.value)
            if found is not None and type(q.subject) is ox.NamedNode and type(q.object) is ox.NamedNode:
                found.append((q.subject.value, q.object.value))
    return {p: tuple(dict.fromkeys(found)) for p, found in pairs.items()}


def _iri_pairs(data: Facts, predicate: str) -> Iterator[tuple[str, str]]:
    for s, o in data.subject_objects(predicate):
        if type(s) is str and type(o) is str:
            yield s, o


def _close(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    closed: dict[str, set[str]] = {}
    for start in list(edges):
        seen: set[str] = set()
        stack = list(edges[start])
        while stack:
            cur = stack.pop()
            if cur in seen or cur == start:
                continue
            seen.add(cur)
            stack.extend(edges.get(cur, ()))
        closed[start] = seen
    return closed
