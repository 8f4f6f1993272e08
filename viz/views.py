"""Views: functions from the model (+ focus, date, scenarios, filters, highlight) to a neutral ``Diagram``.

- ``organisation_diagram``: forums and bodies top-down along reporting lines, parallel lines kept apart
  from ``reports_to``, seats (and vacancies) and open contact-person requirements under each forum.
- ``collaboration_network``: organisations, units, forums, seats, persons and channels, coloured by sector,
  sized by how many collaborations pass through them; grouped above ``AGGREGATE_THRESHOLD`` nodes.
- ``ego_view``: one entity and everything within ``depth`` steps, in either direction.

Every view respects ``graph.model.in_force`` for the chosen date and scenarios, and marks proposed elements
instead of hiding them. Renderers (``viz.html``, ``viz.static``) never decide what is shown.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import defaultdict, deque
from collections.abc import Iterable
from typing import Any

from graph.describe import seat_details
from graph.errors import InputError
from graph.model import Model, in_force
from viz.aggregate import AGGREGATE_THRESHOLD, aggregate
from viz.diagram import DEdge, Diagram, DNode, Filters, LegendEntry
from viz.facets import Facets, facets
from viz.highlight import Highlight
from viz.style import EDGE_STYLES, FLAG_STYLES, NODE_STYLES, SECTORS, name
from viz.tooltips import caption_for, edge_tooltip, node_tooltip, role_name, word

__all__ = [
    "AGGREGATE_THRESHOLD",
    "LINE_KINDS",
    "NETWORK_EDGE_KINDS",
    "NETWORK_NODE_KINDS",
    "Diagram",
    "Filters",
    "collaboration_network",
    "ego_view",
    "organisation_diagram",
]

LINE_KINDS = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
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
_GAP_KINDS = ("requirement",)
_EGO_SKIP_NODES = frozenset({"topic", "contact_point", "mandate"})
_EGO_SKIP_EDGES = frozenset({"handles", "contact_point", "has_mandate"})
_WRAP = 26


class _Scope:
    """The date, scenarios, language and derived facets one view is built under."""

    def __init__(self, model: Model, on: dt.date | None, scenarios: Iterable[str], lang: str) -> None:
        self.model = model
        self.g = model.nx
        self.on = on
        self.scenarios = tuple(scenarios)
        self.lang = lang
        self.facets: Facets = facets(model.nx)
        self.sources: set[str] = set()

    def node_ok(self, nid: str) -> bool:
        return nid in self.g and in_force(self.g.nodes[nid], self.on, self.scenarios)

    def edge_ok(self, attrs: dict[str, Any]) -> bool:
        return in_force(attrs, self.on, self.scenarios)

    def passes(self, nid: str, flt: Filters | None) -> bool:
        """Server-side filters; a filter on forum kind leaves other kinds alone."""
        if flt is None or not flt.active():
            return True
        d = self.g.nodes[nid]
        if flt.sectors is not None and (self.facets.sector.get(nid) or "none") not in flt.sectors:
            return False
        if flt.clusters is not None and not set(self.facets.clusters.get(nid, ())) & flt.clusters:
            return False
        if flt.forum_kinds is not None and d["kind"] == "forum" and d.get("forum_kind") not in flt.forum_kinds:
            return False
        return not (flt.statuses is not None and (d.get("status") or "none") not in flt.statuses)

    # ------------------------------------------------------------------ building blocks
    def node(self, nid: str, *, level: int | None = None, parent: str | None = None) -> DNode:
        g, lang = self.g, self.lang
        d = g.nodes[nid]
        kind = d["kind"]
        flags: set[str] = set()
        label = self.model.label(nid, lang)
        seat = None
        extra: list[str] = []
        if kind == "post":
            seat = seat_details(self.model, nid, lang=lang)
            seat["stated_vacant"] = d.get("occupancy") == "vacant"
            if seat["occupancy"] == "vacant":
                flags.add("vacant")
                if not any(w in label.lower() for w in ("vakant", "vacant")):
                    label += f"\n{word('vacant', lang)}"
            elif seat["occupancy"] == "not_stated":
                flags.add("not_stated")
            elif seat["holders"]:
                label += "\n" + ", ".join(h["label"] for h in seat["holders"])
            if (
                d.get("role") in ("chair", "co_chair", "secretary", "project_leader")
                and role_name(d["role"], lang).lower() not in label.lower()
            ):
                label = f"{role_name(d['role'], lang).capitalize()}: {label}"
        if kind in _GAP_KINDS and not any(k == "fulfilled_by" for _, _, k in g.out_edges(nid, keys=True)):
            flags.add("gap")
            extra.append(f"{word('gap', lang)}: {word('unfulfilled', lang)}")
            for _, t, k in g.out_edges(nid, keys=True):
                if k in ("required_in", "requested_by"):
                    extra.append(f"{word(k, lang)}: {self.model.label(t, lang)}")
        if d.get("status") == "proposed":
            flags.add("proposed")
            label += " (foreslået)" if lang == "da" else " (proposed)"
        if d.get("scenario"):
            flags.add("scenario")
        self.sources.update(d.get("sources", ()))
        return DNode(
            id=nid,
            label=_wrap(label),
            kind=kind,
            sector=self.facets.sector.get(nid),
            tooltip=node_tooltip(self.model, nid, lang, extra=extra, seat=seat),
            level=level,
            flags=flags,
            parent=parent,
            facets=self.node_facets(nid),
        )

    def node_facets(self, nid: str) -> dict[str, Any]:
        d = self.g.nodes[nid]
        out: dict[str, Any] = {
            "kind": d["kind"],
            "sector": self.facets.sector.get(nid) or "none",
            "clusters": list(self.facets.clusters.get(nid, ())),
            "status": d.get("status") or "none",
        }
        if d.get("forum_kind"):
            out["forum_kind"] = d["forum_kind"]
        for key in ("valid_from", "valid_until"):
            if d.get(key):
                out[key] = d[key].isoformat()
        return out

    def edge(self, u: str, v: str, attrs: dict[str, Any]) -> DEdge:
        kind = attrs.get("kind", "other")
        flags: set[str] = set()
        label = ""
        if attrs.get("status") == "proposed":
            flags.add("proposed")
            label = "foreslået" if self.lang == "da" else "proposed"
        if attrs.get("scenario"):
            flags.add("scenario")
            label = label or ("scenarie" if self.lang == "da" else "scenario")
        self.sources.update(attrs.get("sources", ()))
        facets = {k: attrs[k].isoformat() for k in ("valid_from", "valid_until") if attrs.get(k)}
        facets["status"] = attrs.get("status") or "none"
        tip = edge_tooltip(self.model, u, v, attrs, self.lang) if kind in LINE_KINDS or attrs.get("status") else ""
        return DEdge(u, v, kind, label=label, tooltip=tip, flags=flags, facets=facets)


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

    With ``focus`` (a forum, or a seat/person/organisation leading to one): the forum's chain upwards, the
    bodies reporting directly to it, its lateral lines, and the focus forum's own seats.
    """
    sc = _Scope(model, on, scenarios, lang)
    g = sc.g
    lines = [
        (u, v, k, e)
        for u, v, k, e in g.edges(keys=True, data=True)
        if e["kind"] in LINE_KINDS and sc.edge_ok(e) and sc.node_ok(u) and sc.node_ok(v)
    ]
    bodies = {n for n, k in g.nodes(data="kind") if k in _BODY_KINDS and sc.node_ok(n)}
    bodies |= {u for u, *_ in lines} | {v for _, v, *_ in lines}
    focus_id = None
    if focus is not None:
        focus_id = _focus_body(model, _resolve(model, focus), bodies)
        bodies = _chain(focus_id, lines)
    bodies = {b for b in bodies if b == focus_id or sc.passes(b, filters)}
    levels = _levels(bodies, lines)

    nodes: dict[str, DNode] = {}
    for b in sorted(bodies, key=lambda n: (levels[n], model.label(n, lang))):
        nodes[b] = sc.node(b, level=2 * levels[b])
    edges = [sc.edge(u, v, e) for u, v, _, e in lines if u in nodes and v in nodes]
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
    return _finish(sc, "organisation", title, list(nodes.values()), edges, highlight, hierarchical=True)


