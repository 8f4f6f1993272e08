"""Printable diagrams: a ``Diagram`` as SVG, PDF or PNG through pygraphviz, in-process.

Hierarchies and small neighbourhoods are laid out top-down with ``dot`` and carry their legend as a
cluster subgraph. Larger networks become a poster: positions from ``sfdp`` (via ``viz.layout``) stretched
to the page, small marks sized by degree, names on the busiest and on every marked entity, and the legend
pinned beside the drawing. SVG and PNG come at natural size; PDF is placed on A4 pages (``viz.printout``).
Set in DejaVu Sans so æøå print, and headed by a caption naming the data's date and sources. All user
text is passed as escaped plain text (``viz.dotgraph.gv_text``); SVG output escapes it again as XML.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from viz.diagram import DEdge, Diagram, DNode, LegendEntry
from viz.dotgraph import build, gv_text
from viz.gvlock import serialised
from viz.layout import positions
from viz.page import Fit
from viz.printout import Placed, on_a4, paper_fit
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
    sector_style,
)

if TYPE_CHECKING:
    import pygraphviz as pgv

__all__ = ["FORMATS", "SMALLEST_FONT", "TOO_WIDE", "render_static", "to_agraph"]

FORMATS = ("svg", "pdf", "png")
_CAPTION_WIDTH = 170
_LEGEND_ROWS = 4
_DOT_LIMIT = 60  # networks up to this size are drawn with dot, larger ones as a poster
_LABELLED = 45  # names shown on a poster
_PAPER_PT = (1500.0, 1000.0)  # poster drawing area for paper: names at 9 pt need room; split over pages
#: A hierarchy drawn top-down wider than this many times its height is drawn left to right instead.
TOO_WIDE = 2.6
#: The smallest text Graphviz sets (edge labels, poster names); A4 placement never shrinks it below 8 pt.
SMALLEST_FONT = 9
_HIGHLIGHT = FLAG_STYLES["highlight"].border


@serialised  # Graphviz is not thread-safe: concurrent renders abort the process (viz.gvlock)
def render_static(diagram: Diagram, fmt: str = "svg", *, dpi: int = 150) -> bytes:
    """The diagram as ``svg``, ``pdf`` or ``png`` bytes. PDF is for paper: exact A4 pages (``viz.printout``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    paper = fmt == "pdf"
    caption = "\n".join(x for x in (diagram.highlight_caption, diagram.caption, *diagram.notes) if x)
    a = to_agraph(diagram, paper=paper)
    try:
        if fmt == "png":
            a.graph_attr["dpi"] = str(dpi)
        out = fmt if fmt != "png" else "png:cairo"
        if _layered(diagram):
            a.layout(prog="dot")
            if diagram.hierarchical:
                _choose_direction(a, diagram, caption if paper else None)
            data: bytes = a.draw(format=out)
        else:
            data = a.draw(format=out, prog="nop2")  # positions are pinned already
        places = _places(a, diagram) if paper else []
    finally:
        a.close()  # freed under the lock, not later by the collector in another thread
    if not paper:
        return data
    return on_a4(
        data,
        smallest_font=SMALLEST_FONT,
        title=diagram.title,
        caption=caption,
        legend=diagram.legend,
        places=places,
        lang=diagram.lang,
    )


def _places(a: pgv.AGraph, diagram: Diagram) -> list[Placed]:
    """Where the bodies sit in the drawing, in PDF points, for the contents page; a seat (or a person, a
    requirement) counts as its forum's (``Placed.seat``)."""
    pad = float(a.graph_attr.get("pad") or 0.0555) * 72
    label_of = {n.id: n.label for n in diagram.nodes}
    out = []
    for i, n in enumerate(diagram.nodes):
        seat = n.kind in ("post", "requirement", "person") or bool(n.parent)
        label = label_of.get(n.parent or "") if seat else n.label
        if label is None:  # a seat drawn without its forum
            continue
        try:
            pos = a.get_node(f"n{i}").attr.get("pos")
        except KeyError:
            continue
        if pos:
            x, y = (float(v) for v in pos.rstrip("!").split(",")[:2])
            out.append(Placed(label, x + pad, y + pad, seat))
    return out


def _choose_direction(a: pgv.AGraph, diagram: Diagram, caption: str | None) -> None:
    """Lay a hierarchy out left to right instead of top-down when that reads better: on paper (``caption``
    given) when it needs fewer A4 pages (on a tie, a larger scale; top-down when equal); on screen when
    top-down is more than ``TOO_WIDE`` times as wide as tall (many units side by side)."""
    if caption is None:
        if _too_wide(a):
            a.graph_attr["rankdir"] = "LR"
            a.layout(prog="dot")
        return
    down = _paper_fit(a, diagram, caption)
    a.graph_attr["rankdir"] = "LR"
    a.layout(prog="dot")
    across = _paper_fit(a, diagram, caption)
    if (across.pages, -across.scale) < (down.pages, -down.scale):
        return
    a.graph_attr["rankdir"] = "TB"
    a.layout(prog="dot")


def _paper_fit(a: pgv.AGraph, diagram: Diagram, caption: str) -> Fit:
    x0, y0, x1, y1 = (float(v) for v in a.graph_attr["bb"].split(","))
    pad = 2 * float(a.graph_attr.get("pad") or 0.0555) * 72
    return paper_fit(x1 - x0 + pad, y1 - y0 + pad, smallest_font=SMALLEST_FONT, caption=caption, legend=diagram.legend)


def _too_wide(a: pgv.AGraph) -> bool:
    x0, y0, x1, y1 = (float(v) for v in a.graph_attr["bb"].split(","))
    return x1 - x0 > TOO_WIDE * max(y1 - y0, 150.0)


def _layered(diagram: Diagram) -> bool:
    return diagram.hierarchical or len(diagram.nodes) <= _DOT_LIMIT


@serialised
def to_agraph(diagram: Diagram, *, paper: bool = False) -> pgv.AGraph:
    """The styled Graphviz graph: ready for ``dot``, or (posters) with every position pinned.

    ``paper``: natural size, no heading and no legend (``viz.printout`` sets those on the A4 page).
    Callers that go on to lay out or draw it must hold ``viz.gvlock.GRAPHVIZ_LOCK`` themselves.
    """
    poster = not _layered(diagram)
    graph_attrs = {
        "rankdir": "TB",
        "fontname": FONT,
        "fontsize": "11",
        "labelloc": "t",
        "labeljust": "l",
        "nodesep": "0.4",
        "ranksep": "0.45",
        "pad": "0.1",
        "newrank": "true",
        "outputorder": "edgesfirst",
    }
    if not poster and not paper:
        graph_attrs["label"] = gv_text(_heading(diagram) + "\n", newline="\\l")
    labelled = _labelled(diagram) if poster else set()
    a, names = build(diagram, lambda n: _node_attrs(n, poster, n.id in labelled), _edge_attrs, graph_attrs)
    a.node_attr.update(fontname=FONT)
    a.edge_attr.update(fontname=FONT, fontsize=str(SMALLEST_FONT))
    if poster:
        _pin(a, diagram, names, paper)
    elif not paper:
        _legend_cluster(a, diagram.legend)
    return a


def _heading(d: Diagram) -> str:
    caption = "\n".join(textwrap.wrap(d.caption, _CAPTION_WIDTH))
    return "\n".join(x for x in (d.title, d.highlight_caption, caption, *d.notes) if x)


def _labelled(d: Diagram) -> set[str]:
    ranked = sorted(d.nodes, key=lambda n: -n.weight)
    marked = {n.id for n in d.nodes if n.flags & {"highlight", "focus", "gap", "vacant"}}
    return {n.id for n in ranked[:_LABELLED]} | marked


def _node_attrs(n: DNode, poster: bool, labelled: bool) -> dict[str, str]:
    ns = node_style(n.kind)
    sec = sector_style(n.sector)
    border, width, style = sec.border, "1.2", ns.dot_style
    for flag in ("not_stated", "proposed", "scenario", "vacant", "gap", "aggregate", "highlight", "focus"):
        if flag in n.flags:
            fs = FLAG_STYLES[flag]
            border, width = fs.border, f"{fs.width * 0.8:.1f}"
            if fs.dot in ("dashed", "dotted", "bold"):
                style = f"{ns.dot_style},{fs.dot}"
    fill, text = sec.fill, "#1a1a1a"
    if "faded" in n.flags:
        fill, border, text = "#f5f5f5", FADED, FADED_TEXT
    seat = n.kind in ("post", "requirement")
    attrs = {
        "label": gv_text(n.label),
        "tooltip": gv_text(n.tooltip),
        "shape": "box" if seat else ns.dot_shape,
        "style": style,
        "fillcolor": fill,
        "color": border,
        "penwidth": width,
        "fontcolor": text,
        "fontsize": "10" if seat else ("13" if n.kind in ("forum", "partnership") else "11"),
        "margin": "0.06,0.03" if seat else "0.1,0.05",
        "class": " ".join(sorted({n.kind, *n.flags})),
    }
    if poster:  # small marks; names only where they help
        short = n.label.replace("\n", " ")
        short = short if len(short) <= 30 else short[:28] + "…"
        if labelled:
            attrs.update(
                label=gv_text(short), fontsize=str(SMALLEST_FONT), shape="box", margin="0.02,0.01", height="0.1"
            )
        else:
            size = f"{0.06 + 0.03 * min(n.weight, 60) ** 0.5:.2f}"
            shape = ns.dot_shape if ns.dot_shape in ("ellipse", "box", "hexagon") else "box"
            attrs.update(label="", width=size, height=size, fixedsize="true", shape=shape)
    return attrs


def _edge_attrs(e: DEdge) -> dict[str, str]:
    es = edge_style(e.kind)
    colour, width, style = es.colour, es.width, es.dot
    if "proposed" in e.flags or "scenario" in e.flags:
        flag = FLAG_STYLES["scenario" if "scenario" in e.flags else "proposed"]
        colour, style = flag.border, es.dot if es.dot != "solid" else "dashed"
    if "highlight" in e.flags:
        colour, width = _HIGHLIGHT, max(width, 1.5) * 2
    elif "faded" in e.flags:
        colour = FADED
    if e.count > 1:
        width += min(4.0, e.count / 4)
    arrows = es.arrows.split(";")
    attrs = {
        "color": colour,
        "penwidth": f"{width:.1f}",
        "style": style,
        "arrowhead": es.arrowhead if "to" in arrows else "none",
        "arrowtail": es.arrowhead if "from" in arrows else "none",
        "dir": "both" if "from" in arrows else "forward",
        "class": " ".join(sorted({e.kind, *e.flags})),
    }
    if e.label:
        attrs["label"] = gv_text(e.label)
        attrs["fontcolor"] = colour
    if e.tooltip:
        attrs["tooltip"] = gv_text(e.tooltip)
    return attrs


# ---------------------------------------------------------------------- legend
def _legend_attrs(entry: LegendEntry) -> dict[str, str]:
    attrs = {"shape": "box", "style": "filled,rounded", "label": gv_text(entry.label), "fontsize": "8"}
    if entry.what == "sector":
        s = SECTORS[entry.key]
        attrs.update(fillcolor=s.fill, color=s.border)
    elif entry.what == "node":
        attrs.update(shape=NODE_STYLES[entry.key].dot_shape, style="filled", fillcolor="#ffffff")
    else:
        fs = FLAG_STYLES[entry.key]
        style = "filled,rounded" + (f",{fs.dot}" if fs.dot in ("dashed", "dotted", "bold") else "")
        attrs.update(fillcolor="#ffffff", color=fs.border, style=style, penwidth=f"{fs.width * 0.8:.1f}")
    return attrs


def _legend_line(entry: LegendEntry) -> dict[str, str]:
    es = EDGE_STYLES[entry.key]
    return {
        "color": es.colour,
        "style": es.dot,
        "penwidth": str(es.width),
        "arrowhead": es.arrowhead if "to" in es.arrows else "none",
    }


def _legend_cluster(a: pgv.AGraph, legend: list[LegendEntry]) -> None:
    """The legend as a framed cluster in columns (dot places it beside the diagram)."""
    if not legend:
        return
    box = a.add_subgraph(
        name="cluster_legend", label="Signaturforklaring / Legend", fontsize="10", style="rounded", color="#bbbbbb"
    )
    column: list[str] = []
    for i, entry in enumerate(legend):
        name = f"legend{i}"
        if entry.what == "edge":
            box.add_node(f"{name}a", shape="plaintext", label="", width="0.5", height="0.2")
            box.add_node(name, shape="plaintext", label=gv_text(entry.label), fontsize="8", height="0.2")
            box.add_subgraph([f"{name}a", name], name=f"legendrank{i}", rank="same")
            box.add_edge(f"{name}a", name, **_legend_line(entry))
            anchor = f"{name}a"
        else:
            box.add_node(name, height="0.25", **_legend_attrs(entry))
            anchor = name
        if column and len(column) % _LEGEND_ROWS:
            box.add_edge(column[-1], anchor, style="invis")
        column.append(anchor)


# ---------------------------------------------------------------------- posters
def _pin(a: pgv.AGraph, d: Diagram, names: dict[str, str], paper: bool = False) -> None:
    """Pin sfdp positions stretched to the page, then the heading above and the legend to the right
    (on paper the A4 page carries heading and legend, and the drawing gets room for readable names)."""
    pos = positions(d, "sfdp")
    xs, ys = sorted(p[0] for p in pos.values()), sorted(-p[1] for p in pos.values())
    (x0, x1), (y0, y1) = _span(xs), _span(ys)  # stray components must not shrink the rest to a corner
    width, height = _PAPER_PT  # room for names at 9 pt; PNG and SVG come at natural size
    for nid, (x, y) in pos.items():  # each axis stretched to the page: names get the room there is
        px = min(max((x - x0) / (x1 - x0), 0.0), 1.0) * width
        py = min(max((-y - y0) / (y1 - y0), 0.0), 1.0) * height
        a.get_node(names[nid]).attr["pos"] = f"{px:.1f},{py:.1f}!"
    if paper:
        return
    heading = _heading(d)
    lines = heading.count("\n") + 1
    a.add_node(
        "heading",
        shape="plaintext",
        fontsize="10",
        label=gv_text(heading + "\n", newline="\\l"),
        pos=f"{width / 2:.0f},{height + 14 + lines * 6.5:.0f}!",
    )
    left, row = width + 30.0, 20.0
    a.add_node(
        "legend_title",
        shape="plaintext",
        fontsize="10",
        label="Signaturforklaring / Legend",
        pos=f"{left + 75:.0f},{height:.0f}!",
    )
    for i, entry in enumerate(d.legend, start=1):
        y = height - i * row
        name = f"legend{i}"
        text_x = left + 45 + len(entry.label) * 2.2
        if entry.what == "edge":
            for end, x in (("a", left), ("b", left + 36)):
                a.add_node(f"{name}{end}", shape="point", width="0.01", color="#ffffff", pos=f"{x:.0f},{y:.0f}!")
            a.add_edge(f"{name}a", f"{name}b", **_legend_line(entry))
            a.add_node(name, shape="plaintext", fontsize="8", label=gv_text(entry.label), pos=f"{text_x:.0f},{y:.0f}!")
        else:
            attrs = _legend_attrs(entry) | {"height": "0.22", "fontsize": "8", "margin": "0.04,0.01"}
            a.add_node(name, pos=f"{left + 8 + len(entry.label) * 2.4:.0f},{y:.0f}!", **attrs)


def _span(values: list[float]) -> tuple[float, float]:
    """The 2nd to 98th percentile of sorted values (never an empty span)."""
    if not values:
        return 0.0, 1.0
    lo, hi = values[int(len(values) * 0.02)], values[min(len(values) - 1, int(len(values) * 0.98))]
    return (lo, hi) if hi > lo else (lo, lo + 1.0)
