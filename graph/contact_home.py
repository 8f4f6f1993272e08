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
        und = structure(v)
        self.paths: dict[str, list[str]] = nx.single_source_shortest_path(und, asker) if asker in und else {}

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
        return len(self.paths[who]) - 1 if who in self.paths else 99


def structure(v: View) -> nx.Graph:
    """The undirected structure (no channels, no topics) of this view; edges keep their kind and source."""

    def build() -> nx.Graph:
        und = nx.Graph()
        for a, b, e in v.edges(*_STRUCTURE):
            if not und.has_edge(a, b):
                und.add_edge(a, b, kind=e["kind"], source=a)
        return und

    return v.cached("contact-structure", build)


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
