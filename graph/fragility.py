"""Single points of contact: persons and posts whose loss cuts one sector off from another.

The articulation points of one undirected projection of the collaboration network (part_of,
member_of, post_in, on_behalf_of, holds, channel_from/to), computed once per view. ``on_behalf_of``
is included because a seat links a forum to the organisation it represents; without it no seat
could ever be the only link. ``graph.gaps`` turns each ``Cut`` into a ``single_point_of_contact`` gap.

Why this is its own depth-first search over integers (not networkx's articulation points and block-cut
tree): it was more than half the time of a national gap report. One iterative Tarjan pass gives, for
every node, the pieces its removal leaves (the subtrees of its separated children, and the rest of its
component), and per-subtree sector counts summed bottom-up, so a national structure costs one linear pass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from graph.cache import memo
from graph.model import Model
from graph.view import view

__all__ = ["Cut", "single_points"]

_NETWORK_EDGES = ("part_of", "member_of", "post_in", "on_behalf_of", "holds", "channel_from", "channel_to")
_CUT_KINDS = ("person", "post")
_EXAMPLES = 3


@dataclass(frozen=True)
class Cut:
    """What falls apart without one person or post: the cut-off side and the rest, by sector."""

    cut_off: frozenset[str]  # sectors on the smallest side
    rest: frozenset[str]  # sectors on the other sides
    examples: tuple[str, ...]  # organisations on the cut-off side (at most three, in id order)

    @property
    def whole_sector(self) -> bool:
        """A whole sector loses its link (not just one organisation of a sector present elsewhere)."""
        return not (self.cut_off & self.rest)


def single_points(model: Model, on: dt.date | None, scenarios: tuple[str, ...]) -> dict[str, Cut]:
    """Persons and posts whose removal separates organisations of different sectors (once per view)."""
    v = view(model, on, scenarios)
    return v.cached("single-points", lambda: _single_point_map(model, on, scenarios))


class _Net:
    """The network as integers, in the order the view yields its edges, with each node's sector index."""

    def __init__(self, model: Model, on: dt.date | None, scen: tuple[str, ...]) -> None:
        at: dict[str, int] = {}
        nbrs: list[dict[int, None]] = []
        v = view(model, on, scen)
        for u, w, e in _network_edges(model):  # what ``v.edges(*_NETWORK_EDGES)`` yields, without a full scan
            if not (v.edge_ok(e) and v.ok(u) and v.ok(w)):
                continue
            for x in (u, w):
                if x not in at:
                    at[x] = len(at)
                    nbrs.append({})
            nbrs[at[u]][at[w]] = None
            nbrs[at[w]][at[u]] = None
        self.ids = list(at)  # in the order the view yields the edges (the search starts at the first)
        self.adj = [list(a) for a in nbrs]
        nodes = model.nx.nodes
        raw = [nodes[n].get("sector") for n in self.ids]
        self.sectors = sorted({s for s in raw if s not in (None, "cross_sector")})
        index = {s: i for i, s in enumerate(self.sectors)}
        self.sector = [index.get(s, -1) if s is not None else -1 for s in raw]
        self.cut_kind = [nodes[n]["kind"] in _CUT_KINDS for n in self.ids]


def _network_edges(model: Model) -> list[tuple[str, str, dict[str, Any]]]:
    """The network's edges of any date, in graph order and without loops (once per data version)."""

    def build() -> list[tuple[str, str, dict[str, Any]]]:
        kinds = frozenset(_NETWORK_EDGES)
        return [(u, w, e) for u, w, e in model.nx.edges(data=True) if e["kind"] in kinds and u != w]

    return memo(model, "fragility-edges", build)


