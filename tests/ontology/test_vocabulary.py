"""The vocabulary files and the namespace module stay in step, and the shipped files parse."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from ontology.files import ALIGNMENTS, ORG, PROV, SHAPES, VOCABULARY, read_text, schema_graph
from ontology.namespace import SK

NS = str(SK._NS)


def _terms_in(name: str) -> set[str]:
    g = Graph().parse(data=read_text(name), format="turtle")
    return {
        str(t)[len(NS) :] for t in g.all_nodes() if isinstance(t, URIRef) and str(t).startswith(NS) and str(t) != NS
    }


def test_every_term_of_the_vocabulary_is_in_the_namespace_module() -> None:
    declared = set(SK.__annotations__)
    assert _terms_in(VOCABULARY) <= declared


def test_the_namespace_module_has_no_term_the_vocabulary_lacks() -> None:
    assert set(SK.__annotations__) <= _terms_in(VOCABULARY)


def test_shapes_use_only_terms_the_vocabulary_defines() -> None:
    assert _terms_in(SHAPES) <= _terms_in(VOCABULARY)


def test_a_misspelt_term_fails_loudly() -> None:
    with pytest.raises(AttributeError):
        _ = SK.Sete


@pytest.mark.parametrize("name", [VOCABULARY, SHAPES, ALIGNMENTS, ORG, PROV])
def test_shipped_files_parse_offline(name: str) -> None:
    assert len(Graph().parse(data=read_text(name), format="turtle")) > 10


def test_schema_knows_our_seats_are_org_posts() -> None:
    from ontology.namespace import ORG as ORG_NS
    from ontology.namespace import RDFS

    assert (SK.Seat, RDFS.subClassOf, ORG_NS.Post) in schema_graph()
