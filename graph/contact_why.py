"""Why this contact: the chain of relations from the asker to the answer and on to the topic.

Only the answers shown are explained (walking paths for every candidate would be the costly part).
"""

from __future__ import annotations

from itertools import pairwise

from graph.contact_home import Home
from graph.contact_index import structure_index
from graph.contact_types import Answer, Step
from graph.view import View

__all__ = ["channel_origins", "closing_steps", "explained", "why"]


def explained(v: View, home: Home | None, a: Answer) -> Answer:
    """``a`` with its *why* filled in (unchanged when it already has one)."""
    if a.why is not None:
        return a
    if a.via_seat is not None:  # many seats of one forum folded into the forum: forum → one seat → topic
        tail = (Step(a.who, "post_in", False, a.via_seat), Step(a.via_seat, "handles", True, a.topic))
        return a.explained_by(why(v, home, a.who, ()) + tail)
    return a.explained_by(why(v, home, a.who, a.channels) + closing_steps(v, a.who, a.topic, a.requirement, a.channels))


def why(v: View, home: Home | None, target: str, channels: tuple[str, ...]) -> tuple[Step, ...]:
    """Asker → … → target: through the asker's channel where there is one, else the shortest structure path."""
    if home is None:
        return ()
    if channels:
        origins, first = channel_origins(v, channels)
        mine = home.channel_from
        # the first channel (in ``channels`` order) starting where the asker stands: look up the smaller side
        hits = (
            [first[f] for f in mine if f in first] if len(mine) < len(first) else [first[f] for f in first if f in mine]
        )
        if hits:
            ch, starts = origins[min(hits)]
            froms = [f for f in starts if f in mine]
            start = min(froms, key=lambda f: len(home.path(f)) or 99)
            lead = _path_steps(v, home.path(start) or [home.id])
            return (*lead, Step(start, "channel_from", True, ch), Step(ch, "channel_to", True, target))
    return _path_steps(v, home.path(target))


_Origins = tuple[tuple[tuple[str, tuple[str, ...]], ...], dict[str, int]]


def channel_origins(v: View, channels: tuple[str, ...]) -> _Origins:
    """Each channel with where it starts, and for each origin the first channel starting there (kept per
    view, and made for every candidate's channels by ``graph.contacts.prepare``: a unit can be reached by a
    channel from each of ~100 municipalities, and every answer through it asks)."""
    kept: dict[tuple[str, ...], _Origins] = v.cached("contact-why-origins", dict)
    hit = kept.get(channels)
    if hit is None:
        origins = tuple((ch, tuple(v.into(ch, "channel_from"))) for ch in channels)
        first: dict[str, int] = {}
        for i, (_, starts) in enumerate(origins):
            for f in starts:
                first.setdefault(f, i)
        hit = kept[channels] = (origins, first)
    return hit


def _path_steps(v: View, nodes: list[str]) -> tuple[Step, ...]:
    s = structure_index(v)
    return tuple(s.step(a, b) for a, b in pairwise(nodes))


def closing_steps(
    v: View, who: str, topic: str, requirement: str | None, channels: tuple[str, ...]
) -> tuple[Step, ...]:
    """The last step: the requirement naming the body, or the handler (the contact or its channel) → topic."""
    if requirement:
        return (Step(requirement, "required_in", True, who),)
    handler = who if (not channels or topic in v.out(who, "handles")) else channels[0]
    return (Step(handler, "handles", True, topic),)
