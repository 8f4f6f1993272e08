"""In a real browser: sign in, fill the vacant practice-consultant seat of the Randers implementation group
through the form with the keyboard, and see the gap disappear from the gap dashboard."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import uvicorn

from api.app import create_app
from api.settings import Settings
from benchmarks.chromium import CHROMIUM
from tests.api.test_auth import EDITOR, TOKENS
from tests.store.support import free_port

DATA = Path(__file__).resolve().parents[2] / "data"
SEAT = "https://w3id.org/samarbejdskort/id/forum/randers-implementeringsgruppe/plads/praksiskonsulent"
SEAT_PATH = "/rediger/plads/forum/randers-implementeringsgruppe/plads/praksiskonsulent"
VACANT_LINK = f'#hul-vacant_seat a[href*="{quote(SEAT, safe="")}"]'  # the seat in the dashboard's vacant-seat list

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The web app on the bundled data in a real server, and the folder of its store."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("browser")
    store = folder / "store"
    app = create_app(Settings(store=str(store), tokens=TOKENS))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", store
    finally:
        server.should_exit = True
        thread.join(20)


@pytest.fixture(scope="module")
def server(served: tuple[str, Path]) -> str:
    return served[0]


def vacant_seat_gaps(base: str) -> list[str]:
    gaps = httpx.get(base + "/api/gaps", timeout=30).json()["gaps"]
    return [g["entity"]["id"] for g in gaps if g["kind"] == "vacant_seat"]


def test_fill_the_vacant_practice_consultant_seat_in_the_browser(server: str, browser: object) -> None:
    assert SEAT in vacant_seat_gaps(server), "the bundled practice-consultant seat in Randers is no longer vacant"
    dashboard = httpx.get(server + "/huller", headers={"Accept": "text/html"}, timeout=30)
    has_dashboard = dashboard.status_code == 200
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        if has_dashboard:
            page.goto(server + "/huller")
            assert page.locator(VACANT_LINK).count() == 1

        page.goto(server + SEAT_PATH)  # anonymous: sent to the login form first
        assert "/login" in page.url
        page.fill("#token", EDITOR)
        page.press("#token", "Enter")
        page.wait_for_url(f"**{SEAT_PATH}")
        assert "praksiskonsulent" in page.content()

        page.fill("#name", "Peter Praksis")
        page.fill("#email", "peter.praksis@example.org")
        page.fill("#reason", "Udpeget af PLO-Midtjylland (test)")
        page.focus("#reason")
        page.keyboard.press("Tab")  # the submit button comes next: the form works without a mouse
        page.keyboard.press("Enter")
        page.wait_for_url("**gemt=*")
        assert page.locator("[role=status]").count() == 1
        assert "Peter Praksis" in page.content()

        if has_dashboard:
            page.goto(server + "/huller")
            assert page.locator("h1").count() == 1
            assert page.locator(VACANT_LINK).count() == 0
            assert "peter.praksis@example.org" not in page.content()
    finally:
        context.close()
    assert SEAT not in vacant_seat_gaps(server)


NOT_STATED = "https://w3id.org/samarbejdskort/id/forum/randers-implementeringsgruppe/plads/boerne-og-ungepsykiatrien"
NOT_STATED_PATH = "/rediger/plads/forum/randers-implementeringsgruppe/plads/boerne-og-ungepsykiatrien"


def test_name_the_holder_of_a_holder_not_stated_seat_and_the_cli_on_the_same_store_answers_with_it(
    served: tuple[str, Path], browser: object
) -> None:
    """The acceptance of issue 12: web form in Chromium, then ``samarbejdskort --store`` in another process."""
    base, store = served
    assert httpx.get(base + "/api/entities", params={"id": NOT_STATED}, timeout=30).json()["seat"]["occupancy"] == (
        "not_stated"
    )
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(base + "/login?next=" + quote(NOT_STATED_PATH))
        page.fill("#token", EDITOR)
        page.press("#token", "Enter")
        page.wait_for_url(f"**{NOT_STATED_PATH}")
        assert page.locator("h1").inner_text().startswith("Navngiv indehaveren")
        page.fill("#name", "Bente Børnepsykiater")
        page.fill("#reason", "Udpeget af Børne- og Ungepsykiatrien (test)")
        page.click(".edit-form button[type=submit]")
        page.wait_for_url("**gemt=*")
        assert "Bente Børnepsykiater" in page.content()
    finally:
        context.close()
    cli = [
        sys.executable,
        "-c",
        "from api.cli import main; main()",
        "--store",
        str(store),
        "show",
        NOT_STATED,
        "--json",
    ]
    done = subprocess.run(cli, capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONUTF8": "1"})
    assert done.returncode == 0, done.stderr
    seat = json.loads(done.stdout)["seat"]
    assert seat["occupancy"] == "held"
    assert [h["label"] for h in seat["holders"]] == ["Bente Børnepsykiater"]
    assert seat["label"] == "1-2 repræsentanter, Børne- og Ungepsykiatrien, Psykiatrien i Region Midtjylland"
    files = subprocess.run(
        [*cli[:3], "--store", str(store), "show", NOT_STATED, "--json", "--data", str(DATA)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert json.loads(files.stdout)["seat"]["holders"] == []  # --data: the files, which do not name a holder
