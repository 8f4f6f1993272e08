"""Entities: search and autocomplete, topic matching, and everything known about one entity."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from api.deps import DateDep, LangDep, ModelDep, ScenariosDep, UserDep
from graph.cache import memo
from graph.describe import describe
from graph.errors import InputError
from graph.model import Model
from graph.projection import NODE_KINDS
from graph.topics import match_topics

__all__ = ["Ref", "TopicOut", "all_of_kinds", "parse_kinds", "router"]

router = APIRouter(prefix="/api", tags=["entities"])


class Ref(BaseModel):
    """The minimal entity object found in every answer."""

    id: str
    label: str
    kind: str


class TopicOut(Ref):
    """A topic the text was taken to mean (``score``/``via`` only when a text was given)."""

    model_config = ConfigDict(populate_by_name=True)

    score: float | None = None
    via: str | None = None
    matched_label: str | None = None
    from_: Ref | None = Field(default=None, alias="from", description="The topic a broader/narrower one came from")


KindsQuery = Annotated[
    list[str] | None, Query(description=f"Entity kinds, repeated or comma-separated: {', '.join(sorted(NODE_KINDS))}")
]
LimitQuery = Annotated[int, Query(ge=1, le=500)]


def parse_kinds(values: list[str] | None) -> tuple[str, ...]:
    """Kinds from ``?kinds=a,b&kinds=c``; an unknown kind is the caller's error."""
    kinds = tuple(k.strip() for v in values or () for k in v.split(",") if k.strip())
    unknown = sorted(set(kinds) - NODE_KINDS)
    if unknown:
        raise InputError(f"unknown kind(s) {', '.join(unknown)} (choose from: {', '.join(sorted(NODE_KINDS))})")
    return kinds


def all_of_kinds(model: Model, kinds: tuple[str, ...], lang: str) -> list[dict[str, Any]]:
    """Every entity of the kinds, by label: the full list behind an empty autocomplete box (once per version)."""

    def build() -> list[dict[str, Any]]:
        refs = (model.ref(n, lang) for n, k in model.nx.nodes(data="kind") if k in kinds)
        return sorted(refs, key=lambda r: r["label"].casefold())

    return memo(model, ("api-all-of-kinds", kinds, lang), build)


@router.get("/search", response_model=list[Ref], summary="Entity search and autocomplete")
def search(model: ModelDep, lang: LangDep, q: str = "", kinds: KindsQuery = None, limit: LimitQuery = 10) -> Any:
    """Entities whose names match ``q`` best first; an empty ``q`` lists every entity of ``kinds``."""
    chosen = parse_kinds(kinds)
    if not q.strip():
        return all_of_kinds(model, chosen, lang)[:limit]
    return [model.ref(m.id, lang) for m in model.index.search(q, kinds=chosen or None, limit=limit)]


def near(model: Model, lang: str, q: str, kinds: list[str] | None) -> list[dict[str, Any]]:
    """»Did you mean«: the entities whose names are closest to ``q`` by spelling (the search page, when nothing
    matched)."""
    chosen = parse_kinds(kinds)
    return [model.ref(c.id, lang) for c in model.index.suggest(q, kinds=chosen or None)]


@router.get("/topics", response_model=list[TopicOut], summary="Topic autocomplete")
def topics(model: ModelDep, lang: LangDep, q: str = "", limit: LimitQuery = 100) -> Any:
    """The topics ``q`` is taken to mean (as the contact question reads it); empty ``q``: all topics."""
    if not q.strip():
        return all_of_kinds(model, ("topic",), lang)[:limit]
    return [m.as_json(model, lang) for m in match_topics(model, q)[:limit]]


@router.get("/entities", response_model=dict[str, Any], summary="Entity details by IRI or name")
def entity_by_query(
    model: ModelDep, lang: LangDep, on: DateDep, scenarios: ScenariosDep, user: UserDep, id: str = Query(min_length=1)
) -> Any:
    """The same JSON as ``samarbejdskort show --json``; personal contact data only for signed-in users."""
    nid = model.resolve(id)
    return describe(model, nid, lang=lang, on=on, scenarios=scenarios, include_personal=user is not None)


@router.get("/entities/{ref:path}", response_model=dict[str, Any], summary="Entity details by IRI or name")
def entity(
    model: ModelDep,
    lang: LangDep,
    on: DateDep,
    scenarios: ScenariosDep,
    user: UserDep,
    ref: Annotated[str, Path(description="IRI (percent-encoded), name or abbreviation")],
) -> Any:
    nid = model.resolve(ref)
    return describe(model, nid, lang=lang, on=on, scenarios=scenarios, include_personal=user is not None)
