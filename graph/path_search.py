"""Searching the path graph: the cheapest route and the next best *different* alternatives.

Yen's algorithm runs on the corridor of routes at most ``_SLACK`` dearer than the cheapest, typically a few
hundred nodes of a national graph. At most 20 candidates and ``TIME_BUDGET_S`` for the alternatives (then
``truncated``); the cheapest path is always returned.

Why it is fast (a new question on the national structure: search p50 about 1.2 ms, p99 4–5 ms, 588 pairs,
Dec 2026): everything runs on the integer index of ``graph.path_index`` (built once per view), never on
networkx. The distances to the target come from one A* search from the target (``graph.path_target``),
guided by exact distances to the start outside its region (``graph.path_regions``) and landmark lower bounds
inside it, that stops at the corridor's edge instead of covering the nation; every spur search of Yen is then an A*
guided by those exact distances, so it walks almost straight to the target. When nothing but topics links
the two (the fallback below) and an end is an entity only topics reach, its exact distances are read off
the rows of the topics it handles (``graph.path_gates``): without them, a search that may cross topics
settled most of the nation (20–50 ms). The answers are those of Yen's algorithm on the corridor; where
several routes cost exactly the same, the one with the smaller node ids is found first (networkx's order
among ties followed the process's string hashing).

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
from graph.path_target import GateTarget
from graph.path_target import ToTarget as _ToTarget

__all__ = ["TIME_BUDGET_S", "search", "side", "sideways"]

TIME_BUDGET_S = 1.0
_MAX_CANDIDATES = 20
#: How much dearer (in weight) than the cheapest path an alternative may be: bounds the corridor.
_SLACK = 6.0
#: The corridor's slack in stages, the last the full ``_SLACK`` (see ``_yen``).
#: Few and wide: every stage runs Yen again, and on a tree-like graph a narrow corridor's candidates often
#: run out before ``k`` routes (then the next stage runs). Measured on 188 + 400 national pairs: search
#: CPU p50 1.4–1.6 ms against 2.7–2.9 ms for (0.5, 0.75, 1.0, …, 5.0, 6.0) with a jump to the full slack
#: when the candidates ran out; the same answers.
_STAGES = (1.0, 2.0, 4.0, _SLACK)
#: A corridor widened for a candidate that passed the last one's limit holds this much more: measured on
#: 588 national pairs, one process, interleaved, the same answers: search p50 −15–23 % against widening to
#: the next stage that holds it (0, 0.5 and 1.0 all alike; 0.5 a little ahead).
_PAST = 0.5


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
    a wider corridor runs: the next stage when the candidates ran out, else one just wide enough for the
    candidate that passed plus ``_PAST`` (capped at ``_SLACK``).
    """
    # a target only topics reach: its distances are read off its gates (``graph.path_gates``)
    to_dst = GateTarget(ix, s, t) if not blocked and ix.gated.gated(t) else _ToTarget(ix, s, t, blocked, _SLACK)
    if to_dst.best is None:
        return [], False
    return _stages(ix, s, t, k, to_dst)


def _stages(ix: PathIndex, s: int, t: int, k: int, to_dst: _ToTarget | GateTarget) -> tuple[list[list[int]], bool]:
    """Yen in corridors of growing slack (see ``_yen``) with the distances to ``t`` grown on demand."""
    assert to_dst.best is not None
    start = time.monotonic()
    slack = _STAGES[0]
    while True:
        limit = to_dst.best + slack
        to_dst.grow(limit)
        h = to_dst.corridor(limit)
        if t not in h:  # only if rounding left an end outside the corridor
            return [], False
        last = slack == _SLACK
        routes: list[list[int]] = []
        alike: list[list[int]] = []
        beyond = math.inf  # the first candidate past this corridor's limit (inf: the candidates ran out)
        for n, (cost, nodes) in enumerate(_simple_paths(ix, s, t, h), 1):
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
        # the next stage, or a corridor that holds that candidate (any wider corridor gives the same answer)
        need = beyond - to_dst.best
        slack = min(_SLACK, need + _PAST) if need != math.inf else next(x for x in _STAGES if x > slack)


