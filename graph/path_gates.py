"""Exact distances to an entity that only topics link to the rest (a body known by the topics it handles).

Such an entity lies outside the main component of the graph without topics, so a path to it is the
fallback of ``graph.path_search`` that may cross topics. There a landmark bound is weak (through a topic
hub everything is a few steps away) and the A* from the target settled most of the nation: 20–50 ms, the
p99 of a path question. But every route into such a component enters it through one of its few *gates*,
the topics its members handle, so the distance from any node outside it is the least over the gates of
(distance to the gate + the gate's distance to the entity): a few lookups in the gates' distance rows,
built with the index. Inside the component a small search adds the routes that stay in it.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["Gated", "dijkstra", "distance_to"]

_Adj = Sequence[Sequence[tuple[int, float]]]


class Gated:
    """What the index knows about the components only topics reach (see the module docstring)."""

    def __init__(self, adj: _Adj, free: _Adj, comp: Sequence[int], big: int) -> None:
        members: dict[int, list[int]] = {}
        for i, c in enumerate(comp):
            if c >= 0 and c != big:
                members.setdefault(c, []).append(i)
        gates_of: dict[int, tuple[int, ...]] = {}
        for c, nodes in members.items():
            gates_of[c] = tuple(sorted({v for u in nodes for v, _ in adj[u] if comp[v] < 0}))
        self.comp, self.free = comp, free
        self.members = {c: tuple(nodes) for c, nodes in members.items()}
        self.gates_of = gates_of
        # each gate's distance to every node over the whole graph, topics included (one Dijkstra each)
        gates = sorted({g for gs in gates_of.values() for g in gs})
        self.rows: dict[int, array[float]] = {g: array("d", dijkstra(adj, g)) for g in gates}

    def gated(self, n: int) -> bool:
        """``n`` is in a component that only topics reach (not a topic itself)."""
        return self.comp[n] >= 0 and self.comp[n] in self.members


def distance_to(gated: Gated, e: int) -> Callable[[int], float]:
    """The exact distance (topics may be crossed) from any node to ``e``, an entity of a gated component."""
    c = gated.comp[e]
    rows = [(gated.rows[g], gated.rows[g][e]) for g in gated.gates_of[c]]
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
