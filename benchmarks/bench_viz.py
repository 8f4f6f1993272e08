"""Benchmark the diagrams: first build, page size and time until the browser view is usable.

    python -m benchmarks.bench_viz                 # all cases, browser timing with /usr/bin/chromium
    python -m benchmarks.bench_viz --quick         # the small cases only (seconds)
    python -m benchmarks.bench_viz --no-browser --out /tmp/bench_viz.json

Cases: the network view of the bundled data; of synthetic structures of ~200 and ~2,000 entities
(``synthetic_turtle``, shown ungrouped); of the ``region`` and ``nation`` scales of ``benchmarks.generate``
(the national view is grouped above ``viz.aggregate.AGGREGATE_THRESHOLD``; ``--ungrouped`` adds it ungrouped
as well); and the national organisation diagram (a hierarchy: Graphviz ``dot``).

``first_s`` is the first build of the view and its page (``view_s`` + ``html_s``: ``viz.request.build``, as
the server builds it, then ``viz.html.to_html`` with its layout) – the median over ``runs`` builds, each on a
model parsed afresh from a differently seeded synthetic structure (a new data version and a different graph,
so nothing is kept from an earlier run: no diagram, page or layout cache can answer). The baseline, measured
in the same run on each of the same diagrams, is the Graphviz layout alone that the page used before
(``sfdp`` for a network, ``dot`` for a hierarchy); ``ratio`` is baseline / ``first_s``, as everywhere in the
suite (above 1: the whole first build takes less than that layout alone). ``again_s`` is the same view built
and rendered a second time as the server does it (kept per data version). Target: the 2,000-entity first
build ≤ 0.5 s. The browser time is measured in the page, from navigation start until it sets
``window.samarbejdskort.stable = true`` (physics settled and switched off, or the first drawing when
positions were computed on the server).
Prints a table (with the load average it was measured under) and writes JSON.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from graph.model import Model, load, model_from_text
from viz.diagram import Diagram
from viz.html import to_html
from viz.layout import HIERARCHY_LIMIT, graphviz_positions
from viz.request import DiagramRequest, build

__all__ = ["Row", "main", "run_case", "synthetic_turtle"]

_PREFIXES = """@prefix sk: <https://w3id.org/samarbejdskort/ns#> .
@prefix id: <https://w3id.org/samarbejdskort/id/bench/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
"""


@dataclass
class Row:
    """One measured case."""

    case: str
    entities: int  # entities in the data the view was drawn from
    nodes: int  # nodes in the view (after grouping)
    edges: int
    grouped: bool
    layout: str  # physics (bounded, then off) or positions (server-side, physics off)
    view_s: float  # median over the runs: building the view
    html_s: float  # median over the runs: the page, layout included
    html_bytes: int
    runs: int = 1  # first builds measured, each on a freshly parsed, differently seeded model
    first_s: float = 0.0  # median first build (view + page)
    first_min: float = 0.0
    first_max: float = 0.0
    baseline: str = ""  # what the first build is compared with
    baseline_s: float = 0.0  # median of the baseline on the same diagrams
    ratio: float = 0.0  # baseline_s / first_s (above 1: faster than the old layout alone)
    again_s: float | None = None  # the same view asked for again, as the server builds it (kept per data version)
    browser_stable_ms: float | None = None


def synthetic_turtle(entities: int, seed: int = 0) -> str:
    """A plain structure of about ``entities`` entities: municipalities with units, forums with seats held
    by persons, and channels between units. Enough shape for the network view; no sources, no dates."""
    rng = random.Random(seed)
    per_muni = 12  # municipality + 6 units + 2 seats + 1 person + 2 channels
    munis = max(2, entities // per_muni)
    forums = max(1, munis // 4)
    out = [_PREFIXES]
    units: list[str] = []
    for f in range(forums):
        out.append(
            f'id:f{f} a sk:ImplementationGroup ; skos:prefLabel "Forum {f}"@da ; sk:sector sk:SectorCrossSector .'
        )
        if f:
            out.append(f"id:f{f} org:reportsTo id:f0 .")
    for m in range(munis):
        out.append(f'id:m{m} a sk:Municipality ; skos:prefLabel "Kommune {m}"@da ; sk:sector sk:SectorMunicipal .')
        for u in range(6):
            unit = f"id:m{m}u{u}"
            units.append(unit)
            out.append(
                f'{unit} a org:OrganizationalUnit ; skos:prefLabel "Enhed {u}, Kommune {m}"@da ; '
                f"org:unitOf id:m{m} ; sk:sector sk:SectorMunicipal ."
            )
        for s in range(2):
            seat = f"id:m{m}s{s}"
            forum = f"id:f{rng.randrange(forums)}"
            occupancy = "sk:Held" if s == 0 else "sk:Vacant"
            out.append(
                f'{seat} a sk:Seat ; skos:prefLabel "Repræsentant {s}, Kommune {m}"@da ; org:postIn {forum} ; '
                f"sk:onBehalfOf id:m{m} ; sk:occupancy {occupancy} ."
            )
        out.append(f'id:m{m}p a foaf:Person ; foaf:name "Testperson {m}" ; org:holds id:m{m}s0 .')
    for c in range(munis * 2):
        a, b = rng.sample(units, 2)
        out.append(
            f'id:c{c} a sk:Channel ; skos:prefLabel "Kanal {c}"@da ; sk:channelFrom {a} ; sk:channelTo {b} ; '
            "sk:channelState sk:Open ."
        )
    return "\n".join(out) + "\n"


def run_case(
    case: str,
    models: Callable[[int], Model],
    req: DiagramRequest,
    *,
    runs: int = 1,
    browser: Any = None,
    keep: Path | None = None,
) -> Row:
    """First builds of the view ``req`` asks for and its page on ``runs`` fresh models (``models(seed)``),
    built as the server builds them (``viz.request.build``), the Graphviz baseline on each of the same
    diagrams, the repeat cost, and optionally the browser time."""
    views: list[float] = []
    pages: list[float] = []
    bases: list[float] = []
    for seed in range(runs):
        model = models(seed)
        gc.collect()
        start = time.perf_counter()
        diagram = build(model, req)
        views.append(time.perf_counter() - start)
        start = time.perf_counter()
        page = to_html(diagram)
        pages.append(time.perf_counter() - start)
        baseline, took = _baseline(diagram)
        bases.append(took)
    firsts = sorted(v + p for v, p in zip(views, pages, strict=True))
    first = statistics.median(firsts)
    base = statistics.median(bases)
    layout = "physics" if '"physics": true' in page else _layout_name(diagram)
    row = Row(
        case=case,
        entities=model.nx.number_of_nodes(),
        nodes=len(diagram.nodes),
        edges=len(diagram.edges),
        grouped=bool(diagram.notes),
        layout=layout,
        view_s=round(statistics.median(views), 3),
        html_s=round(statistics.median(pages), 3),
        html_bytes=len(page.encode("utf-8")),
        runs=runs,
        first_s=round(first, 3),
        first_min=round(firsts[0], 3),
        first_max=round(firsts[-1], 3),
        baseline=baseline,
        baseline_s=round(base, 3),
        ratio=round(base / first, 2) if first else 0.0,
    )
    row.again_s = _again(model, req)
    if browser is not None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{case}.html"
            path.write_text(page, encoding="utf-8")
            row.browser_stable_ms = _stable_ms(browser, path)
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"bench-{case}.html").write_text(page, encoding="utf-8")
    return row


def _layout_name(diagram: Diagram) -> str:
    """Which server layout the page got: Graphviz dot (small hierarchies) or ``viz.packlayout``."""
    return "dot" if diagram.hierarchical and len(diagram.nodes) <= HIERARCHY_LIMIT else "packed"


def _baseline(diagram: Diagram) -> tuple[str, float]:
    """Seconds for the Graphviz layout alone of ``diagram`` – what the page used before ``viz.packlayout``
    (``sfdp`` for a network, ``dot`` for a hierarchy), laid out afresh (never from ``viz.layout``'s cache)."""
    prog = "dot" if diagram.hierarchical else "sfdp"
    gc.collect()
    start = time.perf_counter()
    graphviz_positions(diagram, prog)
    return f"Graphviz {prog} layout alone, same diagram", time.perf_counter() - start


def _again(model: Model, req: DiagramRequest) -> float:
    """Seconds to build and render the view a second time through ``viz.request.build`` (what the server
    does): the diagram and its page are kept per data version, so this is the repeat cost."""
    to_html(build(model, req))  # built already by the measured first run on this model
    start = time.perf_counter()
    to_html(build(model, req))
    return round(time.perf_counter() - start, 3)


def _stable_ms(browser: Any, path: Path) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    try:
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-stable=true]", state="attached", timeout=300_000)
        return round(float(page.evaluate("() => window.samarbejdskort.stableAt")), 1)
    finally:
        page.close()


