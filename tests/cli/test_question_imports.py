"""A question at the command line imports only what answering needs.

Each command runs in a fresh interpreter, as a coordinator runs it, and reports the libraries that ended up
imported: rdflib (its terms, SPARQL), the SHACL checks and the web, diagram, spreadsheet and PDF stacks
belong to validation, edits, the server and the exports, never to a question; rich (typer's help and
usage-error formatting) only to ``--help`` and mistyped command lines. ``validate`` still gets pyshacl (the
lazy imports must not cut what a command needs).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.bench_cold import HEAVY  # one list: what the benchmark reports is what this test forbids

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


def _imported(*argv: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, json.dumps(argv), json.dumps(HEAVY)],
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
        ("contact", "mobning", "--from", "Randers Kommune"),
        ("contact", "skolevægring", "--from", "Favrskov Kommune", "--json"),
        ("contact", "faglig sparring", "--lang", "en"),
        ("gaps",),
        ("gaps", "--json", "--date", "2026-06-01"),
        ("path", "Randers Kommune", "Favrskov Kommune"),
        ("topics", "angst"),
    ],
)
def test_a_question_imports_no_heavy_library(argv: tuple[str, ...]) -> None:
    report = _imported(*argv)
    assert report["code"] == 0
    assert report["heavy"] == []


def test_validation_still_imports_what_it_needs() -> None:
    report = _imported("validate")
    assert "pyshacl" in report["heavy"]  # type: ignore[operator]
    assert "rdflib" in report["heavy"]  # type: ignore[operator]
