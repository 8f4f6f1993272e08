"""Standard exports of the bundled map: each format says what the seed documents say, and reads back where it can.

Expected facts, from the documents: the Randers implementation group is a cross-sector implementation group
that reports to the Randers Cluster steering group (seed 000/001, "Organisatorisk placering"); Randersklyngen's
municipalities are Favrskov, Norddjurs, Randers and Syddjurs (domain.md, clusters table); the only person in
the bundled data is the contact person on the cover of seed 002.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib.compare import isomorphic

from graph.errors import InputError
from graph.export_rdf import graph_of_sources
from graph.exporting import ExportFormat, export, export_format, formats, register
from graph.model import Model, load
from graph.privacy import public_model

ID = "https://w3id.org/samarbejdskort/id/"
GROUP = ID + "forum/randers-implementeringsgruppe"
CLUSTER_SG = ID + "klyngestyregruppe/randers"
PLACEMENT = ID + "kilde/randers-kommissorium-udkast/organisatorisk-placering"
PERSON_NAME = "Louise Morris Jones"


def _edges(model: Model) -> set[tuple[str, str, str]]:
    return {(u, v, k) for u, v, k in model.nx.edges(keys=True)}


@pytest.mark.parametrize("name", ["turtle", "n-triples", "json-ld", "trig"])
def test_rdf_formats_read_back_into_the_same_map(bundled: Model, tmp_path: Path, name: str) -> None:
    fmt = export_format(name)
    assert fmt.reads_back
    path = tmp_path / f"kort.{fmt.suffix}"
    path.write_bytes(export(bundled, name))
    again = load([path])
    assert set(again.nx.nodes) == set(bundled.nx.nodes)
    assert _edges(again) == _edges(bundled)
    assert again.nx.nodes[GROUP]["label"] == bundled.nx.nodes[GROUP]["label"]
    if name != "trig":  # TriG adds the named graphs' provenance on top
        assert isomorphic(again.rdf, bundled.rdf)


def test_trig_puts_each_entity_in_the_graph_of_its_sources_and_says_so(bundled: Model) -> None:
    quads = list(ox.parse(export(bundled, "trig"), format=ox.RdfFormat.TRIG))
    group_graphs = {q.graph_name.value for q in quads if q.subject == ox.NamedNode(GROUP)}
    assert len(group_graphs) == 1, "all statements about one entity come from one set of sources"
    (graph_name,) = group_graphs
    sources = {q.object.value for q in quads if q.subject == ox.NamedNode(graph_name)}
    assert PLACEMENT in sources and ox.NamedNode(graph_name) == ox.NamedNode(
        str(graph_of_sources(bundled.nx.nodes[GROUP]["sources"]))
    )
    line = ID + "linje/randers-implementeringsgruppe-klyngestyregruppe"
    assert {q.graph_name for q in quads if q.subject == ox.NamedNode(line)} != {ox.DefaultGraph()}
    rdf_triples = {(q.subject, q.predicate, q.object) for q in quads if q.graph_name != ox.DefaultGraph()}
    assert len(rdf_triples) > 0.8 * len(bundled.rdf), "nearly every fact has a source; they live in named graphs"


def test_graphml_has_kinds_and_sectors_and_reads_back_with_networkx(bundled: Model, tmp_path: Path) -> None:
    path = tmp_path / "kort.graphml"
    path.write_bytes(export(bundled, "graphml"))
    g = nx.read_graphml(path)
    assert g.number_of_nodes() == bundled.nx.number_of_nodes()
    assert g.number_of_edges() == bundled.nx.number_of_edges()
    group = g.nodes[GROUP]
    assert (group["kind"], group["forum_kind"], group["sector"]) == ("forum", "ImplementationGroup", "cross_sector")
    assert g.nodes[ID + "kommune/randers"]["sector"] == "municipal"
    assert "Randersklyngen" in group["label"]
    assert any(d["kind"] == "reports_to" for d in g.get_edge_data(GROUP, CLUSTER_SG).values())
    assert g.nodes[CLUSTER_SG]["valid_until"] == "2026-12-31"
    assert "y:ShapeNode" in path.read_text(encoding="utf-8") or "ShapeNode" in path.read_text(encoding="utf-8")


def test_csv_edge_list_opens_in_gephi_and_excel(bundled: Model) -> None:
    raw = export(bundled, "csv-edges")
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM, so Excel reads æ, ø, å"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == bundled.nx.number_of_edges()
    assert {"Source", "Target", "Type", "Label"} <= set(rows[0])
    line = [r for r in rows if (r["Source"], r["Target"], r["Label"]) == (GROUP, CLUSTER_SG, "reports_to")]
    assert line and line[0]["target_label"] == "Klyngestyregruppen for Randersklyngen"
    assert PLACEMENT in line[0]["sources"].split()


def test_popolo_lists_the_cluster_members_from_the_documents(bundled: Model) -> None:
    doc = json.loads(export(bundled, "popolo"))
    orgs = {o["id"]: o for o in doc["organizations"]}
    assert orgs[GROUP]["classification"] == "ImplementationGroup"
    assert orgs[CLUSTER_SG]["dissolution_date"] == "2026-12-31"
    members = {
        m["member"]["id"] for m in doc["memberships"] if m["organization_id"] == ID + "klynge/randers" and "member" in m
    }
    municipalities = {m.rsplit("/", 1)[1] for m in members if "/kommune/" in m}
    assert municipalities == {"favrskov", "norddjurs", "randers", "syddjurs"}
    seats = [p for p in doc["posts"] if p.get("organization_id") == GROUP]
    assert seats and all(p["label"] for p in seats)
    assert len(doc["posts"]) == sum(1 for _, k in bundled.nx.nodes(data="kind") if k == "post")


def _text(data: bytes) -> str:
    """The text of an export; zip-based ones (xlsx, zipped CSV sheets) with every member unpacked."""
    if data.startswith(b"PK"):
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "\n".join(zf.read(n).decode("utf-8-sig") for n in zf.namelist())
    return data.decode("utf-8-sig")


def test_no_person_names_in_any_export_of_the_public_view(bundled: Model) -> None:
    for name in ("popolo", "xlsx", "csv"):
        assert PERSON_NAME in _text(export(bundled, name)), name
    public = public_model(bundled)
    for fmt in formats():
        text = _text(export(public, fmt.name))
        assert PERSON_NAME not in text and "louise-morris-jones" not in text, fmt.name


def test_unknown_format_names_the_known_ones_and_aliases_work(bundled: Model) -> None:
    with pytest.raises(InputError, match=r"unknown export format 'rdfxml'.*graphml"):
        export_format("rdfxml")
    assert export_format("TTL").name == "turtle" and export_format("jsonld").name == "json-ld"


def test_other_modules_register_formats(bundled: Model) -> None:
    register(
        ExportFormat("test-count", "text/plain", "txt", {"da": "antal", "en": "count"}, lambda m: b"%d" % len(m.nx))
    )
    try:
        assert export(bundled, "test-count") == str(bundled.nx.number_of_nodes()).encode()
    finally:
        from graph import exporting

        exporting._REGISTRY.pop("test-count")
        exporting._ALIASES.pop("test-count")
