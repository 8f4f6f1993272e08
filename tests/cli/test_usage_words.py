"""How a command is written, as people first write it: the words they try work, and a mistake is said in Danish
first (click said it in English only).

Written from first tries on the bundled data: »gaps Randersklyngen« and »contact angst "Skive Kommune"« were
»Got unexpected extra argument«, »path Skive« »Missing argument 'B'.«
"""

from __future__ import annotations

import pytest

from tests.cli.support import as_json, run


def test_a_scope_after_gaps_is_the_scope() -> None:
    assert as_json(run("gaps", "Randersklyngen", "--json")) == as_json(
        run("gaps", "--scope", "Randersklyngen", "--json")
    )


def test_an_asker_after_the_topic_is_the_asker() -> None:
    typed = as_json(run("contact", "angst", "Skive Kommune", "--json"))
    assert typed == as_json(run("contact", "angst", "--from", "Skive Kommune", "--json"))
    assert typed["asker"]["label"] == "Skive Kommune"


@pytest.mark.parametrize(
    ("args", "danish"),
    [
        (
            ("contact", "angst", "Skive", "--from", "Randers Kommune"),
            "to spørgere: »Skive« og --from »Randers Kommune«",
        ),
        (("gaps", "Skive", "--scope", "Randersklyngen"), "to områder: »Skive« og --scope »Randersklyngen«"),
    ],
)
def test_two_different_answers_to_one_question_are_refused(args: tuple[str, ...], danish: str) -> None:
    r = run(*args)
    assert r.exit_code == 2 and danish in r.stderr


@pytest.mark.parametrize(
    ("args", "danish", "english"),
    [
        (("path", "Skive"), "mangler argumentet B", "Missing argument 'B'"),
        (("contact", "angst", "Skive", "Randers"), "for mange ord efter kommandoen", "unexpected extra argument"),
        (("contact", "angst", "--fron", "Skive"), "ukendt tilvalg --fron (mente du --from", "No such option"),
        (("contact", "angst", "--lang", "fr"), "ugyldig værdi for '--lang'", "Invalid value for '--lang'"),
        (("hvem", "angst"), "ukendt kommando", "No such command 'hvem'"),
    ],
)
def test_a_mistake_in_the_command_is_said_in_danish_first(args: tuple[str, ...], danish: str, english: str) -> None:
    r = run(*args)
    said = " ".join(r.stderr.replace("│", " ").split())  # typer's box, unwrapped
    assert r.exit_code == 2
    assert danish in said and english in said
    assert said.index(danish) < said.index(english)


@pytest.mark.parametrize(
    ("danish", "english"),
    [
        (("kontakt", "angst", "Skive Kommune", "--json"), ("contact", "angst", "--from", "Skive Kommune", "--json")),
        (("huller", "Randersklyngen", "--json"), ("gaps", "--scope", "Randersklyngen", "--json")),
        (("kæde", "KOSU", "--json"), ("chain", "KOSU", "--json")),
        (("vis", "PPR Favrskov", "--json"), ("show", "PPR Favrskov", "--json")),
        (("emner", "selvskade", "--json"), ("topics", "selvskade", "--json")),
    ],
)
def test_a_command_typed_in_danish_is_the_command(danish: tuple[str, ...], english: tuple[str, ...]) -> None:
    """A Danish coordinator types »kontakt«, »huller«, »kæde«: the same command and answer as in English."""
    assert as_json(run(*danish)) == as_json(run(*english))


def test_the_danish_command_names_are_listed_in_the_help() -> None:
    said = " ".join(run("--help").stdout.replace("│", " ").split())
    assert "kontakt" in said and "huller" in said and "kæde" in said


def test_a_danish_command_through_the_entry_point_loads_its_module() -> None:
    """``main`` imports only the named command's module: a Danish name must find it too."""
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from api.cli import main; sys.argv = ['samarbejdskort', 'kontakt', 'angst', '--json']; main()",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert '"answers"' in done.stdout
