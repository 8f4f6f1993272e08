"""Highlight adapters: answers' JSON in, node and edge sets out; then the real question modules."""

from __future__ import annotations

import datetime as dt

from graph import contacts, gaps, paths, reporting
from graph.model import Model
from viz.highlight import (
    Highlight,
    highlight_from_chain,
    highlight_from_contact,
    highlight_from_gaps,
    highlight_from_json,
    highlight_from_path,
)
from viz.views import collaboration_network, organisation_diagram


def ref(x: str) -> dict[str, str]:
    return {"id": x, "label": x.upper(), "kind": "forum"}


def test_chain_steps_become_nodes_and_typed_edges() -> None:
    answer = {
        "entity": ref("a"),
        "steps": [
            {"from": ref("a"), "to": ref("b"), "kind": "reports_to", "sources": [{"id": "src", "label": "Doc"}]},
            {"from": ref("b"), "to": ref("c"), "kind": "gives_status_to"},
        ],
        "tops": [ref("c")],
    }
    hl = highlight_from_chain(answer)
    assert hl.nodes == {"a", "b", "c"}
    assert hl.edges == {("a", "b", "reports_to"), ("b", "c", "gives_status_to")}
    assert hl.caption == "Rapporteringskæde: A"
    assert "src" not in hl.nodes  # sources are documents, not entities


def test_path_walks_and_reversed_relations() -> None:
    answer = {
        "from": ref("a"),
        "to": ref("c"),
        "paths": [
            {
                "nodes": [ref("a"), ref("b"), ref("c")],
                "steps": [
                    {"from": ref("a"), "to": ref("b"), "kind": "part_of", "relation": "er del af"},
                    {"from": ref("b"), "to": ref("c"), "relation": "member_of^-1"},
                ],
            }
        ],
    }
    hl = highlight_from_path(answer, "en")
    assert hl.nodes == {"a", "b", "c"}
    assert ("a", "b", "part_of") in hl.edges and ("b", "c", "member_of") in hl.edges
    assert hl.caption == "Path: A → C"


def test_contact_keeps_asker_contacts_and_why_but_not_topics() -> None:
    answer = {
        "topic": {"query": "sparring", "id": "t", "label": "sparring", "kind": "topic"},
        "matched_topics": [{"id": "t", "label": "sparring"}],
        "asker": ref("asker"),
        "answers": [
            {
                "who": ref("unit"),
                "topic": {"id": "t", "label": "sparring", "kind": "topic"},
                "reach": [{"id": "cp", "label": "Postkasse", "kind": "contact_point"}],
                "why": [{"from": ref("asker"), "to": ref("unit"), "relation": "channel_to^-1"}],
            }
        ],
        "gaps": [{"kind": "missing_contact_person", "entity": ref("unit"), "text": "Ingen fast kontaktperson"}],
    }
    hl = highlight_from_contact(answer)
    assert hl.nodes == {"asker", "unit"}
    assert hl.edges == {("asker", "unit", "channel_to")}
    assert hl.gaps == {"unit"} and hl.reasons["unit"] == "Ingen fast kontaktperson"
    assert hl.caption == "Hvem kontakter jeg: sparring"


def test_gaps_and_generic_json_and_merge() -> None:
    gaps = highlight_from_gaps({"gaps": [{"entity": ref("s"), "text": "Vakant"}, {"entity": ref("s"), "text": "Igen"}]})
    assert gaps.gaps == {"s"} and gaps.reasons["s"] == "Vakant; Igen" and not gaps.nodes
    generic = highlight_from_json({"nodes": [ref("x"), "y", ref("z")]})
    assert not highlight_from_json({"route": [ref("x"), ref("y")]}).edges  # no answer has a "route"
    assert ("x", "y", "") in generic.edges and ("y", "z", "") in generic.edges
    merged = generic.merge(gaps)
    assert merged.gaps == {"s"} and merged.nodes == generic.nodes
    assert not Highlight()


# ---------------------------------------------------------------------------- the real question modules
RANDERS = "https://w3id.org/samarbejdskort/id/forum/randers-implementeringsgruppe"
ON = dt.date(2025, 6, 1)


def test_real_chain_highlights_the_randers_chain(bundled: Model) -> None:
    answer = reporting.chain(bundled, RANDERS, on=ON).as_json()
    hl = highlight_from_chain(answer)
    d = organisation_diagram(bundled, on=ON, highlight=hl)
    marked = {n.id for n in d.nodes if "highlight" in n.flags}
    assert RANDERS in marked and "https://w3id.org/samarbejdskort/id/ssu" in marked
    assert any("highlight" in e.flags and e.kind == "reports_to" for e in d.edges)


def test_real_path_and_contact_and_gaps_overlay_the_network(bundled: Model) -> None:
    answer = paths.find_paths(bundled, "Randers Kommune", "BUA", on=ON).as_json()
    d = collaboration_network(bundled, on=ON, highlight=highlight_from_path(answer))
    assert sum("highlight" in e.flags for e in d.edges) >= 1
    answer = contacts.contact(bundled, "faglig sparring", "Randers Kommune", on=ON).as_json()
    hl = highlight_from_contact(answer)
    assert hl.nodes
    report = gaps.find_gaps(bundled, on=ON).as_json()
    g = highlight_from_gaps(report)
    d = organisation_diagram(bundled, on=ON, highlight=g)
    assert any("gap" in n.flags for n in d.nodes)
