"""Gaps: what is missing, empty, unplaced, overdue or fragile in the collaboration structure.

A coordinator asks "where does our structure leak?". Every finding names the entity, a gap kind
code, a severity and one sentence in Danish and English, with the sources that show it:

================================  ========  ==========================================================
kind                              severity  what
================================  ========  ==========================================================
``vacant_seat``                   high      a forum seat recorded as vacant
``vacant_post``                   medium    a post (third-party data) with no holder ("N.N.")
``missing_contact_person``        high      a requested fixed contact person nobody has been named for
``deadline_passed``               high      a terms-of-reference deadline passed with no recorded outcome
``single_point_of_contact``       high      one person/post whose loss cuts one sector off from another
``upward_line_ended``             high      a body whose upward lines ended (e.g. their target was abolished)
                                            and no line in force replaced them (``gap_transition``)
``no_chair`` / ``no_secretariat`` medium+   a forum without chair / secretariat / mandate / upward line;
``no_mandate`` / ``no_reporting_line``      when the source says it leaves this open: ``*_not_stated``, low
``mandate_not_approved``          medium    every terms of reference of the forum is only a draft/proposal
``member_without_seat``           medium    a member of a collaboration that has seats, but none for it
``no_decision_authority``         medium    the forum asks for decision authority, a represented
                                            organisation's seats do not carry it
``responsibility_not_placed``     medium    a responsibility without ``placed_with``
``outstanding_request``           medium    a request made or approved that the sources never show met
``channel_not_open``              medium/   channels being set up / requested (medium) or of unknown
                                  low       state (low); channels sharing an open question are one gap
``term_ended``                    medium    a membership or holding whose term has ended
``ending_soon``                   low       a forum, cluster, membership or line ending within 90 days
``open_question``                 low       anything else the sources leave open
================================  ========  ==========================================================

Only elements in force on the date (``in_force``) count; the date defaults to today because deadlines
and terms need one. Single points of contact come from ``graph.fragility`` (articulation points of
the collaboration network, computed once per model, date and scenarios).

Finders are pluggable: ``FINDERS`` lists functions ``GapCtx -> Iterable[Gap]`` (``graph.gap_types``; the
context is the date's ``graph.view.View`` plus sentence helpers), one module per family
(``gap_forums``, ``gap_posts``, ``gap_network``). A new kind of gap is a function in one of them (or a new
module), its kind code in ``GAP_KINDS`` and the function in ``FINDERS``; ``open_questions`` stays last.

``scope`` restricts the report to an entity and what lies beneath it: its parts, the seats in it or
on its behalf (and their holders), forums it hosts (secretariat or chair), its channels,
requirements, responsibilities, mandates and the open questions about any of these. A health cluster's
scope is its member organisations (with their parts, channels, requirements and requests), its steering
group and every forum reporting up to it (their seats, holders, mandates, responsibilities, requests and
the decisions the steering group approved).

JSON shape of ``GapReport.as_json(lang)`` (stable; every entity is a ``model.ref``)::

    {
      "scope": Ref | null,
      "date": "YYYY-MM-DD",
      "scenarios": [str],
      "summary": {"total": int, "high": int, "medium": int, "low": int, "by_kind": {kind: int}},
      "gaps": [
        {"kind": str, "severity": "high" | "medium" | "low",
         "entity": Ref,                   # what the gap is about
         "text": str,                     # one sentence in ``lang``
         "context": [Ref],                # the forum, requester, other channels … involved
         "question": Ref | null,          # the open question in the source, where one says so
         "sources": [Source]}             # SourceRef.as_json()
      ]
    }
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from graph.applicability import check_scenarios, require_in_force
from graph.contact_facts import the_municipality
from graph.errors import AmbiguousEntity
from graph.gap_forums import deadlines, forums, members
from graph.gap_interfaces import contact_one_way, requested_interfaces, shared_forum_no_channel
from graph.gap_network import channels, single_point_gaps
from graph.gap_posts import ENDING_SOON_DAYS, open_questions, requirements, responsibilities, seats, terms
from graph.gap_requests import outstanding_requests
from graph.gap_transition import upward_line_ended
from graph.gap_types import GAP_KINDS, SEVERITIES, Gap, GapCtx
from graph.model import Model
from graph.view import View, view

__all__ = [
    "ENDING_SOON_DAYS",
    "FINDERS",
    "GAP_KINDS",
    "NETWORK_FINDERS",
    "SEVERITIES",
    "Gap",
    "GapFinder",
    "GapReport",
    "all_gaps",
    "find_gaps",
    "local_gaps",
]


GapFinder = Callable[[GapCtx], Iterable[Gap]]
#: Every finder, in the order they run; ``open_questions`` last (it reports only questions no other used).
FINDERS: list[GapFinder] = [
    seats,
    requirements,
    deadlines,
    forums,
    members,
    responsibilities,
    channels,
    shared_forum_no_channel,
    requested_interfaces,
    contact_one_way,
    terms,
    single_point_gaps,
    upward_line_ended,
    outstanding_requests,
    open_questions,
]
#: Finders that need the whole network (left out of ``local_gaps``); they must mark no question as used.
NETWORK_FINDERS: frozenset[GapFinder] = frozenset({single_point_gaps})


class GapReport(NamedTuple):
    """All gaps in scope on a date, most serious first."""

    scope: str | None
    on: dt.date
    scenarios: tuple[str, ...]
    gaps: tuple[Gap, ...]
    model: Model

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        counts = Counter(g.severity for g in self.gaps)
        return {
            "scope": self.model.ref(self.scope, lang) if self.scope else None,
            "date": self.on.isoformat(),
            "scenarios": list(self.scenarios),
            "summary": {
                "total": len(self.gaps),
                **{s: counts.get(s, 0) for s in SEVERITIES},
                "by_kind": dict(Counter(g.kind for g in self.gaps)),
            },
            "gaps": [g.as_json(self.model, lang) for g in self.gaps],
        }


# ------------------------------------------------------------------------------------------------ queries
def find_gaps(
    model: Model, *, scope: str | None = None, on: dt.date | None = None, scenarios: Iterable[str] = ()
) -> GapReport:
    """Every gap in force on ``on`` (default today), optionally within ``scope`` (name or IRI).

    Raises EntityNotFound / AmbiguousEntity for the scope, InputError for an unknown scenario.
    """
    scen = check_scenarios(model, scenarios)
    day = on or dt.date.today()
    root = _scope(model, scope) if scope else None
    if root is not None:
        require_in_force(model, root, day, scen)
    found = all_gaps(model, day, scen)
    if root is not None:
        within = _scope_ids(view(model, day, scen), root)
        found = tuple(g for g in found if g.touches(within))
    return GapReport(scope=root, on=day, scenarios=scen, gaps=found, model=model)


def all_gaps(model: Model, on: dt.date, scenarios: tuple[str, ...]) -> tuple[Gap, ...]:
    """Every gap of the whole model on a date (cached per model, date and scenarios)."""
    v = view(model, on, scenarios)
    return v.cached("gaps", lambda: _collect(v))


def local_gaps(model: Model, on: dt.date, scenarios: tuple[str, ...]) -> tuple[Gap, ...]:
    """``all_gaps`` without ``single_point_of_contact`` (the one kind that needs the whole network's
    articulation points, two thirds of the cost); every other gap is the same. Cached the same way."""
    v = view(model, on, scenarios)
    return v.cached("gaps-local", lambda: _collect(v, local=True))


def _collect(v: View, *, local: bool = False) -> tuple[Gap, ...]:
    c = GapCtx(v)
    found: list[Gap] = []
    for finder in FINDERS:
        if local and finder in NETWORK_FINDERS:
            continue
        found.extend(finder(c))
    return tuple(sorted(found, key=lambda g: (*g.order, v.model.label(g.entity), g.entity)))


def _scope(model: Model, text: str) -> str:
    """The body ``text`` names; a town (»Viborg«, also the name of its hospital) names its municipality."""
    try:
        return model.resolve(text)
    except AmbiguousEntity as exc:
        town = the_municipality(model.adjacency.nodes, (c.id for c in exc.candidates))
        if town is None:
            raise
        return town


def _scope_ids(c: View, root: str) -> set[str]:
    """The root and everything beneath it (see the module docstring)."""
    if c.kind(root) == "cluster":
        return _cluster_scope(c, root)
    within = set(c.descendants(root))  # parts, all the way down
    orgs = set(within)
    hosted = {f for o in orgs for kind in ("secretariat_in", "chair_from") for f in c.into(o, kind)}
    within |= hosted
    for body in orgs | hosted:
        seats = c.into(body, "post_in") + (c.into(body, "on_behalf_of") if body in orgs else [])
        within |= set(seats)
        within |= {p for s in seats for p in c.into(s, "holds")}
        within |= set(c.out(body, "channel_from")) | set(c.into(body, "channel_to"))
        within |= set(c.out(body, "has_mandate"))
        for kind in ("required_in", "requested_by", "responsibility_of"):
            within |= set(c.into(body, kind))
    within |= {q for n in list(within) for q in c.into(n, "about")}
    return within


def _cluster_scope(c: View, root: str) -> set[str]:
    """A cluster: its members and their parts, its steering group and the forums reporting up to it."""
    orgs = {d for m in c.into(root, "member_of") for d in c.descendants(m)}
    forums = set(c.into(root, "cluster_of"))
    todo = list(forums)
    while todo:
        body = todo.pop()
        for kind in _UPWARD:
            for f in c.into(body, kind):
                if f not in forums and c.kind(f) in ("forum", "partnership", "collaboration"):
                    forums.add(f)
                    todo.append(f)
    within = {root} | orgs | forums
    for f in forums:
        seats = c.into(f, "post_in")
        within |= set(seats) | {p for s in seats for p in c.into(s, "holds")}
        within |= set(c.out(f, "has_mandate"))
        for kind in ("responsibility_of", "requested_by", "required_in", "approved_by"):
            within |= set(c.into(f, kind))
    for o in orgs:
        within |= set(c.out(o, "channel_from")) | set(c.into(o, "channel_to"))
        for kind in ("required_in", "requested_by"):
            within |= set(c.into(o, kind))
    within |= {q for n in list(within) for q in c.into(n, "about")}
    return within


_UPWARD = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