def _resolve(model: Model, text: str) -> str:
    return text if text in model.nx else model.resolve(text)


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
    raise InputError(f"'{model.label(nid)}' is not a forum or body with reporting lines (nor sits in one)")


def _chain(focus: str, lines: list[tuple[str, str, str, dict[str, Any]]]) -> set[str]:
    """Everything above ``focus`` along vertical lines, direct reporters into it, and its lateral partners."""
    up: dict[str, set[str]] = defaultdict(set)
    for u, v, _, e in lines:
        if e["kind"] in _VERTICAL:
            up[u].add(v)
    out = {focus}
    todo = [focus]
    while todo:
        cur = todo.pop()
        for p in up.get(cur, ()):
            if p not in out:
                out.add(p)
                todo.append(p)
    for u, v, _, e in lines:
        if v == focus and e["kind"] == "reports_to":
            out.add(u)
        if e["kind"] == "communicates_with" and focus in (u, v):
            out.update((u, v))
    return out


def _levels(bodies: set[str], lines: list[tuple[str, str, str, dict[str, Any]]]) -> dict[str, int]:
    """0 for the top; one more than the highest body a body reports to (raises or gives status to if it
    reports to none). Cycles are broken where they are met."""
    parents: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for u, v, _, e in lines:
        if u in bodies and v in bodies and e["kind"] in _VERTICAL and u != v:
            parents[u][e["kind"]].add(v)

    def ups(n: str) -> set[str]:
        for kind in _VERTICAL:
            if parents[n].get(kind):
                return parents[n][kind]
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