def _simple_paths(ix: PathIndex, s: int, t: int, h: dict[int, float]) -> Iterator[tuple[float, list[int]]]:
    """Simple paths from ``s`` to ``t`` through the nodes of ``h``, cheapest first, with their costs (Yen).

    ``h`` holds each node's exact distance to ``t`` in the whole corridor: a consistent A* heuristic for
    every spur search, whose graph only lacks some nodes and edges. The spur searches read a copy of the
    adjacency cut to the corridor, each neighbour with its distance (a hub has hundreds of neighbours
    outside it).
    """
    order = sorted(h)
    inner = {u: _inside(ix, u, h, order) for u in h}
    first = _spur(inner, s, t, h, set(), set())
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
        root_length = sum(weights[: max(0, left_at - 1)])
        # Lawler: spurs from before the point where this path left its parent give nothing new (the
        # parent's spurs there, and those of every path accepted since that shares the root, did)
        for i in range(left_at + 1, len(path)):
            if i > 1:
                root_length += weights[i - 2]
            root = path[:i]
            # Yen bans the next step of every accepted path with this root; the steps banned at earlier
            # roots all touch a banned node, so only those from the spur node are left to check
            hops = {p[i] for p in accepted if p[:i] == root}
            found = _spur(inner, root[-1], t, h, ignore_nodes, hops)
            if found is not None:
                length, spur, spur_weights = found
                candidate = root[:-1] + spur
                key = tuple(candidate)
                if key not in queued:
                    queued.add(key)
                    steps = weights[: i - 1] + spur_weights
                    heapq.heappush(heap, (root_length + length, next(tick), candidate, steps, i - 1))
            ignore_nodes.add(root[-1])


def _inside(ix: PathIndex, u: int, h: dict[int, float], order: list[int]) -> tuple[tuple[int, float, float], ...]:
    """``u``'s neighbours inside the corridor ``h``, in id order, each with its weight and distance to the
    target; a hub's are looked up from the corridor's side (a corridor holds tens of nodes, a hub hundreds
    of neighbours). ``order``: the corridor's nodes in id order."""
    nbrs = ix.hubs.get(u)
    if nbrs is not None and len(h) < len(nbrs):
        return tuple((v, nbrs[v], h[v]) for v in order if v in nbrs)
    return tuple((v, w, h[v]) for v, w in ix.adj[u] if v in h)


def _spur(
    inner: dict[int, tuple[tuple[int, float, float], ...]],
    src: int,
    t: int,
    h: dict[int, float],
    ban_nodes: set[int],
    ban_hops: set[int],
) -> tuple[float, list[int], list[float]] | None:
    """The cheapest path from ``src`` to ``t`` inside ``h`` avoiding the banned nodes and the steps from
    ``src`` to the ``ban_hops`` (A*): its cost, its nodes and the weight of each step; None when there is
    none."""
    pop, push, inf = heapq.heappop, heapq.heappush, math.inf
    dist = {src: 0.0}
    came: dict[int, tuple[int, float]] = {}
    done = set(ban_nodes)  # banned nodes are never entered: as if settled
    done.add(src)
    heap: list[tuple[float, float, int]] = []
    for v, w, hv in inner[src]:
        if v not in done and v not in ban_hops:
            dist[v] = w
            came[v] = (src, w)
            push(heap, (w + hv, w, v))
    while heap:
        _, d, u = pop(heap)
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
        for v, w, hv in inner[u]:
            if v in done:
                continue
            nd = d + w
            if nd < dist.get(v, inf):
                dist[v] = nd
                came[v] = (u, w)
                push(heap, (nd + hv, nd, v))
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
    sides, n_ids = ix.sides, len(ix.ids)
    for x, n, y in zip(nodes, nodes[1:], nodes[2:], strict=False):
        here = sides.get(x * n_ids + n)
        if here is not None and here == sides[y * n_ids + n]:
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
