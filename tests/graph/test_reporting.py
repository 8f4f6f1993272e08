"""Reporting chains as a coordinator reads them: every line up, with its basis, status, scenario and sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph.errors import AmbiguousEntity, EntityNotFound, InputError
from graph.model import Model, load
from graph.reporting import chain, upward_graph
from tests.conftest import REPO, tiny

ID = "https://w3id.org/samarbejdskort/id/"
DATA = REPO / "data"

# An implementation group with the shape of the Randers one: primary line up through the cluster steering
# group to SSU, status to SSG and SSU in parallel, a proposed line raising decisions to KOSU.
RANDERS_LIKE = """
id:ig a sk:ImplementationGroup ; skos:prefLabel "Implementeringsgruppe, Aby"@da , "Implementation group, Aby"@en ;
    prov:wasDerivedFrom id:sec1 .
id:ksg a sk:ClusterSteeringGroup ; skos:prefLabel "Klyngestyregruppen, Aby"@da .
id:ssg a sk:SteeringGroup ; skos:prefLabel "Sundhedsstyregruppen"@da , "Health Steering Group"@en .
id:ssu a sk:Committee ; skos:prefLabel "Sundhedssamarbejdsudvalget"@da .
id:kosu a sk:AdministrativeForum ; skos:prefLabel "KOSU"@da .
id:l1 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:ksg ; sk:lineKind org:reportsTo ;
    sk:basis "Formandskabet har kompetence til at indstille beslutninger til klyngestyregruppen"@da ,
             "The chair may put decisions to the cluster steering group"@en ;
    sk:status sk:Active ; prov:wasDerivedFrom id:sec1 .
id:l2 a sk:ReportingLine ; sk:fromBody id:ksg ; sk:toBody id:ssu ; sk:lineKind org:reportsTo .
id:l3 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:ssg ; sk:lineKind sk:givesStatusTo .
id:l4 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:ssu ; sk:lineKind sk:givesStatusTo .
id:l5 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:kosu ; sk:lineKind sk:raisesDecisionsTo ;
    sk:status sk:Proposed .
