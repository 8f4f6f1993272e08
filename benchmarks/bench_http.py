"""HTTP throughput and latency on varied contact URLs, over loopback, with ``wrk``; baselines in the same run.

One Oxigraph server (``oxigraph serve``, the store every process shares) holds the data. Against it run, one
after the other, ``samarbejdskort serve --workers 2`` (one process per core), the same app with one worker,
and the two workers with the answer cache switched off (every request computed: what a *new* question
costs); Oxigraph's own HTTP SPARQL endpoint answers the same (topic, asker) questions as the baseline
(``benchmarks/sparql/contact.rq`` with the values inlined). Each gets the same ~200 different contact URLs,
cycled by a ``wrk`` Lua script, 20 connections, ``Accept-Encoding: gzip`` as browsers send it. The questions are
about today (no ``date``), as a coordinator asks them: the servers build today's indexes at start; a pair
whose asker is not in force today answers 4xx and is left out (the row says how many).

The machine has 2 cores: ``wrk`` (one thread) is pinned to core 1 and so shares it with one worker; the
figures are therefore a lower bound of what two free cores give. A second run paces ``wrk`` to ~1,500
requests/s (each connection waits between requests) for the latency the target speaks of. Memory is each
server process's resident size after its load runs. Only 127.0.0.1; every run is bounded in time.
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
from urllib.parse import quote, urlencode

from benchmarks.bench_support import Row, free_port, oxigraph_binary, stop

__all__ = ["contact_urls", "http_rows"]

_LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
%s
"""
_PACE = "delay = function() return %d end"
CONNECTIONS = 20
TARGET_RPS, TARGET_P99_MS, TARGET_RSS_MB = 1500, 20.0, 300


def contact_urls(path: Path, n: int = 200) -> tuple[list[str], list[str]]:
    """(``/api/contact`` URLs, Oxigraph SPARQL URLs) for ``n`` different (topic, asker) pairs of the data:
    each municipality with a topic it or its units handle, then with its second topic, and so on."""
    from rdflib import URIRef

    from benchmarks.baselines import query_text, with_values
    from benchmarks.bench_questions import _topics_near
    from graph.model import load

    model = load([path])
    g = model.nx
    towns = sorted(
        (x for x, d in g.nodes(data=True) if d["kind"] == "organisation" and d.get("sector") == "municipal"),
        key=lambda x: (len(x), x),
    )
    near = {t: _topics_near(g, t) for t in towns}
    pairs: list[tuple[str, str]] = []
    for i in range(max((len(v) for v in near.values()), default=0)):
        pairs += [(near[t][i], t) for t in towns if len(near[t]) > i]
    pairs = pairs[:n]
    text = query_text("contact")
    ours = ["/api/contact?" + urlencode({"topic": model.label(t), "asker": model.label(a)}) for t, a in pairs]
    sparql = [
        "/query?query=" + quote(with_values(text, {"topic": URIRef(t), "asker": URIRef(a)}), safe="") for t, a in pairs
    ]
    return ours, sparql


