"""The last step of every view: weights, the highlight overlay, grouping for size, levels, legend, caption.

A view decides which nodes and lines it shows; ``finish`` turns them into the ``Diagram`` every renderer
takes, the same way for all views.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from viz.aggregate import AGGREGATE_THRESHOLD, aggregate
from viz.diagram import DEdge, Diagram, DNode, LegendEntry
from viz.highlight import Highlight
from viz.scope import Scope
from viz.style import EDGE_STYLES, FLAG_STYLES, NODE_STYLES, SECTORS, kind_names, name, sector_names
from viz.tooltips import caption_for, word

__all__ = ["finish", "legend"]


def finish(
    sc: Scope,
    view: str,
    title: str,
    nodes: list[DNode],
    edges: list[DEdge],
    highlight: Highlight | None,
    *,
    hierarchical: bool = False,
    group: bool | None = False,
    threshold: int = AGGREGATE_THRESHOLD,
    keep: set[str] | None = None,
) -> Diagram:
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[e.u] += 1
        degree[e.v] += 1
    for n in nodes:
        n.weight = float(degree.get(n.id, 0))
        n.facets["degree"] = degree.get(n.id, 0)
    if highlight:
        nodes, edges = _apply_highlight(sc, nodes, edges, highlight, hierarchical)
    notes: list[str] = []
    if group or (group is None and len(nodes) > threshold):
        protected = {n.id for n in nodes if n.flags & {"highlight", "focus", "gap"}} | (keep or set())
        nodes, edges, notes = aggregate(sc.model, sc.facets, nodes, edges, sc.lang, threshold, protected)
    if hierarchical:
        _compact_levels(nodes)
    diagram = Diagram(
        nodes=nodes,
        edges=edges,
        title=title,
        caption=caption_for(sc.model, sc.sources, sc.on, sc.lang),
        legend=legend(nodes, edges, sc.lang),
        view=view,
        hierarchical=hierarchical,
        lang=sc.lang,
        on=sc.on,
        highlight_caption=highlight.caption if highlight else "",
        notes=notes,
        clusters=_cluster_labels(sc, nodes),
    )
    return diagram


def _apply_highlight(
    sc: Scope, nodes: list[DNode], edges: list[DEdge], hl: Highlight, hierarchical: bool
) -> tuple[list[DNode], list[DEdge]]:
    """Mark the answer's nodes and edges; add those the view lacks; fade the rest."""
    by_id = {n.id: n for n in nodes}
    max_level = max((n.level for n in nodes if n.level is not None), default=-1)
    for nid in sorted(hl.nodes | hl.gaps):
        if nid not in by_id and nid in sc.g:
            by_id[nid] = sc.node(nid)
            nodes.append(by_id[nid])
    for nid in hl.nodes:
        if nid in by_id:
            by_id[nid].flags.add("highlight")
    for nid in hl.gaps:
        if nid in by_id:
            by_id[nid].flags.add("gap")
            reason = hl.reasons.get(nid)
            if reason:
                by_id[nid].tooltip += f"\n{word('gap', sc.lang)}: {reason}"
    index: dict[frozenset[str], list[DEdge]] = defaultdict(list)
    for e in edges:
        index[frozenset((e.u, e.v))].append(e)
    for u, v, kind in sorted(hl.edges, key=lambda t: (t[2] == "", t)):  # typed steps first
        if u not in by_id or v not in by_id:
            continue
        found = [e for e in index.get(frozenset((u, v)), []) if not kind or e.kind == kind]
        if not found:
            a, b, attrs = _model_edge(sc, u, v, kind)
            new = sc.edge(a, b, attrs)
            edges.append(new)
            index[frozenset((u, v))].append(new)
            found = [new]
        for e in found:
            e.flags.add("highlight")
    if hierarchical:
        _place_added(nodes, edges, max_level)
    if hl.nodes or hl.edges:
        for n in nodes:
            if not n.flags & {"highlight", "focus"}:
                n.flags.add("faded")
        for e in edges:
            if "highlight" not in e.flags:
                e.flags.add("faded")
    return nodes, edges


def _model_edge(sc: Scope, u: str, v: str, kind: str) -> tuple[str, str, dict[str, Any]]:
    """The model's own edge between u and v of ``kind`` (either direction), else a plain link."""
    for a, b in ((u, v), (v, u)):
        for attrs in sc.g.get_edge_data(a, b, default={}).values():
            if not kind or attrs.get("kind") == kind:
                return a, b, dict(attrs)
    return u, v, {"kind": kind or "other"}


def _place_added(nodes: list[DNode], edges: list[DEdge], max_level: int) -> None:
    """Give nodes added by a highlight a level next to a neighbour (vis needs levels on all or none)."""
    by_id = {n.id: n for n in nodes}
    for _ in range(len(nodes)):
        changed = False
        for e in edges:
            a, b = by_id.get(e.u), by_id.get(e.v)
            if a is None or b is None:
                continue
            if a.level is None and b.level is not None:
                a.level, changed = b.level + 1, True
            elif b.level is None and a.level is not None:
                b.level, changed = a.level + 1, True
        if not changed:
            break
    for n in nodes:
        if n.level is None:
            n.level = max_level + 1


def _compact_levels(nodes: list[DNode]) -> None:
    used = sorted({n.level for n in nodes if n.level is not None})
    remap = {lv: i for i, lv in enumerate(used)}
    for n in nodes:
        if n.level is not None:
            n.level = remap[n.level]


def legend(nodes: list[DNode], edges: list[DEdge], lang: str) -> list[LegendEntry]:
    """Legend entries for what is actually drawn: sectors, node kinds, line kinds and markings."""
    out: list[LegendEntry] = []
    sectors = {n.sector or "none" for n in nodes}
    out += [LegendEntry("sector", s, name(sector_names(s), lang)) for s in SECTORS if s in sectors]
    kinds = {n.kind for n in nodes}
    out += [LegendEntry("node", k, name(kind_names(k), lang)) for k in NODE_STYLES if k in kinds]
    ekinds = {e.kind for e in edges}
    out += [LegendEntry("edge", k, name(EDGE_STYLES[k].name, lang)) for k in EDGE_STYLES if k in ekinds]
    flags = set().union(*(n.flags for n in nodes), *(e.flags for e in edges)) if nodes or edges else set()
    out += [LegendEntry("flag", f, name(FLAG_STYLES[f].name, lang)) for f in FLAG_STYLES if f in flags]
    return out


def _cluster_labels(sc: Scope, nodes: list[DNode]) -> dict[str, str]:
    used = sorted({c for n in nodes for c in n.facets.get("clusters", ())})
    return {c: sc.model.label(c, sc.lang) for c in used}
