"""``samarbejdskort export``: the map in a standard format (``graph.exporting`` holds the formats)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from api.cli.app import DataOpt, JsonOpt, Lang, LangOpt, app, emit, guarded, load_model
from graph.errors import InputError
from graph.exporting import export_format, formats
from graph.privacy import public_model


@app.command("export")
def export_command(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="turtle, trig, json-ld, n-triples, graphml, csv-edges, popolo …")
    ] = "turtle",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Fil at skrive til; standard er stdout.")] = None,
    public: Annotated[
        bool, typer.Option("--offentlig/--alt", help="Kun den offentlige visning: ingen personnavne eller -kontakter.")
    ] = False,
    list_formats: Annotated[bool, typer.Option("--list", help="Vis formaterne og stop.")] = False,
    data: DataOpt = None,
    as_json: JsonOpt = False,
    lang: LangOpt = Lang.da,
) -> None:
    """Skriv kortet i et standardformat (RDF, GraphML til yEd/Gephi, CSV-kantliste, Popolo …)."""
    if list_formats:
        payload = {"formats": [f.as_json(lang.value) for f in formats()]}
        emit(
            payload,
            as_json,
            lambda: "\n".join(f"{f['name']:<10} .{f['suffix']:<12} {f['description']}" for f in payload["formats"]),
        )
        return

    def run() -> bytes:
        chosen = export_format(fmt)
        model = load_model(data)
        return chosen.write(public_model(model) if public else model)

    body = guarded(run, as_json)
    if out is None:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
        return
    guarded(lambda: _write_atomically(out, body), as_json)
    sys.stderr.write(f"{len(body)} bytes skrevet til {out} / written to {out}\n")


def _write_atomically(path: Path, body: bytes) -> None:
    """Write beside the target and rename: an interrupted export never leaves half a file."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"--out '{path}': the folder '{folder}' does not exist")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