Case = tuple[str, Callable[[int], Model], DiagramRequest, int]


def _cases(quick: bool, ungrouped: bool, tmp: Path) -> list[Case]:
    """(name, model factory by seed, request, runs) — factories so each model is built only when its case
    runs; the synthetic cases are measured on several seeds (different graphs), the others once."""

    def synthetic(entities: int) -> Callable[[int], Model]:
        return lambda seed: model_from_text(synthetic_turtle(entities, seed))

    network, ungrouped_network = DiagramRequest("network"), DiagramRequest("network", group=False)
    cases: list[Case] = [
        ("bundled", lambda _seed: load(), network, 1),
        ("synthetic-200", synthetic(200), ungrouped_network, 3),
    ]
    if quick:
        return cases
    cases.append(("synthetic-2000", synthetic(2000), ungrouped_network, 5))
    from benchmarks.generate import write

    def generated(scale: str) -> Callable[[int], Model]:
        def make(_seed: int) -> Model:
            path = tmp / f"{scale}.nt"
            if not path.exists():
                write(scale, 0, path)
            return load([path])

        return make

    cases.append(("region", generated("region"), network, 1))
    cases.append(("nation", generated("nation"), network, 1))
    cases.append(("nation-organisation", generated("nation"), DiagramRequest("organisation"), 1))
    if ungrouped:
        cases.append(("nation-ungrouped", generated("nation"), ungrouped_network, 1))
    return cases


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small cases only")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser timing")
    parser.add_argument("--ungrouped", action="store_true", help="also open the national view ungrouped")
    parser.add_argument("--out", type=Path, default=Path("test-artifacts/bench_viz.json"), help="JSON file")
    parser.add_argument("--keep-pages", type=Path, default=None, help="also keep the generated pages here")
    args = parser.parse_args(argv)

    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp, _browser(not args.no_browser) as browser:
        for name, factory, req, runs in _cases(args.quick, args.ungrouped, Path(tmp)):
            rows.append(run_case(name, factory, req, runs=runs, browser=browser, keep=args.keep_pages))
            print(_line(rows[-1]), file=sys.stderr, flush=True)
    load_avg = [round(x, 2) for x in os.getloadavg()]
    print(_table(rows))
    print(f"load average after the run: {load_avg[0]} {load_avg[1]} {load_avg[2]} ({os.cpu_count()} cores)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "load_average": load_avg,
        "cores": os.cpu_count(),
        "rows": [asdict(r) for r in rows],
    }
    args.out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return rows


