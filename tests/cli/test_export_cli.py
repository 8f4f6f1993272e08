"""``samarbejdskort export`` as a coordinator runs it: every format, to a file or stdout, and back in."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graph.model import Model
from tests.cli.support import as_json, run

ID = "https://w3id.org/samarbejdskort/id/"


def test_export_trig_to_a_file_and_read_it_back_with_data(bundled: Model, tmp_path: Path) -> None:
    out = tmp_path / "kort æøå.trig"
    result = run("export", "--format", "trig", "--out", str(out))
    assert result.exit_code == 0, result.output
    stats = as_json(run("stats", "--json", "--data", str(out)))
    assert stats["nodes"] == bundled.nx.number_of_nodes() and stats["edges"] == bundled.nx.number_of_edges()
    chain = as_json(
        run("chain", ID + "forum/randers-implementeringsgruppe", "--date", "2026-06-01", "--json", "--data", str(out))
    )
    assert ID + "klyngestyregruppe/randers" in json.dumps(chain)


def test_export_graphml_for_yed_and_gephi(bundled: Model, tmp_path: Path) -> None:
    out = tmp_path / "kort.graphml"
    assert run("export", "-f", "graphml", "-o", str(out)).exit_code == 0
    g = nx.read_graphml(out)
    assert g.nodes[ID + "kommune/syddjurs"]["sector"] == "municipal"
    assert g.nodes[ID + "ssu"]["kind"] == "forum"


def test_export_popolo_to_stdout_and_the_public_view_has_no_names() -> None:
    full = run("export", "--format", "popolo")
    assert full.exit_code == 0
    assert "Louise Morris Jones" in {p["name"] for p in json.loads(full.stdout)["persons"]}
    public = run("export", "--format", "popolo", "--offentlig")
    assert public.exit_code == 0 and "Louise Morris Jones" not in public.stdout


def test_export_list_and_bad_input() -> None:
    listed = as_json(run("export", "--list", "--json"))
    assert {"turtle", "trig", "json-ld", "graphml", "csv-edges", "popolo"} <= {f["name"] for f in listed["formats"]}
    bad = run("export", "--format", "rdfxml")
    assert bad.exit_code == 2 and "rdfxml" in bad.stderr and "graphml" in bad.stderr
    nowhere = run("export", "--out", "/nonexistent-folder/kort.ttl")
    assert nowhere.exit_code == 2 and "does not exist" in nowhere.stderr
