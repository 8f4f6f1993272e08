"""One diagram request, parsed the same way for the CLI (``render``) and the API (``/api/diagrams``).

A request names a view, an optional focus and depth, the date and scenarios, and filters as the user typed
them. ``parse_filters`` checks every filter value against what exists (sectors from the style table, forum
kinds and clusters from the data, statuses from the vocabulary) and refuses an unknown one with an error that
names the filter, the value and the choices – the CLI exits 2, the API answers 422. ``build`` turns the
request into a ``Diagram``.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.bulk import gc_paused
from graph.cache import memo
from graph.errors import InputError
from graph.model import Model
from viz.diagram import Diagram, Filters
from viz.highlight import Highlight
from viz.style import SECTORS

__all__ = ["STATUSES", "VIEWS", "DiagramRequest", "build", "kept", "parse_filters"]

VIEWS = ("organisation", "network", "ego")
STATUSES = ("proposed", "approved", "active", "ended", "rejected", "none")


@dataclass(frozen=True)
class DiagramRequest:
    """What to draw. Filter fields hold the values as typed (a value may list several, comma-separated)."""

    view: str
    focus: str | None = None
    depth: int = 1
    on: dt.date | None = None
    scenarios: tuple[str, ...] = ()
    lang: str = "da"
    sector: tuple[str, ...] = ()
    cluster: tuple[str, ...] = ()
    forum_kind: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    group: bool | None = None  # networks: None groups above the threshold (benchmarks force it)
    highlight: Highlight | None = field(default=None, compare=False)


def _values(raw: Iterable[str]) -> list[str]:
    return [v.strip() for item in raw for v in item.split(",") if v.strip()]


def parse_filters(
    model: Model,
    *,
    sector: Iterable[str] = (),
    cluster: Iterable[str] = (),
    forum_kind: Iterable[str] = (),
    status: Iterable[str] = (),
) -> Filters:
    """Filters from typed values; an unknown value is an ``InputError`` naming filter, value and choices."""

    def check(values: list[str], allowed: Iterable[str], name: str) -> frozenset[str] | None:
        if not values:
            return None
        allowed = set(allowed)
        bad = [v for v in values if v not in allowed]
        if bad:
            raise InputError(f"{name} '{bad[0]}' is unknown; choose from {', '.join(sorted(allowed))}")
        return frozenset(values)

    kinds = {k for _, k in model.nx.nodes(data="forum_kind") if k}
    clusters = _values(cluster)
    return Filters(
        sectors=check(_values(sector), SECTORS, "sector"),
        clusters=frozenset(_cluster(model, c) for c in clusters) if clusters else None,
        forum_kinds=check(_values(forum_kind), kinds, "forum_kind"),
        statuses=check(_values(status), STATUSES, "status"),
    )


def _cluster(model: Model, text: str) -> str:
    if text in model.nx and model.nx.nodes[text].get("kind") == "cluster":
        return text
    return model.resolve(text, kinds=["cluster"])


def build(model: Model, req: DiagramRequest) -> Diagram:
    """The neutral diagram the request asks for; without a highlight, kept per data version and request
    (``graph.cache.memo``), so the server answers a view it has drawn before without building it again.
    Callers treat the result as read-only."""
    if req.view not in VIEWS:
        raise InputError(f"view '{req.view}' is unknown; choose from {', '.join(VIEWS)}")
    if req.highlight is None:
        return memo(model, ("viz.diagram", req), lambda: _keep(_paused(model, req)))
    return _paused(model, req)


def _paused(model: Model, req: DiagramRequest) -> Diagram:
    """``_build`` without the cyclic collector: a view allocates thousands of small objects, and each
    collection they trigger re-scans the whole model (measured: a national view 1.7 → 0.6 s)."""
    with gc_paused():
        return _build(model, req)


_KEPT: set[int] = set()


def _keep(diagram: Diagram) -> Diagram:
    _KEPT.add(id(diagram))
    weakref.finalize(diagram, _KEPT.discard, id(diagram))
    return diagram


def kept(diagram: Diagram) -> bool:
    """The diagram is one ``build`` keeps per data version (never changed again): renderers may keep their
    output for it."""
    return id(diagram) in _KEPT


def _build(model: Model, req: DiagramRequest) -> Diagram:
    from viz.views import collaboration_network, ego_view, organisation_diagram

    if req.view not in VIEWS:
        raise InputError(f"view '{req.view}' is unknown; choose from {', '.join(VIEWS)}")
    flt = parse_filters(model, sector=req.sector, cluster=req.cluster, forum_kind=req.forum_kind, status=req.status)
    on, scen, hl, lang = req.on, req.scenarios, req.highlight, req.lang
    if req.view == "organisation":
        return organisation_diagram(model, focus=req.focus, on=on, scenarios=scen, filters=flt, highlight=hl, lang=lang)
    if req.view == "network":
        if req.focus:
            raise InputError("focus belongs to the organisation and ego views (use ego for a neighbourhood)")
        return collaboration_network(
            model, on=on, scenarios=scen, filters=flt, highlight=hl, lang=lang, group=req.group
        )
    if not req.focus:
        raise InputError("the ego view needs an entity to centre on (--focus / ?id=)")
    return ego_view(model, req.focus, depth=req.depth, on=on, scenarios=scen, filters=flt, highlight=hl, lang=lang)
