"""HTTP throughput and latency of the contact and chain endpoints, over loopback, with ``wrk``.

The server (uvicorn, ``api.app.create_app`` with the benchmark data in a memory store) is pinned with
``taskset`` to core 0 and ``wrk`` to core 1, so the two do not compete for one core; 20 connections, a Lua
script cycling through sample requests, ``--latency`` for the distribution. Only 127.0.0.1 is used; every
run is bounded in time.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from benchmarks.bench_support import Row, free_port, stop

__all__ = ["http_rows"]

_LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
"""


def serve(path: str, port: int) -> None:
    """The benchmark server: the app over the data file in a memory store, access log off."""
    import uvicorn

    from api.app import create_app
    from api.settings import Settings

    app = create_app(Settings(data=[path], store=None))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _wait(port: int, timeout: float) -> bool:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/contact?topic=x", timeout=5).status_code < 500:
                return True
        except httpx.HTTPError:
            time.sleep(0.5)
    return False


def _parse_wrk(text: str) -> dict[str, Any]:
    def ms(value: str, unit: str) -> float:
        return float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]

    out: dict[str, Any] = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    out["rps"] = float(m.group(1)) if m else None
    for pct in ("50", "75", "90", "99"):
        m = re.search(rf"^\s+{pct}(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.MULTILINE)
        out[f"p{pct}_ms"] = ms(m.group(1), m.group(2)) if m else None
    m = re.search(r"(\d+) requests in", text)
    out["requests"] = int(m.group(1)) if m else None
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out["non_2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", text)
    out["socket_errors"] = m.group(1).strip() if m else None
    return out


def http_rows(path: Path, scale: str, requests: dict[str, list[dict[str, str]]], *, seconds: int = 10) -> list[Row]:
    """Rows for each endpoint in ``requests`` (endpoint → list of query parameter dicts)."""
    if shutil.which("wrk") is None:
        return [Row("http", "wrk", status="skipped", note="wrk is not installed (apt-get install wrk)")]
    port = free_port()
    pin_server = ["taskset", "-c", "0"] if shutil.which("taskset") and (os.cpu_count() or 1) > 1 else []
    pin_wrk = ["taskset", "-c", "1"] if pin_server else []
    with tempfile.TemporaryFile() as log:
        return _run(path, scale, requests, seconds, port, pin_server, pin_wrk, log)


def _latency_note(res: dict[str, Any]) -> str:
    bad = f", {res['non_2xx']} non-2xx" if res["non_2xx"] else ""
    return (
        f"p50 {res['p50_ms']:.1f} ms, p90 {res['p90_ms']:.1f} ms, p99 {res['p99_ms']:.1f} ms{bad}; "
        "server pinned to core 0, wrk to core 1"
    )


def _run(
    path: Path,
    scale: str,
    requests: dict[str, list[dict[str, str]]],
    seconds: int,
    port: int,
    pin_server: list[str],
    pin_wrk: list[str],
    log: Any,
) -> list[Row]:
    server = subprocess.Popen(
        [*pin_server, sys.executable, "-m", "benchmarks.bench_http", str(path), str(port)], stdout=log, stderr=log
    )
    rows: list[Row] = []
    try:
        started = time.perf_counter()
        if not _wait(port, 600):
            log.seek(0)
            return [Row("http", "server start", status="failed", note=log.read().decode()[-800:])]
        startup = time.perf_counter() - started
        rows.append(
            Row(
                "http",
                f"{scale}: server start (uvicorn + store + model) until first response",
                "s",
                {"n": 1, "median": startup, "min": startup, "max": startup},
            )
        )
        import httpx

        for endpoint, params in requests.items():
            paths = [f"/api/{endpoint}?{urlencode(p)}" for p in params]
            for p in paths:  # warm: per-date views and indexes are built by the first request
                httpx.get(f"http://127.0.0.1:{port}{p}", timeout=120)
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
                lua.write(_LUA % ", ".join(f'"{p}"' for p in paths))
            try:
                cmd = [*pin_wrk, "wrk", "-t2", "-c20", f"-d{seconds}s", "--timeout", "10s", "--latency"]
                out = subprocess.run(
                    [*cmd, "-s", lua.name, f"http://127.0.0.1:{port}"],
                    capture_output=True,
                    text=True,
                    timeout=seconds + 60,
                ).stdout
            finally:
                os.unlink(lua.name)
            res = _parse_wrk(out)
            target = "≥ 1,500 req/s, p99 ≤ 20 ms" if endpoint == "contact" and scale == "nation" else None
            met = None
            if target:
                met = (res["rps"] or 0) >= 1500 and (res["p99_ms"] or 1e9) <= 20
            rows.append(
                Row(
                    "http",
                    f"{scale}: GET /api/{endpoint}, 20 connections ({len(paths)} distinct requests)",
                    "req/s",
                    {"n": res["requests"], "median": res["rps"]},
                    target=target,
                    met=met,
                    status="ok" if not res["non_2xx"] else "failed",
                    extra=res,
                    note=_latency_note(res) if res["p99_ms"] is not None else out[-400:],
                )
            )
    finally:
        stop(server)
    return rows


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]))
