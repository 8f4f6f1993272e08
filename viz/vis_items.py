"""The diagram's nodes and edges as vis-network items: their look, where they sit and how they fold.

Split from ``viz.html``, which keeps the page (template, inlined assets, interface text) and what the page
script needs besides the items (vis-network options, legend, filters, search): here each ``DNode`` and
``DEdge`` becomes the dict vis-network draws (colours, dashes, fonts by kind, sector and flag), parallel
edges are bent apart, trees get dot positions, and the page learns what it may fold away to open legibly.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from viz.diagram import DEdge, Diagram, DNode
from viz.layout import HIERARCHY_LIMIT, node_value, positions, tree_positions
from viz.style import FADED, FADED_TEXT, FLAG_STYLES, FONT, edge_style, node_style, sector_style

_HIGHLIGHT = FLAG_STYLES["highlight"].border
#: Label sizes (px at zoom 1): bodies and organisations, seats and requirements.
FONT_PX = 15
SEAT_FONT_PX = 13


def _bend_parallel(edges: list[dict[str, Any]]) -> None:
    """Curve the edges that share two ends, alternately left and right, so none hides another."""
    groups: dict[frozenset[str], list[dict[str, Any]]] = {}
    for e in edges:
        groups.setdefault(frozenset((e["from"], e["to"])), []).append(e)
    for group in groups.values():
        if len(group) < 2:
            continue
        for k, e in enumerate(group):
            side = "curvedCW" if k % 2 else "curvedCCW"
            e["smooth"] = {"enabled": True, "type": side, "roundness": 0.15 + 0.12 * (k // 2)}


#: A tree whose unfolded part is wider than this many times its height is drawn left to right instead.
_TOO_WIDE = 2.2


def _top(diagram: Diagram) -> Diagram:
    """The diagram without its folded nodes (what a hierarchy opens on)."""
    ids = {n.id for n in diagram.nodes}
    top = [n for n in diagram.nodes if not (n.fold and n.fold in ids)]
    keep = {n.id for n in top}
    return replace(diagram, nodes=top, edges=[e for e in diagram.edges if e.u in keep and e.v in keep])


def _tree_positions(
    diagram: Diagram,
) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    """Dot positions of the whole tree and of its unfolded top, top-down, or left to right when the top
    would be too wide to read on a screen (many units side by side)."""
    top = _top(diagram)
    folds = len(top.nodes) < len(diagram.nodes)
    if len(diagram.nodes) > HIERARCHY_LIMIT:  # dot takes seconds at this size
        return tree_positions(diagram), tree_positions(top) if folds else {}
    overview = positions(top) if folds else {}
    rankdir = "TB"
    if overview:
        xs, ys = [p[0] for p in overview.values()], [p[1] for p in overview.values()]
        if max(xs) - min(xs) > _TOO_WIDE * max(max(ys) - min(ys), 200.0):
            rankdir = "LR"
            overview = positions(top, rankdir="LR")
    return positions(diagram, rankdir=rankdir), overview


def _folding(diagram: Diagram, nodes: list[dict[str, Any]]) -> dict[str, Any]:
    """What the page may fold so it opens legibly, and what it opens unfolded.

    Hierarchies: a node with ``DNode.fold`` (a seat, a requirement, a unit deep in an org chart) folds into
    that node (``p``); the page opens on the rest in a layout of their own (``overview``), with the focus
    and the forums holding a highlighted or gap seat unfolded (``expanded``). Networks: each entity is in
    the fold of its first health cluster (``g``); the page folds them (``groups``) only if everything would
    not fit at a legible size. Highlighted, focused and gap entities never fold away.
    """
    by_id = {n.id: n for n in diagram.nodes}
    out: dict[str, Any] = {}
    if diagram.hierarchical:
        folded = [n for n in diagram.nodes if n.fold and n.fold in by_id]
        if not folded:
            return out
        for vis_node, n in zip(nodes, diagram.nodes, strict=True):
            if n.fold and n.fold in by_id:
                vis_node["p"] = n.fold
        keep = {n.id for n in diagram.nodes if n.flags & {"focus"}}
        keep |= {n.fold for n in folded if n.flags & {"highlight", "gap"}}
        hosts = {n.fold for n in folded}
        out["expanded"] = sorted(k for k in keep if k in hosts)
        return out
    host = _network_folds(diagram)
    for vis_node, n in zip(nodes, diagram.nodes, strict=True):
        if n.flags & {"highlight", "focus", "gap"}:
            continue
        clusters = n.facets.get("clusters") or []
        if clusters:
            vis_node["g"] = clusters[0]
        if n.id in host:
            vis_node["p"] = host[n.id]
    used = {v["g"] for v in nodes if "g" in v}
    groups = [[c, label] for c, label in sorted(diagram.clusters.items(), key=lambda kv: kv[1]) if c in used]
    if groups:
        out["groups"] = groups
    return out


def _network_folds(d: Diagram) -> dict[str, str]:
    """In a network, seats fold into the forum or organisation they are in, persons into the seat they
    hold (``post_in`` and ``holds`` lines in the view); highlighted, focused and gap entities never fold."""
    kind = {n.id: n.kind for n in d.nodes if not n.flags & {"highlight", "focus", "gap"}}
    out: dict[str, str] = {}
    for e in d.edges:
        if e.kind == "post_in" and kind.get(e.u) == "post" and e.u not in out:
            out[e.u] = e.v
    for e in d.edges:
        if e.kind == "holds" and kind.get(e.u) == "person" and e.v in out and e.u not in out:
            out[e.u] = e.v
    return out


# ---------------------------------------------------------------------- nodes and edges
def _node(n: DNode, boxes: bool, xy: tuple[float, float] | None) -> dict[str, Any]:
    ns = node_style(n.kind)
    sec = sector_style(n.sector)
    border, width = sec.border, 1.5
    dashes: bool | tuple[int, ...] = False
    for flag in ("not_stated", "proposed", "scenario", "vacant", "gap", "aggregate", "highlight", "focus"):
        if flag in n.flags:
            fs = FLAG_STYLES[flag]
            border, width, dashes = fs.border, fs.width, fs.dashes
    fill, text = sec.fill, "#1a1a1a"
    if "faded" in n.flags:
        fill, border, text = "#f2f2f2", FADED, FADED_TEXT
    shape = "box" if boxes else ns.vis_shape
    out: dict[str, Any] = {
        "id": n.id,
        "label": n.label,
        "title": n.tooltip,
        "shape": shape,
        "color": {
            "background": fill,
            "border": border,
            "highlight": {"background": fill, "border": _HIGHLIGHT},
            "hover": {"background": fill, "border": _HIGHLIGHT},
        },
        "borderWidth": width,
        "borderWidthSelected": width + 2,
        "shapeProperties": {"borderDashes": _dash(dashes), "borderRadius": 6},
        "font": {"color": text, "size": SEAT_FONT_PX if n.kind in ("post", "requirement") else FONT_PX, "face": FONT},
        "f": n.facets,
    }
    if boxes:
        out["margin"] = 8 if n.kind in ("forum", "partnership") else 5
        out["widthConstraint"] = {"maximum": 230}
    else:
        out["value"] = node_value(n)
    if n.level is not None:
        out["level"] = n.level
    if xy is not None:
        out["x"], out["y"] = xy
    return out


def _edge(i: int, e: DEdge, mode: str) -> dict[str, Any]:
    es = edge_style(e.kind)
    colour, width, dashes = es.colour, es.width, es.dashes
    if e.count > 1:
        width += math.log2(e.count)
    for flag in ("scenario", "proposed"):
        if flag in e.flags:
            colour, dashes = FLAG_STYLES[flag].border, dashes or FLAG_STYLES[flag].dashes
    if "highlight" in e.flags:
        colour, width = _HIGHLIGHT, max(width, 1.5) * 2.2
    elif "faded" in e.flags:
        colour = FADED
    elif e.kind == "post_in" and mode != "physics":
        colour, width = "#d4d4d4", 0.6  # seats sit in columns under their forum; the fan of lines is context
    arrows = {
        "to": {"enabled": "to" in es.arrows.split(";"), "type": "vee" if es.arrowhead == "vee" else "arrow"},
        "from": {"enabled": "from" in es.arrows.split(";"), "type": "arrow"},
    }
    out: dict[str, Any] = {
        "id": f"e{i}",
        "from": e.u,
        "to": e.v,
        "color": {"color": colour, "highlight": _HIGHLIGHT, "hover": _HIGHLIGHT, "inherit": False},
        "width": round(width, 2),
        "dashes": _dash(dashes),
        "arrows": arrows,
        "k": e.kind,
        "f": e.facets,
    }
    if e.tooltip:
        out["title"] = e.tooltip
    if e.label:
        out["label"] = e.label
    return out


def _dash(dashes: bool | tuple[int, ...]) -> list[int] | bool:
    """vis-network's dash option: a pattern, or false for a solid line."""
    return list(dashes) if isinstance(dashes, tuple) else False
