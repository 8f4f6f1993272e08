"""The questions: whom to contact, where a body reports, how two entities connect, where the gaps are.

Each endpoint returns ``result.as_json(lang)``: the same JSON as the CLI's ``--json`` (the shapes are
documented in the question modules), encoded by orjson (``api.responses``); anonymous answers are kept as
bytes per data version by ``api.answer_cache``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import DateDep, LangDep, ModelDep, ScenariosDep, UserDep
from api.responses import JsonAnswer, json_answer
from graph.contacts import contact as ask_contact
from graph.gaps import find_gaps
from graph.paths import MAX_PATHS, VIA_GROUPS, find_paths
from graph.reporting import chain as reporting_chain
from graph.transition import transition as what_breaks

__all__ = ["ViaQuery", "router"]

router = APIRouter(prefix="/api", tags=["questions"])


def _get(path: str, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``fn`` (which returns the answer's JSON dict, as the pages use it) as a GET route whose
    response is that dict encoded by orjson (``api.responses``), without FastAPI's re-validation."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def endpoint(*args: Any, **kw: Any) -> JsonAnswer:
            return json_answer(fn(*args, **kw))

        router.add_api_route(path, endpoint, methods=["GET"], response_class=JsonAnswer, **kwargs)
        return fn

    return register


Text = Annotated[str, Query(min_length=1)]
ViaQuery = Annotated[
    list[str] | None, Query(description=f"Relation groups, repeated or comma-separated: {', '.join(VIA_GROUPS)}")
]


@_get("/contact", response_model=dict[str, Any], summary="Whom do I contact about a topic?")
def contact(
    model: ModelDep,
    lang: LangDep,
    on: DateDep,
    scenarios: ScenariosDep,
    user: UserDep,
    topic: Text,
    asker: str | None = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Any:
    """Who handles ``topic``, nearest to the ``asker`` organisation first, with why, conditions and sources."""
    answer = ask_contact(
        model, topic, asker or None, on=on, scenarios=scenarios, limit=limit, include_personal=user is not None
    )
    return answer.as_json(lang)


@_get("/chain", response_model=dict[str, Any], summary="Where does a body's work end up?")
def chain(model: ModelDep, lang: LangDep, on: DateDep, scenarios: ScenariosDep, entity: Text) -> Any:
    """The reporting chain from ``entity`` to the top, with the basis of every line."""
    return reporting_chain(model, entity, on=on, scenarios=scenarios).as_json(lang)


@_get("/path", response_model=dict[str, Any], summary="How does one entity reach another?")
def path(
    model: ModelDep,
    lang: LangDep,
    on: DateDep,
    scenarios: ScenariosDep,
    a: Text,
    b: Text,
    via: ViaQuery = None,
    max_paths: Annotated[int, Query(ge=1, le=MAX_PATHS)] = 3,
) -> Any:
    """The cheapest paths from ``a`` to ``b`` over the chosen relation groups, each step in words."""
    answer = find_paths(model, a, b, via=via or None, max_paths=max_paths, on=on, scenarios=scenarios)
    return answer.as_json(lang)


@_get("/gaps", response_model=dict[str, Any], summary="Where are the gaps?")
def gaps(model: ModelDep, lang: LangDep, on: DateDep, scenarios: ScenariosDep, scope: str | None = None) -> Any:
    """Vacant seats, missing chairs and contact persons, channels not open, questions the sources leave open."""
    return find_gaps(model, scope=scope or None, on=on, scenarios=scenarios).as_json(lang)


@_get("/transition", response_model=dict[str, Any], summary="What breaks on a date?")
def transition(model: ModelDep, lang: LangDep, on: DateDep, scenarios: ScenariosDep) -> Any:
    """Every reporting line, seat, membership, channel and mandate link that ends on ``date``, grouped by forum,
    with whether a successor exists, which bodies are left without an upward line, and the sources."""
    return what_breaks(model, on, scenarios=scenarios).as_json(lang)
