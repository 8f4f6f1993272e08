"""Diagrams: the organisation diagram, the collaboration network and one entity's neighbourhood.

Each view is offered as a self-contained offline HTML page (``.html``, vis-network inlined), a printable
SVG (``.svg``) and the neutral diagram data (``.json``), and as a site page (``/diagram/...``) that frames
the HTML with the same filters and lists the diagram's entities as text. The views decide what is shown;
this router only parses the filters and picks the renderer.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.deps import DateDep, LangDep, ModelDep, PageDep, ScenariosDep
from graph.errors import InputError
from graph.model import Model
from graph.projection import NODE_KINDS
from viz import html as viz_html
from viz import static as viz_static
from viz.diagram import Diagram
from viz.request import DiagramRequest, build, parse_filters
from viz.sheet import forum_sheet, forum_sheets
from viz.style import SECTORS as SECTOR_NAMES

__all__ = ["PAGE_VIEWS", "VIEWS", "build_diagram", "router"]

router = APIRouter()
api = APIRouter(prefix="/api/diagrams", tags=["diagrams"])
pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

View = Literal["organisation", "network", "ego"]
VIEWS: tuple[str, ...] = ("organisation", "network", "ego")
Many = Annotated[list[str] | None, Query()]

# vis-network needs inline script in the framed page; nothing is loaded from elsewhere
DIAGRAM_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


def diagram_query(
    id: Annotated[str | None, Query(description="Focus entity (IRI or name); required for ego")] = None,
    depth: Annotated[int, Query(ge=0, le=4)] = 1,
    sector: Many = None,
    cluster: Many = None,
    forum_kind: Many = None,
    status: Many = None,
) -> DiagramRequest:
    """The request as typed; ``viz.request`` checks the filters (an unknown value answers 422)."""
    return DiagramRequest(
        view="organisation",
        focus=id.strip() if id and id.strip() else None,
        depth=depth,
        sector=tuple(sector or ()),
        cluster=tuple(cluster or ()),
        forum_kind=tuple(forum_kind or ()),
        status=tuple(status or ()),
    )


DiagramQueryDep = Annotated[DiagramRequest, Depends(diagram_query)]


def build_diagram(model: Model, view: str, q: DiagramRequest, *, lang: str, on: Any, scenarios: Any) -> Diagram:
    """The neutral diagram of ``view`` (the views resolve names and apply the filters)."""
    return build(model, replace(q, view=view, lang=lang, on=on, scenarios=tuple(scenarios)))


@api.get("/sheets.pdf", response_class=Response, responses={200: {"content": {"application/pdf": {}}}})
def sheets_pdf(model: ModelDep, lang: LangDep, on: DateDep, scenarios: ScenariosDep, q: DiagramQueryDep) -> Response:
    """One A4 sheet per forum the filters leave: mandate, seats, chair, secretariat, meetings, lines."""
    flt = parse_filters(model, sector=q.sector, cluster=q.cluster, forum_kind=q.forum_kind, status=q.status)
    pdf = forum_sheets(model, on=on, scenarios=scenarios, filters=flt, lang=lang)
    return Response(pdf, media_type="application/pdf")


@api.get("/sheet.pdf", response_class=Response, responses={200: {"content": {"application/pdf": {}}}})
def sheet_pdf(model: ModelDep, lang: LangDep, on: DateDep, scenarios: ScenariosDep, q: DiagramQueryDep) -> Response:
    """The A4 sheet of one forum (``?id=``)."""
    if q.focus is None:
        raise InputError("a forum sheet needs the forum: ?id=")
    return Response(forum_sheet(model, q.focus, on=on, scenarios=scenarios, lang=lang), media_type="application/pdf")


@api.get("/{view}.html", response_class=HTMLResponse, summary="Interactive diagram (offline HTML)")
def diagram_html(
    view: View, model: ModelDep, lang: LangDep, on: DateDep, scenarios: ScenariosDep, q: DiagramQueryDep
) -> Response:
    diagram = build_diagram(model, view, q, lang=lang, on=on, scenarios=scenarios)
    return HTMLResponse(viz_html.to_html(diagram), headers={"Content-Security-Policy": DIAGRAM_CSP})


@api.get("/{view}.json", response_model=dict[str, Any], summary="Diagram data: nodes, edges, legend")
def diagram_json(
    view: View, model: ModelDep, lang: LangDep, on: DateDep, scenarios: ScenariosDep, q: DiagramQueryDep
) -> Response:
    diagram = build_diagram(model, view, q, lang=lang, on=on, scenarios=scenarios)
    return JSONResponse(jsonable_encoder(diagram))


STATIC_MEDIA: dict[str, str] = {"svg": "image/svg+xml", "pdf": "application/pdf", "png": "image/png"}


@api.get(
    "/{view}.{fmt}",
    response_class=Response,
    responses={200: {"content": {media: {} for media in STATIC_MEDIA.values()}}},
    summary="Printable diagram (SVG, PDF or PNG)",
)
def diagram_static(
    view: View,
    fmt: Literal["svg", "pdf", "png"],
    model: ModelDep,
    lang: LangDep,
    on: DateDep,
    scenarios: ScenariosDep,
    q: DiagramQueryDep,
) -> Response:
    diagram = build_diagram(model, view, q, lang=lang, on=on, scenarios=scenarios)
    return Response(viz_static.render_static(diagram, fmt), media_type=STATIC_MEDIA[fmt])


#: Page names (Danish) → views.
PAGE_VIEWS: dict[str, str] = {"organisation": "organisation", "netvaerk": "network", "ego": "ego"}
PageView = Literal["organisation", "netvaerk", "ego"]


@pages.get("/diagram/{name}")
def diagram_page(
    name: PageView, page: PageDep, model: ModelDep, on: DateDep, scenarios: ScenariosDep, q: DiagramQueryDep
) -> Response:
    """The framed interactive diagram, its filters, SVG/JSON links and its entities as a plain list."""
    view = PAGE_VIEWS[name]
    ready = view != "ego" or q.focus is not None
    diagram = build_diagram(model, view, q, lang=page.lang, on=on, scenarios=scenarios) if ready else None
    api_url = f"/api/diagrams/{view}"
    return page.render(
        "diagram.html",
        json_url=page.twin(api_url + ".json")
        if ready
        else page.link("/api/search", kinds=",".join(sorted(NODE_KINDS))),
        name=name,
        view=view,
        diagram=diagram,
        frame_url=page.twin(api_url + ".html"),
        svg_url=page.twin(api_url + ".svg"),
        pdf_url=page.twin(api_url + ".pdf"),
        sectors=sorted(SECTOR_NAMES),
    )


router.include_router(api)
router.include_router(pages)
