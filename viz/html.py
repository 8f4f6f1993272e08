"""Interactive HTML: a ``Diagram`` as one self-contained, offline page driven by vis-network 9.1.2.

Nodes, edges and options are plain dicts filled in one pass (never pyvis ``add_edge``, which is quadratic,
and never pyvis's template or ``write_html``, which pull scripts from a CDN, write ``lib/`` into the working
directory and reintroduce an ``innerHTML`` tooltip). The page is rendered by our own autoescaped Jinja2
template; the data goes in as ``|tojson`` inside a ``application/json`` script block, vis-network's JS and
CSS are read from the installed pyvis wheel and inlined, and a Content-Security-Policy forbids every
network request. Tooltips are plain strings, which vis-network ≥ 9 shows as text.

The caller writes the returned ``str`` with ``encoding="utf-8"``.
"""

from __future__ import annotations

import math
import re
import weakref
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, Template, select_autoescape

from graph.bulk import gc_paused
from viz.diagram import DEdge, Diagram, DNode
from viz.layout import (
    HIERARCHY_LIMIT,
    PHYSICS_LIMIT,
    SCALING,
    network_positions,
    node_value,
    positions,
    tree_positions,
)
from viz.request import kept
from viz.style import (
    EDGE_STYLES,
    FADED,
    FADED_TEXT,
    FLAG_STYLES,
    FONT,
    NODE_STYLES,
    SECTORS,
    edge_style,
    node_style,
    sector_names,
    sector_style,
)
from viz.tooltips import forum_kind_name, status_name

__all__ = ["STABILISATION_ITERATIONS", "UI", "to_html", "vis_assets", "vis_data"]

#: Physics runs at most this many iterations before the page switches it off.
STABILISATION_ITERATIONS = 200
_VIS_DIR = ("templates", "lib", "vis-9.1.2")
_HIGHLIGHT = FLAG_STYLES["highlight"].border
_FIRST_SENTENCE = re.compile(r"^(.*?\d{4}-\d{2}-\d{2})\. ")

#: Interface text: Danish with English alongside.
UI: dict[str, str] = {
    "search": "Søg / Search",
    "search_hint": "Navn eller forkortelse … / Name or abbreviation …",
    "filters": "Filtre / Filters",
    "sector": "Sektor / Sector",
    "cluster": "Klynge / Cluster",
    "all": "Alle / All",
    "forum_kind": "Forumtype / Forum kind",
    "status": "Status",
    "date": "Gælder på dato / In force on",
    "reset": "Nulstil / Reset",
    "legend": "Signaturforklaring / Legend",
    "not_found": "Ikke fundet / Not found",
    "hidden": "Skjult af et filter – nulstil filtrene / Hidden by a filter – reset the filters",
    "shown": "Vist / Shown",
    "nodes": "enheder / entities",
    "no_status": "ingen status / no status",
    "print": "Udskriv / Print",
    "overview": "Overblik / Overview",
    "unfold": "klik for at folde ud / click to unfold",
    "crumbs": "Hvor du er i diagrammet / Where you are in the diagram",
}

