"""Who do I contact about X: nearness, channels and their conditions, vacancies, dates, scenarios."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from graph.contacts import contact, resolve_asker
from graph.errors import AmbiguousEntity, EntityNotFound, InputError, UnknownTopic
from ontology.iris import PROV
from tests.conftest import tiny

PROV_DERIVED = PROV.wasDerivedFrom

EX = "http://example.org/"

# Two municipalities in one cluster (Aby, Bby), one outside (Cby); child psychiatry with an advice unit that
# Aby reaches through an open channel; a national advice body; a forum where Aby and psychiatry have seats,
# a vacant GP seat and a held secretary seat; a requested contact person in psychiatry nobody was named for.
GRAPH = """
ex:region a sk:Region ; skos:prefLabel "Regionen"@da , "The region"@en ; sk:sector sk:SectorRegion .
ex:psyk a sk:PsychiatricService ; skos:prefLabel "Børnepsykiatrien"@da , "Child psychiatry"@en ;
    org:subOrganizationOf ex:region ; sk:sector sk:SectorPsychiatry .
ex:raad a org:OrganizationalUnit ; skos:prefLabel "Rådgivningsenheden"@da , "Advice unit"@en ;
    org:unitOf ex:psyk ; sk:sector sk:SectorPsychiatry ; sk:handlesTopic ex:sparring ;
    prov:wasDerivedFrom ex:kilde-afsnit .
ex:kilde-afsnit a sk:SourceSection ; sk:section "2. Rådgivning"@da ; dct:isPartOf ex:kilde .
ex:kilde a sk:SourceDocument ; dct:title "Statusnotat"@da ; dct:date "2024-03-01"^^xsd:date .

ex:aby a sk:Municipality ; skos:prefLabel "Aby Kommune"@da , "Aby Municipality"@en ; sk:sector sk:SectorMunicipal ;
    org:memberOf ex:klynge .
ex:aby-ppr a org:OrganizationalUnit ; skos:prefLabel "PPR, Aby Kommune"@da ; org:unitOf ex:aby ;
    sk:sector sk:SectorMunicipal ; sk:handlesTopic ex:sparring .
ex:bby a sk:Municipality ; skos:prefLabel "Bby Kommune"@da ; sk:sector sk:SectorMunicipal ; org:memberOf ex:klynge .
ex:cby a sk:Municipality ; skos:prefLabel "Cby Kommune"@da ; sk:sector sk:SectorMunicipal .
ex:klynge a sk:HealthCluster ; skos:prefLabel "Klyngen"@da .
ex:praksis a sk:GeneralPractice ; skos:prefLabel "Lægepraksis i klyngen"@da ; sk:sector sk:SectorGeneralPractice ;
    org:memberOf ex:klynge .

ex:kanal a sk:Channel ; skos:prefLabel "Sparring med Rådgivningsenheden"@da , "Sparring with the advice unit"@en ;
    sk:channelFrom ex:aby ; sk:channelTo ex:raad ; sk:channelState sk:Open ;
    sk:condition "Kun 1:1"@da , "1:1 only"@en , "Ingen konkrete sager"@da , "No concrete cases"@en ;
    sk:handlesTopic ex:sparring ; prov:wasDerivedFrom ex:kilde-afsnit .
ex:viso a sk:NationalBody ; skos:prefLabel "VISO"@da ; sk:sector sk:SectorNational ; sk:handlesTopic ex:special .

ex:forum a sk:ImplementationGroup ; skos:prefLabel "Implementeringsgruppen"@da , "Implementation group"@en ;
    sk:secretariatIn ex:bby .
ex:seat-aby a sk:Seat ; skos:prefLabel "Plads for Aby"@da ; org:postIn ex:forum ; org:role sk:MemberRole ;
    sk:onBehalfOf ex:aby ; sk:occupancy sk:HolderNotStated .
