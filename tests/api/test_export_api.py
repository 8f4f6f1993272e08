"""``/api/export`` in every registered format: media types, the public view for anonymous callers, 422."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import READER_TOKEN

PERSON = "Louise Morris Jones"


@pytest.mark.parametrize(
    ("fmt", "media", "needle"),
    [
        ("trig", "application/trig", ""),
        ("graphml", "application/graphml+xml", "ImplementationGroup"),
        ("csv-edges", "text/csv", "reports_to"),
        ("popolo", "application/json", "Klyngestyregruppen for Randersklyngen"),
    ],
)
def test_export_new_formats(client: TestClient, fmt: str, media: str, needle: str) -> None:
    r = client.get("/api/export", params={"format": fmt})
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith(media)
    text = r.content.decode("utf-8-sig")
    if fmt == "trig":
        quads = ox.parse(r.content, format=ox.RdfFormat.TRIG)
        assert len({q.graph_name for q in quads}) > 10, "one named graph per set of sources"
    else:
        assert needle in text


def test_anonymous_popolo_and_csv_have_no_person_names_signed_in_do(client: TestClient) -> None:
    anon = client.get("/api/export?format=popolo").json()
    assert PERSON not in json.dumps(anon, ensure_ascii=False)
    signed = client.get("/api/export?format=popolo", headers={"Authorization": f"Bearer {READER_TOKEN}"}).json()
    assert PERSON in {p["name"] for p in signed["persons"]}
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export?format=csv-edges").content.decode("utf-8-sig"))))
    assert rows and not [r for r in rows if PERSON in r["source_label"] or PERSON in r["target_label"]]


def test_export_formats_are_listed_and_unknown_is_422(client: TestClient) -> None:
    names = {f["name"] for f in client.get("/api/export/formats").json()}
    assert {"turtle", "trig", "json-ld", "n-triples", "graphml", "csv-edges", "popolo"} <= names
    r = client.get("/api/export?format=rdfxml")
    assert r.status_code == 422 and "graphml" in r.text
