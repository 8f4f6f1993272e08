"""The gaps a contact answer cites, read off an index over the date's gap report (kept per view).

A gap explains an answer when it is about the contact, its channel or requirement; a channel or open
question gap also when its context names one of those; a missing contact person when it is required in
the contact or the body it belongs to; a gap about a topic's handler when the topic is asked about. None
of these kinds needs the network-wide single points. A one-off question (no index built for its date)
asks only about the nodes its answer cites (``graph.contact_gaps``), with the same gaps in the same order.

What a candidate brings does not depend on who asks, so ``prepare_gaps`` works it out once per candidate
(``GapIndex.cited``): a unit reached by channels from ~100 municipalities is one lookup, not ~300.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from graph.contact_gaps import cited_gaps
from graph.contact_index import Table
from graph.contact_json import organisation
from graph.contact_types import Answer
from graph.gap_forums import forums
from graph.gap_network import channels
from graph.gap_posts import open_questions, requirements, responsibilities, seats
from graph.gap_requests import outstanding_requests
from graph.gap_types import GapCtx
from graph.gaps import FINDERS, Gap
from graph.topic_types import Understanding
from graph.view import View, view

__all__ = ["TOPIC_GAP_KINDS", "GapIndex", "gap_index", "prepare_gaps", "related_gaps"]

_GAP_KINDS = ("vacant_seat", "vacant_post", "missing_contact_person", "channel_not_open", "open_question")
#: Gaps about what the topic itself is left with: nobody placed, a request still open.
TOPIC_GAP_KINDS = ("responsibility_not_placed", "outstanding_request", "vacant_seat", "missing_contact_person")
# the finders of those kinds, and ``forums`` for the open questions it reports itself (``open_questions``
# reports only the rest): the other finders (members, interfaces, single points …) are most of a national
# report's cost and none of their gaps can explain an answer
_GAP_FINDERS = frozenset(
    {seats, requirements, forums, responsibilities, channels, outstanding_requests, open_questions}
)
_TOPIC_GAP_SCORE = 0.5  # topics matched this well (not only as a neighbour) bring their own gaps
_Index = dict[str, tuple[int, ...]]


class GapIndex(NamedTuple):
    """The date's citable gaps (report order) and, by id, the gaps it brings as a contact, channel or
    requirement (``direct``: about it, or naming it in a channel's or open question's context; with the
    missing contact persons required in it), as a body, and as a topic."""

    gaps: tuple[Gap, ...]
    by_entity: _Index
    by_context: _Index
    by_body: _Index
    by_topic: _Index
    first: tuple[int, ...]  # each gap's first equal gap: a gap reported twice is cited once
    cited: dict[tuple[str, ...], frozenset[int]]  # a candidate's channels → the gaps they bring (filled by prepare)

    def direct(self, x: str) -> tuple[int, ...]:
        return self.by_entity.get(x, ()) + self.by_context.get(x, ()) + self.by_body.get(x, ())


def related_gaps(v: View, answers: list[Answer], meaning: Understanding) -> tuple[Gap, ...]:
    """Gaps that explain an incomplete answer (about the contact, its channel, its requirement or body)
    and gaps about the topic itself (a responsibility for it placed with nobody, a request still open)."""
    of: dict[str, str | None] = v.cached("contact-organisation", dict)  # who → the body it belongs to
    bodies: set[str] = set()
    for a in answers:
        if a.who not in of:
            of[a.who] = organisation(v.model, a.who)
        body = of[a.who]
        if body:
            bodies.add(body)
    topics = {t.id for t in meaning.topics if t.via != "general" and t.score >= _TOPIC_GAP_SCORE}
    if not v.has(_gap_key(v)):  # a one-off question: only the cited nodes' gaps, not every gap of the date
        direct = {x for a in answers for x in (a.who, *a.channels, a.requirement) if x}
        return cited_gaps(v, direct, bodies, topics, TOPIC_GAP_KINDS)
    index = gap_index(v)
    hits: set[int] = set()
    for a in answers:
        hits.update(index.direct(a.who))
        if a.requirement:
            hits.update(index.direct(a.requirement))
        if a.channels:
            hits |= _channel_gaps(index, a.channels)
    for x in bodies:
        hits.update(index.by_body.get(x, ()))
    for t in topics:  # about the topic: nobody placed, a request open …
        hits.update(index.by_topic.get(t, ()))
    out: list[Gap] = []
    seen: set[int] = set()
    for i in sorted(hits):  # the report's order, each gap once
        if index.first[i] not in seen:
            seen.add(index.first[i])
            out.append(index.gaps[i])
    return tuple(out)


def _channel_gaps(index: GapIndex, chans: tuple[str, ...]) -> frozenset[int]:
    hit = index.cited.get(chans)
    if hit is None:
        hit = index.cited[chans] = frozenset(i for ch in chans for i in index.direct(ch))
    return hit


def prepare_gaps(v: View, pools: Iterable[Table]) -> None:
    """Index the date's gaps, and work out what each candidate of ``pools`` brings: its channels' gaps,
    the body it belongs to (a post's forum, a unit's organisation)."""
    index = gap_index(v)
    of: dict[str, str | None] = v.cached("contact-organisation", dict)
    for t in pools:
        for s in t.slots:
            if s.at.who not in of:
                of[s.at.who] = organisation(v.model, s.at.who)
            if s.at.channels:
                _channel_gaps(index, s.at.channels)
        for forum, _ in t.seats:  # a forum may stand for its seats
            if forum not in of:
                of[forum] = organisation(v.model, forum)


def gap_index(v: View) -> GapIndex:
    """The gaps an answer can be explained by, indexed by the ids that make one relevant (kept per view)."""
    day = _gap_key(v)[1]

    def build() -> GapIndex:
        gaps = tuple(g for g in _answer_gaps(view(v.model, day, v.scen)) if g.kind in _GAP_KINDS + TOPIC_GAP_KINDS)
        by_entity: dict[str, list[int]] = {}
        by_context: dict[str, list[int]] = {}
        by_body: dict[str, list[int]] = {}
        by_topic: dict[str, list[int]] = {}
        same: dict[tuple[object, ...], int] = {}
        first: list[int] = []
        for i, gap in enumerate(gaps):
            by_entity.setdefault(gap.entity, []).append(i)
            if gap.kind in ("channel_not_open", "open_question"):
                for c in set(gap.context):
                    by_context.setdefault(c, []).append(i)
            if gap.kind == "missing_contact_person":
                for body in v.out(gap.entity, "required_in"):
                    by_body.setdefault(body, []).append(i)
            if gap.kind in TOPIC_GAP_KINDS:
                for topic in v.out(gap.entity, "handles"):
                    by_topic.setdefault(topic, []).append(i)
            text = tuple(sorted(gap.text.items()))  # the fields ``Gap.__eq__`` compares, hashable
            key = (gap.kind, gap.severity, gap.entity, text, gap.context, gap.sources, gap.question)
            first.append(same.setdefault(key, i))

        def frozen(d: dict[str, list[int]]) -> _Index:
            return {k: tuple(x) for k, x in d.items()}

        return GapIndex(
            gaps, frozen(by_entity), frozen(by_context), frozen(by_body), frozen(by_topic), tuple(first), {}
        )

    return v.cached(_gap_key(v), build)


def _gap_key(v: View) -> tuple[str, dt.date]:
    return ("contact-gap-index", v.on or dt.date.today())  # gaps need a date: without one, today's


def _answer_gaps(v: View) -> list[Gap]:
    """The gaps of ``_GAP_FINDERS``, as ``graph.gaps.local_gaps`` lists them (finder order, then its sort):
    the same gaps of these kinds, in the same order, at a sixth of the cost at national scale."""
    c = GapCtx(v)
    found = [gap for finder in FINDERS if finder in _GAP_FINDERS for gap in finder(c)]
    return sorted(found, key=lambda g: (*g.order, v.model.label(g.entity), g.entity))
