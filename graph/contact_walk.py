"""Steps from an asker through the structure: a breadth-first walk over int ids, one level at a time and
only as far as a question reads, shared between askers where it can be.

Answers of equal rank are ordered by steps from the asker, and the answers shown explain themselves by
a shortest path. At national scale a walk meets most of the structure (the answers lie 5–11 steps
away), so walks are kept per view and shared: an asker with a single link into the structure (a school
that is only part of its municipality, as half of all askers are) walks exactly as that neighbour does,
one step later, with the same paths behind the first step.

Paths are those ``networkx.single_source_shortest_path`` gives: levels in order, neighbours in adjacency
order, the first discovery wins (tested against networkx).
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, TypeVar

from graph.contact_index import StructureIndex, structure_index
from graph.view import View

__all__ = ["Steps", "prepare_walks", "steps_from"]

K = TypeVar("K", bound=tuple[Any, ...])  # an entry's order among its ties
T = TypeVar("T")
_WALKS_KEPT = 32  # walks a date's view keeps besides the prepared ones (a national walk in progress: ~85 KB)
#: Kinds whose walks are worth preparing when other askers hang from them (a municipality or department
#: for its schools and offices, a forum for its secretariat): ~530 walks, ~8 MB at national scale (with
#: the ``_OWN_KINDS`` walks 847, ~13 MB).
_HUB_KINDS = frozenset({"organisation", "unit", "forum", "partnership", "collaboration", "cluster"})
_OWN_KINDS = frozenset({"organisation", "unit"})  # askers that, linked to several bodies, get a walk of their own


class _Walk:
    """A lazy breadth-first walk from one node; advanced under a lock (server threads share it)."""

    def __init__(self, s: StructureIndex, start: int) -> None:
        n = len(s.ids)
        self._adj = s.adj
        # plain lists: reading an int back from an ``array`` makes a new object, and a walk reads ~20k
        self.pred = [-2] * n  # -2 not met yet, -1 the start
        self.depth = [-1] * n
        self.pred[start], self.depth[start] = -1, 0
        self._level = [start]
        self.walked = 0  # every node this many steps away (or fewer) is known
        self._lock = threading.Lock()

    def at(self, i: int) -> int:
        """Steps to node ``i`` (-1: not met yet)."""
        return self.depth[i]

    def depths(self, nodes: list[int]) -> list[int]:
        """Steps to each of ``nodes`` (-1: not met yet)."""
        depth = self.depth
        return [depth[i] for i in nodes]

    def reach(self, depth: int) -> bool:
        """Walk until every node ``depth`` steps away is known; False when nothing lies that far."""
        if depth > self.walked and self._level:
            with self._lock:
                while self._level and self.walked < depth:
                    self._one_level()
        return depth <= self.walked

    def _one_level(self) -> None:
        adj, pred, depth = self._adj, self.pred, self.depth
        below = self.walked + 1
        found: list[int] = []
        for node in self._level:
            for nb in adj[node]:
                if pred[nb] == -2:
                    pred[nb] = node
                    depth[nb] = below
                    found.append(nb)
        self._level = found
        if found:
            self.walked = below


class _Done(_Walk):
    """A finished walk kept compactly (steps as bytes, predecessors as short ints: ~16 KB nationally)."""

    def __init__(self, s: StructureIndex, start: int) -> None:
        super().__init__(s, start)
        super().reach(len(s.ids))
        self.pred = array("h" if len(self.pred) < 2**15 else "i", self.pred)  # type: ignore[assignment]
        # 0: never met (``map`` in C: this is made for ~850 walks nationally)
        fits = max(self.depth, default=0) < 254
        self._steps = bytes(map((1).__add__, self.depth) if fits else (min(d + 1, 255) for d in self.depth))
        self.depth = []

    def at(self, i: int) -> int:
        return self._steps[i] - 1

    def depths(self, nodes: list[int]) -> list[int]:
        steps = self._steps
        return [steps[i] - 1 for i in nodes]


class Steps:
    """Steps from one asker: its own walk, or, when all its links but one end at a leaf, the walk of that
    one neighbour one step later (its leaves one step away)."""

    def __init__(self, s: StructureIndex, start: int, walk: _Walk | None, lead: int) -> None:
        self._s, self._start, self._walk, self._lead = s, start, walk, lead
        self._leaves = frozenset(n for n in s.adj[start] if len(s.adj[n]) == 1) if lead else frozenset()
        self._part = s.part[start] if start >= 0 else -1

    def reachable(self, who: str) -> bool:
        """``who`` lies in the asker's connected part of the structure (a walk would meet it)."""
        i = self._s.index.get(who, -1)
        return i >= 0 and self._s.part[i] == self._part

    def reach(self, depth: int) -> bool:
        """Walk until every node ``depth`` steps away is known; False when nothing lies that far."""
        if self._walk is None:
            return False
        return depth <= 0 or self._walk.reach(depth - self._lead)

    def depth_of(self, who: str) -> int | None:
        """Steps to ``who`` if the walk has met it yet (see ``reach``)."""
        i = self._s.index.get(who, -1)
        if i < 0 or self._walk is None:
            return None
        if i == self._start:
            return 0
        if i in self._leaves:
            return 1
        d = self._walk.at(i)
        return d + self._lead if d >= 0 else None

    def node(self, who: str) -> int:
        """The structure's int id of ``who`` (-1: not in the structure)."""
        return self._s.index.get(who, -1)

    def nearest_first(self, entries: list[tuple[K, int, T]]) -> Iterator[tuple[T, int]]:
        """The items of ``entries`` ``(order, node, item)`` by (steps to the node, order), with their steps,
        walking out one level per step as they are read: the entries first met at depth d come before those at
        d + 1, so the walk stops as soon as the reader has enough; those not connected come last (99)."""
        part, mine = self._s.part, self._part
        left: list[tuple[K, int, T]] = []
        never: list[tuple[K, int, T]] = []
        for e in entries:
            i = e[1]
            (left if i >= 0 and part[i] == mine else never).append(e)
        met: dict[int, list[tuple[K, int, T]]] = {}
        depth = 0
        while left or met:
            if left and self.reach(depth):
                still: list[tuple[K, int, T]] = []
                for e, d in zip(left, self._depths([e[1] for e in left]), strict=True):
                    (still if d < 0 else met.setdefault(d, [])).append(e)
                left = still
            elif left:  # the walk ended without meeting them
                never += left
                left = []
            for e in sorted(met.pop(depth, ()), key=_order):
                yield e[2], depth
            depth += 1
        for e in sorted(never, key=_order):
            yield e[2], 99

    def _depths(self, nodes: list[int]) -> list[int]:
        """``depth_of`` for many nodes at once (-1: not met yet)."""
        assert self._walk is not None  # only reachable nodes are asked about: the asker has a walk
        start, leaves, lead = self._start, self._leaves, self._lead
        return [
            0 if i == start else 1 if i in leaves else d + lead if d >= 0 else -1
            for i, d in zip(nodes, self._walk.depths(nodes), strict=True)
        ]

    def distance(self, who: str) -> int:
        """Steps to ``who`` (99: not connected)."""
        if not self.reachable(who):
            return 99
        depth = 0
        while (d := self.depth_of(who)) is None:
            if not self.reach(depth):
                return 99
            depth += 1
        return d

    def path(self, who: str) -> list[str]:
        """A shortest way asker → … → ``who`` ([] when not connected)."""
        if self.distance(who) == 99 or self._walk is None:
            return []
        ids, pred, out = self._s.ids, self._walk.pred, []
        i = self._s.index[who]
        if i in self._leaves:
            return [ids[self._start], who]
        while i >= 0 and i != self._start:
            out.append(ids[i])
            i = pred[i]
        out.append(ids[self._start])
        return out[::-1]


