"""Ranking from the per-pool indexes gives every candidate, in the order the plain definitions say.

``graph.contact_rank.rank`` never looks at most candidates one by one: the far ones come from the pool's
fixed order in runs of one key (``Table.runs``/``ties``), the near ones from the asker's few places, and
steps break ties as ``Steps.nearest_first`` walks out level by level. Here every candidate is ranked the
plain way instead (its tier as ``Home.tier``, seats folded into their forum by the module's rule, steps as
``Home.distance``) and sorted; a candidate the indexes dropped, doubled or misplaced fails the test.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

import pytest

from graph.contact_home import Home, home
from graph.contact_index import FOLD_AT, Table, pool, slot_key, standing, structure_index
from graph.contact_rank import rank
from graph.contact_walk import prepare_walks
from graph.contact_why import channel_origins
from graph.model import Model
from graph.topics import topic_index, understand
from graph.view import View, view

ON = dt.date(2026, 6, 1)

_Row = tuple[tuple[int, ...], int, str, str]  # (key up to the steps, steps, label, who)


def _plain(v: View, h: Home, t: Table) -> dict[tuple[str, str, str | None], _Row]:
    """Every answer rank should give, keyed by (who, topic, requirement), with its full sort key."""
    mine = h.up | {h.id}
    tiers = {i: h.tier(s.at) for i, s in enumerate(t.slots) if not (s.at.req_in & mine)}  # the asker's own gaps
    seats: dict[tuple[str, str], list[int]] = {}
    for i, tier in tiers.items():
        s = t.slots[i]
        if s.at.seat_forum is not None and tier >= 2:
            seats.setdefault((s.at.seat_forum, s.topic), []).append(i)
    folded = {g: ix for g, ix in seats.items() if len(ix) >= FOLD_AT}
    out: dict[tuple[str, str, str | None], _Row] = {}
    for i, tier in tiers.items():
        s = t.slots[i]
        if tier >= 2 and (s.at.seat_forum, s.topic) in folded:
            continue
        out[s.at.who, s.topic, s.at.requirement] = (
            slot_key(s.tenths, s.at, tier),
            h.distance(s.at.who),
            s.at.label,
            s.at.who,
        )
    for (forum, topic), ix in folded.items():
        if any(i in tiers for i in t.named.get((forum, topic), ())):  # the forum answers for the topic itself
            continue
        at = standing(v, forum)
        out[forum, topic, None] = (slot_key(t.slots[ix[0]].tenths, at, h.tier(at)), h.distance(forum), at.label, forum)
    return out


def _askers(v: View, n: int) -> list[str]:
    """A spread of askers: some hang from one body (a shared walk), some are linked to several."""
    s = structure_index(v)
    nodes = sorted(x for x in v.nodes("organisation", "unit", "forum", "post", "person") if x in s.index)
    return random.Random(11).sample(nodes, min(n, len(nodes)))


@pytest.mark.parametrize("which", ["bundled", "region"])
@pytest.mark.parametrize("prepared", [False, True])
def test_rank_gives_every_candidate_in_the_plain_order(
    which: str, prepared: bool, bundled: Model, generated_region: Model
) -> None:
    m = bundled if which == "bundled" else generated_region
    v = view(m, ON)
    if prepared:
        prepare_walks(v)  # finished walks, as a server has them; else each asker walks lazily as it reads
    texts = sorted(topic_index(m).topics.values())
    tables = [pool(v, meaning.topics or meaning.general) for meaning in map(lambda x: understand(m, x), texts)]
    compared = 0
    for asker in _askers(v, 20):
        h = home(v, asker) if prepared else Home(v, asker)
        for t in tables:
            want = _plain(v, h, t)
            got = list(rank(v, h, t))
            keys = [(a.who, a.topic, a.requirement) for a in got]
            assert Counter(keys) == Counter(list(want)), asker  # each candidate once, none dropped
            rows = [want[k] for k in keys]
            assert rows == sorted(rows), asker  # label and id break the last ties: the order is total
            assert [a.distance for a in got] == [r[1] for r in rows]
            assert [a.nearness for a in got] == [r[0][2] for r in rows]
            compared += len(got)
    assert compared > 500


@pytest.mark.parametrize("which", ["bundled", "region"])
def test_the_first_channel_from_where_the_asker_stands(which: str, bundled: Model, generated_region: Model) -> None:
    """``channel_origins``' index finds the first channel, in order, starting at one of the asker's places."""
    m = bundled if which == "bundled" else generated_region
    v = view(m, ON)
    chans = {
        s.at.channels
        for t in [pool(v, understand(m, x).topics) for x in topic_index(m).topics.values()]
        for s in t.slots
        if s.at.channels
    }
    assert chans
    seen: list[Any] = []
    for asker in _askers(v, 20):
        h = Home(v, asker)
        for cs in sorted(chans):
            origins, first = channel_origins(v, cs)
            plain = next((i for i, ch in enumerate(cs) if set(v.into(ch, "channel_from")) & h.channel_from), None)
            got = min((first[f] for f in h.channel_from if f in first), default=None)
            assert got == plain, (asker, cs)
            assert [o for _, o in origins] == [tuple(v.into(ch, "channel_from")) for ch in cs]
            seen.append(got)
    assert any(x is not None for x in seen) and None in seen
