"""Gaps: every kind once failing and once passing, with severity, Danish/English text and sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from graph.errors import EntityNotFound, InputError
from graph.gaps import find_gaps
from tests.conftest import tiny

EX = "http://example.org/"
DAY = dt.date(2026, 11, 22)
SRC = """
ex:afsnit a sk:SourceSection ; sk:section "Arbejdsgruppen"@da ; dct:isPartOf ex:dok .
ex:dok a sk:SourceDocument ; dct:title "Kommissorium"@da ; dct:date "2024-01-01"^^xsd:date .
"""
# A complete forum: chair, secretary, mandate, upward line; used as the passing case everywhere.
COMPLETE = """
ex:top a sk:SteeringGroup ; skos:prefLabel "Styregruppen"@da ; sk:secretariatIn ex:a .
ex:top-chair a sk:Seat ; skos:prefLabel "Formand"@da ; org:postIn ex:top ; org:role sk:ChairRole ; org:heldBy ex:p1 .
ex:top-m a sk:Mandate ; skos:prefLabel "Styregruppens kommissorium"@da ; sk:status sk:Approved .
ex:top sk:hasMandate ex:top-m .
ex:f a sk:ImplementationGroup ; skos:prefLabel "Gruppen"@da , "The group"@en ; sk:secretariatIn ex:a ;
    sk:hasMandate ex:m ; org:reportsTo ex:top ; prov:wasDerivedFrom ex:afsnit .