ex:seat-psyk a sk:Seat ; skos:prefLabel "Plads for børnepsykiatrien"@da ; org:postIn ex:forum ;
    org:role sk:MemberRole ; sk:onBehalfOf ex:psyk ; sk:occupancy sk:HolderNotStated .
ex:seat-gp a sk:Seat ; skos:prefLabel "Praksiskonsulent (vakant)"@da , "Practice consultant (vacant)"@en ;
    org:postIn ex:forum ; org:role sk:MemberRole ; sk:occupancy sk:Vacant ; sk:handlesTopic ex:henvisning .
ex:seat-sek a sk:Seat ; skos:prefLabel "Sekretær"@da , "Secretary"@en ; org:postIn ex:forum ;
    org:role sk:SecretaryRole ; sk:onBehalfOf ex:bby ; org:heldBy ex:sara ; sk:handlesTopic ex:dagsorden .
ex:sara a foaf:Person ; foaf:name "Sara Sekretær" ; sk:contactPoint ex:sara-kontakt , ex:forum-postkasse .
ex:sara-kontakt a sk:ContactPoint ; skos:prefLabel "Saras mobil"@da ; vcard:hasTelephone <tel:+4512345678> ;
    sk:functional false .
ex:forum-postkasse a sk:ContactPoint ; skos:prefLabel "Gruppens postkasse"@da ;
    vcard:hasEmail <mailto:gruppen@example.org> .

ex:krav a sk:ContactPersonRequirement ; skos:prefLabel "Fast kontaktperson i børnepsykiatrien"@da ;
    sk:requiredIn ex:psyk ; sk:requestedBy ex:aby ; sk:handlesTopic ex:kontakt .

ex:gammel a org:OrganizationalUnit ; skos:prefLabel "Gammel samtykkeenhed"@da ; org:unitOf ex:aby ;
    sk:validUntil "2020-12-31"^^xsd:date ; sk:handlesTopic ex:samtykke .
ex:ny a org:OrganizationalUnit ; skos:prefLabel "Ny samtykkeenhed"@da ; org:unitOf ex:bby ;
    sk:inScenario ex:scenarie ; sk:handlesTopic ex:samtykke .
ex:scenarie a sk:Scenario ; sk:scenarioKey "ny-enhed" .
ex:forslag a sk:Channel ; skos:prefLabel "Foreslået samtykkekanal"@da ; sk:status sk:Proposed ;
    sk:channelFrom ex:cby ; sk:channelTo ex:cby-jura ; sk:channelState sk:Requested ; sk:handlesTopic ex:samtykke .
ex:cby-jura a org:OrganizationalUnit ; skos:prefLabel "Jura, Cby"@da ; org:unitOf ex:cby .

ex:sparring a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "sparring"@da , "sparring"@en ;
    skos:altLabel "faglig sparring"@da .
ex:special a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "specialiseret rådgivning"@da .
ex:henvisning a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "henvisning"@da , "referral"@en .
ex:dagsorden a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "dagsorden"@da , "agenda"@en .
ex:kontakt a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "kontaktperson"@da .
ex:samtykke a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "samtykke"@da , "consent"@en .
ex:ingen a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "ingen varetager dette"@da .
"""
DAY = dt.date(2024, 6, 1)


@pytest.fixture(scope="module")
def model():
    return tiny(GRAPH)


def ask(model, topic: str, asker: str | None = "Aby Kommune", **kw: Any) -> dict[str, Any]:
    kw.setdefault("on", DAY)
    lang = kw.pop("lang", "da")
    return contact(model, topic, asker, **kw).as_json(lang)


def whos(payload: dict[str, Any]) -> list[str]:
    return [a["who"]["id"].removeprefix(EX) for a in payload["answers"]]


# ------------------------------------------------------------------------------------------------ ranking
def test_a_channel_from_my_organisation_comes_first(model) -> None:
    p = ask(model, "faglig sparring")
    assert whos(p)[:2] == ["raad", "aby-ppr"]
    first = p["answers"][0]
    assert first["nearness"]["code"] == "channel"
    assert first["reach"][0]["via"] == "channel" and first["reach"][0]["id"] == EX + "kanal"
    assert first["organisation"]["id"] == EX + "psyk"


def test_cluster_before_region(model) -> None:
    """A general practice in the cluster, with no channel: Aby's PPR (same cluster) before psychiatry's advice
    unit (region). A practice serves children from every municipality, so it keeps Aby's PPR."""
    p = ask(model, "sparring", "Lægepraksis i klyngen")
    assert whos(p)[:2] == ["aby-ppr", "raad"]
    assert [a["nearness"]["code"] for a in p["answers"][:2]] == ["cluster", "region"]
    assert p["left_out"] is None


