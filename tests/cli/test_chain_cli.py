"""``chain`` and ``path`` as a user runs them: exit codes, JSON shape, Danish/English text, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.support import as_json, entities, run
from tests.conftest import PREFIXES, REPO

ID = "https://w3id.org/samarbejdskort/id/"
DATA = REPO / "data"

TINY = """
id:ig a sk:ImplementationGroup ; skos:prefLabel "Implementeringsgruppen, Aby"@da , "Implementation group, Aby"@en .
id:ksg a sk:ClusterSteeringGroup ; skos:prefLabel "Klyngestyregruppen, Aby"@da , "Aby cluster steering group"@en .
id:ssu a sk:Committee ; skos:prefLabel "Sundhedssamarbejdsudvalget (SSU)"@da , "Health Cooperation Committee"@en .
id:kosu a sk:AdministrativeForum ; skos:prefLabel "KOSU"@da .
id:l1 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:ksg ; sk:lineKind org:reportsTo ;
    sk:basis "Gruppen refererer til klyngestyregruppen"@da , "The group reports to the cluster steering group"@en .
id:l2 a sk:ReportingLine ; sk:fromBody id:ksg ; sk:toBody id:ssu ; sk:lineKind org:reportsTo .
id:l3 a sk:ReportingLine ; sk:fromBody id:ig ; sk:toBody id:kosu ; sk:lineKind sk:raisesDecisionsTo ;
    sk:status sk:Proposed .
id:gp a sk:GeneralPractice ; skos:prefLabel "Almen praksis"@da , "General practice"@en .
id:aby a sk:Municipality ; skos:prefLabel "Aby Kommune"@da .
id:ppr a org:OrganizationalUnit ; skos:prefLabel "PPR, Aby"@da ; org:unitOf id:aby .
id:ppr2 a org:OrganizationalUnit ; skos:prefLabel "PPR, Byby"@da .
id:ch a sk:Channel ; skos:prefLabel "Korrespondance, Aby"@da ; sk:channelFrom id:gp ; sk:channelTo id:ppr ;
    sk:channelState sk:StateNotStated .
