"""Issue 10 through the API and pages: everyday words, "not in the sources", scoped gaps, the contact person."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.api.conftest import ID, READER_TOKEN

DAY = "2026-01-15"


def test_an_everyday_word_gets_general_routes_not_a_404(client: TestClient) -> None:
    r = client.get("/api/contact", params={"topic": "spiseforstyrrelse", "asker": "Favrskov Kommune", "date": DAY})
    assert r.status_code == 200
    body = r.json()
    assert body["general"] is True and body["answers"] and all(a["general"] for a in body["answers"])
    assert ID + "bua/raadgivningsenhed" in {a["who"]["id"] for a in body["answers"]}


def test_outside_the_sources_is_a_404_in_the_error_shape_with_routes(client: TestClient) -> None:
    r = client.get("/api/contact", params={"topic": "tandpleje", "asker": "Favrskov Kommune", "date": DAY})
    assert r.status_code == 404
    body = r.json()
    assert body["error"] == "not_in_sources" and "not in the sources" in body["message"]
    assert ID + "kommune/favrskov/ppr" in {x["id"] for x in body["routes"]}
    assert "sundhedspleje" not in json.dumps(body["suggestions"])


def test_gaps_scoped_to_the_cluster_in_json_and_on_the_page(client: TestClient) -> None:
    body = client.get("/api/gaps", params={"scope": "Randersklyngen", "date": DAY}).json()
    kinds = {g["kind"] for g in body["gaps"]}
    assert {"vacant_seat", "missing_contact_person", "responsibility_not_placed", "outstanding_request"} <= kinds
    page = client.get("/huller", params={"scope": "Randersklyngen", "date": DAY}).text
    assert "praksiskonsulent" in page and "KUI" in page


def test_an_ambiguous_name_is_409_with_candidates(client: TestClient) -> None:
    r = client.get("/api/entities", params={"id": "implementeringsgruppe"})
    assert r.status_code == 409 and len(r.json()["candidates"]) == 2


def test_the_status_notes_contact_person_reaches_signed_in_users_only(client: TestClient) -> None:
    params = {"topic": "dagsordenspunkt", "asker": "Favrskov Kommune", "date": DAY}
    anonymous = client.get("/api/contact", params=params).text
    assert "lmjo@syddjurs.dk" not in anonymous and "Louise" not in anonymous
    signed_in = client.get("/api/contact", params=params, headers={"Authorization": f"Bearer {READER_TOKEN}"})
    assert "lmjo@syddjurs.dk" in signed_in.text
