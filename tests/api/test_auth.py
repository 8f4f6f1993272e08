"""Authentication: tokens from settings, bearer or cookie, roles reader < editor < admin."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import Depends
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import COOKIE, User, current_user, parse_tokens, require_role
from api.settings import Settings
from tests.store.support import small_data

EDITOR, READER, ADMIN = "editor-token-0123456789", "reader-token-0123456789", "admin-token-0123456789"
TOKENS = f"{EDITOR}:editor:Eva Editor, {READER}:reader:Rita Reader,{ADMIN}:admin:Ada Admin"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("auth")
    app = create_app(Settings(store=str(folder / "store"), data=[str(small_data(folder))], tokens=TOKENS))

    @app.get("/api/test-admin")
    def only_admins(user: User = Depends(require_role("admin"))) -> dict[str, str]:  # noqa: B008
        return {"name": user.name}

    @app.get("/api/test-whoami")
    def whoami(user: User | None = Depends(current_user)) -> dict[str, str | None]:  # noqa: B008
        return {"name": user.name if user else None}

    with TestClient(app) as c:
        yield c


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_token_list_parsing() -> None:
    table, bad = parse_tokens(
        f"{EDITOR}:editor:Eva Editor,broken,x:superuser:Y,:reader:Nobody,t:reader:, ,z:admin:A: B"
    )
    assert bad == [2, 3, 4, 5]
    assert table.find(EDITOR) == User("Eva Editor", "editor")
    assert table.find("z") == User("A: B", "admin")
    assert table.find("") is None and table.find(EDITOR + "x") is None and table.find("æøå") is None


def test_missing_or_wrong_credentials_give_401_with_a_bearer_challenge(client: TestClient) -> None:
    for headers in ({}, bearer("wrong"), {"Authorization": "Basic dXNlcjpwYXNz"}):
        r = client.get("/api/changes", headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["www-authenticate"] == "Bearer"


def test_roles_are_ordered(client: TestClient) -> None:
    assert client.get("/api/changes", headers=bearer(READER)).status_code == 403
    assert client.get("/api/changes", headers=bearer(EDITOR)).status_code == 200
    assert client.get("/api/changes", headers=bearer(ADMIN)).status_code == 200
    assert client.get("/api/test-admin", headers=bearer(EDITOR)).status_code == 403
    assert client.get("/api/test-admin", headers=bearer(ADMIN)).json() == {"name": "Ada Admin"}
    assert client.get("/api/changes", headers=bearer(READER)).json()["error"] == "forbidden"


def test_a_wrong_bearer_token_is_refused_even_where_anonymous_is_fine(client: TestClient) -> None:
    assert client.get("/api/test-whoami").json() == {"name": None}
    assert client.get("/api/test-whoami", headers=bearer(READER)).json() == {"name": "Rita Reader"}
    assert client.get("/api/test-whoami", headers=bearer("nope")).status_code == 401


def test_login_sets_a_strict_httponly_cookie_and_logout_clears_it(client: TestClient) -> None:
    r = client.post("/login", data={"token": EDITOR, "next": "/huller"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/huller"
    cookie = r.headers["set-cookie"]
    assert f"{COOKIE}=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert client.get("/api/test-whoami").json() == {"name": "Eva Editor"}
    r = client.post("/logout", follow_redirects=False)
    assert r.status_code == 303 and f'{COOKIE}=""' in r.headers["set-cookie"]
    client.cookies.clear()
    assert client.get("/api/test-whoami").json() == {"name": None}


def test_a_stale_cookie_is_just_anonymous(client: TestClient) -> None:
    client.cookies.set(COOKIE, "stale-token")
    try:
        assert client.get("/api/test-whoami").json() == {"name": None}
        assert client.get("/api/changes").status_code == 401
    finally:
        client.cookies.clear()


def test_failed_login_and_open_redirects(client: TestClient) -> None:
    r = client.post("/login", data={"token": "wrong", "next": "/"}, follow_redirects=False)
    assert r.status_code == 401 and "ikke genkendt" in r.text and COOKIE not in r.headers.get("set-cookie", "")
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"):
        r = client.post("/login", data={"token": READER, "next": target}, follow_redirects=False)
        assert r.headers["location"] == "/", target
    client.cookies.clear()
    page = client.get("/login?next=//evil.example")
    assert page.status_code == 200 and 'name="next" value="/"' in page.text


def test_cross_site_form_posts_are_refused(client: TestClient) -> None:
    r = client.post(
        "/login", data={"token": EDITOR}, headers={"Origin": "https://evil.example"}, follow_redirects=False
    )
    assert r.status_code == 403


def test_tokens_and_names_never_reach_the_log(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        client.get("/api/changes", headers=bearer("secret-guess-123"))
        client.get("/api/changes", headers=bearer(EDITOR))
        client.post("/login", data={"token": "another-secret-456"})
        parse_tokens("leaky-token-789:nonsense:Someone")
        from api.auth import token_table

        token_table("leaky-token-789:nonsense:Someone")
    client.cookies.clear()
    text = caplog.text
    for secret in ("secret-guess-123", EDITOR, "another-secret-456", "leaky-token-789", "Someone", "Eva Editor"):
        assert secret not in text


def test_login_page_is_plain_keyboard_usable_html(tmp_path: Path, client: TestClient) -> None:
    html = client.get("/login").text
    assert '<label for="token">' in html and 'id="token"' in html and 'type="password"' in html
    assert 'lang="en"' in html and "Log ind" in html and "Sign in" in html
    assert "<script>" not in html