"""


@pytest.fixture()
def tiny_file(tmp_path: Path) -> Path:
    path = tmp_path / "lille.ttl"
    path.write_text(PREFIXES + TINY, encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------------ chain
def test_chain_text_is_a_danish_tree_with_the_proposed_line_marked(tiny_file: Path) -> None:
    result = run("chain", "Implementeringsgruppen, Aby", "--data", str(tiny_file))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert (
        "Implementeringsgruppen, Aby → refererer til → Klyngestyregruppen, Aby → refererer til → "
        "Sundhedssamarbejdsudvalget (SSU)" in out
    )
    assert "⇢ indstiller beslutninger til → KOSU (foreslået)" in out
    assert "Grundlag: Gruppen refererer til klyngestyregruppen" in out


def test_chain_text_in_english(tiny_file: Path) -> None:
    out = run("chain", "Implementeringsgruppen, Aby", "--lang", "en", "--data", str(tiny_file)).stdout
    assert "Implementation group, Aby → reports to → Aby cluster steering group" in out
    assert "raises decisions to → KOSU (proposed)" in out
    assert "Basis: The group reports to the cluster steering group" in out


def test_chain_json_shape(tiny_file: Path) -> None:
    p = as_json(run("chain", "Implementeringsgruppen, Aby", "--json", "--data", str(tiny_file), "--date", "2024-05-01"))
    assert set(p) == {"entity", "on", "scenarios", "primary", "steps", "tops", "cycles", "notes"}
    assert p["on"] == "2024-05-01"
    assert [r["label"] for r in p["primary"]] == [
        "Implementeringsgruppen, Aby",
        "Klyngestyregruppen, Aby",
        "Sundhedssamarbejdsudvalget (SSU)",
    ]
    assert all(e["id"] and e["label"] for e in entities(p))
    kosu = next(s for s in p["steps"] if s["to"]["label"] == "KOSU")
    assert kosu["proposed"] is True and kosu["line"] == "parallel" and kosu["kind"] == "raises_decisions_to"


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (("chain", "Klyngestyregrupen Åby"), "not_found", "unknown entity"),
        (("chain", "Implementeringsgruppen, Aby", "--scenario", "findes-ikke"), "bad_input", "unknown scenario"),
        (("chain", "Implementeringsgruppen, Aby", "--date", "31-12-2024"), "bad_input", "not a date"),
        (("chain", "Korrespondance, Aby"), "bad_input", "is not a body but: channel"),
    ],
)
def test_chain_bad_input_exits_2_with_a_json_error(
    tiny_file: Path, args: tuple[str, ...], code: str, error: str
) -> None:
    result = run(*args, "--json", "--data", str(tiny_file))
    assert result.exit_code == 2
    body = json.loads(result.stdout)
    assert body["error"] == code and error in body["message"]
    assert "Traceback" not in result.output


def test_chain_ambiguous_names_the_candidates(tiny_file: Path) -> None:
    result = run("chain", "PPR", "--json", "--data", str(tiny_file))
    assert result.exit_code == 2
    body = json.loads(result.stdout)
    assert body["error"] == "ambiguous" and {c["label"] for c in body["candidates"]} == {"PPR, Aby", "PPR, Byby"}


def test_chain_error_text_goes_to_stderr_without_a_traceback(tiny_file: Path) -> None:
    result = run("chain", "Findes ikke", "--data", str(tiny_file))
    assert result.exit_code == 2 and "findes ikke i kortet / unknown entity" in result.stderr
    assert "Traceback" not in result.output and result.stdout == ""


def test_chain_text_shows_a_cycle_once_and_ends(tmp_path: Path) -> None:
    path = tmp_path / "kreds.ttl"
    path.write_text(
        PREFIXES
        + """
    id:a a sk:WorkingGroup ; skos:prefLabel "Gruppe A"@da ; org:reportsTo id:b .
    id:b a sk:WorkingGroup ; skos:prefLabel "Gruppe B"@da ; org:reportsTo id:a .
    """,
        encoding="utf-8",
    )
    result = run("chain", "Gruppe A", "--data", str(path))
    assert result.exit_code == 0, result.output
    assert "→ refererer til → Gruppe A ↺ kredsløb" in result.stdout
    assert "Kredsløb: Gruppe A → Gruppe B → Gruppe A" in result.stdout


def test_a_missing_data_file_exits_2(tmp_path: Path) -> None:
    result = run("chain", "X", "--data", str(tmp_path / "findes-ikke.ttl"))
    assert result.exit_code == 2 and "Traceback" not in result.output


# ------------------------------------------------------------------------------------------------ path
def test_path_text_names_the_channel_and_its_state(tiny_file: Path) -> None:
    result = run("path", "Almen praksis", "PPR, Aby", "--data", str(tiny_file))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Almen praksis → (kanal) Korrespondance, Aby → PPR, Aby" in out
    assert "Almen praksis skriver via kanalen Korrespondance, Aby [kanal: tilstand ikke oplyst]" in out
    assert "⚠ Det står ikke i kilden, om kanalen «Korrespondance, Aby» er åben" in out


def test_path_json_shape_and_via(tiny_file: Path) -> None:
    p = as_json(run("path", "Almen praksis", "PPR, Aby", "--via", "channel", "--json", "--data", str(tiny_file)))
    assert set(p) == {"from", "to", "via", "on", "scenarios", "truncated", "paths"}
    assert p["via"] == ["channel"] and p["from"]["label"] == "Almen praksis"
    (path,) = p["paths"]
    assert [s["kind"] for s in path["steps"]] == ["channel_from", "channel_to"]
    assert all(e["id"] and e["label"] for e in entities(p))


def test_path_no_path_exits_2_and_names_both_ends(tiny_file: Path) -> None:
    result = run("path", "Almen praksis", "PPR, Byby", "--data", str(tiny_file))
    assert result.exit_code == 2
    assert "no path between 'Almen praksis' and 'PPR, Byby'" in result.stderr
    body = json.loads(run("path", "Almen praksis", "PPR, Byby", "--json", "--data", str(tiny_file)).stdout)
    assert body["error"] == "no_path"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--via", "venskab"), "unknown relation group 'venskab'"),
        (("--max", "0"), "between 1 and"),
    ],
)
def test_path_bad_options_exit_2(tiny_file: Path, args: tuple[str, ...], error: str) -> None:
    result = run("path", "Almen praksis", "PPR, Aby", *args, "--data", str(tiny_file))
    assert result.exit_code == 2 and error in result.stderr


# ------------------------------------------------------------------------------------------------ bundled
def test_bundled_randers_chain_reaches_ssu_and_shows_kosu_proposed() -> None:
    p = as_json(run("chain", "implementeringsgruppe Randersklyngen", "--date", "2024-06-01", "--json"))
    assert [r["id"] for r in p["primary"]][:3] == [
        ID + "forum/randers-implementeringsgruppe",
        ID + "klyngestyregruppe/randers",
        ID + "ssu",
    ]
    assert any(s["to"]["id"] == ID + "kosu" and s["proposed"] for s in p["steps"])
    text = run("chain", "implementeringsgruppe Randersklyngen", "--date", "2024-06-01").stdout
    assert "(foreslået)" in text and "Klyngestyregruppen for Randersklyngen" in text


def test_bundled_scenario_adds_the_chief_level_steering_group() -> None:
    args = ("chain", "implementeringsgruppe Randersklyngen", "--date", "2024-06-01", "--json")
    plain = as_json(run(*args))
    chosen = as_json(run(*args, "--scenario", "styregruppe-chefniveau"))
    sg = ID + "forum/randers-styregruppe-chefniveau"
    assert sg not in {s["to"]["id"] for s in plain["steps"]}
    assert any(s["to"]["id"] == sg and s["depth"] == 1 for s in chosen["steps"])


def test_bundled_midtjysk_chain_first_step_is_ssg() -> None:
    p = as_json(
        run("chain", "Fælles implementeringsgruppe for midtjysk samarbejdsmodel", "--date", "2025-06-01", "--json")
    )
    assert p["primary"][1]["id"] == ID + "ssg"
    status = {s["to"]["id"] for s in p["steps"] if s["kind"] == "gives_status_to"}
    assert {ID + "ssg", ID + "ssu"} <= status


def test_bundled_path_from_general_practice_to_ppr_norddjurs() -> None:
    result = run("path", "Almen praksis", "PPR, Norddjurs", "--date", "2024-06-01")
    assert result.exit_code == 0, result.output
    first_path = result.stdout.split("\n\n")[1]
    assert "(kanal)" in first_path and "Norddjurs" in first_path and "ikke oplyst" in first_path


def test_berlin_chain_on_third_party_data(interop: Path) -> None:
    result = run("chain", "Referat III E", "--data", str(interop / "berlin" / "SenFin.ttl"))
    assert result.exit_code == 0, result.output
    assert "Referat III E → er del af → Abteilung III" in result.stdout
    assert "Øverst: Senatsverwaltung für Finanzen" in result.stdout