def http_rows(path: Path, scale: str, *, seconds: int = 10, workers: int = 2) -> list[Row]:
    """Rows for ``/api/contact`` on varied URLs: ours with ``workers`` processes, one worker, no cache, Oxigraph."""
    binary = oxigraph_binary()
    if shutil.which("wrk") is None or binary is None:
        return [Row("http", "wrk / oxigraph", status="failed", note="wrk or the oxigraph server CLI is not installed")]
    ours, sparql = contact_urls(path)
    with tempfile.TemporaryDirectory(prefix="sk-http-") as tmp:
        oxi_port = free_port()
        oxigraph = subprocess.Popen(
            [binary, "serve", "--location", tmp + "/db", "--bind", f"127.0.0.1:{oxi_port}", "--union-default-graph"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            store = f"http://127.0.0.1:{oxi_port}/query"
            if not _wait(f"http://127.0.0.1:{oxi_port}/query?query=ASK%7B%7D", 60):
                return [Row("http", "oxigraph serve", status="failed", note="the server did not start")]
            runs = [
                ("ours", f"{scale}: GET /api/contact, {workers} workers", workers, {}),
                ("one", f"{scale}: GET /api/contact, 1 worker (baseline: same app)", 1, {}),
                (
                    "nocache",
                    f"{scale}: GET /api/contact, {workers} workers, answer cache off (every question new)",
                    workers,
                    {"SAMARBEJDSKORT_ANSWER_CACHE_MB": "0"},
                ),
            ]
            results: dict[str, dict[str, Any]] = {}
            rows: list[Row] = []
            for key, name, n, env in runs:
                res = _serve_and_load(path, store, n, env, ours, seconds, tmp, paced=key == "ours")
                results[key] = res
                rows += _rows(key, name, res, scale)
            oxi = _wrk(f"http://127.0.0.1:{oxi_port}", sparql, seconds, tmp, header="Accept: application/json")
            rows.append(_oxigraph_row(scale, oxi))
            return _with_ratios(rows, results, oxi)
        finally:
            stop(oxigraph)


def _serve_and_load(
    path: Path, store: str, workers: int, env: dict[str, str], urls: list[str], seconds: int, tmp: str, *, paced: bool
) -> dict[str, Any]:
    port = free_port()
    cmd = [sys.executable, "-m", "api.cli", "serve", "--port", str(port), "--store", store, "--data", str(path)]
    started = time.perf_counter()
    log = open(Path(tmp) / f"server-{port}.log", "wb")  # noqa: SIM115 – closed after the server stops
    server = subprocess.Popen([*cmd, "--workers", str(workers)], env={**os.environ, **env}, stdout=log, stderr=log)
    out: dict[str, Any] = {}
    try:
        if not _wait(f"http://127.0.0.1:{port}/api/stats", 600):
            log.flush()
            return {"error": (Path(tmp) / f"server-{port}.log").read_text(errors="replace")[-800:]}
        out["start_s"] = time.perf_counter() - started
        import httpx

        good, first = [], []
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            for u in urls:  # every URL once: the first time each is asked (and answered into the cache)
                t = time.perf_counter()
                if client.get(u).status_code == 200:
                    good.append(u)
                    first.append((time.perf_counter() - t) * 1e3)
        first.sort()
        out["first_time"] = {"n": len(first), "p50_ms": _pct(first, 50), "p99_ms": _pct(first, 99)}
        out["urls"], out["dropped"] = len(good), len(urls) - len(good)
        out["max"] = _wrk(f"http://127.0.0.1:{port}", good, seconds, tmp)
        if paced:
            out["paced"] = _wrk(f"http://127.0.0.1:{port}", good, seconds, tmp, pace_ms=_pace_ms(TARGET_RPS))
        out["rss_mb"] = _rss_mb(server.pid)
    finally:
        stop(server)
        log.close()
    return out


def _pace_ms(rate: int) -> int:
    """Milliseconds each connection waits between requests so ~``rate`` requests/s go out (answers take ~1 ms)."""
    return max(1, round(1000 * CONNECTIONS / rate) - 1)


def _wrk(
    base: str, urls: list[str], seconds: int, tmp: str, *, pace_ms: int | None = None, header: str | None = None
) -> dict[str, Any]:
    listing = Path(tmp) / "urls.txt"
    listing.write_text("\n".join(urls) + "\n")
    script = Path(tmp) / "cycle.lua"
    script.write_text(_LUA % (listing, _PACE % pace_ms if pace_ms else ""))
    pin = ["taskset", "-c", "1"] if shutil.which("taskset") and (os.cpu_count() or 1) > 1 else []
    cmd = [*pin, "wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    cmd += ["-H", "Accept-Encoding: gzip"] + (["-H", header] if header else [])
    text = subprocess.run([*cmd, "-s", str(script), base], capture_output=True, text=True, timeout=seconds + 60).stdout
    res = _parse_wrk(text)
    res["pace_ms"] = pace_ms
    return res


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
    m = re.search(r"([\d.]+)([KMG]?B) read", text)
    if m and out["requests"]:
        scale = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[m.group(2)]
        out["bytes_per_answer"] = round(float(m.group(1)) * scale / out["requests"])
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    out["non_2xx"] = int(m.group(1)) if m else 0
    if out["rps"] is None:
        out["output"] = text[-400:]
    return out


def _rows(key: str, name: str, res: dict[str, Any], scale: str) -> list[Row]:
    if "error" in res:
        return [Row("http", name, status="failed", note=res["error"])]
    top = res["max"]
    rows = [
        Row(
            "http",
            name,
            "req/s",
            {"n": top["requests"], "median": top["rps"]},
            status="ok" if not top["non_2xx"] and top["rps"] else "failed",
            extra={k: v for k, v in res.items() if k != "max"} | {"wrk": top},
            note=f"p50 {top['p50_ms']} ms, p99 {top['p99_ms']} ms; {res['urls']} different URLs "
            f"({res['dropped']} not 200 left out); RSS {res['rss_mb']} MB; start {res['start_s']:.1f} s",
        )
    ]
    if key == "ours":
        paced = res["paced"]
        met = (top["rps"] or 0) >= TARGET_RPS and (paced["p99_ms"] or 1e9) <= TARGET_P99_MS
        rows.append(
            Row(
                "http",
                f"{scale}: GET /api/contact, p99 at ~{TARGET_RPS:,} req/s offered",
                "ms",
                {"n": paced["requests"], "median": (paced["p99_ms"] or 0) / 1e3},  # seconds; the row shows ms
                target=f"≥ {TARGET_RPS:,} req/s and p99 ≤ {TARGET_P99_MS:.0f} ms",
                met=met if scale == "nation" else None,
                extra={"wrk": paced, "p50_ms": paced["p50_ms"], "p99_ms": paced["p99_ms"], "rps": paced["rps"]},
                note=f"{paced['rps']} req/s achieved; p50 {paced['p50_ms']} ms, p99 {paced['p99_ms']} ms",
            )
        )
        worst = max(res["rss_mb"]) if res["rss_mb"] else None
        rows.append(
            Row(
                "memory",
                f"{scale}: server RSS per process after the load runs",
                "MB",
                {"n": len(res["rss_mb"]), "median": worst, "all": res["rss_mb"]},
                target=f"≤ {TARGET_RSS_MB} MB",
                met=(worst is not None and worst <= TARGET_RSS_MB) if scale == "nation" else None,
            )
        )
    return rows


def _oxigraph_row(scale: str, res: dict[str, Any]) -> Row:
    return Row(
        "http",
        f"{scale}: baseline: Oxigraph HTTP SPARQL, the same (topic, asker) pairs (contact.rq, values inlined)",
        "req/s",
        {"n": res["requests"], "median": res["rps"]},
        status="ok" if res["rps"] and not res["non_2xx"] else "failed",
        extra={"wrk": res},
        note=f"p50 {res['p50_ms']} ms, p99 {res['p99_ms']} ms",
    )


def _with_ratios(rows: list[Row], results: dict[str, dict[str, Any]], oxi: dict[str, Any]) -> list[Row]:
    ours = (results.get("ours") or {}).get("max", {}).get("rps")
    for r in rows:
        if r.unit == "req/s" and r.name.endswith("workers") and ours:
            for key in ("one", "nocache"):
                other = (results.get(key) or {}).get("max", {}).get("rps")
                if other:
                    r.extra[f"ratio_vs_{key}"] = round(ours / other, 2)
            r.baseline, r.baseline_timing = "Oxigraph HTTP SPARQL", {"median": oxi.get("rps")}
            r.ratio = round(ours / oxi["rps"], 2) if oxi.get("rps") else None
    return rows


def _pct(values: list[float], pct: int) -> float | None:
    if not values:
        return None
    return round(values[min(len(values) - 1, int(len(values) * pct / 100))], 2)


def _rss_mb(pid: int) -> list[int]:
    """Resident MB of the server: its worker processes if it has any, else itself."""
    kids = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        kids += [int(k) for k in task.read_text().split()]
    workers = [k for k in kids if "spawn_main" in _cmdline(k)] or [pid]
    return [_rss(p) for p in workers]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def _wait(url: str, timeout: float) -> bool:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code < 500:
                return True
        except httpx.HTTPError:
            time.sleep(0.3)
    return False


if __name__ == "__main__":  # python -m benchmarks.bench_http [SCALE [SECONDS]]: the rows as JSON
    import json

    from benchmarks.bench_support import dataset

    scale = sys.argv[1] if len(sys.argv) > 1 else "nation"
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    rows = http_rows(dataset(scale), scale, seconds=seconds)
    sys.stdout.write(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=1, default=str) + "\n")
