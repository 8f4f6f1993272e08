"""Single points of contact: persons and posts whose loss cuts one sector off from another.

The articulation points of one undirected projection of the collaboration network (part_of,
member_of, post_in, on_behalf_of, holds, channel_from/to), computed once per model, date and
scenarios with a block-cut tree, so a national structure costs one linear pass. ``on_behalf_of``
is included because a seat links a forum to the organisation it represents; without it no seat
could ever be the only link. ``graph.gaps`` turns each ``Cut`` into a ``single_point_of_contact`` gap.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.cache import memo
from graph.model import Model
from graph.view import view

__all__ = ["Cut", "single_points"]

_NETWORK_EDGES = ("part_of", "member_of", "post_in", "on_behalf_of", "holds", "channel_from", "channel_to")


@dataclass(frozen=True)
class Cut:
    """What falls apart without one person or post: the cut-off side and the rest, by sector."""

    cut_off: frozenset[str]  # sectors on the smallest side
    rest: frozenset[str]  # sectors on the other sides
    examples: tuple[str, ...]  # organisations on the cut-off side (at most three)

    @property
    def whole_sector(self) -> bool:
        """A whole sector loses its link (not just one organisation of a sector present elsewhere)."""
        return not (self.cut_off & self.rest)


def single_points(model: Model, on: dt.date | None, scenarios: tuple[str, ...]) -> dict[str, Cut]:
    """Persons and posts whose removal separates organisations of different sectors.

    One undirected graph per (model, date, scenarios); articulation points and the pieces they leave come
    from the block-cut tree in one pass, so this stays linear in the size of the network.
    """
    return memo(model, ("single-points", on, scenarios), lambda: _single_point_map(model, on, scenarios))


def _single_point_map(model: Model, on: dt.date | None, scen: tuple[str, ...]) -> dict[str, Cut]:
    g = model.nx
    und = nx.Graph()
    und.add_edges_from((u, v) for u, v, _ in view(model, on, scen).edges(*_NETWORK_EDGES))
    sector = {n: g.nodes[n].get("sector") for n in und if g.nodes[n].get("sector") not in (None, "cross_sector")}
    out: dict[str, Cut] = {}
    for comp in nx.connected_components(und):
        sub = und.subgraph(comp)
        cuts = {n for n in nx.articulation_points(sub) if g.nodes[n]["kind"] in ("person", "post")}
        for cut, pieces in _pieces(sub, cuts, sector).items():
            found = _sector_split(pieces)
            if found is not None:
                out[cut] = found
    return out


_Piece = tuple[Counter[str], tuple[str, ...]]  # sector counts, up to three example organisations (None: unknown)


def _pieces(sub: nx.Graph, cuts: set[str], sector: dict[str, str]) -> dict[str, list[_Piece]]:
    """For each cut vertex, the pieces left when it is removed: sector counts and a few organisations."""
    if not cuts:
        return {}
    aps = set(nx.articulation_points(sub))
    tree = nx.Graph()
    weight: dict[Any, _Piece] = {}
    for i, block in enumerate(nx.biconnected_components(sub)):
        b = ("block", i)
        own = sorted(n for n in block if n not in aps and n in sector)
        weight[b] = (Counter(sector[n] for n in own), tuple(own[:3]))
        tree.add_node(b)
        for n in block & aps:
            tree.add_edge(b, n)
    for n in aps:
        weight[n] = (Counter([sector[n]] if n in sector else []), (n,) if n in sector else ())
    root = next(iter(tree.nodes))
    parent: dict[Any, Any] = {root: None}
    for u, v in nx.bfs_edges(tree, root):
        parent[v] = u
    below: dict[Any, _Piece] = {}
    for node in nx.dfs_postorder_nodes(tree, root):
        counts, examples = Counter(weight[node][0]), list(weight[node][1])
        for child in tree.neighbors(node):
            if parent.get(child) == node:
                counts += below[child][0]
                examples += below[child][1]
        below[node] = (counts, tuple(examples[:3]))
    total = sum((w[0] for w in weight.values()), Counter())
    out: dict[str, list[_Piece]] = {}
    for cut in cuts:
        pieces = [below[ch] for ch in tree.neighbors(cut) if parent.get(ch) == cut]
        if parent.get(cut) is not None:
            pieces.append((total - below[cut][0], ()))
        out[cut] = pieces
    return out


def _sector_split(pieces: list[_Piece]) -> Cut | None:
    """The smallest piece against the others, when organisations of different sectors end up apart."""
    real = [(counts, ex) for counts, ex in pieces if +counts]
    if len(real) < 2:
        return None
    sets = [frozenset(+counts) for counts, _ in real]
    if len(frozenset().union(*sets)) < 2:
        return None  # one sector on every side: not a cross-sector link
    i = min(range(len(real)), key=lambda k: (sum(real[k][0].values()), sorted(sets[k])))
    rest = frozenset().union(*(s for k, s in enumerate(sets) if k != i))
    return Cut(cut_off=sets[i], rest=rest, examples=real[i][1])
