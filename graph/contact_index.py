"""Per-view indexes that make a *new* contact question a lookup and one sort (issue 9).

Everything about a candidate that does not depend on who asks is worked out once per view and topic
(``pool``): its status and notes, where its channels start, the organisations it belongs to and all
that is above them, the clusters whose zone holds it, its far tier by sector, its label. Where an
asker stands is turned around the same way (``tree_places``): which forums and clusters an organisation
tree takes part in, kept by the tree's root, so placing another asker of the same tree needs no walk.

The nearness tiers these give are exactly ``graph.contact_home``'s definitions (a test compares them
with the plain set definitions on bundled and generated data).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import NamedTuple

from graph.contact_facts import facts
from graph.contact_own import owners
from graph.contact_types import COLLAB_KINDS, CONTACT_KIND_RANK, UNREACHABLE, Cand, Step
from graph.topic_types import TopicMatch
from graph.view import View

__all__ = [
    "FOLD_AT",
    "Slot",
    "Standing",
    "StructureIndex",
    "Table",
    "far_key",
    "forums_of",
    "own_root",
    "pool",
    "prepare_places",
    "slot_key",
    "standing",
    "structure_index",
    "tree_places",
    "zone_of",
]

_REGIONAL = frozenset({"municipal", "somatic", "psychiatry", "general_practice", "region", "cross_sector"})
_UPWARD = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
#: Edge kinds a shortest "why" path and the tie-breaking distance walk may use (no channels, no topics).
STRUCTURE_KINDS = (
    "part_of",
    "member_of",
    "post_in",
    "on_behalf_of",
    "holds",
    "cluster_of",
    "secretariat_in",
    "chair_from",
    *_UPWARD,
)
_Index = dict[str, tuple[int, ...]]
#: This many seats of one forum answering for one topic become one answer for the forum.
FOLD_AT = 3
_DIRECT_KINDS = frozenset({"post", "person", "unit", "organisation", "forum", "partnership", "collaboration"})


class Standing(NamedTuple):
    """A contact (reached through its channels, or for a requirement) as every asker sees it."""

    who: str
    channels: tuple[str, ...]
    requirement: str | None
    status: str
    note: tuple[tuple[str, str], ...]
    channel_from: frozenset[str]  # where its channels start
    anchors: frozenset[str]  # the organisations and forums it belongs to
    ups: frozenset[str]  # of the anchors and everything they are part of, those that are an asker's root
    zone: frozenset[str]  # the clusters whose zone holds an anchor
    far: int  # 4 regional, 5 national, 6 other (by the sectors above it)
    stuck: int  # nobody to act on directly (or only proposed)
    late: int  # proposed or its channel not open
    kind_rank: int  # concrete contacts before organisations before forums
    label: str
    seat_forum: str | None  # a seat of a forum-like body: seats of one forum fold into the forum
    req_in: frozenset[str]  # the bodies a requirement is for (an asker's own requirement is its gap)
    owners: frozenset[str] | None  # the municipalities it is the own service of (graph.contact_own.owners)


class Slot(NamedTuple):
    """One candidate for a matched topic: its standing, the topic and how well the topic matched."""

    at: Standing
    topic: str
    score: float
    tenths: int  # minus the score in tenths (0.99 and 1 count alike)


class Table(NamedTuple):
    """A pool's slots indexed by what can bring them near an asker, and in order for everyone else.

    Seen from an asker, a slot is near (tier 0–3) only through something the asker has: a channel
    origin, a root, a forum, a cluster. Every other slot has its static far tier, so its key is the same
    for everyone and its order is worked out once here (``far``).
    """

    slots: tuple[Slot, ...]
    runs: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]  # the slots in order as everyone far sees them,
    # in runs of one key (``far_key``): the ties that steps from the asker break
    by_channel_from: dict[str, tuple[int, ...]]
    by_up: dict[str, tuple[int, ...]]  # the slot's anchors and all above them
    by_anchor: dict[str, tuple[int, ...]]
    by_zone: dict[str, tuple[int, ...]]
    by_requirement_body: dict[str, tuple[int, ...]]
    seats: dict[tuple[str, str], tuple[int, ...]]  # (forum, topic) → its seats' slots
    seat_group: dict[int, tuple[str, str]]
    folds: frozenset[tuple[str, str]]  # the seat groups big enough to fold into their forum, seen from far
    named: dict[tuple[str, str], tuple[int, ...]]  # (who, topic) → slots: a forum already an answer
    ties: tuple[tuple[tuple[str, str], int, int], ...]  # each slot's (order among its ties, structure node, index)


def slot_key(tenths: int, at: Standing, tier: int) -> tuple[int, ...]:
    """The order of a candidate up to the steps from the asker (then its label and id)."""
    return (tenths, at.stuck, tier, at.late, at.kind_rank)


class StructureIndex:
    """The undirected structure (no channels, no topics) as int adjacency, in the graph's order (a plain class:
    no dataclass is made on a question's path, and a named tuple's ``index`` is tuple's own method)."""

    __slots__ = ("adj", "ids", "index", "kinds", "part")

    def __init__(
        self,
        ids: tuple[str, ...],
        index: dict[str, int],
        adj: tuple[tuple[int, ...], ...],
        kinds: dict[tuple[str, str], str],
        part: tuple[int, ...],
    ) -> None:
        self.ids = ids
        self.index = index
        self.adj = adj
        self.kinds = kinds  # (a, b) → the kind of the first edge between a and b, a → b its direction
        self.part = part  # the connected part each node lies in: no walk looks for what it cannot reach

    def step(self, a: str, b: str) -> Step:
        """The step a → b (neighbours), in the edge's real direction: made when an answer's why needs it, not
        for each of the 14,000 national (a, b) pairs."""
        kind = self.kinds.get((a, b))
        return Step(a, kind, True, b) if kind is not None else Step(a, self.kinds[b, a], False, b)


