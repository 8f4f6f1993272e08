"""The interface question on the bundled data, expected answers written from seed 002 first.

Seed 002 (status 1 March 2024), section 1: "Tre ud af fire af kommunerne i Randersklyngen er færdige med at
oprette de systemer, der giver mulighed for direkte korrespondance med almen praksis. Den sidste kommune er i
gang med at oprette systemet" – which one is not said. Section 3: BUA asks for fixed contact persons in the
municipalities, the municipalities ask for fixed contact persons in BUA; the children's ward at the hospital
asks for structured sparring across somatic care and municipality/psychiatry.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.interface_matrix import matrix
from graph.interfaces import interface
from graph.model import Model, load

ID = "https://w3id.org/samarbejdskort/id/"
STATUS_DAY = dt.date(2024, 3, 1)
RANDERS = ("Favrskov Kommune", "Norddjurs Kommune", "Randers Kommune", "Syddjurs Kommune")
WARD = "Børne- og ungeafsnittet, Regionshospitalet Randers"


@pytest.mark.parametrize("municipality", RANDERS)
def test_general_practice_and_each_randers_municipality_have_the_correspondence_channel_as_the_seed_says(
    bundled: Model, municipality: str
) -> None:
    j = interface(bundled, "almen praksis", municipality, on=STATUS_DAY).as_json("da")
    chans = j["channels"]
    assert len(chans) == 1
    ch = chans[0]
    assert "korrespondance" in ch["channel"]["label"] and municipality.split()[0] in ch["channel"]["label"]
    # which municipality is still setting up is not stated: never "open", never "being set up"
    assert ch["state"] == "not_stated"
    assert "tre ud af fire" in ch["note"].lower() and "oplyser ikke, hvilken kommune" in ch["note"]
    assert ch["question"]["id"] == ID + "spoergsmaal/randers-korrespondance-hvilken-kommune"
    assert any("002_" in f for s in ch["sources"] for f in s["files"])
    assert [m["kind"] for m in j["missing"]] == ["channel_state_not_stated"]


def test_the_four_correspondence_channels_are_told_alike_so_none_is_singled_out(bundled: Model) -> None:
    answers = [interface(bundled, "almen praksis", m, on=STATUS_DAY).as_json("en") for m in RANDERS]
    assert {a["channels"][0]["state"] for a in answers} == {"not_stated"}
    assert len({a["channels"][0]["note"] for a in answers}) == 1
    assert "three of the four" in answers[0]["channels"][0]["note"]


@pytest.mark.parametrize("municipality", RANDERS)
def test_bua_and_each_randers_municipality_ask_each_other_for_fixed_contact_persons_none_appointed(
    bundled: Model, municipality: str
) -> None:
    j = interface(bundled, "BUA", municipality, on=STATUS_DAY).as_json("da")
    cps = {c["direction"]: c for c in j["contact_persons"]}
    assert set(cps) == {"a_asks_b", "b_asks_a"}  # both directions
    assert cps["a_asks_b"]["in"][0]["label"] == municipality  # BUA asks for one in the municipality
    assert cps["b_asks_a"]["in"][0]["id"] == ID + "bua"  # the municipality asks for one in BUA
    assert {c["state"] for c in cps.values()} == {"requested"} and not any(c["fulfilled_by"] for c in cps.values())
    kinds = [m["kind"] for m in j["missing"]]
    assert kinds.count("contact_person_requested") == 2 and "contact_person_one_way" not in kinds
    # and the open advice channel from the municipality to BUA's advice unit, with its 1:1 condition
    (ch,) = j["channels"]
    assert ch["state"] == "open" and ch["direction"] == "b_to_a"
    assert any("1:1" in c for c in ch["conditions"])


@pytest.mark.parametrize("other", ["Randers Kommune", "psykiatri", "kommune", "BUA"])
def test_childrens_ward_and_municipality_or_psychiatry_show_the_requested_structured_sparring(
    bundled: Model, other: str
) -> None:
    j = interface(bundled, WARD, other, on=STATUS_DAY).as_json("da")
    (rq,) = [r for r in j["requests"] if "struktureret sparring" in r["request"]["label"].lower()]
    assert rq["direction"] == "a_asks_b" and rq["by"][0]["label"] == WARD
    assert "request_open" in [m["kind"] for m in j["missing"]]
    assert not j["channels"]  # no channel between them in the sources


def test_sectors_resolve_before_organisations_and_by_forces_the_reading(bundled: Model) -> None:
    as_sector = interface(bundled, "almen praksis", "PPR", on=STATUS_DAY)
    assert as_sector.a.kind == "sector" and as_sector.b.key == "ppr"
    assert len(as_sector.channels) == 4  # all four Randers PPR channels
    as_org = interface(bundled, "almen praksis", "Favrskov Kommune", by="organisation", on=STATUS_DAY)
    assert as_org.a.kind == "organisation" and as_org.a.key == ID + "almen-praksis"
    with pytest.raises(InputError, match="not a sector"):
        interface(bundled, "almen praksis", "Favrskov Kommune", by="sector")
    with pytest.raises(InputError, match="same party"):
        interface(bundled, "BUA", "Børne- og Ungdomspsykiatrisk Afdeling")


def test_a_unit_meets_through_its_municipality_marked_via(bundled: Model) -> None:
    j = interface(bundled, "PPR, Favrskov Kommune", "BUA", on=STATUS_DAY).as_json("da")
    assert j["channels"][0]["via"]["label"] == "Favrskov Kommune"
    assert all(s["via"]["label"] == "Favrskov Kommune" for f in j["forums"] for s in f["a"])


def test_parent_and_part_meet_by_the_line_not_by_the_parents_forums(bundled: Model) -> None:
    j = interface(bundled, "BUA", "Psykiatrien i Region Midtjylland", on=STATUS_DAY).as_json("da")
    assert not j["forums"] and [ln["kind"] for ln in j["lines"]] == ["part_of"]


def test_nothing_at_all_is_said_as_such(bundled: Model) -> None:
    j = interface(bundled, "VISO", "Samsø Kommune", on=STATUS_DAY).as_json("da")
    assert j["strength"]["level"] == "none" and [m["kind"] for m in j["missing"]] == ["nothing"]


def test_dates_matter_the_midtjysk_group_joins_all_municipalities_only_from_2025(bundled: Model) -> None:
    before = interface(bundled, "Samsø Kommune", "Skive Kommune", on=STATUS_DAY)
    after = interface(bundled, "Samsø Kommune", "Skive Kommune", on=dt.date(2025, 6, 1))
    assert not before.forums
    assert [f["forum"] for f in after.forums] == [ID + "forum/midtjysk-implementeringsgruppe"]
    assert "no_channel" in [m["kind"] for m in after.missing]


def test_matrix_of_the_randers_cluster_by_organisation_marks_what_is_missing(bundled: Model) -> None:
    j = matrix(bundled, scope="Randersklyngen", by="organisation", on=STATUS_DAY).as_json("da")
    keys = [p["key"] for p in j["parties"]]
    assert ID + "bua" in keys and ID + "almen-praksis" in keys and len(keys) == 8
    cell = {(c["a"], c["b"]): c for c in j["cells"]}
    bua_favrskov = cell.get((ID + "kommune/favrskov", ID + "bua")) or cell[(ID + "bua", ID + "kommune/favrskov")]
    assert bua_favrskov["contact_persons"] == {"requested": 2} and bua_favrskov["channels"] == {"open": 1}
    assert bua_favrskov["missing"] and "contact_person_requested" in bua_favrskov["missing_kinds"]
    assert j["summary"]["pairs"] == len(keys) * (len(keys) - 1) // 2


def test_sector_matrix_leaves_out_pairs_where_one_contains_the_other(bundled: Model) -> None:
    j = matrix(bundled, on=STATUS_DAY).as_json("da")
    keys = [p["key"] for p in j["parties"]]
    assert keys[:3] == ["municipal", "ppr", "general_practice"]
    assert not any({c["a"], c["b"]} == {"municipal", "ppr"} for c in j["cells"])
    gp_ppr = next(c for c in j["cells"] if {c["a"], c["b"]} == {"ppr", "general_practice"})
    assert gp_ppr["channels"] == {"not_stated": 4}


def test_a_chosen_set_and_bad_scopes(bundled: Model) -> None:
    j = matrix(bundled, scope=["BUA", "Favrskov Kommune", "almen praksis"], by="organisation", on=STATUS_DAY).as_json(
        "da"
    )
    assert len(j["parties"]) == 3 and j["summary"]["pairs"] == 3
    with pytest.raises(InputError, match="topic"):
        matrix(bundled, scope="sparring")
    with pytest.raises(InputError, match="--by"):
        matrix(bundled, by="planet")


@pytest.mark.parametrize("name", ["berlin/SenFin.ttl", "uk-hefce/HEFCE_organogram_31032011.rdf"])
def test_third_party_org_data_without_channels_meets_through_memberships_posts_and_lines(
    interop: Path, name: str
) -> None:
    model = load([interop / name])
    for by in ("sector", "organisation"):
        matrix(model, by=by)  # never fails, even with no sectors
    j = matrix(model, by="organisation").as_json("en")
    if name.startswith("berlin"):
        shared = [c for c in j["cells"] if c["people"]]
        assert shared, "SenFin has people who belong to two organisations"
        assert all(c["channels"] == {} for c in j["cells"])
    else:
        inside = matrix(model, scope="Higher Education Funding Council for England", by="organisation")
        jj = inside.as_json("en")
        assert len(jj["parties"]) == 4  # its units
        assert any(c["lines"] for c in jj["cells"])  # posts in one unit report to posts in another


NAMED = """
id:kommune a sk:Municipality ; skos:prefLabel "Alfa Kommune"@da ; sk:sector sk:SectorMunicipal .
id:psyk a sk:PsychiatricService ; skos:prefLabel "Beta Psykiatri"@da ; sk:sector sk:SectorPsychiatry .
id:person-hanne a foaf:Person ; foaf:name "Hanne Hansen" ; vcard:hasEmail <mailto:hanne@alfa.dk> .
id:post-kontakt a org:Post ; skos:prefLabel "Kontaktperson for psykiatrien"@da ; org:postIn id:kommune .
id:person-hanne org:holds id:post-kontakt .
id:post-tom a org:Post ; skos:prefLabel "Kontaktperson for kommunen"@da ; org:postIn id:psyk .
id:krav-i-kommunen a sk:ContactPersonRequirement ; skos:prefLabel "Fast kontaktperson i Alfa"@da ;
    sk:requiredIn id:kommune ; sk:requestedBy id:psyk ; sk:fulfilledBy id:post-kontakt .
id:krav-i-psyk a sk:ContactPersonRequirement ; skos:prefLabel "Fast kontaktperson i Beta"@da ;
    sk:requiredIn id:psyk ; sk:requestedBy id:kommune ; sk:fulfilledBy id:post-tom .
"""


def test_named_contact_persons_only_for_signed_in_users() -> None:
    from graph.privacy import public_model
    from tests.conftest import tiny

    model = tiny(NAMED)
    full = interface(model, "Alfa Kommune", "Beta Psykiatri", on=STATUS_DAY)
    states = {c["direction"]: c["state"] for c in full.contact_persons}
    assert states == {"b_asks_a": "named", "a_asks_b": "vacant"}  # held post vs post nobody holds
    assert full.score >= 1
    public = interface(public_model(model), "Alfa Kommune", "Beta Psykiatri", on=STATUS_DAY).as_json("da")
    text = str(public)
    assert "Hanne" not in text and "hanne@" not in text and ID + "person-hanne" not in text
    assert {c["state"] for c in public["contact_persons"]} == {"named", "vacant"}