ex:m a sk:Mandate ; skos:prefLabel "Kommissorium"@da ; sk:status sk:Approved .
ex:chair a sk:Seat ; skos:prefLabel "Formand"@da ; org:postIn ex:f ; org:role sk:ChairRole ; org:heldBy ex:p1 .
ex:p1 a foaf:Person ; foaf:name "Pia" .
ex:a a sk:Municipality ; skos:prefLabel "Aby Kommune"@da , "Aby Municipality"@en ; sk:sector sk:SectorMunicipal .
ex:b a sk:PsychiatricService ; skos:prefLabel "Psykiatrien"@da ; sk:sector sk:SectorPsychiatry .
"""


def gaps(turtle: str, on: dt.date = DAY, lang: str = "da", **kw: Any) -> list[dict[str, Any]]:
    return find_gaps(tiny(SRC + COMPLETE + turtle), on=on, **kw).as_json(lang)["gaps"]


def kinds(found: list[dict[str, Any]]) -> set[str]:
    return {g["kind"] for g in found}


def of_kind(found: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [g for g in found if g["kind"] == kind]


def test_a_complete_structure_has_no_gaps() -> None:
    assert gaps("") == []


# ------------------------------------------------------------------------------------------------ seats and posts
def test_vacant_seat_is_high_names_forum_and_whom_it_is_for() -> None:
    found = gaps(
        """ex:gp a sk:Seat ; skos:prefLabel "Praksiskonsulent"@da , "Practice consultant"@en ; org:postIn ex:f ;
        org:role sk:MemberRole ; sk:onBehalfOf ex:b ; sk:occupancy sk:Vacant ; prov:wasDerivedFrom ex:afsnit ."""
    )
    (gap,) = of_kind(found, "vacant_seat")
    assert gap["severity"] == "high" and gap["entity"]["id"] == EX + "gp"
    assert gap["text"] == "Pladsen »Praksiskonsulent« i Gruppen er vakant – den skal besættes for Psykiatrien."
    assert gap["sources"][0]["title"] == "Kommissorium" and gap["sources"][0]["section"] == "Arbejdsgruppen"


def test_held_or_unstated_seats_are_not_vacant() -> None:
    found = gaps(
        """ex:s1 a sk:Seat ; skos:prefLabel "A"@da ; org:postIn ex:f ; org:heldBy ex:p1 .
        ex:s2 a sk:Seat ; skos:prefLabel "B"@da ; org:postIn ex:f ; sk:occupancy sk:HolderNotStated ."""
    )
    assert "vacant_seat" not in kinds(found)


def test_a_third_party_post_without_holder_is_vacant_and_quotes_nn() -> None:
    found = gaps(
        """ex:ref a org:Organization ; skos:prefLabel "Referat IV C"@de ; org:hasPost ex:lead , ex:staff .
        ex:lead a org:Post ; rdfs:label "Referatsleitung" ; rdfs:comment "N.N." .
        ex:staff a org:Post ; rdfs:label "ReferentIn" ; org:heldBy ex:p1 ."""
    )
    (gap,) = of_kind(found, "vacant_post")
    assert gap["entity"]["id"] == EX + "lead" and gap["severity"] == "medium"
    assert "N.N." in gap["text"] and "Referat IV C" in gap["text"]


# ------------------------------------------------------------------------------------------------ contact persons
def test_missing_contact_persons_in_both_directions() -> None:
    found = gaps(
        """ex:k1 a sk:ContactPersonRequirement ; skos:prefLabel "Kontaktperson i Aby"@da ;
            sk:requiredIn ex:a ; sk:requestedBy ex:b .
        ex:k2 a sk:ContactPersonRequirement ; skos:prefLabel "Kontaktperson i psykiatrien"@da ;
            sk:requiredIn ex:b ; sk:requestedBy ex:a ."""
    )
    missing = of_kind(found, "missing_contact_person")
    assert {g["entity"]["id"] for g in missing} == {EX + "k1", EX + "k2"}
    assert all(g["severity"] == "high" and "begge veje" in g["text"] for g in missing)
    assert "Psykiatrien har efterspurgt en fast kontaktperson i Aby Kommune" in missing[0]["text"] + missing[1]["text"]


def test_a_named_contact_person_is_no_gap() -> None:
    found = gaps(
        "ex:k1 a sk:ContactPersonRequirement ; sk:requiredIn ex:a ; sk:requestedBy ex:b ; sk:fulfilledBy ex:p1 ."
    )
    assert "missing_contact_person" not in kinds(found)


# ------------------------------------------------------------------------------------------------ forums
FORUM_PARTS = {
    "chair": 'ex:g-chair a sk:Seat ; skos:prefLabel "Formand"@da ; org:postIn ex:g ; org:role sk:ChairRole ; org:heldBy ex:p1 .',
    "secretariat": "ex:g sk:secretariatIn ex:a .",
    "mandate": "ex:g sk:hasMandate ex:m .",
    "line": "ex:g org:reportsTo ex:top .",
}


@pytest.mark.parametrize(
    ("drop", "kind", "severity"),
    [
        ("chair", "no_chair", "high"),
        ("secretariat", "no_secretariat", "medium"),
        ("mandate", "no_mandate", "medium"),
        ("line", "no_reporting_line", "medium"),
    ],
)
def test_a_forum_lacking_chair_secretariat_mandate_or_upward_line(drop: str, kind: str, severity: str) -> None:
    parts = [text for name, text in FORUM_PARTS.items() if name != drop]
    found = gaps('ex:g a sk:Committee ; skos:prefLabel "Udvalget"@da .\n' + "\n".join(parts))
    assert kinds(found) == {kind}
    (gap,) = found
    assert gap["entity"]["id"] == EX + "g" and gap["severity"] == severity
    assert gap["text"].startswith("Udvalget har ")


def test_a_forum_with_all_four_has_none_of_these_gaps() -> None:
    assert gaps('ex:g a sk:Committee ; skos:prefLabel "Udvalget"@da .\n' + "\n".join(FORUM_PARTS.values())) == []


def test_a_forum_the_source_leaves_open_is_reported_as_not_stated_with_low_severity() -> None:
    found = gaps(
        """ex:g a sk:SteeringGroup ; skos:prefLabel "Udvalget"@da ; sk:secretariatIn ex:a ; sk:hasMandate ex:m ;
            org:reportsTo ex:top .
        ex:q a sk:OpenQuestion ; sk:about ex:g ; sk:aspect "chair" ; skos:prefLabel "Hvem er formand?"@da ;
            rdfs:comment "Kilderne oplyser ikke formandskabet."@da , "The sources do not say who chairs it."@en ."""
    )
    (gap,) = of_kind(found, "chair_not_stated")
    assert gap["severity"] == "low" and gap["question"]["id"] == EX + "q"
    assert "Kilderne oplyser ikke formandskabet." in gap["text"]
    assert "no_chair" not in kinds(found) and "open_question" not in kinds(found)


def test_the_top_of_the_structure_needs_no_upward_line() -> None:
    assert "no_reporting_line" not in kinds(gaps(""))  # ex:top receives the group's line and reports nowhere


def test_a_draft_mandate_is_reported_with_the_sources_open_question() -> None:
    found = gaps(
        """ex:g a sk:Committee ; skos:prefLabel "Udvalget"@da ; sk:secretariatIn ex:a ; org:reportsTo ex:top ;
            sk:hasMandate ex:udkast .
        ex:g-chair a sk:Seat ; skos:prefLabel "Formand"@da ; org:postIn ex:g ; org:role sk:ChairRole ; org:heldBy ex:p1 .
        ex:udkast a sk:Mandate ; skos:prefLabel "Udkast"@da ; sk:status sk:Proposed .
        ex:q a sk:OpenQuestion ; sk:about ex:udkast ; sk:aspect "mandate" ;
            rdfs:comment "Det fremgår ikke, om kommissoriet er godkendt."@da ."""
    )
    (gap,) = of_kind(found, "mandate_not_approved")
    assert gap["entity"]["id"] == EX + "g" and gap["text"].startswith("Udvalgets kommissorium")
    assert "kun som udkast" in gap["text"] and "om kommissoriet er godkendt" in gap["text"]
    found = [g for g in found if g["kind"] != "mandate_not_approved"]
    assert "open_question" not in kinds(found)


def test_a_proposed_forum_missing_a_chair_is_less_severe() -> None:
    found = gaps('ex:p a sk:Partnership ; skos:prefLabel "Partnerskab"@da ; sk:status sk:Proposed .')
    assert of_kind(found, "no_chair")[0]["severity"] == "medium"


# ------------------------------------------------------------------------------------------------ members
def test_a_member_without_a_seat() -> None:
    found = gaps(
        """ex:a org:memberOf ex:f . ex:b org:memberOf ex:f .
        ex:s a sk:Seat ; skos:prefLabel "Plads for Aby"@da ; org:postIn ex:f ; sk:onBehalfOf ex:a ; org:heldBy ex:p1 ."""
    )
    (gap,) = of_kind(found, "member_without_seat")
    assert gap["entity"]["id"] == EX + "b" and gap["context"][0]["id"] == EX + "f"


def test_a_seat_for_a_unit_represents_its_parent_member() -> None:
    found = gaps(
        """ex:b org:memberOf ex:f . ex:bu a org:OrganizationalUnit ; skos:prefLabel "Enhed"@da ; org:unitOf ex:b .
        ex:s a sk:Seat ; skos:prefLabel "Plads"@da ; org:postIn ex:f ; sk:onBehalfOf ex:bu ; org:heldBy ex:p1 ."""
    )
    assert "member_without_seat" not in kinds(found)


def test_no_decision_authority_where_the_forum_asks_for_it() -> None:
    found = gaps(
        """ex:sa a sk:Seat ; skos:prefLabel "Aby"@da ; org:postIn ex:f ; sk:onBehalfOf ex:a ;
            sk:requiresDecisionAuthority true ; sk:occupancy sk:HolderNotStated .
        ex:sb a sk:Seat ; skos:prefLabel "Psykiatri"@da ; org:postIn ex:f ; sk:onBehalfOf ex:b ;
            sk:occupancy sk:HolderNotStated ."""
    )
    (gap,) = of_kind(found, "no_decision_authority")
    assert gap["entity"]["id"] == EX + "b" and "Psykiatriens plads" in gap["text"]


def test_no_decision_authority_gap_when_the_forum_never_asks_for_it() -> None:
    found = gaps('ex:sb a sk:Seat ; skos:prefLabel "P"@da ; org:postIn ex:f ; sk:onBehalfOf ex:b ; org:heldBy ex:p1 .')
    assert "no_decision_authority" not in kinds(found)


# ------------------------------------------------------------------------------------------------ responsibilities
def test_a_responsibility_not_placed_and_one_placed() -> None:
    found = gaps(
        """ex:r1 a sk:Responsibility ; skos:prefLabel "Skoleperspektivet"@da ; sk:responsibilityOf ex:f ;
            rdfs:comment "Hos hvem, er ikke afgjort."@da .
        ex:r2 a sk:Responsibility ; skos:prefLabel "Data"@da ; sk:responsibilityOf ex:f ; sk:placedWith ex:chair ."""
    )
    (gap,) = of_kind(found, "responsibility_not_placed")
    assert gap["entity"]["id"] == EX + "r1" and "Hos hvem, er ikke afgjort." in gap["text"]


# ------------------------------------------------------------------------------------------------ channels
def test_channels_not_open_three_of_four_in_one_gap_with_the_question_text() -> None:
    chans = "\n".join(
        f'ex:c{i} a sk:Channel ; skos:prefLabel "Kanal {i}"@da ; sk:channelFrom ex:b ; sk:channelState sk:StateNotStated .'
        for i in range(4)
    )
    found = gaps(
        chans
        + """ex:q a sk:OpenQuestion ; sk:about ex:c0 , ex:c1 , ex:c2 , ex:c3 ; sk:aspect "which" ;
            rdfs:comment "Tre ud af fire er åbne; hvilken der er under oprettelse, oplyses ikke."@da ."""
    )
    (gap,) = of_kind(found, "channel_not_open")
    assert gap["text"].startswith("4 kanaler er ikke registreret som åbne")
    assert "Tre ud af fire er åbne; hvilken der er under oprettelse, oplyses ikke." in gap["text"]
    assert gap["severity"] == "low" and gap["question"]["id"] == EX + "q"


def test_channels_to_one_unit_are_summed_up_as_m_of_n_open() -> None:
    states = ["Open", "Open", "Open", "BeingSetUp"]
    found = gaps(
        "\n".join(
            f'ex:c{i} a sk:Channel ; skos:prefLabel "Kanal {i}"@da ; sk:channelTo ex:a ; sk:channelState sk:{st} .'
            for i, st in enumerate(states)
        )
    )
    (gap,) = of_kind(found, "channel_not_open")
    assert gap["text"] == "3 af 4 kanaler til Aby Kommune er åbne; 1 er ikke (under oprettelse): Kanal 3."
    assert gap["severity"] == "medium"


def test_a_channel_being_set_up_is_medium_and_an_open_one_no_gap() -> None:
    found = gaps(
        """ex:c1 a sk:Channel ; skos:prefLabel "Ny kanal"@da , "New channel"@en ; sk:channelState sk:BeingSetUp .
        ex:c2 a sk:Channel ; skos:prefLabel "Åben kanal"@da ; sk:channelState sk:Open .""",
        lang="en",
    )
    (gap,) = of_kind(found, "channel_not_open")
    assert gap["entity"]["id"] == EX + "c1" and gap["severity"] == "medium"
    assert gap["text"] == "The channel “New channel” is being set up."


# ------------------------------------------------------------------------------------------------ deadlines and terms
DEADLINE = """
ex:m sk:deadline ex:d .
ex:d a sk:Deadline ; skos:prefLabel "Senest ved udgangen af 2025: et blivende forum"@da ;
    sk:dueDate "2025-12-31"^^xsd:date ; prov:wasDerivedFrom ex:afsnit .
