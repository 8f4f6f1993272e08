"""The data as a whole: statistics, validation, export and a read-only SPARQL endpoint."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from api.deps import LangDep, ModelDep, SettingsDep, StoreDep
from graph.cache import memo
from graph.errors import InputError
from graph.exporting import export_format, formats
from graph.validation import validate as run_validation

__all__ = ["FindingOut", "StatsOut", "ValidationOut", "router"]

router = APIRouter(prefix="/api", tags=["data"])

_EXPORT_MEDIA = sorted({f.media_type for f in formats()})
SPARQL_RESULTS = "application/sparql-results+json"


class FileStat(BaseModel):
    path: str
    format: str
    triples: int


class StatsOut(BaseModel):
    """``samarbejdskort stats --json``."""

    triples: int
    nodes: int
    edges: int
    node_kinds: dict[str, int]
    edge_kinds: dict[str, int]
    files: list[FileStat]
    sources: int
    version: str


class FindingOut(BaseModel):
    id: str
    label: str
    severity: str
    rule: str
    message: str
    path: str | None
    value: str | None
    sources: list[str]


class ValidationOut(BaseModel):
    """``samarbejdskort validate --json``."""

    conforms: bool
    violations: list[FindingOut]
    warnings: list[FindingOut]


@router.get("/stats", response_model=StatsOut, summary="How much is in the map")
def stats(model: ModelDep) -> Any:
    return model.stats()


@router.get("/validate", response_model=ValidationOut, summary="Check the data against the SHACL rules")
def validate(model: ModelDep, lang: LangDep) -> Any:
    """Violations (malformed data) and warnings (governance gaps the sources imply), as the CLI reports them."""
    report = memo(model, "api-validation", lambda: run_validation(model.rdf))  # pySHACL once per data version
    return report.as_json(lang)


@router.get(
    "/export/formats",
    summary="The export formats",
)
def export_formats(lang: LangDep) -> list[dict[str, Any]]:
    """Every format ``/api/export`` writes (``graph.exporting``), with its media type and whether it reads back."""
    return [f.as_json(lang) for f in formats()]


@router.get(
    "/export",
    summary="The whole map in a standard format",
    response_class=Response,
    responses={200: {"content": {media: {} for media in _EXPORT_MEDIA}}},
)
def export(
    model: ModelDep,
    format: Annotated[
        str, Query(description="turtle, trig, json-ld, n-triples, graphml, csv-edges, popolo (see /api/export/formats)")
    ] = "turtle",
) -> Response:
    """RDF (Turtle, TriG with provenance, JSON-LD, N-Triples), GraphML, a CSV edge list or Popolo JSON.

    Anonymous callers get the public view: no person's name, IRI, e-mail or phone in any format.
    """
    chosen = export_format(format)  # unknown → InputError → 422
    body = chosen.write(model)
    headers = {"Content-Disposition": f'inline; filename="samarbejdskort.{chosen.suffix}"'}
    return Response(body, media_type=chosen.media_type, headers=headers)


@router.get(
    "/sparql",
    summary="Read-only SPARQL 1.1 query",
    response_class=JSONResponse,
    responses={200: {"content": {SPARQL_RESULTS: {}}}},
)
def sparql_get(store: StoreDep, settings: SettingsDep, query: Annotated[str, Query(min_length=1)]) -> Response:
    """SELECT/ASK over the data; updates, SERVICE and LOAD are refused; time and rows are capped."""
    result = store.query(
        query, timeout_s=settings.sparql_timeout_s, limit=settings.sparql_limit, memory_mb=settings.sparql_memory_mb
    )
    return JSONResponse(result, media_type=SPARQL_RESULTS)


@router.post(
    "/sparql",
    summary="Read-only SPARQL 1.1 query (POST)",
    response_class=JSONResponse,
    responses={200: {"content": {SPARQL_RESULTS: {}}}},
    openapi_extra={
        "requestBody": {
            "content": {
                "application/sparql-query": {"schema": {"type": "string"}},
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}
                },
            }
        }
    },
)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """The SPARQL protocol's two POST forms: a form field ``query`` or a bare ``application/sparql-query`` body."""
    query = await _posted_query(request)
    result = await run_in_threadpool(
        store.query,
        query,
        timeout_s=settings.sparql_timeout_s,
        limit=settings.sparql_limit,
        memory_mb=settings.sparql_memory_mb,
    )
    return JSONResponse(result, media_type=SPARQL_RESULTS)


async def _posted_query(request: Request) -> str:
    if request.headers.get("content-type", "").startswith("application/sparql-query"):
        query = (await request.body()).decode("utf-8", errors="replace")
    else:
        query = str((await request.form()).get("query") or "")
    if not query.strip():
        raise InputError("no SPARQL query given (form field 'query' or an application/sparql-query body)")
    return query