def structure_index(v: View) -> StructureIndex:
    """The structure of this view as int adjacency (built once per view)."""

    def build() -> StructureIndex:
        index: dict[str, int] = {}
        nbrs: list[list[int]] = []
        kinds: dict[tuple[str, str], str] = {}
        for a, b, e in v.edges(*STRUCTURE_KINDS):
            if a == b or (a, b) in kinds or (b, a) in kinds:
                continue
            kinds[a, b] = e["kind"]
            ia = index.get(a)
            if ia is None:
                ia = index[a] = len(nbrs)
                nbrs.append([])
            ib = index.get(b)
            if ib is None:
                ib = index[b] = len(nbrs)
                nbrs.append([])
            nbrs[ia].append(ib)
            nbrs[ib].append(ia)
        adj = tuple(map(tuple, nbrs))
        return StructureIndex(tuple(index), index, adj, kinds, _parts(adj))

    return v.cached("contact-structure-index", build)


def _parts(adj: tuple[tuple[int, ...], ...]) -> tuple[int, ...]:
    part = [-1] * len(adj)
    for start in range(len(adj)):
        if part[start] < 0:
            part[start] = start
            stack = [start]
            while stack:
                for nb in adj[stack.pop()]:
                    if part[nb] < 0:
                        part[nb] = start
                        stack.append(nb)
    return tuple(part)


def _ups(v: View, nid: str) -> frozenset[str]:
    return frozenset((nid, *v.ancestors(nid)))


def tree_places(v: View, root: str) -> tuple[frozenset[str], frozenset[str]]:
    """The forums and the clusters the organisation tree under ``root`` takes part in (its descendants'
    memberships, seats on their behalf, secretariats and chairs), worked out when a root is first asked
    about and kept with the view: a one-off question places one asker, ``prepare_places`` every root."""
    store: dict[str, tuple[frozenset[str], frozenset[str]]] = v.cached("contact-places", dict)
    hit = store.get(root)
    if hit is None:
        forums: set[str] = set()
        clusters: set[str] = set()
        if v.ok(root):
            tree = v.descendants(root)
            forums = forums_of(v, tree)
            clusters = {c for x in tree for c in v.out(x, "member_of") if v.kind(c) == "cluster"}
        hit = store[root] = (frozenset(forums), frozenset(clusters))
    return hit


def forums_of(v: View, tree: Iterable[str]) -> set[str]:
    """Forums where the organisations in ``tree`` have a member, a seat on their behalf, the secretariat or chair."""
    found: set[str] = set()
    for org in tree:
        found |= {c for c in v.out(org, "member_of") if v.kind(c) in COLLAB_KINDS - {"cluster"}}
        found |= {f for seat in v.into(org, "on_behalf_of") for f in v.out(seat, "post_in")}
        found |= set(v.into(org, "secretariat_in")) | set(v.into(org, "chair_from"))
    return found


