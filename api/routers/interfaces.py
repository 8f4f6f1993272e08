"""Interfaces (samarbejdsflader): the JSON twin of ``samarbejdskort interfaces`` and its printable A4 matrix.

``/api/interfaces`` returns exactly what the CLI's ``--json`` prints: the pair's interface when ``a`` and
``b`` are given, else the matrix of ``scope`` (shapes in ``graph/interfaces.py``, ``graph/interface_matrix.py``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, Response

from api.deps import DateDep, LangDep, ModelDep, PageDep, ScenariosDep, UserDep
from api.routers.entities import all_of_kinds
from graph.errors import InputError
from graph.interface_matrix import matrix
from graph.interfaces import interface
from graph.wayfinder import wayfinder
from viz.interface_matrix import matrix_pdf
from viz.interface_words import word

__all__ = ["answer", "pages_router", "router"]

router = APIRouter(prefix="/api", tags=["questions"])

ScopeQuery = Annotated[list[str] | None, Query(description="Cluster, forum or organisation; repeated: exactly those")]
ByQuery = Annotated[Literal["sector", "organisation"] | None, Query(description="sector or organisation")]


def answer(
    model: Any,
    lang: str,
    on: Any,
    scenarios: tuple[str, ...],
    scope: list[str] | None,
    a: str,
    b: str,
    by: str | None,
) -> dict[str, Any]:
    """The pair (both ``a`` and ``b``) or the matrix; one of them alone is the caller's error."""
    if a.strip() or b.strip():
        if not (a.strip() and b.strip()):
            raise InputError("name both parties (a and b), or neither for the matrix")
        chosen = [s for s in scope or () if s.strip()] or None
        return interface(model, a, b, by=by, on=on, scenarios=scenarios, scope=chosen).as_json(lang)
    return matrix(
        model, scope=[s for s in scope or () if s.strip()] or None, by=by or "sector", on=on, scenarios=scenarios
    ).as_json(lang)


@router.get("/interfaces", response_model=dict[str, Any], summary="Where and how do two parties meet?")
def interfaces(
    model: ModelDep,
    lang: LangDep,
    on: DateDep,
    scenarios: ScenariosDep,
    scope: ScopeQuery = None,
    a: str = "",
    b: str = "",
    by: ByQuery = None,
) -> Any:
    """With ``a`` and ``b``: forums, channels, contact persons, requests, lines and what is missing between
    them. Without: the matrix of every pair in ``scope`` (default the whole region)."""
    return answer(model, lang, on, scenarios, scope, a, b, by)


@router.get("/interfaces.pdf", response_class=Response, summary="The interface matrix as an A4 PDF")
def interfaces_pdf(
    model: ModelDep,
    lang: LangDep,
    on: DateDep,
    scenarios: ScenariosDep,
    scope: ScopeQuery = None,
    by: ByQuery = None,
) -> Response:
    """The matrix on A4 pages (text at least 8 pt) with every pair's summary listed, for a meeting."""
    data = matrix(
        model, scope=[s for s in scope or () if s.strip()] or None, by=by or "sector", on=on, scenarios=scenarios
    ).as_json(lang)
    return Response(
        matrix_pdf(data, lang),
        media_type="application/pdf",
        headers={"Content-Disposition": 'inline; filename="samarbejdsflader.pdf"'},
    )


# ------------------------------------------------------------------------------------------------ pages
pages_router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@pages_router.get("/samarbejdsflader")
def interfaces_page(
    page: PageDep,
    model: ModelDep,
    on: DateDep,
    scenarios: ScenariosDep,
    scope: ScopeQuery = None,
    a: str = "",
    b: str = "",
    by: ByQuery = None,
) -> Response:
    """The matrix of a scope; a cell (``a`` and ``b``) opens the pair's details below it."""
    chosen = [s for s in scope or () if s.strip()] or None
    mx = matrix(model, scope=chosen, by=by or "sector", on=on, scenarios=scenarios).as_json(page.lang)
    pair = answer(model, page.lang, on, scenarios, scope, a, b, by) if (a.strip() or b.strip()) else None
    return page.render(
        "interfaces.html",
        json_url=page.twin("/api/interfaces"),
        mx=mx,
        pair=pair,
        words=word,
        bodies=all_of_kinds(model, ("organisation", "unit", "forum", "cluster", "partnership"), page.lang),
    )


@pages_router.get("/vejviser")
def wayfinder_page(
    page: PageDep,
    model: ModelDep,
    on: DateDep,
    scenarios: ScenariosDep,
    user: UserDep,
    asker: str = "",
    need: str = "",
    to: str = "",
) -> Response:
    """I work in … → I need … about a child → the route (channels and contact persons, forum, decision)."""
    route = None
    if asker.strip() and need.strip():
        route = wayfinder_answer(model, page.lang, on, scenarios, user, asker, need, to)
    return page.render(
        "wayfinder.html",
        json_url=page.twin("/api/wayfinder") if route else None,
        route=route,
        words=word,
        askers=all_of_kinds(model, ("organisation", "unit"), page.lang),
        topics=all_of_kinds(model, ("topic",), page.lang),
    )


@router.get("/wayfinder", response_model=dict[str, Any], summary="The route for a professional")
def wayfinder_answer(
    model: ModelDep,
    lang: LangDep,
    on: DateDep,
    scenarios: ScenariosDep,
    user: UserDep,
    asker: Annotated[str, Query(min_length=1, description="Where I work (organisation or unit)")],
    need: Annotated[str, Query(min_length=1, description="What I need about a child (a topic in my words)")],
    to: str = "",
) -> Any:
    """From ``asker`` about ``need`` (to ``to``, or to the best contact answer): channels and contact persons,
    the forum where the matter can be raised, and the reporting line to where it is decided."""
    route = wayfinder(model, asker, need, to or None, on=on, scenarios=scenarios, include_personal=user is not None)
    return route.as_json(lang)
