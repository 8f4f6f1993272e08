"""A coordinator's wait at the command line: ``samarbejdskort contact … --from …`` on the bundled data, end to
end in a fresh process, against a plain rdflib parse of the same files in a fresh process, alternating.

Several different questions (one per run, cycled), so no run is the same command twice in a row.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.bench_support import Row

__all__ = ["QUESTIONS", "cli_rows"]

TARGET_S = 0.3
#: (topic as typed, asker) — words coordinators use, answered from the bundled sources.
QUESTIONS = (
    ("skolevægring", "Favrskov Kommune"),
    ("mobning", "Randers Kommune"),
    ("angst", "Syddjurs Kommune"),
    ("selvskade", "Norddjurs Kommune"),
    ("faglig sparring", "Favrskov Kommune"),
)
_CLI = [sys.executable, "-c", "from api.cli import main; main()"]
_RDFLIB = """
import sys
from rdflib import Graph
g = Graph()
for f in sys.argv[1:]:
    g.parse(f, format="turtle")
print(len(g))
"""


def _timed(argv: list[str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=120)
    took = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[3:])}: exit {done.returncode}: {done.stderr[-400:]}")
    return took


def cli_rows(*, reps: int) -> list[Row]:
    """The CLI row: ``reps`` runs of ours and of the baseline, alternating."""
    from graph.loading import bundled_data_paths

    files = [str(p) for p in bundled_data_paths() if Path(p).suffix == ".ttl"]
    ours: list[float] = []
    base: list[float] = []
    for i in range(reps):
        topic, asker = QUESTIONS[i % len(QUESTIONS)]
        ours.append(_timed([*_CLI, "contact", topic, "--from", asker]))
        base.append(_timed([sys.executable, "-c", _RDFLIB, *files]))

    def summary(x: list[float]) -> dict[str, float | int]:
        return {"n": len(x), "median": statistics.median(x), "min": min(x), "max": max(x)}

    med, bmed = statistics.median(ours), statistics.median(base)
    return [
        Row(
            "cold start",
            "bundled: CLI contact question end to end (fresh process, 5 different questions)",
            "s",
            summary(ours),
            "python + rdflib parse of the bundled Turtle",
            summary(base),
            bmed / med,
            f"≤ {TARGET_S:g} s",
            med <= TARGET_S,
            note=f"{len(files)} bundled Turtle files; each run a new process: interpreter start, imports, load, answer",
        )
    ]
