"""Exact distances to a path question's start for most of the graph: its hubs cut it into small regions.

Why: the A* from the target (``graph.path_target``) was guided by landmark lower bounds alone, and those are
weak beside a hub: an organisation that hangs off a national forum looks, to every landmark behind the forum,
as if it lay on the way to the start. The search settled about ten times the corridor (the slowest questions
1,000–1,300 of the core's junctions for a corridor of 100–200).

The nodes with more than ``SEPARATOR_DEGREE`` neighbours (Denmark: 249 of 9,830 in the graph without
topics) are *separators*: without them the graph falls into small *regions* (2,303 of them). A
route from a node ``v`` to the start ``s`` in another region leaves ``v``'s region through one of its *exits*
(the separators next to it) and enters ``s``'s region through one of ``s``'s, so ::

    d(v, s) = min over exits e of v's region, f of s's region of  d(v, e) + d(e, f) + d(f, s)

exactly, and the A* guided by it settles only what can lie on a route within the limit. The index keeps
each separator's distance to every other (``between``) and each node's distance to its region's exits
(``near``), worked out region by region: a Dijkstra from each exit that stays inside its region, then one
per separator over the separators alone, joined by their own edges and by the least ways through the
regions (Denmark: 0.4 s; a Dijkstra per separator over the whole graph took 2.8 s). Inside the start's own
region the landmark bound stays, with that region's exits as extra landmarks: the heuristic is then
consistent across the region's border too (at an edge from the region to an exit ``e``,
``d(e, s) - d(e, u) >= d(e, s) - w``), so every distance the search settles is still exact.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Callable, Sequence

from graph.path_gates import dijkstra

__all__ = ["MAX_SEPARATORS", "SEPARATOR_DEGREE", "Regions", "fits", "toward"]

#: More neighbours (without topics) than this make a separator. Measured on 588 national pairs, one process,
#: interleaved, the same answers: search p50 / p99 −23 % / −42 % against the landmarks alone (settled nodes
#: per question p50 125 → 18, p99 1,325 → 81); 10: −18 % / −35 %; 12: −11 % / −31 % (regions of up to
#: 1,337 nodes with 38 exits are left); 16: a region of 6,464 nodes is left, slower than before; 8: as 9,
#: with more to build.
SEPARATOR_DEGREE = 9
#: At most this many separators: ``between`` holds their distances to each other (8 MB at 1,000; Denmark has
#: 249) and each costs a Dijkstra over them when the index is built. A larger graph (ten Denmarks: ~2,500)
#: keeps the landmark bound alone.
MAX_SEPARATORS = 1_000

_Adj = Sequence[Sequence[tuple[int, float]]]


def fits(free: _Adj, comp: Sequence[int], big: int) -> bool:
    """The regions are worth building: at most ``MAX_SEPARATORS`` separators."""
    return sum(1 for i, a in enumerate(free) if comp[i] == big and len(a) > SEPARATOR_DEGREE) <= MAX_SEPARATORS


class Regions:
    """Separators, regions, exits and the distances between them (see the module docstring)."""

    __slots__ = ("between", "exits", "first", "near", "region", "sep_of", "separators", "start", "via", "via_d")

    def __init__(self, free: _Adj, comp: Sequence[int], big: int) -> None:
        """``free``: the graph without topics; only ``big``, the landmarks' component, is cut into regions."""
        n = len(free)
        seps = [i for i in range(n) if comp[i] == big and len(free[i]) > SEPARATOR_DEGREE]
        sep_of = array("i", [-1]) * n
        for k, e in enumerate(seps):
            sep_of[e] = k
        region = array("i", [-1]) * n
        exits: list[tuple[int, ...]] = []
        members: list[list[int]] = []
        for first in range(n):
            if comp[first] != big or sep_of[first] >= 0 or region[first] >= 0:
                continue
            r = len(exits)
            region[first] = r
            stack, inside, doors = [first], [], set()
            while stack:
                u = stack.pop()
                inside.append(u)
                for v, _ in free[u]:
                    if sep_of[v] >= 0:
                        doors.add(sep_of[v])
                    elif region[v] < 0:
                        region[v] = r
                        stack.append(v)
            exits.append(tuple(sorted(doors)))
            members.append(sorted(inside))
        start = array("i", [0]) * (n + 1)  # node → its first entry in ``near`` (a region node has one per exit)
        at = 0
        for i in range(n):
            start[i] = at
            if region[i] >= 0:
                at += len(exits[region[i]])
        start[n] = at
        near = array("d", [math.inf]) * at
        shortcuts = _inside(free, seps, sep_of, region, exits, start, near)
        between = _between(free, seps, sep_of, shortcuts)
        _through(exits, members, start, near, between)
        self.separators, self.sep_of, self.region, self.exits = tuple(seps), sep_of, region, tuple(exits)
        self.start, self.near, self.between = start, near, tuple(between)
        self.first, self.via, self.via_d = _direct(exits, members, start, near, self.between, n)


