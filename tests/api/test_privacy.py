"""A person's own e-mail and phone never reach an anonymous reader, in any view; an editor sees them."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.describe import describe
from tests.api.test_auth import EDITOR, TOKENS, bearer

ID = "https://w3id.org/samarbejdskort/id/"
LOUISE = ID + "person/louise-morris-jones"  # the contact person on the cover of seed 002
LOUISE_SECRETS = ("lmjo@syddjurs.dk", "51328216", "Louise Morris Jones", "louise-morris-jones")
SEAT = ID + "forum/randers-implementeringsgruppe/plads/praksiskonsulent"
NEW_SECRETS = ("frida.frisk@example.org", "+4500000009", "00000009", "Frida Frisk")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("privacy")
    with TestClient(create_app(Settings(store=str(folder / "store"), tokens=TOKENS))) as c:
        assert LOUISE in c.app.state.store.model().nx, "the bundled data lost the contact person from seed 002"  # type: ignore[attr-defined]
        yield c


def anonymous_views(client: TestClient, person: str) -> list[str]:
    """Everything an anonymous visitor can fetch about a person, as text."""
    model = client.app.state.store.model()  # type: ignore[attr-defined]
    points = [v for _, v, k in model.nx.out_edges(person, keys=True) if k == "contact_point"]
    urls = [f"/api/entities?id={quote(n)}" for n in [person, *points]]
    urls += [f"/enhed?id={quote(n)}" for n in [person, *points]]
    urls += [
        f"/api/entities/{quote(model.label(person))}",
        "/api/export?format=turtle",
        "/api/export?format=n-triples",
        "/api/export?format=json-ld",
        "/api/export?format=trig",
        "/api/export?format=graphml",
        "/api/export?format=csv-edges",
        "/api/export?format=popolo",
        "/api/sparql?query=" + quote("SELECT * WHERE { ?s ?p ?o }"),
        f"/api/search?q={quote(model.label(person))}",
        "/api/gaps",
        "/huller",
        "/data",
    ]
    texts = []
    personal_urls = set(urls[: 2 * (1 + len(points)) + 1])
    for url in urls:
        r = client.get(url, headers={"Accept": "text/html"} if not url.startswith("/api") else {})
        if url in personal_urls:
            # the public view has no such entity: a person is not even known to exist by IRI or name
            assert r.status_code == 404, (url, r.status_code, r.text[:300])
            continue  # the error only echoes what the caller typed
        assert r.status_code == 200, (url, r.status_code, r.text[:300])
        texts.append(r.text)
    return texts


def test_the_bundled_contact_person_is_withheld_from_anonymous_readers(client: TestClient) -> None:
    model = client.app.state.store.model()  # type: ignore[attr-defined]
    public = describe(model, LOUISE, include_personal=False)
    assert public["contact_points"] and all(cp.get("withheld") for cp in public["contact_points"])
    for text in anonymous_views(client, LOUISE):
        for secret in LOUISE_SECRETS:
            assert secret not in text
    private = client.get("/api/entities", params={"id": LOUISE}, headers=bearer(EDITOR)).json()
    assert "mailto:lmjo@syddjurs.dk" in str(private) or "lmjo@syddjurs.dk" in str(private)


def test_a_freshly_filled_seat_holder_is_withheld_too(client: TestClient) -> None:
    etag = client.get("/api/stats").headers["etag"]
    body = {
        "edits": [
            {
                "op": "fill_seat",
                "seat": SEAT,
                "name": "Frida Frisk",
                "email": NEW_SECRETS[0],
                "phone": "+45 00 00 00 09",
            }
        ],
        "reason": "Udpeget af PLO",
    }
    r = client.post("/api/edits", json=body, headers={**bearer(EDITOR), "If-Match": etag})
    assert r.status_code == 200, r.text
    person = r.json()["created"][0]
    texts = anonymous_views(client, person)
    texts.append(client.get("/api/entities", params={"id": SEAT}).text)
    texts.append(client.get("/enhed", params={"id": SEAT}, headers={"Accept": "text/html"}).text)
    for text in texts:
        for secret in NEW_SECRETS:
            assert secret not in text
    private = client.get("/api/entities", params={"id": person}, headers=bearer(EDITOR)).json()
    assert NEW_SECRETS[0] in str(private) and NEW_SECRETS[1] in str(private)
    assert client.get("/api/changes", headers={}).status_code == 401  # the log holds the raw edit: editors only
