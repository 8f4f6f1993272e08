"""The path graph as plain integers, built once per (view, relation groups), so a new path question is a
few small searches and never touches networkx.

Why: a new question on the national structure spent two thirds of its time in networkx's Dijkstra over
dicts of dicts with a weight function per edge. Here every node is an int (ids sorted, so answers never
depend on load order), each node's neighbours a tuple of ``(neighbour, weight)`` pairs in id order, and
the topics (never crossed, see ``graph.path_search``) are flags.

Landmarks (ALT lower bounds): exact distances from ``LANDMARKS`` far-apart nodes over the graph without
topics. For any two nodes ``|d(L, a) - d(L, b)| <= d(a, b)`` (triangle inequality), so the largest such
difference is a lower bound that lets a search skip everything that cannot lie on a near-cheapest route.
A graph of organisations is tree-like, so a landmark bounds well only what lies behind it: there are many,
and each search uses the few that suit its two ends (``active``). Built with the index (one Dijkstra per
landmark); valid only for searches that avoid every topic. The default relation groups' index is also cut
into regions (``graph.path_regions``), whose exact distances leave the landmarks only the start's region.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from graph.path_gates import Gated, dijkstra
from graph.path_regions import Regions, fits

__all__ = ["FEW_LANDMARKS", "LANDMARKS", "REGION_LANDMARKS", "Chains", "Jump", "PathIndex", "build_index"]

#: How many landmarks: each costs one Dijkstra when the index is built (about 10 ms at national scale) and
#: 80 KB. The default relation groups get many (every path question of the date); a narrower choice a few.
#: Measured on 588 national pairs, one process, interleaved: 96 settle a quarter fewer nodes than 48 (291 vs
#: 390 per question), search p50 13–15 % lower, the same answers; 128 gain nothing more.
LANDMARKS, FEW_LANDMARKS = 96, 8
#: … and when the graph is cut into regions (``graph.path_regions``), whose exact distances leave the landmarks
#: only the start's own region to bound: 16 (measured as above: 8, 16 and 32 alike, 96 no better).
REGION_LANDMARKS = 16
#: At most this many landmark cells (landmarks × nodes, 8 bytes each): a graph ten times Denmark's gets ~50
#: landmarks (40 MB, as many as before), not 96 (80 MB and twice the build).
LANDMARK_CELLS = 5_000_000
#: More neighbours than this make a hub (``PathIndex.hubs``).
HUB = 64
#: Landmarks a search uses: the first ``_BASE`` (the farthest apart), the ``_NEAR`` nearest its start and
#: the ``_APART`` that bound its two ends best.
_BASE, _NEAR, _APART = 0, 2, 2

#: One entry of ``PathIndex.jump`` (see there).
Jump = tuple[int, float, tuple[float, ...], int, int]
#: ``PathIndex.chain``: a chain node → its two neighbours with the weights to them.
Chains = dict[int, tuple[tuple[int, float], tuple[int, float]]]


@dataclass(frozen=True, slots=True, eq=False)
class PathIndex:
    """One path graph as integers (see the module docstring); holds ids and numbers only, never the model."""

    ids: tuple[str, ...]  # int → node id
    at: dict[str, int]  # node id → int
    adj: tuple[tuple[tuple[int, float], ...], ...]  # int → ((neighbour, weight), ...), neighbours ascending
    topic: frozenset[int]  # topics: not crossed unless nothing else connects two entities
    place: tuple[bool, ...]  # int → the node is a place (not a post or person): see ``path_search._variant``
    # other * len(ids) + channel/topic → (relation kind, it starts there): one int per key, shared values
    sides: dict[int, tuple[str, bool]]
    comp: tuple[int, ...]  # int → connected component of the graph without topics (topics: -1)
    rows: tuple[array[float], ...]  # landmark → int → distance without topics (inf outside ``big``)
    big: int  # the component the landmarks are in (-1: none)
    toward: tuple[int, ...]  # int → next node toward the 2-core without topics (-1: in it or a topic; -2: a
    #                          tree's last node)
    off_core: bytes  # int → 1 for a topic or a node off the 2-core (see ``tail``), else 0
    # a core node with exactly two core neighbours (a channel between two bodies, mostly) → those two with
    # their weights: a search walks through such chains instead of queueing every node of them
    chain: Chains
    # a core node outside chains → its core neighbours with the chains jumped: (the neighbour, or the node at
    # the chain's far end; the first step's weight; the further steps' weights; the chain's id or -1; the
    # neighbour); () for other nodes. A search adds the steps one by one: its sums are those of a walk.
    jump: tuple[tuple[Jump, ...], ...]
    chain_id: array[int]  # int → the chain the node is in (-1: none)
    gated: Gated  # the components only topics reach, with their gates' distance rows (``graph.path_gates``)
    # a node with more than ``HUB`` neighbours → neighbour → weight: a search cuts a hub's neighbours to the
    # few inside a corridor by looking them up instead of scanning hundreds
    hubs: dict[int, dict[int, float]]
    regions: Regions | None  # exact distances through the separators (``graph.path_regions``); None: not built

    def lower_bound(self, a: int, b: int) -> float:
        """A lower bound on the topic-free distance between ``a`` and ``b`` of the landmarks' component."""
        return max((abs(r[a] - r[b]) for r in self.rows), default=0.0)

    def active(self, s: int, t: int) -> list[int]:
        """The landmarks a search between ``s`` and ``t`` uses: the ``_NEAR`` nearest ``s`` (a landmark
        behind ``s`` bounds everything beyond it) and the ``_APART`` that bound ``s``–``t`` highest."""
        rows = self.rows
        base = list(range(min(_BASE, len(rows))))
        rest = range(len(base), len(rows))
        at_s = [row[s] for row in rows]
        near = heapq.nsmallest(_NEAR, rest, key=at_s.__getitem__)  # stable: the first of equals
        gap = [-abs(a - row[t]) for a, row in zip(at_s, rows, strict=True)]
        apart = heapq.nsmallest(_APART, (i for i in rest if i not in near), key=gap.__getitem__)
        return base + near + apart

    def tail(self, n: int) -> list[int]:
        """``n`` and the nodes from it to the 2-core without topics (just ``[n]`` for a node in it).

        A node outside the core hangs in a tree off it: no simple path between two other nodes passes it,
        so a search between ``s`` and ``t`` needs only the core and the tails of ``s`` and ``t``."""
        out = [n]
        while self.toward[out[-1]] >= 0:
            out.append(self.toward[out[-1]])
        return out