def _order(e: tuple[K, int, object]) -> K:
    return e[0]


def steps_from(v: View, asker: str) -> Steps:
    """The steps from ``asker`` on this view, sharing a kept walk where one fits."""
    s = structure_index(v)
    start = s.index.get(asker, -1)
    if start < 0:
        return Steps(s, -1, None, 0)
    inner = [n for n in s.adj[start] if len(s.adj[n]) > 1]
    from_, lead = (inner[0], 1) if len(inner) == 1 else (start, 0)
    return Steps(s, start, _walk(v, s, from_), lead)


def prepare_walks(v: View) -> int:
    """Walk in full, once per view, from each organisation, unit or forum that other nodes hang from
    (their one link that is not a leaf), so they and it share a finished walk, and from each organisation
    and unit that hangs from none (linked to two or more bodies: it walks its own way); returns how many.

    A question from an asker whose walk is not prepared walks on its own (~0.6 ms on the national
    file, most of such a question); these ~320 more walks nationally cost ~5 MB per date and ~0.1-0.3 s
    of ``prepare`` (a finished walk's steps are now made in C, which paid for most of them)."""
    s = structure_index(v)

    def build() -> dict[int, _Walk]:
        starts = set()
        for i, nbrs in enumerate(s.adj):
            inner = [n for n in nbrs if len(s.adj[n]) > 1]
            if len(inner) == 1 and (v.kind(s.ids[inner[0]]) in _HUB_KINDS or v.kind(s.ids[i]) in _OWN_KINDS):
                starts.add(inner[0])
            elif len(inner) != 1 and v.kind(s.ids[i]) in _OWN_KINDS:
                starts.add(i)
        return {h: _Done(s, h) for h in sorted(starts)}

    return len(v.cached("contact-walks-prepared", build))


def _walk(v: View, s: StructureIndex, start: int) -> _Walk:
    ready: dict[int, _Walk] = v.cached("contact-walks-prepared", dict)
    if start in ready:
        return ready[start]
    kept: OrderedDict[int, _Walk] = v.cached("contact-walks", OrderedDict)
    hit = kept.get(start)
    if hit is None:
        hit = kept[start] = _Walk(s, start)
        while len(kept) > _WALKS_KEPT:
            kept.popitem(last=False)
    return hit
