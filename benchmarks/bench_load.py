"""A mixed load against a real server for a fixed time: requests, errors, latency (p50/p99) and memory.

    python -m benchmarks.bench_load                      # 60 s, 8 clients, bundled data
    python -m benchmarks.bench_load --seconds 20 --clients 4 --out /tmp/load.json
    python -m benchmarks.bench_load --workers 2 --data nation.ttl    # two processes over an oxigraph server

``samarbejdskort serve`` runs in its own process on 127.0.0.1 with a temporary store. Eight client threads
draw requests from a fixed mix a coordinator's day would produce: the contact question, reporting chains,
paths, gaps, entity pages, the three diagram views as JSON, SVG, PDF and PNG, SPARQL, stats, Danish pages,
and one in twenty a hostile request (an overlong SPARQL cross product, an unknown entity, a bad date).
An error is a 5xx or a failed connection; 4xx answers to hostile requests are expected and counted apart.
Memory is the server's resident size (with its SPARQL process) before the load, after it, and at its peak,
and each serving process's own size after the load (``rss_per_process_mb``, the figure the ≤ 300 MB target of
issue 9 is about). With ``--workers N`` (N > 1) the processes share a local ``oxigraph serve``.
Nothing is asserted: the figures go to the README (``Reliability``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from benchmarks.bench_support import free_port, machine, oxigraph_binary, stop

__all__ = ["MIX", "run_load"]

#: (weight, path) — hostile requests last.
MIX: list[tuple[int, str]] = [
    (12, "/api/contact?topic=sparring&asker=Randers%20Kommune"),
    (6, "/api/contact?topic=samtykke"),
    (6, "/api/chain?entity=implementeringsgruppe%20Randersklyngen"),
    (4, "/api/path?a=Randers%20Kommune&b=SSU"),
    (4, "/api/gaps"),
    (6, "/api/entities?id=SSU"),
    (3, "/api/diagrams/organisation.json"),
    (3, "/api/diagrams/network.json"),
    (3, "/api/diagrams/ego.json?id=SSU"),
    (2, "/api/diagrams/organisation.svg"),
    (1, "/api/diagrams/network.pdf"),
    (1, "/api/diagrams/ego.png?id=SSU"),
    (4, "/api/sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D"),
    (4, "/api/stats"),
    (4, "/"),
    (2, "/huller"),
]
HOSTILE: list[str] = [
    "/api/sparql?query=SELECT%20*%20WHERE%20%7B%20%3Fa%20%3Fb%20%3Fc%20.%20%3Fd%20%3Fe%20%3Ff%20.%20%3Fg%20%3Fh%20"
    "%3Fi%20.%20%3Fj%20%3Fk%20%3Fl%20%7D%20ORDER%20BY%20%3Fa%20%3Fd%20%3Fg%20%3Fj",
    "/api/entities?id=%3Cscript%3Ealert(1)%3C/script%3E",
    "/api/contact?topic=sparring&date=2024-13-45",
]


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (the SPARQL process), in MB."""
    total = 0
    for p in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return round(total / 1024, 1)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out += [int(c) for c in (task / "children").read_text().split()]
    return out


TARGET_RSS_MB = 300


def run_load(
    seconds: float = 60.0, clients: int = 8, seed: int = 13, *, workers: int = 1, data: Path | None = None
) -> dict[str, Any]:
    """Start a server, warm it, run the mix for ``seconds`` with ``clients`` threads; the figures."""
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="sk-load-"))
    argv = [sys.executable, "-c", "from api.cli import main; main()", "serve", "--port", str(port)]
    argv += ["--workers", str(workers)] + (["--data", str(data)] if data else [])
    oxigraph = None
    if workers > 1:
        binary = oxigraph_binary()
        if binary is None:
            raise RuntimeError("--workers > 1 needs the oxigraph server CLI (pip install oxigraph)")
        oxi_port = free_port()
        oxigraph = subprocess.Popen(
            [binary, "serve", "--location", str(folder / "oxigraph"), "--bind", f"127.0.0.1:{oxi_port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        argv += ["--store", f"http://127.0.0.1:{oxi_port}/query"]
    else:
        argv += ["--store", str(folder / "store")]
    log = (folder / "server.log").open("wb")
    proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, proc)
        for _, path in MIX:  # every route once: caches built, as on a server that has run for a while
            httpx.get(base + path, timeout=300)
        before = rss_mb(proc.pid)
        latencies: list[float] = []
        counts = {"requests": 0, "errors": 0, "hostile": 0, "hostile_4xx_503": 0}
        peak = [before]
        lock = threading.Lock()
        stop_at = time.monotonic() + seconds
        paths = [p for w, p in MIX for _ in range(w)]

        def client(n: int) -> None:
            rng = random.Random(seed + n)
            with httpx.Client(base_url=base, timeout=120) as c:
                while time.monotonic() < stop_at:
                    hostile = rng.random() < 0.05
                    path = rng.choice(HOSTILE) if hostile else rng.choice(paths)
                    t0 = time.perf_counter()
                    try:
                        status = c.get(path).status_code
                    except httpx.HTTPError:
                        status = 0
                    took = time.perf_counter() - t0
                    with lock:
                        counts["requests"] += 1
                        latencies.append(took)
                        if hostile:
                            counts["hostile"] += 1
                            counts["hostile_4xx_503"] += 400 <= status < 500 or status == 503
                        if status == 0 or (status >= 500 and not (hostile and status == 503)):
                            counts["errors"] += 1

        def watch() -> None:
            while time.monotonic() < stop_at:
                peak[0] = max(peak[0], rss_mb(proc.pid))
                time.sleep(0.5)

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        threads.append(threading.Thread(target=watch))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        after = rss_mb(proc.pid)
        per_process = _serving_rss(proc.pid)
        latencies.sort()
        return {
            "seconds": seconds,
            "clients": clients,
            **counts,
            "requests_per_s": round(counts["requests"] / seconds, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 1) if latencies else None,
            "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
            "rss_before_mb": before,
            "rss_after_mb": after,
            "rss_peak_mb": peak[0],
            "rss_per_process_mb": per_process,
            "rss_target_mb": TARGET_RSS_MB,
            "rss_target_met": max(per_process.values()) <= TARGET_RSS_MB if per_process else None,
            "workers": workers,
            "server_alive": proc.poll() is None,
            "machine": machine(),
        }
    finally:
        stop(proc)
        if oxigraph is not None:
            stop(oxigraph)
        log.close()


def _serving_rss(pid: int) -> dict[str, float]:
    """Each serving process's own resident MB: the workers when there are several, else the server itself."""
    kids = _children(pid)
    workers = [k for k in kids if b"spawn_main" in _cmdline(k)] or [pid]
    return {str(p): rss_mb_own(p) for p in workers}


def rss_mb_own(pid: int) -> float:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def _wait(base: str, proc: subprocess.Popen[bytes], timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the server exited at start")
        try:
            if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not start in time")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=1, help="server processes (over an oxigraph server if > 1)")
    parser.add_argument("--data", type=Path, default=None, help="data file instead of the bundled data")
    args = parser.parse_args(argv)
    result = run_load(args.seconds, args.clients, workers=args.workers, data=args.data)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