def zone_of(v: View, nid: str) -> frozenset[str]:
    """The clusters whose zone holds ``nid`` (kept with the view). A cluster's zone is the cluster, its
    steering group (``cluster_of``), the bodies reporting upward to that, and its members' trees; read
    from ``nid``'s side: itself, where it steers, whom it reports to, and what it and all above it are
    members of. A body counts as a cluster when something steers it or it is a cluster with members."""
    store: dict[str, frozenset[str]] = v.cached("contact-zones", dict)
    hit = store.get(nid)
    if hit is None:
        found: set[str] = set()
        if v.ok(nid):
            if v.into(nid, "cluster_of") or (v.kind(nid) == "cluster" and v.into(nid, "member_of")):
                found.add(nid)
            found.update(v.out(nid, "cluster_of"))
            for kind in _UPWARD:
                for body in v.out(nid, kind):
                    found.update(v.out(body, "cluster_of"))
            for x in (nid, *v.ancestors(nid)):
                found.update(c for c in v.out(x, "member_of") if v.kind(c) == "cluster" or v.into(c, "cluster_of"))
        hit = store[nid] = frozenset(found)
    return hit


def prepare_places(v: View) -> None:
    """Place every tree any asker can have (its root: ``own_root``)."""
    for root in sorted({own_root(v, n) for n in v.nodes()}):
        tree_places(v, root)


def standing(v: View, who: str, channels: tuple[str, ...] = (), requirement: str | None = None) -> Standing:
    """What ranks ``who`` whoever asks (kept with the view)."""
    store: dict[tuple[str, tuple[str, ...], str | None], Standing] = v.cached("contact-standings", dict)
    key = (who, channels, requirement)
    hit = store.get(key)
    if hit is not None:
        return hit
    f = facts(v, Cand(who, "", 0.0, requirement=requirement), channels)
    # many standings share their sets: keep one of each
    same: dict[frozenset[str], frozenset[str]] = v.cached("contact-sets", dict)

    def one(x: frozenset[str]) -> frozenset[str]:
        return same.setdefault(x, x)

    ups = one(frozenset().union(*(_ups(v, a) for a in f.anchors)))
    zone = one(frozenset().union(*(zone_of(v, a) for a in f.anchors)))
    seat_forum = None
    if v.kind(who) == "post":
        forums = v.out(who, "post_in")
        if forums and v.kind(forums[0]) in COLLAB_KINDS:
            seat_forum = forums[0]
    hit = store[key] = Standing(
        who=who,
        channels=channels,
        requirement=requirement,
        status=f.status,
        note=f.note,
        channel_from=one(f.channel_from),
        anchors=one(f.anchors),
        ups=ups,
        zone=zone,
        far=4 if f.sectors & _REGIONAL else 5 if "national" in f.sectors else 6,
        stuck=1 if f.status in UNREACHABLE or f.status == "proposed" else 0,
        late=1 if f.status in ("proposed", "channel_not_open") else 0,
        kind_rank=CONTACT_KIND_RANK.get(v.kind(who), 2),
        label=v.model.label(who),
        seat_forum=seat_forum,
        req_in=frozenset(v.out(requirement, "required_in")) if requirement else frozenset(),
        owners=owners(v, who, ups),
    )
    return hit


def pool(v: View, matches: tuple[TopicMatch, ...]) -> Table:
    """Everyone answering for the matched topics, once per (who, requirement), best topic score kept,
    indexed for ranking (kept with the view)."""
    store: dict[tuple[tuple[str, float], ...], Table] = v.cached("contact-pools", dict)
    key = tuple((m.id, m.score) for m in matches)
    hit = store.get(key)
    if hit is None:
        shared: dict[tuple[Standing, str, float], Slot] = v.cached("contact-slots", dict)  # pools overlap
        slots: list[Slot] = []
        for c in _candidates(v, matches):
            at = standing(v, c.who, tuple(sorted(c.channels)), c.requirement)
            k = (at, c.topic, c.score)
            slots.append(shared.get(k) or shared.setdefault(k, Slot(at, c.topic, c.score, -round(c.score * 10))))
        hit = store[key] = _table(v, tuple(slots))
    return hit


