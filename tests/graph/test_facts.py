"""The compact triple index and the lazily built rdflib graph give what the rdflib-first loader gave."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef

from graph.contacts import contact
from graph.describe import contact_point
from graph.fact_view import FactView
from graph.facts import Facts, Lit, python_value, to_rdflib, truthy
from graph.gaps import find_gaps
from graph.loading import bundled_data_paths, parse_bytes
from graph.model import load, model_from_graph, model_from_text
from graph.reporting import chain
from graph.text import ascii_fold, keys, normalise, skeleton
from tests.conftest import PREFIXES

DAY = dt.date(2026, 6, 1)


def _rdflib_first(paths: list[Path]) -> Graph:
    """What the loader built before: every file's triples as rdflib terms, added to one Graph."""
    g = Graph()
    for i, path in enumerate(paths):
        fmt = ox.RdfFormat.TURTLE
        g.addN((s, p, o, g) for s, p, o in parse_bytes(path.read_bytes(), fmt, name=path.name, scope=f"f{i}"))
    return g


def _without_anonymous(g: Graph) -> set:
    return {t for t in g if not any(isinstance(x, BNode) for x in t)}


def test_lazy_rdf_graph_holds_the_triples_the_rdflib_loader_made() -> None:
    paths = bundled_data_paths()
    model = load(paths)
    assert not model.rdf_built
    before = _rdflib_first(paths)
    assert len(model.rdf) == len(before) == model.stats()["triples"]
    assert _without_anonymous(model.rdf) == _without_anonymous(before)


def test_questions_and_details_never_build_the_rdflib_graph() -> None:
    model = load()
    topic = next(n for n, k in model.nx.nodes(data="kind") if k == "topic")
    contact(model, model.label(topic), on=DAY).as_json()
    forum = next(n for n, k in model.nx.nodes(data="kind") if k == "forum")
    chain(model, forum, on=DAY).as_json()
    find_gaps(model, on=DAY).as_json()
    for cp in [n for n, k in model.nx.nodes(data="kind") if k == "contact_point"][:5]:
        contact_point(model, cp, include_personal=True)
    model.stats()
    assert not model.rdf_built


def test_fact_view_answers_as_the_rdflib_graph_does() -> None:
    model = load()
    view, g = model.facts, model.rdf
    subjects = sorted({s for s in g.subjects() if isinstance(s, URIRef)})[:60]
    for s in subjects:
        for p in sorted(set(g.predicates(s))):
            assert list(view.objects(s, p)) == list(g.objects(s, p))
            assert view.value(s, p) == g.value(s, p)
            for o in g.objects(s, p):
                assert (s, p, o) in view
                assert set(view.subjects(p, o)) == set(g.subjects(p, o))
        assert set(view.triples((s, None, None))) == set(g.triples((s, None, None)))
    p = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
    assert set(view.subject_objects(p)) == set(g.subject_objects(p))
    assert len(view) == len(g) and set(view) == set(g)
    assert (URIRef("http://example.org/none"), p, Literal("x")) not in view


def test_model_from_an_rdflib_graph_equals_the_fast_path() -> None:
    paths = bundled_data_paths()
    fast = load(paths)
    g = _rdflib_first(paths)
    file_of: dict = {}
    for i, path in enumerate(paths):  # what read_graph records: the first file stating each subject
        for s, _, _ in parse_bytes(path.read_bytes(), ox.RdfFormat.TURTLE, name=path.name, scope=f"f{i}"):
            file_of.setdefault(s, path.name)
    slow = model_from_graph(g, files=fast.files, version=fast.version, file_of=file_of)
    assert dict(fast.nx.nodes(data=True)) == dict(slow.nx.nodes(data=True))
    edges = sorted(((u, v, k, sorted(d.items())) for u, v, k, d in fast.nx.edges(keys=True, data=True)), key=str)
    assert edges == sorted(
        ((u, v, k, sorted(d.items())) for u, v, k, d in slow.nx.edges(keys=True, data=True)), key=str
    )
    assert fast.labels_by_lang == slow.labels_by_lang and fast.alt_labels == slow.alt_labels
    assert fast.sources == slow.sources


def test_typed_literals_count_as_rdflib_counts_them() -> None:
    text = (
        PREFIXES
        + 'ex:a ex:n "01"^^xsd:integer , "1"^^xsd:integer , "1.50"^^xsd:decimal ; ex:b true , "true"^^xsd:boolean .'
    )
    model = model_from_text(text)
    g = Graph().parse(data=text, format="turtle")
    assert len(model.triple_index()) == len(g) == len(model.rdf)


def test_blank_nodes_keep_their_file_scoped_ids() -> None:
    facts = Facts()
    facts.add_quads(ox.parse(b"_:x <http://e/p> _:y .", format=ox.RdfFormat.N_TRIPLES), "f3")
    view = FactView(facts)
    ((s, _, o),) = list(view)
    assert s == BNode("f3bx") and o == BNode("f3by")


def test_text_keys_are_the_three_keys() -> None:
    for text in ("Århus Kommune", "Sønderborg", "Børne- og Ungeafdelingen – PPR", "Café Ærø", "Straße", "ÅÄÖÜ é"):
        assert keys(text) == (normalise(text), ascii_fold(text), skeleton(text))
    assert normalise("  Café  «Ærø» ") == "cafe «ærø»"


@pytest.mark.parametrize(
    ("datatype", "lexicals"),
    [
        ("date", ["2026-06-01", "2024-02-29", "2023-02-29", "0001-01-01"]),
        ("integer", ["0", "7", "-7", "01", "-0", "+3", "123456789012345678901234567890"]),
        ("decimal", ["3.0", "3", "3.50", "-0.0", "-0", ".5", "+1.0", "003.0", "1e3", "100.10", "0.000"]),
        ("duration", ["P7D", "P0D", "P14D", "P1M", "P11M", "P12M", "P1Y", "P1W", "PT0S", "P0Y", "PT90M", "P999999D"]),
        ("boolean", ["true", "false", "1", "0", "TRUE"]),
    ],
)
def test_a_literal_has_the_lexical_form_rdflib_gives_it(datatype: str, lexicals: list[str]) -> None:
    """Canonical forms skip rdflib's normalisation when loading; the rest still go through it: the same either way."""
    iri = "http://www.w3.org/2001/XMLSchema#" + datatype
    for lexical in lexicals:
        facts = Facts()
        quad = ox.Quad(
            ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal(lexical, datatype=ox.NamedNode(iri))
        )
        facts.add_quads([quad], "f0")
        (lit,) = facts.objects("http://e/s", "http://e/p")
        assert lit.value == str(Literal(lexical, datatype=URIRef(iri))), lexical


_XSD = "http://www.w3.org/2001/XMLSchema#"
_TERMS = [
    Lit("", None, _XSD + "string"),
    Lit("a", None, _XSD + "string"),
    Lit("", "da", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"),
    *(Lit(v, None, _XSD + "integer") for v in ("0", "5", "-0", "00")),
    *(Lit(v, None, _XSD + "boolean") for v in ("true", "false", "0", "1")),
    *(Lit(v, None, _XSD + "date") for v in ("2024-01-01", "2024-13-01")),
    Lit("0.0", None, _XSD + "decimal"),
    "http://e/x",
]


def test_truth_values_are_rdflib_truth_values() -> None:
    for t in _TERMS:
        assert truthy(t) == bool(to_rdflib(t)), t


def test_python_values_are_rdflib_python_values() -> None:
    for t in _TERMS:
        value, expected = python_value(t), to_rdflib(t).toPython()  # type: ignore[attr-defined]
        assert (type(value), value) == (type(expected), expected), t