def build_index(g: nx.Graph, kinds: dict[str, str], landmarks: int = LANDMARKS, *, regions: bool = False) -> PathIndex:
    """The index of the path graph ``g`` (``graph.path_graph``); ``kinds`` maps each node to its kind;
    ``regions``: cut it into regions too (``graph.path_regions``), when it is small enough for them."""
    ids = tuple(sorted(g))
    at = {n: i for i, n in enumerate(ids)}
    adj = tuple(tuple(sorted((at[nb], d["weight"]) for nb, d in g.adj[n].items())) for n in ids)
    topic = frozenset(at[n] for n in g.graph["topics"])
    place = tuple(kinds[n] not in ("post", "person") for n in ids)
    sides: dict[int, tuple[str, bool]] = {}
    same: dict[tuple[str, bool], tuple[str, bool]] = {}  # a few distinct values, shared
    for n in ids:
        if kinds[n] in ("channel", "topic"):
            for other, d in g.adj[n].items():
                rel = d["rels"][0]
                side = (rel.kind, rel.u == n)
                sides[at[other] * len(ids) + at[n]] = same.setdefault(side, side)
    free = tuple(() if i in topic else tuple(nb for nb in adj[i] if nb[0] not in topic) for i in range(len(ids)))
    comp = _components(free, topic)
    toward = _peel(free, topic)
    off = bytes(1 if i in topic or toward[i] != -1 else 0 for i in range(len(ids)))
    big = _biggest(comp)
    cut = Regions(free, comp, big) if regions and big >= 0 and fits(free, comp, big) else None
    count = REGION_LANDMARKS if cut is not None else landmarks
    rows, big = _landmarks(free, comp, big, min(count, max(FEW_LANDMARKS, LANDMARK_CELLS // max(len(ids), 1))))
    if big < 0:
        cut = None
    chain: Chains = {}
    for i in range(len(ids)):
        if not off[i]:
            core = [(j, w) for j, w in free[i] if not off[j]]
            if len(core) == 2:
                chain[i] = (core[0], core[1])
    chain_id, jump = _jumps(free, off, chain)
    gated = Gated(adj, free, comp, big)
    hubs = {i: dict(a) for i, a in enumerate(adj) if len(a) > HUB}
    return PathIndex(
        ids, at, adj, topic, place, sides, tuple(comp), rows, big, toward, off, chain, jump, chain_id, gated, hubs, cut
    )  # fmt: skip


def _jumps(
    free: Sequence[Sequence[tuple[int, float]]], off: bytes, chain: Chains
) -> tuple[array[int], tuple[tuple[Jump, ...], ...]]:
    """Chain ids and the jump table (``PathIndex.jump``)."""
    cid = array("i", [-1]) * len(free)
    label = 0
    for start in chain:
        if cid[start] != -1:
            continue
        cid[start] = label
        stack = [start]
        while stack:
            for nb, _ in chain[stack.pop()]:
                if nb in chain and cid[nb] == -1:
                    cid[nb] = label
                    stack.append(nb)
        label += 1
    jump: list[tuple[Jump, ...]] = []
    for u in range(len(free)):
        if off[u] or u in chain:
            jump.append(())
            continue
        out: list[Jump] = []
        for v, w in free[u]:
            if off[v]:
                continue
            if v not in chain:
                out.append((v, w, (), -1, v))
                continue
            first, steps, prev, x = v, [], u, v
            while x in chain:
                (a, wa), (b, wb) = chain[x]
                prev, x, step = (x, b, wb) if a == prev else (x, a, wa)
                steps.append(step)
            out.append((x, w, tuple(steps), cid[first], first))
        jump.append(tuple(out))
    return cid, tuple(jump)


def _peel(adj: Sequence[Sequence[tuple[int, float]]], skip: frozenset[int]) -> tuple[int, ...]:
    """For each node peeled off to get the 2-core, the neighbour it hung from (-1 for the core).

    A whole tree that is not attached to any cycle peels down to its last node, which gets -2."""
    degree = [len(a) for a in adj]
    toward = [-1] * len(adj)
    gone = [False] * len(adj)
    stack = [i for i, d in enumerate(degree) if d <= 1 and i not in skip]
    while stack:
        u = stack.pop()
        if gone[u]:
            continue
        gone[u] = True
        for v, _ in adj[u]:
            if not gone[v]:
                toward[u] = v
                degree[v] -= 1
                if degree[v] <= 1:
                    stack.append(v)
        if toward[u] == -1:
            toward[u] = -2
    return tuple(toward)


def _components(adj: Sequence[Sequence[tuple[int, float]]], skip: frozenset[int]) -> list[int]:
    comp = [-1] * len(adj)
    label = 0
    for start in range(len(adj)):
        if comp[start] != -1 or start in skip:
            continue
        comp[start] = label
        stack = [start]
        while stack:
            for nb, _ in adj[stack.pop()]:
                if comp[nb] == -1:
                    comp[nb] = label
                    stack.append(nb)
        label += 1
    return comp


def _biggest(comp: list[int]) -> int:
    """The largest component of the graph without topics (the smallest label of equals; -1: none)."""
    sizes: dict[int, int] = {}
    for c in comp:
        if c >= 0:
            sizes[c] = sizes.get(c, 0) + 1
    return min(sizes, key=lambda c: (-sizes[c], c)) if sizes else -1


def _landmarks(
    adj: Sequence[Sequence[tuple[int, float]]], comp: list[int], big: int, count: int
) -> tuple[tuple[array[float], ...], int]:
    """Distances from far-apart landmarks in the largest component ``big`` (farthest-first: each new landmark
    is the node farthest from those chosen), and that component (-1: too small for landmarks)."""
    inside = [i for i in range(len(adj)) if comp[i] == big]
    if big < 0 or len(inside) < 3:
        return (), -1
    nearest = dijkstra(adj, inside[0])  # the first landmark is the node farthest from an arbitrary start
    rows: list[list[float]] = []
    for _ in range(min(count, len(inside))):
        pick = max(inside, key=nearest.__getitem__)  # the first (smallest) of equally far nodes
        row = dijkstra(adj, pick)
        rows.append(row)
        nearest = row if len(rows) == 1 else list(map(min, nearest, row))
    return tuple(array("d", row) for row in rows), big
