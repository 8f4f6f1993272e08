"""Where an asker stands: its organisations, forums and clusters, the shortest ways out from it, and the
nearness tier of any candidate seen from there (channel < own < forum < cluster < region < national < other).

The tiers, as sets (``graph.contact_index`` answers them by lookups, not by building these sets):

- channel: one of the candidate's channels starts at the asker, an organisation above it, or a
  collaboration one of those is a member of;
- own: the candidate belongs to the asker's organisation tree (everything under the asker's own root:
  up the hierarchy while the sector stays the same);
- forum: it belongs to a forum where the tree has a member, a seat on its behalf, the secretariat or chair;
- cluster: it lies in the zone of one of the asker's clusters (the cluster, its steering group, the
  bodies reporting to that, and the members' trees);
- region / national / other: by the sectors of its organisations.
"""

from __future__ import annotations

from graph.contact_facts import anchors
from graph.contact_index import Standing, Table, own_root, standing, tree_places
from graph.contact_own import municipalities
from graph.contact_types import COLLAB_KINDS
from graph.contact_walk import steps_from
from graph.view import View

__all__ = ["Home", "home"]

_HOMES_KEPT = 512  # askers whose place in the structure a date's view keeps (walks are kept apart)


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
    """Where the asker stands: its organisations, forums, clusters, and the shortest ways out from it."""

    def __init__(self, v: View, asker: str) -> None:
        self.id = asker
        own = anchors(v, asker)
        self.up = set(own) | {a for x in own for a in v.ancestors(x)}
        self.roots = frozenset(own_root(v, x) for x in own)
        self.municipalities = municipalities(v, asker, self.roots)  # its own services only (graph.contact_own)
        self.channel_from = self.up | {c for x in self.up for c in v.out(x, "member_of")}
        at = [tree_places(v, r) for r in self.roots]
        self.forums = {a for a in own if v.kind(a) in COLLAB_KINDS}.union(*(f for f, _ in at))
        clusters = set().union(*(c for _, c in at))
        self.clusters = frozenset(clusters | {c for f in self.forums for c in v.out(f, "cluster_of")})
        self._v = v
        steps = steps_from(v, asker)  # the walk out from the asker, advanced only as far as a question reads
        self.reach, self.reachable, self.depth_of = steps.reach, steps.reachable, steps.depth_of
        self.distance, self.path = steps.distance, steps.path
        self.node, self.nearest_first = steps.node, steps.nearest_first

    def tier(self, s: Standing) -> int:
        """The nearness tier of a candidate as an index into ``NEARNESS`` (see the module docstring)."""
        if s.channel_from and not s.channel_from.isdisjoint(self.channel_from):
            return 0
        if not s.ups.isdisjoint(self.roots):
            return 1
        if not s.anchors.isdisjoint(self.forums):
            return 2
        if s.zone and not s.zone.isdisjoint(self.clusters):
            return 3
        return s.far

    def near(self, t: Table) -> dict[int, int]:
        """The tiers 0–3 of a pool's slots that are near this asker (the others have their far tier):
        ``tier`` turned around, from the asker's few channel origins, roots, forums and clusters."""
        found: dict[int, int] = {}
        for tier, mine, index in (
            (0, self.channel_from, t.by_channel_from),
            (1, self.roots, t.by_up),
            (2, self.forums, t.by_anchor),
            (3, self.clusters, t.by_zone),
        ):
            for x in mine:
                for i in index.get(x, ()):
                    found.setdefault(i, tier)  # the first (nearest) tier that holds wins
        return found

    def tier_of(self, who: str) -> int:
        """The tier of ``who`` reached directly (no channel): a fallback or a forum standing for its seats."""
        return self.tier(standing(self._v, who))
