"""The page in headless Chromium with the network cut off: loads cleanly, holds the data, searches, filters,
and shows hostile names as text."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.model import Model
from tests.viz.conftest import ns, offline_page
from viz.html import to_html
from viz.views import collaboration_network, organisation_diagram

pytestmark = pytest.mark.browser

ON = dt.date(2025, 6, 1)
RANDERS = "https://w3id.org/samarbejdskort/id/forum/randers-implementeringsgruppe"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A directory served on 127.0.0.1 (the page must work over http as well as from a file)."""
    root = tmp_path_factory.mktemp("served")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Visit:
    """One page load: console errors, page errors, dialogs and blocked requests are collected."""

    def __init__(self, browser: object, url: str) -> None:
        self.attempts: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = offline_page(browser, self.attempts)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(url)
        self.page.wait_for_selector("body[data-stable=true]", state="attached", timeout=120_000)

    def _dialog(self, dialog) -> None:  # type: ignore[no-untyped-def]
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.attempts == [], f"requests to the internet: {self.attempts}"
        assert self.dialogs == []

    def close(self) -> None:
        self.page.close()


def write(tmp: Path, name: str, page: str) -> Path:
    path = tmp / name
    path.write_text(page, encoding="utf-8")
    return path


def test_bundled_network_loads_offline_holds_the_data_and_searches(
    browser: object, bundled: Model, tmp_path: Path, artifacts: Path
) -> None:
    d = collaboration_network(bundled, on=ON)
    visit = Visit(browser, write(tmp_path, "network.html", to_html(d)).as_uri())
    try:
        visit.clean()
        counts = visit.js("() => [samarbejdskort.nodes.length, samarbejdskort.edges.length, samarbejdskort.stable]")
        assert counts == [len(d.nodes), len(d.edges), True]
        ids = set(visit.js("() => samarbejdskort.nodes.getIds()"))  # type: ignore[arg-type]
        assert ids == d.node_ids()
        physics = visit.js("() => samarbejdskort.network.physics.options.enabled")
        assert physics is False  # switched off once stabilised

        visit.page.fill("#search", "Sundhedssamarbejdsudvalget")
        selected = visit.js("() => samarbejdskort.network.getSelectedNodes()")
        assert selected == ["https://w3id.org/samarbejdskort/id/ssu"]
        visit.page.fill("#search", "randersklyngen")  # part of a name, then Enter
        visit.page.press("#search", "Enter")
        (picked,) = visit.js("() => samarbejdskort.network.getSelectedNodes()")  # type: ignore[misc]
        assert "randers" in picked
        assert "Randers" in visit.page.text_content("#search-status")
        visit.page.wait_for_timeout(400)  # the focus animation
        visit.page.screenshot(path=str(artifacts / "viz-network.png"))

        shown = visit.js("() => samarbejdskort.nodeView.length")
        visit.page.uncheck("#filter-sector input[value=municipal]")
        fewer = visit.js("() => samarbejdskort.nodeView.length")
        assert fewer < shown  # type: ignore[operator]
        visit.page.click("#filter-reset")
        assert visit.js("() => samarbejdskort.nodeView.length") == shown
        visit.page.fill("#filter-date", "2027-01-01")  # clusters end with 2026 (L 214)
        assert (
            visit.js("() => samarbejdskort.nodeView.get('https://w3id.org/samarbejdskort/id/klynge/randers')") is None
        )
        visit.page.click("#filter-reset")
        visit.page.select_option("#filter-cluster", "https://w3id.org/samarbejdskort/id/klynge/randers")
        in_cluster = visit.js("() => samarbejdskort.nodeView.getIds()")
        assert RANDERS in in_cluster and "https://w3id.org/samarbejdskort/id/ssu" not in in_cluster  # type: ignore[operator]
        assert visit.js("() => samarbejdskort.edgeView.length") < len(d.edges)  # type: ignore[operator]
        visit.page.click("#filter-reset")
        visit.clean()
    finally:
        visit.close()


def test_randers_organisation_diagram_over_local_http(
    browser: object, bundled: Model, served: tuple[Path, str], artifacts: Path
) -> None:
    root, base = served
    d = organisation_diagram(bundled, focus=RANDERS, on=ON)
    write(root, "randers.html", to_html(d))
    visit = Visit(browser, f"{base}/randers.html")
    try:
        visit.clean()
        assert visit.js("() => samarbejdskort.nodes.length") == len(d.nodes)
        vacant = visit.js(
            "() => samarbejdskort.nodes.get().filter(n => n.shapeProperties.borderDashes && "
            "n.color.border === '#c00000').map(n => n.label)"
        )
        assert any("praksiskonsulent" in label for label in vacant)  # type: ignore[union-attr]
        levels = visit.js("() => samarbejdskort.nodes.get().every(n => typeof n.level === 'number')")
        assert levels is True
        visit.page.screenshot(path=str(artifacts / "viz-organisation-randers.png"))
    finally:
        visit.close()


def test_hostile_names_stay_text_in_page_and_tooltip(
    browser: object, hostile: Model, tmp_path: Path, artifacts: Path
) -> None:
    d = collaboration_network(hostile)
    visit = Visit(browser, write(tmp_path, "hostile.html", to_html(d)).as_uri())
    try:
        visit.clean()
        assert visit.js("() => document.querySelectorAll('img').length") == 0
        assert visit.js("() => document.querySelectorAll('b').length") == 0
        label = visit.js("(id) => samarbejdskort.nodes.get(id).label", ns("ondt"))
        assert "<img src=x" in label  # type: ignore[operator]
        # hover the node: vis shows the title in its tooltip div, as text
        point = visit.js(
            "(id) => { const n = samarbejdskort.network; const p = n.getPositions([id])[id];"
            " const c = n.canvasToDOM(p); const r = document.getElementById('network').getBoundingClientRect();"
            " return [c.x + r.left, c.y + r.top]; }",
            ns("ondt"),
        )
        visit.page.mouse.move(point[0], point[1])  # type: ignore[index]
        tooltip = visit.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        assert tooltip is not None
        assert tooltip.inner_text().startswith("<img src=x onerror=alert(1)>")
        tags = visit.js("() => [...document.querySelector('div.vis-tooltip').children].map(c => c.tagName)")
        assert set(tags) <= {"BR"}  # type: ignore[arg-type]  # innerText: line breaks only, no markup
        assert visit.js("() => document.querySelectorAll('img').length") == 0
        visit.page.screenshot(path=str(artifacts / "viz-hostile.png"))
        visit.clean()  # and no alert fired
    finally:
        visit.close()
