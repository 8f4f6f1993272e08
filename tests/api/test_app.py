"""The app factory, settings, lifespan and the ``serve`` command: no work at import, one store per process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import api.app as app_module
from api.app import create_app
from api.cli import full_app
from api.settings import Settings, get_settings
from graph.store import open_store

cli = full_app()


def test_settings_come_from_prefixed_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMARBEJDSKORT_DATA", '["a.ttl", "b/"]')
    monkeypatch.setenv("SAMARBEJDSKORT_STORE", "http://127.0.0.1:7878/query")
    monkeypatch.setenv("SAMARBEJDSKORT_SPARQL_LIMIT", "7")
    monkeypatch.setenv("SAMARBEJDSKORT_DEFAULT_LANG", "en")
    s = Settings()
    assert s.data == ["a.ttl", "b/"] and s.store == "http://127.0.0.1:7878/query"
    assert s.sparql_limit == 7 and s.sparql_timeout_s == 5.0 and s.default_lang == "en"


def test_defaults_and_cached_get_settings() -> None:
    s = Settings()
    assert s.data == [] and s.store == "var/store" and s.tokens == "" and s.default_lang == "da"
    assert get_settings() is get_settings()


def test_importing_the_app_does_no_work_and_create_app_opens_nothing(tmp_path: Path) -> None:
    assert not hasattr(app_module, "app"), "no module-level app: uvicorn uses the factory"
    app = create_app(Settings(store=str(tmp_path / "never-opened")))
    assert isinstance(app, FastAPI) and not hasattr(app.state, "store")
    assert not (tmp_path / "never-opened").exists()


def test_the_lifespan_opens_the_real_store_once_and_closes_it(tmp_path: Path) -> None:
    location = tmp_path / "store"
    app = create_app(Settings(store=str(location)))
    with TestClient(app) as client:
        store = app.state.store
        assert client.get("/api/stats").headers["etag"] == f'"{store.version}"'
        assert client.get("/api/search?q=BUA").status_code == 200
        assert app.state.store is store  # one store for every request
    # closed on shutdown: the on-disk store (locked while open) can be opened again at once
    again = open_store(str(location))
    try:
        assert again.version == store.version
    finally:
        again.close()


def test_the_app_uses_the_settings_it_was_created_with(tmp_path: Path) -> None:
    app = create_app(Settings(store=str(tmp_path / "store"), default_lang="en"))
    with TestClient(app) as client:
        html = client.get("/", headers={"Accept": "text/html"}).text
    assert '<html lang="en">' in html


def test_serve_runs_uvicorn_on_the_factory_with_the_given_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.append((target, kw)))
    result = CliRunner().invoke(cli, ["serve", "--port", "8123", "--data", "data", "--store", "/tmp/sk-store"])
    assert result.exit_code == 0, result.output
    ((target, kw),) = calls
    assert kw["factory"] is True and kw["host"] == "127.0.0.1" and kw["port"] == 8123
    assert kw["access_log"] is False  # request paths carry what people type: never logged
    built = target()
    assert isinstance(built, FastAPI)
    assert built.state.settings.data == ["data"] and built.state.settings.store == "/tmp/sk-store"


def test_a_reading_server_does_not_load_the_shacl_engine() -> None:
    """pyshacl (and rdflib's SPARQL engine with it) costs ~8 MB and ~0.4 s per process: only validation and
    edits load it, on first use."""
    import subprocess
    import sys

    code = "import sys, api.app; api.app.create_app(); print('pyshacl' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
