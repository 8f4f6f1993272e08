"""A real ``samarbejdskort serve`` in a child process on 127.0.0.1, for tests where the server itself may die.

A crash in native code (Graphviz) or a hang kills or blocks the whole process: only a server in its own
process lets the test see that and still finish. Every request the tests send has a client timeout.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from benchmarks.bench_support import free_port

__all__ = ["Server", "running_server"]

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Server:
    """A running server: its base URL and process."""

    url: str
    proc: subprocess.Popen[bytes]
    log: Path

    def alive(self) -> bool:
        return self.proc.poll() is None

    def output(self) -> str:
        """What the server wrote to stdout/stderr so far (for failure messages and log checks)."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str, timeout: float = 60.0, **kwargs: object) -> httpx.Response:
        return httpx.get(self.url + path, timeout=timeout, **kwargs)  # type: ignore[arg-type]

    def terminate(self, grace_s: float) -> float:
        """SIGTERM, then wait up to ``grace_s``; the seconds it took (``inf`` if it had to be killed)."""
        start = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
            return float("inf")
        return time.monotonic() - start


@contextmanager
def running_server(
    folder: Path, data: list[Path] | None = None, env: dict[str, str] | None = None, start_timeout_s: float = 300.0
) -> Iterator[Server]:
    """``samarbejdskort serve`` on a free port with its own store in ``folder``; stopped (killed if need be) after."""
    port = free_port()
    argv = [sys.executable, "-c", "from api.cli import main; main()", "serve", "--host", "127.0.0.1"]
    argv += ["--port", str(port), "--store", str(folder / "store")]
    for d in data or ():
        argv += ["--data", str(d)]
    log = folder / "server.log"
    child_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    with log.open("wb") as out:
        proc = subprocess.Popen(argv, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, env=child_env)
    server = Server(f"http://127.0.0.1:{port}", proc, log)
    try:
        deadline = time.monotonic() + start_timeout_s
        while True:
            if not server.alive():
                raise RuntimeError(f"the server exited at start:\n{server.output()[-2000:]}")
            try:
                if httpx.get(server.url + "/api/stats", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer within {start_timeout_s} s")
            time.sleep(0.1)
        yield server
    finally:
        if server.alive():
            server.terminate(grace_s=15)