#: Smallest label on screen, in CSS pixels: the page never opens or zooms (on its own) below this.
MIN_FONT_PX = 11
#: Label sizes (px at zoom 1): bodies and organisations, seats and requirements.
FONT_PX = 15
SEAT_FONT_PX = 13


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and CSS from the installed pyvis wheel (read once per process)."""
    base = resources.files("pyvis").joinpath(*_VIS_DIR)
    js = base.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = base.joinpath("vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("vis-network assets cannot be inlined safely")
    return js, css


@cache
def _template_text(name: str) -> str:
    return resources.files("viz").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def _page_template() -> Template:
    """The page template, compiled once per process (compiling it took longer than filling it)."""
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True), keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    return env.from_string(_template_text("network.html"))


def to_html(diagram: Diagram, *, layout: str | None = None, embed: bool = False) -> str:
    """The whole page as a string. ``layout``: ``None`` decides by size, ``"physics"``, ``"positions"``,
    or ``"hierarchical"``. ``embed``: framed in the site's diagram page, whose form is the one filter panel
    (the page keeps search, breadcrumb and legend). The page of a diagram ``viz.request.build`` keeps is kept
    with it (the server answers the same view again without rendering it again)."""
    keep = kept(diagram)
    key = (id(diagram), layout, embed)
    if keep and key in _PAGES:
        return _PAGES[key]
    with gc_paused():  # the page's dicts would trigger collections that re-scan the whole model
        page = _render(diagram, layout, embed)
    if keep:
        _PAGES[key] = page
        weakref.finalize(diagram, _PAGES.pop, key, None)
    return page


_PAGES: dict[tuple[int, str | None, bool], str] = {}


def _render(diagram: Diagram, layout: str | None, embed: bool) -> str:
    js, css = vis_assets()
    return _page_template().render(
        title=diagram.title,
        caption=diagram.caption,
        caption_head=_caption_head(diagram.caption),
        notes=diagram.notes,
        highlight_caption=diagram.highlight_caption,
        lang=diagram.lang,
        ui=UI,
        embed=embed,
        data=vis_data(diagram, layout=layout),
        vis_js=js,
        vis_css=css,
        page_js=_template_text("network.js"),
        page_css=_template_text("network.css"),
    )


def _caption_head(caption: str) -> str:
    """The first sentence (the date) and a pointer to the sources, which unfold on click."""
    found = _FIRST_SENTENCE.match(caption)
    return f"{found.group(1)} · Kilder / Sources ▸" if found else caption


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


def vis_data(diagram: Diagram, *, layout: str | None = None) -> dict[str, Any]:
    """Everything the page script needs, as JSON-ready dicts: nodes, edges, options, legend, filters."""
    mode = layout or _mode(diagram)
    pos: dict[str, tuple[float, float]] = {}
    overview: dict[str, tuple[float, float]] = {}
    if mode == "positions":
        pos = {n.id: (n.x, n.y) for n in diagram.nodes if n.x is not None and n.y is not None}
        if len(pos) < len(diagram.nodes):
            if diagram.hierarchical:
                pos, overview = _tree_positions(diagram)
            else:
                pos = network_positions(diagram, _network_folds(diagram))
    boxes = diagram.view == "organisation"
    nodes = [_node(n, boxes, pos.get(n.id)) for n in diagram.nodes]
    folding = _folding(diagram, nodes)
    if overview and "expanded" in folding:
        folding["overview"] = {k: list(v) for k, v in overview.items()}
    edges = [_edge(i, e, mode) for i, e in enumerate(diagram.edges)]
    _bend_parallel(edges)
    search = [[n.label.split("\n")[0], n.id] for n in diagram.nodes]
    search += [[alias, n.id] for n in diagram.nodes for alias in n.aliases]
    return {
        "nodes": nodes,
        "edges": edges,
        "options": _options(diagram, mode),
        "physics": mode == "physics",
        "legend": _legend(diagram),
        "filters": _filters(diagram),
        "search": search,
        "ui": UI,
        "view": diagram.view,
        "minFont": MIN_FONT_PX,
        **folding,
    }


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


def _mode(d: Diagram) -> str:
    """Hierarchies always get dot positions (vis's own hierarchical layout lets wide boxes overlap)."""
    if d.hierarchical:
        return "positions"
    return "physics" if len(d.nodes) <= PHYSICS_LIMIT else "positions"


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


def _options(d: Diagram, mode: str) -> dict[str, Any]:
    big = len(d.nodes) > PHYSICS_LIMIT
    opts: dict[str, Any] = {
        "autoResize": True,
        "nodes": {
            "font": {"face": FONT},
            "scaling": {
                "min": SCALING[0],
                "max": SCALING[1],
                # labels keep their size whatever a node's weight: a hub is drawn bigger, not louder
                "label": {"enabled": False},
            },
        },
        "edges": {
            "smooth": False if big or mode == "positions" else {"type": "continuous", "roundness": 0.35},
            "font": {"size": 10, "face": FONT, "align": "middle", "strokeWidth": 3},
            "selectionWidth": 1.5,
        },
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "keyboard": {"enabled": False},
            "multiselect": False,
        },
        "layout": {"improvedLayout": len(d.nodes) <= 100, "randomSeed": 7},
        "physics": {"enabled": False},
    }
    if mode == "hierarchical":
        opts["layout"]["hierarchical"] = {
            "enabled": True,
            "direction": "UD",
            "levelSeparation": 130,
            "nodeSpacing": 40,
            "treeSpacing": 60,
            "blockShifting": True,
            "edgeMinimization": True,
            "parentCentralization": True,
            "sortMethod": "directed",
            "shakeTowards": "roots",
        }
        opts["edges"]["smooth"] = {"type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.4}
    elif mode == "physics":
        opts["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            # spread enough that the labels under the shapes do not run into each other at first paint
            "forceAtlas2Based": {"gravitationalConstant": -90, "springLength": 120, "avoidOverlap": 1.0},
            "stabilization": {
                "enabled": True,
                "iterations": STABILISATION_ITERATIONS,
                "updateInterval": 25,
                "fit": True,
            },
            "minVelocity": 1.0,
        }
    return opts


def _legend(d: Diagram) -> list[dict[str, Any]]:
    out = []
    for entry in d.legend:
        item: dict[str, Any] = {"what": entry.what, "label": entry.label}
        if entry.what == "sector":
            s = SECTORS[entry.key]
            item |= {"fill": s.fill, "border": s.border}
        elif entry.what == "node":
            ns = NODE_STYLES[entry.key]
            shape = "box" if d.view == "organisation" else ns.vis_shape
            item |= {"fill": "#ffffff", "border": "#555555", "shape": shape}
        elif entry.what == "edge":
            es = EDGE_STYLES[entry.key]
            item |= {"border": es.colour, "line": _css_line(es.dashes)}
        else:
            fs = FLAG_STYLES[entry.key]
            item |= {"fill": "#ffffff", "border": fs.border, "line": _css_line(fs.dashes)}
        out.append(item)
    return out


def _css_line(dashes: bool | tuple[int, ...]) -> str:
    if not dashes:
        return "solid"
    return "dotted" if isinstance(dashes, tuple) and dashes[0] <= 3 else "dashed"


def _filters(d: Diagram) -> dict[str, list[list[str]]]:
    lang = d.lang
    sectors = {n.facets.get("sector", "none") for n in d.nodes}
    kinds = {n.facets["forum_kind"] for n in d.nodes if n.facets.get("forum_kind")}
    statuses = {n.facets.get("status", "none") for n in d.nodes}
    return {
        "sectors": [[k, sector_names(k)[1 if lang == "en" else 0]] for k in SECTORS if k in sectors],
        "clusters": [[c, label] for c, label in sorted(d.clusters.items(), key=lambda kv: kv[1])],
        "forum_kinds": [[k, forum_kind_name(k, lang)] for k in sorted(kinds)],
        "statuses": [[s, status_name(s, lang) if s != "none" else UI["no_status"]] for s in sorted(statuses)],
    }
