"""Paths as a practitioner reads them: how A reaches B, over which relations, through which (open?) channel."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.errors import AmbiguousEntity, EntityNotFound, InputError, NoPathError
from graph.model import Model
from graph.paths import DEFAULT_VIA, find_paths, parse_via, path_graph
from tests.conftest import REPO, tiny

ID = "https://w3id.org/samarbejdskort/id/"
DATA = REPO / "data"

# General practice reaches PPR in two ways: a correspondence channel (2 steps) and the cluster both belong to
# (3 steps: GP member of cluster, municipality member of cluster, PPR unit of the municipality).
GP_PPR = """
id:gp a sk:GeneralPractice ; skos:prefLabel "Almen praksis"@da , "General practice"@en .
id:aby a sk:Municipality ; skos:prefLabel "Aby Kommune"@da , "Aby Municipality"@en .
id:byby a sk:Municipality ; skos:prefLabel "Byby Kommune"@da .
id:ppr a org:OrganizationalUnit ; skos:prefLabel "PPR, Aby"@da ; org:unitOf id:aby .
id:ppr2 a org:OrganizationalUnit ; skos:prefLabel "PPR, Byby"@da ; org:unitOf id:byby .
id:klynge a sk:HealthCluster ; skos:prefLabel "Klyngen"@da .
id:m1 a org:Membership ; org:member id:gp ; org:organization id:klynge .
id:m2 a org:Membership ; org:member id:aby ; org:organization id:klynge .
id:ch a sk:Channel ; skos:prefLabel "Korrespondance, Aby"@da , "Correspondence, Aby"@en ;
    sk:channelFrom id:gp ; sk:channelTo id:ppr ; sk:channelState sk:StateNotStated ; prov:wasDerivedFrom id:s1 .
id:ch2 a sk:Channel ; skos:prefLabel "Korrespondance, Byby"@da ;
    sk:channelFrom id:gp ; sk:channelTo id:ppr2 ; sk:channelState sk:Open .
id:ch3 a sk:Channel ; skos:prefLabel "Korrespondance, Cyby"@da ; sk:channelFrom id:gp ; sk:channelState sk:Open .
id:ch4 a sk:Channel ; skos:prefLabel "Korrespondance, Dyby"@da ; sk:channelFrom id:gp ; sk:channelState sk:Open .
id:q a sk:OpenQuestion ; sk:about id:ch ; sk:aspect "which" ;
    rdfs:comment "Tre ud af fire kommuner har åbnet; kilden siger ikke hvilken der mangler."@da ,
                 "Three of four municipalities have opened; the source does not say which is missing."@en .
