"""A fast, overlap-free layout for big views: each entity under the one it belongs to, subtrees packed in rows.

Graphviz's ``sfdp`` needs about a second for a 2,000-node network and ``dot`` more for a big hierarchy, so a
first view of a large structure waited on the layout. This layout is linear in the size of the view
(a few milliseconds at 2,000 nodes) and follows the structure the user reads: every entity hangs under the
entity it belongs to – a unit under its organisation (``part_of``), a channel under the unit it starts from,
a seat under its forum, an organisation under its health cluster, a forum under the forum it reports to –
and where no such line exists, under any neighbour in the view (so a component stays together). Each
subtree is a block: the entity's label box on top, its children's blocks below in rows wrapped to a width
that keeps the block about ``_ASPECT`` times as wide as tall; the trees themselves are packed the same way
into a screen-shaped whole. Blocks never overlap, labels included (sizes are those vis-network draws).

Nodes the page folds away at first (``folded``: seat → forum) are left out of the packing and placed on the
node they fold into; the page sets them round it when it is unfolded.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from viz.diagram import DEdge, Diagram, DNode

__all__ = ["PARENT_KINDS", "pack_positions"]

#: Edge kinds that put one end under the other, in order of preference: kind → True when ``u`` is the child
#: (``u part_of v``), False when ``v`` is (``unit channel_from channel``: the channel hangs under the unit).
PARENT_KINDS: dict[str, bool] = {
    "part_of": True,
    "unit_of": True,
    "post_in": True,
    "holds": True,
    "reports_to": True,
    "raises_decisions_to": True,
    "gives_status_to": True,
    "channel_from": False,
    "cluster_of": True,
    "member_of": True,
    "acute_hospital": False,
    "required_in": True,
    "requested_by": True,
    "responsibility_of": True,
    "placed_with": True,
    "on_behalf_of": True,
    "secretariat_in": True,
    "chair_from": True,
    "channel_to": True,
}

_GAP_X = 28.0  # px between neighbouring blocks in a row
_GAP_Y = 46.0  # px between a node and the row of blocks under it, and between rows
_ASPECT = 2.0  # a subtree's children are wrapped to keep its block about this much wider than tall
_SCREEN = 1.4  # the whole is packed to the shape of a 1400×1000 view

Size = Callable[[DNode], tuple[float, float, float]]  # width, height, y of the node's centre below its top


def pack_positions(
    diagram: Diagram, size: Size, folded: Mapping[str, str] | None = None
) -> dict[str, tuple[float, float]]:
    """Node id → (x, y) in screen pixels for every node of ``diagram``. ``size`` gives a node's extent as
    drawn (width, height, and where its centre sits below its top edge); ``folded`` maps a node the page
    opens folded to the node it folds into."""
    folded = dict(folded or {})
    nodes = [n for n in diagram.nodes if n.id not in folded]
    index = {n.id: i for i, n in enumerate(nodes)}
    parent = _parents(len(nodes), index, diagram.edges)
    children: list[list[int]] = [[] for _ in nodes]
    roots: list[int] = []
    for i, p in enumerate(parent):
        (roots if p < 0 else children[p]).append(i)
    out: dict[str, tuple[float, float]] = {}
    if not nodes:
        return dict.fromkeys(folded, (0.0, 0.0))
    extent = [size(n) for n in nodes]
    width, height, rows = _blocks(nodes, children, extent, _order(children, roots))
    top_w, _, top_rows = _rows(roots, width, height, 0.0, _SCREEN, sort=True)
    # place top-down: (node, left, top) of each block
    stack = [(i, x, y) for i, x, y in _place(top_rows, width, height, -top_w / 2, 0.0, top_w)]
    while stack:
        i, left, top = stack.pop()
        _w, h, centre = extent[i]
        out[nodes[i].id] = (round(left + width[i] / 2, 1), round(top + centre, 1))
        if children[i]:
            stack.extend(_place(rows[i], width, height, left, top + h + _GAP_Y, width[i]))
    for nid in folded:
        host = nid
        for _ in range(64):  # a person folds into a seat, which folds into a forum
            host = folded.get(host, host)
            if host not in folded:
                break
        out[nid] = out.get(host, (0.0, 0.0))
    return out


def _parents(count: int, index: Mapping[str, int], edges: Sequence[DEdge]) -> list[int]:
    """One parent per node (-1 for a root), never closing a cycle: containment lines first, then any line
    joining two trees at a root."""
    parent = [-1] * count
    comp = list(range(count))

    def find(i: int) -> int:
        while comp[i] != i:
            comp[i] = comp[comp[i]]
            i = comp[i]
        return i

    def attach(child: int, up: int) -> bool:
        if parent[child] >= 0:
            return False
        a, b = find(child), find(up)
        if a == b:
            return False
        parent[child] = up
        comp[a] = b
        return True

    rank = {k: r for r, k in enumerate(PARENT_KINDS)}
    lines = [e for e in edges if e.kind in rank and e.u in index and e.v in index]
    lines.sort(key=lambda e: rank[e.kind])
    for e in lines:
        u, v = index[e.u], index[e.v]
        if PARENT_KINDS[e.kind]:
            attach(u, v)
        else:
            attach(v, u)
    for e in edges:
        if e.u in index and e.v in index and e.kind not in rank:
            u, v = index[e.u], index[e.v]
            attach(u, v) or attach(v, u)
    return parent


def _order(children: list[list[int]], roots: list[int]) -> list[int]:
    """Every node, children before their parent (the order blocks are sized in)."""
    out: list[int] = []
    stack = list(roots)
    while stack:
        i = stack.pop()
        out.append(i)
        stack.extend(children[i])
    out.reverse()
    return out


def _blocks(
    nodes: Sequence[DNode],
    children: list[list[int]],
    extent: Sequence[tuple[float, float, float]],
    order: Sequence[int],
) -> tuple[list[float], list[float], list[list[list[int]]]]:
    """Width and height of every node's block, and the rows its children are wrapped into."""
    width = [0.0] * len(nodes)
    height = [0.0] * len(nodes)
    rows: list[list[list[int]]] = [[] for _ in nodes]
    for i in order:
        w, h, _ = extent[i]
        kids = sorted(children[i], key=lambda c: (nodes[c].kind, nodes[c].label))
        if not kids:
            width[i], height[i] = w, h
            continue
        row_w, row_h, rows[i] = _rows(kids, width, height, w, _ASPECT)
        width[i] = max(w, row_w)
        height[i] = h + _GAP_Y + row_h
    return width, height, rows