class _browser:
    """Headless Chromium if wanted and installed, else None."""

    def __init__(self, wanted: bool) -> None:
        self.wanted = wanted and CHROMIUM.exists()
        self._pw: Any = None
        self._browser: Any = None

    def __enter__(self) -> Any:
        if not self.wanted:
            return None
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        return self._browser

    def __exit__(self, *exc: object) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._pw is not None:
            self._pw.stop()


_COLUMNS = (
    ("case", 17),
    ("entities", 9),
    ("nodes", 6),
    ("edges", 6),
    ("layout", 10),
    ("runs", 5),
    ("view_s", 7),
    ("html_s", 7),
    ("first_s", 8),
    ("base_s", 7),
    ("ratio", 6),
    ("html_MB", 8),
    ("again_s", 8),
    ("stable_ms", 10),
)


def _line(r: Row) -> str:
    values = (
        r.case,
        r.entities,
        r.nodes,
        r.edges,
        r.layout,
        r.runs,
        f"{r.view_s:.3f}",
        f"{r.html_s:.3f}",
        f"{r.first_s:.3f}",
        f"{r.baseline_s:.3f}",
        f"{r.ratio:.2f}",
        f"{r.html_bytes / 1e6:.2f}",
        "-" if r.again_s is None else f"{r.again_s:.3f}",
        "-" if r.browser_stable_ms is None else f"{r.browser_stable_ms:.0f}",
    )
    return " ".join(
        str(v).rjust(w) if i else str(v).ljust(w) for i, (v, (_, w)) in enumerate(zip(values, _COLUMNS, strict=True))
    )


def _table(rows: list[Row]) -> str:
    head = " ".join(name.rjust(w) if i else name.ljust(w) for i, (name, w) in enumerate(_COLUMNS))
    return "\n".join([head, "-" * len(head), *(_line(r) for r in rows)])


if __name__ == "__main__":
    main()
