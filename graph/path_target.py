"""Exact distances to a path question's target, for the corridor and the spur searches of ``graph.path_search``.

One A* search from the target towards the start, over the 2-core and the two ends' tails only, guided by
the exact distance to the start wherever the graph's regions give it (``graph.path_regions``: every node
outside the start's region) and by landmark lower bounds (``graph.path_index``) inside that region. It
settles the junctions of the core and jumps over the chains of two-neighbour nodes between them with the
index's jump table (a chain with an end or its tail inside is walked instead: the walk stops there); the
distance of a chain node is read off its chain's ends when the corridor asks for it.

With landmark bounds alone this search was about 64 % of a question (588 national pairs, line events) and
settled about ten times the corridor's nodes (the slowest questions: 1,000–1,300 of the core's 2,837
junctions for a corridor of 100–200 nodes): landmarks are weak beside a hub. Measured then and not worth
it: all 96 landmarks at once (a third fewer settled, at 24× the cost per bound), a forward ball from ``s``
as a second bound (−16 % settled at best), searching from the end a cheap probe picks (−15 % settled on
average, the slowest −6 %), and cutting to the blocks between the two ends (the core is one biconnected
block). The regions' exact distances settle p50 18 and p99 81 nodes per question instead of 125 and 1,325.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from operator import sub
from typing import cast

from graph.path_gates import distance_to
from graph.path_index import Chains, Jump, PathIndex
from graph.path_regions import Regions, toward

__all__ = ["EPS", "GateTarget", "ToTarget"]

EPS = 1e-9


class ToTarget:
    """Exact distances to ``t`` (avoiding ``blocked``) of every node that may lie on a route from ``s``
    within a limit, grown on demand.

    The A* settles nodes in order of distance-so-far plus a lower bound on the distance left (landmarks,
    when the search avoids every topic; else 0, a plain Dijkstra), finds the cheapest cost at ``s``, then
    goes on while that sum stays within the limit (``grow`` goes on from where it stopped). A node on a
    cheapest path from ``t`` to a settled node is settled first, so every kept distance is exact.

    Only what a call may pop goes on the heap: a node queued past the call's limit (before ``best`` is
    known: past a walk through a landmark) waits in a list for the call whose limit holds it. The nodes
    popped, and their order, are those of one heap; measured on 588 national pairs, one process,
    interleaved: search p50 −18 %, with the four differences of the bound compared inline −27 %.
    """

    def __init__(self, ix: PathIndex, s: int, t: int, blocked: frozenset[int], slack: float = math.inf) -> None:
        """``slack``: no ``grow`` will pass the cheapest cost plus this (nothing beyond it is queued)."""
        n = len(ix.ids)
        self.slack = slack
        free = len(blocked) == len(ix.topic)  # the search avoids every topic (what the index's extras know)
        self.ix, self.s, self.free = ix, s, free
        self.chain: Chains = {}
        self.stop: frozenset[int] = frozenset()
        self.broken: frozenset[int] = frozenset()
        if free:  # off the 2-core only the two ends' tails can be on a simple path (``PathIndex.tail``)
            self.skip = bytearray(ix.off_core)
            tails = ix.tail(s) + ix.tail(t)
            for x in tails:
                self.skip[x] = 0
            # the ends, their tails and where those join the core are not chains
            self.chain, self.stop = ix.chain, frozenset(tails)
            self.broken = frozenset(ix.chain_id[x] for x in self.stop) - {-1}  # chains walked, not jumped
        else:
            self.skip = bytearray(n)
            for x in blocked:
                self.skip[x] = 1
        # landmark bounds from s (nodes outside the landmarks' component get inf: s cannot reach them)
        self.marks = [(ix.rows[i], ix.rows[i][s]) for i in ix.active(s, t)] if free and ix.comp[s] == ix.big else []
        # exact distances to s outside s's region, its region's exits as more landmarks inside (``graph.path_regions``)
        self.exact: Callable[[int], float] | None = None
        self.home, self.doors = -1, cast(tuple[float, ...], ())
        if self.marks and ix.regions is not None:
            self.exact, self.home, self.doors = toward(ix.regions, s)
        # crossing topics from a start only topics reach: its exact distance is the bound (``graph.path_gates``)
        self.toward_s = distance_to(ix.gated, s) if not blocked and ix.gated.gated(s) else None
        self.bound = [-1.0] * n
        self.dist = [math.inf] * n
        self.dist[t] = 0.0
        self.done: dict[int, float] = {}  # settled: node → exact distance to t
        self.memo: dict[int, float | None] = {}  # chain nodes looked up since the last ``grow``
        self.heap = [(self._bound(t), 0.0, t)]
        self.later: list[tuple[float, float, int]] = []  # queued past the current limit (see ``grow``)
        # the cheapest cost is at most a walk through a landmark: nothing dearer is popped before ``best``
        self.upper = min((row[s] + row[t] for row in ix.rows), default=math.inf) if self.marks else math.inf
        if self.exact is not None and self._outside(t):  # … and exactly d(s, t) when t is outside s's region
            self.upper = min(self.upper, self.exact(t))
        self.best: float | None = None
        if free and ix.comp[s] != ix.comp[t]:
            self.heap = []
        self.grow(math.inf)

    def to_t(self, v: int) -> float | None:
        """The distance to ``t`` of a settled node, or of a chain node through a settled end of its chain
        (the least over both ends, summed from that end as a walk from it would); None for any other.

        A chain node on a near-cheapest route has both ends' best side settled, so its distance is exact;
        any other may be too high, which keeps it out of the corridor, where it does not belong anyway."""
        d = self.done.get(v)
        chain, stop = self.chain, self.stop
        if d is not None or v not in chain or v in stop:
            return d
        memo = self.memo
        if v in memo:
            return memo[v]
        done = self.done
        best: float | None = None
        for x, w in chain[v]:
            steps, prev = [w], v
            while x in chain and x not in stop and x != v:
                (a, wa), (b, wb) = chain[x]
                prev, x, w = (x, b, wb) if a == prev else (x, a, wa)
                steps.append(w)
            end = done.get(x)
            if end is not None:
                for w in reversed(steps):
                    end += w
                if best is None or end < best:
                    best = end
        memo[v] = best
        return best

    def corridor(self, limit: float) -> dict[int, float]:
        """The nodes on some route from ``s`` costing at most ``limit``, each with its distance to the target
        (after ``grow(limit)``).

        A search from ``s`` that only enters nodes whose distance so far plus their distance to the target
        stays within ``limit``. From a junction it reads a chain's first node's distance off the jump table
        (the same sums as ``to_t``).
        """
        ix, s, done, chain, stop, broken = self.ix, self.s, self.done, self.chain, self.stop, self.broken
        adj, jump, to_t = ix.adj, ix.jump if self.free else (), self.to_t
        pop, push = heapq.heappop, heapq.heappush
        limit += EPS
        best = {s: 0.0}
        heap = [(0.0, s)]
        inside: dict[int, float] = {}
        # each queued node's distance to the target, as ``to_t`` gives it (kept from its entry, not asked again)
        to_target: dict[int, float] = {s: to_t(s)}  # type: ignore[dict-item]  # s has a distance (best is set)
        while heap:
            d, u = pop(heap)
            if u in inside:
                continue
            inside[u] = to_target[u]
            edges: Sequence[Jump] = jump[u] if jump and u not in stop else ()
            if not edges:
                edges = [(v, w, (), -2, v) for v, w in adj[u]]
            for v, w, rest, c, first in edges:
                if c == -1:  # a core neighbour outside chains
                    r = done.get(v)
                    if r is None:
                        continue
                elif c < -1 or c in broken:
                    v = first
                    r = done.get(v)
                    if r is None:
                        if v not in chain:
                            continue
                        r = to_t(v)
                        if r is None:
                            continue
                else:  # a chain's first node: through this junction or from the far end ``v``
                    r = done[u] + w
                    far = done.get(v)
                    v = first
                    if far is not None:
                        for x in reversed(rest):
                            far += x
                        if far < r:
                            r = far
                nd = d + w
                if nd + r <= limit and nd < best.get(v, math.inf):
                    best[v] = nd
                    to_target[v] = r
                    push(heap, (nd, v))
        return inside

    def _outside(self, v: int) -> bool:
        """``v`` is a separator or in another region than ``s`` (its bound is the exact distance)."""
        r = self.ix.regions.region[v]  # type: ignore[union-attr]  # only asked when the regions are there
        return r < 0 or r != self.home

    def _bound(self, v: int) -> float:
        if self.toward_s is not None:
            return self.toward_s(v)
        if self.exact is not None and self._outside(v):
            return self.exact(v)
        return max(self._landmarks(v), self._doors(v))

    def _landmarks(self, v: int) -> float:
        return max((abs(row[v] - at_s) for row, at_s in self.marks), default=0.0)

    def _doors(self, v: int) -> float:
        """The exits of ``s``'s region as landmarks, for a node inside it."""
        if not self.doors:
            return 0.0
        rg = cast(Regions, self.ix.regions)  # doors come from the regions
        near, at = rg.near, rg.start[v]
        return max(map(abs, map(sub, near[at : at + len(self.doors)], self.doors)))

    def grow(self, limit: float) -> None:
        """Settle every node whose distance to ``t`` plus its lower bound from ``s`` is within ``limit``
        (the first call stops at ``s``: then ``best`` is the cheapest cost)."""
        ix, s, skip, chain, stop, broken = self.ix, self.s, self.skip, self.chain, self.stop, self.broken
        adj, jump = ix.adj, ix.jump if self.free else ()
        bound, dist, done, heap = self.bound, self.dist, self.done, self.heap
        pop, push = heapq.heappop, heapq.heappush
        self.memo = {}
        four = len(self.marks) == 4  # the usual case, written out below (no call per node)
        (r1, a1), (r2, a2), (r3, a3), (r4, a4) = self.marks if four else [(bound, 0.0)] * 4
        lower = self._bound
        exact, home, doors = self.exact, self.home, self.doors
        region = ix.regions.region if ix.regions is not None else ()
        limit += EPS
        if self.best is not None:
            cap, hold = self.best + self.slack + EPS, limit  # the widest limit, this call's
        else:
            cap, hold = self.upper + self.slack + EPS, min(limit, self.upper + EPS)
        # what an earlier call put aside: the heap gets only what this call may pop (pushes are the cost)
        if self.later:
            keep = []
            for e in self.later:
                if e[0] <= hold:
                    push(heap, e)
                else:
                    keep.append(e)
            self.later = keep
        later = self.later
        while heap:
            if heap[0][0] > limit:
                return
            _, d, u = pop(heap)
            if skip[u]:  # settled before (a node is only ever pushed while not skipped)
                continue
            skip[u] = 2
            done[u] = d
            edges: Sequence[Jump] = jump[u] if jump and u not in stop else ()
            if not edges:  # an end's tail, a chain node or a topic search: every neighbour, walking chains
                edges = [(v, w, (), -2, v) for v, w in adj[u]]
            for v, w, rest, c, first in edges:
                if c == -1:  # a core neighbour outside chains (the most common entry: checked first)
                    if skip[v]:
                        continue
                    nd = d + w
                elif c < -1 or c in broken:
                    v = first
                    if skip[v]:
                        continue
                    nd = d + w
                    if v in chain and v not in stop:  # to the chain's far end (or the stop in it)
                        prev = u
                        while True:
                            (a, wa), (b, wb) = chain[v]
                            prev, v, nd = (v, b, nd + wb) if a == prev else (v, a, nd + wa)
                            if skip[v] or v not in chain or v in stop:
                                break
                        if skip[v]:
                            continue
                else:  # a whole chain at once
                    if skip[v]:
                        continue
                    nd = d + w
                    for x in rest:
                        nd += x
                if nd < dist[v]:
                    dist[v] = nd
                    lb = bound[v]
                    if lb < 0.0:
                        if exact is not None and ((r := region[v]) < 0 or r != home):
                            lb = exact(v)  # outside s's region: the exact distance
                        elif four and not doors:  # the largest of four differences, without a call per node
                            lb = r1[v] - a1
                            if lb < 0.0:
                                lb = -lb
                            x = r2[v] - a2
                            if x < 0.0:
                                x = -x
                            if x > lb:
                                lb = x
                            x = r3[v] - a3
                            if x < 0.0:
                                x = -x
                            if x > lb:
                                lb = x
                            x = r4[v] - a4
                            if x < 0.0:
                                x = -x
                            if x > lb:
                                lb = x
                        else:
                            lb = lower(v)
                        bound[v] = lb
                    if nd + lb <= hold:
                        push(heap, (nd + lb, nd, v))
                    elif nd + lb <= cap:
                        later.append((nd + lb, nd, v))
            if u == s and self.best is None:
                self.best = d
                return


