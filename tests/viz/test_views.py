"""Views on small inline graphs: what is drawn, on which level, how it is marked, and what filters keep."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.errors import EntityNotFound, InputError
from graph.model import Model
from tests.viz.conftest import ns
from viz.diagram import Diagram, Filters
from viz.highlight import Highlight
from viz.views import collaboration_network, ego_view, organisation_diagram

ON = dt.date(2025, 6, 1)


def by_id(d: Diagram) -> dict[str, object]:
    return {n.id: n for n in d.nodes}


def edge_kinds(d: Diagram, u: str, v: str) -> set[str]:
    return {e.kind for e in d.edges if {e.u, e.v} == {ns(u), ns(v)}}


def test_organisation_levels_follow_reporting_lines_top_down(structure: Model) -> None:
    d = organisation_diagram(structure, on=ON)
    n = by_id(d)
    assert d.hierarchical and d.view == "organisation"
    assert n[ns("ssu")].level == 0
    assert n[ns("ssu")].level < n[ns("ksg")].level < n[ns("ig")].level
    assert n[ns("ssg")].level < n[ns("kosu")].level  # raises decisions to SSG: drawn below it
    levels = sorted({x.level for x in d.nodes})
    assert levels == list(range(len(levels)))  # compact: no empty rows


def test_parallel_lines_are_kept_apart_and_proposed_ones_marked(structure: Model) -> None:
    d = organisation_diagram(structure, on=ON)
    assert edge_kinds(d, "ig", "ksg") == {"reports_to"}
    assert edge_kinds(d, "kosu", "ssg") == {"raises_decisions_to"}
    (lateral,) = [e for e in d.edges if e.kind == "communicates_with"]
    assert "proposed" in lateral.flags and lateral.label == "foreslået"
    assert {le.key for le in d.legend if le.what == "edge"} >= {
        "reports_to",
        "raises_decisions_to",
        "communicates_with",
    }


def test_seats_hang_under_their_forum_with_vacancy_reason(structure: Model) -> None:
    d = organisation_diagram(structure, on=ON)
    n = by_id(d)
    ig = n[ns("ig")]
    seats = [x for x in d.nodes if x.parent == ns("ig") and x.kind == "post"]
    assert {s.id for s in seats} == {ns("formand"), ns("praksis"), ns("laege")}
    assert all(s.level == ig.level + 1 for s in seats)
    vacant = n[ns("praksis")]
    assert "vacant" in vacant.flags and "VAKANT" in vacant.label
    assert "Kilden angiver pladsen som vakant" in vacant.tooltip
    assert "Kommissorium for implementeringsgruppen" in vacant.tooltip  # source in the tooltip
    assert "not_stated" in n[ns("laege")].flags
    assert "Åse Ødegård" in n[ns("formand")].label
    assert "vacant" in {le.key for le in d.legend if le.what == "flag"}


def test_unfulfilled_requirement_is_a_gap_under_the_forum_that_asked(structure: Model) -> None:
    d = organisation_diagram(structure, on=ON)
    krav = by_id(d)[ns("krav")]
    assert krav.parent == ns("ig") and "gap" in krav.flags
    assert "Ingen fast kontaktperson" in krav.tooltip and "PPR Ærø" in krav.tooltip


def test_dates_and_scenarios_decide_what_applies(structure: Model) -> None:
    today = organisation_diagram(structure, on=ON)
    assert ns("gammel") not in today.node_ids()  # valid until 2020
    assert ns("chef") not in today.node_ids()  # only in the scenario
    before = organisation_diagram(structure, on=dt.date(2019, 1, 1))
    assert ns("gammel") in before.node_ids()
    chosen = organisation_diagram(structure, on=ON, scenarios=("chefniveau",))
    n = by_id(chosen)
    assert {"scenario", "proposed"} <= n[ns("chef")].flags
    assert n[ns("ksg")].level < n[ns("chef")].level < n[ns("ig")].level
    assert any(e.kind == "reports_to" and "scenario" in e.flags for e in chosen.edges)


def test_focus_draws_the_chain_and_only_the_focus_forums_seats(structure: Model) -> None:
    d = organisation_diagram(structure, focus="Implementeringsgruppe om børn og unge, Ærøklyngen", on=ON)
    ids = d.node_ids()
    assert {ns("ig"), ns("ksg"), ns("ssu"), ns("kosu")} <= ids  # up the chain, plus the lateral partner
    assert ns("ssg") not in ids  # not above the group: the lateral partner's own chain is not drawn
    assert "focus" in by_id(d)[ns("ig")].flags
    assert ns("praksis") in ids
    assert "Implementeringsgruppe" in d.title


def test_focus_on_a_seat_or_person_means_their_forum(structure: Model) -> None:
    d = organisation_diagram(structure, focus=ns("person"), on=ON)
    assert "focus" in by_id(d)[ns("ig")].flags


def test_focus_on_a_unit_gives_its_org_chart(structure: Model) -> None:
    d = organisation_diagram(structure, focus=ns("skole"), on=ON)
    assert d.title == "Organisationsdiagram: Søby Skole"
    nodes = by_id(d)
    assert "focus" in nodes[ns("skole")].flags and nodes[ns("kommune")].level < nodes[ns("skole")].level
    assert ns("ppr") not in nodes  # a sibling unit is not part of the focus


def test_focus_that_is_no_body_and_unknown_names_are_input_errors(structure: Model) -> None:
    with pytest.raises(InputError):
        organisation_diagram(structure, focus=ns("kanal"), on=ON)
    with pytest.raises(EntityNotFound):
        organisation_diagram(structure, focus="ingen sådan enhed xyz", on=ON)


def test_filters_on_forum_kind_and_status(structure: Model) -> None:
    d = organisation_diagram(structure, on=ON, filters=Filters(forum_kinds=frozenset({"Committee", "SteeringGroup"})))
    forums = {n.id for n in d.nodes if n.kind == "forum"}
    assert forums == {ns("ssu"), ns("ssg")}
    active = organisation_diagram(structure, on=ON, filters=Filters(statuses=frozenset({"active"})))
    assert {n.id for n in active.nodes if n.kind == "forum"} == {ns("ssu"), ns("ssg"), ns("ig")}


def test_network_colours_by_sector_sizes_by_degree_and_keeps_facets(structure: Model) -> None:
    d = collaboration_network(structure, on=ON)
    n = by_id(d)
    assert {"organisation", "unit", "forum", "post", "person", "channel", "cluster", "requirement"} <= {
        x.kind for x in d.nodes
    }
    assert n[ns("praksis")].sector == "general_practice"  # a seat takes the sector it acts for
    assert n[ns("person")].sector == "municipal"
    assert n[ns("ig")].weight > n[ns("skole")].weight
    assert n[ns("ppr")].facets["clusters"] == [ns("klynge")]  # unit → municipality → cluster member
    assert n[ns("ig")].facets["forum_kind"] == "ImplementationGroup"
    assert d.clusters == {ns("klynge"): "Ærøklyngen"}
    assert {"channel_from", "channel_to", "part_of", "holds", "post_in"} <= {e.kind for e in d.edges}


def test_network_filters_by_sector_and_cluster(structure: Model) -> None:
    muni = collaboration_network(structure, on=ON, filters=Filters(sectors=frozenset({"municipal"})))
    assert {n.sector for n in muni.nodes} == {"municipal"}
    cl = collaboration_network(structure, on=ON, filters=Filters(clusters=frozenset({ns("klynge")})))
    assert ns("ssu") not in cl.node_ids() and ns("ppr") in cl.node_ids() and ns("ig") in cl.node_ids()


def test_ego_is_undirected_and_bounded_by_depth(structure: Model) -> None:
    one = ego_view(structure, "PPR Ærø", depth=1, on=ON)
    assert {ns("ppr"), ns("kommune"), ns("kanal"), ns("krav")} <= one.node_ids()
    assert ns("almen") not in one.node_ids()
    two = ego_view(structure, ns("ppr"), depth=2, on=ON)
    assert ns("almen") in two.node_ids() and ns("skole") in two.node_ids()
    assert "focus" in by_id(two)[ns("ppr")].flags
    assert by_id(two)[ns("almen")].facets["distance"] == 2
    assert ego_view(structure, ns("ppr"), depth=0, on=ON).node_ids() == {ns("ppr")}


def test_highlight_marks_adds_and_fades(structure: Model) -> None:
    hl = Highlight(
        nodes=frozenset({ns("ig"), ns("ksg"), ns("ssu"), ns("ppr")}),
        edges=frozenset({(ns("ig"), ns("ksg"), "reports_to"), (ns("ksg"), ns("ssu"), "")}),
        caption="Kæde",
    )
    d = organisation_diagram(structure, on=ON, highlight=hl)
    n = by_id(d)
    assert "highlight" in n[ns("ig")].flags and "faded" in n[ns("kosu")].flags
    assert ns("ppr") in n and n[ns("ppr")].level is not None  # added so the answer is complete
    marked = {(e.u, e.v, e.kind) for e in d.edges if "highlight" in e.flags}
    assert (ns("ig"), ns("ksg"), "reports_to") in marked and (ns("ksg"), ns("ssu"), "reports_to") in marked
    assert d.highlight_caption == "Kæde"
    assert "highlight" in {le.key for le in d.legend}


def test_gap_overlay_adds_reason_to_tooltip(structure: Model) -> None:
    hl = Highlight(gaps=frozenset({ns("laege")}), reasons={ns("laege"): "Indehaveren er ukendt"})
    d = organisation_diagram(structure, on=ON, highlight=hl)
    laege = by_id(d)[ns("laege")]
    assert "gap" in laege.flags and "Indehaveren er ukendt" in laege.tooltip
    assert not any("faded" in n.flags for n in d.nodes)  # gaps alone fade nothing


def test_english_labels_and_caption(structure: Model) -> None:
    d = organisation_diagram(structure, on=ON, lang="en")
    assert by_id(d)[ns("ssu")].label == "Health Collaboration\nCommittee"
    assert d.caption.startswith("Data as of 2025-06-01. Sources: Kommissorium for implementeringsgruppen (2024-03-01)")
    assert d.title == "Organisation diagram"


def test_tooltips_are_plain_text_and_never_personal_contact_data(structure: Model) -> None:
    d = collaboration_network(structure, on=ON)
    person = by_id(d)[ns("person")]
    assert "@" not in person.tooltip and "<" not in person.tooltip
    assert person.tooltip.splitlines()[0] == "Åse Ødegård"
