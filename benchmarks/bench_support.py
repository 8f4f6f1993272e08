"""What every benchmark shares: timing with medians and min–max, child processes, data files, rows, the table.

A benchmark never asserts a time. It measures a thing and its baseline in the same run on the same data and
machine, and reports medians, min–max, CPU time (the machine is shared, so wall time is noisy) and the ratio.
Where a target is not met it attaches a profile of the slow call.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

__all__ = [
    "Measure",
    "Row",
    "Timing",
    "child",
    "compile_bytecode",
    "dataset",
    "free_port",
    "machine",
    "measure",
    "num",
    "profile_top",
    "stop",
    "table",
]

T = TypeVar("T")

DEFAULT_DATA_DIR = Path(
    os.environ.get("SAMARBEJDSKORT_BENCH_DATA") or Path(tempfile.gettempdir()) / "samarbejdskort-bench"
)


@dataclass
class Timing:
    """Wall and CPU seconds of repeated runs."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.wall)

    @property
    def median(self) -> float:
        return statistics.median(self.wall) if self.wall else float("nan")

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    def timed(self, fn: Callable[..., T], *args: Any) -> T:
        """Call ``fn(*args)`` once, add its wall and CPU seconds, and return what it returned."""
        c0, w0 = time.process_time(), time.perf_counter()
        out = fn(*args)
        self.wall.append(time.perf_counter() - w0)
        self.cpu.append(time.process_time() - c0)
        return out

    def summary(self) -> dict[str, Any]:
        if not self.wall:
            return {"n": 0}
        return {
            "n": self.n,
            "median": self.median,
            "min": min(self.wall),
            "max": max(self.wall),
            "cpu_median": self.cpu_median,
        }


Measure = Timing


def measure(fn: Callable[[int], Any], *, reps: int, budget_s: float, warmup: int = 1) -> Timing:
    """Call ``fn(i)`` ``warmup`` times untimed, then up to ``reps`` times (at least 3) within ``budget_s``."""
    for i in range(warmup):
        fn(i)
    t = Timing()
    start = time.perf_counter()
    for i in range(reps):
        t.timed(fn, i + warmup)
        if i >= 2 and time.perf_counter() - start > budget_s:
            break
    return t


@dataclass
class ChildResult:
    spawned_at: float
    wall: float
    cpu: float
    max_rss_mb: float
    returncode: int
    report: dict[str, Any]
    stderr: str


def child(argv: Sequence[str], *, timeout: float = 900.0, cpu: int | None = None) -> ChildResult:
    """Run a fresh Python child and read the JSON line it printed last (``benchmarks.cold_child.child_report``:
    its own peak RSS and CPU, measured with ``getrusage`` in the child just before it exits)."""
    cmd = [sys.executable, *argv]
    if cpu is not None and _has_taskset():
        cmd = ["taskset", "-c", str(cpu), *cmd]
    spawned = time.time()
    w0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    wall = time.perf_counter() - w0
    report: dict[str, Any] = {}
    for line in reversed(out.strip().splitlines()):
        if line.startswith("{"):
            report = json.loads(line)
            break
    return ChildResult(
        spawned_at=spawned,
        wall=wall,
        cpu=float(report.get("cpu_s", float("nan"))),
        max_rss_mb=float(report.get("max_rss_mb", float("nan"))),
        returncode=proc.returncode,
        report=report,
        stderr=err[-2000:],
    )


def _has_taskset() -> bool:
    return Path("/usr/bin/taskset").exists()


def compile_bytecode() -> int:
    """Compile our packages' bytecode, as ``pip install`` does for a regular (non-editable) install.

    An editable install leaves compiling to the first import, and with ``PYTHONDONTWRITEBYTECODE`` set every
    fresh process would compile ~50 modules from source again (~60 ms): a fresh-process figure would then
    measure the compiler, not what a user's second command waits. The packages are the ones pyproject.toml
    installs (``make install`` calls this too: one list); an installed copy without it was compiled by pip.
    Returns how many packages compiled cleanly.
    """
    import compileall
    import tomllib

    root = Path(__file__).resolve().parent.parent
    if not (root / "pyproject.toml").is_file():
        return 0
    packages = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    return sum(bool(compileall.compile_dir(root / package, quiet=1)) for package in packages)


def dataset(scale: str, seed: int = 0, directory: Path | None = None) -> Path:
    """The generated data file for ``scale`` (written once, then reused: same scale and seed, same bytes)."""
    from benchmarks.generate import write

    directory = directory or DEFAULT_DATA_DIR
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{scale}-seed{seed}.ttl"
    if not path.exists() or path.stat().st_size == 0:
        tmp = path.with_suffix(".tmp.ttl")
        write(scale, seed, tmp)
        tmp.replace(path)
    return path


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import networkx
    import pyoxigraph
    import rdflib

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "rdflib": rdflib.__version__,
        "pyoxigraph": pyoxigraph.__version__,
        "networkx": networkx.__version__,
    }


