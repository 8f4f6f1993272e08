"""The answer cache: anonymous answers replayed per data version, never a signed-in caller's; gzip."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

import api.routers.questions as questions
from api.app import create_app
from api.settings import Settings
from tests.api.test_auth import EDITOR, READER, TOKENS, bearer
from tests.store.support import GROUP, SEAT, small_data


@pytest.fixture()
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("answer-cache")
    app = create_app(Settings(store=str(folder / "store"), data=[str(small_data(folder))], tokens=TOKENS))
    with TestClient(app) as c:
        yield c


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts the chain questions that reach the question module (a replayed answer does not)."""
    seen: list[str] = []
    real = questions.reporting_chain

    def counted(model: Any, entity: str, **kw: Any) -> Any:
        seen.append(entity)
        return real(model, entity, **kw)

    monkeypatch.setattr(questions, "reporting_chain", counted)
    return seen


def test_an_anonymous_answer_is_computed_once_per_data_version(client: TestClient, calls: list[str]) -> None:
    first = client.get("/api/chain", params={"entity": GROUP})
    again = client.get("/api/chain", params={"entity": GROUP})
    assert first.status_code == again.status_code == 200
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert len(calls) == 1
    edit = {"edits": [{"op": "fill_seat", "seat": SEAT, "name": "Anna Andersen"}], "reason": "Udpeget på mødet"}
    r = client.post("/api/edits", json=edit, headers={**bearer(EDITOR), "If-Match": first.headers["etag"]})
    assert r.status_code == 200, r.text
    after = client.get("/api/chain", params={"entity": GROUP})
    assert after.status_code == 200 and after.headers["etag"] != first.headers["etag"]
    assert len(calls) == 2, "a new data version is answered anew"


def test_signed_in_callers_and_other_questions_are_never_served_from_the_cache(
    client: TestClient, calls: list[str]
) -> None:
    client.get("/api/chain", params={"entity": GROUP})
    signed_in = client.get("/api/chain", params={"entity": GROUP}, headers=bearer(READER))
    assert signed_in.status_code == 200 and len(calls) == 2
    client.get("/api/chain", params={"entity": GROUP, "lang": "en"})
    assert len(calls) == 3, "another query is another answer"
    client.get("/api/chain", params={"entity": GROUP}, headers={"Cookie": "sk_token=stale"})
    assert len(calls) == 4, "a request carrying the sign-in cookie passes the cache"


def test_errors_are_not_kept(client: TestClient, calls: list[str]) -> None:
    assert client.get("/api/chain", params={"entity": "findes ikke"}).status_code == 404
    assert client.get("/api/chain", params={"entity": "findes ikke"}).status_code == 404
    assert len(calls) == 2


def test_large_answers_are_gzipped_for_clients_that_accept_it(client: TestClient) -> None:
    plain = client.get("/api/gaps", headers={"Accept-Encoding": "identity"})
    packed = client.get("/api/gaps", headers={"Accept-Encoding": "gzip"})
    assert plain.status_code == packed.status_code == 200
    assert len(plain.content) > 1024, "the bundled gaps report is large enough to be compressed"
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip" and packed.headers["vary"] == "Accept-Encoding"
    assert packed.json() == plain.json()
    page = client.get("/huller", headers={"Accept-Encoding": "gzip"})  # pages pass the cache but are compressed
    assert page.headers.get("content-encoding") == "gzip" and "<html" in page.text


def test_the_gzip_form_is_the_same_answer() -> None:
    from api.answer_cache import _Entry

    body = b'{"a": "' + b"x" * 5000 + b'"}'
    entry = _Entry(200, (), None, gzip.compress(body))
    assert entry.plain() == body
