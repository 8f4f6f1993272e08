"""``samarbejdskort bench``: the benchmarks with baselines, as a table and as JSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from api.cli.app import JsonOpt, app


@app.command()
def bench(
    quick: Annotated[
        bool, typer.Option("--quick", help="Regionsskala, få gentagelser, uden HTTP/lager (< 30 s).")
    ] = False,
    as_json: JsonOpt = False,
    out: Annotated[Path | None, typer.Option("--out", help="Skriv JSON-rapporten til denne fil.")] = None,
    scale: Annotated[str, typer.Option("--scale", help="region, nation eller nation10")] = "nation",
    seed: Annotated[int, typer.Option("--seed")] = 0,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="Mappe til de genererede datafiler.")] = None,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Kun disse dele: cold, questions, diagram, http, memory, store.")
    ] = None,
) -> None:
    """Mål hastighed og hukommelse mod en baseline i samme kørsel (median, min–max, forhold)."""
    from benchmarks.bench_suite import render, run, write_json
    from benchmarks.generate import SCALES

    if scale not in SCALES:
        raise typer.BadParameter(f"unknown scale '{scale}'; choose one of {', '.join(SCALES)}", param_hint="--scale")
    known = {"cold", "questions", "diagram", "http", "memory", "store"}
    if only and not set(only) <= known:
        raise typer.BadParameter(f"choose from {', '.join(sorted(known))}", param_hint="--only")

    def progress(msg: str) -> None:
        sys.stderr.write(f"bench: {msg}\n")
        sys.stderr.flush()

    report = run(
        scale=scale, quick=quick, seed=seed, data_dir=data_dir, only=set(only) if only else None, progress=progress
    )
    if out is not None:
        write_json(report, out)
    if as_json:
        import json

        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(render(report) + "\n")
