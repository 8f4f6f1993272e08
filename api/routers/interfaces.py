"""Interfaces (samarbejdsflader): the JSON twin of ``samarbejdskort interfaces`` and its printable A4 matrix.

``/api/interfaces`` returns exactly what the CLI's ``--json`` prints: the pair's interface when ``a`` and
``b`` are given, else the matrix of ``scope`` (shapes in ``graph/interfaces.py``, ``graph/interface_matrix.py``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import DateDep, LangDep, ModelDep, ScenariosDep
from graph.errors import InputError
from graph.interface_matrix import matrix
from graph.interfaces import interface
from viz.interface_matrix import matrix_pdf

__all__ = ["answer", "router"]

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
        return interface(model, a, b, by=by, on=on, scenarios=scenarios).as_json(lang)
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
