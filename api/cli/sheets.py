"""``samarbejdskort import``: a spreadsheet (xlsx, CSV, zip of CSVs) into the store, through the edit checks."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.app import JsonOpt, app, emit, fail, store_location
from graph.errors import InputError, SamarbejdskortError, SheetRejected

__all__ = ["import_command"]


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="Regneark: .xlsx, .csv (ét ark) eller .zip med CSV-filer.")],
    partial: Annotated[
        bool, typer.Option("--partial", help="Importér de gode rækker og rapportér resten (ellers alt eller intet).")
    ] = False,
    reason: Annotated[str | None, typer.Option("--reason", help="Begrundelse og kilde (vises som kilde).")] = None,
    user: Annotated[str | None, typer.Option("--user", help="Hvem der importerer (til ændringsloggen).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Læs et regneark ind i lageret: samme regler, samme ændringslog og fortryd som i webappen."""
    from graph.sheet_read import MAX_BYTES, read_sheets
    from graph.store import open_store

    try:
        location = store_location()
        if location is None:
            raise InputError("import writes to a store: give --store DIR (or set SAMARBEJDSKORT_STORE)")
        if not file.is_file():
            raise InputError(f"'{file}' is not a file")
        if file.stat().st_size > MAX_BYTES:
            raise InputError(f"'{file}' is larger than {MAX_BYTES // (1024 * 1024)} MB")
        book = read_sheets(file.read_bytes(), file.name)
        store = open_store(location)
        try:
            record, plan = store.import_sheets(
                book,
                user=user or _login(),
                reason=reason or f"Import af regnearket {file.name}",
                if_match=None,
                partial=partial,
            )
        finally:
            store.close()
    except SheetRejected as exc:
        for error in exc.errors:
            sys.stderr.write(f"{error}\n")
        fail(exc, as_json)
    except SamarbejdskortError as exc:
        fail(exc, as_json)
    payload: dict[str, Any] = {
        "change": record.as_json() if record is not None else None,
        "rows": plan.rows,
        "left_out": [e.as_json() for e in plan.errors],
    }

    def text() -> str:
        lines = [str(e) for e in plan.errors]
        if plan.errors:
            lines.append(f"{len(plan.errors)} række(r) udeladt / row(s) left out")
        if record is None:
            lines.append("Intet at ændre: lageret siger allerede det samme / nothing to change")
        else:
            lines.append(f"Importeret {plan.rows} rækker som ændring {record.id} / imported as change {record.id}")
        return "\n".join(lines)

    emit(payload, as_json, text)


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "kommandolinje"