def test_another_municipalitys_own_unit_is_left_out_and_named(model) -> None:
    """Bby, in Aby's cluster: Aby's PPR serves Aby's children, so Bby gets the advice unit, and the answer
    names Aby's PPR as left out (in both languages), not as a route."""
    p = ask(model, "sparring", "Bby Kommune")
    assert whos(p) == ["raad"]
    assert [x["id"] for x in p["left_out"]["who"]] == [EX + "aby-ppr"]
    assert "andre kommuners egne" in p["left_out"]["why"]
    assert "other municipalities' own" in ask(model, "sparring", "Bby Kommune", lang="en")["left_out"]["why"]


def test_a_municipal_unit_whose_municipality_is_not_recorded_is_left_out_too() -> None:
    """»PPR, Kommune 42« with no parent recorded is still another municipality's, not Aby's: left out, named."""
    m = tiny(
        'ex:aby a sk:Municipality ; skos:prefLabel "Aby Kommune"@da ; sk:sector sk:SectorMunicipal .\n'
        'ex:u a org:OrganizationalUnit ; skos:prefLabel "PPR, Kommune 42"@da ; sk:sector sk:SectorMunicipal ;\n'
        "    sk:handlesTopic ex:t .\n"
        'ex:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "emnet"@da .'
    )
    p = contact(m, "emnet", "Aby Kommune", on=DAY).as_json()
    assert whos(p) == [] and [x["label"] for x in p["left_out"]["who"]] == ["PPR, Kommune 42"]
    assert whos(contact(m, "emnet", None, on=DAY).as_json()) == ["u"]


def test_a_channel_to_a_unit_not_yet_in_force_is_no_answer_before_that_date() -> None:
    """A channel being set up to a family department that starts on 10 October leads nowhere in June: not an
    answer then (not the channel itself, as if its end were unknown); in November, the department through it."""
    m = tiny(
        'ex:gp a sk:GeneralPractice ; skos:prefLabel "Lægehuset"@da ; sk:sector sk:SectorGeneralPractice .\n'
        'ex:fam a org:OrganizationalUnit ; skos:prefLabel "Familieafdelingen"@da ; sk:sector sk:SectorMunicipal ;\n'
        '    sk:validFrom "2026-10-10"^^xsd:date .\n'
        'ex:k a sk:Channel ; skos:prefLabel "Kanal til familieafdelingen"@da ; sk:channelFrom ex:gp ;\n'
        "    sk:channelTo ex:fam ; sk:channelState sk:BeingSetUp ; sk:handlesTopic ex:t .\n"
        'ex:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "underretning"@da .'
    )
    assert whos(contact(m, "underretning", None, on=dt.date(2026, 6, 1)).as_json()) == []
    assert whos(contact(m, "underretning", None, on=dt.date(2026, 11, 1)).as_json()) == ["fam"]


