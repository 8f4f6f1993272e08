"""Benchmark the diagrams: build time, page size and time until the browser view is usable.

    python -m benchmarks.bench_viz                 # all cases, browser timing with /usr/bin/chromium
    python -m benchmarks.bench_viz --quick         # the small cases only (seconds)
    python -m benchmarks.bench_viz --no-browser --out /tmp/bench_viz.json

Cases: the bundled data; synthetic structures of ~200 and ~2,000 entities (``synthetic_turtle``, shown
ungrouped); the ``region`` and ``nation`` scales of ``benchmarks.generate`` (the national view is grouped
above ``viz.aggregate.AGGREGATE_THRESHOLD``; ``--ungrouped`` adds it ungrouped as well). The browser time is
measured in the page, from navigation start until it sets ``window.samarbejdskort.stable = true`` (physics
settled and switched off, or the first drawing when positions were computed on the server). ``again_s`` is
the same view built and rendered a second time as the server does it (``viz.request.build``: the diagram
and its Graphviz positions kept per data version; target ≤ 0.5 s at 2,000 entities). Prints a table and
writes JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.chromium import CHROMIUM, CHROMIUM_ARGS
from graph.model import Model, load, model_from_text
from viz.html import to_html
from viz.request import DiagramRequest, build
from viz.views import collaboration_network

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
    view_s: float
    html_s: float
    html_bytes: int
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


def run_case(case: str, model: Model, *, group: bool | None, browser: Any = None, keep: Path | None = None) -> Row:
    """Build the network view and its page, optionally open it and time the stabilisation."""
    start = time.perf_counter()
    diagram = collaboration_network(model, group=group)
    view_s = time.perf_counter() - start
    start = time.perf_counter()
    page = to_html(diagram)
    html_s = time.perf_counter() - start
    layout = "physics" if '"physics": true' in page else "positions"
    row = Row(
        case=case,
        entities=model.nx.number_of_nodes(),
        nodes=len(diagram.nodes),
        edges=len(diagram.edges),
        grouped=bool(diagram.notes),
        layout=layout,
        view_s=round(view_s, 3),
        html_s=round(html_s, 3),
        html_bytes=len(page.encode("utf-8")),
    )
    row.again_s = _again(model, group)
    if browser is not None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{case}.html"
            path.write_text(page, encoding="utf-8")
            row.browser_stable_ms = _stable_ms(browser, path)
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                (keep / f"bench-{case}.html").write_text(page, encoding="utf-8")
    return row


def _again(model: Model, group: bool | None) -> float:
    """Seconds to build and render the view a second time through ``viz.request.build`` (what the server
    does): the diagram and its Graphviz positions are kept per data version, so this is the repeat cost."""
    req = DiagramRequest("network", group=group)
    to_html(build(model, req))  # first time: builds and lays out
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


def _cases(quick: bool, ungrouped: bool, tmp: Path) -> list[tuple[str, Any, bool | None]]:
    """(name, model factory, group) — factories so each model is built only when its case runs."""
    cases: list[tuple[str, Any, bool | None]] = [
        ("bundled", load, None),
        ("synthetic-200", lambda: model_from_text(synthetic_turtle(200)), False),
    ]
    if quick:
        return cases
    cases.append(("synthetic-2000", lambda: model_from_text(synthetic_turtle(2000)), False))
    from benchmarks.generate import write

    def generated(scale: str) -> Model:
        path = tmp / f"{scale}.nt"
        if not path.exists():
            write(scale, 0, path)
        return load([path])

    cases.append(("region", lambda: generated("region"), None))
    cases.append(("nation", lambda: generated("nation"), None))
    if ungrouped:
        cases.append(("nation-ungrouped", lambda: generated("nation"), False))
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
        for name, factory, group in _cases(args.quick, args.ungrouped, Path(tmp)):
            rows.append(run_case(name, factory(), group=group, browser=browser, keep=args.keep_pages))
            print(_line(rows[-1]), file=sys.stderr, flush=True)
    print(_table(rows))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"generated": time.strftime("%Y-%m-%dT%H:%M:%S"), "rows": [asdict(r) for r in rows]}
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
    ("view_s", 7),
    ("html_s", 7),
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
        f"{r.view_s:.2f}",
        f"{r.html_s:.2f}",
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
