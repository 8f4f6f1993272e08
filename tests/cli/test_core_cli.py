"""The core commands as a user runs them: exit codes, JSON shape, Danish text, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import full_app

app = full_app()

runner = CliRunner()
ID = "https://w3id.org/samarbejdskort/id/"


def run(*args: str):
    return runner.invoke(app, list(args))


def _ids(objs: list[dict]) -> set[str]:
    return {o["id"] for o in objs}


def test_validate_bundled_data_has_no_violations_and_lists_warnings() -> None:
    result = run("validate", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["conforms"] is True
    assert payload["violations"] == []
    assert payload["warnings"], "the vacant seat at least must be warned about"
    assert all({"id", "label", "rule", "message"} <= set(w) for w in payload["warnings"])


def test_validate_text_is_danish_by_default_and_english_on_request() -> None:
    da = run("validate")
    en = run("validate", "--lang", "en")
    assert "Advarsler" in da.stdout and "Ingen overtrædelser" in da.stdout
    assert "Warnings" in en.stdout and "No violations" in en.stdout


def test_validate_broken_turtle_exits_2_and_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "brudt.ttl"
    bad.write_text('@prefix a: <http://a/> .\na:b a:c a:d .\na:x a:y "uafsluttet .\n', encoding="utf-8")
    result = run("validate", "--data", str(bad))
    assert result.exit_code == 2
    assert "brudt.ttl, line 3" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_validate_with_violations_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "plads.ttl"
    broken.write_text(
        "@prefix sk: <https://w3id.org/samarbejdskort/ns#> .\n"
        "@prefix org: <http://www.w3.org/ns/org#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<http://ex.org/seat> a sk:Seat ; skos:prefLabel "Plads uden indehaver"@da .\n',
        encoding="utf-8",
    )
    result = run("validate", "--data", str(broken), "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["violations"]


def test_show_randersklyngen_lists_its_seven_members() -> None:
    result = run("show", "Randersklyngen", "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["id"] == ID + "klynge/randers"
    members = {m["label"] for m in payload["members"]}
    assert (
        members
        == {
            "Favrskov Kommune",
            "Norddjurs Kommune",
            "Randers Kommune",
            "Syddjurs Kommune",
            "Almen praksis",
            "Regionshospitalet Randers",
            "Psykiatrien i Region Midtjylland",
        }
        or len(members) == 7
    )
    assert len(payload["members"]) == 7
    assert payload["sources"], "every fact cites its source"


@pytest.mark.parametrize(
    "name", ["implementeringsgruppe Randersklyngen", "Fælles implementeringsgruppe for midtjysk samarbejdsmodel"]
)
def test_show_implementation_group_has_seats_chair_secretariat_mandate_sources(name: str) -> None:
    result = run("show", name, "--json")
    assert result.exit_code == 0, result.output
    p = json.loads(result.stdout)
    assert p["kind"] == "forum"
    assert len(p["seats"]) >= 5
    assert p["chair"], "chair seats are shown"
    assert p["secretariat"]
    assert p["mandates"] and p["mandates"][0].get("purpose")
    assert p["sources"]
    assert all({"id", "label"} <= set(s) for s in p["seats"])


def test_show_randers_group_names_the_vacant_practice_consultant_and_syddjurs() -> None:
    p = json.loads(run("show", "implementeringsgruppe Randersklyngen", "--json").stdout)
    vacant = [s["label"] for s in p["vacancies"]]
    assert len(vacant) == 1 and "praksiskonsulent" in vacant[0].lower()
    assert ID + "kommune/syddjurs" in _ids(p["secretariat"]["anchored_in"])


def test_show_text_is_readable_danish() -> None:
    result = run("show", "implementeringsgruppe Randersklyngen")
    assert result.exit_code == 0
    for word in ("Pladser", "VAKANT", "Sekretariat", "Kommissorium", "Kilder", "Syddjurs Kommune"):
        assert word in result.stdout


def test_show_ambiguous_exits_2_with_candidates() -> None:
    result = run("show", "Randers", "--json")
    assert result.exit_code == 2
    body = json.loads(result.stdout)
    assert body["error"] == "ambiguous"
    labels = {c["label"] for c in body["candidates"]}
    assert "Randers Kommune" in labels and "Regionshospitalet Randers" in labels


def test_show_unknown_exits_2_with_suggestions() -> None:
    result = run("show", "Sundhedsstyregrupen", "--json")
    assert result.exit_code == 2
    body = json.loads(result.stdout)
    assert body["error"] == "not_found"
    assert "Sundhedsstyregruppen" in [s["label"] for s in body["suggestions"]]


def test_show_by_abbreviation() -> None:
    p = json.loads(run("show", "SSU", "--json").stdout)
    assert p["id"] == ID + "ssu"


def test_stats_on_berlin_and_uk_data(interop: Path) -> None:
    berlin = run("stats", "--data", str(interop / "berlin" / "SenFin.ttl"), "--json")
    assert berlin.exit_code == 0
    assert json.loads(berlin.stdout)["node_kinds"]["post"] == 67
    uk = run("stats", "--data", str(interop / "uk-hefce" / "HEFCE_organogram_31032011.rdf"), "--json")
    assert uk.exit_code == 0
    assert json.loads(uk.stdout)["node_kinds"]["post"] == 4


def test_show_on_berlin_core_organigram(interop: Path) -> None:
    result = run("show", "Polizei Berlin", "--data", str(interop / "berlin" / "berlin_core_orgs.ttl"), "--json")
    assert result.exit_code == 0, result.output
    p = json.loads(result.stdout)
    assert p["kind"] == "organisation" and p["sources"][0]["label"] == "berlin_core_orgs.ttl"


def test_missing_data_file_exits_2(tmp_path: Path) -> None:
    result = run("stats", "--data", str(tmp_path / "findes-ikke.ttl"))
    assert result.exit_code == 2
    assert "findes-ikke.ttl" in result.stderr


def test_generate_writes_a_file_that_validates(tmp_path: Path) -> None:
    out = tmp_path / "region.ttl"
    result = run("generate", "--scale", "region", "--seed", "3", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 100_000
    check = run("validate", "--data", str(out), "--json")
    assert check.exit_code == 0, check.stdout[:2000]


def test_every_command_is_named_with_the_module_that_registers_it() -> None:
    """``main`` imports only the named command's module: the table must match the registered app."""
    import typer.main

    from api.cli import COMMANDS

    group = typer.main.get_group(app)
    assert set(group.commands) == set(COMMANDS)
    for name, cmd in group.commands.items():
        assert cmd.callback.__module__ == COMMANDS[name], name


def test_help_lists_a_coordinators_questions_first_and_the_tools_last() -> None:
    """``samarbejdskort --help`` in a fresh process, as a newcomer runs it: contact, gaps, chain and path come
    before the diagrams and exports, the benchmark and generator tools last (they came first, alphabetically
    by module)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "from api.cli import main; main()", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={"COLUMNS": "100", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr[-1000:]
    listed = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("│ ") and line[2] != " "]
    order = [
        name for name in listed if name in {"contact", "gaps", "chain", "path", "render", "export", "bench", "generate"}
    ]
    assert order == ["contact", "gaps", "chain", "path", "render", "export", "bench", "generate"], listed
    assert "``" not in done.stdout  # no source markup in the help a coordinator reads
