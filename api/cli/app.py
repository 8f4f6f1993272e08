"""The typer application and what every command shares: data loading, --json, --lang, errors."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from api.cli import DANISH
from api.cli.usage import DanishUsageGroup
from graph.bulk import kept
from graph.errors import InputError, SamarbejdskortError
from graph.model import Model, load

__all__ = [
    "DataOpt",
    "DateOpt",
    "JsonOpt",
    "Lang",
    "LangOpt",
    "app",
    "emit",
    "fail",
    "guarded",
    "load_model",
    "one_of",
    "parse_date",
    "store_location",
]

app = typer.Typer(
    cls=DanishUsageGroup,
    name="samarbejdskort",
    help="Samarbejdskort: hvem arbejder med hvem om børn og unge i psykisk mistrivsel.",
    epilog="Kommandoerne har også danske navne: " + ", ".join(DANISH) + ".",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Lang(StrEnum):
    da = "da"
    en = "en"


DataOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        help="RDF-fil, Popolo-JSON eller mappe (også en HSDS-mappe); kan gentages; erstatter de medfølgende data.",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Maskinlæsbart JSON-output.")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Sprog: da eller en.")]
DateOpt = Annotated[str | None, typer.Option("--date", help="Dato (ÅÅÅÅ-MM-DD); standard er i dag.")]

T = TypeVar("T")


class _Where:
    """Where commands read the map: the store given by ``--store``/``SAMARBEJDSKORT_STORE``, if any."""

    store: str | None = None


@app.callback()
def _options(
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            envvar="SAMARBEJDSKORT_STORE",
            help="Læs kortet fra dette lager (mappe eller SPARQL-URL), det samme som webappen bruger.",
        ),
    ] = None,
) -> None:
    """Samarbejdskort: hvem arbejder med hvem om børn og unge i psykisk mistrivsel."""
    _Where.store = store or None


def store_location() -> str | None:
    """The configured store (``--store`` or ``SAMARBEJDSKORT_STORE``), or None."""
    return _Where.store


def load_model(data: list[Path] | None) -> Model:
    """The map to answer from: ``--data`` files when given, else the configured store, else the bundled files."""
    with kept():  # one command, one model, kept to the end: no collection scans it, not even once
        if data:
            model = load(data)
        elif _Where.store:
            from graph.store_read import read_model

            model = read_model(_Where.store)
        else:
            model = load(None)
    return model


def one_of(typed: str | None, option: str | None, flag: str, what: tuple[str, str]) -> str | None:
    """The value given after the command (``typed``, »gaps Randersklyngen«) or with its option (``flag``), the
    same either way; two different ones are refused. ``what``: the thing in Danish and English, plural."""
    if typed and option and typed != option:
        raise InputError(
            f"to {what[0]}: »{typed}« og {flag} »{option}« – skriv kun den ene / two {what[1]}: '{typed}' and {flag}"
            f" '{option}' – give one"
        )
    return option or typed


def parse_date(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"--date '{text}' is not a date (use YYYY-MM-DD)") from None


def emit(payload: Any, as_json: bool, text: Callable[[], str]) -> None:
    """Print JSON or the human-readable text of one result."""
    if as_json:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(text().rstrip("\n") + "\n")


def fail(exc: SamarbejdskortError, as_json: bool) -> NoReturn:
    """Report a domain error and exit with its code: never a traceback."""
    from api.errors import error_body, mapping_for  # the error path only: an answer does not import it

    mapping = mapping_for(exc)
    if as_json:
        sys.stdout.write(json.dumps(error_body(exc), ensure_ascii=False, indent=2) + "\n")
    sys.stderr.write(f"fejl/error: {exc}\n")
    raise typer.Exit(mapping.exit_code)


def guarded(fn: Callable[[], T], as_json: bool) -> T:
    try:
        return fn()
    except SamarbejdskortError as exc:
        fail(exc, as_json)
