"""The relation graph paths are searched on: one undirected ``nx.Graph`` per (view, relation groups),
its edges holding every underlying directed relation, weighted so hubs and bare memberships cost more.

Weights (why): a path through a hub ("every municipality is a member of the cluster") is short but tells
a reader little. So a step costs 1, a channel hop 0.5 (org → channel → unit is one real route, costing 1
in all) and a seat hop 0.75 (a seat is a concrete, person-shaped link); passing *through* a node of degree
d adds ``max(0, log2(d) - 2)`` (0 up to degree 4, 2 at degree 16, 4 at degree 64). The start and end add
nothing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import networkx as nx

from graph.errors import InputError
from graph.lines import edge_sources
from graph.model import Model
from graph.path_index import FEW_LANDMARKS, LANDMARKS, PathIndex, build_index
from graph.projection import LINE_KINDS
from graph.view import view

__all__ = ["DEFAULT_VIA", "GROUP_OF", "KIND_COST", "VIA_GROUPS", "Rel", "parse_via", "path_graph", "path_index"]

VIA_GROUPS: dict[str, tuple[str, ...]] = {
    "membership": ("member_of",),
    "seat": ("post_in", "holds", "on_behalf_of"),
    "reporting": tuple(LINE_KINDS.values()),
    "channel": ("channel_from", "channel_to"),
    "contact": ("contact_point", "handles"),
    "hierarchy": ("part_of",),
}
DEFAULT_VIA: tuple[str, ...] = tuple(VIA_GROUPS)
#: Danish names a user may type for the groups.
_ALIASES = {
    "medlemskab": "membership",
    "plads": "seat",
    "pladser": "seat",
    "rapportering": "reporting",
    "kanal": "channel",
    "kanaler": "channel",
    "kontakt": "contact",
    "hierarki": "hierarchy",
}
GROUP_OF = {kind: group for group, kinds in VIA_GROUPS.items() for kind in kinds}
KIND_COST = {"channel_from": 0.5, "channel_to": 0.5, "post_in": 0.75, "holds": 0.75, "on_behalf_of": 0.75}


def parse_via(via: str | Iterable[str] | None) -> tuple[str, ...]:
    """Group names from ``"channel,seat"`` or ``["channel", "seat"]`` (Danish names too), in canonical order."""
    if via is None:
        return DEFAULT_VIA
    items = [via] if isinstance(via, str) else list(via)
    chosen = set()
    for item in items:
        for word in item.split(","):
            key = word.strip().lower()
            if not key:
                continue
            group = _ALIASES.get(key, key)
            if group not in VIA_GROUPS:
                raise InputError(f"unknown relation group '{word.strip()}' (choose from: {', '.join(VIA_GROUPS)})")
            chosen.add(group)
    if not chosen:
        return DEFAULT_VIA
    return tuple(g for g in VIA_GROUPS if g in chosen)


def path_graph(model: Model, groups: tuple[str, ...], on: dt.date | None, scenarios: tuple[str, ...]) -> nx.Graph:
    """The undirected relation graph for ``groups`` in force on ``on``: built once per view, then kept."""
    v = view(model, on, scenarios)
    kinds = {k for grp in groups for k in VIA_GROUPS[grp]}
    return v.cached(("paths", groups), lambda: _build(model.nx, v.edges(*kinds)))


def path_index(model: Model, groups: tuple[str, ...], on: dt.date | None, scenarios: tuple[str, ...]) -> PathIndex:
    """The same graph as integers with its landmarks (``graph.path_index``), for the search: once per view."""
    g = path_graph(model, groups, on, scenarios)
    kinds = model.nx.nodes
    return view(model, on, scenarios).cached(
        ("path-index", groups),
        lambda: build_index(
            g,
            {n: kinds[n]["kind"] for n in g},
            LANDMARKS if groups == DEFAULT_VIA else FEW_LANDMARKS,
            regions=groups == DEFAULT_VIA,
        ),
    )


class Rel(NamedTuple):
    """One directed relation behind an undirected edge (a tuple: built tens of thousands of times)."""

    u: str
    v: str
    kind: str
    status: str | None
    scenario: str | None
    sources: tuple[str, ...]


def _build(g: nx.MultiDiGraph, edges: Iterable[tuple[str, str, dict[str, Any]]]) -> nx.Graph:
    pairs: dict[tuple[str, str], list[Rel]] = {}
    for u, v, e in edges:
        if u == v:
            continue
        rel = Rel(u, v, e["kind"], e.get("status"), e.get("scenario"), edge_sources(g.nodes, u, v, e))
        pairs.setdefault((u, v) if u < v else (v, u), []).append(rel)
    degree: dict[str, int] = {}
    for u, v in pairs:
        degree[u] = degree.get(u, 0) + 1
        degree[v] = degree.get(v, 0) + 1
    pen = {n: _hub_penalty(d) for n, d in degree.items()}
    und = nx.Graph()
    und.add_edges_from(_weighted(pairs, pen))
    und.graph["penalty"] = pen
    und.graph["topics"] = frozenset(n for n in und if g.nodes[n]["kind"] == "topic")
    return und


def _weighted(
    pairs: dict[tuple[str, str], list[Rel]], pen: dict[str, float]
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for (u, v), found in pairs.items():
        rels = tuple(sorted(found, key=_rel_order)) if len(found) > 1 else (found[0],)
        yield u, v, {"rels": rels, "weight": KIND_COST.get(rels[0].kind, 1.0) + (pen[u] + pen[v]) / 2}


def _hub_penalty(degree: int) -> float:
    return max(0.0, math.log2(max(degree, 1)) - 2)


def _rel_order(r: Rel) -> tuple[float, bool, str]:
    return (KIND_COST.get(r.kind, 1.0), r.status == "proposed", r.kind)