id:l6 a sk:ReportingLine ; sk:fromBody id:ssg ; sk:toBody id:ssu ; sk:lineKind org:reportsTo .
id:sec1 sk:section "Organisatorisk placering" ; dct:isPartOf id:doc1 .
id:doc1 a sk:SourceDocument ; dct:title "Kommissorium for implementeringsgruppen" ; dct:date "2024-03-01" .
"""


@pytest.fixture(scope="module")
def randers_like() -> Model:
    return tiny(RANDERS_LIKE)


def kinds_to(c, target: str) -> set[str]:
    return {s.kind for s in c.steps if s.to_id == ID + target}


# ------------------------------------------------------------------------------------------------ lines
def test_primary_line_goes_up_through_the_cluster_steering_group(randers_like: Model) -> None:
    c = chain(randers_like, "Implementeringsgruppe, Aby")
    assert c.primary == (ID + "ig", ID + "ksg", ID + "ssu")
    assert set(c.tops) == {ID + "ssu", ID + "kosu"}  # nothing above KOSU in this graph


def test_parallel_lines_are_listed_beside_the_primary_line(randers_like: Model) -> None:
    c = chain(randers_like, "Implementeringsgruppe, Aby")
    first = {(s.to_id, s.kind) for s in c.steps if s.depth == 1}
    assert first == {
        (ID + "ksg", "reports_to"),
        (ID + "ssg", "gives_status_to"),
        (ID + "ssu", "gives_status_to"),
        (ID + "kosu", "raises_decisions_to"),
    }
    lines = {s["to"]["label"]: s["line"] for s in c.as_json()["steps"] if s["depth"] == 1}
    assert lines["Klyngestyregruppen, Aby"] == "primary"
    assert lines["Sundhedsstyregruppen"] == "parallel"


def test_steps_have_depth_and_the_primary_line_comes_first_at_each_depth(randers_like: Model) -> None:
    c = chain(randers_like, "Implementeringsgruppe, Aby")
    assert [s.depth for s in c.steps] == sorted(s.depth for s in c.steps)
    assert c.steps[0].kind == "reports_to" and c.steps[0].to_id == ID + "ksg"
    deeper = {(s.from_id, s.to_id) for s in c.steps if s.depth == 2}
    assert (ID + "ksg", ID + "ssu") in deeper and (ID + "ssg", ID + "ssu") in deeper


def test_each_step_carries_its_basis_in_the_chosen_language(randers_like: Model) -> None:
    c = chain(randers_like, "Implementeringsgruppe, Aby")
    da = next(s for s in c.as_json("da")["steps"] if s["to"]["id"] == ID + "ksg")
    en = next(s for s in c.as_json("en")["steps"] if s["to"]["id"] == ID + "ksg")
    assert da["basis"] == ["Formandskabet har kompetence til at indstille beslutninger til klyngestyregruppen"]
    assert en["basis"] == ["The chair may put decisions to the cluster steering group"]
    assert en["from"]["label"] == "Implementation group, Aby"


def test_a_proposed_line_is_followed_but_marked(randers_like: Model) -> None:
    c = chain(randers_like, "Implementeringsgruppe, Aby")
    kosu = next(s for s in c.as_json()["steps"] if s["to"]["id"] == ID + "kosu")
    assert kosu["proposed"] is True and kosu["status"] == "proposed"
    ksg = next(s for s in c.as_json()["steps"] if s["to"]["id"] == ID + "ksg")
    assert ksg["proposed"] is False and ksg["status"] == "active"


def test_steps_cite_their_sources(randers_like: Model) -> None:
    c = chain(randers_like, "Implementeringsgruppe, Aby")
    ksg = next(s for s in c.as_json()["steps"] if s["to"]["id"] == ID + "ksg")
    assert ksg["sources"][0]["title"] == "Kommissorium for implementeringsgruppen"
    assert ksg["sources"][0]["section"] == "Organisatorisk placering"
    # a qualified line without a source of its own does not borrow the body's source
    kosu = next(s for s in c.as_json()["steps"] if s["to"]["id"] == ID + "kosu")
    assert kosu["sources"] == []


def test_json_shape_every_entity_has_id_and_label(randers_like: Model) -> None:
    p = chain(randers_like, "Implementeringsgruppe, Aby").as_json()
    assert set(p) == {"entity", "on", "scenarios", "primary", "steps", "tops", "cycles", "notes"}
    refs = [p["entity"], *p["primary"], *p["tops"]]
    refs += [s[k] for s in p["steps"] for k in ("from", "to")]
    assert all({"id", "label", "kind"} <= set(r) for r in refs)
    step_keys = {"from", "to", "kind", "line", "depth", "basis", "status", "proposed", "scenario", "closes_cycle"}
    assert all(step_keys | {"sources"} == set(s) for s in p["steps"])


def test_a_body_with_no_upward_line_is_its_own_top(randers_like: Model) -> None:
    c = chain(randers_like, "Sundhedssamarbejdsudvalget")
    assert c.steps == () and c.primary == (ID + "ssu",) and c.tops == (ID + "ssu",)


# ------------------------------------------------------------------------------------------------ cycles
def test_a_cycle_is_reported_and_the_walk_terminates() -> None:
    m = tiny("""
    id:a a sk:WorkingGroup ; skos:prefLabel "Gruppe A"@da .
    id:b a sk:WorkingGroup ; skos:prefLabel "Gruppe B"@da .
    id:c a sk:Committee ; skos:prefLabel "Udvalg C"@da .
    id:a org:reportsTo id:b .
    id:b org:reportsTo id:a .
    id:b sk:givesStatusTo id:c .
    """)
    c = chain(m, "Gruppe A")
    assert c.cycles == ((ID + "a", ID + "b"),)
    assert c.primary == (ID + "a", ID + "b")
    closing = [s for s in c.steps if s.closes_cycle]
    assert [(s.from_id, s.to_id) for s in closing] == [(ID + "b", ID + "a")]
    assert c.tops == (ID + "c",)
    assert [[r["label"] for r in cyc] for cyc in c.as_json()["cycles"]] == [["Gruppe A", "Gruppe B"]]


def test_the_main_line_leaves_a_cycle_by_its_exit() -> None:
    m = tiny("""
    id:s a sk:WorkingGroup ; skos:prefLabel "S"@da ; org:reportsTo id:a , id:b .
    id:a a sk:WorkingGroup ; skos:prefLabel "A"@da ; org:reportsTo id:b .
    id:b a sk:WorkingGroup ; skos:prefLabel "B"@da ; org:reportsTo id:a , id:c .
    id:c a sk:Committee ; skos:prefLabel "C"@da .
    """)
    c = chain(m, "S")
    assert [m.label(n) for n in c.primary] == ["S", "A", "B", "C"]
    assert c.tops == (ID + "c",) and len(c.cycles) == 1


def test_a_self_contained_cycle_has_no_top() -> None:
    m = tiny("""
    id:a a sk:WorkingGroup ; skos:prefLabel "A"@da ; org:reportsTo id:b .
    id:b a sk:WorkingGroup ; skos:prefLabel "B"@da ; org:reportsTo id:c .
    id:c a sk:WorkingGroup ; skos:prefLabel "C"@da ; org:reportsTo id:a .
    """)
    c = chain(m, "B")
    assert c.tops == () and len(c.cycles) == 1 and set(c.cycles[0]) == {ID + "a", ID + "b", ID + "c"}


# ------------------------------------------------------------------------------------------------ time
DATED = """
id:g a sk:WorkingGroup ; skos:prefLabel "Arbejdsgruppen"@da .
id:old a sk:Committee ; skos:prefLabel "Det gamle udvalg"@da .
id:new a sk:Committee ; skos:prefLabel "Det nye udvalg"@da .
id:l1 a sk:ReportingLine ; sk:fromBody id:g ; sk:toBody id:old ; sk:lineKind org:reportsTo ;
    sk:validUntil "2020-12-31"^^xsd:date .
