"""The vocabulary files and the namespace module stay in step, and the shipped files parse."""

from __future__ import annotations

import inspect

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


def test_the_plain_iris_are_the_rdflib_terms() -> None:
    """``ontology.iris`` (the question path's strings) and ``ontology.namespace`` (rdflib) spell every term alike."""
    from ontology import iris, namespace

    for name in ("SK", "DCTERMS", "FOAF", "ORG", "PROV", "RDF", "RDFS", "SKOS", "VCARD", "XSD"):
        plain, rdf = getattr(iris, name), getattr(namespace, name)
        assert str(rdf) == plain.NS
        for term in inspect.get_annotations(plain):
            assert getattr(plain, term) == str(getattr(rdf, term)), (name, term)
    assert (str(namespace.ID), str(namespace.SH), str(namespace.OWL)) == (iris.ID, iris.SH, iris.OWL)


def test_a_misspelt_plain_iri_fails_loudly() -> None:
    from ontology import iris

    with pytest.raises(AttributeError):
        _ = iris.SK.Sete
    with pytest.raises(AttributeError):
        _ = iris.ORG.Postt
