"""Ranking contact candidates: who handles the matched topics (directly, through a channel, a contact
point or a requirement), how near each is to the asker, and the seats of one forum folded into one answer.

The order (``Answer.sort_key``): topic score in tenths, nearness, availability, concrete contacts before
organisations and forums, steps in the structure, label.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import groupby

from graph.contact_facts import facts, names
from graph.contact_home import Home
from graph.contact_types import COLLAB_KINDS, Answer, Cand
from graph.model import Model
from graph.topics import TopicMatch
from graph.view import View

__all__ = ["candidates", "rank"]

_DIRECT_KINDS = frozenset({"post", "person", "unit", "organisation", "forum", "partnership", "collaboration"})
_UNKNOWN = -1  # steps from the asker not counted yet
_COLLAPSE_AT = 3  # this many seats of one forum for one topic become one answer for the forum


def candidates(v: View, matches: tuple[TopicMatch, ...]) -> list[Cand]:
    """Everyone answering for the matched topics, once per (who, requirement), best topic score kept."""
    store: dict[tuple[tuple[str, float], ...], list[Cand]] = v.cached("contact-candidates", dict)
    key = tuple((m.id, m.score) for m in matches)
    hit = store.get(key)
    if hit is None:
        hit = store[key] = _candidates(v, matches)
    return hit


def _candidates(v: View, matches: tuple[TopicMatch, ...]) -> list[Cand]:
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


#: The part of the sort key before the steps from the asker (see ``Answer.sort_key``).
_TIED = 6


def rank(v: View, home: Home | None, cands: list[Cand], *, general: bool = False) -> Iterator[Answer]:
    """The candidates as answers, best first (not yet explained: ``why`` is None), produced lazily.

    A fixed contact person the asker itself has not named is a gap of the asker's, not someone to
    contact: such candidates are left out (the gap is still reported). ``general`` marks the answers
    as general routes.

    Steps from the asker only break ties, so answers are sorted on the rest of the key first and the
    steps are counted only for the tied groups a caller actually reads (usually the first few).
    """
    model = v.model
    own = [c for c in cands if not (home and c.requirement and _own_requirement(v, home, c.requirement))]
    answers = _collapse_seats(v, home, [_answer(v, home, c) for c in own])
    if general:
        answers = [replace(a, general=True) for a in answers]
    if home is None:
        yield from sorted(answers, key=lambda a: a.sort_key(model))
        return
    for _, tied in groupby(
        sorted(answers, key=lambda a: a.sort_key(model)[:_TIED]), key=lambda a: a.sort_key(model)[:_TIED]
    ):
        yield from _nearest_first(model, home, list(tied))


def _nearest_first(model: Model, home: Home, group: list[Answer]) -> Iterator[Answer]:
    """A tied group in full-key order, walking out from the asker one level per step as it is read.

    Within a group the key is (steps, label, id): the answers first met at depth d come before those at
    d + 1, so the walk stops as soon as the reader has enough; the unreachable ones come last.
    """
    left = [a for a in group if a.distance == _UNKNOWN]
    known = sorted((a for a in group if a.distance != _UNKNOWN), key=lambda a: a.sort_key(model))
    depth = 0
    while left and home.reach(depth):
        here = [replace(a, distance=depth) for a in left if home.depth_of(a.who) == depth]
        if here:
            left = [a for a in left if home.depth_of(a.who) != depth]
        while known and known[0].distance <= depth:
            here.append(known.pop(0))
        yield from sorted(here, key=lambda a: a.sort_key(model))
        depth += 1
    rest = [replace(a, distance=99) for a in left] + known  # not connected (or met beyond the walk)
    yield from sorted(rest, key=lambda a: a.sort_key(model))


def _own_requirement(v: View, home: Home, requirement: str) -> bool:
    return bool(set(v.out(requirement, "required_in")) & (home.up | {home.id}))


def _collapse_seats(v: View, home: Home | None, answers: list[Answer]) -> list[Answer]:
    """Many seats of one forum answering for the same topic are one answer: the forum.

    The 19 municipal seats of a region-wide group all handle the easy-access offer; the asker's own seat
    stays a separate answer, the other eighteen become "the group" with its secretary as the way in.
    """
    groups: dict[tuple[str, str], list[Answer]] = {}
    for a in answers:
        forums = v.out(a.who, "post_in") if v.kind(a.who) == "post" else []
        if forums and v.kind(forums[0]) in COLLAB_KINDS and (a.nearness is None or a.nearness >= 2):
            groups.setdefault((forums[0], a.topic), []).append(a)
    present = {(a.who, a.topic) for a in answers}
    drop: set[int] = set()
    added: list[Answer] = []
    for (forum, topic), seats in groups.items():
        if len(seats) < _COLLAPSE_AT:
            continue
        drop |= {id(a) for a in seats}
        if (forum, topic) in present:
            continue
        best = _best_seat(v.model, home, seats)
        example = sorted(a.who for a in seats)[0]
        note = {
            "da": f"{len(seats)} pladser i forummet varetager emnet, fx {v.model.label(example, 'da')}.",
            "en": f"{len(seats)} seats in the forum handle the topic, e.g. {v.model.label(example, 'en')}.",
        }
        status = "proposed" if v.proposed(forum) else "available"
        tier = home.tier(v, forum, ()) if home else None
        dist = _UNKNOWN if home else 99  # counted in ``rank`` where it is read
        added.append(
            replace(best, who=forum, nearness=tier, status=status, why=None, note=note, distance=dist, via_seat=example)
        )
    return [a for a in answers if id(a) not in drop] + added


def _best_seat(model: Model, home: Home | None, seats: list[Answer]) -> Answer:
    """The seat that stands for its forum: the first by the full key (steps counted only among the ties)."""
    if home is None:
        return min(seats, key=lambda a: a.sort_key(model))
    top = min(a.sort_key(model)[:4] for a in seats)
    return next(_nearest_first(model, home, [a for a in seats if a.sort_key(model)[:4] == top]))


def _answer(v: View, home: Home | None, c: Cand) -> Answer:
    channels = tuple(sorted(c.channels))
    f = facts(v, c, channels)
    notes = list(f.note)
    if home and channels and not (f.channel_from & home.channel_from):
        notes.append(_not_your_channel(v, channels, home.id))
    note = {"da": " ".join(n[0] for n in notes), "en": " ".join(n[1] for n in notes)} if notes else None
    tier = home.tier(v, c.who, channels, f) if home else None
    dist = _UNKNOWN if home else 99  # counted in ``rank`` only where it breaks a tie that is read
    return Answer(c.who, c.topic, c.score, tier, f.status, channels, c.requirement, None, note=note, distance=dist)


def _not_your_channel(v: View, channels: tuple[str, ...], asker: str) -> tuple[str, str]:
    m = v.model
    froms = sorted({f for ch in channels for f in v.into(ch, "channel_from")})
    return (
        f"Kanalen er registreret fra {names(m, froms, 'da')} – ikke fra {m.label(asker, 'da')}.",
        f"The channel is recorded from {names(m, froms, 'en')} – not from {m.label(asker, 'en')}.",
    )
