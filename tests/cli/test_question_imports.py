"""A question at the command line imports only what answering needs.

Each command runs in a fresh interpreter, as a coordinator runs it, and reports the libraries that ended up
imported: rdflib (its terms, SPARQL), the SHACL checks and the web, diagram, spreadsheet and PDF stacks
belong to validation, edits, the server and the exports, never to a question; rich (typer's help and
usage-error formatting) only to ``--help`` and mistyped command lines. A contact or topics question does not
import networkx either (its imports are a third of the answer's time); paths, chains and gaps still use it.
``validate`` still gets pyshacl (the lazy imports must not cut what a command needs).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# one list each: what the benchmark reports is what this test forbids
from benchmarks.cold_child import CONTACT_HEAVY, HEAVY

_PROGRAM = """
import json, sys
argv, watched = json.loads(sys.argv[1]), json.loads(sys.argv[2])
sys.argv = ["samarbejdskort", *argv]
from api.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
heavy = sorted(m for m in watched if m in sys.modules)
sys.stderr.write("\\nIMPORTED " + json.dumps({"code": code, "heavy": heavy}) + "\\n")
"""


def _imported(*argv: str, watched: tuple[str, ...] = HEAVY) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, json.dumps(argv), json.dumps(watched)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    line = next((x for x in done.stderr.splitlines() if x.startswith("IMPORTED ")), None)
    assert line is not None, done.stderr[-2000:]
    report: dict[str, object] = json.loads(line[len("IMPORTED ") :])
    return report


@pytest.mark.parametrize(
    "argv",
    [
        ("gaps",),
        ("gaps", "--json", "--date", "2026-06-01"),
        ("path", "Randers Kommune", "Favrskov Kommune"),
    ],
)
def test_a_question_imports_no_heavy_library(argv: tuple[str, ...]) -> None:
    report = _imported(*argv)
    assert report["code"] == 0
    assert report["heavy"] == []


@pytest.mark.parametrize(
    "argv",
    [
        ("contact", "angst", "--from", "Syddjurs Kommune"),
        ("contact", "mobning", "--from", "Randers Kommune"),
        ("contact", "skolevægring", "--from", "Favrskov Kommune", "--json"),
        ("contact", "faglig sparring", "--lang", "en"),
        ("contact", "depresion", "--from", "Syddjurs Kommune", "--json", "--lang", "en"),
        ("contact", "angst"),
        ("topics", "angst"),
        ("topics", "angst", "--json"),
    ],
)
def test_a_contact_or_topics_question_does_not_import_networkx(argv: tuple[str, ...]) -> None:
    report = _imported(*argv, watched=CONTACT_HEAVY)
    assert report["code"] == 0
    assert report["heavy"] == []


def test_a_word_not_in_the_sources_is_answered_without_networkx() -> None:
    report = _imported("contact", "xyzzy", "--from", "Randers Kommune", watched=CONTACT_HEAVY)
    assert report["code"] != 0  # said plainly as not in the sources, with the general routes
    assert report["heavy"] == []


def test_a_path_question_still_gets_networkx() -> None:
    report = _imported("path", "Randers Kommune", "Favrskov Kommune", watched=CONTACT_HEAVY)
    assert report["code"] == 0
    assert report["heavy"] == ["networkx"]


def test_validation_still_imports_what_it_needs() -> None:
    report = _imported("validate")
    assert "pyshacl" in report["heavy"]  # type: ignore[operator]
    assert "rdflib" in report["heavy"]  # type: ignore[operator]
