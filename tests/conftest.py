"""Shared fixtures: the bundled model is loaded once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from graph.model import Model, load, model_from_text

REPO = Path(__file__).resolve().parent.parent
# Beside the repository (/work/main), beside the worktrees' folder (/work/wt/<name>) or further up.
INTEROP = next(
    (p / "shared" / "interop" for p in REPO.parents if (p / "shared" / "interop").is_dir()),
    REPO.parent / "shared" / "interop",
)
PREFIXES = """
@prefix sk:   <https://w3id.org/samarbejdskort/ns#> .
@prefix id:   <https://w3id.org/samarbejdskort/id/> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dct:  <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix ex:   <http://example.org/> .
"""


@pytest.fixture(scope="session")
def bundled() -> Model:
    """The bundled Midtjylland data set, loaded once."""
    return load()


@pytest.fixture(scope="session")
def generated_region(tmp_path_factory: pytest.TempPathFactory) -> Model:
    """A generated region (``benchmarks.generate``, seed 3), loaded once: bigger and more tangled than the
    bundled data, for tests that compare a fast index with a plain reference."""
    from benchmarks.generate import write

    out = tmp_path_factory.mktemp("region") / "region.ttl"
    write("region", 3, out)
    return load([out])


def tiny(turtle: str) -> Model:
    """A model from an inline Turtle snippet; the common prefixes are added."""
    return model_from_text(PREFIXES + turtle)


@pytest.fixture()
def interop() -> Path:
    if not INTEROP.exists():
        pytest.skip("../shared/interop is not beside the repository")
    return INTEROP


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Debian Chromium for the whole session (Playwright allows one sync driver at a time)."""
    if not CHROMIUM.exists():  # `make test` installs it (system-deps): its absence is a broken setup, not a skip
        pytest.fail(
            f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium) or apt-get install chromium"
        )
    from playwright import sync_api

    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