"""


def test_a_deadline_passed_without_outcome() -> None:
    (gap,) = of_kind(gaps(DEADLINE), "deadline_passed")
    assert gap["severity"] == "high" and gap["entity"]["id"] == EX + "f"
    assert "2025-12-31" in gap["text"] and "blivende forum" in gap["text"]
    assert gap["sources"][0]["section"] == "Arbejdsgruppen"


def test_a_deadline_not_yet_due_or_with_an_outcome_is_no_gap() -> None:
    assert "deadline_passed" not in kinds(gaps(DEADLINE, on=dt.date(2025, 6, 1)))
    assert "deadline_passed" not in kinds(gaps(DEADLINE + 'ex:d sk:outcome "Forum beskrevet"@da .'))


def test_a_membership_whose_term_has_ended() -> None:
    found = gaps(
        """ex:ms a org:Membership ; org:member ex:b ; org:organization ex:f ; sk:validUntil "2025-06-30"^^xsd:date .
        ex:ms2 a org:Membership ; org:member ex:a ; org:organization ex:f ; sk:validUntil "2027-06-30"^^xsd:date ."""
    )
    (gap,) = of_kind(found, "term_ended")
    assert gap["entity"]["id"] == EX + "b" and "2025-06-30" in gap["text"]


def test_a_forum_ending_within_ninety_days_is_noted() -> None:
    found = gaps('ex:f sk:validUntil "2026-12-31"^^xsd:date .')
    (gap,) = of_kind(found, "ending_soon")
    assert "39 dage" in gap["text"]
    assert "ending_soon" not in kinds(gaps('ex:f sk:validUntil "2027-12-31"^^xsd:date .'))


# ------------------------------------------------------------------------------------------------ open questions
def test_other_open_questions_are_listed_low() -> None:
    found = gaps(
        """ex:q a sk:OpenQuestion ; sk:about ex:b ; sk:aspect "date" ; skos:prefLabel "Hvilket år?"@da ;
            rdfs:comment "Kun »den 29. september«."@da ."""
    )
    (gap,) = of_kind(found, "open_question")
    assert gap["severity"] == "low" and gap["text"] == "Hvilket år?: Kun »den 29. september«."


# ------------------------------------------------------------------------------------------------ single points
BRIDGE = """
ex:kom a sk:Municipality ; skos:prefLabel "Kommunen"@da ; sk:sector sk:SectorMunicipal .
ex:psy a sk:PsychiatricService ; skos:prefLabel "Psykiatrien"@da ; sk:sector sk:SectorPsychiatry .
ex:f1 a sk:Committee ; skos:prefLabel "Kommunalt udvalg"@da ; sk:sector sk:SectorMunicipal .
ex:f2 a sk:Committee ; skos:prefLabel "Psykiatriudvalg"@da ; sk:sector sk:SectorPsychiatry .
ex:s1 a sk:Seat ; skos:prefLabel "Plads i kommunalt udvalg"@da ; org:postIn ex:f1 ; sk:onBehalfOf ex:kom ;
    org:heldBy ex:pia .