def test_a_channel_from_my_municipality_to_anothers_unit_is_my_way_in() -> None:
    """A channel recorded from Bby to Aby's PPR (an agreement to use it): Bby gets Aby's PPR through it."""
    m = tiny(
        'ex:aby a sk:Municipality ; skos:prefLabel "Aby Kommune"@da ; sk:sector sk:SectorMunicipal .\n'
        'ex:bby a sk:Municipality ; skos:prefLabel "Bby Kommune"@da ; sk:sector sk:SectorMunicipal .\n'
        'ex:ppr a org:OrganizationalUnit ; skos:prefLabel "PPR, Aby"@da ; org:unitOf ex:aby ; sk:handlesTopic ex:t .\n'
        'ex:k a sk:Channel ; skos:prefLabel "Aftale om PPR"@da ; sk:channelFrom ex:bby ; sk:channelTo ex:ppr ;\n'
        "    sk:channelState sk:Open ; sk:handlesTopic ex:t .\n"
        'ex:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "emnet"@da .'
    )
    p = contact(m, "emnet", "Bby Kommune", on=DAY).as_json()
    assert whos(p) == ["ppr"] and p["left_out"] is None
    assert p["answers"][0]["reach"][0]["via"] == "channel"


def test_a_forums_secretary_asking_keeps_every_municipalitys_services(model) -> None:
    """The secretary seat, held on Bby's behalf, works for the whole forum: Aby's PPR stays an answer."""
    p = ask(model, "sparring", "Sekretær")
    assert "aby-ppr" in whos(p) and p["left_out"] is None


def test_a_long_left_out_list_names_the_first_six_and_counts_the_rest() -> None:
    """Nineteen municipalities' own units for one topic: the JSON and the one-line text name six and count the
    rest (a national question passes over ~40)."""
    units = "\n".join(
        f'ex:k{i} a sk:Municipality ; skos:prefLabel "K{i:02d} Kommune"@da ; sk:sector sk:SectorMunicipal .\n'
        f'ex:u{i} a org:OrganizationalUnit ; skos:prefLabel "PPR, K{i:02d}"@da ; org:unitOf ex:k{i} ; '
        "sk:sector sk:SectorMunicipal ; sk:handlesTopic ex:t ."
        for i in range(19)
    )
    m = tiny(units + '\nex:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "emnet"@da .')
    p = contact(m, "emnet", "K00 Kommune", on=DAY).as_json()
    assert whos(p) == ["u0"] and p["left_out"]["count"] == 18
    assert [x["label"] for x in p["left_out"]["who"]] == [f"PPR, K{i:02d}" for i in range(1, 7)]
    assert p["left_out"]["text"].endswith("PPR, K06 og 12 flere.")
    assert contact(m, "emnet", "K00 Kommune", on=DAY).as_json("en")["left_out"]["text"].endswith("and 12 more.")


def test_a_forums_secretary_from_another_municipality_still_answers(model) -> None:
    """A secretary seat serves the whole forum, though it is held on Bby's behalf: Cby gets it for the agenda."""
    p = ask(model, "dagsorden", "Cby Kommune")
    assert whos(p)[:1] == ["seat-sek"]


def test_a_channel_recorded_for_someone_else_says_so(model) -> None:
    p = ask(model, "sparring", "Bby Kommune")
    raad = next(a for a in p["answers"] if a["who"]["id"] == EX + "raad")
    assert "ikke fra Bby Kommune" in raad["note"]
    assert raad["reach"][0]["for_you"] is False


def test_national_body_when_only_it_handles_the_topic(model) -> None:
    p = ask(model, "specialiseret rådgivning", "Cby Kommune")
    assert whos(p) == ["viso"]
    assert p["answers"][0]["nearness"]["code"] == "national"


def test_without_an_asker_answers_have_no_nearness_but_still_rank(model) -> None:
    p = ask(model, "sparring", None)
    assert p["asker"] is None
    assert set(whos(p)) == {"raad", "aby-ppr"}
    assert all(a["nearness"] is None for a in p["answers"])


