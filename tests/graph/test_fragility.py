"""Single points of contact (``graph.fragility``) against a plain networkx reference on real-sized data.

The reference removes each person/post articulation point and looks at the connected pieces left, the
way the question is asked ("who falls apart without this seat?"); the module answers it in one pass.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from benchmarks.generate import write
from graph.fragility import _NETWORK_EDGES, single_points
from graph.model import Model, load
from graph.view import view

DAY = dt.date(2026, 6, 1)


def _reference(model: Model) -> dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]]:
    """cut → (sectors cut off, sectors of the rest, nodes with a sector on the cut-off side)."""
    g = model.nx
    und = nx.Graph()
    und.add_edges_from((u, w) for u, w, _ in view(model, DAY, ()).edges(*_NETWORK_EDGES) if u != w)
    sector = {n: s for n in und if (s := g.nodes[n].get("sector")) not in (None, "cross_sector")}
    out = {}
    for cut in nx.articulation_points(und):
        if g.nodes[cut]["kind"] not in ("person", "post"):
            continue
        rest = und.subgraph(n for n in nx.node_connected_component(und, cut) if n != cut)
        pieces = [c for c in nx.connected_components(rest) if any(n in sector for n in c)]
        if len(pieces) < 2:
            continue
        counts = [Counter(sector[n] for n in c if n in sector) for c in pieces]
        sets = [frozenset(c) for c in counts]
        if len(frozenset().union(*sets)) < 2:
            continue
        size = min(sum(c.values()) for c in counts)
        smallest = [i for i, c in enumerate(counts) if sum(c.values()) == size]
        i = min(smallest, key=lambda k: sorted(sets[k]))
        others = frozenset().union(*(s for k, s in enumerate(sets) if k != i))
        out[cut] = (sets[i], others, frozenset(n for n in pieces[i] if n in sector))
    return out


def _check(model: Model) -> int:
    found = single_points(model, DAY, ())
    expected = _reference(model)
    assert set(found) == set(expected)
    for cut, (off, rest, side) in expected.items():
        assert (found[cut].cut_off, found[cut].rest) == (off, rest), cut
        assert len(found[cut].examples) <= 3 and set(found[cut].examples) <= side
    return len(found)


def test_single_points_match_the_reference_on_the_bundled_data(bundled: Model) -> None:
    _check(bundled)


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Model:
    path: Path = tmp_path_factory.mktemp("region") / "region.ttl"
    write("region", 2, path)
    return load([path])


def test_single_points_match_the_reference_on_a_generated_region(region: Model) -> None:
    assert _check(region) > 0
