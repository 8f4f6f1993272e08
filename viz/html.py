"""Interactive HTML: a ``Diagram`` as one self-contained, offline page driven by vis-network 9.1.2.

Nodes, edges and options are plain dicts filled in one pass (never pyvis ``add_edge``, which is quadratic,
and never pyvis's template or ``write_html``, which pull scripts from a CDN, write ``lib/`` into the working
directory and reintroduce an ``innerHTML`` tooltip). The page is rendered by our own autoescaped Jinja2
template; the data goes in as ``|tojson`` inside a ``application/json`` script block, vis-network's JS and
CSS are read from the installed pyvis wheel and inlined, and a Content-Security-Policy forbids every
network request. Tooltips are plain strings, which vis-network ≥ 9 shows as text. The node and edge dicts,
their positions and folding come from ``viz.vis_items``; this module adds the options, legend and filters.

The caller writes the returned ``str`` with ``encoding="utf-8"``.
"""

from __future__ import annotations

import re
import weakref
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, Template, select_autoescape

from graph.bulk import gc_paused
from viz.diagram import Diagram
from viz.layout import PHYSICS_LIMIT, SCALING, network_positions
from viz.request import kept
from viz.style import EDGE_FONT_PX, EDGE_STYLES, FLAG_STYLES, FONT, NODE_STYLES, SECTORS, sector_names
from viz.tooltips import forum_kind_name, status_name
from viz.vis_items import _bend_parallel, _edge, _folding, _network_folds, _node, _tree_positions

__all__ = ["STABILISATION_ITERATIONS", "UI", "to_html", "vis_assets", "vis_data"]

#: Physics runs at most this many iterations before the page switches it off.
STABILISATION_ITERATIONS = 200
_VIS_DIR = ("templates", "lib", "vis-9.1.2")
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


def _mode(d: Diagram) -> str:
    """Hierarchies always get dot positions (vis's own hierarchical layout lets wide boxes overlap)."""
    if d.hierarchical:
        return "positions"
    return "physics" if len(d.nodes) <= PHYSICS_LIMIT else "positions"


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
            "font": {"size": EDGE_FONT_PX, "face": FONT, "align": "horizontal", "strokeWidth": 3},
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
