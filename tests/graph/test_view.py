"""The dated view: one in-force filter for every question, and no question hangs on a cycle in the data."""

from __future__ import annotations

import datetime as dt

from graph.contacts import contact
from graph.gaps import find_gaps
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
