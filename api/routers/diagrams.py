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
from viz.style import NODE_STYLES
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
    view: View,
    model: ModelDep,
    lang: LangDep,
    on: DateDep,
    scenarios: ScenariosDep,
    q: DiagramQueryDep,
    embed: Annotated[bool, Query(description="Framed in the site's diagram page (its form holds the filters)")] = False,
) -> Response:
    diagram = build_diagram(model, view, q, lang=lang, on=on, scenarios=scenarios)
    page = viz_html.to_html(diagram, embed=embed)
    return HTMLResponse(page, headers={"Content-Security-Policy": DIAGRAM_CSP})


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
    frame = page.twin(api_url + ".html")
    frame += ("&" if "?" in frame else "?") + "embed=true"
    entities = _entity_list(diagram, page.lang) if diagram else []
    return page.render(
        "diagram.html",
        json_url=page.twin(api_url + ".json")
        if ready
        else page.link("/api/search", kinds=",".join(sorted(NODE_KINDS))),
        name=name,
        view=view,
        diagram=diagram,
        frame_url=frame,
        svg_url=page.twin(api_url + ".svg"),
        pdf_url=page.twin(api_url + ".pdf"),
        sheets_url=page.twin("/api/diagrams/sheets.pdf"),
        sectors=sorted(SECTOR_NAMES),
        clusters=[(c, model.label(c, page.lang)) for c in sorted(cluster_ids(model), key=model.label)],
        forum_kinds=sorted({k for _, k in model.nx.nodes(data="forum_kind") if k}),
        entities=entities,
    )


def cluster_ids(model: Model) -> list[str]:
    return [n for n, k in model.nx.nodes(data="kind") if k == "cluster"]


def _entity_list(diagram: Diagram, lang: str) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    """The diagram's entities grouped by kind (in the legend's order), each with its full name on one line:
    (kind, [(id, name, is_group)]). Grouped nodes of a large view have no entity page."""
    order = list(NODE_STYLES)
    groups: dict[str, list[tuple[str, str, bool]]] = {}
    for n in diagram.nodes:
        name = " ".join(n.label.split())
        groups.setdefault(n.kind, []).append((n.id, name, n.kind == "aggregate" or "aggregate" in n.flags))
    return [
        (kind, sorted(items, key=lambda x: x[1].casefold()))
        for kind, items in sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
    ]


router.include_router(api)
router.include_router(pages)
