"""The schema hierarchy read straight from the parser is the one the fact index of the same files gives."""

from __future__ import annotations

import pytest

from graph.vocab import _SUBCLASS, _SUBPROPERTY, Hierarchy, _iri_pairs, _schema_pairs, schema_facts
from ontology.iris import FOAF, ORG, SK


@pytest.mark.parametrize("predicate", [_SUBCLASS, _SUBPROPERTY])
def test_schema_pairs_are_the_fact_index_pairs(predicate: str) -> None:
    assert list(_schema_pairs()[predicate]) == list(_iri_pairs(schema_facts(), predicate))


def test_the_hierarchy_knows_our_seats_are_posts_and_reads_org_inverses() -> None:
    from graph.facts import Facts

    h = Hierarchy(Facts())
    assert ORG.Post in h.superclasses_iri(SK.Seat)
    assert h.kind_iri(frozenset({SK.Seat})) == "post"
    assert h.kind_iri(frozenset({FOAF.Person})) == "person"
    assert ORG.memberOf in h.subproperties_iri(ORG.memberOf)
