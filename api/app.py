"""The FastAPI application factory: one store, one router per area, one error mapping.

``create_app(settings)`` builds the app without doing any work; the lifespan opens the store
once and closes it on shutdown. Domain errors become JSON under ``/api`` and an HTML page
elsewhere, both from the one table in ``api/errors.py``.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.answer_cache import AnswerCache
from api.deps import page_for
from api.errors import error_body, mapping_for
from api.guards import install_guards
from api.routers import all_routers
from api.settings import Settings, get_settings
from api.warm import Refreezer, freeze, warm
from graph.errors import AmbiguousEntity, EntityNotFound, NotInSources, SamarbejdskortError
from graph.loading import expand_paths
from graph.privacy import public_model
from graph.quiet_logs import quiet_library_logs
from graph.store import open_store
from ontology import codes

__all__ = ["create_app"]

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
DOCS_ASSETS = "/docs-assets"
DOCS_OPENAPI = "/docs/openapi-3.0.json"


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the store once for the whole process; every request reads its current model."""
    settings: Settings = app.state.settings
    seeds = expand_paths(settings.data) if settings.data else None
    store = open_store(settings.store, seed_paths=seeds)
    app.state.store = store
    if settings.warm_start:
        warm(store)  # today's views and indexes before the first request, not during it
    refreezer = None
    if getattr(app.state, "freeze_gc", False):  # served processes only: a test process builds many apps
        freeze()  # the model and its indexes out of the GC's generations: no full-collection stalls
        refreezer = app.state.refreezer = Refreezer()
        store.on_replace(refreezer.replaced)  # a replaced (frozen) model is collected, the heap frozen again
    try:
        yield
    finally:
        if refreezer is not None:
            refreezer.close()
        store.close()
        if getattr(app.state, "exit_after_shutdown", False):
            _exit_soon(EXIT_AFTER_SHUTDOWN_S)


#: After a served app's shutdown, the process ends within this many seconds even if a worker thread is stuck.
EXIT_AFTER_SHUTDOWN_S = 2.0


def _exit_soon(seconds: float) -> None:
    """End the process after ``seconds`` unless it has ended by itself (a daemon timer: no effect otherwise)."""
    import os
    import sys
    import threading

    def bye() -> None:
        sys.stderr.flush()
        os._exit(0)

    timer = threading.Timer(seconds, bye)
    timer.daemon = True
    timer.start()


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web app for ``settings`` (default: from the environment). Nothing is loaded until startup."""
    settings = settings or get_settings()
    quiet_library_logs()  # no user text in the server's log, not even inside a library's warning
    app = FastAPI(
        title="Samarbejdskort",
        summary="Hvem arbejder med hvem om børn og unge i psykisk mistrivsel i Region Midtjylland.",
        description="Read-only JSON API; every page of the site has a JSON twin here. Same JSON as the CLI's --json.",
        version="0.1.0",
        lifespan=_lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.templates = _templates()
    app.add_middleware(ETagMiddleware)
    app.add_middleware(AnswerCache, max_bytes=int(settings.answer_cache_mb * 1024 * 1024))
    install_guards(app, settings)
    app.add_exception_handler(SamarbejdskortError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount(DOCS_ASSETS, StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")
    app.add_api_route("/docs", _swagger_ui, include_in_schema=False, response_class=HTMLResponse)
    app.add_api_route(DOCS_OPENAPI, _openapi_for_swagger_ui, include_in_schema=False)
    for router in all_routers():
        app.include_router(router)
    return app


def _templates() -> Jinja2Templates:
    """Every template is autoescaped whatever its name (Starlette only escapes .html by default)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["codes"] = codes  # code → Danish/English word, from the vocabulary (ontology/codes.py)
    env.globals["cited"] = _cited  # an answer's source ids → its sources (given once per answer)
    return Jinja2Templates(env=env)


