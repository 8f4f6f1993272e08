"""Every request has a server-side time budget, and SIGTERM stops the server within a few seconds.

Regression for issue 13.2: with a request spinning in a worker thread, SIGTERM did not stop the server
(the thread pool's threads are not daemons); only SIGKILL did.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.reliability.cyclic import cyclic_file
from tests.reliability.server import running_server

CROSS_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?a ?d ?g ?j"


def test_a_request_past_the_time_budget_gets_503_and_the_server_keeps_serving(tmp_path: Path) -> None:
    app = create_app(Settings(store=None, request_budget_s=5))
    release = threading.Event()

    @app.get("/api/test-slow")
    def slow() -> dict[str, str]:  # a handler that works far longer than the budget (until released)
        release.wait(120)
        return {"done": "late" if not release.is_set() else "at once"}

    with TestClient(app) as client:
        r = client.get("/api/test-slow")
        assert r.status_code == 503 and r.json()["error"] == "limit_exceeded"
        assert "time budget of 5 s" in r.json()["message"] and r.headers["retry-after"]
        release.set()
        after = client.get("/api/test-slow")  # the same route, now with nothing to wait for
        assert after.status_code == 200 and after.json() == {"done": "at once"}


def test_sigterm_stops_the_server_within_seconds_while_requests_are_running(tmp_path: Path) -> None:
    env = {"SAMARBEJDSKORT_SPARQL_TIMEOUT_S": "60", "SAMARBEJDSKORT_SPARQL_MEMORY_MB": "500"}
    with running_server(tmp_path, data=[cyclic_file(tmp_path)], env=env) as server:
        outcomes: list[object] = []

        def ask(path: str, params: dict[str, str]) -> None:
            try:
                outcomes.append(server.get(path, timeout=60, params=params).status_code)
            except httpx.HTTPError as exc:
                outcomes.append(type(exc).__name__)

        busy = [
            threading.Thread(target=ask, args=("/api/contact", {"topic": "sparring", "asker": "Cyklisk Org"})),
            threading.Thread(target=ask, args=("/api/sparql", {"query": CROSS_PRODUCT})),
            threading.Thread(target=ask, args=("/api/diagrams/network.pdf", {})),
        ]
        for t in busy:
            t.start()
        time.sleep(1.0)  # the requests are being worked on
        took = server.terminate(grace_s=15)
        assert took <= 10, f"SIGTERM took {took} s to stop the server"
        for t in busy:
            t.join(70)
        assert not any(t.is_alive() for t in busy)