def _rows(
    items: list[int], width: Sequence[float], height: Sequence[float], least: float, aspect: float, sort: bool = False
) -> tuple[float, float, list[list[int]]]:
    """``items`` wrapped into rows about ``aspect`` times as wide as the rows are tall together (at least
    ``least`` and the widest item wide): total width, total height, the rows."""
    if sort:
        items = sorted(items, key=lambda i: -height[i])
    area = sum((width[i] + _GAP_X) * (height[i] + _GAP_Y) for i in items)
    limit = max(least, max(width[i] for i in items), math.sqrt(area * aspect))
    rows: list[list[int]] = [[]]
    used = 0.0
    for i in items:
        need = width[i] if not rows[-1] else used + _GAP_X + width[i]
        if rows[-1] and need > limit:
            rows.append([])
            need = width[i]
        rows[-1].append(i)
        used = need
    row_w = max(sum(width[i] for i in row) + _GAP_X * (len(row) - 1) for row in rows)
    row_h = sum(max(height[i] for i in row) for row in rows) + _GAP_Y * (len(rows) - 1)
    return row_w, row_h, rows


def _place(
    rows: list[list[int]], width: Sequence[float], height: Sequence[float], left: float, top: float, span: float
) -> list[tuple[int, float, float]]:
    """(item, left, top) of every block in ``rows``, each row centred in ``span`` from ``left``."""
    out = []
    for row in rows:
        used = sum(width[i] for i in row) + _GAP_X * (len(row) - 1)
        x = left + (span - used) / 2
        for i in row:
            out.append((i, x, top))
            x += width[i] + _GAP_X
        top += max(height[i] for i in row) + _GAP_Y
    return out
