"""What a coordinator sees in a real browser (Chromium, 1400×1000) right after a diagram loads: every label
drawn on screen is at least 11 px, the top of the structure is in view, and folded parts unfold on click,
by search, and fold back from the breadcrumb. Measured from vis-network's own state (scale, node font size,
canvas positions), not from the page's helpers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from benchmarks.bench_viz import synthetic_turtle
from graph.model import Model, load, model_from_text
from tests.viz.conftest import offline_page
from tests.viz.test_orgchart import BERLIN
from viz.html import MIN_FONT_PX, to_html
from viz.views import collaboration_network, organisation_diagram

pytestmark = pytest.mark.browser

ON = dt.date(2025, 6, 1)
RANDERS = "https://w3id.org/samarbejdskort/id/forum/randers-implementeringsgruppe"
SSU = "https://w3id.org/samarbejdskort/id/ssu"

#: Every node vis-network draws now: its label, its label's size on screen, and whether it is in view.
LABELS = """() => {
  const net = samarbejdskort.network, scale = net.getScale();
  const box = document.getElementById('network');
  return net.body.nodeIndices.map((id) => {
    const n = net.body.nodes[id];
    const p = net.canvasToDOM({x: n.x, y: n.y});
    const inView = p.x >= 0 && p.x <= box.clientWidth && p.y >= 0 && p.y <= box.clientHeight;
    return {id: String(id), label: n.options.label || '', px: n.options.font.size * scale, inView: inView};
  });
}"""


#: Each drawn label's box on screen (DOM px), for the nodes in view.
LABEL_BOXES = """() => {
  const net = samarbejdskort.network, box = document.getElementById('network');
  return net.body.nodeIndices.map((id) => {
    const n = net.body.nodes[id], s = n.labelModule.size;
    const a = net.canvasToDOM({x: s.left, y: s.top}), b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
    const p = net.canvasToDOM({x: n.x, y: n.y});
    const inView = p.x >= 0 && p.x <= box.clientWidth && p.y >= 0 && p.y <= box.clientHeight;
    return {id: String(id), inView: inView, box: [a.x, a.y, b.x, b.y]};
  }).filter((x) => x.inView);
}"""


def open_page(browser: object, path: Path):  # type: ignore[no-untyped-def]
    attempts: list[str] = []
    page = offline_page(browser, attempts)
    page.set_viewport_size({"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-stable=true]", state="attached", timeout=60_000)
    page.wait_for_timeout(200)
    return page, errors, attempts


def shown(page) -> list[dict]:  # type: ignore[no-untyped-def]
    return [x for x in page.evaluate(LABELS) if x["inView"]]


def assert_legible(page) -> list[dict]:  # type: ignore[no-untyped-def]
    seen = shown(page)
    assert seen, "nothing in view"
    small = [(x["label"][:40], round(x["px"], 1)) for x in seen if x["px"] < MIN_FONT_PX - 0.01]
    assert small == [], f"labels under {MIN_FONT_PX} px on screen: {small}"
    return seen


def click_node(page, nid: str) -> None:  # type: ignore[no-untyped-def]
    x, y = page.evaluate(
        "(id) => { const n = samarbejdskort.network; const p = n.canvasToDOM(n.getPositions([id])[id]);"
        " const r = document.getElementById('network').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }",
        nid,
    )
    page.mouse.click(x, y)
    page.wait_for_timeout(300)


def test_organisation_diagram_opens_with_every_body_named_legibly(
    browser: object, bundled: Model, tmp_path: Path, artifacts: Path
) -> None:
    d = organisation_diagram(bundled, on=ON)
    path = tmp_path / "org.html"
    path.write_text(to_html(d), encoding="utf-8")
    page, errors, attempts = open_page(browser, path)
    try:
        seen = assert_legible(page)
        page.screenshot(path=str(artifacts / "first-paint-organisation.png"))
        bodies = {n.id for n in d.nodes if n.kind in ("forum", "partnership")}
        in_view = {x["id"] for x in seen}
        assert bodies <= in_view, f"bodies out of view: {bodies - in_view}"
        assert not {n.id for n in d.nodes if n.kind == "post"} & in_view  # seats start folded into their forum
        assert page.is_hidden("#crumbs")

        click_node(page, RANDERS)  # unfold the implementation group's 27 seats
        seats = {n.id for n in d.nodes if n.parent == RANDERS}
        now = assert_legible(page)
        assert len(seats & {x["id"] for x in now}) >= 6  # at least a column of them readable at once
        crumbs = page.text_content("#crumbs") or ""
        assert "Overblik" in crumbs and "Randersklyngen" in crumbs
        page.screenshot(path=str(artifacts / "first-paint-organisation-unfolded.png"))
        page.click("#crumbs button")  # back to the overview
        page.wait_for_timeout(200)
        assert not seats & {x["id"] for x in shown(page)}
        assert bodies <= {x["id"] for x in assert_legible(page)}
        assert errors == [] and attempts == []
    finally:
        page.close()


#: Each labelled line as drawn: its label's box and the boxes of its two ends, an end with an arrowhead grown
#: by the arrowhead's length (vis-network: 15 px times its scale plus three line widths), all in canvas px.
LINE_LABELS = """() => {
  const net = samarbejdskort.network;
  return Object.values(net.body.edges).filter((e) => e.options.label && e.connected).map((e) => {
    const s = e.labelModule.size, arrows = e.options.arrows;
    const grow = (id, head) => { const b = net.getBoundingBox(id);
      const a = head.enabled ? 15 * head.scaleFactor + 3 * e.options.width : 0;
      return [b.left - a, b.top - a, b.right + a, b.bottom + a]; };
    return {label: e.options.label, box: [s.left, s.top, s.left + s.width, s.top + s.height],
            ends: [grow(e.fromId, arrows.from), grow(e.toId, arrows.to)]};
  });
}"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_a_lines_label_is_clear_of_its_arrowheads(browser: object, bundled: Model, tmp_path: Path) -> None:
    """»foreslået« on the proposed line between Randersklyngen's implementation group and its steering group
    was drawn across both arrowheads (»f…eslået«): the two boxes stood 22 px apart, side by side."""
    d = organisation_diagram(bundled, on=ON)
    path = tmp_path / "org.html"
    path.write_text(to_html(d), encoding="utf-8")
    page, errors, _ = open_page(browser, path)
    try:
        lines = page.evaluate(LINE_LABELS)
        assert {x["label"] for x in lines} == {"foreslået"} and len(lines) == 2  # the two proposed lines
        covered = [x["label"] for x in lines if any(_overlap(x["box"], end) for end in x["ends"])]
        assert covered == []
        assert errors == []
    finally:
        page.close()


