"""``samarbejdskort diff OLD NEW``: what changed, in words (``graph/diff.py``).

OLD and NEW are files or folders (anything ``--data`` reads), or dates (YYYY-MM-DD) of the store given by
``--store`` or ``SAMARBEJDSKORT_STORE``, reconstructed from its change log.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.app import JsonOpt, Lang, LangOpt, app, emit, guarded
from graph.diff import diff
from graph.errors import InputError
from graph.model import Model, load

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+-]+Z?)?$")
_WORDS = {
    "title": ("Ændringer fra {o} til {n}", "Changes from {o} to {n}"),
    "none": ("Ingen ændringer.", "No changes."),
}


@app.command("diff")
def diff_command(
    old: Annotated[str, typer.Argument(help="Den gamle version: fil, mappe eller dato (ÅÅÅÅ-MM-DD) i lageret.")],
    new: Annotated[str, typer.Argument(help="Den nye version: fil, mappe eller dato (ÅÅÅÅ-MM-DD) i lageret.")],
    store: Annotated[
        str | None, typer.Option("--store", help="Lageret datoerne læses fra (ellers SAMARBEJDSKORT_STORE).")
    ] = None,
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.da,
) -> None:
    """Hvad er ændret: nye og ophørte enheder, omdøbninger, pladser og indehavere, linjer, kommissorier."""

    def run() -> dict[str, Any]:
        a, b = _side(old, store), _side(new, store)
        return diff(a, b, old_label=old, new_label=new).as_json(lang.value)

    payload = guarded(run, as_json)
    emit(payload, as_json, lambda: diff_text(payload, lang.value))


def _side(spec: str, store: str | None) -> Model:
    if _DATE.match(spec) and not Path(spec).exists():
        try:
            day: dt.date | dt.datetime = (
                dt.datetime.fromisoformat(spec) if len(spec) > 10 else dt.date.fromisoformat(spec)
            )
        except ValueError:
            raise InputError(f"'{spec}' is not a date (use YYYY-MM-DD or an ISO time)") from None
        location = store or os.environ.get("SAMARBEJDSKORT_STORE")
        if not location:
            raise InputError(f"'{spec}' is a date: name the store with --store or SAMARBEJDSKORT_STORE")
        from graph.store import open_store
        from graph.store_history import model_at

        opened = open_store(location)
        try:
            return model_at(opened, day)
        finally:
            opened.close()
    return load([Path(spec)])


def diff_text(p: dict[str, Any], lang: str) -> str:
    da, en = _WORDS["title"]
    head = (en if lang == "en" else da).format(o=p["old"]["label"], n=p["new"]["label"])
    if not p["text"]:
        return f"{head}\n{_WORDS['none'][1] if lang == 'en' else _WORDS['none'][0]}"
    counts = ", ".join(f"{k}: {v}" for k, v in p["counts"].items() if v)
    return "\n".join([head, f"({counts})", "", *(f"• {t}" for t in p["text"])])
