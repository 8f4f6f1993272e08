"""The contact indexes answer exactly what the plain definitions say.

A new contact question no longer builds the asker's organisation tree, forums and cluster zone as sets,
nor walks networkx: it looks them up in per-view indexes (``graph.contact_index``) and walks int
adjacency. These tests hold the plain set definitions (from ``graph.contact_home``'s docstring) and
networkx's shortest paths as the reference, on the bundled data and on a generated region, for every
candidate of every topic and a spread of askers.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import networkx as nx
import pytest

from graph.contact_facts import anchors
from graph.contact_home import Home, home
from graph.contact_index import STRUCTURE_KINDS, Standing, forums_of, pool, structure_index
from graph.contact_types import COLLAB_KINDS
from graph.contact_walk import prepare_walks
from graph.model import Model, load
from graph.topics import topic_index, understand
from graph.view import View, view

ON = dt.date(2026, 6, 1)
_UPWARD = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
_REGIONAL = {"municipal", "somatic", "psychiatry", "general_practice", "region", "cross_sector"}


@pytest.fixture(scope="module")
def region(generated_region: Model) -> Model:
    return generated_region


def _plain_tier(v: View, h: Home, s: Standing) -> int:
    """The nearness tier as sets, the way the module docstring defines it."""
    tree = {d for r in h.roots for d in v.descendants(r)}
    forums = forums_of(v, tree) | {a for a in anchors(v, h.id) if v.kind(a) in COLLAB_KINDS}
    clusters = {c for org in tree for c in v.out(org, "member_of") if v.kind(c) == "cluster"}
    clusters |= {c for f in forums for c in v.out(f, "cluster_of")}
    zone = set(clusters)
    for c in clusters:
        steering = v.into(c, "cluster_of")
        zone |= set(steering)
        zone |= {x for g in steering for k in _UPWARD for x in v.into(g, k)}
        zone |= {d for m in v.into(c, "member_of") for d in v.descendants(m)}
    sectors = {v.g.nodes[a].get("sector") for x in s.anchors for a in (x, *v.ancestors(x))}
    if s.channel_from & h.channel_from:
        return 0
    if s.anchors & tree:
        return 1
    if s.anchors & forums:
        return 2
    if s.anchors & zone:
        return 3
    return 4 if sectors & _REGIONAL else 5 if "national" in sectors else 6


def _askers(v: View, n: int) -> list[str]:
    """A spread of askers, half of them hanging from a single inner neighbour (they share its walk)."""
    pool_ = sorted(x for x in v.nodes("organisation", "unit", "forum", "post", "person", "cluster"))
    s = structure_index(v)

    def hangs(x: str) -> bool:
        return x in s.index and sum(len(s.adj[nb]) > 1 for nb in s.adj[s.index[x]]) == 1

    rng = random.Random(5)
    leads = [x for x in pool_ if hangs(x)]
    assert leads, "the data has askers hanging from one neighbour"
    others = [x for x in pool_ if not hangs(x)]
    return rng.sample(leads, min(n // 2, len(leads))) + rng.sample(others, min(n - n // 2, len(others)))


@pytest.mark.parametrize("which", ["bundled", "region"])
def test_tiers_from_the_indexes_are_the_plain_set_definitions(which: str, bundled: Model, region: Model) -> None:
    m = bundled if which == "bundled" else region
    v = view(m, ON)
    tables = [pool(v, understand(m, label).topics) for label in topic_index(m).topics.values()]
    checked = 0
    for asker in _askers(v, 25):
        h = home(v, asker)
        for t in tables:
            near = h.near(t)
            for i, s in enumerate(t.slots):
                want = _plain_tier(v, h, s.at)
                assert h.tier(s.at) == want, (asker, s.at.who)
                assert near.get(i, s.at.far) == want, (asker, s.at.who)
                checked += 1
    assert checked > 1000


@pytest.mark.parametrize("which", ["bundled", "region"])
def test_the_walk_from_an_asker_is_networkx_shortest_paths(which: str, bundled: Model, region: Model) -> None:
    """Same lengths and the same path networkx would give (levels in order, first discovery wins)."""
    m = bundled if which == "bundled" else region
    v = view(m, ON)
    und = nx.Graph()
    for a, b, _ in v.edges(*STRUCTURE_KINDS):
        if a != b and not und.has_edge(a, b):
            und.add_edge(a, b)
    prepare_walks(v)  # shared, finished walks as a server has them, and lazy ones for the rest
    for asker in _askers(v, 16):
        h = Home(v, asker)
        want = nx.single_source_shortest_path(und, asker) if asker in und else {}
        for target in random.Random(asker).sample(sorted(und), min(60, len(und))):
            assert h.path(target) == want.get(target, []), (asker, target)
            assert h.distance(target) == (len(want[target]) - 1 if target in want else 99)


def test_prepared_views_answer_without_building_anything(bundled: Model, tmp_path: Path) -> None:
    """After ``prepare`` a first question finds its indexes built (the server prepares today's at start)."""
    from graph.contacts import ASKER_KINDS, contact, prepare

    prepare(bundled, ON)
    v = view(bundled, ON)
    fresh = load()  # the session's model has had names looked up already
    assert not fresh.index._parts
    prepare(fresh, ON)
    kinds = {d["kind"] for _, d in fresh.nx.nodes(data=True)} & set(ASKER_KINDS)
    assert kinds <= set(fresh.index._parts)  # askers' names are looked up in parts built at start
    before = set(v.cached("contact-pools", dict))
    contact(bundled, "skolevægring", "Favrskov Kommune", on=ON)
    assert set(v.cached("contact-pools", dict)) == before
