"""Views: functions from the model (+ focus, date, scenarios, filters, highlight) to a neutral ``Diagram``.

- ``organisation_diagram``: forums and bodies top-down along the reporting skeleton (``graph.view``'s
  ``upward``), parallel lines kept apart from ``reports_to``, seats (and vacancies) and open contact-person
  requirements under each forum. For data without forums (any W3C ORG organigram), or a focus on an
  organisation or unit, the organisation chart of ``viz.orgchart``.
- ``collaboration_network``: organisations, units, forums, seats, persons and channels, coloured by sector,
  sized by how many collaborations pass through them; grouped above ``AGGREGATE_THRESHOLD`` nodes.
- ``ego_view``: one entity and everything within ``depth`` steps, in either direction.

Every view reads the model through one dated ``graph.view.View`` (``viz.scope.Scope``), and marks proposed
elements instead of hiding them. Renderers (``viz.html``, ``viz.static``) never decide what is shown.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from collections.abc import Iterable
from typing import Any

from graph.errors import InputError
from graph.model import Model
from viz.aggregate import AGGREGATE_THRESHOLD
from viz.diagram import DEdge, Diagram, DNode, Filters
from viz.finish import finish, legend
from viz.highlight import Highlight
from viz.orgchart import UNIT_KINDS, chart
from viz.scope import GAP_KINDS, LINE_KINDS, Scope

__all__ = [
    "AGGREGATE_THRESHOLD",
    "LINE_KINDS",
    "NETWORK_EDGE_KINDS",
    "NETWORK_NODE_KINDS",
    "Diagram",
    "Filters",
    "collaboration_network",
    "ego_view",
    "legend",
    "organisation_diagram",
]

_VERTICAL = ("reports_to", "raises_decisions_to", "gives_status_to")  # order = preference for levels
_BODY_KINDS = ("forum", "partnership")
NETWORK_NODE_KINDS = frozenset(
    {"organisation", "unit", "forum", "partnership", "collaboration", "cluster", "post", "person", "channel"}
)
NETWORK_EDGE_KINDS = frozenset(
    {
        *LINE_KINDS,
        "part_of",
        "member_of",
        "post_in",
        "holds",
        "on_behalf_of",
        "channel_from",
        "channel_to",
        "secretariat_in",
        "chair_from",
        "cluster_of",
        "acute_hospital",
        "required_in",
        "requested_by",
        "fulfilled_by",
        "responsibility_of",
        "placed_with",
    }
)
_EGO_SKIP_NODES = frozenset({"topic", "contact_point", "mandate"})
_EGO_SKIP_EDGES = frozenset({"handles", "contact_point", "has_mandate"})
Line = tuple[str, str, dict[str, Any]]


# ---------------------------------------------------------------------- organisation diagram
def organisation_diagram(
    model: Model,
    *,
    focus: str | None = None,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
    filters: Filters | None = None,
    highlight: Highlight | None = None,
    lang: str = "da",
    seats: bool = True,
    gaps: bool = True,
) -> Diagram:
    """Forums and bodies along reporting lines, top-down, with seats and open requirements under each forum.

    With ``focus`` (a forum, or a seat/person leading to one): the forum's chain upwards, the bodies
    reporting directly to it, its lateral lines, and the focus forum's own seats. A focus on an organisation
    or unit, or data without forums, gives the organisation chart (units, posts and holders).
    """
    sc = Scope(model, on, scenarios, lang)
    lines = list(sc.v.edges(*LINE_KINDS))
    forums = set(sc.v.nodes(*_BODY_KINDS))
    bodies = forums | {u for u, *_ in lines} | {v for _, v, _ in lines}
    focus_id = _resolve(model, focus) if focus is not None else None
    if focus_id is not None and focus_id not in bodies:
        unit = _unit_of(sc, focus_id) if not forums or sc.v.kind(focus_id) in UNIT_KINDS else None
        if unit is not None:
            return _org_chart(sc, unit, filters, highlight, seats)
        focus_id = _focus_body(model, focus_id, bodies)
    if focus_id is None and not forums:
        return _org_chart(sc, None, filters, highlight, seats)
    up = _vertical(sc, bodies)
    if focus_id is not None:
        bodies = _chain(focus_id, up, lines)
    bodies = {b for b in bodies if b == focus_id or sc.passes(b, filters)}
    levels = _levels(bodies, up)

    nodes: dict[str, DNode] = {}
    for b in sorted(bodies, key=lambda n: (levels[n], model.label(n, lang))):
        nodes[b] = sc.node(b, level=2 * levels[b])
    edges = [sc.edge(u, v, e) for u, v, e in lines if u in nodes and v in nodes]
    seat_hosts = [focus_id] if focus_id else list(nodes)
    if seats:
        for host in seat_hosts:
            if host is None:
                continue
            for s in _seats_of(sc, host):
                nodes[s] = sc.node(s, level=2 * levels[host] + 1, parent=host)
                edges.append(DEdge(s, host, "post_in"))
    if gaps:
        for r, host, k, e in _requirements(sc, set(seat_hosts) - {None}):
            if r not in nodes:
                nodes[r] = sc.node(r, level=2 * levels[host] + 1, parent=host)
            edges.append(sc.edge(r, host, e | {"kind": k}))
    if focus_id:
        nodes[focus_id].flags.add("focus")
    title = "Organisationsdiagram" if lang == "da" else "Organisation diagram"
    if focus_id:
        title += f": {model.label(focus_id, lang)}"
    return finish(sc, "organisation", title, list(nodes.values()), edges, highlight, hierarchical=True)


def _org_chart(
    sc: Scope, unit: str | None, filters: Filters | None, highlight: Highlight | None, posts: bool
) -> Diagram:
    nodes, edges, focus = chart(sc.v, sc.node, sc.edge, unit)
    keep = {n.id for n in nodes if n.id == focus or sc.passes(n.id, filters)}
    if not posts:
        keep = {n for n in keep if sc.v.kind(n) != "post"}
    nodes = [n for n in nodes if n.id in keep]
    edges = [e for e in edges if e.u in keep and e.v in keep]
    title = "Organisationsdiagram" if sc.lang == "da" else "Organisation chart"
    if focus:
        title += f": {sc.model.label(focus, sc.lang)}"
        next(n for n in nodes if n.id == focus).flags.add("focus")
    return finish(sc, "organisation", title, nodes, edges, highlight, hierarchical=True)


def _resolve(model: Model, text: str) -> str:
    return text if text in model.nx else model.resolve(text)


def _unit_of(sc: Scope, nid: str) -> str | None:
    """The organisation or unit a focus means in a chart: itself, a post's unit, a holder's post's unit."""
    if sc.v.kind(nid) in UNIT_KINDS:
        return nid
    posts = [nid] if sc.v.kind(nid) == "post" else sc.v.out(nid, "holds")
    units = [u for p in posts for u in sc.v.out(p, "post_in") if sc.v.kind(u) in UNIT_KINDS]
    return max(units, key=lambda u: len(sc.v.ancestors(u))) if units else None


