"""The JSON API as a client uses it: shapes equal to the CLI's --json, ETags, media types, errors."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from graph.describe import describe
from graph.model import Model
from graph.privacy import public_model
from graph.reporting import chain
from tests.api.conftest import EVIL_IRI, EVIL_LABEL, ID, READER_TOKEN

DAY = "2026-01-15"
ON = dt.date(2026, 1, 15)


def ok(client: TestClient, url: str, **kwargs: object) -> dict | list:
    r = client.get(url, **kwargs)  # type: ignore[arg-type]
    assert r.status_code == 200, (url, r.status_code, r.text[:500])
    return r.json()


def canon(obj: object) -> object:
    """JSON with every list sorted: for results whose list order is not part of the contract."""
    if isinstance(obj, dict):
        return {k: canon(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return sorted((canon(v) for v in obj), key=lambda v: json.dumps(v, sort_keys=True, default=str))
    return obj


# ------------------------------------------------------------------------------------------ entities
def test_search_finds_by_abbreviation_and_filters_by_kind(client: TestClient) -> None:
    hits = ok(client, "/api/search?q=BUA&limit=5")
    assert hits[0]["id"] == ID + "bua" and set(hits[0]) == {"id", "label", "kind"}
    units = ok(client, "/api/search", params={"q": "BUA", "kinds": "unit"})
    assert units and {h["kind"] for h in units} == {"unit"}


def test_search_with_repeated_and_comma_kinds_and_empty_query_lists_the_kinds(client: TestClient) -> None:
    both = ok(client, "/api/search?kinds=organisation,unit&limit=500")
    assert {h["kind"] for h in both} == {"organisation", "unit"}
    again = ok(client, "/api/search?kinds=organisation&kinds=unit&limit=500")
    assert again == both
    assert [h["label"].casefold() for h in both] == sorted(h["label"].casefold() for h in both)


def test_search_rejects_an_unknown_kind(client: TestClient) -> None:
    r = client.get("/api/search?q=x&kinds=spaceship")
    assert r.status_code == 422
    assert r.json()["error"] == "bad_input" and "spaceship" in r.json()["message"]


def test_topic_autocomplete_lists_all_topics_and_matches_free_text(client: TestClient) -> None:
    every = ok(client, "/api/topics")
    assert len(every) >= 10 and {t["kind"] for t in every} == {"topic"}
    matched = ok(client, "/api/topics", params={"q": "faglig sparring"})
    assert matched[0]["id"] == ID + "emne/sparring"
    assert {"score", "via", "matched_label", "from"} <= set(matched[0])


def test_topic_autocomplete_unknown_text_gives_404_with_suggestions(client: TestClient) -> None:
    r = client.get("/api/topics", params={"q": "sparing"})  # a typo close to "sparring"
    assert r.status_code in (200, 404)
    if r.status_code == 404:
        assert r.json()["error"] == "not_found" and "suggestions" in r.json()


def served(client: TestClient) -> Model:
    """The model the app serves (from the store), to compare with a direct call of the same function."""
    return client.app.state.store.model()  # type: ignore[attr-defined,no-any-return]


def test_entity_json_is_the_cli_show_json(client: TestClient) -> None:
    got = ok(client, f"/api/entities?id=BUA&date={DAY}")
    want = describe(served(client), ID + "bua", lang="da", on=ON, include_personal=False)
    assert canon(got) == canon(json.loads(json.dumps(want, default=str)))  # describe leaves member_of unsorted


def test_entity_by_path_name_iri_and_english(client: TestClient) -> None:
    by_name = ok(client, "/api/entities/Psykiatriforum")
    by_iri = ok(client, "/api/entities/" + quote(ID + "psykiatriforum", safe=""))
    assert by_name["id"] == by_iri["id"] == ID + "psykiatriforum"
    en = ok(client, "/api/entities/Psykiatriforum?lang=en")
    assert en["label"] == "Psychiatry Forum"


def test_entity_path_with_danish_letters_percent_encoded(client: TestClient) -> None:
    name = "Rådgivningsenheden, BUA"
    got = ok(client, "/api/entities/" + quote(name, safe=""))
    assert got["label"] == name


def test_unknown_entity_is_404_with_suggestions(client: TestClient) -> None:
    r = client.get("/api/entities/Psykiatriforumm")
    assert r.status_code == 404
    body = r.json()
    assert body["error"] == "not_found"
    assert any(s["id"] == ID + "psykiatriforum" for s in body["suggestions"])


def test_ambiguous_name_in_the_bundled_data_is_409_with_candidates(client: TestClient) -> None:
    r = client.get("/api/entities/Randers")
    assert r.status_code == 409
    labels = {c["label"] for c in r.json()["candidates"]}
    assert {"Randers Kommune", "Regionshospitalet Randers"} <= labels


def test_ambiguous_entity_is_409_with_candidates(evil_client: TestClient) -> None:
    r = evil_client.get("/api/entities/Randers")
    assert r.status_code == 409
    body = r.json()
    assert body["error"] == "ambiguous"
    assert {c["label"] for c in body["candidates"]} == {"Randers Kommune", "Randers Sygehus"}


def test_bad_date_and_bad_lang_are_422(client: TestClient) -> None:
    r = client.get("/api/entities?id=BUA&date=2026-13-01")
    assert r.status_code == 422 and r.json()["error"] == "bad_input" and "2026-13-01" in r.json()["message"]
    r = client.get("/api/entities?id=BUA&lang=fr")
    assert r.status_code == 422 and r.json()["error"] == "bad_input" and r.json()["detail"]


def test_anonymous_callers_never_get_a_persons_name_email_or_phone(client: TestClient) -> None:
    assert client.get("/api/entities/" + quote("Louise Morris Jones")).status_code == 404
    assert ok(client, "/api/search?q=" + quote("Louise Morris Jones")) == []
    group = ok(client, "/api/entities/" + quote("implementeringsgruppe Randersklyngen"))
    for text in (json.dumps(group), client.get("/api/gaps").text, client.get("/").text):
        assert "Louise" not in text and "lmjo@" not in text and "51328216" not in text


def test_signed_in_callers_get_personal_contact_data(client: TestClient) -> None:
    url = "/api/entities/" + quote("Louise Morris Jones")
    person = ok(client, url, headers={"Authorization": f"Bearer {READER_TOKEN}"})
    assert "lmjo@syddjurs.dk" in json.dumps(person)
    assert client.get(url, headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_export_withholds_personal_contact_data_from_anonymous_callers(client: TestClient) -> None:
    assert b"lmjo@" not in client.get("/api/export?format=n-triples").content
    signed_in = client.get("/api/export?format=n-triples", headers={"Authorization": f"Bearer {READER_TOKEN}"})
    assert b"lmjo@syddjurs.dk" in signed_in.content


# ------------------------------------------------------------------------------------------ questions
def test_chain_json_is_the_cli_json(client: TestClient) -> None:
    got = ok(client, f"/api/chain?entity=Psykiatriforum&date={DAY}")
    assert got == json.loads(json.dumps(chain(served(client), "Psykiatriforum", on=ON).as_json("da"), default=str))
    assert [r["id"] for r in got["primary"]][:2] == [ID + "psykiatriforum", ID + "ssg"]


def test_chain_needs_an_entity(client: TestClient) -> None:
    assert client.get("/api/chain").status_code == 422


def test_path_json_is_the_cli_json(client: TestClient) -> None:
    from graph.paths import find_paths

    url = f"/api/path?a=PPR, Favrskov Kommune&b=BUA&date={DAY}&via=membership,hierarchy"
    got = ok(client, url)
    want = find_paths(served(client), "PPR, Favrskov Kommune", "BUA", via="membership,hierarchy", on=ON).as_json("da")
    assert got == json.loads(json.dumps(want, default=str))
    assert got["paths"] and got["via"] == ["membership", "hierarchy"]


def test_path_with_unknown_via_group_is_422(client: TestClient) -> None:
    r = client.get("/api/path?a=BUA&b=Psykiatriforum&via=telepathy")
    assert r.status_code == 422 and "telepathy" in r.json()["message"]


def test_contact_answers_with_the_advice_unit_and_its_conditions(client: TestClient) -> None:
    got = ok(client, "/api/contact", params={"topic": "faglig sparring", "asker": "Favrskov Kommune", "date": DAY})
    assert ID + "bua/raadgivningsenhed" in json.dumps(got)
    assert "conditions" in json.dumps(got)


def test_contact_json_is_the_cli_json(client: TestClient) -> None:
    from graph.contacts import contact

    got = ok(client, "/api/contact", params={"topic": "sparring", "asker": "Favrskov Kommune", "date": DAY})
    # anonymous callers get the public view: the Randers group's contact person (seed 002) stays opaque
    want = contact(public_model(served(client)), "sparring", "Favrskov Kommune", on=ON).as_json("da")
    assert "Louise" not in json.dumps(got, ensure_ascii=False)
    assert got == json.loads(json.dumps(want, default=str))


def test_contact_unknown_topic_is_404_with_suggestions(client: TestClient) -> None:
    r = client.get("/api/contact", params={"topic": "zzzqqq"})
    assert r.status_code == 404 and r.json()["error"] == "not_in_sources" and r.json()["suggestions"]


def test_gaps_json(client: TestClient) -> None:
    from graph.gaps import find_gaps

    got = ok(client, f"/api/gaps?date={DAY}")
    public = public_model(served(client))  # what an anonymous caller is answered from
    assert got == json.loads(json.dumps(find_gaps(public, on=ON).as_json("da"), default=str))


# ------------------------------------------------------------------------------------------ data
def test_reads_carry_the_store_version_as_etag(client: TestClient) -> None:
    stats = client.get("/api/stats")
    etag = stats.headers["etag"]
    assert etag.strip('"') == client.app.state.store.version  # type: ignore[attr-defined]
    assert client.get("/api/search?q=BUA").headers["etag"] == etag
    assert "etag" not in client.get("/api/entities/nonexistent-thing-xyz").headers


def test_stats_shape(client: TestClient) -> None:
    stats = ok(client, "/api/stats")
    assert stats["nodes"] > 50 and stats["node_kinds"]["forum"] >= 5
    assert stats["version"] == served(client).version


def test_validate_is_the_cli_payload(client: TestClient) -> None:
    got = ok(client, "/api/validate")
    assert got["conforms"] is True and got["violations"] == []
    assert all({"id", "label", "rule", "message", "severity", "sources"} <= set(w) for w in got["warnings"])
    en = ok(client, "/api/validate?lang=en")
    assert len(en["warnings"]) == len(got["warnings"])


@pytest.mark.parametrize(
    ("fmt", "media"),
    [("turtle", "text/turtle"), ("json-ld", "application/ld+json"), ("n-triples", "application/n-triples")],
)
def test_export_media_types(client: TestClient, fmt: str, media: str) -> None:
    r = client.get(f"/api/export?format={fmt}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert "Børne- og Ungdomspsykiatrisk" in r.content.decode("utf-8")
    if fmt == "json-ld":
        assert json.loads(r.content)


def test_export_unknown_format_is_422(client: TestClient) -> None:
    assert client.get("/api/export?format=rdfxml").status_code == 422


SELECT_FORUMS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?f ?label WHERE {
  ?f skos:prefLabel ?label . FILTER(lang(?label) = "da" && CONTAINS(?label, "forum"))
} ORDER BY ?label
"""


