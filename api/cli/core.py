"""Core commands: validate, stats, show."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from api.cli.app import DataOpt, DateOpt, JsonOpt, Lang, LangOpt, app, emit, guarded, load_model, parse_date
from api.cli.text import describe_text, stats_text, validation_text
from graph.describe import describe


@app.command()
def validate(data: DataOpt = None, as_json: JsonOpt = False, lang: LangOpt = Lang.da) -> None:
    """Tjek data mod reglerne. Exit 0: ingen overtrædelser (advarsler vises), 1: overtrædelser, 2: dårligt input."""
    from graph.validation import validate as run_validation  # pyshacl: only this command pays for it

    model = guarded(lambda: load_model(data), as_json)
    report = run_validation(model.rdf)
    payload = report.as_json(lang.value)
    emit(payload, as_json, lambda: validation_text(payload, lang.value))
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def stats(data: DataOpt = None, as_json: JsonOpt = False, lang: LangOpt = Lang.da) -> None:
    """Hvor meget er der i kortet: entiteter og relationer efter slags, filer og kilder."""
    model = guarded(lambda: load_model(data), as_json)
    payload = model.stats()
    emit(payload, as_json, lambda: stats_text(payload, lang.value))


@app.command()
def show(
    entity: Annotated[str, typer.Argument(help="IRI, navn, forkortelse (SSU, BUA …) eller ord fra navnet.")],
    data: DataOpt = None,
    date: DateOpt = None,
    scenario: Annotated[list[str] | None, typer.Option("--scenario", help="Anvend et scenarie.")] = None,
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.da,
) -> None:
    """Alt om én enhed: slags, navne, medlemmer, pladser, kommissorium, linjer, kanaler, status, kilder."""

    def run() -> dict[str, Any]:
        model = load_model(data)
        nid = model.resolve(entity)
        return describe(
            model, nid, lang=lang.value, on=parse_date(date), scenarios=tuple(scenario or ()), include_personal=True
        )

    payload = guarded(run, as_json)
    emit(payload, as_json, lambda: describe_text(payload, lang.value))
