"""The dated view: one in-force filter for every question, and no question hangs on a cycle in the data."""

from __future__ import annotations

import datetime as dt

from graph.contacts import contact
from graph.gaps import find_gaps
from graph.model import Model, in_force
from graph.paths import find_paths
from graph.reporting import chain
from graph.view import view
from tests.conftest import tiny

EX = "http://example.org/"

# A region whose psychiatry is recorded as part of itself, and two units recorded as part of each other,
# as a careless spreadsheet import would state them; the forum reports in a circle too.
CYCLES = """
ex:r a sk:Region ; skos:prefLabel "Region Test"@da ; sk:sector sk:SectorRegion .
ex:psy a org:Organization ; skos:prefLabel "Psykiatrien"@da ; sk:sector sk:SectorPsychiatry ;
    org:subOrganizationOf ex:psy , ex:r .
ex:a a org:OrganizationalUnit ; skos:prefLabel "Afsnit A"@da ; sk:sector sk:SectorPsychiatry ; org:unitOf ex:b .
ex:b a org:OrganizationalUnit ; skos:prefLabel "Afsnit B"@da ; sk:sector sk:SectorPsychiatry ; org:unitOf ex:a , ex:psy .
ex:k a sk:Municipality ; skos:prefLabel "Testby Kommune"@da ; sk:sector sk:SectorMunicipal ; org:memberOf ex:f .
ex:f a sk:ImplementationGroup ; skos:prefLabel "Gruppe F"@da ; org:reportsTo ex:g ; sk:handlesTopic ex:t .
ex:g a sk:ImplementationGroup ; skos:prefLabel "Gruppe G"@da ; org:reportsTo ex:f .
ex:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "faglig sparring"@da .
ex:a sk:handlesTopic ex:t .
ex:psy sk:handlesTopic ex:t .
"""
ON = dt.date(2026, 1, 1)


def test_an_organisation_recorded_as_part_of_itself_still_gets_an_answer() -> None:
    m = tiny(CYCLES)
    for asker in ("Psykiatrien", "Afsnit A", "Afsnit B", "Testby Kommune"):
        answers = contact(m, "faglig sparring", asker, on=ON).as_json()["answers"]
        assert {a["who"]["id"] for a in answers} >= {EX + "a", EX + "psy", EX + "f"}


def test_the_units_own_organisation_comes_first_for_a_unit_in_a_part_of_cycle() -> None:
    m = tiny(CYCLES)
    first = contact(m, "faglig sparring", "Afsnit B", on=ON).as_json()["answers"][0]
    assert first["nearness"]["code"] == "own"


def test_family_ancestors_and_descendants_end_on_cycles() -> None:
    v = view(tiny(CYCLES), ON)
    assert set(v.ancestors(EX + "a")) == {EX + "b", EX + "psy", EX + "r"}
    assert EX + "psy" not in v.ancestors(EX + "psy")
    assert v.descendants(EX + "psy") == {EX + "psy", EX + "a", EX + "b"}
    assert v.family(EX + "b") == {EX + "a", EX + "b", EX + "psy", EX + "r"}


def test_gaps_paths_and_chains_end_on_cycles() -> None:
    m = tiny(CYCLES)
    assert find_gaps(m, scope="Psykiatrien", on=ON).gaps is not None
    assert find_paths(m, "Afsnit A", "Region Test", on=ON).paths[0].nodes[-1] == EX + "r"
    c = chain(m, "Gruppe F", on=ON)
    assert c.cycles and [n for n in c.primary] == [EX + "f", EX + "g"]


def test_what_has_ended_is_not_in_the_view_and_what_is_proposed_is() -> None:
    m = tiny(
        CYCLES
        + """
        ex:old a org:OrganizationalUnit ; skos:prefLabel "Lukket afsnit"@da ; org:unitOf ex:psy ;
            sk:validUntil "2025-01-01"^^xsd:date .
        ex:new a org:OrganizationalUnit ; skos:prefLabel "Nyt afsnit"@da ; org:unitOf ex:psy ; sk:status sk:Proposed .
        """
    )
    v = view(m, ON)
    assert EX + "old" not in v.descendants(EX + "psy") and not v.ok(EX + "old")
    assert EX + "new" in v.descendants(EX + "psy") and v.proposed(EX + "new")
    assert EX + "old" in view(m, dt.date(2024, 6, 1)).descendants(EX + "psy")


# Edges stated every way the projection reads them: inverse properties, a blank-node membership, a dated one, a
# reporting line replacing the plain triple, a second line between the same bodies, a line of another kind.
EDGE_WAYS = """
ex:r a org:Organization ; skos:prefLabel "R"@da ; org:hasUnit ex:u1 , ex:u2 ; org:reportsTo ex:s .
ex:s a org:Organization ; skos:prefLabel "S"@da ; org:hasMember ex:r ; org:hasSubOrganization ex:r .
ex:u1 a org:OrganizationalUnit ; skos:prefLabel "U1"@da ; org:unitOf ex:r ; org:memberOf ex:s .
ex:u2 a org:OrganizationalUnit ; skos:prefLabel "U2"@da ; sk:handlesTopic ex:t .
ex:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "emne"@da .
[] a org:Membership ; org:member ex:u2 ; org:organization ex:s .
ex:m a org:Membership ; org:member ex:u1 ; org:organization ex:r ; sk:validUntil "2020-01-01"^^xsd:date .
ex:l1 a sk:ReportingLine ; sk:fromBody ex:r ; sk:toBody ex:s .
ex:l2 a sk:ReportingLine ; sk:fromBody ex:r ; sk:toBody ex:s .
ex:l3 a sk:ReportingLine ; sk:fromBody ex:u2 ; sk:toBody ex:s ; sk:lineKind sk:givesStatusTo .
"""


def test_edges_of_some_kinds_are_the_whole_graphs_edges_of_those_kinds_in_graph_order(bundled: Model) -> None:
    from graph.contact_index import STRUCTURE_KINDS

    for m in (bundled, tiny(EDGE_WAYS)):
        g = m.adjacency
        for on in (ON, dt.date(2019, 1, 1)):
            v = view(m, on)
            each = [(kind,) for kind in sorted({e["kind"] for *_, e in g.edges()})]  # a kind the projection forgot
            for kinds in (
                STRUCTURE_KINDS,
                ("member_of",),
                ("reports_to", "gives_status_to"),
                ("handles", "part_of"),
                *each,
            ):
                whole = [
                    (u, w, e)
                    for u, w, _, e in g.edges()
                    if e["kind"] in kinds and in_force(e, on) and v.ok(u) and v.ok(w)
                ]
                assert list(v.edges(*kinds)) == whole
                assert whole or kinds != STRUCTURE_KINDS
