"""Where an asker stands: its organisations, forums and cluster, the shortest ways out from it, and the
nearness tier of any candidate seen from there (channel < own < forum < cluster < region < national < other)."""

from __future__ import annotations

import networkx as nx

from graph.contact_facts import anchors, facts
from graph.contact_types import COLLAB_KINDS, Cand, Facts
from graph.view import View

__all__ = ["Home", "forums_of", "home", "structure"]

_REGIONAL = frozenset({"municipal", "somatic", "psychiatry", "general_practice", "region", "cross_sector"})
_STRUCTURE = (
    "part_of",
    "member_of",
    "post_in",
    "on_behalf_of",
    "holds",
    "cluster_of",
    "secretariat_in",
    "chair_from",
    "reports_to",
    "gives_status_to",
    "raises_decisions_to",
    "communicates_with",
)
_HOMES_KEPT = 512  # askers whose place in the structure a date's view keeps
_UPWARD = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")


def home(v: View, asker: str) -> Home:
    """Where ``asker`` stands (kept for the most recent askers of this view)."""
    homes: dict[str, Home] = v.cached("contact-homes", dict)
    hit = homes.get(asker)
    if hit is None:
        if len(homes) >= _HOMES_KEPT:
            homes.clear()
        hit = homes[asker] = Home(v, asker)
    return hit


class Home:
    """Where the asker stands: its organisations, forums, cluster, and the shortest ways out from it."""

    def __init__(self, v: View, asker: str) -> None:
        self.id = asker
        own = anchors(v, asker)
        self.up = set(own) | {a for x in own for a in v.ancestors(x)}
        roots = {_own_root(v, x) for x in own}
        self.tree = set(own) | {d for r in roots for d in v.descendants(r)}
        self.channel_from = self.up | {c for x in self.up for c in v.out(x, "member_of")}
        self.forums = forums_of(v, self.tree) | {a for a in own if v.kind(a) in COLLAB_KINDS}
        self.cluster_zone = _cluster_zone(v, self.tree, self.forums)
        # breadth-first from the asker, one level at a time and only as far as a question needs: most answers
        # lie within a few steps, and a full walk of a national structure costs more than the whole answer
        self._adj = _neighbours(v)
        self._pred: dict[str, str | None] = {asker: None} if asker in self._adj else {}
        self._depth: dict[str, int] = dict.fromkeys(self._pred, 0)
        self._level: list[str] = list(self._pred)
        self._walked = 0 if self._level else -1  # every node this many steps away (or fewer) is known

    def tier(self, v: View, who: str, channels: tuple[str, ...], f: Facts | None = None) -> int:
        """The nearness tier of ``who`` (reached through ``channels``) as an index into ``NEARNESS``."""
        f = f or facts(v, Cand(who, "", 0.0), channels)
        if f.channel_from & self.channel_from:
            return 0
        if f.anchors & self.tree:
            return 1
        if f.anchors & self.forums:
            return 2
        if f.anchors & self.cluster_zone:
            return 3
        if f.sectors & _REGIONAL:
            return 4
        return 5 if "national" in f.sectors else 6

    def distance(self, who: str) -> int:
        """Steps in the structure from the asker to ``who`` (99: not connected)."""
        while who not in self._depth and self._level:
            self._walk_one_level()
        return self._depth.get(who, 99)

    def reach(self, depth: int) -> bool:
        """Walk until every node ``depth`` steps away is known; False when nothing lies that far."""
        while self._level and self._walked < depth:
            self._walk_one_level()
        return depth <= self._walked

    def depth_of(self, who: str) -> int | None:
        """Steps to ``who`` if the walk has met it yet (see ``reach``)."""
        return self._depth.get(who)

    def path(self, who: str) -> list[str]:
        """A shortest way asker → … → ``who`` through the structure ([] when not connected).

        The same path ``networkx.single_source_shortest_path`` gives: levels in order, neighbours in
        adjacency order, the first discovery wins."""
        self.distance(who)
        if who not in self._depth:
            return []
        out: list[str] = []
        node: str | None = who
        while node is not None:
            out.append(node)
            node = self._pred[node]
        return out[::-1]

    def _walk_one_level(self) -> None:
        adj, pred, depth = self._adj, self._pred, self._depth
        below = depth[self._level[0]] + 1
        found: list[str] = []
        for node in self._level:
            for nb in adj[node]:
                if nb not in pred:
                    pred[nb] = node
                    depth[nb] = below
                    found.append(nb)
        self._level = found
        if found:
            self._walked = below


def structure(v: View) -> nx.Graph:
    """The undirected structure (no channels, no topics) of this view; edges keep their kind and source."""

    def build() -> nx.Graph:
        und = nx.Graph()
        for a, b, e in v.edges(*_STRUCTURE):
            if not und.has_edge(a, b):
                und.add_edge(a, b, kind=e["kind"], source=a)
        return und

    return v.cached("contact-structure", build)


def _neighbours(v: View) -> dict[str, tuple[str, ...]]:
    """The structure as plain neighbour tuples (in the graph's adjacency order): a breadth-first walk over
    these is several times faster than over networkx's adjacency views."""
    return v.cached("contact-neighbours", lambda: {n: tuple(nbrs) for n, nbrs in structure(v).adj.items()})


def _own_root(v: View, nid: str) -> str:
    """The asker's own organisation: up the hierarchy while the sector stays the same.

    A PPR unit belongs to its municipality; a hospital ward to its hospital, not to the whole region
    (whose other hospitals and psychiatry are "in the region", not "your own organisation"). An
    organisation recorded as part of itself (or of its own part) stops the climb.
    """
    sector = v.g.nodes[nid].get("sector")
    seen = {nid}
    while sector is not None:
        parents = [p for p in v.out(nid, "part_of") if v.g.nodes[p].get("sector") in (sector, None) and p not in seen]
        if not parents:
            break
        nid = parents[0]
        seen.add(nid)
    return nid


def forums_of(v: View, tree: set[str]) -> set[str]:
    """Forums where the organisation tree has a member, a seat on its behalf, the secretariat or chair."""
    found: set[str] = set()
    for org in tree:
        found |= {c for c in v.out(org, "member_of") if v.kind(c) in COLLAB_KINDS - {"cluster"}}
        found |= {f for seat in v.into(org, "on_behalf_of") for f in v.out(seat, "post_in")}
        found |= set(v.into(org, "secretariat_in")) | set(v.into(org, "chair_from"))
    return found


def _cluster_zone(v: View, tree: set[str], forums: set[str]) -> set[str]:
    """The asker's clusters, their steering groups, forums reporting to those, and the members' trees."""
    clusters = {c for org in tree for c in v.out(org, "member_of") if v.kind(c) == "cluster"}
    clusters |= {c for f in forums for c in v.out(f, "cluster_of")}
    zone = set(clusters)
    steering = {g for c in clusters for g in v.into(c, "cluster_of")}
    zone |= steering
    for body in steering:
        for kind in _UPWARD:
            zone |= set(v.into(body, kind))
    for c in clusters:
        for member in v.into(c, "member_of"):
            zone |= v.descendants(member)
    return zone