def _cited(ids: list[str], table: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The sources an answer part cites by id, from the answer's ``sources`` table."""
    return [table[i] for i in ids if i in table]


async def _swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI from the files in the ``swagger-ui-bundle`` wheel, so /docs works offline."""
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=root + DOCS_OPENAPI,
        title="Samarbejdskort API",
        swagger_js_url=f"{root}{DOCS_ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{DOCS_ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{root}{DOCS_ASSETS}/favicon-32x32.png",
    )


async def _openapi_for_swagger_ui(request: Request) -> JSONResponse:
    """/openapi.json as OpenAPI 3.0: the Swagger UI in ``swagger-ui-bundle`` (4.15) cannot read 3.1."""
    doc = _as_openapi_30(copy.deepcopy(request.app.openapi()))
    doc["openapi"] = "3.0.3"
    return JSONResponse(doc)


def _as_openapi_30(node: Any) -> Any:
    """``anyOf: [X, {type: null}]`` (3.1) becomes ``X`` with ``nullable: true`` (3.0); the rest is kept."""
    if isinstance(node, list):
        return [_as_openapi_30(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _as_openapi_30(v) for k, v in node.items()}
    options = node.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        rest = [o for o in options if o != {"type": "null"}]
        del node["anyOf"]
        node.update(rest[0] if len(rest) == 1 else {"anyOf": rest})
        node["nullable"] = True
    return node


class ETagMiddleware:
    """Successful reads carry ``ETag: "<store.version>"`` (taken when the request starts)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        store = getattr(scope["app"].state, "store", None) if scope["type"] == "http" else None
        if store is None or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        etag = f'"{store.version}"'

        async def send_with_etag(message: Message) -> None:
            if message["type"] == "http.response.start" and 200 <= message["status"] < 300:
                headers = MutableHeaders(scope=message)
                if "etag" not in headers:
                    headers["ETag"] = etag
            await send(message)

        await self.app(scope, receive, send_with_etag)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(request.scope.get("root_path", "") + "/api/")


async def _domain_error(request: Request, exc: Exception) -> Response:
    """A domain error: JSON ``error_body`` under /api, an HTML page with the alternatives elsewhere."""
    assert isinstance(exc, SamarbejdskortError)
    status, body = mapping_for(exc).http_status, error_body(exc)
    if _is_api(request):
        return JSONResponse(body, status_code=status)
    alternatives = _alternatives(request, exc)
    query = getattr(exc, "query", None)
    page = page_for(request)
    routes = []
    if isinstance(exc, NotInSources):  # an answer, not a failure: the asker's general routes as links
        routes = [{**c, "href": page.link("/enhed", id=c["id"])} for c in body["routes"]]
        _in_language(request, page.lang, [*routes, *alternatives])
    return page.render(
        "error.html", status_code=status, error=body, alternatives=alternatives, query=query, routes=routes
    )


def _in_language(request: Request, lang: str, items: list[dict[str, Any]]) -> None:
    """Give each linked entity its label in the page's language (the error carries the Danish one), read from
    the public view: an error page does not know who asks, so it never shows more than an anonymous page."""
    model = public_model(request.app.state.store.model())
    for item in items:
        item["label"] = model.label(item["id"], lang)


async def _validation_error(request: Request, exc: Exception) -> Response:
    """Malformed parameters: 422 in the same JSON shape as a domain ``bad_input`` error."""
    assert isinstance(exc, RequestValidationError)
    details = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
    ]
    message = "; ".join(f"{'.'.join(map(str, d['loc'][1:]))}: {d['msg']}" for d in details)
    body = {"error": "bad_input", "message": message, "detail": details}
    if _is_api(request):
        return JSONResponse(body, status_code=422)
    return page_for(request).render("error.html", status_code=422, error=body, alternatives=[])


async def _http_error(request: Request, exc: Exception) -> Response:
    """Unknown pages and auth refusals: HTML for people, FastAPI's JSON for /api."""
    assert isinstance(exc, StarletteHTTPException)
    if _is_api(request) or "text/html" not in request.headers.get("accept", ""):
        return await http_exception_handler(request, exc)
    body = {"error": "http", "status": exc.status_code, "message": str(exc.detail)}
    return page_for(request).render(
        "error.html", status_code=exc.status_code, headers=exc.headers, error=body, alternatives=[]
    )


def _alternatives(request: Request, exc: SamarbejdskortError) -> list[dict[str, Any]]:
    """Candidates or suggestions as links: the same page with the unclear parameter replaced."""
    if isinstance(exc, AmbiguousEntity):
        options, query = exc.candidates, exc.query
    elif isinstance(exc, EntityNotFound):
        options, query = exc.suggestions, exc.query
    else:
        return []
    page = page_for(request)
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    unclear = next((k for k, v in params if v.strip() == query.strip()), None)
    out = []
    for c in options:
        if unclear is None:  # the name came from the path (/enhed/{label}): offer the entity pages
            href = page.link("/enhed", id=c.id)
        else:
            replaced: dict[str, list[str]] = {}
            for k, v in params:
                replaced.setdefault(k, []).append(c.id if k == unclear and v.strip() == query.strip() else v)
            href = page.link(request.url.path, **replaced)
        out.append({"id": c.id, "label": c.label, "kind": c.kind, "href": href})
    return out