def _inside(
    free: _Adj,
    seps: list[int],
    sep_of: array[int],
    region: array[int],
    exits: list[tuple[int, ...]],
    start: array[int],
    near: array[float],
) -> list[dict[int, float]]:
    """Distances that stay inside a region: from each exit to the region's nodes (written to ``near``) and to
    its other exits (returned: separator → other separator → the least through one region)."""
    inf = math.inf
    beside: list[dict[int, list[tuple[int, float]]]] = [{} for _ in seps]  # separator → region → its edges there
    for k, e in enumerate(seps):
        for v, w in free[e]:
            if region[v] >= 0:
                beside[k].setdefault(region[v], []).append((v, w))
    shortcuts: list[dict[int, float]] = [{} for _ in seps]
    pop, push = heapq.heappop, heapq.heappush
    for r, doors in enumerate(exits):
        for place, k in enumerate(doors):
            heap = [(w, v) for v, w in beside[k][r]]
            heapq.heapify(heap)
            best: dict[int, float] = {}
            done: set[int] = set()
            out = shortcuts[k]
            while heap:
                d, u = pop(heap)
                if u in done:
                    continue
                done.add(u)
                near[start[u] + place] = d
                for v, w in free[u]:
                    nd = d + w
                    other = sep_of[v]
                    if other >= 0:
                        if other != k and nd < out.get(other, inf):
                            out[other] = nd
                    elif v not in done and nd < best.get(v, inf):
                        best[v] = nd
                        push(heap, (nd, v))
    return shortcuts


def _between(free: _Adj, seps: list[int], sep_of: array[int], shortcuts: list[dict[int, float]]) -> list[array[float]]:
    """Every separator's distance to every other: Dijkstra on the separators alone, joined by their own edges
    and by the least way through each region between two of its exits (a route between separators passes
    through regions one at a time)."""
    over: list[dict[int, float]] = [dict(cut) for cut in shortcuts]
    for k, e in enumerate(seps):
        for v, w in free[e]:
            other = sep_of[v]
            if other >= 0 and w < over[k].get(other, math.inf):
                over[k][other] = w
    adj = [tuple(sorted(o.items())) for o in over]
    return [array("d", dijkstra(adj, k)) for k in range(len(seps))]


def _through(
    exits: list[tuple[int, ...]],
    members: list[list[int]],
    start: array[int],
    near: array[float],
    between: list[array[float]],
) -> None:
    """Turn ``near``'s distances inside a region into distances over the whole graph: the least over the exits
    where a route first leaves the region."""
    for r, doors in enumerate(exits):
        k = len(doors)
        if k < 2:
            continue
        cross = [[between[a][b] for b in doors] for a in doors]
        for v in members[r]:
            at = start[v]
            local = near[at : at + k]
            for place in range(k):
                near[at + place] = min(local[q] + cross[q][place] for q in range(k))


def _direct(
    exits: list[tuple[int, ...]],
    members: list[list[int]],
    start: array[int],
    near: array[float],
    between: tuple[array[float], ...],
    n: int,
) -> tuple[array[int], array[int], array[float]]:
    """Each region node's *direct* exits, flat (node → ``first[v]:first[v + 1]`` in ``via`` and ``via_d``): an
    exit whose cheapest way from the node passes another exit adds nothing to the least over the exits, and a
    node of a large region has only a few of its region's many exits direct (the largest region: 38 exits)."""
    first = array("i", [0]) * (n + 1)
    via, via_d = array("i"), array("d")
    keep: dict[int, tuple[tuple[int, ...], tuple[float, ...]]] = {}
    for r, doors in enumerate(exits):
        cross = [[between[a][b] for b in doors] for a in doors]
        for v in members[r]:
            d = near[start[v] : start[v] + len(doors)]
            kept = [i for i in range(len(doors)) if not _behind(d, cross, i)]
            keep[v] = (tuple(doors[i] for i in kept), tuple(d[i] for i in kept))
    at = 0
    for v in range(n):
        first[v] = at
        got = keep.get(v)
        if got is not None:
            via.extend(got[0])
            via_d.extend(got[1])
            at += len(got[0])
    first[n] = at
    return first, via, via_d


def _behind(d: array[float], cross: list[list[float]], i: int) -> bool:
    """Exit ``i`` is reached at least as cheaply through another exit (``d``: the node's distances to the exits,
    ``cross``: the exits' distances to each other)."""
    return any(j != i and d[j] + cross[j][i] <= d[i] for j in range(len(d)))


def toward(rg: Regions, s: int) -> tuple[Callable[[int], float], int, tuple[float, ...]]:
    """For a search toward ``s`` (a node of the regions' component): the exact distance to ``s`` of any node
    outside ``s``'s region; that region (-1 when ``s`` is a separator); and its exits' distances to ``s``, in
    the order of ``near``, as landmarks for the nodes inside it (``doors``)."""
    between, region, exits, sep_of = rg.between, rg.region, rg.exits, rg.sep_of
    first, via, via_d = rg.first, rg.via, rg.via_d
    inf = math.inf
    home = region[s]
    if home < 0:  # s is a separator: every separator's distance to it is in ``between``
        ks = sep_of[s]
        to_s = [row[ks] for row in between]
    else:  # through the direct exit of s's region that is best for each separator
        ways = [[x + via_d[j] for x in between[via[j]]] for j in range(first[s], first[s + 1])]
        to_s = ways[0] if len(ways) == 1 else list(map(min, *ways)) if ways else []  # none: s's region is all

    def exact(v: int) -> float:
        k = sep_of[v]
        if k >= 0:
            return to_s[k]
        best = inf  # a node outside the regions' component: s cannot reach it
        for j in range(first[v], first[v + 1]):
            x = via_d[j] + to_s[via[j]]
            if x < best:
                best = x
        return best

    return exact, home, tuple(to_s[f] for f in exits[home]) if home >= 0 else ()
