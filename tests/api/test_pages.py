"""The HTML pages: Danish and English, æøå intact, escaped labels, no other hosts, JSON twins, errors."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import EVIL_IRI, EVIL_LABEL, ID, external_references, html_get

PAGES = [
    "/",
    "/soeg",
    "/soeg?q=BUA",
    "/enhed?id=" + quote(ID + "bua"),
    "/enhed/Psykiatriforum",
    "/kaede",
    "/kaede?entity=Psykiatriforum",
    "/sti",
    "/sti?a=PPR%2C+Favrskov+Kommune&b=BUA",
    "/data",
    "/kontakt?topic=faglig+sparring&asker=Favrskov+Kommune",
    "/huller",
    "/diagram/organisation",
    "/diagram/netvaerk",
    "/diagram/ego?id=Psykiatriforum",
]


def _links(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]*)"', html)]


@pytest.mark.parametrize("url", PAGES)
def test_page_renders_in_danish_with_skip_link_viewport_and_json_twin(client: TestClient, url: str) -> None:
    html = html_get(client, url)
    assert '<html lang="da">' in html
    assert 'name="viewport"' in html and 'href="#indhold"' in html and 'id="indhold"' in html
    assert "Spring til indholdet" in html
    twin = re.search(r'<link rel="alternate" type="application/json" href="([^"]+)"', html)
    assert twin, "every page names its JSON twin"
    r = client.get(unescape(twin.group(1)))
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json"), twin.group(1)
    assert external_references(html) == []


@pytest.mark.parametrize("url", PAGES)
def test_page_in_english_keeps_lang_in_its_links(client: TestClient, url: str) -> None:
    sep = "&" if "?" in url else "?"
    html = html_get(client, url + sep + "lang=en")
    assert '<html lang="en">' in html and "Skip to content" in html
    switch = re.search(r'<a href="([^"]*)" lang="da" hreflang="da">Dansk</a>', html)
    assert switch and "lang=" not in unescape(switch.group(1))
    rest = html.replace(switch.group(0), "")
    internal = [h for h in _links(rest) if h.startswith("/") and not h.startswith(("/static", "/api", "/docs"))]
    assert internal and all("lang=en" in h for h in internal), [h for h in internal if "lang=en" not in h]


def test_start_page_form_works_without_javascript(client: TestClient) -> None:
    html = html_get(client, "/")
    assert "Hvem kontakter jeg om …?" in html and "Jeg er fra …" in html
    assert 'action="/kontakt"' in html and 'method="get"' in html
    assert '<label for="topic">' in html and '<label for="asker">' in html
    assert '<datalist id="topic-options">' in html and '<option value="sparring">' in html
    assert '<option value="Favrskov Kommune">' in html


def test_entity_page_shows_danish_letters_and_sources(client: TestClient) -> None:
    html = html_get(client, "/enhed?id=" + quote(ID + "bua"))
    assert "Børne- og Ungdomspsykiatrisk Afdeling" in html and "Rådgivningsenheden, BUA" in html
    assert "Kilder" in html and "004_1ea578385544871f.txt" in html
    assert "sundhedsaftalen" in html or "psykiatrien.rm.dk" in html  # source URLs shown as text, not links


def test_pretty_entity_url_with_danish_letters_both_ways(client: TestClient) -> None:
    name = "Rådgivningsenheden, BUA"
    encoded = html_get(client, "/enhed/" + quote(name, safe=""))
    raw = html_get(client, "/enhed/" + name)
    assert f"<h1>{name}</h1>" in encoded and f"<h1>{name}</h1>" in raw
    twin = re.search(r'rel="alternate" type="application/json" href="([^"]+)"', encoded)
    assert twin and quote(name, safe="") in twin.group(1)


def test_entity_links_go_to_entity_pages_by_id(client: TestClient) -> None:
    html = html_get(client, "/enhed/Psykiatriforum")
    assert "/enhed?id=" + quote(ID + "ssg", safe="") in _links(html)


def test_unknown_entity_page_is_404_with_suggestion_links(client: TestClient) -> None:
    html = html_get(client, "/enhed?id=Psykiatriforumm", status=404)
    assert "Ikke fundet" in html and "Psykiatriforum" in html
    assert "/enhed?id=" + quote(ID + "psykiatriforum", safe="") in _links(html)


def test_ambiguous_page_offers_the_candidates_in_the_same_parameter(evil_client: TestClient) -> None:
    html = html_get(evil_client, "/kaede?entity=Randers&lang=en", status=409)
    assert "Did you mean one of these?" in html
    links = _links(html)
    for iri in ("http://example.org/r1", "http://example.org/r2"):
        assert f"/kaede?entity={quote(iri, safe='')}&lang=en" in links


def test_bad_date_on_a_page_is_an_html_422(client: TestClient) -> None:
    html = html_get(client, "/kaede?entity=Psykiatriforum&date=2026-02-30", status=422)
    assert "2026-02-30" in html and "Tjek det du skrev" in html


def test_unknown_page_is_an_html_404_for_browsers_and_json_for_clients(client: TestClient) -> None:
    assert "Siden findes ikke" in html_get(client, "/findes-ikke", status=404)
    r = client.get("/findes-ikke", headers={"Accept": "application/json"})
    assert r.status_code == 404 and r.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/enhed?id=" + quote(EVIL_IRI),
        "/enhed?id=" + quote("<script>alert(2)</script>"),
        "/kaede?entity=" + quote("<script>alert(2)</script>"),
        "/enhed/" + quote(EVIL_LABEL, safe=""),
        "/soeg?q=" + quote(EVIL_LABEL),
        "/soeg",
        "/sti?a=" + quote(EVIL_IRI) + "&b=Randers+Kommune",
        "/kaede?entity=" + quote(EVIL_IRI),
        "/",
        "/data",
    ],
)
def test_markup_in_labels_is_escaped(evil_client: TestClient, url: str) -> None:
    r = evil_client.get(url, headers={"Accept": "text/html"})
    assert r.status_code in (200, 404, 409, 422), (url, r.status_code)
    html = r.text
    assert EVIL_LABEL not in html and "<script>alert(2)</script>" not in html and "<b>sparring</b>" not in html
    assert "onerror=alert(1)" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_markup_in_labels_is_escaped_on_the_answer_page(evil_client: TestClient) -> None:
    r = evil_client.get("/kontakt?topic=" + quote("<b>sparring</b>"), headers={"Accept": "text/html"})
    assert r.status_code == 200, r.text[:300]
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text and EVIL_LABEL not in r.text
    assert "<b>sparring</b>" not in r.text


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    csp = client.get("/", headers={"Accept": "text/html"}).headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp and "unsafe-eval" not in csp


def test_contact_page_without_topic_goes_back_to_the_form(client: TestClient) -> None:
    r = client.get("/kontakt?lang=en", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/?lang=en"


def test_static_assets_are_served_and_have_print_and_focus_styles(client: TestClient) -> None:
    css = client.get("/static/app.css")
    assert css.status_code == 200 and "@media print" in css.text and ":focus-visible" in css.text
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "innerHTML" not in js.text
    assert external_references(css.text + js.text) == []


def test_docs_are_served_offline(client: TestClient) -> None:
    html = html_get(client, "/docs")
    assert external_references(html) == []
    for asset in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert client.get(asset).status_code == 200, asset
    assert "swagger-ui-bundle.js" in html
    assert client.get("/redoc").status_code == 404


def test_docs_get_an_openapi_30_copy_the_bundled_swagger_ui_can_read(client: TestClient) -> None:
    canonical = client.get("/openapi.json").json()
    for_ui = client.get("/docs/openapi-3.0.json").json()
    assert canonical["openapi"].startswith("3.1") and for_ui["openapi"] == "3.0.3"
    assert '{"type": "null"}' not in str(for_ui).replace("'", '"')
    assert set(for_ui["paths"]) == set(canonical["paths"])


@pytest.mark.parametrize(
    ("lang", "heading", "routes", "wrong"),
    [
        ("da", "Kilderne nævner ikke »sorg«", "Dine generelle veje", ("Noget gik galt", "Siden findes ikke")),
        ("en", "The sources do not mention “sorg”", "Your general routes", ("Something went wrong", "står ikke")),
    ],
)
def test_a_word_outside_the_sources_is_an_answer_with_the_general_routes(
    client: TestClient, lang: str, heading: str, routes: str, wrong: tuple[str, ...]
) -> None:
    """»Hvem kontakter Randers Kommune om sorg?« – grief is not in the sources. The page said »Something went
    wrong« with the routes run together in one mixed-language line; now it says so plainly in the page's language,
    lists the asker's general routes as links to their pages, and the topics the sources cover as new questions."""
    html = html_get(client, f"/kontakt?topic=sorg&asker=Randers+Kommune&lang={lang}", status=404)
    assert heading in unescape(html) and routes in html
    assert not any(w in html for w in wrong)
    links = _links(html)
    keep = "" if lang == "da" else f"&lang={lang}"  # the default language is not repeated in links
    assert f"/enhed?id={quote(ID + 'kommune/randers/ppr', safe='')}{keep}" in links  # a general route
    assert any(h.startswith("/kontakt?topic=") and "asker=Randers" in h for h in links)  # a topic, same asker
    # headed as what they are (the general topics, not topics near »sorg«)
    assert ("Emner, kilderne dækker" if lang == "da" else "Topics the sources cover") in html


