"""The layout of big network pages (``viz.packlayout``): every entity placed, under the one it belongs to,
no two boxes (shape and label as drawn) overlapping, folded seats on their forum, and any graph accepted
(cycles, isolated entities, an empty view). How fast it is lives in ``benchmarks/bench_viz.py``."""

from __future__ import annotations

import itertools

from benchmarks.bench_viz import synthetic_turtle
from graph.model import model_from_text
from viz.diagram import DEdge, Diagram, DNode
from viz.html import vis_data
from viz.layout import HIERARCHY_LIMIT, network_positions
from viz.packlayout import pack_positions
from viz.views import collaboration_network


def _size(n: DNode) -> tuple[float, float, float]:
    return 40.0 + 8 * len(n.label), 50.0, 10.0


Box = tuple[float, float, float, float]


def _boxes(d: Diagram, pos: dict[str, tuple[float, float]], skip: frozenset[str] = frozenset()) -> dict[str, Box]:
    out = {}
    for n in d.nodes:
        if n.id in skip:
            continue
        w, h, centre = _size(n)
        x, y = pos[n.id]
        out[n.id] = (x - w / 2, y - centre, x + w / 2, y - centre + h)
    return out


def _overlaps(boxes: dict[str, Box]) -> list[tuple[str, str]]:
    found = []
    for (a, p), (b, q) in itertools.combinations(boxes.items(), 2):
        if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]:
            found.append((a, b))
    return found


def _tree() -> Diagram:
    nodes = [DNode("org", "Kommune", "organisation")]
    nodes += [DNode(f"u{i}", f"Enhed nummer {i}", "unit") for i in range(9)]
    nodes += [DNode(f"c{i}", f"Kanal {i}", "channel") for i in range(9)]
    nodes += [DNode("f", "Forum", "forum"), DNode("s", "Plads", "post"), DNode("p", "Person", "person")]
    nodes += [DNode("alone", "Uden forbindelser", "unit")]
    edges = [DEdge(f"u{i}", "org", "part_of") for i in range(9)]
    edges += [DEdge(f"u{i}", f"c{i}", "channel_from") for i in range(9)]
    edges += [DEdge(f"c{i}", f"u{(i + 4) % 9}", "channel_to") for i in range(9)]
    edges += [DEdge("s", "f", "post_in"), DEdge("p", "s", "holds"), DEdge("s", "org", "on_behalf_of")]
    edges += [DEdge("org", "u0", "member_of")]  # a cycle back up: never followed
    return Diagram(nodes, edges, "Net", "", [], view="network")


def test_every_entity_sits_below_the_one_it_belongs_to_and_no_boxes_overlap() -> None:
    d = _tree()
    pos = pack_positions(d, _size)
    assert set(pos) == {n.id for n in d.nodes}
    for i in range(9):
        assert pos[f"u{i}"][1] > pos["org"][1]  # units under their organisation
        assert pos[f"c{i}"][1] > pos[f"u{i}"][1]  # a channel under the unit it starts from
    assert pos["p"][1] > pos["s"][1] > pos["f"][1]
    assert _overlaps(_boxes(d, pos)) == []
    assert pack_positions(d, _size) == pos  # the same view gives the same picture


def test_wide_families_wrap_into_rows_instead_of_one_long_line() -> None:
    d = _tree()
    pos = pack_positions(d, _size)
    rows = {round(pos[f"u{i}"][1]) for i in range(9)}
    assert len(rows) >= 2
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    assert max(xs) - min(xs) < 4 * (max(ys) - min(ys))


def test_folded_seats_are_left_out_and_placed_on_their_forum() -> None:
    d = _tree()
    folded = {"s": "f", "p": "s"}
    pos = pack_positions(d, _size, folded)
    assert pos["s"] == pos["f"] and pos["p"] == pos["f"]
    assert _overlaps(_boxes(d, pos, skip=frozenset(folded))) == []


def test_empty_and_edgeless_views() -> None:
    assert pack_positions(Diagram([], [], "", "", []), _size) == {}
    lone = Diagram([DNode(f"n{i}", f"N{i}", "unit") for i in range(5)], [], "", "", [])
    pos = pack_positions(lone, _size)
    assert len(pos) == 5 and _overlaps(_boxes(lone, pos)) == []


def test_a_big_network_page_is_laid_out_without_overlaps_as_drawn() -> None:
    model = model_from_text(synthetic_turtle(600, seed=4))
    d = collaboration_network(model, group=False)
    data = vis_data(d)
    assert data["physics"] is False
    pos = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    folded = {n["id"] for n in data["nodes"] if "p" in n}
    assert folded and all(n["id"] in pos for n in data["nodes"])
    again = network_positions(d, {n["id"]: n["p"] for n in data["nodes"] if "p" in n})
    assert again == pos
    xy = [p for nid, p in pos.items() if nid not in folded]
    assert len(set(xy)) == len(xy)  # no two shown entities on one spot


def test_a_big_hierarchy_is_packed_with_seats_under_their_forum_and_its_own_overview() -> None:
    forums = [DNode(f"f{i}", f"Forum nummer {i}", "forum", level=0 if i == 0 else 2) for i in range(40)]
    seats = [
        DNode(f"f{i}s{k}", f"Plads {k} i forum {i}", "post", level=3, parent=f"f{i}", fold=f"f{i}")
        for i in range(40)
        for k in range(20)
    ]
    edges = [DEdge(f"f{i}", "f0", "reports_to") for i in range(1, 40)]
    edges += [DEdge(s.id, s.parent or "", "post_in") for s in seats]
    d = Diagram(forums + seats, edges, "Stor", "", [], view="organisation", hierarchical=True)
    assert len(d.nodes) > HIERARCHY_LIMIT
    data = vis_data(d)
    at = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    assert all(at[f"f{i}"][1] > at["f0"][1] for i in range(1, 40))  # every forum under the one it reports to
    assert all(at[s.id][1] > at[s.parent or ""][1] for s in seats)  # seats under their forum
    overview = data["overview"]
    assert set(overview) == {f.id for f in forums}  # seats start folded
    tops = [tuple(overview[f.id]) for f in forums]
    assert len(set(tops)) == len(tops)  # the overview lays out the forums alone, apart