class GateTarget:
    """``graph.path_target.ToTarget`` for a target in a gated component: the distances are read off the
    gate rows (``distance_to``), so nothing is searched before the corridor."""

    def __init__(self, ix: PathIndex, s: int, t: int) -> None:
        self.adj, self.s = ix.adj, s
        self.to_t = distance_to(ix.gated, t)
        best = self.to_t(s)
        self.best: float | None = best if best < math.inf else None

    def grow(self, limit: float) -> None:
        """Nothing to grow: every distance is known."""

    def corridor(self, limit: float) -> dict[int, float]:
        """The nodes on some route from ``s`` costing at most ``limit``, each with its distance to the target."""
        adj, s, to_t = self.adj, self.s, self.to_t
        pop, push = heapq.heappop, heapq.heappush
        limit += EPS
        known: dict[int, float] = {}
        best = {s: 0.0}
        heap = [(0.0, s)]
        inside: dict[int, float] = {}
        while heap:
            d, u = pop(heap)
            if u in inside:
                continue
            inside[u] = known[u] if u in known else to_t(u)
            for v, w in adj[u]:
                r = known.get(v)
                if r is None:
                    r = known[v] = to_t(v)
                nd = d + w
                if nd + r <= limit and nd < best.get(v, math.inf):
                    best[v] = nd
                    push(heap, (nd, v))
        return inside