def _focus_body(model: Model, nid: str, bodies: set[str]) -> str:
    """The forum a focus means: itself, a seat's forum, or the forum of a person's seat."""
    g = model.nx
    if nid in bodies:
        return nid
    frontier = [nid]
    for _ in range(2):  # person → seat → forum
        nxt = []
        for cur in frontier:
            for _, v, k in g.out_edges(cur, keys=True):
                if v in bodies and k in ("post_in", "holds", "member_of"):
                    return v
                if k in ("holds", "post_in"):
                    nxt.append(v)
        frontier = nxt
    raise InputError(
        f"'{model.label(nid)}' is not a forum, organisation or unit (nor a seat or person in one) in force"
    )


def _vertical(sc: Scope, bodies: set[str]) -> dict[str, dict[str, set[str]]]:
    """Body → line kind → the bodies above it, read from the reporting skeleton (``graph.lines``)."""
    parents: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for a, b, data in sc.v.upward().edges(data=True):
        if a in bodies and b in bodies:
            for line in data["lines"]:
                if line.kind in _VERTICAL:
                    parents[a][line.kind].add(b)
    return parents


def _chain(focus: str, up: dict[str, dict[str, set[str]]], lines: list[Line]) -> set[str]:
    """Everything above ``focus`` along vertical lines, direct reporters into it, and its lateral partners."""
    out = {focus}
    todo = [focus]
    while todo:
        cur = todo.pop()
        for above in up.get(cur, {}).values():
            for p in above:
                if p not in out:
                    out.add(p)
                    todo.append(p)
    for u, v, e in lines:
        if v == focus and e["kind"] == "reports_to":
            out.add(u)
        if e["kind"] == "communicates_with" and focus in (u, v):
            out.update((u, v))
    return out


def _levels(bodies: set[str], up: dict[str, dict[str, set[str]]]) -> dict[str, int]:
    """0 for the top; one more than the highest body a body reports to (raises or gives status to if it
    reports to none). Cycles are broken where they are met."""

    def ups(n: str) -> set[str]:
        for kind in _VERTICAL:
            found = {p for p in up.get(n, {}).get(kind, ()) if p in bodies and p != n}
            if found:
                return found
        return set()

    level: dict[str, int] = {}
    for start in sorted(bodies):
        if start in level:
            continue
        stack: list[tuple[str, bool]] = [(start, False)]
        on_path: set[str] = set()
        while stack:
            cur, done = stack.pop()
            if done:
                on_path.discard(cur)
                level[cur] = 1 + max((level.get(p, -1) for p in ups(cur) if p not in on_path), default=-1)
                continue
            if cur in level or cur in on_path:
                continue
            on_path.add(cur)
            stack.append((cur, True))
            stack.extend((p, False) for p in ups(cur) if p not in level and p not in on_path)
    return level


