"""What touches each organisation or unit on a date: the index the interface question intersects.

Built once per (model version, date, scenarios): for every body, the forums it holds seats in or is a member
of, the channels from and to it, the contact-person requirements in and by it, the requests by and to it, its
topics, its posts (with holders and memberships of people) and the lines that leave or reach it or its posts.
A pair of parties is then a handful of set intersections, so a matrix of 70 × 70 organisations stays cheap.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graph.view import View

__all__ = ["LINE_KINDS", "Index", "index"]

LINE_KINDS = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
_COLLAB = ("forum", "partnership", "collaboration", "cluster")


@dataclass
class Index:
    """Per body: what it takes part in. Lists hold ids; everything is in force in the view it was built from
    (ask that view for anything else, e.g. ``v.out(channel, "channel_to")``)."""

    seats: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))  # body → (forum, seat)
    member_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # body → collaboration
    chan_from: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    chan_to: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    req_in: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    req_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    ask_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    ask_from: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    topics: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    posts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # body → its own posts
    people: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # body → members and post holders
    lines: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = field(default_factory=lambda: defaultdict(list))
    holders: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # post → persons


def index(v: View) -> Index:
    """The index of a view (built once per view: data version, date and scenarios)."""
    return v.cached("interface-index", lambda: _build(v))


def _build(view_: View) -> Index:
    g = view_.g
    ix = Index()
    for u, v, e in view_.edges():
        k = e["kind"]
        ku, kv = g.nodes[u]["kind"], g.nodes[v]["kind"]
        if k == "on_behalf_of":
            for f in view_.out(u, "post_in"):
                if g.nodes[f]["kind"] in _COLLAB:
                    ix.seats[v].append((f, u))
        elif k == "post_in" and kv not in _COLLAB:
            ix.posts[v].append(u)
        elif k == "member_of":
            if ku == "person":
                ix.people[v].add(u)
            elif kv in _COLLAB or kv in ("organisation", "unit"):
                ix.member_of[u].append(v)
        elif k == "holds":
            ix.holders[v].append(u)
        elif k == "channel_from":
            ix.chan_from[u].append(v)
        elif k == "channel_to":
            ix.chan_to[v].append(u)
        elif k == "required_in":
            ix.req_in[v].append(u)
        elif k == "requested_by":
            (ix.req_by if ku == "requirement" else ix.ask_by)[v].append(u)
        elif k == "requested_from":
            ix.ask_from[v].append(u)
        elif k == "handles" and ku in ("organisation", "unit"):
            ix.topics[u].add(v)
        elif k in LINE_KINDS or (k == "part_of" and ku in ("organisation", "unit")):
            ix.lines[u].append((u, v, k, e))
            ix.lines[v].append((u, v, k, e))
    for body, posts in ix.posts.items():
        for p in posts:
            ix.people[body].update(ix.holders.get(p, ()))
    for coll in (
        ix.seats,
        ix.posts,
        ix.chan_from,
        ix.chan_to,
        ix.req_in,
        ix.req_by,
        ix.ask_by,
        ix.ask_from,
        ix.member_of,
        ix.holders,
    ):
        for key in coll:
            coll[key] = sorted(set(coll[key]))  # type: ignore[arg-type]
    return ix
