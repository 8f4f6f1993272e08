"""What the filters and colours need per entity: its display sector and the health clusters it belongs to.

Seats, persons and channels carry no sector of their own; they are coloured by whom they act for so a
network reads by sector at a glance (tooltips state only the sector the data gives). Cluster belonging
follows memberships, ``cluster_of``, acute hospitals, the organisation hierarchy and reporting lines, so the
"cluster" filter keeps a cluster's municipalities, their units, its forums and their seats together.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

__all__ = ["Facets", "facets"]


@dataclass(frozen=True)
class Facets:
    """Per node: ``sector`` (own or derived) and ``clusters`` (cluster IRIs, sorted)."""

    sector: dict[str, str | None]
    clusters: dict[str, tuple[str, ...]]


def facets(g: nx.MultiDiGraph) -> Facets:
    """Derive display sectors and cluster belonging for every node in one linear pass per edge family."""
    out_by: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for u, v, k in g.edges(keys=True):
        out_by[str(k).split(":", 1)[0]][u].append(v)

    kind = dict(g.nodes(data="kind"))
    direct: dict[str, set[str]] = defaultdict(set)
    for n, k in kind.items():
        if k == "cluster":
            direct[n].add(n)
    for u, targets in out_by["member_of"].items():
        direct[u].update(t for t in targets if kind.get(t) == "cluster")
    for u, targets in out_by["cluster_of"].items():
        direct[u].update(targets)
    for c, hospitals in out_by["acute_hospital"].items():
        for h in hospitals:
            direct[h].add(c)

    memo: dict[str, frozenset[str]] = {}

    def up(n: str, via: dict[str, list[str]]) -> frozenset[str]:
        """Own clusters plus those of everything above ``n`` along ``via`` (iterative, cycle-safe)."""
        if n in memo:
            return memo[n]
        order, stack, seen = [], [n], {n}
        while stack:
            cur = stack.pop()
            order.append(cur)
            for p in via.get(cur, ()):
                if p not in seen and p not in memo:
                    seen.add(p)
                    stack.append(p)
        for cur in reversed(order):  # parents first where the walk allows; cycles fall back to own clusters
            acc = set(direct.get(cur, ()))
            for p in via.get(cur, ()):
                acc |= memo.get(p, frozenset())
            memo[cur] = frozenset(acc)
        return memo[n]

    clusters: dict[str, frozenset[str]] = {}
    for n, k in kind.items():
        if k in ("organisation", "unit", "cluster", "partnership", "collaboration"):
            clusters[n] = up(n, out_by["part_of"])
    memo.clear()
    for n, k in kind.items():
        if k == "forum":
            clusters[n] = up(n, out_by["reports_to"])
    for n, k in kind.items():
        if k == "post":
            clusters[n] = frozenset().union(*(clusters.get(t, frozenset()) for t in out_by["post_in"].get(n, ())))
    holds = out_by["holds"]
    for n, k in kind.items():
        if k == "person":
            clusters[n] = frozenset().union(*(clusters.get(t, frozenset()) for t in holds.get(n, ())))
    chan_from = _inverse(out_by["channel_from"])  # channel → its source organisations
    for n, k in kind.items():
        if k == "channel":
            ends = [*chan_from.get(n, ()), *out_by["channel_to"].get(n, ())]
            clusters[n] = frozenset().union(*(clusters.get(t, frozenset()) for t in ends))
        elif k in ("requirement", "responsibility"):
            ends = [*out_by["required_in"].get(n, ()), *out_by["responsibility_of"].get(n, ())]
            clusters[n] = frozenset().union(*(clusters.get(t, frozenset()) for t in ends))

    sector: dict[str, str | None] = {}
    for n, data in g.nodes(data=True):
        sector[n] = data.get("sector")
    for n, k in kind.items():
        if sector[n] or k != "post":
            continue
        for t in (*out_by["on_behalf_of"].get(n, ()), *out_by["post_in"].get(n, ())):
            if sector.get(t):
                sector[n] = sector[t]
                break
    for n, k in kind.items():
        if sector[n]:
            continue
        if k == "person":
            near: list[str] = holds.get(n, [])
        elif k == "channel":
            near = [*chan_from.get(n, ()), *out_by["channel_to"].get(n, ())]
        elif k in ("requirement", "responsibility"):
            near = [*out_by["required_in"].get(n, ()), *out_by["responsibility_of"].get(n, ())]
        else:
            continue
        sector[n] = next((sector[t] for t in near if sector.get(t)), None)
    return Facets(sector, {n: tuple(sorted(c)) for n, c in clusters.items() if c})


def _inverse(adj: dict[str, list[str]]) -> dict[str, list[str]]:
    inv: dict[str, list[str]] = defaultdict(list)
    for u, targets in adj.items():
        for v in targets:
            inv[v].append(u)
    return inv
