"""The schema hierarchy read straight from the parser is the one the fact index of the same files gives."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.facts import Facts
from graph.loading import parse_facts
from graph.vocab import _ORG_PAIRS, _SUBCLASS, _SUBPROPERTY, Hierarchy, _iri_pairs, _schema_pairs
from ontology.files import ORG as ORG_FILE
from ontology.files import SCHEMA, read_text
from ontology.iris import FOAF, ORG, SK


@pytest.mark.parametrize("predicate", [_SUBCLASS, _SUBPROPERTY])
def test_schema_pairs_are_the_fact_index_pairs(predicate: str) -> None:
    facts = Facts()  # the same files through the checked loader, into one fact index
    for i, name in enumerate(SCHEMA):
        parse_facts(read_text(name).encode("utf-8"), ox.RdfFormat.TURTLE, name=name, scope=f"s{i}", into=facts)
    assert list(_schema_pairs()[predicate]) == list(_iri_pairs(facts, predicate))


@pytest.mark.parametrize("predicate", [_SUBCLASS, _SUBPROPERTY])
def test_the_written_out_org_pairs_are_the_shipped_org_file(predicate: str) -> None:
    facts = parse_facts(read_text(ORG_FILE).encode("utf-8"), ox.RdfFormat.TURTLE, name=ORG_FILE)
    assert _ORG_PAIRS[predicate] == tuple(dict.fromkeys(_iri_pairs(facts, predicate)))


def test_the_hierarchy_knows_our_seats_are_posts_and_reads_org_inverses() -> None:
    h = Hierarchy(Facts())
    assert ORG.Post in h.superclasses_iri(SK.Seat)
    assert h.kind_iri(frozenset({SK.Seat})) == "post"
    assert h.kind_iri(frozenset({FOAF.Person})) == "person"
    assert ORG.memberOf in h.subproperties_iri(ORG.memberOf)
