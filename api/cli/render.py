"""Command ``render``: diagrams people can explore (HTML) and print (SVG, PDF, PNG).

The question modules are imported only when an overlay asks for them, so ``render`` works on its own;
their answers reach ``viz`` as ``.as_json()`` dicts through the adapters in ``viz.highlight``.
"""

from __future__ import annotations

import datetime as dt
import importlib
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.app import DataOpt, DateOpt, Lang, LangOpt, app, guarded, load_model, parse_date
from graph.errors import InputError
from graph.model import Model
from viz.diagram import Diagram
from viz.highlight import (
    Highlight,
    highlight_from_chain,
    highlight_from_contact,
    highlight_from_gaps,
    highlight_from_path,
)
from viz.request import DiagramRequest, build, parse_filters

__all__ = ["FORMAT_OF_SUFFIX", "View", "render_command"]

FORMAT_OF_SUFFIX = {".html": "html", ".htm": "html", ".svg": "svg", ".pdf": "pdf", ".png": "png"}


class View(StrEnum):
    organisation = "organisation"
    network = "network"
    ego = "ego"
    sheet = "sheet"
    sheets = "sheets"


class Format(StrEnum):
    html = "html"
    svg = "svg"
    pdf = "pdf"
    png = "png"


ListOpt = list[str] | None


@app.command("render")
def render_command(
    view: Annotated[
        View,
        typer.Argument(
            help="organisation (organisationsdiagram), network (samarbejdsnetværk), ego (nabolag), "
            "sheet (forumark for --focus) eller sheets (ét ark pr. forum, filtreret som diagrammerne)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Fil at skrive (.html, .svg, .pdf, .png).")],
    focus: Annotated[str | None, typer.Option("--focus", help="Enhed i centrum: navn, forkortelse eller IRI.")] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, max=6, help="Ego: antal skridt ud.")] = 1,
    chain: Annotated[str | None, typer.Option("--chain", help="Fremhæv rapporteringskæden for en enhed.")] = None,
    path: Annotated[
        tuple[str, str] | None, typer.Option("--path", help="Fremhæv vejen mellem to enheder: --path A B.")
    ] = None,
    contact: Annotated[
        str | None, typer.Option("--contact", help="Fremhæv svaret på »hvem kontakter jeg om …«.")
    ] = None,
    asker: Annotated[str | None, typer.Option("--from", help="Hvem spørger (til --contact).")] = None,
    gaps: Annotated[
        bool, typer.Option("--gaps", help="Markér alle huller (vakante pladser, manglende krav …).")
    ] = False,
    date: DateOpt = None,
    scenario: Annotated[ListOpt, typer.Option("--scenario", help="Anvend et scenarie (kan gentages).")] = None,
    sector: Annotated[ListOpt, typer.Option("--sector", help="Kun disse sektorer (kan gentages).")] = None,
    cluster: Annotated[ListOpt, typer.Option("--cluster", help="Kun disse klynger (kan gentages).")] = None,
    forum_kind: Annotated[ListOpt, typer.Option("--forum-kind", help="Kun disse forumtyper (kan gentages).")] = None,
    status: Annotated[ListOpt, typer.Option("--status", help="Kun denne status (kan gentages).")] = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", help="html, svg, pdf eller png; standard: --out-endelsen.")
    ] = None,
    dpi: Annotated[int, typer.Option("--dpi", min=50, max=600, help="Opløsning for PNG.")] = 150,
    data: DataOpt = None,
    lang: LangOpt = Lang.da,
) -> None:
    """Tegn et diagram: organisationsdiagram, samarbejdsnetværk eller nabolag, interaktivt eller til print."""

    def run() -> str:
        kind = _format(out, fmt)
        overlays = [x for x in (chain, path, contact) if x]
        if len(overlays) > 1:
            raise InputError("choose one of --chain, --path and --contact")
        if asker and not contact:
            raise InputError("--from belongs to --contact")
        if view in (View.ego, View.sheet) and not focus:
            raise InputError(f"the {view.value} view needs --focus ENTITY")
        if view in (View.sheet, View.sheets) and kind != "pdf":
            raise InputError("forum sheets are for print: use .pdf")
        model = load_model(data)
        on, scen = parse_date(date), tuple(scenario or ())
        if view in (View.sheet, View.sheets):
            from viz.sheet import forum_sheet, forum_sheets

            if view is View.sheet:
                assert focus is not None
                pdf = forum_sheet(model, focus, on=on, scenarios=scen, lang=lang.value)
            else:
                filters = parse_filters(
                    model, sector=sector or (), cluster=cluster or (), forum_kind=forum_kind or (), status=status or ()
                )
                pdf = forum_sheets(model, on=on, scenarios=scen, filters=filters, lang=lang.value)
            _write_bytes(out, pdf)
            return f"{out} ({kind})"
        hl = _highlight(model, lang.value, on, scen, chain=chain, path=path, contact=contact, asker=asker, gaps=gaps)
        req = DiagramRequest(
            view=view.value,
            focus=focus,
            depth=depth,
            on=on,
            scenarios=scen,
            lang=lang.value,
            sector=tuple(sector or ()),
            cluster=tuple(cluster or ()),
            forum_kind=tuple(forum_kind or ()),
            status=tuple(status or ()),
            highlight=hl,
        )
        diagram = build(model, req)
        _write(diagram, kind, out, dpi)
        grouped = f"; {diagram.notes[0]}" if diagram.notes else ""
        return f"{out} ({kind}): {len(diagram.nodes)} enheder / entities, {len(diagram.edges)} linjer / lines{grouped}"

    typer.echo(guarded(run, False))