def _seats_of(sc: _Scope, forum: str) -> list[str]:
    g = sc.g
    seats = [u for u, _, k in g.in_edges(forum, keys=True) if k == "post_in" and sc.node_ok(u)]
    order = {"chair": 0, "co_chair": 0, "member": 1, "project_leader": 2, "secretary": 3}
    return sorted(seats, key=lambda s: (order.get(g.nodes[s].get("role"), 1), sc.model.label(s, sc.lang)))


def _requirements(sc: _Scope, hosts: set[str]) -> list[tuple[str, str, str, dict[str, Any]]]:
    """Contact-person requirements hanging off the hosts (requested by or required in them)."""
    out = []
    for host in sorted(hosts):
        for r, _, k, e in sc.g.in_edges(host, keys=True, data=True):
            if sc.g.nodes[r]["kind"] in _GAP_KINDS and k in ("requested_by", "required_in") and sc.node_ok(r):
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
    sc = _Scope(model, on, scenarios, lang)
    kinds = NETWORK_NODE_KINDS | (set(_GAP_KINDS) if gaps else set())
    keep = [n for n, k in sc.g.nodes(data="kind") if k in kinds and sc.node_ok(n) and sc.passes(n, filters)]
    nodes, edges = _induced(sc, keep, NETWORK_EDGE_KINDS)
    title = "Samarbejdsnetværk" if lang == "da" else "Collaboration network"
    return _finish(sc, "network", title, nodes, edges, highlight, group=group, threshold=threshold)


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
    sc = _Scope(model, on, scenarios, lang)
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
    return _finish(sc, "ego", title, nodes, edges, highlight, group=group, threshold=threshold, keep={start})


def _induced(sc: _Scope, keep: list[str], edge_kinds: frozenset[str]) -> tuple[list[DNode], list[DEdge]]:
    """Nodes and every in-force edge among them, in one pass over the kept nodes' out-edges."""
    ids = set(keep)
    nodes = [sc.node(n) for n in sorted(keep)]
    edges = []
    for n in sorted(keep):
        for _, v, e in sc.g.out_edges(n, data=True):
            if v in ids and e["kind"] in edge_kinds and sc.edge_ok(e):
                edges.append(sc.edge(n, v, e))
    return nodes, edges


# ---------------------------------------------------------------------- shared finishing
def _finish(
    sc: _Scope,
    view: str,
    title: str,
    nodes: list[DNode],
    edges: list[DEdge],
    highlight: Highlight | None,
    *,
    hierarchical: bool = False,
    group: bool | None = False,
    threshold: int = AGGREGATE_THRESHOLD,
    keep: set[str] | None = None,
) -> Diagram:
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[e.u] += 1
        degree[e.v] += 1
    for n in nodes:
        n.weight = float(degree.get(n.id, 0))
        n.facets["degree"] = degree.get(n.id, 0)
    if highlight:
        nodes, edges = _apply_highlight(sc, nodes, edges, highlight, hierarchical)
    notes: list[str] = []
    if group or (group is None and len(nodes) > threshold):
        protected = {n.id for n in nodes if n.flags & {"highlight", "focus", "gap"}} | (keep or set())
        nodes, edges, notes = aggregate(sc.model, sc.facets, nodes, edges, sc.lang, threshold, protected)
    if hierarchical:
        _compact_levels(nodes)
    diagram = Diagram(
        nodes=nodes,
        edges=edges,
        title=title,
        caption=caption_for(sc.model, sc.sources, sc.on, sc.lang),
        legend=legend(nodes, edges, sc.lang),
        view=view,
        hierarchical=hierarchical,
        lang=sc.lang,
        on=sc.on,
        highlight_caption=highlight.caption if highlight else "",
        notes=notes,
        clusters=_cluster_labels(sc, nodes),
    )
    return diagram


