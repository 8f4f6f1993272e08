"""Server-side positions for the interactive page: Graphviz (pygraphviz, in-process) or ``viz.packlayout``.

vis-network's force layout needs minutes above a few hundred nodes and its ``improvedLayout`` struggles
even earlier (see PITFALLS.md), and its hierarchical layout lets wide boxes overlap. So hierarchies get
``dot`` positions (the same layout as the printed diagram: seats stacked in columns under their forum), and
networks above ``PHYSICS_LIMIT`` nodes get ``network_positions`` (``viz.packlayout``: milliseconds where
``sfdp`` took a second at 2,000 nodes, and no label overlaps); the page then starts with physics off.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from viz.diagram import DEdge, Diagram, DNode
from viz.dotgraph import build, route_graphviz_messages
from viz.gvlock import serialised
from viz.packlayout import pack_positions
from viz.style import EDGE_FONT_PX, FONT

__all__ = [
    "HIERARCHY_LIMIT",
    "PHYSICS_LIMIT",
    "SCALING",
    "box_size",
    "graphviz_positions",
    "network_positions",
    "positions",
    "tree_positions",
]

#: Above this many nodes the page gets precomputed positions and no physics.
PHYSICS_LIMIT = 350
#: Hierarchies above this many nodes are packed (``tree_positions``) instead of laid out by dot.
HIERARCHY_LIMIT = 600
_SFDP_SCALE = 1.0
_SFDP_K = "0.6"  # inches between neighbours; with 0.6 in marks and overlap scaling: room for a label
_CHAR = 0.6  # average DejaVu Sans glyph width per pixel of font size
#: vis-network's node size range for value-scaled shapes (radius in px), shared with ``viz.html``'s options.
SCALING = (8.0, 42.0)


def box_size(n: DNode) -> tuple[float, float]:
    """Width and height (px) of a node's box as vis-network draws it (font 15, seats 12, wrapped labels)."""
    font = 13 if n.kind in ("post", "requirement") else 15
    margin = 5 if font == 12 else 8
    lines = n.label.split("\n")
    width = max(len(line) for line in lines) * font * _CHAR + 2 * margin
    return min(width, 230 + 2 * margin), len(lines) * font * 1.25 + 2 * margin


def node_value(n: DNode) -> float:
    """The ``value`` vis-network scales a network node's shape by (its weight; a group at least 10)."""
    value = max(1.0, n.weight)
    return max(value, 10.0) if n.kind == "aggregate" or "aggregate" in n.flags else value


def network_positions(diagram: Diagram, folded: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Positions for a big network page (``viz.packlayout``), spaced by the shapes and labels as drawn: a
    shape scaled by its value (``SCALING``, vis-network's linear scale) with the label under it."""
    values = [node_value(n) for n in diagram.nodes if n.id not in folded] or [1.0]
    low, high = min(values), max(values)
    least, most = SCALING

    def size(n: DNode) -> tuple[float, float, float]:
        share = 0.5 if high == low else (node_value(n) - low) / (high - low)
        radius = least + share * (most - least)
        label_w, label_h = box_size(n)
        return max(label_w, 2 * radius), 2 * radius + 4 + label_h, radius

    return pack_positions(diagram, size, folded)


def tree_positions(diagram: Diagram) -> dict[str, tuple[float, float]]:
    """Positions for a big hierarchy page (``viz.packlayout``): each body under the one it reports to, seats
    in rows under their forum, boxes spaced as drawn (label inside, ``box_size``)."""

    def size(n: DNode) -> tuple[float, float, float]:
        w, h = box_size(n)
        return w, h, h / 2

    return pack_positions(diagram, size)


def positions(diagram: Diagram, prog: str | None = None, *, rankdir: str = "TB") -> dict[str, tuple[float, float]]:
    """Node id → (x, y) in screen pixels (y grows downwards, as in vis-network). ``rankdir`` (dot only):
    ``TB`` top-down, ``LR`` left to right – for a tree too wide to read top-down.

    Kept per drawn structure (an LRU of ``_KEEP`` layouts keyed by a digest of what the layout depends on:
    nodes, labels, levels, folds and lines), so the same view of the same data version is laid out once –
    sfdp takes seconds at 2,000 nodes."""
    prog = prog or ("dot" if diagram.hierarchical else "sfdp")
    key = _digest(diagram, prog, rankdir)
    with _cache_lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return dict(hit)
    found = graphviz_positions(diagram, prog, rankdir)
    with _cache_lock:
        _cache[key] = found
        while len(_cache) > _KEEP:
            _cache.popitem(last=False)
    return dict(found)


_KEEP = 64
_cache: OrderedDict[str, dict[str, tuple[float, float]]] = OrderedDict()
_cache_lock = threading.Lock()


def _digest(diagram: Diagram, prog: str, rankdir: str) -> str:
    h = hashlib.blake2b(f"{prog}|{rankdir}|{diagram.hierarchical}".encode(), digest_size=16)
    for n in diagram.nodes:
        h.update(f"\x00{n.id}\x01{n.label}\x01{n.kind}\x01{n.level}\x01{n.parent}".encode())
    for e in diagram.edges:
        h.update(f"\x02{e.u}\x01{e.v}\x01{e.kind}\x01{e.label}".encode())
    return h.hexdigest()


@serialised  # Graphviz is not thread-safe (viz.gvlock)
def graphviz_positions(diagram: Diagram, prog: str, rankdir: str = "TB") -> dict[str, tuple[float, float]]:
    """``positions`` laid out afresh, never from the cache (the benchmarks' baseline)."""
    import pygraphviz as pgv  # a compiled extension: import only when a layout is actually needed

    route_graphviz_messages()
    if prog == "dot":
        a, names = build(
            diagram,
            _box_attrs,
            _label_attrs,
            {"rankdir": rankdir, "nodesep": "0.3", "ranksep": "0.5", "newrank": "true", "splines": "false"},
        )
        scale = 1.0
    else:
        a = pgv.AGraph(strict=False, directed=False)
        a.graph_attr.update(overlap="scale", splines="false", outputorder="edgesfirst", K=_SFDP_K)
        a.node_attr.update(label="", shape="circle", width="0.6", height="0.6", fixedsize="true")
        names = {n.id: str(i) for i, n in enumerate(diagram.nodes)}
        a.add_nodes_from(names.values())
        a.add_edges_from((names[e.u], names[e.v]) for e in diagram.edges if e.u in names and e.v in names)
        scale = _SFDP_SCALE
    try:
        a.layout(prog=prog)
        out: dict[str, tuple[float, float]] = {}
        for n in diagram.nodes:
            pos = a.get_node(names[n.id]).attr.get("pos") or "0,0"
            x, y = (float(p) for p in pos.rstrip("!").split(",")[:2])
            out[n.id] = (round(x * scale, 1), round(-y * scale, 1))
        return out
    finally:
        a.close()  # freed under the lock, not later by the collector in another thread


def _box_attrs(n: DNode) -> dict[str, str]:
    w, h = box_size(n)
    return {"label": "", "shape": "box", "fixedsize": "true", "width": f"{w / 72:.2f}", "height": f"{h / 72:.2f}"}


def _label_attrs(e: DEdge) -> dict[str, str]:
    """A labelled line's label, as drawn, for dot to make room for: between two boxes side by side a label
    »foreslået« was drawn across both arrowheads, on a short line between ranks over them."""
    if not e.label:
        return {}
    pad = "\u00a0" * 2  # a little air on both sides, where the arrowheads' tips reach in
    return {"label": f"{pad}{e.label}{pad}", "fontsize": str(EDGE_FONT_PX), "fontname": FONT}
