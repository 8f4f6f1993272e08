"""The bundled data set says what the Danish source documents say – no more, no less.

Each test checks one fact a user of the map would notice (who sits where, who reports to whom, what is
still open), read straight from ``data/*.ttl`` with plain rdflib.
"""

from __future__ import annotations

import re
from collections import Counter

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDFS, SKOS, XSD

SK = Namespace("https://w3id.org/samarbejdskort/ns#")
ORG = Namespace("http://www.w3.org/ns/org#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
ID = Namespace("https://w3id.org/samarbejdskort/id/")

RANDERS_GROUP = ID["forum/randers-implementeringsgruppe"]
MIDTJYSK_GROUP = ID["forum/midtjysk-implementeringsgruppe"]
CHIEF_GROUP = ID["forum/randers-styregruppe-chefniveau"]
RANDERS_MUNIS = {ID[f"kommune/{m}"] for m in ("favrskov", "norddjurs", "randers", "syddjurs")}
CLUSTER_SIZES = {"randers": 4, "midt": 3, "horsens": 4, "vest": 6, "aarhus": 2}
SOURCE_CLASSES = {SK.SourceDocument, SK.SourceSection}


# ---------------------------------------------------------------- helpers


def seats_of(g: Graph, forum: URIRef) -> set[URIRef]:
    return set(g.subjects(ORG.postIn, forum))


def with_role(g: Graph, seats: set[URIRef], role: URIRef) -> set[URIRef]:
    return {s for s in seats if (s, ORG.role, role) in g}


def label(g: Graph, node: URIRef, lang: str = "da") -> str:
    for o in g.objects(node, SKOS.prefLabel):
        if isinstance(o, Literal) and o.language == lang:
            return str(o)
    raise AssertionError(f"{node} has no @{lang} prefLabel")


def lines(g: Graph, *, frm: URIRef | None = None, to: URIRef | None = None) -> list[URIRef]:
    out = []
    for line in g.subjects(RDF.type, SK.ReportingLine):
        if frm is not None and (line, SK.fromBody, frm) not in g:
            continue
        if to is not None and (line, SK.toBody, to) not in g:
            continue
        out.append(line)
    return out


def in_force_reports_to(g: Graph, body: URIRef) -> set[URIRef]:
    """Targets of org:reportsTo lines from ``body`` outside any scenario (the structure in force)."""
    return {
        g.value(line, SK.toBody)
        for line in lines(g, frm=body)
        if (line, SK.lineKind, ORG.reportsTo) in g and g.value(line, SK.inScenario) is None
    }


def ints(g: Graph, node: URIRef, prop: URIRef) -> int:
    value = g.value(node, prop)
    assert value is not None, f"{node} lacks {prop}"
    return int(value.toPython())


# ---------------------------------------------------------------- Randersklyngen (seeds 000/001)


def test_randersklyngen_has_its_seven_members(kg: Graph) -> None:
    cluster = ID["klynge/randers"]
    members = {kg.value(m, ORG.member) for m in kg.subjects(ORG.organization, cluster)}
    assert members == RANDERS_MUNIS | {ID["almen-praksis"], ID["hospital/randers"], ID["psykiatrien-rm"]}
    assert (cluster, SK.acuteHospital, ID["hospital/randers"]) in kg


def test_randers_group_has_one_seat_per_municipality_of_one_to_two_decision_makers(kg: Graph) -> None:
    seats = {s for s in seats_of(kg, RANDERS_GROUP) if kg.value(s, SK.onBehalfOf) in RANDERS_MUNIS}
    municipal = with_role(kg, seats, SK.MemberRole)
    assert {kg.value(s, SK.onBehalfOf) for s in municipal} == RANDERS_MUNIS
    assert len(municipal) == 4
    for s in municipal:
        assert (ints(kg, s, SK.seatsMin), ints(kg, s, SK.seatsMax)) == (1, 2)
        assert kg.value(s, SK.requiresDecisionAuthority).toPython() is True
        assert kg.value(s, SK.occupancy) == SK.HolderNotStated


def test_randers_group_seats_match_the_terms_of_reference(kg: Graph) -> None:
    seats = seats_of(kg, RANDERS_GROUP)
    members = with_role(kg, seats, SK.MemberRole)
    secretary = with_role(kg, seats, SK.SecretaryRole)
    assert len(seats) == 9  # 4 municipal + chief physician + child psychiatry + GP consultant + secretary + chair
    assert (len(members), len(secretary), len(with_role(kg, seats, SK.ChairRole))) == (7, 1, 1)
    listed = members | secretary  # the chair is appointed from Syddjurs, not an extra body
    assert sum(ints(kg, s, SK.seatsMin) for s in listed) == 8
    assert sum(ints(kg, s, SK.seatsMax) for s in listed) == 13

    (chief,) = [s for s in members if "Cheflæge" in label(kg, s)]
    unit = kg.value(chief, SK.onBehalfOf)
    assert (unit, ORG.unitOf, ID["hospital/randers"]) in kg
    assert "Kvinde-Barn" in label(kg, unit)
    assert (ints(kg, chief, SK.seatsMin), ints(kg, chief, SK.seatsMax)) == (1, 1)

    (psychiatry,) = [s for s in members if kg.value(s, SK.onBehalfOf) == ID.bua]
    assert (ints(kg, psychiatry, SK.seatsMin), ints(kg, psychiatry, SK.seatsMax)) == (1, 2)
    assert (ID.bua, ORG.subOrganizationOf, ID["psykiatrien-rm"]) in kg


def test_randers_practice_consultant_seat_is_vacant(kg: Graph) -> None:
    vacant = [s for s in seats_of(kg, RANDERS_GROUP) if (s, SK.occupancy, SK.Vacant) in kg]
    assert len(vacant) == 1
    (seat,) = vacant
    assert kg.value(seat, SK.onBehalfOf) == ID["almen-praksis"]
    assert "praksiskonsulent" in label(kg, seat)
    assert kg.value(seat, ORG.heldBy) is None


def test_randers_secretariat_and_chair_come_from_syddjurs(kg: Graph) -> None:
    syddjurs = ID["kommune/syddjurs"]
    assert kg.value(RANDERS_GROUP, SK.secretariatIn) == syddjurs
    assert kg.value(RANDERS_GROUP, SK.chairFrom) == syddjurs
    seats = seats_of(kg, RANDERS_GROUP)
    (chair,) = with_role(kg, seats, SK.ChairRole)
    (secretary,) = with_role(kg, seats, SK.SecretaryRole)
    for s in (chair, secretary):
        assert kg.value(s, SK.onBehalfOf) == syddjurs
        assert kg.value(s, SK.occupancy) == SK.HolderNotStated
    assert "AC-medarbejder" in label(kg, secretary)
    assert (secretary, SK.handlesTopic, ID["emne/dagsorden"]) in kg


def test_randers_group_reports_to_its_cluster_steering_group_which_reports_to_ssu(kg: Graph) -> None:
    steering = ID["klyngestyregruppe/randers"]
    assert in_force_reports_to(kg, RANDERS_GROUP) == {steering}
    assert in_force_reports_to(kg, steering) == {ID.ssu}
    assert (steering, SK.clusterOf, ID["klynge/randers"]) in kg


def test_randers_mandate_is_an_undated_draft_and_the_forum_is_active(kg: Graph) -> None:
    mandate = ID["forum/randers-implementeringsgruppe/kommissorium"]
    assert (RANDERS_GROUP, SK.hasMandate, mandate) in kg
    assert (RANDERS_GROUP, SK.status, SK.Active) in kg
    assert kg.value(mandate, SK.status) == SK.Proposed
    assert "udateret" in str(kg.value(mandate, SK.dateText))
    assert kg.value(mandate, SK.approvedOn) is None
    purposes = {o.language for o in kg.objects(mandate, SK.purpose)}
    assert purposes == {"da", "en"}
    tasks = sorted(ints(kg, t, SK.order) for t in kg.objects(mandate, SK.task))
    assert tasks == [1, 2, 3, 4, 5]


def test_randers_meeting_rule_4_to_6_a_year_with_agenda_and_minutes_deadlines(kg: Graph) -> None:
    mandate = ID["forum/randers-implementeringsgruppe/kommissorium"]
    (rule,) = kg.objects(mandate, SK.meetingRule)
    assert (ints(kg, rule, SK.meetingsPerYearMin), ints(kg, rule, SK.meetingsPerYearMax)) == (4, 6)
    for prop, expected in ((SK.agendaProposalLead, "P1M"), (SK.agendaLead, "P7D"), (SK.minutesWithin, "P7D")):
        value = kg.value(rule, prop)
        assert value.datatype == XSD.duration and str(value) == expected


# ---------------------------------------------------------------- Randersklyngen status 1 March 2024 (seed 002)


def test_kosu_and_cluster_communication_lines_are_only_proposed(kg: Graph) -> None:
    (to_kosu,) = lines(kg, frm=RANDERS_GROUP, to=ID.kosu)
    assert kg.value(to_kosu, SK.lineKind) == SK.raisesDecisionsTo
    assert kg.value(to_kosu, SK.status) == SK.Proposed
    kinds = {
        kg.value(line, SK.lineKind): kg.value(line, SK.status)
        for line in lines(kg, frm=RANDERS_GROUP, to=ID["klyngestyregruppe/randers"])
    }
    assert kinds[SK.communicatesWith] == SK.Proposed
    assert kinds[ORG.reportsTo] == SK.Active


def test_correspondence_channels_leave_open_which_municipality_is_missing(kg: Graph) -> None:
    channels = {c for c in kg.subjects(SK.channelFrom, ID["almen-praksis"]) if (c, RDF.type, SK.Channel) in kg}
    assert len(channels) == 4
    targets = {kg.value(c, SK.channelTo) for c in channels}
    assert {kg.value(t, ORG.unitOf) for t in targets} == RANDERS_MUNIS
    assert all("PPR" in label(kg, t) for t in targets)
    assert {kg.value(c, SK.channelState) for c in channels} == {SK.StateNotStated}
    questions = [q for q in kg.subjects(RDF.type, SK.OpenQuestion) if set(kg.objects(q, SK.about)) == channels]
    assert len(questions) == 1
    assert kg.value(questions[0], SK.aspect) == Literal("which")
    comments = {c.language: str(c) for c in kg.objects(questions[0], RDFS.comment)}
    assert "tre ud af fire" in comments["da"] and "three of the four" in comments["en"]


def test_bua_advice_channel_is_open_with_its_three_conditions(kg: Graph) -> None:
    channel = ID["kanal/bua-raadgivning"]
    unit = kg.value(channel, SK.channelTo)
    assert unit == ID["bua/raadgivningsenhed"] and (unit, ORG.unitOf, ID.bua) in kg
    assert kg.value(channel, SK.channelState) == SK.Open
    assert set(kg.objects(channel, SK.channelFrom)) == RANDERS_MUNIS
    conditions = {(str(c), c.language) for c in kg.objects(channel, SK.condition)}
    assert conditions == {
        ("Kun 1:1 – én medarbejder ad gangen", "da"),
        ("1:1 only – one member of staff at a time", "en"),
        ("Generelle faglige problemstillinger – ingen konkrete sager", "da"),
        ("General professional questions – no concrete cases", "en"),
        ("Der skal ikke søges samtykke", "da"),
        ("No consent needed", "en"),
    }
    assert {ID["emne/sparring"], ID["emne/henvisning"]} <= set(kg.objects(unit, SK.handlesTopic))


def test_bua_viso_interface_is_an_open_question(kg: Graph) -> None:
    assert kg.value(ID.viso, SK.abbreviation) == Literal("VISO")
    assert (ID.viso, SK.handlesTopic, ID["emne/specialiseret-raadgivning"]) in kg
    about_viso = [q for q in kg.subjects(SK.about, ID.viso) if (q, RDF.type, SK.OpenQuestion) in kg]
    assert len(about_viso) == 1


def test_fixed_contact_persons_are_requested_both_ways_and_nobody_is_named(kg: Graph) -> None:
    reqs = set(kg.subjects(RDF.type, SK.ContactPersonRequirement))
    by_bua = {r for r in reqs if (r, SK.requestedBy, ID.bua) in kg}
    assert {kg.value(r, SK.requiredIn) for r in by_bua} == RANDERS_MUNIS and len(by_bua) == 4
    in_bua = {r for r in reqs if (r, SK.requiredIn, ID.bua) in kg}
    assert len(in_bua) == 1
    assert set(kg.objects(next(iter(in_bua)), SK.requestedBy)) == RANDERS_MUNIS
    assert reqs == by_bua | in_bua
    assert not any(kg.value(r, SK.fulfilledBy) for r in reqs)


def test_requests_name_who_asked(kg: Graph) -> None:
    def requesters(topic: str) -> set[URIRef]:
        (req,) = [r for r in kg.subjects(SK.handlesTopic, ID[f"emne/{topic}"]) if (r, RDF.type, SK.Request) in kg]
        return set(kg.objects(req, SK.requestedBy))

    assert requesters("maalgruppekriterier") == {ID["hospital/randers"], ID["almen-praksis"]}
    assert requesters("kortlaegning-samarbejdsflader") == {RANDERS_GROUP}
    structured = ID["oenske/randers-struktureret-sparring"]
    (ward,) = kg.objects(structured, SK.requestedBy)
    assert (ward, ORG.unitOf, ID["hospital/randers"]) in kg


def test_chief_level_steering_group_exists_only_in_its_scenario(kg: Graph) -> None:
    scenario = kg.value(CHIEF_GROUP, SK.inScenario)
    assert kg.value(scenario, SK.scenarioKey) == Literal("styregruppe-chefniveau")
    assert kg.value(CHIEF_GROUP, SK.status) == SK.Approved
    assert kg.value(CHIEF_GROUP, SK.approvedOn) == Literal("2023-11-28", datatype=XSD.date)
    assert kg.value(CHIEF_GROUP, SK.approvedBy) == ID["klyngestyregruppe/randers"]
    touching = lines(kg, frm=CHIEF_GROUP) + lines(kg, to=CHIEF_GROUP)
    assert len(touching) == 2
    assert all(kg.value(line, SK.inScenario) == scenario for line in touching)
    assert all(kg.value(s, SK.inScenario) == scenario for s in seats_of(kg, CHIEF_GROUP))
    (chair,) = with_role(kg, seats_of(kg, CHIEF_GROUP), SK.ChairRole)
    assert kg.value(chair, SK.onBehalfOf) == ID["klyngestyregruppe/randers"]
    # outside the scenario the implementation group still reports straight to the cluster steering group
    assert CHIEF_GROUP not in in_force_reports_to(kg, RANDERS_GROUP)
    # the implementation group's advice against the extra layer is recorded with its source
    comments = " ".join(str(c) for c in kg.objects(CHIEF_GROUP, RDFS.comment))
    assert "afvige fra at indskyde" in comments


def test_broader_purpose_is_a_second_proposed_mandate(kg: Graph) -> None:
    mandates = set(kg.objects(RANDERS_GROUP, SK.hasMandate))
    assert len(mandates) == 2
    (revised,) = [m for m in mandates if (m, PROV.wasRevisionOf, None) in kg]
    assert kg.value(revised, SK.status) == SK.Proposed
    assert {o.language for o in kg.objects(revised, SK.purpose)} == {"da", "en"}


def test_ssu_risk_group_decision_has_no_year(kg: Graph) -> None:
    agreement = ID["aftale/tidlig-opsporing-risikogrupper"]
    assert kg.value(agreement, SK.approvedBy) == ID.ssu
    assert "29. september" in str(kg.value(agreement, SK.dateText))
    assert kg.value(agreement, SK.approvedOn) is None
    (question,) = kg.subjects(SK.about, agreement)
    assert kg.value(question, SK.aspect) == Literal("date")
    groups = set(kg.subjects(SKOS.broader, ID["emne/risikogrupper"]))
    assert len(groups) == 3 and groups <= set(kg.objects(agreement, SK.handlesTopic))


def test_school_and_kui_responsibility_is_not_placed(kg: Graph) -> None:
    (resp,) = kg.subjects(RDF.type, SK.Responsibility)
    assert kg.value(resp, SK.responsibilityOf) == RANDERS_GROUP
    assert kg.value(resp, SK.placedWith) is None
    assert {ID["emne/skole"], ID["emne/kui"]} <= set(kg.objects(resp, SK.handlesTopic))


def test_the_documents_contact_person_is_linked_from_the_source_only(kg: Graph) -> None:
    (person,) = kg.subjects(RDF.type, FOAF.Person)
    assert kg.value(person, FOAF.name) == Literal("Louise Morris Jones")
    assert (ID["kilde/randers-status-2024"], SK.contactPerson, person) in kg
    point = kg.value(person, SK.contactPoint)
    assert kg.value(point, SK.functional).toPython() is False
    assert not list(kg.subjects(ORG.heldBy, person))
    assert not list(kg.subjects(SK.fulfilledBy, person))


# ---------------------------------------------------------------- Midtklyngen 2023 (seed 003)


def test_midtklyngen_collaboration_model_is_proposed_with_ten_content_areas(kg: Graph) -> None:
    model = ID["forum/midtklyngen-samarbejdsmodel"]
    assert kg.value(model, SK.status) == SK.Proposed
    parties = {kg.value(m, ORG.member) for m in kg.subjects(ORG.organization, model)}
    assert {ID["kommune/silkeborg"], ID["kommune/skive"], ID["kommune/viborg"], ID.bua, ID["almen-praksis"]} < parties
    assert len(parties) == 6
    (mandate,) = kg.objects(model, SK.hasMandate)
    elements = sorted(kg.objects(mandate, SK.element), key=lambda e: ints(kg, e, SK.order))
    assert [ints(kg, e, SK.order) for e in elements] == list(range(1, 11))
    assert label(kg, elements[0]) == "Samarbejdsform"
    assert label(kg, elements[8]) == "Kontaktpersonordning"
    assert (elements[8], SK.handlesTopic, ID["emne/kontaktperson"]) in kg


# ---------------------------------------------------------------- Midtjysk samarbejdsmodel (seed 004)


def test_midtjysk_group_reports_to_ssg_and_gives_status_to_ssg_and_ssu(kg: Graph) -> None:
    kinds = Counter((kg.value(line, SK.lineKind), kg.value(line, SK.toBody)) for line in lines(kg, frm=MIDTJYSK_GROUP))
    assert kinds == Counter(
        {
            (ORG.reportsTo, ID.ssg): 1,
            (SK.raisesDecisionsTo, ID.ssg): 1,
            (SK.givesStatusTo, ID.ssg): 1,
            (SK.givesStatusTo, ID.ssu): 1,
        }
    )
    (report,) = [line for line in lines(kg, frm=MIDTJYSK_GROUP) if (line, SK.lineKind, ORG.reportsTo) in kg]
    assert Literal(
        "Formandskabet har kompetence til at indstille beslutninger til Sundhedsstyregruppen", lang="da"
    ) in set(kg.objects(report, SK.basis))


def test_midtjysk_group_has_one_seat_for_each_of_the_19_municipalities(kg: Graph) -> None:
    municipalities = set(kg.subjects(RDF.type, SK.Municipality))
    municipal = [s for s in seats_of(kg, MIDTJYSK_GROUP) if kg.value(s, SK.onBehalfOf) in municipalities]
    assert len(municipal) == 19
    assert {kg.value(s, SK.onBehalfOf) for s in municipal} == municipalities
    for s in municipal:
        assert (ints(kg, s, SK.seatsMin), ints(kg, s, SK.seatsMax)) == (1, 1)
        assert kg.value(s, SK.occupancy) == SK.HolderNotStated
        assert any("fx PPR" in str(c) for c in kg.objects(s, RDFS.comment))


def test_midtjysk_group_other_seats_co_chairs_and_secretariat(kg: Graph) -> None:
    seats = seats_of(kg, MIDTJYSK_GROUP)

    def span(org: URIRef) -> tuple[int, int]:
        (s,) = [s for s in seats if (s, SK.onBehalfOf, org) in kg and (s, ORG.role, SK.MemberRole) in kg]
        return ints(kg, s, SK.seatsMin), ints(kg, s, SK.seatsMax)

    assert len([s for s in seats if (s, SK.onBehalfOf, ID.bua) in kg]) == 2  # management + project leader
    assert span(ID["almen-praksis"]) == (1, 2)
    assert span(ID["plo-midtjylland"]) == (1, 2)
    assert span(ID["hospital/auh"]) == (1, 2)
    co_chairs = with_role(kg, seats, SK.CoChairRole)
    assert len(co_chairs) == 2 and not with_role(kg, seats, SK.ChairRole)
    assert len(with_role(kg, seats, SK.SecretaryRole)) == 2
    assert len(seats) == 19 + 5 + 2 + 2


def test_midtjysk_mandate_approved_by_ssg_and_updated(kg: Graph) -> None:
    (mandate,) = kg.objects(MIDTJYSK_GROUP, SK.hasMandate)
    assert kg.value(mandate, SK.approvedBy) == ID.ssg
    assert kg.value(mandate, SK.approvedOn) == Literal("2025-03-27", datatype=XSD.date)
    assert kg.value(mandate, SK.updatedOn) == Literal("2026-01-15", datatype=XSD.date)
    assert kg.value(MIDTJYSK_GROUP, SK.validFrom) == Literal("2025-03-27", datatype=XSD.date)
    assert len(set(kg.objects(mandate, SK.principle))) == 5
    assert len(set(kg.objects(mandate, SK.competence))) == 3
    assert len(set(kg.objects(mandate, SK.duty))) == 4
    elements = {ints(kg, e, SK.order): e for e in kg.objects(mandate, SK.element)}
    assert sorted(elements) == [1, 2, 3, 4]
    topics = set(kg.objects(elements[2], SK.handlesTopic))
    assert {ID["emne/data"], ID["emne/it-og-kommunikation"], ID["emne/jura"]} <= topics


def test_permanent_forum_deadline_end_of_2025_has_no_recorded_outcome(kg: Graph) -> None:
    (mandate,) = kg.objects(MIDTJYSK_GROUP, SK.hasMandate)
    (deadline,) = [d for d in kg.objects(mandate, SK.deadline) if "blivende forum" in label(kg, d)]
    assert kg.value(deadline, SK.dueDate) == Literal("2025-12-31", datatype=XSD.date)
    assert kg.value(deadline, SK.outcome) is None


def test_midtjysk_meeting_rules_for_2025_and_2026(kg: Graph) -> None:
    (mandate,) = kg.objects(MIDTJYSK_GROUP, SK.hasMandate)
    rules = {str(kg.value(r, SK.validFrom))[:4]: r for r in kg.objects(mandate, SK.meetingRule)}
    assert set(rules) == {"2025", "2026"}
    r25, r26 = rules["2025"], rules["2026"]
    assert kg.value(r25, SK.meetingsPerYearMin) is None and ints(kg, r25, SK.meetingsPerYearMax) == 6
    assert (ints(kg, r26, SK.meetingsPerYearMin), ints(kg, r26, SK.meetingsPerYearMax)) == (5, 5)
    for rule, year in ((r25, "2025"), (r26, "2026")):
        assert float(kg.value(rule, SK.meetingDurationHours).toPython()) == 3.0
        assert kg.value(rule, SK.validFrom) == Literal(f"{year}-01-01", datatype=XSD.date)
        assert kg.value(rule, SK.validUntil) == Literal(f"{year}-12-31", datatype=XSD.date)
    assert kg.value(r25, SK.meetingPlace) is not None


def test_continuation_in_2026_approved_by_ssg_and_ssu(kg: Graph) -> None:
    (req,) = kg.subjects(SK.requestedBy, MIDTJYSK_GROUP)
    assert set(kg.objects(req, SK.approvedBy)) == {ID.ssg, ID.ssu}
    assert kg.value(req, SK.status) == SK.Approved


def test_stime_partnership_is_still_to_find_its_form(kg: Graph) -> None:
    stime = ID["partnerskab/stime"]
    assert (stime, RDF.type, SK.Partnership) in kg
    assert kg.value(stime, SK.status) == SK.Proposed
    (question,) = kg.subjects(SK.about, stime)
    assert kg.value(question, SK.aspect) == Literal("which")


# ---------------------------------------------------------------- bodies above, municipalities, clusters


def test_all_19_municipalities_and_5_clusters_with_4_3_4_6_2_municipalities(kg: Graph) -> None:
    municipalities = set(kg.subjects(RDF.type, SK.Municipality))
    assert len(municipalities) == 19
    for m in municipalities:
        da, en = label(kg, m, "da"), label(kg, m, "en")
        assert da.endswith(" Kommune") and en == da.removesuffix(" Kommune") + " Municipality"
        assert kg.value(m, SK.sector) == SK.SectorMunicipal
        assert re.fullmatch(r"[a-z-]+", str(m).removeprefix(str(ID["kommune/"])))
    sizes = {}
    seen: list[URIRef] = []
    for key in CLUSTER_SIZES:
        cluster = ID[f"klynge/{key}"]
        assert (cluster, RDF.type, SK.HealthCluster) in kg
        members = {kg.value(ms, ORG.member) for ms in kg.subjects(ORG.organization, cluster)} & municipalities
        sizes[key] = len(members)
        seen.extend(members)
        assert (kg.value(cluster, SK.acuteHospital), RDF.type, SK.Hospital) in kg
    assert sizes == CLUSTER_SIZES
    assert sorted(seen) == sorted(municipalities)  # each municipality in exactly one cluster


def test_each_cluster_steering_group_reports_to_ssu_until_2027(kg: Graph) -> None:
    groups = set(kg.subjects(RDF.type, SK.ClusterSteeringGroup))
    assert {kg.value(g, SK.clusterOf) for g in groups} == {ID[f"klynge/{k}"] for k in CLUSTER_SIZES}
    for group in groups:
        assert in_force_reports_to(kg, group) == {ID.ssu}
        assert kg.value(group, SK.validUntil) == Literal("2026-12-31", datatype=XSD.date)


def test_ssu_ssg_kosu_psykiatriforum_lines(kg: Graph) -> None:
    assert kg.value(ID.ssu, SK.abbreviation) == Literal("SSU")
    assert kg.value(ID.ssu, SK.validUntil) == Literal("2026-12-31", datatype=XSD.date)
    assert in_force_reports_to(kg, ID.ssg) == {ID.ssu}
    assert in_force_reports_to(kg, ID.psykiatriforum) == {ID.ssg}
    kosu = {
        kg.value(line, SK.toBody) for line in lines(kg, frm=ID.kosu) if (line, SK.lineKind, SK.raisesDecisionsTo) in kg
    }
    assert kosu == {ID.ssg, ID.ssu}
    assert len(with_role(kg, seats_of(kg, ID.ssg), SK.CoChairRole)) == 2
    assert len(with_role(kg, seats_of(kg, ID.kosu), SK.ChairRole)) == 1


# ---------------------------------------------------------------- topics


def test_topic_scheme_is_searchable(kg: Graph) -> None:
    concepts = set(kg.subjects(SKOS.inScheme, SK.topics))
    assert 35 <= len(concepts) <= 45
    assert Literal("faglig sparring", lang="da") in set(kg.objects(ID["emne/sparring"], SKOS.altLabel))
    for c in concepts:
        label(kg, c, "da")
        label(kg, c, "en")
    handled = set(kg.objects(None, SK.handlesTopic))
    assert handled <= concepts
    assert (ID["emne/specialiseret-raadgivning"], SKOS.broader, ID["emne/raadgivning"]) in kg


# ---------------------------------------------------------------- integrity of the whole data set


def test_every_typed_entity_has_a_source_document_with_a_title(kg: Graph) -> None:
    missing = []
    for s in set(kg.subjects(RDF.type, None)):
        if set(kg.objects(s, RDF.type)) & SOURCE_CLASSES:
            continue
        sections = list(kg.objects(s, PROV.wasDerivedFrom))
        if not sections:
            missing.append(s)
        for sec in sections:
            assert (sec, RDF.type, SK.SourceSection) in kg, sec
            assert kg.value(sec, SK.section) is not None, sec
            doc = kg.value(sec, DCTERMS.isPartOf)
            assert (doc, RDF.type, SK.SourceDocument) in kg, sec
            assert kg.value(doc, DCTERMS.title) is not None, doc
            assert kg.value(doc, SK.seedFile) or kg.value(doc, DCTERMS.source), doc
            assert kg.value(doc, DCTERMS.date) or kg.value(doc, SK.dateText), doc
    assert not missing, missing


def test_seeds_000_and_001_are_one_document(kg: Graph) -> None:
    docs = {d for d in kg.subjects(RDF.type, SK.SourceDocument) if kg.value(d, SK.seedFile)}
    files = sorted(str(f) for d in docs for f in kg.objects(d, SK.seedFile))
    assert len(docs) == 4 and len(files) == 5
    (draft,) = [d for d in docs if len(set(kg.objects(d, SK.seedFile))) == 2]
    assert {str(f)[:3] for f in kg.objects(draft, SK.seedFile)} == {"000", "001"}


def test_no_email_or_phone_except_the_seed_002_contact_person(kg: Graph) -> None:
    allowed = ID["person/louise-morris-jones/kontakt"]
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    phone = re.compile(r"(?<![\d-])(?:\+45 ?)?\d{2} ?\d{2} ?\d{2} ?\d{2}(?![\d-])")
    offenders = set()
    for s, _, o in kg:
        text = str(o)
        contact = isinstance(o, URIRef) and (text.startswith(("mailto:", "tel:")))
        literal_hit = isinstance(o, Literal) and (email.search(text) or phone.search(text))
        if (contact or literal_hit) and s != allowed:
            offenders.add((s, text))
    assert not offenders, offenders
    assert {str(o) for o in kg.objects(allowed, VCARD.hasEmail)} == {"mailto:lmjo@syddjurs.dk"}
    assert len(list(kg.objects(allowed, VCARD.hasTelephone))) == 1


def test_every_seat_has_exactly_one_occupancy(kg: Graph) -> None:
    for seat in kg.subjects(RDF.type, SK.Seat):
        holders = list(kg.objects(seat, ORG.heldBy)) + list(kg.objects(seat, SK.occupancy))
        assert len(holders) == 1, seat
        assert kg.value(seat, ORG.postIn) is not None and kg.value(seat, ORG.role) is not None, seat


def test_every_referenced_id_iri_is_defined(kg: Graph) -> None:
    typed = set(kg.subjects(RDF.type, None))
    dangling = {
        n
        for triple in kg
        for n in (triple[0], triple[2])
        if isinstance(n, URIRef) and str(n).startswith(str(ID)) and n not in typed
    }
    assert not dangling, dangling


def test_only_vocabulary_terms_that_exist(kg: Graph, vocabulary: Graph) -> None:
    defined = set(vocabulary.subjects())
    used = set(kg.predicates()) | {o for o in kg.objects() if isinstance(o, URIRef)}
    unknown = {t for t in used if str(t).startswith(str(SK)) and t not in defined}
    assert not unknown, unknown


def test_everything_a_person_sees_has_danish_and_english_labels(kg: Graph) -> None:
    for s in set(kg.subjects(RDF.type, None)):
        if set(kg.objects(s, RDF.type)) & SOURCE_CLASSES:
            continue
        label(kg, s, "da")
        label(kg, s, "en")
