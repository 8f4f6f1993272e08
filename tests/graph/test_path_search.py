"""The integer path search (``graph.path_search``) against the networkx search it replaced, on many pairs.

The reference below is the previous implementation (networkx bidirectional Dijkstra, corridor, Yen's
``shortest_simple_paths``), kept here only to check the new one. Among routes of exactly equal cost the
reference's order followed the process's string hashing, so the comparison is per rank: the same number
of paths and the same cost at every rank; every path found is a real simple path of the graph, topics are
not crossed when a route without them exists, and no route repeats the places of an earlier one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import math
import random
from collections.abc import Callable, Iterator
from itertools import pairwise
from typing import Any

import networkx as nx
import pytest

from graph.model import Model
from graph.path_gates import Gated
from graph.path_graph import DEFAULT_VIA, path_graph, path_index
from graph.path_search import _MAX_CANDIDATES, _SLACK, search

DAY = dt.date(2026, 6, 1)


# ------------------------------------------------------------------------------------ the reference
def _reference(model: Model, g: nx.Graph, src: str, dst: str, k: int) -> list[list[str]]:
    blocked = g.graph["topics"] - {src, dst}
    found = _ref_yen(model, g, src, dst, k, blocked)
    if not found and blocked:
        found = _ref_yen(model, g, src, dst, k, frozenset())
    return found


def _ref_yen(model: Model, g: nx.Graph, src: str, dst: str, k: int, blocked: frozenset[str]) -> list[list[str]]:
    def weight(u: str, v: str, d: dict[str, Any]) -> float | None:
        return None if u in blocked or v in blocked else d["weight"]

    try:
        best = nx.bidirectional_dijkstra(g, src, dst, weight=weight)[0]
    except nx.NetworkXNoPath:
        return []
    sub = g.subgraph(_ref_corridor(g, src, dst, best + _SLACK, weight)).copy()
    routes: list[list[str]] = []
    alike: list[list[str]] = []
    gen: Iterator[list[str]] = nx.shortest_simple_paths(sub, src, dst, weight="weight")
    try:
        for count, nodes in enumerate(gen, 1):
            if not _ref_variant(model, nodes, routes + alike):
                (alike if _ref_sideways(model, g, nodes) else routes).append(nodes)
            if len(routes) >= k or count >= _MAX_CANDIDATES:
                break
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        pass
    return routes or alike[:k]


def _ref_corridor(g: nx.Graph, src: str, dst: str, limit: float, weight: Callable[..., float | None]) -> set[str]:
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


def _ref_places(model: Model, nodes: list[str]) -> frozenset[str]:
    return frozenset(n for n in nodes[1:-1] if model.node(n)["kind"] not in ("post", "person"))


def _ref_variant(model: Model, nodes: list[str], accepted: list[list[str]]) -> bool:
    if len(nodes) <= 2:
        return False
    mine = _ref_places(model, nodes)
    return any(len(p) > 2 and ((t := _ref_places(model, p)) == mine or (t and t <= mine)) for p in accepted)


def _ref_sideways(model: Model, g: nx.Graph, nodes: list[str]) -> bool:
    def side(other: str, n: str) -> tuple[str, bool]:
        rel = g.edges[other, n]["rels"][0]
        return (rel.kind, rel.u == n)

    return any(
        model.node(n)["kind"] in ("channel", "topic") and side(x, n) == side(y, n)
        for x, n, y in zip(nodes, nodes[1:], nodes[2:], strict=False)
    )


# ------------------------------------------------------------------------------------ comparison
def _cost(g: nx.Graph, nodes: list[str]) -> float:
    return sum(g.edges[x, y]["weight"] for x, y in pairwise(nodes))


def _compare(model: Model, groups: tuple[str, ...], pairs: list[tuple[str, str]], k: int = 3) -> int:
    """Asserts new == reference per rank for every pair; returns how many pairs had a path."""
    g = path_graph(model, groups, DAY, ())
    ix = path_index(model, groups, DAY, ())
    answered = 0
    for a, b in pairs:
        new, truncated = search(ix, a, b, k)
        old = _reference(model, g, a, b, k)
        assert not truncated
        assert len(new) == len(old), (a, b)
        assert [round(_cost(g, p), 6) for p in new] == [round(_cost(g, p), 6) for p in old], (a, b)
        for p in new:
            assert p[0] == a and p[-1] == b and len(set(p)) == len(p)
            assert all(g.has_edge(x, y) for x, y in pairwise(p))
        answered += bool(new)
    return answered


def _pairs(model: Model, g: nx.Graph, n: int, seed: int) -> list[tuple[str, str]]:
    kinds = ("organisation", "unit", "forum", "cluster", "partnership", "post", "channel")
    pool = sorted(x for x in g if model.node(x)["kind"] in kinds)
    rnd = random.Random(seed)
    return [(a, b) for a, b in (rnd.sample(pool, 2) for _ in range(n))]


def test_same_paths_as_networkx_on_the_bundled_data(bundled: Model) -> None:
    g = path_graph(bundled, DEFAULT_VIA, DAY, ())
    assert _compare(bundled, DEFAULT_VIA, _pairs(bundled, g, 150, seed=1)) >= 100


def test_same_paths_as_networkx_over_fewer_relation_groups(bundled: Model) -> None:
    for groups in (("membership", "seat", "hierarchy"), ("channel", "hierarchy")):
        g = path_graph(bundled, groups, DAY, ())
        _compare(bundled, groups, _pairs(bundled, g, 40, seed=2), k=2)


def test_same_paths_as_networkx_from_and_to_topics(bundled: Model) -> None:
    """An end that is a topic turns the landmark guidance off (the landmarks know no topics)."""
    g = path_graph(bundled, DEFAULT_VIA, DAY, ())
    topics = sorted(g.graph["topics"])[:6]
    others = [b for _, b in _pairs(bundled, g, 6, seed=3)]
    _compare(bundled, DEFAULT_VIA, [*zip(topics, others, strict=True), (topics[0], topics[1])])


@pytest.fixture(scope="module")
def region(generated_region: Model) -> Model:
    return generated_region


def test_same_paths_as_networkx_on_a_generated_region(region: Model) -> None:
    g = path_graph(region, DEFAULT_VIA, DAY, ())
    assert _compare(region, DEFAULT_VIA, _pairs(region, g, 120, seed=4), k=4) >= 100


def test_entities_only_topics_reach_get_the_routes_of_the_search_without_gate_rows(
    bundled: Model, region: Model
) -> None:
    """An entity known only by the topics it handles (VISO, a requirement, a wish in the bundled data) is
    reached by crossing a topic; its distances are read off the topics' rows (``graph.path_gates``). The
    routes must be those of the same search without the rows (the A* over the whole graph): the same costs at
    every rank (where routes cost exactly the same, either may come first: the sums' last bits differ), every
    one a simple path of the graph, the cheapest as cheap as networkx's Dijkstra over the whole graph."""
    for model in (bundled, region):
        g = path_graph(model, DEFAULT_VIA, DAY, ())
        ix = path_index(model, DEFAULT_VIA, DAY, ())
        members = sorted(ix.ids[i] for m in ix.gated.members.values() for i in m)
        plain = dataclasses.replace(ix, gated=Gated(ix.adj, (), [ix.big if c >= 0 else c for c in ix.comp], ix.big))
        assert members and not plain.gated.members
        others = [b for _, b in _pairs(model, g, 8, seed=5)]
        pairs = [(x, y) for x in members for y in others]
        pairs += [(y, x) for x, y in pairs] + list(pairwise(members))
        answered = 0
        for a, b in pairs:
            new, _ = search(ix, a, b, 3)
            old, _ = search(plain, a, b, 3)
            assert [round(_cost(g, p), 6) for p in new] == [round(_cost(g, p), 6) for p in old], (a, b)
            for p in new:
                assert p[0] == a and p[-1] == b and len(set(p)) == len(p)
                assert all(g.has_edge(x, y) for x, y in pairwise(p))
            if new and ix.comp[ix.at[a]] != ix.comp[ix.at[b]]:  # only topics link them
                best = nx.dijkstra_path_length(g, a, b, weight="weight")
                assert round(_cost(g, new[0]), 6) == round(best, 6), (a, b)
                answered += 1
        assert answered >= len(pairs) // 2


def test_gate_rows_built_on_first_use_give_the_same_routes(region: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    """A graph too big for every gate's row at the index build (ten Denmarks) builds each row when a question
    first needs it: the same routes as rows built up front."""
    import graph.path_gates as path_gates
    from graph.path_index import build_index

    g = path_graph(region, DEFAULT_VIA, DAY, ())
    kinds = {n: region.node(n)["kind"] for n in g}
    eager = build_index(g, kinds)
    monkeypatch.setattr(path_gates, "EAGER_CELLS", 0)
    lazy = build_index(g, kinds)
    assert eager.gated._rows and not lazy.gated._rows
    members = sorted(eager.ids[i] for m in eager.gated.members.values() for i in m)
    others = [b for _, b in _pairs(region, g, 6, seed=7)]
    for a, b in [(x, y) for x in members for y in others] + [(y, x) for x in members for y in others]:
        assert search(lazy, a, b, 3) == search(eager, a, b, 3), (a, b)
    assert lazy.gated._rows  # kept for the next question


def test_a_component_with_many_gates_is_searched_the_plain_way(region: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    """A component that many topics reach (a whole region joined to the rest only by shared topics) is not
    worth a row per gate: it is searched without rows, with the same routes."""
    import graph.path_gates as path_gates
    from graph.path_index import build_index

    g = path_graph(region, DEFAULT_VIA, DAY, ())
    kinds = {n: region.node(n)["kind"] for n in g}
    rows = build_index(g, kinds)
    monkeypatch.setattr(path_gates, "MAX_GATES", 0)
    plain = build_index(g, kinds)
    assert rows.gated.members and not plain.gated.members and not plain.gated._rows
    members = sorted(rows.ids[i] for m in rows.gated.members.values() for i in m)
    others = [b for _, b in _pairs(region, g, 6, seed=8)]
    for a, b in [(x, y) for x in members for y in others]:
        new, old = search(rows, a, b, 3), search(plain, a, b, 3)
        assert [round(_cost(g, p), 6) for p in new[0]] == [round(_cost(g, p), 6) for p in old[0]], (a, b)
