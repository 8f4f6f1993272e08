"""The HTML pages. Each one calls the same function as its JSON twin under /api and renders the result."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.deps import DateDep, ModelDep, PageDep, ScenariosDep, UserDep
from api.routers import data, entities, questions
from api.routers.entities import KindsQuery, all_of_kinds
from api.routers.questions import ViaQuery
from graph.model import Model
from graph.paths import VIA_GROUPS

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

ASKER_KINDS = ("organisation", "unit")
BODY_KINDS = ("organisation", "unit", "forum", "cluster", "partnership", "collaboration")
BODY_KINDS_PARAM = ",".join(BODY_KINDS)


def _choices(model: Model, lang: str) -> dict[str, Any]:
    """What the forms' datalists offer without JavaScript."""
    return {
        "topics": all_of_kinds(model, ("topic",), lang),
        "askers": all_of_kinds(model, ASKER_KINDS, lang),
        "bodies": all_of_kinds(model, BODY_KINDS, lang),
    }


@router.get("/")
def start(page: PageDep, model: ModelDep) -> Response:
    return page.render("start.html", json_url=page.link("/api/topics"), **_choices(model, page.lang))


@router.get("/kontakt")
def contact(
    page: PageDep,
    model: ModelDep,
    on: DateDep,
    scenarios: ScenariosDep,
    user: UserDep,
    topic: str = "",
    asker: str = "",
) -> Response:
    """The answer to "whom do I contact about ...?", with the question form above it."""
    if not topic.strip():
        return RedirectResponse(page.link("/"), status_code=303)
    answer = questions.contact(model, page.lang, on, scenarios, user, topic, asker)
    json_url = page.twin("/api/contact")
    return page.render("answer.html", json_url=json_url, answer=answer, **_choices(model, page.lang))


@router.get("/enhed")
def entity(
    page: PageDep, model: ModelDep, on: DateDep, scenarios: ScenariosDep, user: UserDep, id: str = ""
) -> Response:
    if not id.strip():
        return RedirectResponse(page.link("/soeg"), status_code=303)
    details = entities.entity_by_query(model, page.lang, on, scenarios, user, id)
    return page.render("entity.html", json_url=page.twin("/api/entities"), e=details)


@router.get("/enhed/{label:path}")
def entity_by_label(
    page: PageDep, model: ModelDep, on: DateDep, scenarios: ScenariosDep, user: UserDep, label: str
) -> Response:
    """Pretty URLs such as /enhed/Rådgivningsenheden (percent-encoded or not)."""
    details = entities.entity(model, page.lang, on, scenarios, user, label)
    json_url = page.twin("/api/entities/" + quote(label, safe=""))
    return page.render("entity.html", json_url=json_url, e=details)


@router.get("/soeg")
def search(page: PageDep, model: ModelDep, q: str = "", kinds: KindsQuery = None) -> Response:
    """Search results; without a query, every body in the map to browse."""
    chosen = kinds if q.strip() else (kinds or [BODY_KINDS_PARAM])
    results = entities.search(model, page.lang, q, chosen, limit=500)
    near = entities.near(model, page.lang, q, chosen) if q.strip() and not results else []
    json_url = page.link("/api/search", q=q, kinds=chosen, limit=500)
    return page.render("search.html", json_url=json_url, results=results, near=near, q=q)


@router.get("/kaede")
def chain(page: PageDep, model: ModelDep, on: DateDep, scenarios: ScenariosDep, entity: str = "") -> Response:
    result = questions.chain(model, page.lang, on, scenarios, entity) if entity.strip() else None
    json_url = page.twin("/api/chain") if result else page.link("/api/search", kinds=BODY_KINDS_PARAM, limit=500)
    return page.render("chain.html", json_url=json_url, result=result, **_choices(model, page.lang))


@router.get("/sti")
def path(
    page: PageDep,
    model: ModelDep,
    on: DateDep,
    scenarios: ScenariosDep,
    a: str = "",
    b: str = "",
    via: ViaQuery = None,
    max_paths: int = 3,
) -> Response:
    ready = a.strip() and b.strip()
    result = questions.path(model, page.lang, on, scenarios, a, b, via, max_paths) if ready else None
    json_url = page.twin("/api/path") if result else page.link("/api/search", kinds=BODY_KINDS_PARAM, limit=500)
    groups = list(VIA_GROUPS)
    return page.render("path.html", json_url=json_url, result=result, groups=groups, **_choices(model, page.lang))


@router.get("/huller")
def gaps(page: PageDep, model: ModelDep, on: DateDep, scenarios: ScenariosDep, scope: str = "") -> Response:
    result = questions.gaps(model, page.lang, on, scenarios, scope or None)
    return page.render("gaps.html", json_url=page.twin("/api/gaps"), result=result, **_choices(model, page.lang))


@router.get("/overgang")
def transition(page: PageDep, model: ModelDep, on: DateDep, scenarios: ScenariosDep) -> Response:
    """What breaks on a date (default today; a date on which nothing breaks links the next one that does)."""
    result = questions.transition(model, page.lang, on, scenarios)
    return page.render("transition.html", json_url=page.twin("/api/transition"), result=result)


@router.get("/data")
def about_data(page: PageDep, model: ModelDep) -> Response:
    """Statistics, validation findings, export links and the SPARQL form."""
    stats, report = data.stats(model), data.validate(model, page.lang)
    return page.render("data.html", json_url=page.link("/api/stats"), stats=stats, report=report)