def profile_top(fn: Callable[[], Any], *, calls: int = 3, top: int = 12) -> list[str]:
    """The functions that take the time in ``fn`` (cumulative), as text lines for the report."""
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(calls):
        fn()
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
    lines = [ln.rstrip() for ln in buf.getvalue().splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls")), 0)
    root = str(Path(__file__).resolve().parent.parent) + "/"
    return [ln.replace(root, "").replace(sys.prefix + "/", "")[:160] for ln in lines[start : start + top + 1]]


@dataclass
class Row:
    """One line of the table and of the JSON ``rows``."""

    group: str
    name: str
    unit: str = "ms"
    timing: dict[str, Any] = field(default_factory=dict)
    baseline: str | None = None
    baseline_timing: dict[str, Any] = field(default_factory=dict)
    ratio: float | None = None
    target: str | None = None
    met: bool | None = None
    status: str = "ok"  # ok | pending | skipped | failed
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    profile: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The row for the report: times in ``unit`` (``timing`` holds seconds; ``req/s``, ``MB`` are as measured)."""
        k = _SCALE.get(self.unit, 1.0)

        def conv(v: Any) -> Any:
            return v * k if isinstance(v, int | float) and not isinstance(v, bool) else v

        return {
            "group": self.group,
            "name": self.name,
            "unit": self.unit,
            "n": self.timing.get("n"),
            **{key: conv(self.timing.get(key)) for key in ("median", "min", "max", "cpu_median")},
            "p99": conv(self.timing.get("p99")),
            "baseline": self.baseline,
            "baseline_median": conv(self.baseline_timing.get("median")),
            "baseline_min": conv(self.baseline_timing.get("min")),
            "baseline_max": conv(self.baseline_timing.get("max")),
            "baseline_cpu_median": conv(self.baseline_timing.get("cpu_median")),
            "baseline_p99": conv(self.baseline_timing.get("p99")),
            "ratio": self.ratio,
            "target": self.target,
            "met": self.met,
            "status": self.status,
            "note": self.note,
            "extra": self.extra,
            "profile": self.profile,
        }


# Timings are measured in seconds; a row's unit says how its JSON and table show them.
_SCALE = {"s": 1.0, "ms": 1e3, "µs": 1e6}


def num(value: Any) -> str:
    """A figure already in its row's unit, with as many digits as it deserves."""
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 100 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def table(rows: Sequence[dict[str, Any]]) -> str:
    """JSON rows (``Row.as_json``) as a fixed-width text table (medians, min–max, CPU, baseline, ratio, target)."""
    head = (
        "group",
        "measurement",
        "unit",
        "median",
        "p99",
        "min–max",
        "cpu",
        "n",
        "baseline (median)",
        "ratio",
        "target",
    )
    lines = []
    for r in rows:
        span = f"{num(r.get('min'))}–{num(r.get('max'))}" if r.get("n") and r.get("min") is not None else ""
        base = (
            f"{r['baseline']}: {num(r.get('baseline_median'))}"
            + (f" (p99 {num(r['baseline_p99'])})" if r.get("baseline_p99") is not None else "")
            if r.get("baseline") and r.get("baseline_median") is not None
            else ""
        )
        ratio = f"{r['ratio']:.1f}×" if r.get("ratio") is not None else ""
        met = {True: " ✓", False: " ✗", None: ""}[r.get("met")]
        status = "" if r.get("status", "ok") == "ok" else f"[{r['status']}] "
        lines.append(
            (
                r["group"],
                status + r["name"],
                r["unit"],
                num(r.get("median")),
                num(r["p99"]) if r.get("p99") is not None else "",
                span,
                num(r["cpu_median"]) if r.get("cpu_median") is not None else "",
                str(r.get("n") or ""),
                base,
                ratio,
                (r.get("target") or "") + met,
            )
        )
    widths = [max(len(str(x[i])) for x in [head, *lines]) for i in range(len(head))]
    out = ["  ".join(str(h).ljust(w) for h, w in zip(head, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    for ln in lines:
        out.append("  ".join(str(x).ljust(w) for x, w in zip(ln, widths, strict=True)))
    notes = [f"  · {r['group']} / {r['name']}: {r['note']}" for r in rows if r.get("note")]
    if notes:
        out += ["", "notes:", *notes]
    return "\n".join(out)


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server CLI (pip package ``oxigraph``): beside this interpreter first, since a virtual
    environment's ``bin/`` is often not on PATH when its Python is called directly (``.venv/bin/python -m pytest``)."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("oxigraph")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now (servers we start bind only to loopback)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop(proc: subprocess.Popen[Any], timeout: float = 20.0) -> None:
    """Terminate a server we started, and kill it if it does not exit in time."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
