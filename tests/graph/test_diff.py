"""Diff in words, checked against counts computed independently with plain rdflib set differences.

The Berlin finance organigram exists in two real versions (2024 and 2025); every IRI changed between them,
so the diff matches bodies by name. Independently of our loader and projection, rdflib gives the sets of
organisation names and person names in each file; the diff must account for every name that appears or
disappears: as a new or ended body, or as one side of a rename (whose two names must be among those sets).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace

from graph.diff import diff
from graph.model import Model, load, model_from_graph
from graph.store import open_store
from graph.store_history import model_at
from tests.cli.support import as_json, run
from tests.conftest import INTEROP

ORG = Namespace("http://www.w3.org/ns/org#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ID = "https://w3id.org/samarbejdskort/id/"


def _orgs(g: Graph) -> set[str]:
    bodies = set(g.subjects(RDF.type, ORG.Organization)) | set(g.subjects(ORG.hasPost, None))
    bodies |= set(g.subjects(ORG.hasSubOrganization, None)) | set(g.objects(None, ORG.hasSubOrganization))
    bodies |= set(g.objects(None, ORG.hasUnit)) | set(g.subjects(ORG.hasUnit, None))
    return {" ".join(str(g.value(b, SKOS.prefLabel)).split()) for b in bodies}


def _people(g: Graph) -> set[str]:
    out = set()
    for p in g.subjects(ORG.holds, None):
        out.add(" ".join(f"{g.value(p, VCARD['given-name'])} {g.value(p, VCARD['family-name'])}".split()))
    return out


@pytest.fixture(scope="module")
def berlin() -> tuple[Path, Path]:
    old, new = INTEROP / "berlin" / "old" / "SenFin.ttl", INTEROP / "berlin" / "SenFin.ttl"
    assert old.exists() and new.exists(), "the shared Berlin organigrams are missing"
    return old, new


def test_berlin_bodies_and_renames_account_for_every_name(berlin: tuple[Path, Path]) -> None:
    old, new = berlin
    g_old, g_new = Graph().parse(old), Graph().parse(new)
    came, went = _orgs(g_new) - _orgs(g_old), _orgs(g_old) - _orgs(g_new)
    d = diff(load([old]), load([new])).as_json("en")
    renamed = [(r["old"]["label"], r["new"]["label"]) for r in d["renamed"]]
    assert {n for _, n in renamed} <= came and {o for o, _ in renamed} <= went
    assert {r["label"] for r in d["new_bodies"]} == came - {n for _, n in renamed}
    assert {r["label"] for r in d["ended_bodies"]} == went - {o for o, _ in renamed}
    assert ("Abteilung I - Vermögen und Beteiligungen", "Abteilung I") in renamed
    assert ("Staatssekretariat Geschäftsbereich A", "Geschäftsbereich A") in renamed
    assert d["counts"]["new_bodies"] + d["counts"]["renamed"] == len(came) == 30


def test_berlin_people_who_came_and_went(berlin: tuple[Path, Path]) -> None:
    old, new = berlin
    g_old, g_new = Graph().parse(old), Graph().parse(new)
    d = diff(load([old]), load([new])).as_json()
    assert set(d["new_persons"]) == _people(g_new) - _people(g_old)
    assert set(d["gone_persons"]) == _people(g_old) - _people(g_new)


def test_berlin_hierarchy_changes_match_the_parent_links(berlin: tuple[Path, Path]) -> None:
    old, new = berlin

    def pairs(g: Graph) -> set[tuple[str, str]]:
        name = lambda n: " ".join(str(g.value(n, SKOS.prefLabel)).split())  # noqa: E731
        out = {(name(c), name(p)) for p, c in g.subject_objects(ORG.hasSubOrganization)}
        out |= {(name(c), name(p)) for p, c in g.subject_objects(ORG.hasUnit)}
        return out

    d = diff(load([old]), load([new])).as_json()
    rename = {r["old"]["label"]: r["new"]["label"] for r in d["renamed"]}
    before = {(rename.get(c, c), rename.get(p, p)) for c, p in pairs(Graph().parse(old))}
    after = pairs(Graph().parse(new))
    added = {(r["from"]["label"], r["to"]["label"]) for r in d["lines_added"] if r["kind"] == "part_of"}
    removed = {(r["from"]["label"], r["to"]["label"]) for r in d["lines_removed"] if r["kind"] == "part_of"}
    added |= {(m["entity"]["label"], m["to"]["label"]) for m in d["moved"]}
    removed |= {
        (rename.get(m["entity"]["label"], m["entity"]["label"]), rename.get(m["from"]["label"], m["from"]["label"]))
        for m in d["moved"]
    }
    assert added == after - before
    assert {(rename.get(c, c), rename.get(p, p)) for c, p in removed} == before - after


_DIFF = """
import json, sys
from graph.diff import diff
from graph.model import load
print(json.dumps(diff(load([sys.argv[1]]), load([sys.argv[2]])).as_json("en"), default=str))
"""


def test_berlin_diff_does_not_depend_on_the_hash_seed(berlin: tuple[Path, Path]) -> None:
    """The renames were listed in set order: another process could list them in another order."""
    root = Path(__file__).resolve().parents[2]

    def dump(seed: str) -> str:
        argv = [sys.executable, "-c", _DIFF, *map(str, berlin)]
        env = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run(argv, env=env, cwd=root, capture_output=True, text=True, check=True).stdout

    first = dump("1")
    assert '"renamed": [{' in first
    assert dump("2") == first


def test_a_version_compared_with_itself_has_no_changes(bundled: Model) -> None:
    d = diff(bundled, bundled).as_json()
    assert d["text"] == [] and not any(d["counts"].values())


def test_our_own_edits_in_words(bundled: Model) -> None:
    g = Graph()
    for t in bundled.rdf:
        g.add(t)
    from rdflib import Literal, URIRef

    ssg = URIRef(ID + "ssg")
    g.remove((ssg, SKOS.prefLabel, Literal("Sundhedsstyregruppen", lang="da")))
    g.add((ssg, SKOS.prefLabel, Literal("Sundhedsstyregruppen Midt", lang="da")))
    line = URIRef(ID + "linje/randers-implementeringsgruppe-klyngestyregruppe")
    g.remove((line, None, None))
    changed = model_from_graph(g)
    d = diff(bundled, changed).as_json("da")
    assert [(r["old"]["label"], r["new"]["label"], r["how"]) for r in d["renamed"]] == [
        ("Sundhedsstyregruppen", "Sundhedsstyregruppen Midt", "same_id")
    ]
    assert [(r["from"]["id"], r["to"]["id"], r["kind"]) for r in d["lines_removed"]] == [
        (ID + "forum/randers-implementeringsgruppe", ID + "klyngestyregruppe/randers", "reports_to")
    ]
    assert "Omdøbt: Sundhedsstyregruppen → Sundhedsstyregruppen Midt" in d["text"]


def test_two_moments_of_the_store_via_the_change_log(tmp_path: Path) -> None:
    store = open_store(tmp_path / "store")
    try:
        seat = ID + "forum/randers-implementeringsgruppe/plads/praksiskonsulent"
        store.apply(
            [{"op": "fill_seat", "seat": seat, "name": "Frida Frisk"}],
            user="test",
            reason="udpeget",
            if_match=store.version,
        )
        edit, seed = store.history(2)
        d = diff(model_at(store, seed.at), model_at(store, edit.at)).as_json("da")
        change = next(h for h in d["holder_changes"] if h["post"]["id"] == seat)
        assert (change["from"], change["to"]) == ([], ["Frida Frisk"])
        assert d["new_persons"] == ["Frida Frisk"]
    finally:
        store.close()
    result = run("diff", seed.at.isoformat(), edit.at.isoformat(), "--store", str(tmp_path / "store"), "--json")
    assert as_json(result)["new_persons"] == ["Frida Frisk"]
    early = run("diff", "2001-01-01", edit.at.isoformat(), "--store", str(tmp_path / "store"))
    assert early.exit_code == 2 and "change log starts" in early.stderr


def test_cli_diff_of_files_in_danish(berlin: tuple[Path, Path]) -> None:
    old, new = berlin
    result = run("diff", str(old), str(new))
    assert result.exit_code == 0, result.output
    assert "• Omdøbt: Abteilung I - Vermögen und Beteiligungen → Abteilung I" in result.stdout
    assert run("diff", str(old), "2026-01-01").exit_code == 2  # a date needs a store
