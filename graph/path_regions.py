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
(``near``): one Dijkstra per separator when the index is built. Inside the start's own region the landmark
bound stays, with that region's exits as extra landmarks: the heuristic is then consistent across the
region's border too (at an edge from the region to an exit ``e``, ``d(e, s) - d(e, u) >= d(e, s) - w``),
so every distance the search settles is still exact.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Sequence

from graph.path_gates import dijkstra

__all__ = ["REGION_CELLS", "SEPARATOR_DEGREE", "Regions", "fits", "toward"]

#: More neighbours (without topics) than this make a separator. Measured on 588 national pairs, one process,
#: interleaved, the same answers: search p50 / p99 −23 % / −42 % against the landmarks alone (settled nodes
#: per question p50 125 → 20); 10: −18 % / −35 %; 12: −11 % / −31 % (regions of up to 1,337 nodes with 38
#: exits are left); 16: a region of 6,464 nodes is left, slower than before; 8: as 9, with more to build.
SEPARATOR_DEGREE = 9
#: At most this many cells (separators × nodes): each separator is a Dijkstra over the whole graph when the
#: index is built (Denmark: 249 × 9,892, about 2.5 s). A larger graph keeps the landmark bound alone.
REGION_CELLS = 5_000_000

_Adj = Sequence[Sequence[tuple[int, float]]]


def fits(free: _Adj, comp: Sequence[int], big: int) -> bool:
    """The separators' rows are worth building: at most ``REGION_CELLS`` cells."""
    separators = sum(1 for i, a in enumerate(free) if comp[i] == big and len(a) > SEPARATOR_DEGREE)
    return separators * len(free) <= REGION_CELLS


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
        beside: list[list[tuple[int, int]]] = [[] for _ in seps]  # separator → (region, its place among the exits)
        for r, ex in enumerate(exits):
            for place, k in enumerate(ex):
                beside[k].append((r, place))
        between = []
        for k, e in enumerate(seps):
            row = dijkstra(free, e)
            between.append(array("d", (row[f] for f in seps)))
            for r, place in beside[k]:
                for v in members[r]:
                    near[start[v] + place] = row[v]
        self.separators, self.sep_of, self.region, self.exits = tuple(seps), sep_of, region, tuple(exits)
        self.start, self.near, self.between = start, near, tuple(between)
        self.first, self.via, self.via_d = _direct(exits, members, start, near, self.between, n)


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
