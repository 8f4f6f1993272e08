"""The site in a real browser: the contact question end to end, keyboard only, diagrams, docs, phone, print.

Runs Debian's Chromium headless against uvicorn on 127.0.0.1 (a free port, a temporary store); every
request to any other host is aborted and fails the test. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from benchmarks.bench_support import free_port
from benchmarks.chromium import CHROMIUM

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium (/usr/bin/chromium) is not installed"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn in a background thread on the bundled data with a temporary store."""
    import uvicorn

    from api.app import create_app
    from tests.api.conftest import settings_for

    port = free_port()
    app = create_app(settings_for(tmp_path_factory.mktemp("browser-store") / "store"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(browser: object, base_url: str, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh page whose requests may only go to 127.0.0.1."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900}, locale="da-DK")  # type: ignore[attr-defined]
    elsewhere: list[str] = []

    def only_local(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname != "127.0.0.1":
            elsewhere.append(url)
            route.abort()  # type: ignore[attr-defined]
        else:
            route.continue_()  # type: ignore[attr-defined]

    context.route("**/*", only_local)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"
    assert errors == [], f"JavaScript errors: {errors}"


def shot(pg: object, name: str, *, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)  # type: ignore[attr-defined]


def test_contact_question_from_the_start_page(page: object) -> None:
    pg = page
    pg.goto("/")  # type: ignore[attr-defined]
    pg.fill("#topic", "faglig sparring")  # type: ignore[attr-defined]
    pg.fill("#asker", "Favrskov Kommune")  # type: ignore[attr-defined]
    shot(pg, "start-filled")
    pg.click("form.ask button[type=submit]")  # type: ignore[attr-defined]
    pg.wait_for_url("**/kontakt?**")  # type: ignore[attr-defined]
    first = pg.locator("article.answer").first  # type: ignore[attr-defined]
    assert "Rådgivningsenheden" in first.locator("h3").inner_text()
    conditions = first.locator(".conditions")
    assert conditions.is_visible() and "Betingelser" in conditions.inner_text()
    assert first.locator(".why li").count() >= 2
    shot(pg, "answer")


def test_keyboard_only_reaches_the_search_box_and_submits(page: object) -> None:
    pg = page
    pg.goto("/")  # type: ignore[attr-defined]
    pg.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert pg.evaluate("document.activeElement.className") == "skip-link"  # type: ignore[attr-defined]
    for _ in range(25):
        if pg.evaluate("document.activeElement.id") == "topic":  # type: ignore[attr-defined]
            break
        pg.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert pg.evaluate("document.activeElement.id") == "topic"  # type: ignore[attr-defined]
    pg.keyboard.type("faglig sparring")  # type: ignore[attr-defined]
    pg.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert pg.evaluate("document.activeElement.id") == "asker"  # type: ignore[attr-defined]
    pg.keyboard.type("Favrskov Kommune")  # type: ignore[attr-defined]
    pg.keyboard.press("Escape")  # close the datalist popup, if any  # type: ignore[attr-defined]
    pg.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert pg.evaluate("document.activeElement.type") == "submit"  # type: ignore[attr-defined]
    outline = pg.evaluate("getComputedStyle(document.activeElement).outlineStyle")  # type: ignore[attr-defined]
    assert outline not in ("", "none"), "the focused button shows a focus outline"
    shot(pg, "keyboard-focus", full_page=False)
    pg.keyboard.press("Enter")  # type: ignore[attr-defined]
    pg.wait_for_url("**/kontakt?**")  # type: ignore[attr-defined]
    assert "Rådgivningsenheden" in pg.locator("article.answer h3").first.inner_text()  # type: ignore[attr-defined]


def test_typing_a_topic_refills_the_datalist_from_the_api(page: object) -> None:
    pg = page
    pg.goto("/")
    with pg.expect_response(lambda r: "/api/topics?" in r.url) as answer:
        pg.fill("#topic", "rådgivning fra børnepsykiatrien")
    assert answer.value.status == 200
    pg.wait_for_function(  # a function, not an expression string: our CSP forbids eval
        "() => document.querySelector('#topic-options option').value === 'rådgivning'", timeout=5000
    )


def test_entity_page_in_english_with_danish_letters_in_the_url(page: object) -> None:
    pg = page
    pg.goto("/enhed/" + quote("Rådgivningsenheden, BUA", safe="") + "?lang=en")  # type: ignore[attr-defined]
    assert "BUA" in pg.locator("h1").inner_text()
    assert pg.locator(".other-name").inner_text() == "Rådgivningsenheden, BUA"  # type: ignore[attr-defined]
    assert pg.evaluate("document.documentElement.lang") == "en"  # type: ignore[attr-defined]
    shot(pg, "entity-en")


def test_phone_layout_has_no_horizontal_scroll(browser: object, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 360, "height": 740}, is_mobile=True)  # type: ignore[attr-defined]
    pg = context.new_page()
    for url, name in (("/", "phone-start"), ("/kontakt?topic=faglig+sparring&asker=Favrskov+Kommune", "phone-answer")):
        pg.goto(url)
        wide = pg.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        shot(pg, name)
        assert wide <= 1, f"{url} scrolls sideways by {wide}px on a phone"
    context.close()


def test_print_hides_navigation_and_forms(page: object) -> None:
    pg = page
    pg.goto("/kontakt?topic=faglig+sparring&asker=Favrskov+Kommune")  # type: ignore[attr-defined]
    pg.emulate_media(media="print")  # type: ignore[attr-defined]
    assert not pg.locator("header nav").is_visible()  # type: ignore[attr-defined]
    assert not pg.locator("form.ask").is_visible()  # type: ignore[attr-defined]
    assert pg.locator("article.answer").first.is_visible()  # type: ignore[attr-defined]
    shot(pg, "answer-print")


def test_docs_render_offline(page: object) -> None:
    pg = page
    pg.goto("/docs")  # type: ignore[attr-defined]
    pg.wait_for_selector(".swagger-ui .info .title", timeout=15000)  # type: ignore[attr-defined]
    assert "Samarbejdskort" in pg.locator(".swagger-ui .info .title").inner_text()
    assert pg.locator(".opblock").count() >= 10  # type: ignore[attr-defined]
    shot(pg, "docs", full_page=False)


def test_diagram_page_exposes_the_forum_nodes(page: object) -> None:
    pg = page
    pg.goto("/diagram/netvaerk")  # type: ignore[attr-defined]
    frame = pg.frame_locator("iframe.diagram-frame")  # type: ignore[attr-defined]
    frame.locator("body").wait_for()
    handle = next(f for f in pg.frames if f != pg.main_frame)  # type: ignore[attr-defined]
    handle.wait_for_function("() => window.samarbejdskort && window.samarbejdskort.nodes", timeout=20000)
    kinds = handle.evaluate(
        "(() => { const n = window.samarbejdskort.nodes;"
        " const list = Array.isArray(n) ? n : (n.get ? n.get() : Object.values(n));"
        " return list.map(x => x.kind || (x.f && x.f.kind)); })()"
    )
    assert "forum" in kinds, kinds[:20]
    handle.wait_for_function("() => window.samarbejdskort.stable === true", timeout=20000)
    pg.locator("iframe.diagram-frame").scroll_into_view_if_needed()
    shot(pg, "diagram-network", full_page=False)


TOUR = {
    "entity-forum": "/enhed?id="
    + quote("https://w3id.org/samarbejdskort/id/forum/midtjysk-implementeringsgruppe", safe=""),
    "chain": "/kaede?entity=Tværsektoriel+implementeringsgruppe+om+børn+og+unge+i+mistrivsel%2C+Randersklyngen",
    "path": "/sti?a=PPR%2C+Favrskov+Kommune&b=BUA",
    "gaps": "/huller",
    "data": "/data",
    "search": "/soeg?q=PPR",
    "ambiguous": "/kaede?entity=Randers",
}


def test_tour_of_the_pages(page: object) -> None:
    """Each page loads with no script error and no request elsewhere (checked by the fixture)."""
    pg = page
    for name, url in TOUR.items():
        response = pg.goto(url)
        assert response.status in (200, 409), (url, response.status)
        assert pg.locator("h1").count() == 1
        shot(pg, f"tour-{name}")
