"""Ranking contact candidates: how near each is to the asker, the seats of one forum folded into one
answer, and the order.

The order: general routes after specific answers; topic score in tenths; answers one can act on before
a seat whose holder is not stated, a vacancy, a missing contact person or a mere proposal; nearness;
proposed or not-open channels later; concrete contacts before organisations and forums; steps in the
structure from the asker; label.

Three or more seats of one forum answering for the same topic (other than seats near the asker: its
own organisation or a channel of its own) become one answer for the forum: the 19 municipal seats of a
region-wide group are one way in, not nineteen.

The candidates come from ``graph.contact_index.pool`` with everything that does not depend on the
asker worked out and the far ones already in order. A question works out only the few candidates near
the asker (``Home.near``), merges them into that order, and makes ``Answer`` objects only for the
answers a caller reads.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator
from itertools import groupby
from typing import Any

from graph.contact_facts import names
from graph.contact_home import Home
from graph.contact_index import FOLD_AT, Slot, Standing, Table, slot_key, standing
from graph.contact_own import serves
from graph.contact_types import Answer
from graph.view import View

__all__ = ["origin_names", "rank"]

_Node = Callable[[str], int]  # the structure's int id of a node (-1: not in it)


class _Row:
    """A candidate as this asker sees it: its standing, its tier and its key up to the steps.

    A forum standing in for its seats keeps them (``seats``) and picks the seat it is reached through
    only when it is read."""

    __slots__ = ("at", "key", "s", "seats", "tier")

    def __init__(
        self, s: Slot, tier: int | None, at: Standing | None = None, seats: tuple[tuple[Slot, int | None], ...] = ()
    ) -> None:
        self.s, self.tier, self.at, self.seats = s, tier, at or s.at, seats
        self.key = slot_key(s.tenths, self.at, tier or 0)

    def order(self) -> tuple[Any, ...]:
        return (self.key, self.at.label, self.at.who)


def rank(
    v: View, home: Home | None, t: Table, *, general: bool = False, left_out: dict[str, None] | None = None
) -> Iterator[Answer]:
    """The candidates as answers, best first (not yet explained: ``why`` is None), produced lazily.

    A fixed contact person the asker itself has not named is a gap of the asker's, not someone to
    contact: such candidates are left out (the gap is still reported). ``general`` marks the answers
    as general routes. Given ``left_out``, an asker in a municipality gets no other municipality's own
    service (``graph.contact_own``): each one passed over is added to it, in order.

    Steps from the asker only break ties, so rows are ordered on the rest of the key first and the
    steps are counted only for the tied groups a caller actually reads (usually the first few).
    """
    if home is None:
        rows = [_Row(s, None) for s in t.slots]
        kept = [r for i, r in enumerate(rows) if t.seat_group.get(i) not in t.folds]
        kept += _forum_rows(v, None, t, {g: tuple((t.slots[i], None) for i in t.seats[g]) for g in t.folds}, set())
        for r in sorted(kept, key=_Row.order):
            yield _answer(v, None, r, 99, general)
        return
    near = home.near(t)
    gone = {i for x in home.up | {home.id} for i in t.by_requirement_body.get(x, ())}  # the asker's own gaps
    for i in gone:
        near.pop(i, None)
    # seats near the asker (tier 0 or 1) stay answers of their own; only their groups need counting again
    touched = {t.seat_group[i] for i in (*near, *gone) if i in t.seat_group}
    folding: dict[tuple[str, str], tuple[tuple[Slot, int | None], ...]] = {
        g: tuple((t.slots[i], t.slots[i].at.far) for i in t.seats[g]) for g in t.folds - touched
    }
    for g in touched:
        seats = tuple(
            (t.slots[i], near.get(i, t.slots[i].at.far)) for i in t.seats[g] if i not in gone and near.get(i, 9) >= 2
        )
        if len(seats) >= FOLD_AT:
            folding[g] = seats
    mine = [
        _Row(t.slots[i], tier) for i, tier in near.items() if not (tier >= 2 and t.seat_group.get(i) in folding)
    ] + _forum_rows(v, home, t, folding, gone)
    mine.sort(key=_Row.order)
    own = home.municipalities if left_out is not None else frozenset()
    for group in _tied(t, mine, near, gone, folding, home.node):
        if own:
            group = _own_only(t, group, own, left_out)  # type: ignore[arg-type]
        for item, d in home.nearest_first(group):
            r = item if isinstance(item, _Row) else _Row(t.slots[item], t.slots[item].at.far)
            yield _answer(v, home, r, d, general)


_Entry = tuple[tuple[str, str], int, "_Row | int"]  # (label and id, structure node, a row or a far slot's index)


def _tied(
    t: Table, mine: list[_Row], near: Container[int], gone: Container[int], folding: Container[Any], node: _Node
) -> Iterator[list[_Entry]]:
    """The rows near the asker (``mine``, in order) merged into the pool's far order (but for the slots near
    or gone, or folded into their forum), one group of equal keys at a time, the rows near the asker first in
    each: within a group only the label and id order. A far slot stays its index until its row is read."""
    ties, seat_group, j, n = t.ties, t.seat_group, 0, len(mine)
    for key, run in t.runs:
        while j < n and mine[j].key < key:
            k, j0 = mine[j].key, j
            while j < n and mine[j].key == k:
                j += 1
            yield [_entry(r, node) for r in mine[j0:j]]
        j0 = j
        while j < n and mine[j].key == key:
            j += 1
        group: list[_Entry] = [_entry(r, node) for r in mine[j0:j]]
        group += [ties[i] for i in run if i not in near and i not in gone and seat_group.get(i) not in folding]
        if group:
            yield group
    for _, rows in groupby(mine[j:], key=_key):
        yield [_entry(r, node) for r in rows]


def _own_only(t: Table, group: list[_Entry], own: frozenset[str], left_out: dict[str, None]) -> list[_Entry]:
    """The entries serving an asker of the municipalities ``own``; the others' ids go to ``left_out``. A channel
    recorded from the asker's own side (tier 0) is its way in wherever it leads."""
    kept = []
    for e in group:
        item = e[2]
        at = item.at if isinstance(item, _Row) else t.slots[item].at
        if serves(at.owners, own) or (isinstance(item, _Row) and item.tier == 0):
            kept.append(e)
        else:
            left_out[at.who] = None
    return kept