def _apply_highlight(
    sc: _Scope, nodes: list[DNode], edges: list[DEdge], hl: Highlight, hierarchical: bool
) -> tuple[list[DNode], list[DEdge]]:
    """Mark the answer's nodes and edges; add those the view lacks; fade the rest."""
    by_id = {n.id: n for n in nodes}
    max_level = max((n.level for n in nodes if n.level is not None), default=-1)
    for nid in sorted(hl.nodes | hl.gaps):
        if nid not in by_id and nid in sc.g:
            by_id[nid] = sc.node(nid)
            nodes.append(by_id[nid])
    for nid in hl.nodes:
        if nid in by_id:
            by_id[nid].flags.add("highlight")
    for nid in hl.gaps:
        if nid in by_id:
            by_id[nid].flags.add("gap")
            reason = hl.reasons.get(nid)
            if reason:
                by_id[nid].tooltip += f"\n{word('gap', sc.lang)}: {reason}"
    index: dict[frozenset[str], list[DEdge]] = defaultdict(list)
    for e in edges:
        index[frozenset((e.u, e.v))].append(e)
    for u, v, kind in sorted(hl.edges, key=lambda t: (t[2] == "", t)):  # typed steps first
        if u not in by_id or v not in by_id:
            continue
        found = [e for e in index.get(frozenset((u, v)), []) if not kind or e.kind == kind]
        if not found:
            a, b, attrs = _model_edge(sc, u, v, kind)
            new = sc.edge(a, b, attrs)
            edges.append(new)
            index[frozenset((u, v))].append(new)
            found = [new]
        for e in found:
            e.flags.add("highlight")
    if hierarchical:
        _place_added(nodes, edges, max_level)
    if hl.nodes or hl.edges:
        for n in nodes:
            if not n.flags & {"highlight", "focus"}:
                n.flags.add("faded")
        for e in edges:
            if "highlight" not in e.flags:
                e.flags.add("faded")
    return nodes, edges


def _model_edge(sc: _Scope, u: str, v: str, kind: str) -> tuple[str, str, dict[str, Any]]:
    """The model's own edge between u and v of ``kind`` (either direction), else a plain link."""
    for a, b in ((u, v), (v, u)):
        for attrs in sc.g.get_edge_data(a, b, default={}).values():
            if not kind or attrs.get("kind") == kind:
                return a, b, dict(attrs)
    return u, v, {"kind": kind or "other"}


def _place_added(nodes: list[DNode], edges: list[DEdge], max_level: int) -> None:
    """Give nodes added by a highlight a level next to a neighbour (vis needs levels on all or none)."""
    by_id = {n.id: n for n in nodes}
    for _ in range(len(nodes)):
        changed = False
        for e in edges:
            a, b = by_id.get(e.u), by_id.get(e.v)
            if a is None or b is None:
                continue
            if a.level is None and b.level is not None:
                a.level, changed = b.level + 1, True
            elif b.level is None and a.level is not None:
                b.level, changed = a.level + 1, True
        if not changed:
            break
    for n in nodes:
        if n.level is None:
            n.level = max_level + 1


def _compact_levels(nodes: list[DNode]) -> None:
    used = sorted({n.level for n in nodes if n.level is not None})
    remap = {lv: i for i, lv in enumerate(used)}
    for n in nodes:
        if n.level is not None:
            n.level = remap[n.level]


def legend(nodes: list[DNode], edges: list[DEdge], lang: str) -> list[LegendEntry]:
    """Legend entries for what is actually drawn: sectors, node kinds, line kinds and markings."""
    out: list[LegendEntry] = []
    sectors = {n.sector or "none" for n in nodes}
    out += [LegendEntry("sector", s, name(SECTORS[s].name, lang)) for s in SECTORS if s in sectors]
    kinds = {n.kind for n in nodes}
    out += [LegendEntry("node", k, name(NODE_STYLES[k].name, lang)) for k in NODE_STYLES if k in kinds]
    ekinds = {e.kind for e in edges}
    out += [LegendEntry("edge", k, name(EDGE_STYLES[k].name, lang)) for k in EDGE_STYLES if k in ekinds]
    flags = set().union(*(n.flags for n in nodes), *(e.flags for e in edges)) if nodes or edges else set()
    out += [LegendEntry("flag", f, name(FLAG_STYLES[f].name, lang)) for f in FLAG_STYLES if f in flags]
    return out


def _wrap(label: str, width: int = _WRAP) -> str:
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
        for line in label.split("\n")
    )


def _cluster_labels(sc: _Scope, nodes: list[DNode]) -> dict[str, str]:
    used = sorted({c for n in nodes for c in n.facets.get("clusters", ())})
    return {c: sc.model.label(c, sc.lang) for c in used}
