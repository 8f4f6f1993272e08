"""schemathesis against the live ``/openapi.json`` with two workers, anonymous and as an editor: no 5xx, and
every answer matches the schema the API documents.

Fast form for CI (a few examples per operation, fixed seed); the sign-in throttle is off here so the fuzzer
reaches the logic behind the auth check (its own test is in ``test_web_hardening``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.api.test_auth import EDITOR, TOKENS
from tests.reliability.server import running_server

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_fuzzing_the_documented_api_finds_no_server_error_and_no_schema_violation(tmp_path: Path, who: str) -> None:
    env = {"SAMARBEJDSKORT_TOKENS": TOKENS, "SAMARBEJDSKORT_AUTH_FAILURES_PER_MINUTE": "0"}
    with running_server(tmp_path, env=env) as server:
        schema = tmp_path / "openapi.json"
        schema.write_bytes(httpx.get(server.url + "/openapi.json", timeout=120).content)
        argv = [str(SCHEMATHESIS), "run", str(schema), "--url", server.url, "--workers", "2"]
        argv += ["--checks", "not_a_server_error,response_schema_conformance", "--max-examples", "3"]
        argv += ["--phases", "fuzzing", "--seed", "13", "--request-timeout", "120", "--suppress-health-check", "all"]
        if who == "editor":
            argv += ["--header", f"Authorization: Bearer {EDITOR}"]
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=900, cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"}
        )
        report = done.stdout[-4000:]
        assert done.returncode == 0, report
        assert " passed" in report and "failed" not in report.split("Test cases:")[-1], report
        assert server.alive()
