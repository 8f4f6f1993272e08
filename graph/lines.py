"""The reporting skeleton: every upward line in force between two bodies, as one ``DiGraph``.

Built once per view (``graph.view.View.upward``) and read by ``graph.reporting`` (chains) and the
diagrams; each edge holds ``lines``: every ``Line`` between the two bodies, best first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import networkx as nx

    from graph.adjacency import Adjacency

__all__ = ["LINE_ORDER", "PARALLEL_KINDS", "PRIMARY_KINDS", "Basis", "Line", "build_upward", "edge_sources"]

#: Lines that make up the chain of command, in order of preference when a body has several.
PRIMARY_KINDS: tuple[str, ...] = ("reports_to", "post_in", "part_of")
#: Lines that run beside it: status, decisions to raise, communication.
PARALLEL_KINDS: tuple[str, ...] = ("raises_decisions_to", "gives_status_to", "communicates_with")
LINE_ORDER = {k: i for i, k in enumerate(PRIMARY_KINDS + PARALLEL_KINDS)}
#: Texts by language, as hashable pairs: (("da", ("…",)), ("en", ("…",))).
Basis = tuple[tuple[str, tuple[str, ...]], ...]
#: Edge kinds whose RDF statement sits on the edge's target (``?channel sk:channelFrom ?org`` → org → channel).
_STATED_ON_TARGET = frozenset({"channel_from"})


class Line(NamedTuple):
    """One upward relation between two bodies as the data states it."""

    kind: str
    status: str | None = None
    scenario: str | None = None
    basis: Basis = ()
    sources: tuple[str, ...] = ()

    @property
    def primary(self) -> bool:
        return self.kind in PRIMARY_KINDS


def build_upward(g: Adjacency, edges: Iterable[tuple[str, str, dict[str, Any]]]) -> nx.DiGraph:
    """The in-force ``edges`` of the ``LINE_ORDER`` kinds as one DiGraph edge per pair of bodies (no self-loops)."""
    import networkx as nx  # chains and diagrams walk it; a contact question never builds it

    node = g.nodes
    lines: dict[tuple[str, str], list[Line]] = {}
    for a, b, e in edges:
        if a == b or (e["kind"] == "post_in" and node[a]["kind"] != "post"):
            continue
        basis = tuple(sorted((lang, tuple(texts)) for lang, texts in (e.get("basis") or {}).items()))
        scenario = e.get("scenario") or node[b].get("scenario")
        line = Line(e["kind"], e.get("status"), scenario, basis, edge_sources(node, a, b, e))
        lines.setdefault((a, b), []).append(line)
    up = nx.DiGraph()
    up.add_edges_from(
        (a, b, {"lines": tuple(sorted(found, key=lambda x: (LINE_ORDER[x.kind], x.status or "")))})
        for (a, b), found in lines.items()
    )
    return up


def edge_sources(nodes: Mapping[str, Mapping[str, Any]], u: str, v: str, e: Mapping[str, Any]) -> tuple[str, ...]:
    """A qualified line cites its own sources; a plain ORG triple is cited by the entity it was stated on
    (``nodes``: node → attributes, ``Adjacency.nodes`` or a networkx graph's ``nodes``)."""
    if e.get("sources") or "via" in e:
        return tuple(e.get("sources") or ())
    subject = v if e["kind"] in _STATED_ON_TARGET else u
    return tuple(nodes[subject].get("sources") or ())
