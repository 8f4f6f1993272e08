"""The interactive page: offline, self-contained, UTF-8, and names stay text."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from graph.model import Model
from tests.viz.conftest import ns
from viz.diagram import DEdge, Diagram, DNode
from viz.html import STABILISATION_ITERATIONS, to_html, vis_assets, vis_data
from viz.layout import PHYSICS_LIMIT
from viz.views import collaboration_network, organisation_diagram

ON = dt.date(2025, 6, 1)
DATA_BLOCK = re.compile(r'<script type="application/json" id="samarbejdskort-data">(.*?)</script>', re.S)


def page_data(page: str) -> dict:  # type: ignore[type-arg]
    (raw,) = DATA_BLOCK.findall(page)
    return json.loads(raw)


def test_page_is_offline_and_carries_vis_network_inline(structure: Model) -> None:
    page = to_html(collaboration_network(structure, on=ON))
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<script src" not in page and '<link rel="stylesheet"' not in page
    js, css = vis_assets()
    assert js in page and css in page
    assert "default-src 'none'" in page  # the browser refuses any request the page might try
    assert "pyvis" not in page.lower() or "lib/" not in page


def test_page_is_utf8_with_danish_letters_intact(structure: Model, tmp_path: Path) -> None:
    page = to_html(organisation_diagram(structure, on=ON))
    out = tmp_path / "o.html"
    out.write_text(page, encoding="utf-8")
    raw = out.read_bytes()
    assert raw.decode("utf-8") == page
    assert "Ærøklyngen".encode() in raw and "Åse Ødegård".encode() in raw
    assert '<meta charset="utf-8">' in page and "Søg / Search" in page


def test_building_writes_nothing_to_the_working_directory(
    structure: Model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    to_html(collaboration_network(structure, on=ON))
    assert list(tmp_path.iterdir()) == []  # pyvis would have written lib/ here


def test_hostile_names_are_json_text_not_markup(hostile: Model) -> None:
    page = to_html(collaboration_network(hostile))
    assert "<img" not in page.lower().replace("vis-network", "")
    assert "</script><script>alert(2)" not in page
    assert "<b>fed</b>" not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page  # escaped inside the JSON block
    data = page_data(page)
    labels = {n["id"]: n for n in data["nodes"]}
    evil = labels[ns("ondt")]
    assert evil["label"].replace("\n", " ").startswith("<img src=x onerror=alert(1)>")  # drawn as text
    assert isinstance(evil["title"], str) and evil["title"].startswith("<img src=x onerror=alert(1)>")
    assert "æøå" in labels[ns("script")]["label"]
    assert 'href="http://evil.example"' not in page  # the name with href is data, not an attribute


def test_small_network_runs_bounded_physics_then_stops(structure: Model) -> None:
    data = vis_data(collaboration_network(structure, on=ON))
    physics = data["options"]["physics"]
    assert data["physics"] is True and physics["enabled"] is True
    assert physics["stabilization"]["iterations"] == STABILISATION_ITERATIONS <= 200
    node = next(n for n in data["nodes"] if n["id"] == ns("ig"))
    assert node["f"]["forum_kind"] == "ImplementationGroup" and node["f"]["sector"] == "cross_sector"
    assert {"sectors", "clusters", "forum_kinds", "statuses"} <= set(data["filters"])
    assert [ns("klynge"), "Ærøklyngen"] in data["filters"]["clusters"]


def test_hierarchy_gets_levels_and_server_positions(structure: Model) -> None:
    data = vis_data(organisation_diagram(structure, on=ON))
    assert data["physics"] is False and data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n and "level" in n for n in data["nodes"])
    ys = {n["id"]: n["y"] for n in data["nodes"]}
    assert ys[ns("ssu")] < ys[ns("ksg")] < ys[ns("ig")] < ys[ns("praksis")]
    vacant = next(n for n in data["nodes"] if n["id"] == ns("praksis"))
    assert vacant["shapeProperties"]["borderDashes"] and vacant["color"]["border"] == "#c00000"


def synthetic(n: int) -> Diagram:
    nodes = [DNode(f"n{i}", f"Enhed {i}", "unit", "municipal", tooltip=f"Enhed {i}") for i in range(n)]
    edges = [DEdge(f"n{i}", f"n{(i * 7 + 1) % n}", "part_of") for i in range(n)]
    edges += [DEdge(f"n{i}", f"n{(i * 13 + 5) % n}", "member_of") for i in range(n)]
    return Diagram(nodes, edges, "Stor", "", [], view="network")


def test_large_views_get_positions_and_no_physics() -> None:
    # How the build time grows with size is measured in benchmarks/bench_viz.py, not asserted here.
    d = synthetic(PHYSICS_LIMIT + 50)
    data = vis_data(d)
    assert data["physics"] is False and all("x" in n for n in data["nodes"])
    big = vis_data(synthetic(4000), layout="physics")  # node and edge lists only
    assert len(big["nodes"]) == 4000