def test_a_misspelt_search_offers_the_names_meant_as_links(client: TestClient) -> None:
    """»Nrodjurs Kommune« on the search page found nothing and said only »Ingen resultater«: a dead end. Now the
    page offers the closest names, each a link to its page."""
    html = html_get(client, "/soeg?q=" + quote("Nrodjurs Kommune"))
    assert "Ingen resultater." in html and "Mente du" in html
    assert f"/enhed?id={quote(ID + 'kommune/norddjurs', safe='')}" in _links(html)


def test_a_search_that_finds_something_offers_no_spelling_guesses(client: TestClient) -> None:
    html = html_get(client, "/soeg?q=" + quote("styregruppen Randers"))
    assert "Mente du" not in html
    assert "Klyngestyregruppen for Randersklyngen" in html and "Styregruppe på chefniveau, Randersklyngen" in html


def test_a_profession_as_asker_gets_told_what_to_write_on_the_page_and_in_the_api(client: TestClient) -> None:
    """»sundhedsplejen« is a topic in the bundled map, not a body: the error says what to write instead, in the
    page's language, and the API body carries it for a client to show."""
    r = client.get("/kontakt?topic=bekymringsbrev&asker=sundhedsplejen", headers={"Accept": "text/html"})
    assert r.status_code == 404
    assert "»sundhedsplejen« findes ikke i kortet." in r.text and "Det er et emne i kortet" in r.text
    en = client.get("/kontakt?topic=worry&asker=sundhedsplejen&lang=en", headers={"Accept": "text/html"})
    assert "That is a topic in the map, not a body" in en.text
    body = client.get("/api/contact", params={"topic": "bekymringsbrev", "asker": "sundhedsplejen"}).json()
    assert body["error"] == "not_found" and body["note"]["en"].startswith("that is a topic")


def test_one_gap_is_counted_in_the_singular(client: TestClient) -> None:
    """Skive has one gap in the bundled map: the page said »1 huller«."""
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html_get(client, "/huller?scope=Skive+Kommune"))).split())
    assert "1 hul:" in text and "1 huller" not in text
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html_get(client, "/huller?scope=Skive+Kommune&lang=en"))).split())
    assert "1 gap:" in text
