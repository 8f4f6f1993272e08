"""``contact``, ``gaps`` and ``topics`` as a user runs them: exit codes, JSON shape, Danish/English text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.support import as_json, entities, run

ID = "https://w3id.org/samarbejdskort/id/"
DATA = Path(__file__).resolve().parents[2] / "data"
TINY = """@prefix sk: <https://w3id.org/samarbejdskort/ns#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://ex.org/aby> a sk:Municipality ; skos:prefLabel "Aby Kommune"@da ; sk:sector sk:SectorMunicipal .
<http://ex.org/ppr> a org:OrganizationalUnit ; skos:prefLabel "PPR, Aby"@da , "PPR, Aby (en)"@en ;
    org:unitOf <http://ex.org/aby> ; sk:handlesTopic <http://ex.org/samtykke> .
<http://ex.org/samtykke> a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "samtykke"@da , "consent"@en .
<http://ex.org/f> a sk:ImplementationGroup ; skos:prefLabel "Gruppen"@da .
<http://ex.org/s> a sk:Seat ; skos:prefLabel "Vakant plads"@da ; org:postIn <http://ex.org/f> ; sk:occupancy sk:Vacant .
"""


@pytest.fixture()
def tiny_file(tmp_path: Path) -> Path:
    path = tmp_path / "lille.ttl"
    path.write_text(TINY, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ tiny data
def test_contact_json_on_own_data(tiny_file: Path) -> None:
    p = as_json(run("contact", "samtykket", "--from", "Aby Kommune", "--data", str(tiny_file), "--json"))
    assert p["topic"] == {"query": "samtykket", "id": "http://ex.org/samtykke", "label": "samtykke", "kind": "topic"}
    assert p["answers"][0]["who"]["id"] == "http://ex.org/ppr"
    assert p["answers"][0]["nearness"]["code"] == "own"
    assert all(e["id"] and e["label"] for e in entities(p))


def test_contact_text_is_danish_by_default_and_english_on_request(tiny_file: Path) -> None:
    da = run("contact", "samtykke", "--from", "Aby Kommune", "--data", str(tiny_file), "--date", "2024-05-01")
    assert da.exit_code == 0
    assert "Hvem skal Aby Kommune kontakte om »samtykke«?" in da.stdout
    assert "Nærhed: din egen organisation" in da.stdout
    en = run("contact", "consent", "--from", "Aby Kommune", "--data", str(tiny_file), "--lang", "en")
    assert "Whom should Aby Kommune contact about “consent”?" in en.stdout
    assert "PPR, Aby (en)" in en.stdout and "Nearness: your own organisation" in en.stdout


def test_unknown_topic_exits_2_with_suggestions_and_no_traceback(tiny_file: Path) -> None:
    result = run("contact", "vejrudsigten", "--data", str(tiny_file), "--json")
    assert result.exit_code == 2
    body = json.loads(result.stdout)
    assert body["error"] == "not_in_sources" and body["suggestions"][0]["id"] == "http://ex.org/samtykke"
    assert "not in the sources" in result.stderr
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize(
    ("lang", "said", "routes", "route", "wrong"),
    [
        ("da", "»sorg« står ikke i kilderne", "Dine generelle veje", "PPR, Randers Kommune", "not in the sources"),
        (
            "en",
            "“sorg” is not in the sources",
            "Your general routes",
            "Educational psychological service (PPR), Randers Municipality",
            "står ikke",
        ),
    ],
)
def test_a_word_outside_the_sources_is_said_plainly_with_the_general_routes(
    lang: str, said: str, routes: str, route: str, wrong: str
) -> None:
    """»samarbejdskort contact sorg --from "Randers Kommune"«: grief is not in the sources. It was one run-on
    »fejl/error:« line mixing both languages; now the text says it in the chosen language, one route a line."""
    result = run("contact", "sorg", "--from", "Randers Kommune", "--lang", lang)
    assert result.exit_code == 2  # the same exit code as before: the topic is not known
    text = result.stderr
    assert said in text and routes in text and wrong not in text and "fejl/error" not in text
    assert any(line.strip().endswith(")") and route in line for line in text.splitlines()), text
    assert "Traceback" not in result.output + text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "Atlantis"), "unknown entity"),
        (("--date", "i morgen"), "is not a date"),
        (("--scenario", "findes-ikke"), "unknown scenario"),
    ],
)
def test_bad_input_exits_2(tiny_file: Path, args: tuple[str, ...], message: str) -> None:
    result = run("contact", "samtykke", "--data", str(tiny_file), *args)
    assert result.exit_code == 2 and message in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_gaps_on_own_data_text_and_json(tiny_file: Path) -> None:
    text = run("gaps", "--data", str(tiny_file), "--date", "2026-11-22")
    assert text.exit_code == 0
    assert "Huller i samarbejdsstrukturen (dato 2026-11-22)" in text.stdout
    assert "[vakant plads] Pladsen »Vakant plads« i Gruppen er vakant." in text.stdout
    p = as_json(run("gaps", "--data", str(tiny_file), "--json", "--lang", "en"))
    assert p["summary"]["high"] >= 1 and p["gaps"][0]["kind"] == "vacant_seat"
    assert all(e["id"] and e["label"] for e in entities(p))


def test_gaps_unknown_scope_exits_2(tiny_file: Path) -> None:
    result = run("gaps", "--scope", "Atlantis", "--data", str(tiny_file), "--json")
    assert result.exit_code == 2 and json.loads(result.stdout)["error"] == "not_found"


def test_topics_shows_how_the_text_was_understood(tiny_file: Path) -> None:
    result = run("topics", "samtykkeerklæringen", "--data", str(tiny_file))
    assert result.exit_code == 0 and "samtykke" in result.stdout


def test_gaps_on_berlin_finds_the_one_vacant_post(interop: Path) -> None:
    p = as_json(run("gaps", "--data", str(interop / "berlin" / "SenFin.ttl"), "--json"))
    assert [g["kind"] for g in p["gaps"]] == ["vacant_post"]
    assert "N.N." in p["gaps"][0]["text"]


# ------------------------------------------------------------------------------------------------ bundled data
def test_acceptance_faglig_sparring_from_favrskov() -> None:
    p = as_json(run("contact", "faglig sparring", "--from", "Favrskov Kommune", "--json"))
    first = p["answers"][0]
    assert first["who"]["id"] == ID + "bua/raadgivningsenhed" and first["rank"] == 1
    assert len(first["conditions"]) == 3
    text = run("contact", "faglig sparring", "--from", "Favrskov Kommune").stdout
    assert "1. Rådgivningsenheden, BUA" in text and "Kun 1:1" in text


def test_other_municipalities_ppr_are_said_to_be_left_out_after_the_answers() -> None:
    """Viborg asks about skolevægring: no »PPR, Favrskov Kommune« among the numbered answers, one line after
    them saying it and the three others were left out, and why."""
    text = run("contact", "skolevægring", "--from", "Viborg Kommune").stdout
    answers, _, after = text.partition(
        "Udeladt: andre kommuners egne enheder og pladser, som betjener deres egen kommune:"
    )
    assert after, text
    assert "PPR, Favrskov Kommune" not in answers
    line = after.split("\n", 1)[0]
    assert all(f"PPR, {town} Kommune" in line for town in ("Favrskov", "Norddjurs", "Randers", "Syddjurs"))


def test_acceptance_agenda_proposals_from_syddjurs() -> None:
    p = as_json(run("contact", "dagsordensforslag", "--from", "Syddjurs Kommune", "--json"))
    assert p["answers"][0]["who"]["id"] == ID + "forum/randers-implementeringsgruppe/plads/sekretaer"


def test_acceptance_specialised_advice_from_norddjurs() -> None:
    p = as_json(run("contact", "specialiseret rådgivning", "--from", "Norddjurs", "--json"))
    assert p["answers"][0]["who"]["id"] == ID + "viso"


def test_ambiguous_asker_exits_2_and_lists_candidates() -> None:
    result = run("contact", "sparring", "--from", "PPR", "--json")
    assert result.exit_code == 2
    body = json.loads(result.stdout)
    assert body["error"] == "ambiguous" and len(body["candidates"]) >= 2


def test_acceptance_gaps_lists_vacant_seat_and_missing_contact_persons() -> None:
    p = as_json(run("gaps", "--json", "--date", "2026-11-22"))
    by_kind: dict[str, list[str]] = {}
    for g in p["gaps"]:
        by_kind.setdefault(g["kind"], []).append(g["entity"]["id"])
    assert ID + "forum/randers-implementeringsgruppe/plads/praksiskonsulent" in by_kind["vacant_seat"]
    assert ID + "krav/fast-kontaktperson/bua" in by_kind["missing_contact_person"]
    assert ID + "krav/fast-kontaktperson/favrskov" in by_kind["missing_contact_person"]
    text = run("gaps", "--lang", "en", "--date", "2026-11-22").stdout
    assert "Gaps in the collaboration structure" in text and "vacant seat" in text


def test_only_another_municipalitys_unit_handles_it_and_the_answer_says_so(tmp_path: Path) -> None:
    """Not »nobody handles the topic« when a unit of another municipality does: it says who, and that it is not
    the asker's."""
    path = tmp_path / "to-kommuner.ttl"
    path.write_text(
        TINY
        + '<http://ex.org/bby> a sk:Municipality ; skos:prefLabel "Bby Kommune"@da ; sk:sector sk:SectorMunicipal .\n',
        encoding="utf-8",
    )
    text = run("contact", "samtykke", "--from", "Bby Kommune", "--data", str(path)).stdout
    assert "kun andre kommuners egne enheder varetager det" in text
    assert "Udeladt: andre kommuners egne enheder og pladser, som betjener deres egen kommune: PPR, Aby." in text
    assert "Ingen i dataene varetager emnet" not in text


@pytest.mark.parametrize(("town", "municipality"), [("Randers", "kommune/randers"), ("Viborg", "kommune/viborg")])
def test_a_town_as_the_asker_is_its_municipality(town: str, municipality: str) -> None:
    """»kontakt angst Randers«: a coordinator gives the town; it names the municipality, not nine bodies with
    »Randers« in their names (a hospital, the cluster, its groups) to choose from."""
    p = as_json(run("contact", "angst", "--from", town, "--json"))
    assert p["asker"]["id"] == ID + municipality


def test_a_name_shared_by_two_bodies_that_are_no_municipality_is_still_asked_back() -> None:
    r = run("contact", "angst", "--from", "Regionshospitalet", "--json")
    assert r.exit_code == 2 and json.loads(r.stdout)["error"] == "ambiguous"


@pytest.mark.parametrize(("town", "municipality"), [("Viborg", "kommune/viborg"), ("Norddjurs", "kommune/norddjurs")])
def test_a_town_as_the_gaps_scope_is_its_municipality(town: str, municipality: str) -> None:
    p = as_json(run("gaps", town, "--json"))
    assert p["scope"]["id"] == ID + municipality
