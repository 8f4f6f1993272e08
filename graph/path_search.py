"""Searching the path graph: the cheapest route and the next best *different* alternatives.

Yen's algorithm (``nx.shortest_simple_paths``) on a whole national graph costs a full Dijkstra per spur
node, seconds per answer. It runs instead on the corridor of routes at most ``_SLACK`` dearer than the
cheapest (two bounded Dijkstras), typically tens of nodes. At most 20 candidates and ``TIME_BUDGET_S``
for the alternatives (then ``truncated``); the cheapest path is always returned.

What counts as a route (why): two bodies that handle the same topic, or that both write through BUA's
advice channel, are alike, not connected. So topics are never crossed, and a path that enters and leaves a
channel on the same side is skipped, unless nothing else links the two (then it comes with an ``alike``
warning). An alternative that passes every place an earlier path passes (plus a detour), or the same places
through other seats, is skipped too: it is not another route.
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from graph.model import Model

__all__ = ["TIME_BUDGET_S", "search", "side", "sideways"]

TIME_BUDGET_S = 1.0
_MAX_CANDIDATES = 20
#: How much dearer (in weight) than the cheapest path an alternative may be: bounds the corridor.
_SLACK = 6.0


def search(model: Model, g: nx.Graph, src: str, dst: str, k: int) -> tuple[list[list[str]], bool]:
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
                (alike if sideways(model, g, nodes) else routes).append(nodes)
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


def sideways(model: Model, g: nx.Graph, nodes: list[str]) -> list[tuple[str, str, str]]:
    """(before, through, after) for each channel or topic the path enters and leaves by the same relation."""
    out = []
    for x, n, y in zip(nodes, nodes[1:], nodes[2:], strict=False):
        if model.node(n)["kind"] in ("channel", "topic") and side(g, x, n) == side(g, y, n):
            out.append((x, n, y))
    return out


def side(g: nx.Graph, other: str, n: str) -> tuple[str, bool]:
    rel = g.edges[other, n]["rels"][0]
    return (rel.kind, rel.u == n)
