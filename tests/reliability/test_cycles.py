"""Cycles are data, not hangs: an organisation that is part of itself, rings through ``part_of``/``unitOf``,
membership and reporting cycles, and references to nothing, through every question, the CLI and the API.

Regression for issue 13.2: the edit ``create_organisation … part_of "#a"`` was accepted, then
``GET /api/contact?topic=sparring&asker=Cyklisk Org`` never answered (a thread spun at 100 % CPU).
Every question runs in a child process or against a server in its own process, with a timeout, so a hang
fails the test (naming the question) instead of blocking the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

from tests.api.test_auth import EDITOR, TOKENS, bearer
from tests.reliability.cyclic import cyclic_file
from tests.reliability.server import REPO, running_server
from tests.store.support import small_data

ISSUE_EDIT = {
    "op": "create_organisation",
    "ref": "a",
    "label_da": "Cyklisk Org",
    "sector": "municipal",
    "part_of": "#a",
}


def test_every_question_on_cyclic_data_answers(tmp_path: Path) -> None:
    path = cyclic_file(tmp_path)
    argv = [sys.executable, "-m", "tests.reliability.questions", str(path)]
    try:
        done = subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        last = [ln for ln in out.splitlines() if ln.startswith("asking:")][-1:]
        raise AssertionError(f"a question on cyclic data did not finish: {last}") from None
    assert done.returncode == 0, done.stderr[-2000:]
    assert "answered" in done.stdout.splitlines()[-1]
    asked = [ln for ln in done.stdout.splitlines() if ln.startswith("asking:")]
    assert any("from http://example.org/cyklisk/a" in q for q in asked)  # the organisation part of itself
    assert any(q.startswith("asking: chain http://example.org/cyklisk/g1") for q in asked)


def test_the_issue_edit_and_cyclic_data_never_hang_the_api(tmp_path: Path) -> None:
    data = [small_data(tmp_path / "data"), cyclic_file(tmp_path / "data")]
    with running_server(tmp_path, data=data, env={"SAMARBEJDSKORT_TOKENS": TOKENS}) as server:
        etag = server.get("/api/stats").headers["etag"]
        body = {"edits": [ISSUE_EDIT], "reason": "Genskab fejlen fra issue 13"}
        headers = {**bearer(EDITOR), "If-Match": etag}
        edit = httpx.post(server.url + "/api/edits", json=body, headers=headers, timeout=60)
        assert edit.status_code in (200, 422), edit.text  # refused as a cycle, or stored and harmless
        for asker in ("Cyklisk Org", "Ring B", "Enhed V", "Gruppe 1"):
            r = server.get("/api/contact", params={"topic": "sparring", "asker": asker}, timeout=60)
            assert r.status_code in (200, 409), (asker, r.status_code, r.text[:300])
        chain = server.get("/api/chain", params={"entity": "Gruppe 1"}, timeout=60)
        assert chain.status_code == 200, chain.text[:300]
        for view in ("organisation.svg", "network.json", "ego.json?id=Ring%20B"):
            assert server.get(f"/api/diagrams/{view}", timeout=120).status_code == 200, view
        assert server.get("/api/gaps", timeout=60).status_code == 200
        assert server.alive()