def test_sparql_get_and_both_post_forms(client: TestClient) -> None:
    r = client.get("/api/sparql", params={"query": SELECT_FORUMS})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    labels = [b["label"]["value"] for b in r.json()["results"]["bindings"]]
    assert "Psykiatriforum" in labels
    form = client.post("/api/sparql", data={"query": SELECT_FORUMS})
    body = client.post(
        "/api/sparql", content=SELECT_FORUMS.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert form.status_code == body.status_code == 200
    assert form.json()["results"] == body.json()["results"] == r.json()["results"]


def test_sparql_limit_from_settings(client: TestClient) -> None:
    limit = client.app.state.settings.sparql_limit  # type: ignore[attr-defined]
    r = client.get("/api/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.status_code == 200 and len(r.json()["results"]["bindings"]) <= limit


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "LOAD <http://example.org/data.ttl>",
    ],
)
def test_sparql_updates_service_and_load_are_refused(client: TestClient, query: str) -> None:
    for r in (client.get("/api/sparql", params={"query": query}), client.post("/api/sparql", data={"query": query})):
        assert 400 <= r.status_code < 500, (query, r.status_code)
        assert "error" in r.json()
    assert client.get("/api/sparql", params={"query": SELECT_FORUMS}).status_code == 200  # data untouched


