"""A ``Diagram`` as a Graphviz graph (pygraphviz), shared by static rendering and server-side positions.

Hierarchical diagrams: bodies on one rank per level, each forum's seats stacked in columns inside a light
frame under it (a row of 27 seats would make the page unreadably wide), and the gap between levels sized
to the tallest seat column so lower forums never collide with the seats above them. Lines from a lower body
to a higher one are drawn downwards with the arrow at the top, so every reporting line points up.

Text goes in as plain labels: ``gv_text`` doubles backslashes (Graphviz escape sequences) and keeps a label
that looks like ``<…>`` from being read as an HTML-like label.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import itertools
import logging
import math
import os
import threading
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from viz.diagram import DEdge, Diagram, DNode

if TYPE_CHECKING:
    import pygraphviz as pgv

__all__ = ["SEAT_ROWS", "build", "gv_text", "route_graphviz_messages"]

log = logging.getLogger(__name__)

#: Seats per column under a forum.
SEAT_ROWS = 6

NodeAttrs = Callable[[DNode], dict[str, str]]
EdgeAttrs = Callable[[DEdge], dict[str, str]]


def gv_text(text: str, newline: str = "\\n") -> str:
    """Plain text safe for a Graphviz ``label``/``tooltip``: no escape sequences, never HTML-like.

    ``newline`` is the line terminator to use: ``\\n`` centred, ``\\l`` left-aligned.
    """
    out = text.replace("\\", "\\\\").replace("\r", "").replace("\n", newline)
    if out.startswith("<") and out.endswith(">"):
        out += "\\n"  # a line terminator: renders the same, but the label no longer ends in ">"
    return out


_ERRF = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_char_p)
_hook: list[object] = []  # keeps the C callback alive for the life of the process
_hook_lock = threading.Lock()


def route_graphviz_messages() -> None:
    """Send Graphviz's own messages to ``logging`` instead of the terminal (once per process).

    The pygraphviz wheel's Graphviz lacks the triangulation library, so ``sfdp`` reports "remove_overlap"
    on every run although the layout is fine; a CLI user should not see that as an error.
    """
    with _hook_lock:
        if _hook:
            return
        _hook.append(None)
        import pygraphviz

        here = os.path.dirname(pygraphviz.__file__)
        candidates = sorted(glob.glob(os.path.join(here, os.pardir, "pygraphviz.libs", "libcgraph*.so*")))
        path = candidates[0] if candidates else ctypes.util.find_library("cgraph")
        if not path:
            return
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            return

        def _to_log(message: bytes | None) -> int:
            log.debug("graphviz: %s", (message or b"").decode("utf-8", "replace").rstrip())
            return 0

        callback = _ERRF(_to_log)
        lib.agseterrf.restype = ctypes.c_void_p
        lib.agseterrf.argtypes = [_ERRF]
        lib.agseterrf(callback)
        _hook.append(callback)


def build(
    diagram: Diagram,
    node_attrs: NodeAttrs,
    edge_attrs: EdgeAttrs,
    graph_attrs: dict[str, str] | None = None,
) -> tuple[pgv.AGraph, dict[str, str]]:
    """The Graphviz graph of ``diagram`` and the map from node id to Graphviz node name."""
    import pygraphviz as pgv  # compiled extension: loaded only when a diagram is drawn

    route_graphviz_messages()
    a = pgv.AGraph(strict=False, directed=True, compound="true")
    a.graph_attr.update(graph_attrs or {})
    names = {n.id: f"n{i}" for i, n in enumerate(diagram.nodes)}
    hangers: dict[str, list[DNode]] = defaultdict(list)
    if diagram.hierarchical:
        for n in diagram.nodes:
            if n.parent and n.parent in names:
                hangers[n.parent].append(n)
    hanging = {n.id for group in hangers.values() for n in group}
    for n in diagram.nodes:
        if n.id not in hanging:
            a.add_node(names[n.id], **node_attrs(n))
    level: dict[str, int] = {n.id: n.level for n in diagram.nodes if n.id not in hanging and n.level is not None}
    if diagram.hierarchical:
        _ranks(a, names, level)
        _seat_columns(a, names, hangers, node_attrs)
    gaps = _gaps(level, hangers) if diagram.hierarchical else {}
    parent = {n.id: n.parent for n in diagram.nodes if n.id in hanging}
    for e in diagram.edges:
        if e.u not in names or e.v not in names:
            continue
        if parent.get(e.u) == e.v or parent.get(e.v) == e.u:
            continue  # drawn once per forum as the frame's connector
        attrs = edge_attrs(e)
        lu, lv = level.get(e.u), level.get(e.v)
        if not diagram.hierarchical or lu is None or lv is None:
            if e.u in hanging or e.v in hanging:
                attrs["constraint"] = "false"
            a.add_edge(names[e.u], names[e.v], **attrs)
        elif lu > lv:  # u below v: draw from v down to u, arrow back at v
            attrs = _reverse(attrs)
            attrs["minlen"] = str(sum(gaps.get(x, 1) for x in _between(level, lv, lu)))
            a.add_edge(names[e.v], names[e.u], **attrs)
        else:
            if lu == lv:
                attrs["constraint"] = "false"
            else:
                attrs["minlen"] = str(sum(gaps.get(x, 1) for x in _between(level, lu, lv)))
            a.add_edge(names[e.u], names[e.v], **attrs)
    return a, names


def _ranks(a: pgv.AGraph, names: dict[str, str], level: Mapping[str, int]) -> None:
    by_level: dict[int, list[str]] = defaultdict(list)
    for nid, lv in level.items():
        if lv is not None:
            by_level[lv].append(names[nid])
    for lv, members in sorted(by_level.items()):
        a.add_subgraph(members, name=f"rank_{lv}", rank="same")


def _seat_columns(a: pgv.AGraph, names: dict[str, str], hangers: dict[str, list[DNode]], node_attrs: NodeAttrs) -> None:
    for i, (parent, seats) in enumerate(hangers.items()):
        rows = _rows(len(seats))
        frame = a.add_subgraph(name=f"cluster_seats_{i}", style="rounded,dashed", color="#c8c8c8", label="")
        columns = [seats[c : c + rows] for c in range(0, len(seats), rows)]
        for column in columns:
            for s in column:
                frame.add_node(names[s.id], **node_attrs(s))
            for top, below in itertools.pairwise(column):
                a.add_edge(names[top.id], names[below.id], style="invis", weight="10")
        heads = [column[0] for column in columns]
        middle = heads[len(heads) // 2]
        for h in heads:
            visible = h is middle
            attrs = {"style": "solid" if visible else "invis", "color": "#9a9a9a", "arrowhead": "none"}
            if visible:
                attrs["lhead"] = frame.name
            a.add_edge(names[parent], names[h.id], **attrs)


def _rows(count: int) -> int:
    return math.ceil(count / math.ceil(count / SEAT_ROWS)) if count else 0


def _gaps(level: Mapping[str, int], hangers: dict[str, list[DNode]]) -> dict[int, int]:
    """Ranks between a body level and the next: one more than its tallest seat column."""
    out: dict[int, int] = {}
    for nid, lv in level.items():
        if lv is None:
            continue
        out[lv] = max(out.get(lv, 1), _rows(len(hangers.get(nid, []))) + 1)
    return out


def _between(level: Mapping[str, int], upper: int, lower: int) -> list[int]:
    used = sorted({lv for lv in level.values() if lv is not None and upper <= lv < lower})
    return used


def _reverse(attrs: dict[str, str]) -> dict[str, str]:
    out = dict(attrs)
    head, tail = attrs.get("arrowhead", "normal"), attrs.get("arrowtail", "none")
    both = attrs.get("dir") == "both"
    out["arrowhead"], out["arrowtail"] = tail, head
    out["dir"] = "both" if both else "back"
    return out
