"""The organisation chart of any W3C ORG data: units along ``org:subOrganizationOf``/``unitOf``/``hasUnit``
(``part_of`` in the model), each unit's posts with their holders hanging under it, and the lines posts
report along (``org:reportsTo`` between posts, as in UK organograms).

The organisation view uses it for data without forums (third-party organigrams) and for a focus on an
organisation or unit: that unit's whole subtree, with the chain of units above it as context. A big tree
opens folded (``DNode.fold``): the top two levels show, deeper units unfold on click in the page.
"""

from __future__ import annotations

from collections import deque

from graph.errors import InputError
from graph.view import View
from viz.diagram import DEdge, DNode

__all__ = ["FOLD_ABOVE", "UNIT_KINDS", "chart"]

UNIT_KINDS = ("organisation", "unit")
#: Charts with more units than this open with only the top two levels unfolded.
FOLD_ABOVE = 25


def chart(v: View, make_node, make_edge, focus: str | None) -> tuple[list[DNode], list[DEdge], str | None]:  # type: ignore[no-untyped-def]
    """Nodes and edges of the chart (``make_node(nid, level=, parent=)`` and ``make_edge(u, v, attrs)``
    build them the way every view does) and the focus unit, if any."""
    units = set(v.nodes(*UNIT_KINDS))
    if focus is not None:
        if focus not in units:
            raise InputError(f"'{v.model.label(focus)}' is not an organisation or unit in force on that date")
        inside = set(v.descendants(focus)) & units
        above = [a for a in v.ancestors(focus) if a in units]
        roots = [focus]
    else:
        inside = {u for u in units if v.out(u, "part_of") or v.into(u, "part_of") or v.into(u, "post_in")}
        above = []
        roots = sorted((u for u in inside if not set(v.out(u, "part_of")) & inside), key=v.model.label)
    if not inside:
        raise InputError("the data hold no organisations or units in force to draw")
    depth = _depths(v, roots, inside)
    for k, a in enumerate(above, start=1):  # nearest first: one level up each
        depth[a] = -k
    shift = len(above)
    nodes: dict[str, DNode] = {}
    for u in sorted(depth, key=lambda n: (depth[n], v.model.label(n))):
        nodes[u] = make_node(u, level=2 * (depth[u] + shift))
    fold = len(inside) > FOLD_ABOVE
    for u, d in depth.items():
        if fold and d >= 2:
            parents = [p for p in v.out(u, "part_of") if p in nodes]
            nodes[u].fold = parents[0] if parents else None
    edges: list[DEdge] = []
    for u in nodes:
        for p in v.out(u, "part_of"):
            if p in nodes:
                edges.append(make_edge(u, p, {"kind": "part_of"}))
    posts = _posts(v, [u for u in nodes if u in inside])
    for post, host in posts.items():
        nodes[post] = make_node(post, level=2 * (depth[host] + shift) + 1, parent=host)
        nodes[post].fold = host
        edges.append(DEdge(post, host, "post_in"))
    for post in posts:
        for boss in v.out(post, "reports_to"):
            if boss in nodes:
                edges.append(make_edge(post, boss, {"kind": "reports_to"}))
    return list(nodes.values()), edges, focus


def _depths(v: View, roots: list[str], inside: set[str]) -> dict[str, int]:
    """Breadth-first depth below the roots along part_of (a unit under two parents takes the nearer)."""
    depth: dict[str, int] = {}
    queue = deque((r, 0) for r in roots)
    while queue:
        cur, d = queue.popleft()
        if cur in depth:
            continue
        depth[cur] = d
        for child in sorted(v.into(cur, "part_of")):
            if child in inside and child not in depth:
                queue.append((child, d + 1))
    for u in sorted(inside - depth.keys()):  # parts of a cycle with no way in: shown at the top
        depth[u] = 0
    return depth


def _posts(v: View, units: list[str]) -> dict[str, str]:
    """Post → the most specific drawn unit it is in (a post in a unit and in its organisation hangs under
    the unit)."""
    drawn = set(units)
    out: dict[str, str] = {}
    for u in units:
        for post in v.into(u, "post_in"):
            if v.kind(post) != "post":
                continue
            hosts = [h for h in v.out(post, "post_in") if h in drawn]
            deepest = max(hosts, key=lambda h: len(v.ancestors(h)))
            out[post] = deepest
    return out
