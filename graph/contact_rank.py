"""Ranking contact candidates: who handles the matched topics (directly, through a channel, a contact
point or a requirement), how near each is to the asker, and the seats of one forum folded into one answer.

The order (``Answer.sort_key``): topic score in tenths, nearness, availability, concrete contacts before
organisations and forums, steps in the structure, label.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from graph.contact_facts import facts, names
from graph.contact_home import Home
from graph.contact_types import COLLAB_KINDS, Answer, Cand, Step
from graph.contact_why import why
from graph.topics import TopicMatch
from graph.view import View

__all__ = ["candidates", "rank"]

_DIRECT_KINDS = frozenset({"post", "person", "unit", "organisation", "forum", "partnership", "collaboration"})
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


def rank(v: View, home: Home | None, cands: list[Cand]) -> list[Answer]:
    """The candidates as answers, best first (not yet explained: ``why`` is None)."""
    answers = _collapse_seats(v, home, [_answer(v, home, c) for c in cands])
    return sorted(answers, key=lambda a: a.sort_key(v.model))


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
        best = min(seats, key=lambda a: a.sort_key(v.model))
        example = sorted(a.who for a in seats)[0]
        note = {
            "da": f"{len(seats)} pladser i forummet varetager emnet, fx {v.model.label(example, 'da')}.",
            "en": f"{len(seats)} seats in the forum handle the topic, e.g. {v.model.label(example, 'en')}.",
        }
        steps = (
            *why(v, home, forum, ()),
            Step(forum, "post_in", False, example),
            Step(example, "handles", True, topic),
        )
        status = "proposed" if v.proposed(forum) else "available"
        tier = home.tier(v, forum, ()) if home else None
        dist = home.distance(forum) if home else 99
        added.append(replace(best, who=forum, nearness=tier, status=status, why=steps, note=note, distance=dist))
    return [a for a in answers if id(a) not in drop] + added


def _answer(v: View, home: Home | None, c: Cand) -> Answer:
    channels = tuple(sorted(c.channels))
    f = facts(v, c, channels)
    notes = list(f.note)
    if home and channels and not (f.channel_from & home.channel_from):
        notes.append(_not_your_channel(v, channels, home.id))
    note = {"da": " ".join(n[0] for n in notes), "en": " ".join(n[1] for n in notes)} if notes else None
    tier = home.tier(v, c.who, channels, f) if home else None
    dist = home.distance(c.who) if home else 99
    return Answer(c.who, c.topic, c.score, tier, f.status, channels, c.requirement, None, note=note, distance=dist)


def _not_your_channel(v: View, channels: tuple[str, ...], asker: str) -> tuple[str, str]:
    m = v.model
    froms = sorted({f for ch in channels for f in v.into(ch, "channel_from")})
    return (
        f"Kanalen er registreret fra {names(m, froms, 'da')} – ikke fra {m.label(asker, 'da')}.",
        f"The channel is recorded from {names(m, froms, 'en')} – not from {m.label(asker, 'en')}.",
    )