id:s1 dct:isPartOf id:d1 ; sk:section "Status 1" . id:d1 dct:title "Statusnotat" .
"""


@pytest.fixture(scope="module")
def gp_ppr() -> Model:
    return tiny(GP_PPR)


def labels(model: Model, path) -> list[str]:
    return [model.label(n) for n in path.nodes]


# ------------------------------------------------------------------------------------------------ paths
def test_shortest_path_first_then_a_distinct_alternative(gp_ppr: Model) -> None:
    answer = find_paths(gp_ppr, "Almen praksis", "PPR, Aby")
    assert labels(gp_ppr, answer.paths[0]) == ["Almen praksis", "Korrespondance, Aby", "PPR, Aby"]
    assert labels(gp_ppr, answer.paths[1]) == ["Almen praksis", "Klyngen", "Aby Kommune", "PPR, Aby"]
    assert len(answer.paths) == 2
    assert [p.length for p in answer.paths] == [2, 3]
    assert answer.paths[0].cost <= answer.paths[1].cost


def test_each_step_keeps_its_real_direction_and_is_named(gp_ppr: Model) -> None:
    p = find_paths(gp_ppr, "Almen praksis", "PPR, Aby").as_json()
    second = p["paths"][1]["steps"]
    assert [(s["kind"], s["direction"]) for s in second] == [
        ("member_of", "forward"),
        ("member_of", "backward"),
        ("part_of", "backward"),
    ]
    assert [s["relation"] for s in second] == ["er medlem af", "har som medlem", "omfatter"]
    en = find_paths(gp_ppr, "Almen praksis", "PPR, Aby").as_json("en")["paths"][0]["steps"]
    assert en[0]["relation"] == "writes through the channel" and en[0]["from"]["label"] == "General practice"


def test_a_step_says_which_channel_and_its_state(gp_ppr: Model) -> None:
    first = find_paths(gp_ppr, "Almen praksis", "PPR, Aby").as_json()["paths"][0]
    channel = first["steps"][0]["channel"]
    assert (
        channel["id"] == ID + "ch"
        and channel["state"] == "not_stated"
        and channel["state_label"] == "tilstand ikke oplyst"
    )
    assert first["sources"][first["steps"][0]["sources"][0]]["title"] == "Statusnotat"


def test_a_channel_not_known_to_be_open_carries_a_warning_with_the_open_question(gp_ppr: Model) -> None:
    first = find_paths(gp_ppr, "Almen praksis", "PPR, Aby").as_json("en")["paths"][0]
    (warning,) = first["warnings"]
    assert warning["kind"] == "channel_not_open" and warning["channel"]["label"] == "Correspondence, Aby"
    assert (warning["open_siblings"], warning["siblings"]) == (3, 4)
    assert "not stated in the source" in warning["message"]
    assert "Three of four municipalities have opened" in warning["message"]
    assert warning["from"]["label"] == "General practice"


def test_an_open_channel_gives_no_warning(gp_ppr: Model) -> None:
    first = find_paths(gp_ppr, "Almen praksis", "PPR, Byby").as_json()["paths"][0]
    assert first["steps"][0]["channel"]["state"] == "open" and first["warnings"] == []


def test_json_shape_every_entity_has_id_and_label(gp_ppr: Model) -> None:
    p = find_paths(gp_ppr, "Almen praksis", "PPR, Aby").as_json()
    assert set(p) == {"from", "to", "via", "on", "scenarios", "truncated", "paths"}
    assert p["via"] == list(DEFAULT_VIA) and p["truncated"] is False
    for rank, path in enumerate(p["paths"], 1):
        assert path["rank"] == rank and set(path) == {"rank", "length", "cost", "nodes", "steps", "warnings", "sources"}
        refs = path["nodes"] + [s[k] for s in path["steps"] for k in ("from", "to")]
        assert all({"id", "label", "kind"} <= set(r) for r in refs)
        assert [s["from"]["id"] for s in path["steps"]] == [n["id"] for n in path["nodes"][:-1]]


def test_max_paths_limits_the_answer(gp_ppr: Model) -> None:
    assert len(find_paths(gp_ppr, "Almen praksis", "PPR, Aby", max_paths=1).paths) == 1
    with pytest.raises(InputError, match="between 1 and"):
        find_paths(gp_ppr, "Almen praksis", "PPR, Aby", max_paths=0)


# ------------------------------------------------------------------------------------------------ via
def test_via_restricts_the_relations(gp_ppr: Model) -> None:
    answer = find_paths(gp_ppr, "Almen praksis", "PPR, Aby", via="membership,hierarchy")
    assert [labels(gp_ppr, p) for p in answer.paths] == [["Almen praksis", "Klyngen", "Aby Kommune", "PPR, Aby"]]
    assert answer.as_json()["via"] == ["membership", "hierarchy"]
    only_channel = find_paths(gp_ppr, "Almen praksis", "PPR, Aby", via=["channel"])
    assert len(only_channel.paths) == 1 and only_channel.paths[0].steps[0].kind == "channel_from"


def test_via_accepts_danish_group_names_and_refuses_unknown_ones() -> None:
    assert parse_via(["kanal", "medlemskab"]) == ("membership", "channel")
    assert parse_via(None) == DEFAULT_VIA
    with pytest.raises(InputError) as err:
        parse_via("channel,friendship")
    assert "friendship" in str(err.value)
    assert all(group in str(err.value) for group in DEFAULT_VIA)


def test_no_path_names_both_entities_and_the_relations(gp_ppr: Model) -> None:
    with pytest.raises(NoPathError) as err:
        find_paths(gp_ppr, "PPR, Aby", "PPR, Byby", via="hierarchy")
    message = str(err.value)
    assert "PPR, Aby" in message and "PPR, Byby" in message and "hierarchy" in message


# ------------------------------------------------------------------------------------------------ routes
def test_a_shared_topic_is_not_a_route_when_a_real_one_exists() -> None:
    m = tiny("""
    id:a a org:OrganizationalUnit ; skos:prefLabel "Enhed A"@da ; sk:handlesTopic id:t ; org:unitOf id:o .
    id:b a org:OrganizationalUnit ; skos:prefLabel "Enhed B"@da ; sk:handlesTopic id:t ; org:unitOf id:o2 .
    id:o a org:Organization ; skos:prefLabel "Org"@da .
    id:o2 a org:Organization ; skos:prefLabel "Org 2"@da ; org:subOrganizationOf id:o .
    id:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "samtykke"@da .
    """)
    answer = find_paths(m, "Enhed A", "Enhed B")
    assert [labels(m, p) for p in answer.paths] == [["Enhed A", "Org", "Org 2", "Enhed B"]]


def test_a_shared_topic_alone_is_offered_with_a_warning() -> None:
    m = tiny("""
    id:a a org:OrganizationalUnit ; skos:prefLabel "Enhed A"@da ; sk:handlesTopic id:t .
    id:b a org:OrganizationalUnit ; skos:prefLabel "Enhed B"@da ; sk:handlesTopic id:t .
    id:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "samtykke"@da .
    """)
    (path,) = find_paths(m, "Enhed A", "Enhed B").as_json()["paths"]
    (warning,) = path["warnings"]
    assert warning["kind"] == "alike" and warning["through"]["label"] == "samtykke"
    assert "varetager begge emnet" in warning["message"]


def test_an_alternative_through_another_seat_of_the_same_forum_is_not_another_route() -> None:
    m = tiny("""
    id:a a sk:Municipality ; skos:prefLabel "Aby Kommune"@da .
    id:f a sk:ImplementationGroup ; skos:prefLabel "Gruppen"@da .
    id:r a sk:Region ; skos:prefLabel "Regionen"@da .
    id:s1 a sk:Seat ; skos:prefLabel "Plads 1"@da ; org:postIn id:f ; sk:onBehalfOf id:a .
    id:s2 a sk:Seat ; skos:prefLabel "Plads 2"@da ; org:postIn id:f ; sk:onBehalfOf id:a .
    id:s3 a sk:Seat ; skos:prefLabel "Plads 3"@da ; org:postIn id:f ; sk:onBehalfOf id:r .
    """)
    answer = find_paths(m, "Aby Kommune", "Regionen")
    assert len(answer.paths) == 1 and labels(m, answer.paths[0])[2] == "Gruppen"


def test_a_vacant_seat_on_the_way_is_flagged() -> None:
    m = tiny("""
    id:a a sk:Municipality ; skos:prefLabel "Aby Kommune"@da .
    id:f a sk:ImplementationGroup ; skos:prefLabel "Gruppen"@da .
    id:s1 a sk:Seat ; skos:prefLabel "Plads for Aby"@da ; org:postIn id:f ; sk:onBehalfOf id:a ; sk:occupancy sk:Vacant .
    """)
    (path,) = find_paths(m, "Aby Kommune", "Gruppen").as_json()["paths"]
    assert [w["kind"] for w in path["warnings"]] == ["vacant_seat"]


# ------------------------------------------------------------------------------------------------ time
def test_a_membership_that_ended_in_2020_is_not_a_path_in_2024() -> None:
    m = tiny("""
    id:a a sk:Municipality ; skos:prefLabel "Aby Kommune"@da .
    id:k a sk:HealthCluster ; skos:prefLabel "Klyngen"@da .
    id:m a org:Membership ; org:member id:a ; org:organization id:k ; sk:validUntil "2020-12-31"^^xsd:date .
    """)
    assert len(find_paths(m, "Aby Kommune", "Klyngen", on=dt.date(2019, 1, 1)).paths) == 1
    with pytest.raises(NoPathError, match="2024-01-01"):
        find_paths(m, "Aby Kommune", "Klyngen", on=dt.date(2024, 1, 1))


def test_a_scenario_line_is_a_path_only_in_its_scenario() -> None:
    m = tiny("""
    id:chef a sk:Scenario ; sk:scenarioKey "chefniveau" .
    id:ig a sk:ImplementationGroup ; skos:prefLabel "Implementeringsgruppen"@da .
    id:sg a sk:SteeringGroup ; skos:prefLabel "Styregruppen"@da .
    id:l a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:sg ; sk:lineKind org:reportsTo ; sk:inScenario id:chef .
    """)
    with pytest.raises(NoPathError):
        find_paths(m, "Implementeringsgruppen", "Styregruppen")
    (path,) = find_paths(m, "Implementeringsgruppen", "Styregruppen", scenarios=["chefniveau"]).as_json()["paths"]
    assert path["steps"][0]["scenario"] == "chefniveau" and path["steps"][0]["relation"] == "refererer til"


# ------------------------------------------------------------------------------------------------ input
def test_unknown_and_ambiguous_entities(gp_ppr: Model) -> None:
    with pytest.raises(EntityNotFound, match="Almen praxis"):
        find_paths(gp_ppr, "Almen praxis", "PPR, Aby")
    with pytest.raises(AmbiguousEntity):
        find_paths(gp_ppr, "Almen praksis", "PPR")


def test_a_path_from_an_entity_to_itself_is_refused(gp_ppr: Model) -> None:
    with pytest.raises(InputError, match="same entity"):
        find_paths(gp_ppr, "PPR, Aby", ID + "ppr")


def test_the_relation_graph_is_built_once_per_via_set(gp_ppr: Model) -> None:
    g = path_graph(gp_ppr, DEFAULT_VIA, None, ())
    assert path_graph(gp_ppr, DEFAULT_VIA, None, ()) is g
    assert path_graph(gp_ppr, ("channel",), None, ()) is not g


# ------------------------------------------------------------------------------------------------ bundled data


def test_bundled_general_practice_reaches_ppr_norddjurs_through_the_correspondence_channel(bundled: Model) -> None:
    answer = find_paths(bundled, "Almen praksis", ID + "kommune/norddjurs/ppr", on=dt.date(2024, 6, 1))
    first = answer.as_json()["paths"][0]
    assert [n["id"] for n in first["nodes"]] == [
        ID + "almen-praksis",
        ID + "kanal/almen-praksis-norddjurs-ppr",
        ID + "kommune/norddjurs/ppr",
    ]
    assert first["steps"][0]["channel"]["state"] == "not_stated"
    (warning,) = [w for w in first["warnings"] if w["kind"] == "channel_not_open"]
    assert warning["questions"] and "tre ud af fire" in warning["message"]
    assert len(answer.paths) >= 2
