"""Paths: how does one entity reach another, over which relations, and through which channel?

A general practitioner asking "how do I reach PPR in Norddjurs?" wants the shortest *sensible* route and
one or two alternatives, each step named in words, with a warning where a channel on the way is not
known to be open. Relations are followed in either direction (reachability is undirected) but every step
keeps and names its real direction ("PPR is part of Norddjurs Kommune" vs "Norddjurs Kommune includes PPR").

Relation kinds are chosen by user-facing groups (``VIA_GROUPS``); the default is all of them. For each
(model, date, scenarios, groups) one undirected ``nx.Graph`` is materialised once (cached), its edges
holding every underlying directed relation; ``nx.shortest_simple_paths`` (Yen) then yields paths cheapest
first.

Weights (why): a path through a hub ("every municipality is a member of the cluster") is short but tells
a reader little. So a step costs 1, a channel hop 0.5 (org → channel → unit is one real route, costing 1
in all) and a seat hop 0.75 (a seat is a concrete, person-shaped link); passing *through* a node of degree
d adds ``max(0, log2(d) - 2)`` (0 up to degree 4, 2 at degree 16, 4 at degree 64). The start and end add
nothing. ``length`` in the answer is the plain step count, ``cost`` the weighted one.

What counts as a route (why): two bodies that handle the same topic, or that both write through BUA's
advice channel, are alike, not connected. So topics are never crossed, and a path that enters and leaves a
channel on the same side is skipped, unless nothing else links the two (then it comes with an ``alike``
warning). An alternative that passes every place an earlier path passes (plus a detour), or the same places
through other seats, is skipped too: it is not another route.

Search (why): Yen's algorithm (``nx.shortest_simple_paths``) on a whole national graph costs a full
Dijkstra per spur node, seconds per answer. It runs instead on the corridor of routes at most 6 dearer
than the cheapest (two bounded Dijkstras), typically tens of nodes. At most ``MAX_PATHS`` paths, 20
candidates and ``TIME_BUDGET_S`` for the alternatives (then ``truncated``); the cheapest path is always
returned.

JSON shape of ``PathAnswer.as_json(lang)`` (stable; every entity is a ``model.ref``: ``{"id", "label", "kind"}``)::

    {
      "from": Ref, "to": Ref,
      "via": [group, ...],                  # the relation groups searched
      "on": "YYYY-MM-DD" | null, "scenarios": [str],
      "truncated": bool,                    # the time budget cut the alternatives short
      "paths": [                            # cheapest first
        {"rank": int, "length": int, "cost": float,
         "nodes": [Ref, ...],               # from `from` to `to`
         "steps": [
           {"from": Ref, "to": Ref,         # in path order
            "kind": str, "group": str,       # the relation (edge kind) and its via group
            "direction": "forward" | "backward",   # forward: the relation runs from → to
            "relation": str,                # the step in words, read from → to, in ``lang``
            "also": [str],                  # other relation kinds between the same two entities
            "status": str | null, "proposed": bool, "scenario": str | null,
            "channel": {"id", "label", "kind", "state", "state_label"} | null,
            "sources": [Source]}
         ],
         "warnings": [
           {"kind": "channel_not_open", "channel": Ref, "state": str,
            "from": Ref | null,             # where the channel starts
            "open_siblings": int, "siblings": int,   # channels from the same place: open / all
            "siblings_by_state": {state: int},
            "questions": [str],             # open questions in the source about this channel
            "summary": str,                 # the warning without the questions
            "message": str}                 # the whole warning, in ``lang``
           | {"kind": "proposed", "step": int, "message": str}
           | {"kind": "vacant_seat", "seat": Ref, "message": str}   # the path leans on an empty seat
           | {"kind": "alike", "through": Ref, "between": [Ref, Ref], "message": str}
                                            # only when nothing but a shared channel/topic links the two
         ]}
      ]
    }
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, NamedTuple

import networkx as nx

from graph.applicability import check_scenarios, require_in_force
from graph.cache import memo
from graph.errors import InputError, NoPathError
from graph.model import Model, in_force
from graph.projection import LINE_KINDS
from graph.reporting import edge_sources

__all__ = [
    "DEFAULT_VIA",
    "MAX_PATHS",
    "VIA_GROUPS",
    "Path",
    "PathAnswer",
    "PathStep",
    "find_paths",
    "parse_via",
    "path_graph",
]

VIA_GROUPS: dict[str, tuple[str, ...]] = {
    "membership": ("member_of",),
    "seat": ("post_in", "holds", "on_behalf_of"),
    "reporting": tuple(LINE_KINDS.values()),
    "channel": ("channel_from", "channel_to"),
    "contact": ("contact_point", "handles"),
    "hierarchy": ("part_of",),
}
DEFAULT_VIA: tuple[str, ...] = tuple(VIA_GROUPS)
#: Danish names a user may type for the groups.
_ALIASES = {
    "medlemskab": "membership",
    "plads": "seat",
    "pladser": "seat",
    "rapportering": "reporting",
    "kanal": "channel",
    "kanaler": "channel",
    "kontakt": "contact",
    "hierarki": "hierarchy",
}
_GROUP_OF = {kind: group for group, kinds in VIA_GROUPS.items() for kind in kinds}
MAX_PATHS = 10
TIME_BUDGET_S = 1.0
_MAX_CANDIDATES = 20
#: How much dearer (in weight) than the cheapest path an alternative may be: bounds the corridor.
_SLACK = 6.0
_KIND_COST = {"channel_from": 0.5, "channel_to": 0.5, "post_in": 0.75, "holds": 0.75, "on_behalf_of": 0.75}

# (forward, backward) wording, each (da, en); read "from <relation> to".
_RELATION: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "member_of": (("er medlem af", "is a member of"), ("har som medlem", "has as a member")),
    "post_in": (("er en plads i", "is a post in"), ("har pladsen", "has the post")),
    "holds": (("besætter", "holds"), ("besættes af", "is held by")),
    "on_behalf_of": (("repræsenterer", "represents"), ("repræsenteres af", "is represented by")),
    "reports_to": (("refererer til", "reports to"), ("modtager rapportering fra", "receives reports from")),
    "gives_status_to": (("giver status til", "gives status to"), ("får status fra", "receives status from")),
    "raises_decisions_to": (
        ("indstiller beslutninger til", "raises decisions to"),
        ("får beslutninger indstillet fra", "receives decisions raised by"),
    ),
    "communicates_with": (("kommunikerer med", "communicates with"), ("kommunikerer med", "communicates with")),
    "channel_from": (("skriver via kanalen", "writes through the channel"), ("er en kanal fra", "is a channel from")),
    "channel_to": (("fører til", "leads to"), ("nås via kanalen", "is reached through the channel")),
    "contact_point": (
        ("har kontaktpunktet", "has the contact point"),
        ("er kontaktpunkt for", "is the contact point of"),
    ),
    "handles": (("varetager emnet", "handles the topic"), ("varetages af", "is handled by")),
    "part_of": (("er del af", "is part of"), ("omfatter", "includes")),
}
_ALIKE = {
    "channel_from": ("bruger begge kanalen", "both use the channel"),
    "channel_to": ("nås begge via kanalen", "are both reached through the channel"),
    "handles": ("varetager begge emnet", "both handle the topic"),
}
_STATE = {
    "open": ("åben", "open"),
    "being_set_up": ("under etablering", "being set up"),
    "requested": ("efterspurgt", "requested"),
    "not_stated": ("ikke oplyst", "not stated"),
}


def _say(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


# ------------------------------------------------------------------------------------------------ input
def parse_via(via: str | Iterable[str] | None) -> tuple[str, ...]:
    """Group names from ``"channel,seat"`` or ``["channel", "seat"]`` (Danish names too), in canonical order."""
    if via is None:
        return DEFAULT_VIA
    items = [via] if isinstance(via, str) else list(via)
    chosen = set()
    for item in items:
        for word in item.split(","):
            key = word.strip().lower()
            if not key:
                continue
            group = _ALIASES.get(key, key)
            if group not in VIA_GROUPS:
                raise InputError(f"unknown relation group '{word.strip()}' (choose from: {', '.join(VIA_GROUPS)})")
            chosen.add(group)
    if not chosen:
        return DEFAULT_VIA
    return tuple(g for g in VIA_GROUPS if g in chosen)


# ------------------------------------------------------------------------------------------------ result
@dataclass(frozen=True)
class PathStep:
    """One step in path order; ``forward`` when the underlying relation runs ``from_id`` → ``to_id``."""

    from_id: str
    to_id: str
    kind: str
    forward: bool
    status: str | None = None
    scenario: str | None = None
    sources: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    proposed: bool = False


@dataclass(frozen=True)
class ChannelNote:
    """A channel on the path that is not known to be open, with what the data says around it."""

    channel: str
    state: str
    origin: str | None
    siblings_by_state: tuple[tuple[str, int], ...] = ()
    questions: tuple[str, ...] = ()

    @property
    def siblings(self) -> int:
        return sum(n for _, n in self.siblings_by_state)

    @property
    def open_siblings(self) -> int:
        return dict(self.siblings_by_state).get("open", 0)


@dataclass(frozen=True)
class Path:
    nodes: tuple[str, ...]
    steps: tuple[PathStep, ...]
    cost: float
    channel_notes: tuple[ChannelNote, ...] = ()
    #: (a, through, b, relation kind): a and b are only alike through a channel or topic, not connected
    alike: tuple[tuple[str, str, str, str], ...] = ()

    @property
    def length(self) -> int:
        return len(self.steps)


@dataclass(frozen=True)
class PathAnswer:
    """The cheapest path between two entities and the next best alternatives."""

    a: str
    b: str
    via: tuple[str, ...]
    paths: tuple[Path, ...]
    on: dt.date | None
    scenarios: tuple[str, ...]
    truncated: bool
    model: Model = field(repr=False, compare=False)

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        m = self.model
        return {
            "from": m.ref(self.a, lang),
            "to": m.ref(self.b, lang),
            "via": list(self.via),
            "on": self.on.isoformat() if self.on else None,
            "scenarios": list(self.scenarios),
            "truncated": self.truncated,
            "paths": [_path_json(m, p, rank, lang) for rank, p in enumerate(self.paths, 1)],
        }


def _path_json(m: Model, p: Path, rank: int, lang: str) -> dict[str, Any]:
    warnings = [_channel_warning(m, note, lang) for note in p.channel_notes]
    warnings += [_alike_warning(m, x, n, y, kind, lang) for x, n, y, kind in p.alike]
    for n in p.nodes[1:-1]:
        if m.node(n).get("occupancy") == "vacant":
            text = _say((f"Pladsen «{m.label(n, lang)}» er vakant", f"The seat «{m.label(n, lang)}» is vacant"), lang)
            warnings.append({"kind": "vacant_seat", "seat": m.ref(n, lang), "message": text})
    for i, s in enumerate(p.steps, 1):
        if s.proposed:
            words = ("Trin {i} ({a} → {b}) er kun foreslået", "Step {i} ({a} → {b}) is only proposed")
            text = _say(words, lang).format(i=i, a=m.label(s.from_id, lang), b=m.label(s.to_id, lang))
            warnings.append({"kind": "proposed", "step": i, "message": text})
    return {
        "rank": rank,
        "length": p.length,
        "cost": round(p.cost, 2),
        "nodes": [m.ref(n, lang) for n in p.nodes],
        "steps": [_step_json(m, s, lang) for s in p.steps],
        "warnings": warnings,
    }


def _step_json(m: Model, s: PathStep, lang: str) -> dict[str, Any]:
    channel = next((n for n in (s.from_id, s.to_id) if m.node(n)["kind"] == "channel"), None)
    return {
        "from": m.ref(s.from_id, lang),
        "to": m.ref(s.to_id, lang),
        "kind": s.kind,
        "group": _GROUP_OF[s.kind],
        "direction": "forward" if s.forward else "backward",
        "relation": _say(_RELATION[s.kind][0 if s.forward else 1], lang),
        "also": list(s.also),
        "status": s.status,
        "proposed": s.proposed,
        "scenario": s.scenario,
        "channel": _channel_ref(m, channel, lang) if channel else None,
        "sources": [src.as_json() for src in m.sources_of(s.sources)],
    }


def _channel_ref(m: Model, ch: str, lang: str) -> dict[str, Any]:
    state = m.node(ch).get("state") or "not_stated"
    return {**m.ref(ch, lang), "state": state, "state_label": _say(_STATE.get(state, (state, state)), lang)}


def _channel_warning(m: Model, note: ChannelNote, lang: str) -> dict[str, Any]:
    label = m.label(note.channel, lang)
    state = _say(_STATE.get(note.state, (note.state, note.state)), lang)
    if note.state == "not_stated":
        text = _say(
            (
                f"Det står ikke i kilden, om kanalen «{label}» er åben",
                f"Whether the channel «{label}» is open is not stated in the source",
            ),
            lang,
        )
    else:
        text = _say((f"Kanalen «{label}» er ikke åben ({state})", f"The channel «{label}» is not open ({state})"), lang)
    if note.origin and note.siblings > 1:
        origin = m.label(note.origin, lang)
        counts = ", ".join(f"{_say(_STATE.get(k, (k, k)), lang)}: {n}" for k, n in note.siblings_by_state)
        text += _say(
            (
                f" (blandt {note.siblings} kanaler fra {origin} – {counts})",
                f" (of {note.siblings} channels from {origin} – {counts})",
            ),
            lang,
        )
    questions = [q for qid in note.questions for q in _comment(m, qid, lang)]
    summary = text
    if questions:
        text += ". " + _say(("Åbent spørgsmål i kilden: ", "Open question in the source: "), lang) + " ".join(questions)
    return {
        "kind": "channel_not_open",
        "channel": m.ref(note.channel, lang),
        "state": note.state,
        "from": m.ref(note.origin, lang) if note.origin else None,
        "open_siblings": note.open_siblings,
        "siblings": note.siblings,
        "siblings_by_state": dict(note.siblings_by_state),
        "questions": questions,
        "summary": summary,
        "message": text,
    }


def _alike_warning(m: Model, x: str, n: str, y: str, kind: str, lang: str) -> dict[str, Any]:
    verb = _ALIKE.get(kind, ("er begge knyttet til", "are both linked to"))
    a, b, via = m.label(x, lang), m.label(y, lang), m.label(n, lang)
    text = _say(
        (
            f"{a} og {b} {verb[0]} «{via}»; det forbinder dem ikke",
            f"{a} and {b} {verb[1]} «{via}»; that does not connect them",
        ),
        lang,
    )
    return {"kind": "alike", "through": m.ref(n, lang), "between": [m.ref(x, lang), m.ref(y, lang)], "message": text}


def _comment(m: Model, qid: str, lang: str) -> list[str]:
    pairs = m.node(qid).get("comment") or {}
    return list(pairs.get(lang) or pairs.get("da") or next(iter(pairs.values()), [m.label(qid, lang)]))


# ------------------------------------------------------------------------------------------------ query
def find_paths(
    model: Model,
    a: str,
    b: str,
    *,
    via: str | Iterable[str] | None = None,
    max_paths: int = 3,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
) -> PathAnswer:
    """Paths from ``a`` to ``b`` (names or IRIs) over the ``via`` groups, cheapest first.

    Raises EntityNotFound / AmbiguousEntity for a name, InputError for an unknown group or scenario,
    a bad ``max_paths`` or an entity not in force, NoPathError when the two are not connected.
    """
    groups = parse_via(via)
    if not 1 <= max_paths <= MAX_PATHS:
        raise InputError(f"the number of paths must be between 1 and {MAX_PATHS}, not {max_paths}")
    scen = check_scenarios(model, scenarios)
    src, dst = model.resolve(a), model.resolve(b)
    if src == dst:
        raise InputError(f"'{model.label(src)}' and '{model.label(dst)}' are the same entity")
    for nid in (src, dst):
        require_in_force(model, nid, on, scen)
    g = path_graph(model, groups, on, scen)
    if src not in g or dst not in g:
        raise NoPathError(_no_path(model, src, dst, groups, on))
    found, truncated = _search(model, g, src, dst, max_paths)
    if not found:
        raise NoPathError(_no_path(model, src, dst, groups, on))
    paths = tuple(_path(model, g, nodes, on, scen) for nodes in found)
    return PathAnswer(src, dst, groups, paths, on, scen, truncated, model)


def path_graph(model: Model, groups: tuple[str, ...], on: dt.date | None, scenarios: tuple[str, ...]) -> nx.Graph:
    """The undirected relation graph for ``groups`` in force on ``on``: built once, then cached."""
    return memo(model, ("paths", groups, on, scenarios), lambda: _build(model, groups, on, scenarios))


class _Rel(NamedTuple):
    """One directed relation behind an undirected edge (a tuple: built tens of thousands of times)."""

    u: str
    v: str
    kind: str
    status: str | None
    scenario: str | None
    sources: tuple[str, ...]


def _build(model: Model, groups: tuple[str, ...], on: dt.date | None, scenarios: tuple[str, ...]) -> nx.Graph:
    g = model.nx
    kinds = {k for grp in groups for k in VIA_GROUPS[grp]}
    applies: dict[str, bool] = {}

    def ok(n: str) -> bool:
        if n not in applies:
            applies[n] = in_force(g.nodes[n], on, scenarios)
        return applies[n]

    pairs: dict[tuple[str, str], list[_Rel]] = {}
    for u, v, e in g.edges(data=True):
        if e["kind"] not in kinds or u == v or not (in_force(e, on, scenarios) and ok(u) and ok(v)):
            continue
        rel = _Rel(u, v, e["kind"], e.get("status"), e.get("scenario"), edge_sources(g, u, v, e))
        pairs.setdefault((u, v) if u < v else (v, u), []).append(rel)
    degree: dict[str, int] = {}
    for u, v in pairs:
        degree[u] = degree.get(u, 0) + 1
        degree[v] = degree.get(v, 0) + 1
    pen = {n: _hub_penalty(d) for n, d in degree.items()}
    und = nx.Graph()
    und.add_edges_from(_weighted(pairs, pen))
    und.graph["penalty"] = pen
    und.graph["topics"] = frozenset(n for n in und if g.nodes[n]["kind"] == "topic")
    return und


def _weighted(
    pairs: dict[tuple[str, str], list[_Rel]], pen: dict[str, float]
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for (u, v), found in pairs.items():
        rels = tuple(sorted(found, key=_rel_order)) if len(found) > 1 else (found[0],)
        yield u, v, {"rels": rels, "weight": _KIND_COST.get(rels[0].kind, 1.0) + (pen[u] + pen[v]) / 2}


def _hub_penalty(degree: int) -> float:
    return max(0.0, math.log2(max(degree, 1)) - 2)


def _rel_order(r: _Rel) -> tuple[float, bool, str]:
    return (_KIND_COST.get(r.kind, 1.0), r.status == "proposed", r.kind)


def _search(model: Model, g: nx.Graph, src: str, dst: str, k: int) -> tuple[list[list[str]], bool]:
    """Up to ``k`` simple paths, cheapest first, that pass *through* every channel and topic on the way.

    Topics are not crossed at all unless nothing else connects the two (then the answer carries an
    ``alike`` warning); a path that touches a channel from one side only is skipped the same way.
    """
    blocked = g.graph["topics"] - {src, dst}
    found, truncated = _yen(model, g, src, dst, k, blocked)
    if not found and blocked:
        found, truncated = _yen(model, g, src, dst, k, frozenset())
    return found, truncated


def _yen(
    model: Model, g: nx.Graph, src: str, dst: str, k: int, blocked: frozenset[str]
) -> tuple[list[list[str]], bool]:
    """Yen's algorithm (``nx.shortest_simple_paths``) inside the corridor of near-cheapest routes.

    On the whole national graph Yen costs a full Dijkstra per spur node (seconds for three paths); in the
    corridor (routes at most ``_SLACK`` dearer than the cheapest) it costs milliseconds. Candidates that
    are an accepted path again (``_variant``) are skipped; the search stops at ``k`` routes,
    ``_MAX_CANDIDATES`` candidates or ``TIME_BUDGET_S`` (then ``truncated``).
    """

    def weight(u: str, v: str, d: dict[str, Any]) -> float | None:
        return None if u in blocked or v in blocked else d["weight"]  # None hides the edge

    try:
        best = nx.bidirectional_dijkstra(g, src, dst, weight=weight)[0]
    except nx.NetworkXNoPath:
        return [], False
    sub = g.subgraph(_corridor(g, src, dst, best + _SLACK, weight)).copy()
    routes: list[list[str]] = []
    alike: list[list[str]] = []
    start = time.monotonic()
    gen: Iterator[list[str]] = nx.shortest_simple_paths(sub, src, dst, weight="weight")
    try:
        for count, nodes in enumerate(gen, 1):
            if not _variant(model, nodes, routes + alike):
                (alike if _sideways(model, g, nodes) else routes).append(nodes)
            if len(routes) >= k or count >= _MAX_CANDIDATES:
                break
            if time.monotonic() - start > TIME_BUDGET_S:
                return routes or alike[:k], True
    except (nx.NetworkXNoPath, nx.NodeNotFound):  # only if rounding left an end outside the corridor
        pass
    return routes or alike[:k], False


def _corridor(g: nx.Graph, src: str, dst: str, limit: float, weight: Callable[..., float | None]) -> set[str]:
    """Nodes on some route from ``src`` to ``dst`` costing at most ``limit``.

    One Dijkstra from ``dst`` (bounded by ``limit``), then one from ``src`` that only enters nodes whose
    distance so far plus their distance to ``dst`` stays within ``limit``: the second search never leaves
    the corridor, so far-apart pairs cost one bounded Dijkstra, not two.
    """
    to_dst = nx.single_source_dijkstra_path_length(g, dst, cutoff=limit, weight=weight)
    best: dict[str, float] = {src: 0.0}
    heap = [(0.0, src)]
    inside: set[str] = set()
    while heap:
        dist, node = heapq.heappop(heap)
        if node in inside:
            continue
        inside.add(node)
        for nb in g.adj[node]:
            nd = dist + g.adj[node][nb]["weight"]
            if nb in to_dst and nd + to_dst[nb] <= limit + 1e-9 and nd < best.get(nb, math.inf):
                best[nb] = nd
                heapq.heappush(heap, (nd, nb))
    return inside


def _variant(model: Model, nodes: list[str], accepted: list[list[str]]) -> bool:
    """True when ``nodes`` is an accepted path again: the same places through other seats, or plus a detour.

    Places are the intermediate nodes other than posts and persons (which seat carries the link does not
    make another route).
    """
    if len(nodes) <= 2:
        return False
    mine = _places(model, nodes)
    for p in accepted:
        if len(p) <= 2:
            continue
        theirs = _places(model, p)
        if theirs == mine or (theirs and theirs <= mine):
            return True
    return False


def _places(model: Model, nodes: list[str]) -> frozenset[str]:
    return frozenset(n for n in nodes[1:-1] if model.node(n)["kind"] not in ("post", "person"))


def _sideways(model: Model, g: nx.Graph, nodes: list[str]) -> list[tuple[str, str, str]]:
    """(before, through, after) for each channel or topic the path enters and leaves by the same relation."""
    out = []
    for x, n, y in zip(nodes, nodes[1:], nodes[2:], strict=False):
        if model.node(n)["kind"] in ("channel", "topic") and _side(g, x, n) == _side(g, y, n):
            out.append((x, n, y))
    return out


def _side(g: nx.Graph, other: str, n: str) -> tuple[str, bool]:
    rel = g.edges[other, n]["rels"][0]
    return (rel.kind, rel.u == n)


def _path(model: Model, g: nx.Graph, nodes: list[str], on: dt.date | None, scen: tuple[str, ...]) -> Path:
    steps = []
    for x, y in pairwise(nodes):
        rels = g.edges[x, y]["rels"]
        best = rels[0]
        proposed = best.status == "proposed" or model.node(y).get("status") == "proposed"
        steps.append(
            PathStep(
                from_id=x,
                to_id=y,
                kind=best.kind,
                forward=best.u == x,
                status=best.status,
                scenario=best.scenario or model.node(y).get("scenario"),
                sources=best.sources,
                also=tuple(dict.fromkeys(r.kind for r in rels[1:] if r.kind != best.kind)),
                proposed=proposed,
            )
        )
    pen = g.graph["penalty"]
    cost = sum(_KIND_COST.get(s.kind, 1.0) for s in steps) + sum(pen[n] for n in nodes[1:-1])
    notes = tuple(_channel_note(model, n, on, scen) for n in nodes if model.node(n)["kind"] == "channel")
    alike = tuple((x, n, y, _side(g, x, n)[0]) for x, n, y in _sideways(model, g, nodes))
    return Path(tuple(nodes), tuple(steps), cost, tuple(n for n in notes if n is not None), alike)


def _channel_note(model: Model, ch: str, on: dt.date | None, scen: tuple[str, ...]) -> ChannelNote | None:
    """None for an open channel; otherwise its state, how many sibling channels are open, open questions."""
    g = model.nx
    state = g.nodes[ch].get("state") or "not_stated"
    if state == "open":
        return None
    origins = sorted(u for u, _, k in g.in_edges(ch, keys=True) if k == "channel_from")
    origin = origins[0] if origins else None
    siblings = []
    if origin is not None:
        siblings = [
            c for _, c, k in g.out_edges(origin, keys=True) if k == "channel_from" and in_force(g.nodes[c], on, scen)
        ]
    states = [g.nodes[c].get("state") or "not_stated" for c in siblings]
    by_state = tuple((k, states.count(k)) for k in _STATE if k in states or k == "open")
    questions = tuple(
        sorted(u for u, _, k in g.in_edges(ch, keys=True) if k == "about" and in_force(g.nodes[u], on, scen))
    )
    return ChannelNote(ch, state, origin, by_state if siblings else (), questions)


def _no_path(model: Model, a: str, b: str, groups: tuple[str, ...], on: dt.date | None) -> str:
    over = "any relation" if groups == DEFAULT_VIA else "the relation groups " + ", ".join(groups)
    when = f" on {on.isoformat()}" if on else ""
    return f"no path between '{model.label(a)}' and '{model.label(b)}' over {over}{when}"