def _table(v: View, slots: tuple[Slot, ...]) -> Table:
    def index(values: Iterable[tuple[Iterable[str], int]]) -> dict[str, tuple[int, ...]]:
        out: dict[str, list[int]] = {}
        for keys, i in values:
            for k in keys:
                out.setdefault(k, []).append(i)
        return {k: tuple(x) for k, x in out.items()}

    seats: dict[tuple[str, str], list[int]] = {}
    for i, s in enumerate(slots):
        if s.at.seat_forum is not None:
            seats.setdefault((s.at.seat_forum, s.topic), []).append(i)
    named: dict[tuple[str, str], list[int]] = {}
    for i, s in enumerate(slots):
        if (s.at.who, s.topic) in seats:
            named.setdefault((s.at.who, s.topic), []).append(i)
    node = structure_index(v).index
    far = sorted(range(len(slots)), key=lambda i: (far_key(slots[i]), slots[i].at.label, slots[i].at.who))
    return Table(
        slots=slots,
        runs=tuple((k, tuple(run)) for k, run in groupby(far, key=lambda i: far_key(slots[i]))),
        by_channel_from=index((s.at.channel_from, i) for i, s in enumerate(slots)),
        by_up=index((s.at.ups, i) for i, s in enumerate(slots)),
        by_anchor=index((s.at.anchors, i) for i, s in enumerate(slots)),
        by_zone=index((s.at.zone, i) for i, s in enumerate(slots)),
        by_requirement_body=index((s.at.req_in, i) for i, s in enumerate(slots)),
        seats={k: tuple(x) for k, x in seats.items()},
        seat_group={i: k for k, x in seats.items() for i in x},
        folds=frozenset(k for k, x in seats.items() if len(x) >= FOLD_AT),
        named={k: tuple(x) for k, x in named.items()},
        ties=tuple(((s.at.label, s.at.who), node.get(s.at.who, -1), i) for i, s in enumerate(slots)),
    )


def far_key(s: Slot) -> tuple[int, ...]:
    """The key of a slot seen from far away (its far tier): the same for every asker it is not near."""
    return slot_key(s.tenths, s.at, s.at.far)


def own_root(v: View, nid: str) -> str:
    """The asker's own organisation: up the hierarchy while the sector stays the same.

    A PPR unit belongs to its municipality; a hospital ward to its hospital, not to the whole region
    (whose other hospitals and psychiatry are "in the region", not "your own organisation"). An
    organisation recorded as part of itself (or of its own part) stops the climb.
    """
    nodes = v.adjacency.nodes
    sector = nodes[nid].get("sector")
    seen = {nid}
    while sector is not None:
        parents = [p for p in v.out(nid, "part_of") if nodes[p].get("sector") in (sector, None) and p not in seen]
        if not parents:
            break
        nid = parents[0]
        seen.add(nid)
    return nid


def _candidates(v: View, matches: Iterable[TopicMatch]) -> list[Cand]:
    found: dict[tuple[str, str | None], Cand] = {}
    for match in matches:
        for handler in v.into(match.id, "handles"):
            for cand in _expand(v, handler, match):
                key = (cand.who, cand.requirement)
                old = found.get(key)
                if old is None or cand.score > old.score:
                    if old is not None:
                        cand.channels |= old.channels
                    found[key] = cand
                elif cand.score == old.score:
                    old.channels |= cand.channels
    return list(found.values())


def _expand(v: View, handler: str, match: TopicMatch) -> Iterable[Cand]:
    """The contact(s) a handler of the topic stands for: a channel's target, a requirement's body …"""
    kind = v.kind(handler)
    if kind == "channel":
        targets = v.out(handler, "channel_to")
        if not targets and v.adjacency.successors(handler, "channel_to"):
            return  # it leads to a body not in force on the date: no way to anyone (not a way of unknown end)
        for t in targets or [handler]:
            yield Cand(t, match.id, match.score, {handler} if targets else set())
    elif kind == "contact_point":
        for owner in v.into(handler, "contact_point") or [handler]:
            yield Cand(owner, match.id, match.score)
    elif kind == "requirement":
        named = v.out(handler, "fulfilled_by")
        for body in named or v.out(handler, "required_in"):
            yield Cand(body, match.id, match.score, requirement=handler)
    elif kind in _DIRECT_KINDS:
        yield Cand(handler, match.id, match.score)