ex:s2 a sk:Seat ; skos:prefLabel "Plads i psykiatriudvalg"@da ; org:postIn ex:f2 ; sk:onBehalfOf ex:psy ;
    org:heldBy ex:pia .
ex:pia a foaf:Person ; foaf:name "Pia Bro" .
"""


def spof(turtle: str) -> list[dict[str, Any]]:
    return of_kind(find_gaps(tiny(turtle), on=DAY).as_json()["gaps"], "single_point_of_contact")


def test_one_person_linking_two_sectors_is_a_single_point_of_contact() -> None:
    found = {g["entity"]["id"]: g for g in spof(BRIDGE)}
    assert set(found) == {EX + "pia", EX + "s1", EX + "s2"}
    pia = found[EX + "pia"]
    assert pia["severity"] == "high"
    assert pia["text"].startswith("Pia Bro er eneste forbindelse mellem")
    assert "kommunerne" in pia["text"] and "psykiatrien" in pia["text"]


def test_a_second_link_between_the_sectors_removes_the_single_point() -> None:
    assert spof(BRIDGE + "ex:kom org:memberOf ex:f2 . ex:psy org:memberOf ex:f1 .") == []


def test_an_organisation_hanging_on_one_seat_is_a_medium_single_point() -> None:
    """With the municipality in the psychiatry committee both sectors stay linked: each committee or
    organisation hanging on one seat is still worth knowing, but no sector as a whole is cut off."""
    found = spof(BRIDGE + "ex:kom org:memberOf ex:f2 .")
    assert {g["entity"]["id"]: g["severity"] for g in found} == {EX + "s1": "medium", EX + "s2": "medium"}


def test_a_single_point_within_one_sector_is_not_reported() -> None:
    assert spof(BRIDGE.replace("sk:SectorPsychiatry", "sk:SectorMunicipal")) == []


# ------------------------------------------------------------------------------------------------ scope, dates, input
def test_scope_keeps_the_entity_and_what_lies_beneath_it() -> None:
    turtle = """
    ex:a-ppr a org:OrganizationalUnit ; skos:prefLabel "PPR Aby"@da ; org:unitOf ex:a .
    ex:g a sk:Committee ; skos:prefLabel "Udvalget"@da ; sk:secretariatIn ex:b ; sk:hasMandate ex:m ;
        org:reportsTo ex:top .
    ex:g-chair a sk:Seat ; skos:prefLabel "Formand"@da ; org:postIn ex:g ; org:role sk:ChairRole ; org:heldBy ex:p1 .
    ex:s1 a sk:Seat ; skos:prefLabel "Plads for PPR"@da ; org:postIn ex:g ; sk:onBehalfOf ex:a-ppr ; sk:occupancy sk:Vacant .
    ex:s2 a sk:Seat ; skos:prefLabel "Plads for psykiatrien"@da ; org:postIn ex:g ; sk:onBehalfOf ex:b ;
        sk:occupancy sk:Vacant .
    """
    model = tiny(SRC + COMPLETE + turtle)
    report = find_gaps(model, scope="Aby Kommune", on=DAY).as_json()
    assert report["scope"]["id"] == EX + "a"
    assert [g["entity"]["id"] for g in of_kind(report["gaps"], "vacant_seat")] == [EX + "s1"]
    assert all(g["entity"]["id"] != EX + "s2" for g in report["gaps"])
    hosted = of_kind(find_gaps(model, scope="Psykiatrien", on=DAY).as_json()["gaps"], "vacant_seat")
    assert {g["entity"]["id"] for g in hosted} == {EX + "s1", EX + "s2"}  # it hosts the committee


def test_an_unknown_scope_or_scenario_is_bad_input() -> None:
    m = tiny(SRC + COMPLETE)
    with pytest.raises(EntityNotFound):
        find_gaps(m, scope="Atlantis")
    with pytest.raises(InputError):
        find_gaps(m, scenarios=("findes-ikke",))


def test_scenario_elements_count_only_when_chosen() -> None:
    turtle = """ex:sc a sk:Scenario ; sk:scenarioKey "x" .
    ex:s a sk:Seat ; skos:prefLabel "Scenarieplads"@da ; org:postIn ex:f ; sk:occupancy sk:Vacant ; sk:inScenario ex:sc ."""
    assert "vacant_seat" not in kinds(gaps(turtle))
    assert "vacant_seat" in kinds(gaps(turtle, scenarios=("x",)))


def test_report_json_shape_counts_and_english() -> None:
    report = find_gaps(tiny(SRC + COMPLETE + DEADLINE), on=DAY).as_json("en")
    assert set(report) == {"scope", "date", "scenarios", "summary", "gaps"}
    assert report["summary"] == {"total": 1, "high": 1, "medium": 0, "low": 0, "by_kind": {"deadline_passed": 1}}
    (gap,) = report["gaps"]
    assert set(gap) == {"kind", "severity", "entity", "text", "context", "question", "sources"}
    assert gap["entity"] == {"id": EX + "f", "label": "The group", "kind": "forum"}
    assert gap["text"].startswith("The deadline 2025-12-31 of The group has passed")


# ------------------------------------------------------------------------------------------------ bundled data
DATA = Path(__file__).resolve().parents[2] / "data"
ID = "https://w3id.org/samarbejdskort/id/"


def test_bundled_vacant_practice_consultant_seat(bundled) -> None:
    found = find_gaps(bundled, on=DAY).as_json()["gaps"]
    vacant = of_kind(found, "vacant_seat")
    assert [g["entity"]["id"] for g in vacant] == [ID + "forum/randers-implementeringsgruppe/plads/praksiskonsulent"]
    assert vacant[0]["severity"] == "high"


def test_bundled_missing_contact_persons_both_directions(bundled) -> None:
    missing = of_kind(find_gaps(bundled, on=DAY).as_json()["gaps"], "missing_contact_person")
    required_in_bua = [g for g in missing if g["entity"]["id"] == ID + "krav/fast-kontaktperson/bua"]
    required_in_municipalities = [g for g in missing if g["entity"]["id"] != ID + "krav/fast-kontaktperson/bua"]
    assert required_in_bua and len(required_in_municipalities) == 4
    assert all("begge veje" in g["text"] for g in missing)


def test_bundled_midtjysk_deadline_end_2025_is_passed_today_but_not_in_mid_2025(bundled) -> None:
    passed = of_kind(find_gaps(bundled, on=DAY).as_json()["gaps"], "deadline_passed")
    assert [g["entity"]["id"] for g in passed] == [ID + "forum/midtjysk-implementeringsgruppe"]
    assert not of_kind(find_gaps(bundled, on=dt.date(2025, 6, 1)).as_json()["gaps"], "deadline_passed")


def test_bundled_scope_syddjurs_includes_the_group_it_hosts(bundled) -> None:
    found = find_gaps(bundled, scope="Syddjurs Kommune", on=DAY).as_json()["gaps"]
    assert "vacant_seat" in kinds(found)  # the Randers group's secretariat is in Syddjurs
    assert not any("Aarhusklyngen" in g["entity"]["label"] for g in found)


def test_berlin_has_exactly_one_vacant_post(interop: Path) -> None:
    from graph.model import load

    model = load([interop / "berlin" / "SenFin.ttl"])
    found = find_gaps(model).as_json()["gaps"]
    assert [g["kind"] for g in found] == ["vacant_post"]
    assert "N.N." in found[0]["text"]