# ------------------------------------------------------------------------------------------------ conditions, why, sources
def test_conditions_of_the_channel_in_the_chosen_language(model) -> None:
    assert sorted(ask(model, "sparring")["answers"][0]["conditions"]) == ["Ingen konkrete sager", "Kun 1:1"]
    assert sorted(ask(model, "sparring", lang="en")["answers"][0]["conditions"]) == ["1:1 only", "No concrete cases"]


def test_why_is_the_chain_from_the_asker_to_the_answer(model) -> None:
    first = ask(model, "sparring")["answers"][0]
    assert first["why_text"].startswith(
        "Aby Kommune → (kanal) Sparring med Rådgivningsenheden → (fører til) Rådgivningsenheden"
    )
    assert [s["relation"] for s in first["why"]] == ["channel_from", "channel_to", "handles"]
    en = ask(model, "sparring", lang="en")["answers"][0]
    assert "(channel)" in en["why_text"] and "(handles the topic) sparring" in en["why_text"]


def test_sources_name_document_date_and_section(model) -> None:
    got = ask(model, "sparring")
    src = [got["sources"][i] for i in got["answers"][0]["sources"]]
    assert {"title": "Statusnotat", "section": "2. Rådgivning", "date": "2024-03-01"}.items() <= src[0].items()


def test_sources_worked_out_one_by_one_are_the_whole_indexs() -> None:
    from graph.model import load

    one_by_one, whole = load(), load()
    ids = [i for d in whole.adjacency.nodes.values() for i in d.get("sources", ())]
    ids += [f"file:{Path(f.path).name}" for f in whole.files] + ["http://example.org/unknown", "f0b1", "file:nope"]
    ids += [str(o) for objs in whole.triple_index().subjects_of(str(PROV_DERIVED)).values() for o in objs]
    assert "sources" not in vars(one_by_one) and whole.sources  # the whole index built first
    assert one_by_one.sources_of(ids[::3]) == whole.sources_of(ids[::3])  # some worked out already, then all
    assert one_by_one.sources_of(ids) == whole.sources_of(ids)
    assert "sources" not in vars(one_by_one)
    assert whole.sources_of(ids) == [whole.sources.get(i) or (i, i, None, None, (), None) for i in dict.fromkeys(ids)]
    # a blank node cited has no entry (the whole index lists IRIs only)
    cites_blank = 'ex:a a org:Organization ; prov:wasDerivedFrom _:s , ex:s . _:s dct:title "T" . ex:s dct:title "S" .'
    one_by_one, whole = tiny(cites_blank), tiny(cites_blank)
    iri, blank = one_by_one.adjacency.nodes[EX + "a"]["sources"]
    assert whole.sources and one_by_one.sources_of([blank, iri]) == whole.sources_of([blank, iri])
    assert [s.title for s in one_by_one.sources_of([blank, iri])] == [blank, "S"] and blank.startswith("u")


# ------------------------------------------------------------------------------------------------ vacancies, missing contacts
def test_a_vacant_seat_is_named_and_followed_by_the_secretary_as_fallback(model) -> None:
    p = ask(model, "henvisning")
    vacant, fallback = p["answers"][:2]
    assert vacant["who"]["id"] == EX + "seat-gp" and vacant["status"] == "vacant" and not vacant["fallback"]
    assert fallback["who"]["id"] == EX + "seat-sek" and fallback["fallback"] is True
    assert "Praksiskonsulent (vakant)" in fallback["note"] and "vakant" in fallback["note"]
    assert fallback["reach"][0]["via"] == "holder" and fallback["reach"][0]["label"] == "Sara Sekretær"


def test_a_missing_contact_person_names_the_body_and_falls_back_to_the_shared_forum(model) -> None:
    p = ask(model, "kontaktperson")
    missing = p["answers"][0]
    assert missing["who"]["id"] == EX + "psyk" and missing["status"] == "missing"
    assert "efterspurgt af Aby Kommune" in missing["note"]
    fallback = p["answers"][1]
    assert fallback["fallback"] and fallback["who"]["id"] == EX + "seat-sek"
    assert any(g["kind"] == "missing_contact_person" for g in p["gaps"])