def _format(out: Path, fmt: Format | None) -> str:
    if fmt is not None:
        return fmt.value
    kind = FORMAT_OF_SUFFIX.get(out.suffix.lower())
    if kind is None:
        raise InputError(f"cannot tell the format from '{out.name}': use .html, .svg, .pdf or .png, or --format")
    return kind


def _highlight(
    model: Model,
    lang: str,
    on: dt.date,
    scen: tuple[str, ...],
    *,
    chain: str | None,
    path: tuple[str, str] | None,
    contact: str | None,
    asker: str | None,
    gaps: bool,
) -> Highlight | None:
    """The overlay, from the question module's JSON answer (imported only when asked for)."""
    hl: Highlight | None = None
    if chain:
        answer = _question("graph.reporting", "chain", "--chain")(model, chain, on=on, scenarios=scen)
        hl = highlight_from_chain(answer.as_json(lang), lang)
    elif path:
        answer = _question("graph.paths", "find_paths", "--path")(model, path[0], path[1], on=on, scenarios=scen)
        hl = highlight_from_path(answer.as_json(lang), lang)
    elif contact:
        answer = _question("graph.contacts", "contact", "--contact")(model, contact, asker, on=on, scenarios=scen)
        hl = highlight_from_contact(answer.as_json(lang), lang)
    if gaps:
        report = _question("graph.gaps", "find_gaps", "--gaps")(model, on=on, scenarios=scen)
        found = highlight_from_gaps(report.as_json(lang), lang)
        hl = hl.merge(found) if hl else found
    return hl


def _question(module: str, name: str, option: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ModuleNotFoundError, AttributeError):
        raise InputError(f"{option} is not available yet ({module}.{name} is missing)") from None


def _write(diagram: Diagram, kind: str, out: Path, dpi: int = 150) -> None:
    if kind == "html":
        from viz.html import to_html

        _write_bytes(out, to_html(diagram).encode("utf-8"))
    else:
        from viz.static import render_static

        _write_bytes(out, render_static(diagram, kind, dpi=dpi))


def _write_bytes(out: Path, data: bytes) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write '{out}': {exc.strerror or exc}") from None
