"""The gaps a contact answer cites, found from the answer's side (issue 9: a one-off question).

``graph.contacts`` cites the gaps of a few kinds that explain an answer: about the contact, its channel
or requirement (or naming them in a channel's or open question's context), a missing contact person
required in the body the contact belongs to, and gaps about what handles the asked topic. A prepared
view finds them in an index over every gap of the date (``graph.contact_gap_index``); a one-off
question asks only about the nodes its answer cites, with the finders' own per-entity functions, and
gives the same gaps in the same (report) order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from graph.gap_network import channel_gap_of
from graph.gap_posts import question_gap, reported_elsewhere, requirement_gap, responsibility_gap, seat_gap
from graph.gap_requests import request_gap
from graph.gap_types import Gap, GapCtx
from graph.view import View, view

__all__ = ["cited_gaps"]

_CONTEXT_KINDS = ("channel_not_open", "open_question")  # kinds whose context makes a gap relevant


def cited_gaps(
    v: View, direct: set[str], bodies: set[str], topics: set[str], topic_kinds: Iterable[str]
) -> tuple[Gap, ...]:
    """The gaps about (or naming in their context) ``direct``, the missing contact persons required in
    ``direct | bodies``, and the gaps of ``topic_kinds`` about what handles ``topics``; in report order.
    ``direct`` and ``bodies`` are read on ``v``, the gaps on its date (today without one)."""
    c = GapCtx(view(v.model, v.on or dt.date.today(), v.scen))
    found: list[Gap] = []
    for x in sorted(direct):
        found += [g for g in _about(c, x) if g.entity == x or (g.kind in _CONTEXT_KINDS and x in g.context)]
    for x in sorted(direct | bodies):
        if v.ok(x):
            found += [g for r in v.into(x, "required_in") for g in _about(c, r) if g.kind == "missing_contact_person"]
    kinds = set(topic_kinds)
    for t in sorted(topics):
        if v.ok(t):
            found += [g for e in v.into(t, "handles") for g in _about(c, e) if g.kind in kinds and g.entity == e]
    found.sort(key=lambda g: (*g.order, c.model.label(g.entity), g.entity, g.question or ""))
    out: list[Gap] = []
    for g in found:
        if g not in out:
            out.append(g)
    return tuple(out)


def _about(c: GapCtx, x: str) -> list[Gap]:
    """The gaps of the cited kinds that are about ``x`` or name it in their context (on ``c``'s date)."""
    if not c.ok(x):
        return []
    kind = c.g.nodes[x]["kind"]
    out: list[Gap] = []
    one = {
        "post": seat_gap,
        "requirement": requirement_gap,
        "responsibility": responsibility_gap,
        "request": request_gap,
    }.get(kind)
    if one is not None:
        gap = one(c, x)
        if gap is not None:
            out.append(gap)
    chans = [x] if kind == "channel" else []
    if kind == "open_question":
        chans += [ch for ch in c.out(x, "about") if c.g.nodes[ch]["kind"] == "channel"]
    out += [gap for ch in chans if (gap := channel_gap_of(c, ch)) is not None]
    questions = [q for q in c.into(x, "about") if c.g.nodes[q]["kind"] == "open_question"]
    if kind == "open_question":
        questions.append(x)
    out += [question_gap(c, q) for q in sorted(set(questions)) if not reported_elsewhere(c, q)]
    return out