def test_personal_contact_data_only_when_asked(model) -> None:
    holder = ask(model, "dagsorden")["answers"][0]["reach"][0]
    cps = {cp["label"]: cp for cp in holder["contact_points"]}
    assert cps["Saras mobil"].get("withheld") is True and "phone" not in cps["Saras mobil"]
    assert cps["Gruppens postkasse"]["email"] == ["gruppen@example.org"]
    personal = ask(model, "dagsorden", include_personal=True)["answers"][0]["reach"][0]
    assert {cp["label"]: cp for cp in personal["contact_points"]}["Saras mobil"]["phone"] == ["+4512345678"]


# ------------------------------------------------------------------------------------------------ dates, scenarios, status
def test_an_expired_unit_is_no_answer_after_its_end(model) -> None:
    assert "gammel" not in whos(ask(model, "samtykke", on=DAY))
    assert "gammel" in whos(ask(model, "samtykke", on=dt.date(2019, 1, 1)))


def test_a_scenario_unit_answers_only_when_the_scenario_is_chosen(model) -> None:
    assert "ny" not in whos(ask(model, "samtykke", "Bby Kommune"))
    assert "ny" in whos(ask(model, "samtykke", "Bby Kommune", scenarios=("ny-enhed",)))


def test_an_unknown_scenario_is_an_input_error(model) -> None:
    with pytest.raises(InputError, match="ny-enhed"):
        ask(model, "samtykke", scenarios=("findes-ikke",))


def test_a_proposed_channel_is_marked_and_ranked_after_what_is_in_force(model) -> None:
    p = ask(model, "samtykke", "Cby Kommune", scenarios=("ny-enhed",))
    cby = next(a for a in p["answers"] if a["who"]["id"] == EX + "cby-jura")
    assert cby["status"] == "channel_not_open" and cby["reach"][0]["state"] == "requested"
    assert cby["nearness"]["code"] == "channel"


def test_an_asker_that_has_ended_is_refused(model) -> None:
    with pytest.raises(InputError, match="2020-12-31"):
        ask(model, "samtykke", "Gammel samtykkeenhed")


# ------------------------------------------------------------------------------------------------ bad input
def test_unknown_topic_is_an_error_with_suggestions(model) -> None:
    with pytest.raises(UnknownTopic) as err:
        ask(model, "xyzzy")
    assert err.value.suggestions


def test_unknown_asker_is_an_error(model) -> None:
    with pytest.raises(EntityNotFound):
        ask(model, "sparring", "Atlantis Kommune")


@pytest.mark.parametrize("profession", ["sundhedsplejen", "sundhedsplejerske"])
def test_a_profession_as_asker_says_to_give_where_one_asks_from(bundled, profession: str) -> None:
    """A health nurse's first try on the bundled data: the sources name no health-nurse unit, only the topic
    »sundhedspleje«. The error says so and what to write instead, where it used to end at »findes ikke i kortet«
    with no suggestion."""
    with pytest.raises(EntityNotFound) as err:
        resolve_asker(bundled, profession)
    assert err.value.what == "asker" and not err.value.suggestions
    assert "et emne i kortet" in str(err.value) and "din kommune" in str(err.value)
    with pytest.raises(EntityNotFound) as other:  # a name close to a body still gets »mente du«, no note
        resolve_asker(bundled, "Nrodjurs Kommune")
    assert other.value.suggestions and "et emne" not in str(other.value)
    with pytest.raises(EntityNotFound) as neither:  # neither a body nor a topic: the plain error
        resolve_asker(bundled, "Xqzzy")
    assert "et emne" not in str(neither.value)


