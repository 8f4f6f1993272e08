"""Searching the path graph: the cheapest route and the next best *different* alternatives.

Yen's algorithm runs on the corridor of routes at most ``_SLACK`` dearer than the cheapest, typically a few
hundred nodes of a national graph. At most 20 candidates and ``TIME_BUDGET_S`` for the alternatives (then
``truncated``); the cheapest path is always returned.

Why it is fast (a new question on the national structure in about a millisecond): everything runs on the
integer index of ``graph.path_index`` (built once per view), never on networkx. The distances to the target
come from one A* search from the target, guided by landmark lower bounds, that stops at the corridor's
edge instead of covering the nation; every spur search of Yen is then an A* guided by those exact
distances, so it walks almost straight to the target. The answers are those of Yen's algorithm on the
corridor; where several routes cost exactly the same, the one with the smaller node ids is found first
(networkx's order among ties followed the process's string hashing).

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
from collections.abc import Iterator
from itertools import count

import networkx as nx

from graph.model import Model
from graph.path_index import PathIndex

__all__ = ["TIME_BUDGET_S", "search", "side", "sideways"]

TIME_BUDGET_S = 1.0
_MAX_CANDIDATES = 20
#: How much dearer (in weight) than the cheapest path an alternative may be: bounds the corridor.
_SLACK = 6.0
#: The corridor's slack in stages, the last the full ``_SLACK`` (see ``_yen``).
_STAGES = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, _SLACK)
_EPS = 1e-9

_Adj = tuple[tuple[tuple[int, float], ...], ...]


def search(ix: PathIndex, src: str, dst: str, k: int) -> tuple[list[list[str]], bool]:
    """Up to ``k`` simple paths, cheapest first, that pass *through* every channel and topic on the way.

    Topics are not crossed at all unless nothing else connects the two (then the answer carries an
    ``alike`` warning); a path that touches a channel from one side only is skipped the same way.
    """
    s, t = ix.at[src], ix.at[dst]
    blocked = ix.topic - {s, t}
    found, truncated = _yen(ix, s, t, k, blocked)
    if not found and blocked:
        found, truncated = _yen(ix, s, t, k, frozenset())
    return [[ix.ids[n] for n in nodes] for nodes in found], truncated


def _yen(ix: PathIndex, s: int, t: int, k: int, blocked: frozenset[int]) -> tuple[list[list[int]], bool]:
    """Yen's algorithm inside the corridor of near-cheapest routes.

    Candidates that are an accepted path again (``_variant``) are skipped; the search stops at ``k``
    routes, ``_MAX_CANDIDATES`` candidates or ``TIME_BUDGET_S`` (then ``truncated``).

    The corridor grows in ``_STAGES``: Yen in a narrower corridor yields the same candidates, in the same
    order, as long as they cost at most its limit (every node of such a path lies inside it). So when the
    answer is settled before a candidate passes that limit, it is the answer of the full corridor; else
    the next stage runs (most answers need a slack of 2 or less, a few the full ``_SLACK``).
    """
    to_dst = _ToTarget(ix, s, t, blocked)
    if to_dst.best is None:
        return [], False
    return _stages(ix, s, t, k, to_dst)


def _stages(ix: PathIndex, s: int, t: int, k: int, to_dst: _ToTarget) -> tuple[list[list[int]], bool]:
    """Yen in corridors of growing slack (see ``_yen``) with the distances to ``t`` grown on demand."""
    assert to_dst.best is not None
    start = time.monotonic()
    slack = _STAGES[0]
    while True:
        limit = to_dst.best + slack
        to_dst.grow(limit)
        h = _corridor(ix.adj, s, limit, to_dst.known())
        if t not in h:  # only if rounding left an end outside the corridor
            return [], False
        last = slack == _SLACK
        routes: list[list[int]] = []
        alike: list[list[int]] = []
        beyond = math.inf  # the first candidate past this corridor's limit (inf: the candidates ran out)
        for n, (cost, nodes) in enumerate(_simple_paths(ix.adj, s, t, h), 1):
            if not last and cost > limit:
                beyond = cost
                break  # beyond what this corridor answers for: widen it
            if not _variant(ix, nodes, routes + alike):
                (alike if _sideways(ix, nodes) else routes).append(nodes)
            if len(routes) >= k or n >= _MAX_CANDIDATES:
                return routes or alike[:k], False
            if time.monotonic() - start > TIME_BUDGET_S:
                return routes or alike[:k], True
        if last:
            return routes or alike[:k], False
        # the next stage that could hold that candidate (any wider corridor gives the same answer)
        slack = next(x for x in _STAGES if x > slack and (x >= beyond - to_dst.best or x == _SLACK))


class _ToTarget:
    """Exact distances to ``t`` (avoiding ``blocked``) of every node that may lie on a route from ``s``
    within a limit, grown on demand.

    One A* search from ``t`` towards ``s``: it settles nodes in order of distance-so-far plus a lower bound
    on the distance left (landmarks, when the search avoids every topic; else 0, a plain Dijkstra), finds
    the cheapest cost at ``s``, then goes on while that sum stays within the limit (``grow`` goes on from
    where it stopped). A node on a cheapest path from ``t`` to a settled node is settled first, so every
    kept distance is exact.
    """

    def __init__(self, ix: PathIndex, s: int, t: int, blocked: frozenset[int]) -> None:
        n = len(ix.ids)
        free = len(blocked) == len(ix.topic)  # the search avoids every topic (what the index's extras know)
        self.ix, self.s, self.free = ix, s, free
        self.chain: dict[int, tuple[tuple[int, float], tuple[int, float]]] = {}
        self.stop: frozenset[int] = frozenset()
        if free:  # off the 2-core only the two ends' tails can be on a simple path (``PathIndex.tail``)
            self.skip = bytearray(ix.off_core)
            tails = ix.tail(s) + ix.tail(t)
            for x in tails:
                self.skip[x] = 0
            # chains are walked through; the ends, their tails and where those join the core are not chains
            self.chain, self.stop = ix.chain, frozenset(tails)
        else:
            self.skip = bytearray(n)
            for x in blocked:
                self.skip[x] = 1
        # landmark bounds from s (nodes outside the landmarks' component get inf: s cannot reach them)
        self.marks = [(ix.rows[i], ix.rows[i][s]) for i in ix.active(s, t)] if free and ix.comp[s] == ix.big else []
        self.bound = [-1.0] * n
        self.dist = [math.inf] * n
        self.dist[t] = 0.0
        self.done: dict[int, float] = {}  # settled: node → exact distance to t
        self.through: dict[int, float] = {}  # chain nodes walked through from settled ends: the least seen
        self.heap = [(self._bound(t), 0.0, t)]
        self.best: float | None = None
        if free and ix.comp[s] != ix.comp[t]:
            self.heap = []
        self.grow(math.inf)

    def known(self) -> dict[int, float]:
        """Distances to ``t`` of the settled nodes and of the chain nodes between them. A chain node on a
        near-cheapest route has both ends' best side settled, so its distance is exact; any other may be
        too high, which keeps it out of the corridor, where it does not belong anyway."""
        return {**self.through, **self.done}

    def _bound(self, v: int) -> float:
        return max((abs(row[v] - at_s) for row, at_s in self.marks), default=0.0)

    def grow(self, limit: float) -> None:
        """Settle every node whose distance to ``t`` plus its lower bound from ``s`` is within ``limit``
        (the first call stops at ``s``: then ``best`` is the cheapest cost)."""
        adj, s, skip, chain, stop, through = self.ix.adj, self.s, self.skip, self.chain, self.stop, self.through
        bound, dist, done, heap = self.bound, self.dist, self.done, self.heap
        pop, push = heapq.heappop, heapq.heappush
        if len(self.marks) == 4:
            (r1, a1), (r2, a2), (r3, a3), (r4, a4) = self.marks

            def lower(v: int) -> float:
                return max(abs(r1[v] - a1), abs(r2[v] - a2), abs(r3[v] - a3), abs(r4[v] - a4))

        else:
            lower = self._bound
        limit += _EPS
        while heap:
            if heap[0][0] > limit:
                return
            _, d, u = pop(heap)
            if skip[u]:  # settled before (a node is only ever pushed while not skipped)
                continue
            skip[u] = 2
            done[u] = d
            for v, w in adj[u]:
                if skip[v]:
                    continue
                nd = d + w
                if v in chain and v not in stop:  # walk the chain to its far end and queue that
                    prev = u
                    while True:
                        if nd < through.get(v, math.inf):
                            through[v] = nd
                        (a, wa), (b, wb) = chain[v]
                        prev, v, nd = (v, b, nd + wb) if a == prev else (v, a, nd + wa)
                        if skip[v] or v not in chain or v in stop:
                            break
                    if skip[v]:
                        continue
                if nd < dist[v]:
                    dist[v] = nd
                    lb = bound[v]
                    if lb < 0.0:
                        lb = bound[v] = lower(v)
                    push(heap, (nd + lb, nd, v))
            if u == s and self.best is None:
                self.best = d
                return


def _corridor(adj: _Adj, s: int, limit: float, to_dst: dict[int, float]) -> dict[int, float]:
    """The nodes on some route from ``s`` costing at most ``limit``, each with its distance to the target.

    A search from ``s`` that only enters nodes whose distance so far plus their distance to the target stays
    within ``limit``.
    """
    best = {s: 0.0}
    heap = [(0.0, s)]
    inside: dict[int, float] = {}
    while heap:
        d, u = heapq.heappop(heap)
        if u in inside:
            continue
        inside[u] = to_dst[u]
        for v, w in adj[u]:
            r = to_dst.get(v)
            if r is None:
                continue
            nd = d + w
            if nd + r <= limit + _EPS and nd < best.get(v, math.inf):
                best[v] = nd
                heapq.heappush(heap, (nd, v))
    return inside


def _simple_paths(adj: _Adj, s: int, t: int, h: dict[int, float]) -> Iterator[tuple[float, list[int]]]:
    """Simple paths from ``s`` to ``t`` through the nodes of ``h``, cheapest first, with their costs (Yen).

    ``h`` holds each node's exact distance to ``t`` in the whole corridor: a consistent A* heuristic for
    every spur search, whose graph only lacks some nodes and edges.
    """
    first = _spur(adj, s, t, h, set(), set())
    if first is None:
        return
    accepted: list[list[int]] = []
    # (cost, tie, path, step weights, index of the node where it left its parent path)
    heap: list[tuple[float, int, list[int], list[float], int]] = []
    queued: set[tuple[int, ...]] = set()
    tick = count()
    heapq.heappush(heap, (first[0], next(tick), first[1], first[2], 0))
    queued.add(tuple(first[1]))
    while heap:
        cost, _, path, weights, left_at = heapq.heappop(heap)
        queued.discard(tuple(path))
        yield cost, path
        accepted.append(path)
        ignore_nodes: set[int] = set(path[:left_at])
        ignore_edges: set[tuple[int, int]] = set()
        root_length = sum(weights[: max(0, left_at - 1)])
        # Lawler: spurs from before the point where this path left its parent give nothing new (the
        # parent's spurs there, and those of every path accepted since that shares the root, did)
        for i in range(left_at + 1, len(path)):
            if i > 1:
                root_length += weights[i - 2]
            root = path[:i]
            for p in accepted:
                if p[:i] == root:
                    ignore_edges.add((p[i - 1], p[i]))
                    ignore_edges.add((p[i], p[i - 1]))
            found = _spur(adj, root[-1], t, h, ignore_nodes, ignore_edges)
            if found is not None:
                length, spur, spur_weights = found
                candidate = root[:-1] + spur
                key = tuple(candidate)
                if key not in queued:
                    queued.add(key)
                    steps = weights[: i - 1] + spur_weights
                    heapq.heappush(heap, (root_length + length, next(tick), candidate, steps, i - 1))
            ignore_nodes.add(root[-1])


def _spur(
    adj: _Adj, src: int, t: int, h: dict[int, float], ban_nodes: set[int], ban_edges: set[tuple[int, int]]
) -> tuple[float, list[int], list[float]] | None:
    """The cheapest path from ``src`` to ``t`` inside ``h`` avoiding the banned nodes and edges (A*):
    its cost, its nodes and the weight of each step; None when there is none."""
    dist = {src: 0.0}
    came: dict[int, tuple[int, float]] = {}
    done: set[int] = set()
    heap = [(h[src], 0.0, src)]
    while heap:
        _, d, u = heapq.heappop(heap)
        if u == t:
            nodes, weights = [t], []
            while u != src:
                u, w = came[u]
                nodes.append(u)
                weights.append(w)
            nodes.reverse()
            weights.reverse()
            return d, nodes, weights
        if u in done:
            continue
        done.add(u)
        for v, w in adj[u]:
            hv = h.get(v)
            if hv is None or v in done or v in ban_nodes or (u, v) in ban_edges:
                continue
            nd = d + w
            if nd < dist.get(v, math.inf):
                dist[v] = nd
                came[v] = (u, w)
                heapq.heappush(heap, (nd + hv, nd, v))
    return None


def _variant(ix: PathIndex, nodes: list[int], accepted: list[list[int]]) -> bool:
    """True when ``nodes`` is an accepted path again: the same places through other seats, or plus a detour.

    Places are the intermediate nodes other than posts and persons (which seat carries the link does not
    make another route).
    """
    if len(nodes) <= 2:
        return False
    mine = _places(ix, nodes)
    for p in accepted:
        if len(p) <= 2:
            continue
        theirs = _places(ix, p)
        if theirs == mine or (theirs and theirs <= mine):
            return True
    return False


def _places(ix: PathIndex, nodes: list[int]) -> frozenset[int]:
    return frozenset(n for n in nodes[1:-1] if ix.place[n])


def _sideways(ix: PathIndex, nodes: list[int]) -> bool:
    """The path enters and leaves some channel or topic by the same relation."""
    sides = ix.sides
    for x, n, y in zip(nodes, nodes[1:], nodes[2:], strict=False):
        here = sides.get((x, n))
        if here is not None and here == sides[y, n]:
            return True
    return False


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
