"""Fixtures for the bundled-data tests: the union of ``data/*.ttl``, parsed once with plain rdflib."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
VOCABULARY = REPO / "ontology" / "samarbejdskort.ttl"


@pytest.fixture(scope="session")
def kg() -> Graph:
    """Every bundled data file in one rdflib graph."""
    g = Graph()
    files = sorted(DATA.glob("*.ttl"))
    assert files, "data/*.ttl is empty"
    for f in files:
        g.parse(f, format="turtle")
    return g


@pytest.fixture(scope="session")
def vocabulary() -> Graph:
    """The samarbejdskort vocabulary (read-only)."""
    return Graph().parse(VOCABULARY, format="turtle")