def test_network_opens_legibly_folded_by_health_cluster_and_unfolds_on_click(
    browser: object, bundled: Model, tmp_path: Path, artifacts: Path
) -> None:
    d = collaboration_network(bundled, on=ON)
    path = tmp_path / "net.html"
    path.write_text(to_html(d), encoding="utf-8")
    page, errors, attempts = open_page(browser, path)
    try:
        seen = assert_legible(page)
        page.screenshot(path=str(artifacts / "first-paint-network.png"))
        assert label_overlaps(page) == []
        labels = " ".join(x["label"] for x in seen)
        assert "Randersklyngen" in labels and SSU in {x["id"] for x in seen}
        fold = next(x["id"] for x in seen if x["id"].startswith("fold:") and "randers" in x["id"])
        click_node(page, fold)
        after = assert_legible(page)
        assert not any(x["id"] == fold for x in page.evaluate(LABELS))
        assert any("Randers Kommune" in x["label"] for x in after)
        assert "Randersklyngen" in (page.text_content("#crumbs") or "")
        assert errors == [] and attempts == []
    finally:
        page.close()


def test_berlin_organigram_opens_on_its_top_levels_and_search_unfolds_a_referat(
    browser: object, tmp_path: Path, artifacts: Path
) -> None:
    d = organisation_diagram(load([BERLIN]))
    path = tmp_path / "berlin.html"
    path.write_text(to_html(d), encoding="utf-8")
    page, errors, attempts = open_page(browser, path)
    try:
        seen = assert_legible(page)
        labels = [" ".join(x["label"].split()) for x in seen]
        for name in ("Senatsverwaltung für Finanzen", "Geschäftsbereich A", "Geschäftsbereich B", "Leitungsstab"):
            assert name in labels, name
        page.fill("#search", "Referat III E")
        page.press("#search", "Enter")
        page.wait_for_timeout(600)
        referat = next(n.id for n in d.nodes if " ".join(n.label.split()) == "Referat III E")
        assert page.evaluate("() => samarbejdskort.network.getSelectedNodes()") == [referat]
        now = assert_legible(page)
        assert referat in {x["id"] for x in now}
        assert "Abteilung III" in (page.text_content("#crumbs") or "")
        page.screenshot(path=str(artifacts / "first-paint-berlin-referat.png"))
        assert errors == [] and attempts == []
    finally:
        page.close()


def label_overlaps(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    boxes = page.evaluate(LABEL_BOXES)
    return [
        (a["id"], b["id"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["box"][0] < b["box"][2]
        and b["box"][0] < a["box"][2]
        and a["box"][1] < b["box"][3]
        and b["box"][1] < a["box"][3]
    ]


def test_a_big_network_opens_legibly_with_no_label_over_another(
    browser: object, tmp_path: Path, artifacts: Path
) -> None:
    d = collaboration_network(model_from_text(synthetic_turtle(900, seed=2)), group=False)
    path = tmp_path / "big.html"
    path.write_text(to_html(d), encoding="utf-8")
    page, errors, attempts = open_page(browser, path)
    try:
        assert page.evaluate("() => samarbejdskort.network.physics.options.enabled") is False
        seen = assert_legible(page)
        assert len(seen) >= 20  # a useful part of the structure at first sight, not one node
        page.screenshot(path=str(artifacts / "first-paint-network-900.png"))
        assert label_overlaps(page) == []
        assert errors == [] and attempts == []
    finally:
        page.close()
