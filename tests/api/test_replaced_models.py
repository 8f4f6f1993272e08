"""Every edit swaps in a new model; the server must let the old ones go (a national model is 100+ MB).

With the served process's frozen heap (``api.warm.freeze``), the old model is only collected because the
store tells the app's ``Refreezer`` about it; without it (test apps), the collector frees it as usual.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.model import Model
from tests.api.test_auth import EDITOR, TOKENS, bearer
from tests.store.support import SEAT, small_data

EDITS = 4


@contextmanager
def _app(folder: Path, *, frozen: bool) -> Iterator[tuple[FastAPI, TestClient]]:
    app = create_app(Settings(store=str(folder / "store"), data=[str(small_data(folder))], tokens=TOKENS))
    app.state.freeze_gc = frozen  # as a served process does (``api.cli.serve``)
    try:
        with TestClient(app) as client:
            yield app, client
    finally:
        if frozen:
            gc.unfreeze()  # the rest of the test process back in the collector's generations


def _ask(client: TestClient) -> None:
    """Questions that cache views and answers referring back to the model, anonymous and signed in."""
    for headers in ({}, bearer(EDITOR)):
        r = client.get("/api/contact", params={"topic": "sparring", "asker": "Testkommune"}, headers=headers)
        assert r.status_code == 200, r.text
        assert client.get("/api/chain", params={"entity": "Testgruppen"}, headers=headers).status_code == 200
        assert client.get("/api/gaps", headers=headers).status_code == 200


def _edit_several_times(app: FastAPI, client: TestClient, held: list[Model] | None = None) -> list[weakref.ref[Model]]:
    """``EDITS`` edits, each after questions to the current model; weak references to the models replaced."""
    replaced = []
    for i in range(EDITS):
        _ask(client)
        replaced.append(weakref.ref(app.state.store.model()))
        if held is not None and i == EDITS - 1:
            held.append(app.state.store.model())  # held from before its swap: the refreezer's thread may run any time
        etag = client.get("/api/stats").headers["etag"]
        fill = {"op": "fill_seat", "seat": SEAT, "name": f"Person {i}"}
        body = {"edits": [{"op": "vacate_seat", "seat": SEAT}, fill] if i else [fill], "reason": "Udpeget"}
        r = client.post("/api/edits", json=body, headers={**bearer(EDITOR), "If-Match": etag})
        assert r.status_code == 200, r.text
    _ask(client)
    return replaced


def test_after_several_edits_only_the_current_model_stays(tmp_path: Path) -> None:
    with _app(tmp_path, frozen=False) as (app, client):
        replaced = _edit_several_times(app, client)
        current = weakref.ref(app.state.store.model())
        gc.collect()
        assert [r() for r in replaced] == [None] * EDITS
        assert current() is app.state.store.model()


def test_a_served_process_collects_the_models_it_froze(tmp_path: Path) -> None:
    with _app(tmp_path, frozen=True) as (app, client):
        holding: list[Model] = []
        replaced = _edit_several_times(app, client, holding)
        held = holding.pop()  # as a request still reading it would
        refreezer = app.state.refreezer
        # the round its thread runs after a swap, run here to wait for it: the store told it of every model
        # it replaced, and only the one still held is alive
        assert refreezer.refreeze() == 1
        assert [r() for r in replaced] == [None] * (EDITS - 1) + [held]
        del held
        assert refreezer.refreeze() == 0 and replaced[-1]() is None
        assert gc.get_freeze_count() > 0  # frozen again: later collections still skip the current model


@pytest.mark.parametrize("frozen", [False, True])
def test_an_undo_replaces_the_model_too(tmp_path: Path, frozen: bool) -> None:
    with _app(tmp_path, frozen=frozen) as (app, client):
        _edit_several_times(app, client)
        before = weakref.ref(app.state.store.model())
        newest = client.get("/api/changes", headers=bearer(EDITOR)).json()[0]["id"]
        etag = client.get("/api/stats").headers["etag"]
        r = client.post(
            f"/api/changes/{newest}/undo",
            json={"reason": "Fortrudt"},
            headers={**bearer(EDITOR), "If-Match": etag},
        )
        assert r.status_code == 200, r.text
        _ask(client)
        if frozen:
            app.state.refreezer.refreeze()
        else:
            gc.collect()
        assert before() is None
