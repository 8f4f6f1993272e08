"""``/api/transition`` and the page ``/overgang``: the same answer as the CLI, in Danish and English."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import ID, external_references, html_get
from tests.cli.support import as_json, run


def test_api_transition_equals_the_cli(client: TestClient) -> None:
    r = client.get("/api/transition", params={"date": "2027-01-01"})
    assert r.status_code == 200, r.text[:300]
    assert r.json() == as_json(run("transition", "--date", "2027-01-01", "--json"))
    group = next(g for g in r.json()["groups"] if g["body"]["id"] == ID + "forum/randers-implementeringsgruppe")
    assert group["without_upward_line"]
    assert client.get("/api/transition", params={"date": "2027-13-01"}).status_code == 422


def test_transition_page_in_danish_and_english(client: TestClient) -> None:
    html = html_get(client, "/overgang?date=2027-01-01")
    assert "Hvad brydes på en dato?" in html and "står uden linje opad" in html
    assert "Klyngestyregruppen for Randersklyngen" in html and "L 214" in html
    assert not external_references(html)
    en = html_get(client, "/overgang?date=2027-01-01&lang=en")
    assert "left without an upward line" in en
    start = html_get(client, "/")
    assert "/overgang?date=2027-01-01" in start


def test_a_day_that_breaks_nothing_links_the_next_that_does(client: TestClient) -> None:
    """Three weeks before the reform the page said »Intet brydes på denne dato« and stopped there."""
    html = html_get(client, "/overgang?date=2026-12-07")
    assert "Intet brydes på denne dato" in html and "Næste dato, hvor noget brydes:" in html
    assert 'href="/overgang?date=2027-01-01"' in html
    assert client.get("/api/transition", params={"date": "2026-12-07"}).json()["next_break"] == "2027-01-01"
