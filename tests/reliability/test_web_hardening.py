"""Web hardening: same-origin cookie writes, throttled sign-ins, body-size limit, security headers, quiet logs.

Regression for issue 13.5: ``POST /api/edits`` with the editor's cookie and a foreign ``Origin`` was
accepted; failed logins and bad tokens were not throttled.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import COOKIE
from api.settings import Settings
from tests.api.test_auth import EDITOR, TOKENS, bearer
from tests.store.support import SEAT, small_data

FILL = {"edits": [{"op": "fill_seat", "seat": SEAT, "name": "Anna Andersen"}], "reason": "Udpeget på mødet"}


@pytest.fixture()
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("hardening")
    settings = Settings(
        store=str(folder / "store"), data=[str(small_data(folder))], tokens=TOKENS, auth_failures_per_minute=5
    )
    with TestClient(create_app(settings), base_url="http://kort.example") as c:
        yield c


def etag(client: TestClient) -> str:
    return client.get("/api/stats").headers["etag"]


def test_a_cookie_write_from_another_site_is_refused_and_changes_nothing(client: TestClient) -> None:
    client.cookies.set(COOKIE, EDITOR)
    before = etag(client)
    for headers in (
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/side"},
        {"Origin": "http://kort.example.evil.example"},
    ):
        r = client.post("/api/edits", json=FILL, headers={**headers, "If-Match": before})
        assert r.status_code == 403 and r.json()["error"] == "forbidden", headers
    assert etag(client) == before
    same = client.post("/api/edits", json=FILL, headers={"Origin": "http://kort.example", "If-Match": before})
    assert same.status_code == 200, same.text
    client.cookies.clear()
    # a bearer token is not sent by a browser on its own: no origin check needed
    vacate = {"edits": [{"op": "vacate_seat", "seat": SEAT}], "reason": "Fratrådt"}
    headers = {**bearer(EDITOR), "Origin": "https://x.example", "If-Match": etag(client)}
    r = client.post("/api/edits", json=vacate, headers=headers)
    assert r.status_code == 200, r.text


def test_failed_logins_and_bad_tokens_are_throttled_per_client(client: TestClient) -> None:
    for _ in range(3):
        assert client.post("/login", data={"token": "gæt-1234"}, follow_redirects=False).status_code == 401
    for _ in range(2):
        assert client.get("/api/changes", headers=bearer("guess-5678")).status_code == 401
    throttled = client.post("/login", data={"token": EDITOR}, follow_redirects=False)  # even the right one now
    assert throttled.status_code == 429 and int(throttled.headers["retry-after"]) >= 1
    assert "too many refused sign-ins" in throttled.json()["message"]
    assert client.get("/api/changes", headers=bearer(EDITOR)).status_code == 429
    assert client.get("/api/stats").status_code == 200  # anonymous reading goes on


def test_a_body_over_the_limit_is_413_naming_the_limit(client: TestClient) -> None:
    big = b'{"edits": [], "reason": "' + b"x" * (10 * 1024 * 1024 + 10) + b'"}'
    r = client.post("/api/edits", content=big, headers={**bearer(EDITOR), "If-Match": etag(client)})
    assert r.status_code == 413 and "10 MB" in r.json()["message"] and "max_body_mb" in r.json()["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams in
        for _ in range(12):
            yield b"x" * (1024 * 1024)

    r = client.post(
        "/api/sparql",
        content=chunks(),
        headers={"Content-Type": "application/sparql-query", "Transfer-Encoding": "chunked"},
    )
    assert r.status_code == 413
    assert client.get("/api/stats").status_code == 200


def test_security_headers_on_pages_json_diagrams_and_docs(client: TestClient) -> None:
    for path in ("/", "/api/stats", "/api/diagrams/organisation.svg", "/api/diagrams/organisation.html", "/docs"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["x-content-type-options"] == "nosniff", path
        assert r.headers["referrer-policy"] == "same-origin", path
        assert r.headers["x-frame-options"] == "SAMEORIGIN", path
        assert r.headers["cross-origin-opener-policy"] == "same-origin", path
    svg = client.get("/api/diagrams/organisation.svg").headers["content-security-policy"]
    assert "default-src 'none'" in svg and "script-src" not in svg  # an SVG opened on its own runs no script
    assert "default-src 'none'" in client.get("/api/stats").headers["content-security-policy"]
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]  # the page's own policy kept


def test_library_warnings_quoting_user_text_do_not_reach_the_log(capfd: pytest.CaptureFixture[str]) -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    create_app(Settings(store=None))  # the app quiets the libraries' loggers
    URIRef("http://x/ZQX <b>")
    Literal('ZQX"<b>', datatype=XSD.integer).value  # noqa: B018 - the conversion logs the lexical form
    logging.getLogger("rdflib.term").warning("%s", "ZQX<script>")
    err = capfd.readouterr().err
    assert "ZQX" not in err and "withheld" in err