def test_ambiguous_asker_is_an_error_naming_the_candidates(model) -> None:
    with pytest.raises(AmbiguousEntity) as err:
        ask(model, "sparring", "Kommune")
    assert len(err.value.candidates) >= 2


def test_a_name_shared_by_an_organisation_and_its_unit_means_the_organisation() -> None:
    m = tiny(
        """
        ex:n a sk:Municipality ; skos:prefLabel "Norddjurs Kommune"@da ; skos:altLabel "Norddjurs"@da .
        ex:p a org:OrganizationalUnit ; skos:prefLabel "PPR Norddjurs"@da ; skos:altLabel "Norddjurs"@da ; org:unitOf ex:n .
        """
    )
    assert resolve_asker(m, "Norddjurs") == EX + "n"


def test_a_topic_nobody_handles_gives_an_empty_answer_list_not_an_error(model) -> None:
    p = ask(model, "ingen varetager dette")
    assert p["answers"] == [] and p["topic"]["id"] == EX + "ingen"


# ------------------------------------------------------------------------------------------------ shape
def _entities(obj: Any) -> list[dict[str, Any]]:
    if isinstance(obj, dict):
        found = [obj] if "id" in obj and "kind" in obj else []
        return found + [e for v in obj.values() for e in _entities(v)]
    if isinstance(obj, list):
        return [e for v in obj for e in _entities(v)]
    return []


def test_json_shape_is_stable_and_every_entity_has_id_and_label(model) -> None:
    p = ask(model, "henvisning")
    assert set(p) == {"topic", "matched_topics", "asker", "date", "scenarios", "answers", "gaps"} | {
        "words",
        "general",
        "notices",
        "place",
        "left_out",
        "sources",
    }
    keys = {"rank", "who", "kind", "organisation", "topic", "nearness", "reach", "conditions", "why", "why_text"}
    keys |= {"fallback", "general", "note", "status", "sources"}
    assert all(set(a) == keys for a in p["answers"])
    assert [a["rank"] for a in p["answers"]] == list(range(1, len(p["answers"]) + 1))
    assert all(e.get("id") and e.get("label") for e in _entities(p))
    assert p["date"] == "2024-06-01" and p["topic"]["query"] == "henvisning"


def test_many_seats_of_one_forum_become_one_answer_for_the_forum() -> None:
    seats = "\n".join(
        f'ex:s{i} a sk:Seat ; skos:prefLabel "Plads {i}"@da ; org:postIn ex:f ; sk:onBehalfOf ex:k{i} ; '
        f"sk:occupancy sk:HolderNotStated ; sk:handlesTopic ex:t .\n"
        f'ex:k{i} a sk:Municipality ; skos:prefLabel "Kommune {i}"@da ; sk:sector sk:SectorMunicipal .'
        for i in range(5)
    )
    m = tiny(
        seats
        + """
        ex:f a sk:ImplementationGroup ; skos:prefLabel "Fælles gruppe"@da .
        ex:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "behandlingstilbud"@da .
        """
    )
    p = contact(m, "behandlingstilbud", "Kommune 0").as_json()
    # the forum one can act on first, the asker's own seat (holder not stated) after it (issue 10)
    assert [a["who"]["id"] for a in p["answers"]] == [EX + "f", EX + "s0"]
    assert "4 pladser" in p["answers"][0]["note"]


# ------------------------------------------------------------------------------------------------ bundled data
DATA = Path(__file__).resolve().parents[2] / "data"
ID = "https://w3id.org/samarbejdskort/id/"
TODAY = dt.date(2026, 11, 22)


def test_bundled_faglig_sparring_from_favrskov_is_buas_advice_unit_with_its_three_conditions(bundled) -> None:
    first = contact(bundled, "faglig sparring", "Favrskov Kommune", on=TODAY).as_json()["answers"][0]
    assert first["who"]["id"] == ID + "bua/raadgivningsenhed"
    assert first["reach"][0]["id"] == ID + "kanal/bua-raadgivning"
    conditions = " ".join(first["conditions"])
    assert len(first["conditions"]) == 3
    assert "1:1" in conditions and "konkrete sager" in conditions and "samtykke" in conditions


