"""Exact distances to an entity that only topics link to the rest (a body known by the topics it handles).

Such an entity lies outside the main component of the graph without topics, so a path to it is the
fallback of ``graph.path_search`` that may cross topics. There a landmark bound is weak (through a topic
hub everything is a few steps away) and the A* from the target settled most of the nation: 20–50 ms, the
p99 of a path question. But every route into such a component enters it through one of its few *gates*,
the topics its members handle, so the distance from any node outside it is the least over the gates of
(distance to the gate + the gate's distance to the entity): a few lookups in the gates' distance rows.
Inside the component a small search adds the routes that stay in it.

The rows are built with the index while they fit ``EAGER_CELLS`` (Denmark: 14 gates × 10,000 nodes, 1 MB,
0.3–0.5 s); a larger graph builds each gate's row on first use and keeps it (ten Denmarks: ~140 gates ×
100,000 nodes would be 110 MB and half a minute at the index build).
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["EAGER_CELLS", "MAX_GATES", "Gated", "dijkstra", "distance_to"]

#: Gate rows (cells: gates × nodes) built with the index; beyond this, each on first use.
EAGER_CELLS = 2_000_000
#: A component with more gates than this is searched the plain way: each gate costs a Dijkstra over the whole
#: graph (Denmark's entities that only topics reach have 1–3; a copy of Denmark joined to nine others only by
#: shared topics has 40, and its rows took 34 s on the ten-Denmark graph against 9 s for the plain search).
MAX_GATES = 4

_Adj = Sequence[Sequence[tuple[int, float]]]


class Gated:
    """What the index knows about the components only topics reach (see the module docstring)."""

    def __init__(self, adj: _Adj, free: _Adj, comp: Sequence[int], big: int) -> None:
        members: dict[int, list[int]] = {}
        for i, c in enumerate(comp):
            if c >= 0 and c != big:
                members.setdefault(c, []).append(i)
        gates_of: dict[int, tuple[int, ...]] = {}
        for c, nodes in list(members.items()):
            doors = tuple(sorted({v for u in nodes for v, _ in adj[u] if comp[v] < 0}))
            if len(doors) > MAX_GATES:  # a whole region only topics link: the plain search is cheaper
                del members[c]
                continue
            gates_of[c] = doors
        self.adj, self.comp, self.free = adj, comp, free
        self.members = {c: tuple(nodes) for c, nodes in members.items()}
        self.gates_of = gates_of
        self._rows: dict[int, array[float]] = {}
        every = sorted({g for gs in gates_of.values() for g in gs})
        if len(every) * len(adj) <= EAGER_CELLS:
            for g in every:
                self.row(g)

    def row(self, gate: int) -> array[float]:
        """The gate's distance to every node over the whole graph, topics included (one Dijkstra, then kept;
        two threads asking at once both compute it and keep the same row)."""
        got = self._rows.get(gate)
        if got is None:
            got = self._rows[gate] = array("d", dijkstra(self.adj, gate))
        return got

    def gated(self, n: int) -> bool:
        """``n`` is in a component that only topics reach (not a topic itself)."""
        return self.comp[n] >= 0 and self.comp[n] in self.members


def distance_to(gated: Gated, e: int) -> Callable[[int], float]:
    """The exact distance (topics may be crossed) from any node to ``e``, an entity of a gated component."""
    c = gated.comp[e]
    rows = [(row, row[e]) for row in map(gated.row, gated.gates_of[c])]
    members = gated.members[c]
    local: list[Sequence[tuple[int, float]]] = [()] * len(gated.free)  # the edges inside the component
    for u in members:
        local[u] = [(v, w) for v, w in gated.free[u] if gated.comp[v] == c]
    within = dijkstra(local, e)
    inside = {v: within[v] for v in members if within[v] < math.inf}  # routes that stay in it
    inf = math.inf

    def d(v: int) -> float:
        best = inf
        for row, at_e in rows:
            x = row[v] + at_e
            if x < best:
                best = x
        inner = inside.get(v)
        return inner if inner is not None and inner < best else best

    return d


def dijkstra(adj: _Adj, src: int) -> list[float]:
    """Distances from ``src`` to every node (inf where unreachable)."""
    dist = [math.inf] * len(adj)
    dist[src] = 0.0
    heap: list[Any] = [(0.0, src)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist
