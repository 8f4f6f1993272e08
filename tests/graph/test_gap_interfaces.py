"""The interface gap kinds: a forum without a channel between its sectors, a request addressed to a party and
not established, a contact person asked for in one direction only."""

from __future__ import annotations

import datetime as dt

from graph.gaps import find_gaps
from graph.model import Model
from tests.conftest import tiny

ID = "https://w3id.org/samarbejdskort/id/"
DAY = dt.date(2024, 3, 1)


def kinds(report: dict, kind: str) -> list[dict]:
    return [g for g in report["gaps"] if g["kind"] == kind]


def test_randers_group_members_of_different_sectors_without_a_channel(bundled: Model) -> None:
    j = find_gaps(bundled, on=DAY).as_json("da")
    (g,) = [
        x
        for x in kinds(j, "shared_forum_no_channel")
        if x["entity"]["id"] == ID + "forum/randers-implementeringsgruppe"
    ]
    # GP ↔ municipalities have the correspondence channels, municipalities ↔ BUA the advice channel:
    assert "Almen praksis × Kommune" not in g["text"] and "Kommune × Børne- og ungdomspsykiatri" not in g["text"]
    # the hospital's Kvinde-Barn department meets the municipalities, BUA and GP with no channel at all
    assert "Kommune × Somatik (hospital) (4/4)" in g["text"]
    assert "Almen praksis × Børne- og ungdomspsykiatri (1/1)" in g["text"]


def test_requests_addressed_to_another_party_are_requested_not_established(bundled: Model) -> None:
    j = find_gaps(bundled, on=DAY).as_json("en")
    texts = [g["text"] for g in kinds(j, "interface_requested")]
    assert any("Structured sparring" in t and "Favrskov Municipality" in t for t in texts)
    # the target-group request names no addressee in the source, so it is not turned into one
    assert not any("target-group criteria" in t for t in texts)


def test_contact_person_asked_for_one_way_only() -> None:
    model = tiny(
        """
id:a a org:Organization ; skos:prefLabel "Alfa Kommune"@da ; sk:sector sk:SectorMunicipal .
id:b a org:Organization ; skos:prefLabel "Beta Psykiatri"@da ; sk:sector sk:SectorPsychiatry .
id:b-unit a org:OrganizationalUnit ; skos:prefLabel "Beta Rådgivning"@da ; org:unitOf id:b .
id:c a org:Organization ; skos:prefLabel "Gamma Hospital"@da ; sk:sector sk:SectorSomatic .
id:r1 a sk:ContactPersonRequirement ; skos:prefLabel "Kontaktperson i Alfa"@da ;
    sk:requiredIn id:a ; sk:requestedBy id:b .
id:r2 a sk:ContactPersonRequirement ; skos:prefLabel "Kontaktperson i Beta Rådgivning"@da ;
    sk:requiredIn id:b-unit ; sk:requestedBy id:a .
id:r3 a sk:ContactPersonRequirement ; skos:prefLabel "Kontaktperson i Gamma"@da ;
    sk:requiredIn id:c ; sk:requestedBy id:a .
"""
    )
    gaps = kinds(find_gaps(model, on=DAY).as_json("da"), "contact_person_one_way")
    assert [g["entity"]["id"] for g in gaps] == [ID + "r3"]  # r1/r2 ask both ways (a unit counts for its org)
    assert "kun den ene vej" in gaps[0]["text"] and "Gamma Hospital" in gaps[0]["text"]
