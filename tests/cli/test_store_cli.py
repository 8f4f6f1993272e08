"""One store: the CLI answers from the store the web app writes (``--store`` / ``SAMARBEJDSKORT_STORE``),
from files only with ``--data``; ``import`` reads a spreadsheet into that store through the edit checks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.cli import full_app
from graph.store import GraphStore, open_store
from tests.cli.support import as_json, run, runner

app = full_app()

ID = "https://w3id.org/samarbejdskort/id/"
SEAT = "https://w3id.org/samarbejdskort/id/forum/randers-implementeringsgruppe/plads/boerne-og-ungepsykiatrien"


@pytest.fixture()
def store_dir(tmp_path: Path) -> Iterator[Path]:
    """A store on the bundled data in which the web app's path filled a 'holder not stated' seat."""
    folder = tmp_path / "store"
    store: GraphStore = open_store(folder)
    store.apply(
        [{"op": "fill_seat", "seat": SEAT, "name": "Bente Børnepsykiater"}],
        user="Eva Editor",
        reason="Udpeget af BUA (test)",
        if_match=store.version,
    )
    store.close()
    yield folder


def holders(answer: dict[str, object]) -> list[str]:
    return [h["label"] for h in answer["seat"]["holders"]]  # type: ignore[index]


def test_the_cli_reads_the_store_given_by_option_or_environment_and_files_only_when_asked(store_dir: Path) -> None:
    assert holders(as_json(run("--store", str(store_dir), "show", SEAT, "--json"))) == ["Bente Børnepsykiater"]
    by_env = runner.invoke(app, ["show", SEAT, "--json"], env={"SAMARBEJDSKORT_STORE": str(store_dir)})
    assert holders(as_json(by_env)) == ["Bente Børnepsykiater"]
    files = runner.invoke(app, ["show", SEAT, "--json", "--data", "data"], env={"SAMARBEJDSKORT_STORE": str(store_dir)})
    assert holders(as_json(files)) == []
    assert holders(as_json(run("show", SEAT, "--json"))) == []  # no store configured: the bundled files


def test_a_store_that_was_never_started_is_an_error_not_a_silent_fallback(tmp_path: Path) -> None:
    result = run("--store", str(tmp_path / "none"), "stats")
    assert result.exit_code == 3
    assert "no store" in result.output and "--data" in result.output


def test_import_reads_a_spreadsheet_into_the_store_and_reports_bad_rows(store_dir: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "pladser.csv"
    sheet.write_text(
        "id,art,besættelse\n"
        "forum/randers-implementeringsgruppe/plads/praksiskonsulent,Plads,indehaver ikke oplyst i kilden\n"
        "forum/randers-implementeringsgruppe/plads/sekretaer,Plads,optaget\n",
        encoding="utf-8",
    )
    bad = run("--store", str(store_dir), "import", str(sheet), "--json")
    assert bad.exit_code == 2
    body = json.loads(bad.stdout)
    assert body["errors"] == [
        {"sheet": "pladser", "row": 3, "column": "C (besættelse)", "message": body["errors"][0]["message"]}
    ]
    assert "unknown besættelse 'optaget'" in body["errors"][0]["message"]
    good = as_json(run("--store", str(store_dir), "import", str(sheet), "--partial", "--json", "--user", "Koordinator"))
    assert good["rows"] == 1 and len(good["left_out"]) == 1
    assert good["change"]["user"] == "Koordinator" and good["change"]["edits"][0]["op"] == "import_spreadsheet"
    shown = as_json(
        run(
            "--store",
            str(store_dir),
            "show",
            ID + "forum/randers-implementeringsgruppe/plads/praksiskonsulent",
            "--json",
        )
    )
    assert shown["seat"]["occupancy"] == "not_stated"
    again = as_json(run("--store", str(store_dir), "import", str(sheet), "--partial", "--json"))
    assert again["change"] is None  # nothing left to change


def test_the_stores_own_export_imports_back_as_no_change(store_dir: Path, tmp_path: Path) -> None:
    """``export --format xlsx|csv`` from the store, then ``import`` into it: nothing to change, no new log entry."""
    for fmt, name in (("xlsx", "kort.xlsx"), ("csv", "kort.zip")):
        out = tmp_path / name
        written = run("--store", str(store_dir), "export", "--format", fmt, "--out", str(out))
        assert written.exit_code == 0, written.output
        result = as_json(run("--store", str(store_dir), "import", str(out), "--json"))
        assert result["change"] is None and result["left_out"] == []
    store = open_store(store_dir)
    try:
        assert [r.kind for r in store.history()] == ["edit", "seed"]
    finally:
        store.close()
