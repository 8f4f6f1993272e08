"""``samarbejdskort interfaces`` as a user runs it: text, JSON, errors, third-party data."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import as_json, run


def test_between_prints_the_pair_in_danish_with_sources() -> None:
    r = run("interfaces", "--between", "BUA", "Syddjurs Kommune", "--date", "2024-03-01")
    assert r.exit_code == 0, r.output
    assert "Samarbejdsflade: Børne- og Ungdomspsykiatrisk Afdeling" in r.stdout
    assert "Faste kontaktpersoner:" in r.stdout and "efterspurgt" in r.stdout
    assert "Kun 1:1" in r.stdout and "Kilder:" in r.stdout and "002_226c5fc1a26d8c60.txt" in r.stdout


def test_two_parties_after_the_command_are_the_pair_as_with_between() -> None:
    """»samarbejdskort interfaces "Randers Kommune" BUA« – as one writes ``path A B`` – was click's English-only
    »Got unexpected extra arguments«."""
    typed = run("interfaces", "Randers Kommune", "BUA", "--json")
    assert typed.exit_code == 0, typed.output
    assert as_json(typed) == as_json(run("interfaces", "--between", "Randers Kommune", "BUA", "--json"))
    for args in (("Randers Kommune",), ("Randers Kommune", "BUA", "Skive"), ("Skive", "BUA", "--between", "A", "B")):
        r = run("interfaces", *args)
        assert r.exit_code == 2 and "skriv to parter" in r.stderr and "give two parties" in r.stderr, args


def test_matrix_text_in_english_lists_pairs_and_marks_missing() -> None:
    r = run("interfaces", "--scope", "Randersklyngen", "--by", "organisation", "--date", "2024-03-01", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Interfaces (organisation): Randers Cluster")
    assert "28 pairs" in r.stdout
    assert (
        " ! General practice × Favrskov Municipality" in r.stdout
        or " ! Favrskov Municipality × General practice" in r.stdout
    )


def test_json_pair_and_matrix() -> None:
    pair = as_json(run("interfaces", "--between", "almen praksis", "Randers Kommune", "--date", "2024-03-01", "--json"))
    assert pair["channels"][0]["state"] == "not_stated"
    m = as_json(run("interfaces", "--json", "--date", "2024-03-01"))
    assert m["by"] == "sector" and {p["key"] for p in m["parties"]} >= {"municipal", "psychiatry", "general_practice"}


def test_bad_input_is_a_clear_error_and_nonzero_exit() -> None:
    r = run("interfaces", "--between", "BUA", "Planet Mars")
    assert r.exit_code != 0 and "Planet Mars" in r.stderr
    r = run("interfaces", "--scope", "sparring")
    assert r.exit_code != 0 and "topic" in r.stderr
    r = run("interfaces", "--date", "1. marts")
    assert r.exit_code != 0 and "--date" in r.stderr


def test_third_party_org_data_does_not_fail(interop: Path) -> None:
    for name in ("berlin/SenFin.ttl", "uk-hefce/HEFCE_organogram_31032011.rdf"):
        for by in ("sector", "organisation"):
            r = run("interfaces", "--data", str(interop / name), "--by", by)
            assert r.exit_code == 0, (name, by, r.output)
    m = as_json(run("interfaces", "--data", str(interop / "berlin/SenFin.ttl"), "--by", "organisation", "--json"))
    assert m["summary"]["connected"] > 0
