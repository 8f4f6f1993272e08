"""Fixtures for the web app: one client on the bundled data, one on a small hostile data set."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.conftest import PREFIXES

ID = "https://w3id.org/samarbejdskort/id/"
EVIL_LABEL = "<img src=x onerror=alert(1)>"
EVIL_IRI = "http://example.org/evil"

# A label that is markup, two entities both called "Randers", æøå in names, a topic and a channel with
# conditions: enough to test escaping, ambiguity and Danish letters without the bundled data.
EVIL_TTL = (
    PREFIXES
    + """
ex:evil a org:Organization ;
    skos:prefLabel "<img src=x onerror=alert(1)>"@da , "<img src=x onerror=alert(1)>"@en ;
    rdfs:comment "<script>alert(2)</script>"@da ;
    sk:handlesTopic ex:topic .
ex:topic a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "<b>sparring</b>"@da , "<b>sparring</b>"@en .
ex:r1 a org:Organization ; skos:prefLabel "Randers Kommune"@da ; skos:altLabel "Randers"@da .
ex:r2 a org:Organization ; skos:prefLabel "Randers Sygehus"@da ; skos:altLabel "Randers"@da .
ex:aeoa a org:OrganizationalUnit ; skos:prefLabel "Æblegårdens Rådgivning Øst"@da ; org:unitOf ex:r1 .
"""
)


READER_TOKEN = "test-reader-token"


def settings_for(store_dir: Path, data: list[Path] | None = None) -> Settings:
    """Settings for a test app: its own store folder, one reader token, default limits."""
    return Settings(store=str(store_dir), data=[str(p) for p in data or ()], tokens=f"{READER_TOKEN}:reader:Test Læser")


@pytest.fixture(scope="session")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The app on the bundled data (lifespan run, store opened once for the session)."""
    store = tmp_path_factory.mktemp("store") / "bundled"
    with TestClient(create_app(settings_for(store))) as c:
        yield c


@pytest.fixture(scope="session")
def evil_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The app on ``EVIL_TTL`` only."""
    folder = tmp_path_factory.mktemp("evil")
    data = folder / "evil.ttl"
    data.write_text(EVIL_TTL, encoding="utf-8")
    with TestClient(create_app(settings_for(folder / "store", [data]))) as c:
        yield c


_EXTERNAL = re.compile(r"""(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
_CSS_URL = re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.I)


def external_references(html: str) -> list[str]:
    """Attributes or CSS that would make a browser fetch from another host (or any absolute URL)."""
    return [m.group(0) for m in _EXTERNAL.finditer(html)] + [m.group(0) for m in _CSS_URL.finditer(html)]


def html_get(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url, headers={"Accept": "text/html"})
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r.text
