"""The interfaces page (matrix → pair details) and the wayfinder, Danish first with English alongside."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi.testclient import TestClient

from tests.api.conftest import html_get

ID = "https://w3id.org/samarbejdskort/id/"


def test_matrix_page_links_every_cell_to_its_pair(client: TestClient) -> None:
    html = html_get(client, "/samarbejdsflader?scope=Randersklyngen&by=organisation&date=2024-03-01")
    assert "Samarbejdsflader: hvordan hænderne når sammen" in html
    assert html.count('class="col-head"') == 8
    cells = re.findall(r'href="(/samarbejdsflader\?[^"]+)#par"', html)
    assert len(cells) == 8 * 7  # both triangles
    assert "/api/interfaces.pdf?" in html and 'rel="alternate" type="application/json"' in html


def test_a_cell_opens_the_pair_with_links_to_entities_and_the_answers_behind(client: TestClient) -> None:
    url = f"/samarbejdsflader?scope=Randersklyngen&by=organisation&date=2024-03-01&a={quote(ID + 'bua')}&b={quote(ID + 'kommune/syddjurs')}"
    html = html_get(client, url)
    section = html[html.index('id="par"') :]
    assert "Faste kontaktpersoner" in section and "efterspurgt" in section and "Kun 1:1" in section
    assert f"/enhed?id={quote(ID + 'krav/fast-kontaktperson/bua', safe='')}" in section
    assert "/kaede?entity=" in section  # where a shared forum's work goes
    assert "/sti?a=" in section and "/api/interfaces?" in section


def test_english_page(client: TestClient) -> None:
    html = html_get(client, "/samarbejdsflader?lang=en&date=2024-03-01&a=general_practice&b=ppr")
    assert "Interfaces: how the hands meet" in html and "state not stated" in html
    assert "three of the four" in html


def test_bad_party_is_a_clear_error_page(client: TestClient) -> None:
    r = client.get("/samarbejdsflader?a=BUA")
    assert r.status_code == 422 and "both parties" in r.text


def test_wayfinder_route_channels_first_then_forum_then_decision(client: TestClient) -> None:
    html = html_get(client, "/vejviser?asker=PPR, Favrskov Kommune&need=sparring&date=2024-03-01")
    steps = re.findall(r'class="route-step route-(\w+)"', html)
    assert steps[0] == "channel" and steps.index("forum") > steps.index("contact_person")
    assert steps[-1] == "decided" and "Sundhedssamarbejdsudvalget" in html
    assert "Rådgivningsenheden" in html or "Sparring med Rådgivningsenheden" in html


def test_wayfinder_json_twin_and_english(client: TestClient) -> None:
    r = client.get("/api/wayfinder?asker=almen praksis&need=korrespondance&to=Randers Kommune&date=2024-03-01&lang=en")
    assert r.status_code == 200
    j = r.json()
    assert j["counterpart"]["id"] == ID + "kommune/randers" and j["chosen_by"] == "given"
    first = j["steps"][0]
    assert first["step"] == "channel" and first["state"] == "not_stated" and "three of the four" in first["text"]
    assert client.get("/api/wayfinder?asker=almen praksis").status_code == 422


def test_wayfinder_says_every_state_in_the_pages_language(client: TestClient) -> None:
    """A forum's status on the Danish page read »active« (the code) beside »åben« and »efterspurgt«; and the
    route's own step numbers (1. Kanal, 2. Forum, 3. Hvor det afgøres) stood behind a list's numbers (»3. 1.«)."""
    for lang, ok, codes in (
        ("da", "aktiv", {"active", "approved", "ended", "rejected", "proposed"}),
        ("en", "active", set()),
    ):
        html = html_get(client, f"/vejviser?asker=Randers Kommune&need=henvisning&date=2026-06-01&lang={lang}")
        badges = re.findall(r'<span class="badge[^"]*">([^<]+)</span>', html)
        assert ok in badges and not codes & set(badges), badges
        assert '<ol class="route">' not in html  # the steps carry their own numbers