id:l2 a sk:ReportingLine ; sk:fromBody id:g ; sk:toBody id:new ; sk:lineKind org:reportsTo ;
    sk:validFrom "2021-01-01"^^xsd:date .
"""


def test_a_line_valid_until_2020_is_not_followed_in_2024() -> None:
    m = tiny(DATED)
    assert chain(m, "Arbejdsgruppen", on=dt.date(2024, 5, 1)).tops == (ID + "new",)
    assert chain(m, "Arbejdsgruppen", on=dt.date(2019, 5, 1)).tops == (ID + "old",)
    assert chain(m, "Arbejdsgruppen", on=dt.date(2024, 5, 1)).as_json()["on"] == "2024-05-01"


def test_an_ended_body_is_not_a_step_and_cannot_start_a_chain() -> None:
    m = tiny("""
    id:g a sk:WorkingGroup ; skos:prefLabel "Arbejdsgruppen"@da ; org:reportsTo id:x , id:y .
    id:x a sk:Committee ; skos:prefLabel "Nedlagt udvalg"@da ; sk:status sk:Ended .
    id:y a sk:Committee ; skos:prefLabel "Udvalget"@da .
    """)
    assert chain(m, "Arbejdsgruppen").tops == (ID + "y",)
    with pytest.raises(InputError, match="ended"):
        chain(m, "Nedlagt udvalg")


# ------------------------------------------------------------------------------------------------ scenarios
SCENARIO = """
id:chef a sk:Scenario ; sk:scenarioKey "chefniveau" .
id:ig a sk:ImplementationGroup ; skos:prefLabel "Implementeringsgruppen"@da .
id:ksg a sk:ClusterSteeringGroup ; skos:prefLabel "Klyngestyregruppen"@da .
id:sg a sk:SteeringGroup ; skos:prefLabel "Styregruppe på chefniveau"@da ; sk:inScenario id:chef .
id:l1 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:ksg ; sk:lineKind org:reportsTo .
id:l2 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:sg ; sk:lineKind org:reportsTo ; sk:inScenario id:chef .
id:l3 a sk:ReportingLine ; sk:fromBody id:sg ; sk:toBody id:ksg ; sk:lineKind org:reportsTo ; sk:inScenario id:chef .
"""


def test_a_scenario_adds_its_steering_group_only_when_chosen() -> None:
    m = tiny(SCENARIO)
    plain = chain(m, "Implementeringsgruppen")
    assert ID + "sg" not in {s.to_id for s in plain.steps}
    chosen = chain(m, "Implementeringsgruppen", scenarios=["chefniveau"])
    step = next(s for s in chosen.steps if s.to_id == ID + "sg")
    assert step.scenario == "chefniveau" and step.depth == 1
    # the scenario was asked for, so its line is the main one
    assert chosen.primary == (ID + "ig", ID + "sg", ID + "ksg")
    assert chosen.as_json()["scenarios"] == ["chefniveau"]


def test_an_unknown_scenario_is_refused_with_the_known_ones() -> None:
    with pytest.raises(InputError, match="chefniveau"):
        chain(tiny(SCENARIO), "Implementeringsgruppen", scenarios=["chefnivea"])


def test_a_scenario_body_needs_its_scenario() -> None:
    m = tiny(SCENARIO)
    with pytest.raises(InputError, match="only in scenario 'chefniveau'"):
        chain(m, "Styregruppe på chefniveau")
    assert chain(m, "Styregruppe på chefniveau", scenarios=["chefniveau"]).tops == (ID + "ksg",)


# ------------------------------------------------------------------------------------------------ ORG data
def test_inverse_org_properties_are_followed_upwards() -> None:
    """Third-party data often states the hierarchy only downwards (hasSubOrganization / hasUnit)."""
    m = tiny("""
    ex:dept a org:Organization ; skos:prefLabel "Senatsverwaltung"@de ; org:hasSubOrganization ex:abt .
    ex:abt a org:Organization ; skos:prefLabel "Abteilung III"@de ; org:hasUnit ex:ref .
    ex:ref a org:OrganizationalUnit ; skos:prefLabel "Referat III E"@de .
    """)
    c = chain(m, "Referat III E")
    ex = "http://example.org/"
    assert c.primary == (ex + "ref", ex + "abt", ex + "dept")
    assert {s.kind for s in c.steps} == {"part_of"}
    assert c.tops == (ex + "dept",)


def test_a_post_goes_up_through_the_forum_it_is_in() -> None:
    m = tiny("""
    id:f a sk:ImplementationGroup ; skos:prefLabel "Gruppen"@da ; org:reportsTo id:k .
    id:k a sk:Committee ; skos:prefLabel "Udvalget"@da .
    id:seat a sk:Seat ; skos:prefLabel "Formandsplads"@da ; org:postIn id:f ; org:role sk:ChairRole ;
        sk:occupancy sk:Vacant .
    """)
    c = chain(m, "Formandsplads")
    assert c.primary == (ID + "seat", ID + "f", ID + "k")
    assert c.steps[0].kind == "post_in"


# ------------------------------------------------------------------------------------------------ input
def test_unknown_entity_names_suggestions(randers_like: Model) -> None:
    with pytest.raises(EntityNotFound) as err:
        chain(randers_like, "Klyngestyregrupen, Aby")
    assert any(c.label == "Klyngestyregruppen, Aby" for c in err.value.suggestions)


def test_ambiguous_entity_lists_the_candidates() -> None:
    m = tiny("""
    id:a a sk:WorkingGroup ; skos:prefLabel "Arbejdsgruppe om skole"@da .
    id:b a sk:WorkingGroup ; skos:prefLabel "Arbejdsgruppe om sundhed"@da .
    """)
    with pytest.raises(AmbiguousEntity) as err:
        chain(m, "Arbejdsgruppe")
    assert {c.id for c in err.value.candidates} == {ID + "a", ID + "b"}


def test_a_person_is_not_where_a_chain_starts() -> None:
    m = tiny("""
    id:p a foaf:Person ; foaf:name "Hanne Hansen" ; org:holds id:seat .
    id:seat a sk:Seat ; skos:prefLabel "Plads"@da ; org:postIn id:f .
    id:f a sk:WorkingGroup ; skos:prefLabel "Gruppen"@da .
    """)
    with pytest.raises(InputError, match="is not a body but: person") as err:
        chain(m, "Hanne Hansen")
    assert str(err.value).startswith("»Hanne Hansen« er ikke et organ, men: person")  # Danish first


# ------------------------------------------------------------------------------------------------ cost
def test_the_upward_graph_is_built_once_per_model_date_and_scenarios(randers_like: Model) -> None:
    first = upward_graph(randers_like, None, ())
    assert upward_graph(randers_like, None, ()) is first
    assert upward_graph(randers_like, dt.date(2024, 1, 1), ()) is not first
    other = tiny(RANDERS_LIKE + 'id:x a sk:WorkingGroup ; skos:prefLabel "X"@da ; org:reportsTo id:ig .')
    assert upward_graph(other, None, ()) is not first


# ------------------------------------------------------------------------------------------------ bundled data
ON = dt.date(2024, 6, 1)


def test_bundled_randers_group_reaches_ssu_through_the_cluster_steering_group(bundled: Model) -> None:
    c = chain(bundled, "implementeringsgruppe Randersklyngen", on=ON)
    assert c.primary[:3] == (ID + "forum/randers-implementeringsgruppe", ID + "klyngestyregruppe/randers", ID + "ssu")
    assert ID + "ssu" in c.tops
    kosu = [s for s in c.steps if s.to_id == ID + "kosu"]
    assert kosu and all(s.proposed for s in kosu) and not kosu[0].primary
    assert all(s.basis for s in c.steps if s.primary)


def test_bundled_chief_level_steering_group_is_a_step_only_in_its_scenario(bundled: Model) -> None:
    sg = ID + "forum/randers-styregruppe-chefniveau"
    plain = chain(bundled, "implementeringsgruppe Randersklyngen", on=ON)
    assert sg not in {s.to_id for s in plain.steps}
    chosen = chain(bundled, "implementeringsgruppe Randersklyngen", on=ON, scenarios=["styregruppe-chefniveau"])
    step = next(s for s in chosen.steps if s.to_id == sg)
    assert step.depth == 1 and step.scenario == "styregruppe-chefniveau"
    assert sg in chosen.primary and ID + "ssu" in chosen.tops


def test_bundled_midtjysk_group_starts_at_ssg_and_gives_status_to_ssg_and_ssu(bundled: Model) -> None:
    c = chain(bundled, "Fælles implementeringsgruppe for midtjysk samarbejdsmodel", on=dt.date(2025, 6, 1))
    assert c.primary[1] == ID + "ssg"
    status_to = {s.to_id for s in c.steps if s.kind == "gives_status_to" and s.from_id == c.entity}
    assert {ID + "ssg", ID + "ssu"} <= status_to


def test_berlin_chain_follows_has_sub_organization_to_the_top(interop: Path) -> None:
    m = load([interop / "berlin" / "SenFin.ttl"])
    c = chain(m, "Referat III E")
    labels = [m.label(n) for n in c.primary]
    assert labels[0] == "Referat III E" and labels[1] == "Abteilung III"
    assert labels[-1] == "Senatsverwaltung für Finanzen" and c.tops == (c.primary[-1],)
    assert {s.kind for s in c.steps} == {"part_of"} and c.cycles == ()