def _entry(r: _Row, node: _Node) -> _Entry:
    return ((r.at.label, r.at.who), node(r.at.who), r)


def _key(r: _Row) -> tuple[int, ...]:
    return r.key


def _forum_rows(
    v: View,
    home: Home | None,
    t: Table,
    folding: dict[tuple[str, str], tuple[tuple[Slot, int | None], ...]],
    gone: set[int],
) -> list[_Row]:
    """A row for each forum whose seats fold into it, unless the forum itself answers for the topic."""
    out = []
    for (forum, topic), seats in folding.items():
        if any(i not in gone for i in t.named.get((forum, topic), ())):
            continue
        at = standing(v, forum)  # its own status, kind and name; the seat it is reached through comes later
        out.append(_Row(seats[0][0], home.tier(at) if home else None, at, seats))
    return out


def _best_seat(home: Home | None, pairs: tuple[tuple[Slot, int | None], ...]) -> _Row:
    """The seat that stands for its forum: the first by the full key (steps counted only among the ties)."""
    seats = [_Row(s, tier) for s, tier in pairs]
    if home is None:
        return min(seats, key=_Row.order)
    top = min(r.key[:3] for r in seats)
    return next(home.nearest_first([(r.order(), home.node(r.at.who), r) for r in seats if r.key[:3] == top]))[0]


def _answer(v: View, home: Home | None, r: _Row, distance: int, general: bool) -> Answer:
    at, seat = r.at, None
    if r.seats:  # a forum for its seats: reached as the best seat is, with the seats' note
        best = _best_seat(home, r.seats).at
        seat = min(s.at.who for s, _ in r.seats)
        at = best._replace(who=at.who, status=at.status, stuck=at.stuck, late=at.late, label=at.label)
        m = v.model
        note: dict[str, str] | None = {
            "da": f"{len(r.seats)} pladser i forummet varetager emnet, fx {m.label(seat, 'da')}.",
            "en": f"{len(r.seats)} seats in the forum handle the topic, e.g. {m.label(seat, 'en')}.",
        }
    else:
        notes = list(at.note)
        if home and at.channels and at.channel_from.isdisjoint(home.channel_from):
            notes.append(_not_your_channel(v, at, home.id))
        note = {"da": " ".join(n[0] for n in notes), "en": " ".join(n[1] for n in notes)} if notes else None
    return Answer(
        at.who,
        r.s.topic,
        r.s.score,
        r.tier,
        at.status,
        at.channels,
        at.requirement,
        None,
        note=note,
        distance=distance,
        via_seat=seat,
        general=general,
    )


def _not_your_channel(v: View, at: Standing, asker: str) -> tuple[str, str]:
    m = v.model
    da, en = origin_names(v, at.channel_from)
    return (
        f"Kanalen er registreret fra {da} – ikke fra {m.label(asker, 'da')}.",
        f"The channel is recorded from {en} – not from {m.label(asker, 'en')}.",
    )


def origin_names(v: View, froms: frozenset[str]) -> tuple[str, str]:
    """Where a contact's channels start (``Standing.channel_from``), named in Danish and English; kept per view:
    a channel open to every municipality names ~100."""
    kept: dict[frozenset[str], tuple[str, str]] = v.cached("contact-channel-origins", dict)
    hit = kept.get(froms)
    if hit is None:
        ordered = sorted(froms)
        hit = kept[froms] = (names(v.model, ordered, "da"), names(v.model, ordered, "en"))
    return hit
