"""Popolo JSON reads back: the exported map returns with the same organisations, posts and memberships."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import DataFileError
from graph.exporting import export
from graph.model import Model, load
from graph.popolo import popolo_document

ID = "https://w3id.org/samarbejdskort/id/"


def _comparable(doc: dict) -> dict:
    """Source notes carry document titles Popolo cannot hold; their URLs (the section IRIs) must survive."""
    out = {}
    for key, records in doc.items():
        out[key] = {r["id"]: {**r, "sources": sorted(s["url"] for s in r.get("sources", []))} for r in records}
    return out


def test_exported_popolo_reads_back_into_the_same_structure(bundled: Model, tmp_path: Path) -> None:
    path = tmp_path / "kort.popolo.json"
    path.write_bytes(export(bundled, "popolo"))
    again = load([path])
    assert again.files[0].format == "popolo"
    assert _comparable(popolo_document(again)) == _comparable(popolo_document(bundled))
    group = again.nx.nodes[ID + "forum/randers-implementeringsgruppe"]
    assert (group["kind"], group["forum_kind"]) == ("forum", "ImplementationGroup")
    assert again.nx.nodes[ID + "klyngestyregruppe/randers"]["valid_until"].isoformat() == "2026-12-31"


def test_a_foreign_popolo_file_with_plain_ids(tmp_path: Path) -> None:
    doc = {
        "organizations": [
            {"id": "kommune", "name": "Syddjurs Kommune"},
            {"id": "ppr", "name": "PPR Syddjurs", "classification": "unit", "parent_id": "kommune"},
        ],
        "persons": [{"id": "p1", "name": "Anne Æblø"}],
        "posts": [{"id": "leder", "label": "Leder af PPR", "organization_id": "ppr"}],
        "memberships": [{"id": "m1", "person_id": "p1", "post_id": "leder", "organization_id": "ppr"}],
    }
    path = tmp_path / "syddjurs.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    model = load([path])
    ppr = model.resolve("PPR Syddjurs")
    assert model.nx.nodes[ppr]["kind"] == "unit"
    assert [model.label(v) for _, v, k in model.nx.out_edges(ppr, keys=True) if k == "part_of"] == ["Syddjurs Kommune"]
    leader = model.resolve("Leder af PPR")
    holders = [model.label(u) for u, _, k in model.nx.in_edges(leader, keys=True) if k == "holds"]
    assert holders == ["Anne Æblø"]


def test_broken_popolo_is_refused_with_file_and_place(tmp_path: Path) -> None:
    bad_json = tmp_path / "a.json"
    bad_json.write_text('{"organizations": [\n{"id": "x",\n}]}', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"a\.json, line 3: JSON syntax error"):
        load([bad_json])
    no_id = tmp_path / "b.json"
    no_id.write_text(json.dumps({"organizations": [{"name": "Uden id"}]}), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"organizations\[0\]: missing or empty id"):
        load([no_id])
    bad_iri = tmp_path / "c.json"
    bad_iri.write_text(json.dumps({"organizations": [{"id": "http://x.org/a#c#d", "name": "X"}]}), encoding="utf-8")
    with pytest.raises(DataFileError, match="not a valid IRI"):
        load([bad_iri])


def test_a_stray_type_in_an_optional_field_reads_as_absent(tmp_path: Path) -> None:
    """A list where Popolo has a string, or a number where it has a list, used to end in a TypeError."""
    doc = {
        "organizations": [
            {"id": "a", "name": "A", "classification": ["unit"], "status": {"x": 1}, "other_names": 5},
            {"id": "b", "name": "B", "other_names": [{"name": 5}, {"name": "Bee", "note": "en"}], "sources": 7},
            {"id": "c", "name": "C", "sources": [{"url": "se: side 4"}, {"url": "https://example.org/kilde"}]},
        ],
        "posts": [{"id": "p", "label": "P", "organization_id": "a", "role": ["chair"]}],
    }
    path = tmp_path / "stray.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    model = load([path])
    a, b, c = (model.resolve(name) for name in ("A", "B", "C"))
    assert model.nx.nodes[a]["kind"] == "organisation"
    assert model.nx.nodes[b]["label_en"] == "Bee"
    assert model.nx.nodes[c]["sources"] == ("https://example.org/kilde",)
    assert model.nx.nodes[model.resolve("P")].get("role") is None
