"""The neutral diagram description every view produces and every renderer consumes.

A view decides *what* is shown (which entities, which lines, which are vacant, proposed or highlighted);
renderers decide only *how* (vis-network options, Graphviz attributes). Keeping the two apart is what lets
the HTML page, the SVG and the PDF show the same diagram, and lets tests check views without a browser.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = ["DEdge", "DNode", "Diagram", "Filters", "LegendEntry"]


@dataclass
class DNode:
    """One box or dot. ``label`` may hold ``\\n`` line breaks; ``tooltip`` is plain text, never HTML.

    ``flags``: vacant, not_stated, gap, proposed, scenario, highlight, focus, aggregate, faded.
    ``facets`` carry what the client-side filters need (sector, clusters, forum_kind, status, dates).
    """

    id: str
    label: str
    kind: str
    sector: str | None = None
    tooltip: str = ""
    level: int | None = None
    flags: set[str] = field(default_factory=set)
    weight: float = 1.0
    parent: str | None = None  # the forum a seat or requirement hangs under
    fold: str | None = None  # the node this one folds into in the interactive page (seat → forum, unit → unit)
    facets: dict[str, Any] = field(default_factory=dict)
    members: int = 0  # entities folded into an aggregate node
    aliases: tuple[str, ...] = ()  # further names the search box should find (aggregated members)
    x: float | None = None
    y: float | None = None


@dataclass
class DEdge:
    """One line from ``u`` to ``v`` of an edge ``kind`` (a model edge kind, or ``channel`` for grouped ones)."""

    u: str
    v: str
    kind: str
    label: str = ""
    tooltip: str = ""
    flags: set[str] = field(default_factory=set)
    count: int = 1
    facets: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LegendEntry:
    """A legend line: ``what`` is node, sector, edge or flag; ``key`` the style key; ``label`` the text."""

    what: str
    key: str
    label: str


@dataclass
class Diagram:
    """Nodes, edges, title, caption and legend of one view, plus what the renderers need to lay it out."""

    nodes: list[DNode]
    edges: list[DEdge]
    title: str
    caption: str
    legend: list[LegendEntry]
    view: str = "network"  # organisation, network, ego
    hierarchical: bool = False
    lang: str = "da"
    on: dt.date | None = None
    highlight_caption: str = ""
    notes: list[str] = field(default_factory=list)  # e.g. "grouped for size" remarks shown under the caption
    clusters: dict[str, str] = field(default_factory=dict)  # cluster IRI → label, for the cluster filter

    def node_ids(self) -> set[str]:
        return {n.id for n in self.nodes}

    def by_id(self) -> dict[str, DNode]:
        return {n.id: n for n in self.nodes}


@dataclass(frozen=True)
class Filters:
    """Server-side filters (the HTML page offers the same ones client-side). ``None`` = no restriction."""

    sectors: frozenset[str] | None = None
    clusters: frozenset[str] | None = None  # cluster IRIs
    forum_kinds: frozenset[str] | None = None
    statuses: frozenset[str] | None = None  # "none" matches entities without a status

    def active(self) -> bool:
        return any(v is not None for v in (self.sectors, self.clusters, self.forum_kinds, self.statuses))