def _seats_of(sc: Scope, forum: str) -> list[str]:
    seats = [s for s in sc.v.into(forum, "post_in") if sc.v.kind(s) == "post"]
    order = {"chair": 0, "co_chair": 0, "member": 1, "project_leader": 2, "secretary": 3}
    return sorted(seats, key=lambda s: (order.get(sc.g.nodes[s].get("role"), 1), sc.model.label(s, sc.lang)))


def _requirements(sc: Scope, hosts: set[str]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """Contact-person requirements hanging off the hosts (requested by or required in them)."""
    out = []
    for host in sorted(hosts):
        for r, _, k, e in sc.g.in_edges(host, keys=True, data=True):
            if sc.g.nodes[r]["kind"] in GAP_KINDS and k in ("requested_by", "required_in") and sc.node_ok(r):
                out.append((r, host, k, e))
    return out


# ---------------------------------------------------------------------- network and ego
def collaboration_network(
    model: Model,
    *,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
    filters: Filters | None = None,
    highlight: Highlight | None = None,
    lang: str = "da",
    gaps: bool = True,
    group: bool | None = None,
    threshold: int = AGGREGATE_THRESHOLD,
) -> Diagram:
    """Who works with whom: every organisation, unit, forum, seat, person and channel in force.

    ``group``: ``None`` groups only above ``threshold`` nodes, ``True``/``False`` force it.
    """
    sc = Scope(model, on, scenarios, lang)
    kinds = NETWORK_NODE_KINDS | (set(GAP_KINDS) if gaps else set())
    keep = [n for n, k in sc.g.nodes(data="kind") if k in kinds and sc.node_ok(n) and sc.passes(n, filters)]
    nodes, edges = _induced(sc, keep, NETWORK_EDGE_KINDS)
    title = "Samarbejdsnetværk" if lang == "da" else "Collaboration network"
    return finish(sc, "network", title, nodes, edges, highlight, group=group, threshold=threshold)


def ego_view(
    model: Model,
    focus: str,
    *,
    depth: int = 1,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
    filters: Filters | None = None,
    highlight: Highlight | None = None,
    lang: str = "da",
    group: bool | None = None,
    threshold: int = AGGREGATE_THRESHOLD,
) -> Diagram:
    """One entity and its neighbourhood ``depth`` steps out, following edges in either direction.

    Topics, contact points and mandates are not walked through (a topic links hundreds of units) unless the
    focus is one of them.
    """
    if depth < 0:
        raise InputError("--depth must be 0 or more")
    sc = Scope(model, on, scenarios, lang)
    g = sc.g
    start = _resolve(model, focus)
    if not sc.node_ok(start):
        raise InputError(f"'{model.label(start, lang)}' is not in force on the chosen date/scenario")
    dist = {start: 0}
    queue = deque([start])
    while queue:
        cur = queue.popleft()
        if dist[cur] >= depth or (cur != start and g.nodes[cur]["kind"] in _EGO_SKIP_NODES):
            continue
        for a, b, e in (*g.out_edges(cur, data=True), *g.in_edges(cur, data=True)):
            other = b if a == cur else a
            if other in dist or not sc.edge_ok(e) or not sc.node_ok(other) or not sc.passes(other, filters):
                continue
            if cur == start or (e["kind"] not in _EGO_SKIP_EDGES and g.nodes[other]["kind"] not in _EGO_SKIP_NODES):
                dist[other] = dist[cur] + 1
                queue.append(other)
    edge_kinds = frozenset({k for _, _, k in g.edges(data="kind")})
    nodes, edges = _induced(sc, list(dist), edge_kinds)
    for n in nodes:
        n.facets["distance"] = dist[n.id]
        if n.id == start:
            n.flags.add("focus")
    title = ("Nabolag" if lang == "da" else "Neighbourhood") + f": {model.label(start, lang)} ({depth})"
    return finish(sc, "ego", title, nodes, edges, highlight, group=group, threshold=threshold, keep={start})


def _induced(sc: Scope, keep: list[str], edge_kinds: frozenset[str]) -> tuple[list[DNode], list[DEdge]]:
    """Nodes and every in-force edge among them, in one pass over the kept nodes' out-edges."""
    ids = set(keep)
    nodes = [sc.node(n) for n in sorted(keep)]
    edges = []
    for n in sorted(keep):
        for _, v, e in sc.g.out_edges(n, data=True):
            if v in ids and e["kind"] in edge_kinds and sc.edge_ok(e):
                edges.append(sc.edge(n, v, e))
    return nodes, edges