def _single_point_map(model: Model, on: dt.date | None, scen: tuple[str, ...]) -> dict[str, Cut]:
    net = _Net(model, on, scen)
    n, adj, sector, width = len(net.ids), net.adj, net.sector, len(net.sectors)
    disc = [-1] * n
    low = [0] * n
    size = [1] * n  # subtree sizes (for "is x below c": disc[c] <= disc[x] < disc[c] + size[c])
    order: list[int] = []  # nodes in discovery order
    counts: list[list[int]] = [[0] * width for _ in range(n)]  # sector counts of each subtree
    cut_children: dict[int, list[int]] = {}  # person/post → children whose subtree it separates
    out: dict[str, Cut] = {}
    for root in range(n):
        if disc[root] != -1:
            continue
        first = len(order)
        block0: tuple[int, int] | None = None  # (child, parent) of the first block the search completes
        parent: dict[int, int] = {root: -1}
        disc[root] = low[root] = len(order)
        order.append(root)
        stack = [(root, 0)]
        while stack:
            u, i = stack[-1]
            if i < len(adj[u]):
                stack[-1] = (u, i + 1)
                w = adj[u][i]
                if disc[w] == -1:
                    parent[w] = u
                    disc[w] = low[w] = len(order)
                    order.append(w)
                    stack.append((w, 0))
                elif w != parent[u] and disc[w] < low[u]:
                    low[u] = disc[w]
                continue
            stack.pop()
            if sector[u] >= 0:
                counts[u][sector[u]] += 1
            p = parent[u]
            if p < 0:
                continue
            size[p] += size[u]
            cp, cu = counts[p], counts[u]
            for k in range(width):
                cp[k] += cu[k]
            low[p] = min(low[p], low[u])
            if low[u] >= disc[p]:
                block0 = block0 or (u, p)
                if net.cut_kind[p]:
                    cut_children.setdefault(p, []).append(u)
        members = sorted(order[first:], key=net.ids.__getitem__)
        total = counts[root]
        for cut, children in cut_children.items():
            if cut == root and len(children) < 2:
                continue  # the root separates only when it has two children or more
            assert block0 is not None  # a cut vertex has a child
            found = _split(net, cut, children, cut == root, block0, total, members, order, counts, disc, size)
            if found is not None:
                out[net.ids[cut]] = found
        cut_children.clear()
    return out


def _split(
    net: _Net,
    cut: int,
    children: list[int],
    is_root: bool,
    block0: tuple[int, int],
    total: list[int],
    members: list[int],
    order: list[int],
    counts: list[list[int]],
    disc: list[int],
    size: list[int],
) -> Cut | None:
    """The smallest piece against the others, when organisations of different sectors end up apart.

    The pieces are the subtrees of the separated children (``None``: the rest of the component). As
    before this module had its own search, the piece holding the first block the search completes comes
    last and names no examples: the side the network is seen from."""
    pieces: list[tuple[list[int], int | None]] = [(counts[c], c) for c in children]
    if not is_root:
        rest = list(total)
        own = net.sector[cut]
        if own >= 0:
            rest[own] -= 1
        for c in children:
            for k, x in enumerate(counts[c]):
                rest[k] -= x
        pieces.append((rest, None))

    def below(c: int, x: int) -> bool:
        return disc[c] <= disc[x] < disc[c] + size[c]

    u0, p0 = block0
    seen_from = u0 if p0 == cut else next((c for c in children if below(c, p0)), None)
    pieces.sort(key=lambda piece: piece[1] == seen_from)
    real = [(cs, c) for cs, c in pieces if any(cs)]
    if len(real) < 2:
        return None
    names = net.sectors
    sets = [frozenset(names[k] for k, x in enumerate(cs) if x) for cs, _ in real]
    if len(frozenset().union(*sets)) < 2:
        return None  # one sector on every side: not a cross-sector link
    i = min(range(len(real)), key=lambda j: (sum(real[j][0]), sorted(sets[j])))
    rest_sectors = frozenset().union(*(s for j, s in enumerate(sets) if j != i))
    chosen = real[i][1]
    picked: list[int] = []
    if chosen == seen_from:
        pass
    elif chosen is None:  # the rest of the component outside the cut and its separated children, in id order
        for x in members:
            if net.sector[x] >= 0 and x != cut and not any(below(c, x) for c in children):
                picked.append(x)
                if len(picked) == _EXAMPLES:
                    break
    else:
        below_chosen = order[disc[chosen] : disc[chosen] + size[chosen]]
        picked = sorted((x for x in below_chosen if net.sector[x] >= 0), key=net.ids.__getitem__)
    return Cut(cut_off=sets[i], rest=rest_sectors, examples=tuple(net.ids[x] for x in picked[:_EXAMPLES]))
