"""``samarbejdskort bench`` and ``generate``: the benchmark tools, run as ``python -m benchmarks`` in a child.

The product never imports ``benchmarks`` (it imports the product to measure it); these commands only hand
their options to that program and return its exit code, so the import graph keeps one direction.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from api.cli.app import JsonOpt, app

__all__ = ["bench", "generate"]


def _run_benchmarks(args: list[str]) -> None:
    """Run ``python -m benchmarks ARGS`` with this interpreter; its output is this command's output."""
    sys.stdout.flush()
    done = subprocess.run([sys.executable, "-m", "benchmarks", *args], check=False)  # noqa: S603 (argv list, no shell)
    if done.returncode:
        raise typer.Exit(done.returncode)


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
    args = ["bench", "--scale", scale, "--seed", str(seed)]
    args += ["--quick"] * quick + ["--json"] * as_json
    args += ["--out", str(out)] if out is not None else []
    args += ["--data-dir", str(data_dir)] if data_dir is not None else []
    for part in only or ():
        args += ["--only", part]
    shown = ["samarbejdskort", *(a for a in args if a)]
    _run_benchmarks([*args, "--command-line", " ".join(shown)])


@app.command()
def generate(
    scale: Annotated[str, typer.Option("--scale", help="region, nation eller nation10")] = "region",
    seed: Annotated[int, typer.Option("--seed")] = 0,
    out: Annotated[Path, typer.Option("--out", help="Fil (.ttl eller .nt)")] = Path("synthetic.ttl"),
) -> None:
    """Skriv en syntetisk struktur i samme ordforråd (til benchmarks og diagramtest)."""
    _run_benchmarks(["generate", "--scale", scale, "--seed", str(seed), "--out", str(out)])
