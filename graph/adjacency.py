"""The projected graph as plain dicts, in networkx's own layout, without importing networkx.

A contact or topics question and the cold start read only nodes and neighbours: importing networkx (its
package imports every algorithm, ~80 ms) would be a third of a command-line answer. ``Adjacency`` holds the
dicts a ``networkx.MultiDiGraph`` holds (``_node``, ``_succ``, ``_pred``: node → attributes, u → v → key →
attributes, one keyed dict shared by ``succ[u][v]`` and ``pred[v][u]``); ``to_networkx`` wraps the very
same dicts for the questions that run networkx's algorithms (paths, chains, gaps, diagrams), no copy.

Read-only once projected, and more than by convention: the plain edges of one kind share one attribute dict,
and the pairs joined by just that edge one keyed dict (``graph.projection._add_plain_edges``), so writing into
one edge's dict would change thousands.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Adjacency", "Attrs"]

#: A node's or an edge's attributes.
Attrs = dict[str, Any]


class Adjacency:
    """Nodes and keyed edges of the projection (read them; only ``graph.projection`` writes them)."""

    __slots__ = ("_kinds", "_sources", "nodes", "pred", "succ")

    def __init__(self) -> None:
        self.nodes: dict[str, Attrs] = {}
        self.succ: dict[str, dict[str, dict[str, Attrs]]] = {}
        self.pred: dict[str, dict[str, dict[str, Attrs]]] = {}
        self._kinds: dict[str, tuple[str, ...]] | None = None
        # edge kind → where the nodes its edges leave are listed (see ``add_sources``)
        self._sources: dict[str, list[tuple[Any, bool]]] = {}

    def add_sources(self, kind: str, listed: Any, *, in_values: bool = False) -> None:
        """Note (the projection does, as it adds edges) that edges of ``kind`` leave nodes among ``listed``'s items
        (a predicate's subject → objects map: its subjects), or with ``in_values`` among the items of its values
        (its objects). Kept by reference, read when asked: the maps are the fact index's own, so noting costs
        nothing per edge. Terms that make no edge may be listed too."""
        self._sources.setdefault(kind, []).append((listed, in_values))

    def leaving(self, kinds: Iterable[str]) -> set[str]:
        """The nodes an edge of one of ``kinds`` leaves (and maybe other terms: check the edges' kinds). A question
        that asks for a few kinds reads only these nodes' edges (``graph.view``), not all 30,000 national ones."""
        found: set[str] = set()
        for kind in kinds:
            for listed, in_values in self._sources.get(kind, ()):
                found.update(chain.from_iterable(listed.values()) if in_values else listed)
        return found

    def by_kind(self) -> dict[str, tuple[str, ...]]:
        """Every node by its kind, in node order: grouped once, on first use once every node is in (the
        projection's naming of posts, then the name index, the topic index, the thesaurus and the views; each
        went through all nodes for it)."""
        kinds = self._kinds
        if kinds is None:
            found: dict[str, list[str]] = {}
            for nid, data in self.nodes.items():
                kind = data["kind"]
                ids = found.get(kind)
                if ids is None:
                    found[kind] = [nid]
                else:
                    ids.append(nid)
            kinds = self._kinds = {kind: tuple(ids) for kind, ids in found.items()}
        return kinds

    def __contains__(self, nid: object) -> bool:
        try:
            return nid in self.nodes
        except TypeError:  # an unhashable value is no node (as networkx answers)
            return False

    def __iter__(self) -> Iterator[str]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return sum(len(keyed) for nbrs in self.succ.values() for keyed in nbrs.values())

    def successors(self, nid: str, key: str) -> list[str]:
        """Targets of ``nid``'s edges keyed ``key``, in adjacency order (``out_edges(nid, keys=True)``'s)."""
        return [v for v, keyed in self.succ[nid].items() if key in keyed]

    def predecessors(self, nid: str, key: str) -> list[str]:
        """Sources of the edges keyed ``key`` entering ``nid``, in adjacency order (``in_edges``'s)."""
        return [u for u, keyed in self.pred[nid].items() if key in keyed]

    def edges(self) -> Iterator[tuple[str, str, str, Attrs]]:
        """Every edge as (u, v, key, attributes), in ``MultiDiGraph.edges(keys=True, data=True)``'s order."""
        for u, nbrs in self.succ.items():
            for v, keyed in nbrs.items():
                for key, attrs in keyed.items():
                    yield u, v, key, attrs

    def to_networkx(self) -> nx.MultiDiGraph:
        """A ``networkx.MultiDiGraph`` over these very dicts (no copy: what one shows, the other shows)."""
        import networkx as nx

        g = nx.MultiDiGraph()
        # networkx's data descriptors: setting these drops any cached view and keeps ``_adj`` = ``_succ``
        g._node = self.nodes
        g._succ = self.succ
        g._pred = self.pred
        nx._clear_cache(g)
        return g