def test_bad_sparql_is_422(client: TestClient) -> None:
    r = client.get("/api/sparql", params={"query": "SELEC nonsense {"})
    assert r.status_code == 422 and r.json()["error"] in ("bad_input", "bad_query")
    assert client.post("/api/sparql", data={}).status_code == 422


# ------------------------------------------------------------------------------------------ diagrams
@pytest.mark.parametrize("view", ["organisation", "network", "ego"])
def test_diagrams_html_svg_json(client: TestClient, view: str) -> None:
    query = "?id=Psykiatriforum" if view == "ego" else ""
    html = client.get(f"/api/diagrams/{view}.html{query}")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert 'src="http' not in html.text and 'href="http' not in html.text
    svg = client.get(f"/api/diagrams/{view}.svg{query}")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert ok(client, f"/api/diagrams/{view}.json{query}")["nodes"]


def test_diagram_pdf_and_png(client: TestClient) -> None:
    pdf = client.get("/api/diagrams/organisation.pdf?id=Psykiatriforum")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    png = client.get("/api/diagrams/ego.png?id=Psykiatriforum")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    assert client.get("/api/diagrams/ego.gif?id=Psykiatriforum").status_code == 422


def test_diagram_ego_needs_an_entity_and_unknown_view_is_422(client: TestClient) -> None:
    assert client.get("/api/diagrams/ego.html").status_code == 422
    assert client.get("/api/diagrams/spaghetti.html").status_code == 422


def test_diagram_labels_are_escaped(evil_client: TestClient) -> None:
    html = evil_client.get("/api/diagrams/network.html").text
    assert EVIL_LABEL not in html


# ------------------------------------------------------------------------------------------ docs
def test_openapi_lists_the_read_endpoints(client: TestClient) -> None:
    paths = ok(client, "/openapi.json")["paths"]
    for p in ("/api/search", "/api/topics", "/api/entities", "/api/chain", "/api/path", "/api/stats", "/api/sparql"):
        assert p in paths, p
    assert not any(p.startswith(("/enhed", "/kontakt")) for p in paths), "pages are not API"


def test_evil_entity_json_keeps_the_label_verbatim(evil_client: TestClient) -> None:
    assert ok(evil_client, "/api/entities?id=" + quote(EVIL_IRI))["label"] == EVIL_LABEL
