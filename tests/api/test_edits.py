"""The edit API and the seat form: editor role, If-Match (428/412), validation (422), undo, ETags."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.api.test_auth import EDITOR, READER, TOKENS, bearer
from tests.store.support import GROUP, ID, SEAT, small_data

SEAT_PATH = "/rediger/plads/test/gruppe/plads/praksiskonsulent"


@pytest.fixture()
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("edits")
    app = create_app(Settings(store=str(folder / "store"), data=[str(small_data(folder))], tokens=TOKENS))
    with TestClient(app) as c:
        yield c


def etag_of(client: TestClient) -> str:
    return client.get("/api/stats").headers["etag"]


def fill_body(name: str = "Anna Andersen") -> dict[str, object]:
    return {
        "edits": [{"op": "fill_seat", "seat": SEAT, "name": name, "email": "anna@example.org"}],
        "reason": "Udpeget på mødet",
    }


def test_an_edit_needs_an_editor_and_the_current_etag(client: TestClient) -> None:
    etag = etag_of(client)
    assert client.post("/api/edits", json=fill_body()).status_code == 401
    assert client.post("/api/edits", json=fill_body(), headers={**bearer(READER), "If-Match": etag}).status_code == 403
    missing = client.post("/api/edits", json=fill_body(), headers=bearer(EDITOR))
    assert missing.status_code == 428
    star = client.post("/api/edits", json=fill_body(), headers={**bearer(EDITOR), "If-Match": "*"})
    assert star.status_code == 428
    r = client.post("/api/edits", json=fill_body(), headers={**bearer(EDITOR), "If-Match": etag})
    assert r.status_code == 200, r.text
    change = r.json()
    assert r.headers["etag"] == f'"{change["version"]}"' != etag
    assert change["user"] == "Eva Editor" and change["kind"] == "edit" and change["created"]
    assert etag_of(client) == r.headers["etag"]
    stale = client.post("/api/edits", json=fill_body("Ole"), headers={**bearer(EDITOR), "If-Match": etag})
    assert stale.status_code == 412 and stale.json()["error"] == "stale"
    weak = client.get("/api/entities", params={"id": SEAT}).json()
    assert weak["seat"]["occupancy"] == "held"


def test_a_list_of_etags_and_weak_etags_are_understood(client: TestClient) -> None:
    current = etag_of(client)
    header = f'"old", W/{current}'
    r = client.post("/api/edits", json=fill_body(), headers={**bearer(EDITOR), "If-Match": header})
    assert r.status_code == 200


def test_invalid_edits_are_422_with_the_rule_and_change_nothing(client: TestClient) -> None:
    etag = etag_of(client)
    body = {"edits": [{"op": "change", "entity": GROUP, "valid_until": "2000-01-01"}], "reason": "forkert dato"}
    r = client.post("/api/edits", json=body, headers={**bearer(EDITOR), "If-Match": etag})
    assert r.status_code == 422
    assert r.json()["error"] == "violations"
    assert [f["rule"] for f in r.json()["findings"]] == ["SK-V-DATE-ORDER"]
    assert etag_of(client) == etag
    malformed = {"edits": [{"op": "fill_seat", "seat": SEAT, "name": "A", "email": "nope"}], "reason": "x"}
    assert client.post("/api/edits", json=malformed, headers={**bearer(EDITOR), "If-Match": etag}).status_code == 422
    unknown = {"edits": [{"op": "fill_seat", "seat": "ingen plads her", "name": "Anna"}], "reason": "ukendt"}
    r = client.post("/api/edits", json=unknown, headers={**bearer(EDITOR), "If-Match": etag})
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    ambiguous = {"edits": [{"op": "link_topic", "entity": "Test", "topic": "Sparring"}], "reason": "tvetydig"}
    r = client.post("/api/edits", json=ambiguous, headers={**bearer(EDITOR), "If-Match": etag})
    assert r.status_code == 409 and len(r.json()["candidates"]) == 2


def test_history_and_undo(client: TestClient) -> None:
    before = client.get("/api/export", params={"format": "n-triples"}).content
    r = client.post("/api/edits", json=fill_body(), headers={**bearer(EDITOR), "If-Match": etag_of(client)})
    change = r.json()
    history = client.get("/api/changes", headers=bearer(EDITOR)).json()
    assert [c["kind"] for c in history] == ["edit", "seed"] and history[0]["id"] == change["id"]
    assert client.get(f"/api/changes/{change['id']}", headers=bearer(EDITOR)).json() == change
    assert client.get("/api/changes/nonexistent", headers=bearer(EDITOR)).status_code == 404
    assert client.post(f"/api/changes/{change['id']}/undo", headers=bearer(EDITOR)).status_code == 428
    undo = client.post(
        f"/api/changes/{change['id']}/undo",
        json={"reason": "ved en fejl"},
        headers={**bearer(EDITOR), "If-Match": r.headers["etag"]},
    )
    assert undo.status_code == 200, undo.text
    assert undo.json()["undoes"] == change["id"] and undo.json()["reason"] == "ved en fejl"
    after = client.get("/api/export", params={"format": "n-triples"}).content
    assert sorted(after.splitlines()) == sorted(before.splitlines())
    again = client.post(f"/api/changes/{change['id']}/undo", headers={**bearer(EDITOR), "If-Match": etag_of(client)})
    assert again.status_code == 422


def test_the_seat_form_fills_a_vacant_seat(client: TestClient) -> None:
    r = client.get(SEAT_PATH, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    client.post("/login", data={"token": READER})
    assert client.get(SEAT_PATH, headers={"Accept": "text/html"}).status_code == 403
    client.post("/login", data={"token": EDITOR})
    form = client.get(SEAT_PATH)
    assert form.status_code == 200 and "Praksiskonsulent i testgruppen" in form.text
    for field in ("name", "email", "phone", "reason"):
        assert f'<label for="{field}">' in form.text and f'id="{field}"' in form.text
    etag = re.search(r'name="etag" value="([^"]+)"', form.text).group(1)  # type: ignore[union-attr]

    bad = client.post(SEAT_PATH, data={"name": "Bo Berg", "email": "ikke-en-mail", "reason": "udpeget", "etag": etag})
    assert bad.status_code == 422 and "E-mail" in bad.text and 'value="Bo Berg"' in bad.text
    stale = client.post(SEAT_PATH, data={"name": "Bo Berg", "reason": "udpeget", "etag": "gammel"})
    assert stale.status_code == 412 and "ændret" in stale.text
    missing = client.post(SEAT_PATH, data={"name": "Bo Berg", "reason": "udpeget"})
    assert missing.status_code == 428

    done = client.post(
        SEAT_PATH,
        data={"name": "Bo Berg", "phone": "+45 00 00 00 03", "reason": "Udpeget 1. maj", "etag": etag},
        follow_redirects=False,
    )
    assert done.status_code == 303 and "gemt=" in done.headers["location"]
    page = client.get(done.headers["location"])
    assert "Gemt som ændring" in page.text and "Bo Berg" in page.text and "Skift indehaver" in page.text
    seat = client.get("/api/entities", params={"id": SEAT}).json()["seat"]
    assert seat["occupancy"] == "held" and seat["holders"][0]["label"] == "Bo Berg"
    assert next(c["reason"] for c in client.get("/api/changes", headers=bearer(EDITOR)).json()) == "Udpeget 1. maj"
    client.cookies.clear()


def test_the_seat_form_resolves_names_and_iris_and_refuses_cross_site_posts(client: TestClient) -> None:
    client.post("/login", data={"token": EDITOR})
    assert client.get("/rediger/plads/" + SEAT).status_code == 200
    assert client.get("/rediger/plads/Praksiskonsulent i testgruppen").status_code == 200
    assert client.get("/rediger/plads/" + ID + "test/gruppe", headers={"Accept": "text/html"}).status_code == 404
    r = client.post(
        SEAT_PATH, data={"name": "X Y", "reason": "abc", "etag": "x"}, headers={"Origin": "https://evil.example"}
    )
    assert r.status_code == 403
    client.cookies.clear()
    anonymous = client.post(SEAT_PATH, data={"name": "X Y", "reason": "abc", "etag": "x"})
    assert anonymous.status_code == 401