def test_bundled_agenda_proposals_from_syddjurs_go_to_the_randers_groups_secretary(bundled) -> None:
    first = contact(bundled, "dagsordensforslag", "Syddjurs Kommune", on=TODAY).as_json()["answers"][0]
    assert first["who"]["id"] == ID + "forum/randers-implementeringsgruppe/plads/sekretaer"
    assert first["organisation"]["id"] == ID + "forum/randers-implementeringsgruppe"


def test_bundled_specialised_advice_from_norddjurs_is_viso(bundled) -> None:
    p = contact(bundled, "specialiseret rådgivning", "Norddjurs", on=TODAY).as_json()
    assert p["asker"]["id"] == ID + "kommune/norddjurs"
    assert p["answers"][0]["who"]["id"] == ID + "viso"
    assert any(g["entity"]["id"] == ID + "viso" or "VISO" in g["text"] for g in p["gaps"])


def test_bundled_contact_persons_are_missing_and_the_randers_secretary_stands_in(bundled) -> None:
    p = contact(bundled, "faste kontaktpersoner", "Favrskov Kommune", on=TODAY).as_json()
    missing = [a for a in p["answers"] if a["status"] == "missing"]
    assert ID + "bua" in {a["who"]["id"] for a in missing}
    # Favrskov's own missing contact person is Favrskov's gap, not someone for Favrskov to contact (issue 10)
    assert ID + "kommune/favrskov" not in {a["who"]["id"] for a in p["answers"]}
    assert ID + "krav/fast-kontaktperson/favrskov" in {g["entity"]["id"] for g in p["gaps"]}
    fallbacks = [a for a in p["answers"] if a["fallback"]]
    assert fallbacks[0]["who"]["id"] == ID + "forum/randers-implementeringsgruppe/plads/sekretaer"


def test_a_third_party_post_without_holder_falls_back_to_its_organisation() -> None:
    m = tiny(
        """
        ex:ref a org:Organization ; skos:prefLabel "Referat IV C"@de ; org:hasPost ex:lead .
        ex:lead a org:Post ; rdfs:label "Referatsleitung" ; rdfs:comment "N.N." ; sk:handlesTopic ex:t .
        ex:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "Haushalt"@de .
        """
    )
    first, fallback = contact(m, "Haushalt").as_json()["answers"]
    assert first["who"]["id"] == EX + "lead" and first["status"] == "vacant"
    assert fallback["who"]["id"] == EX + "ref" and fallback["fallback"] is True


def test_the_question_is_repeated_as_read_without_stray_white_space(bundled) -> None:
    """»Selvskade « (a trailing space, as a pasted word has) was echoed back as »Selvskade «."""
    answer = contact(bundled, "  Selvskade \n", "Skive Kommune").as_json()
    assert answer["topic"]["query"] == "Selvskade"


@pytest.mark.parametrize("asker", ["Almen praksis", "KOSU"])
def test_general_practice_and_kosu_still_see_every_ppr_as_a_general_route(bundled, asker: str) -> None:
    """Only a municipality's own services are its general routes (Skive was offered Favrskov's PPR); general
    practice and KOSU (a forum that speaks for all the municipalities) serve children of several, and keep all
    four PPRs the sources name."""
    ids = {a["who"]["id"] for a in contact(bundled, "angst", asker).as_json()["answers"]}
    prefix = "https://w3id.org/samarbejdskort/id/kommune/"
    assert {prefix + f"{k}/ppr" for k in ("favrskov", "norddjurs", "randers", "syddjurs")} <= ids
    skive = {a["who"]["id"] for a in contact(bundled, "angst", "Skive Kommune").as_json()["answers"]}
    assert not any(x.endswith("/ppr") for x in skive)
