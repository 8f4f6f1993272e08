"""Where the shipped vocabulary files are: beside this module, in a checkout and in an installed wheel alike
(a wheel installs package data as files). Not ``importlib.resources``: its imports (tempfile, shutil, zipfile,
random …) cost every cold start ~3 ms for a path this module already knows."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

__all__ = ["ALIGNMENTS", "ORG", "PROV", "SCHEMA", "SHAPES", "VOCABULARY", "quads", "read_text", "schema_graph"]

VOCABULARY = "samarbejdskort.ttl"
SHAPES = "shapes.ttl"
ALIGNMENTS = "alignments.ttl"
ORG = "vendor/org.ttl"
PROV = "vendor/prov-o.ttl"
_HERE = Path(__file__).parent
#: Our vocabulary + W3C ORG + alignments: the class and property hierarchy the tool reasons with, in this order.
SCHEMA = (VOCABULARY, ORG, ALIGNMENTS)


def read_text(name: str) -> str:
    """The text of one shipped vocabulary file."""
    return (_HERE / name).read_text(encoding="utf-8")


@cache
def quads(name: str) -> tuple[ox.Quad, ...]:
    """The triples of one shipped Turtle file as Oxigraph parses them, parsed once per process: the code table
    (``ontology.codes``) and the class hierarchy (``graph.vocab``) both read the vocabulary at every start."""
    import pyoxigraph as ox

    return tuple(ox.parse(read_text(name), format=ox.RdfFormat.TURTLE))


@cache
def schema_graph() -> Graph:
    """The ``SCHEMA`` files as one rdflib graph (the SHACL checks and the sheets' word lists read it).

    Cached: parsed once per process. Callers must not modify it.
    """
    from rdflib import Graph  # only the rdflib-based checks need it, not the question path

    g = Graph()
    for name in SCHEMA:
        g.parse(data=read_text(name), format="turtle")
    return g
