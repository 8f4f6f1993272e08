"""Regions (``graph.path_regions``): exact distances through the separators, and the same routes with them.

The distances are checked against a plain Dijkstra from the start; the routes against the index without
regions (landmark bounds alone), which ``tests/graph/test_path_search.py`` checks against networkx.
"""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest

import graph.path_regions as path_regions
from graph.model import Model
from graph.path_gates import dijkstra
from graph.path_graph import DEFAULT_VIA, path_graph, path_index
from graph.path_index import LANDMARKS, REGION_LANDMARKS, PathIndex, build_index
from graph.path_regions import Regions, toward
from graph.path_search import _SLACK, search
from graph.path_target import ToTarget

DAY = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def region(generated_region: Model) -> Model:
    return generated_region


def _free(ix: PathIndex) -> tuple[tuple[tuple[int, float], ...], ...]:
    """The graph without topics, as the index builds it."""
    return tuple(
        () if i in ix.topic else tuple(nb for nb in ix.adj[i] if nb[0] not in ix.topic) for i in range(len(ix.ids))
    )


def _indexes(model: Model) -> tuple[PathIndex, PathIndex]:
    g = path_graph(model, DEFAULT_VIA, DAY, ())
    kinds = {n: model.node(n)["kind"] for n in g}
    return build_index(g, kinds, regions=True), build_index(g, kinds, regions=False)


def test_the_default_index_is_cut_into_regions(region: Model) -> None:
    ix = path_index(region, DEFAULT_VIA, DAY, ())
    rg = ix.regions
    assert rg is not None and len(ix.rows) == REGION_LANDMARKS
    assert len(rg.separators) >= 10 and len(rg.exits) > len(rg.separators)
    # every separator has more neighbours than the degree; every region is reached through its exits only
    free = _free(ix)
    assert all(len(free[e]) > path_regions.SEPARATOR_DEGREE for e in rg.separators)
    for v in range(len(ix.ids)):
        r = rg.region[v]
        if r >= 0:
            doors = set(rg.exits[r])
            assert all(rg.region[u] == r or rg.sep_of[u] in doors for u, _ in free[v])


def test_outside_the_start_region_the_bound_is_the_exact_distance(region: Model) -> None:
    ix = path_index(region, DEFAULT_VIA, DAY, ())
    rg = ix.regions
    assert rg is not None
    free = _free(ix)
    pool = [i for i in range(len(ix.ids)) if ix.comp[i] == ix.big]
    starts = random.Random(3).sample(pool, 25) + list(rg.separators[:3])
    outside = 0
    for s in starts:
        exact, home, doors = toward(rg, s)
        truth = dijkstra(free, s)
        for v in pool:
            if rg.region[v] < 0 or rg.region[v] != home:
                assert math.isclose(exact(v), truth[v], rel_tol=1e-12, abs_tol=1e-12), (s, v)
                outside += 1
            else:  # inside: the exits are landmarks, a lower bound
                at = rg.start[v]
                bound = max((abs(rg.near[at + i] - d) for i, d in enumerate(doors)), default=0.0)
                assert bound <= truth[v] + 1e-9, (s, v)
    assert outside > 10 * len(starts)


def test_the_routes_are_those_of_the_landmarks_alone(region: Model, bundled: Model) -> None:
    for model, n in ((region, 150), (bundled, 100)):
        cut, plain = _indexes(model)
        assert cut.regions is not None and plain.regions is None
        pool = [x for x in cut.ids if model.node(x)["kind"] in ("organisation", "unit", "forum", "post")]
        rnd = random.Random(5)
        for a, b in (rnd.sample(pool, 2) for _ in range(n)):
            assert search(cut, a, b, 4) == search(plain, a, b, 4), (a, b)


def test_the_search_from_the_target_settles_far_fewer_nodes(region: Model) -> None:
    """What the regions are for: the A* from the target settles about the corridor, not ten times it."""
    cut, plain = _indexes(region)
    pool = [i for i in range(len(cut.ids)) if cut.comp[i] == cut.big and region.node(cut.ids[i])["kind"] != "topic"]
    rnd = random.Random(9)
    settled = {"cut": 0, "plain": 0}
    for s, t in (rnd.sample(pool, 2) for _ in range(60)):
        for name, ix in (("cut", cut), ("plain", plain)):
            to_t = ToTarget(ix, s, t, ix.topic - {s, t}, _SLACK)
            if to_t.best is not None:
                to_t.grow(to_t.best + _SLACK)
            settled[name] += len(to_t.done)
    assert settled["cut"] * 2 < settled["plain"], settled


def test_a_graph_too_large_for_the_rows_keeps_the_landmarks(region: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(path_regions, "MAX_SEPARATORS", 0)
    cut, plain = _indexes(region)
    assert cut.regions is None and len(cut.rows) == len(plain.rows) == min(LANDMARKS, len(cut.ids))


def test_regions_of_a_graph_without_separators_are_one_region() -> None:
    """A ring: no node has more than two neighbours, so it is one region with no exits (landmarks only)."""
    free = tuple((((i - 1) % 8, 1.0), ((i + 1) % 8, 1.0)) for i in range(8))
    rg = Regions(free, [0] * 8, 0)
    assert rg.separators == () and rg.exits == ((),) and set(rg.region) == {0}
    _, home, doors = toward(rg, 3)
    assert home == 0 and doors == ()
