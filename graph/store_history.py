"""The store as it was on a day: the current data with every later change taken back, from the change log.

Each change record keeps the exact triples it added and removed (``graph.changelog``), so the state at the end
of a day is the current data minus what later changes added plus what they removed, newest first. A later
(re)load from files replaced the data wholesale and recorded no triples: the states before it are gone, and
asking for one is an error that says so, never a silently wrong map.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from graph.errors import InputError
from graph.loading import parse_bytes
from graph.model import Model, model_from_graph

__all__ = ["model_at"]

_MAX_CHANGES = 500


def model_at(store: Any, when: dt.date | dt.datetime) -> Model:
    """The store's map at ``when``: a moment (UTC when naive), or the end of a day (UTC)."""
    if isinstance(when, dt.datetime):
        moment = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    else:
        moment = dt.datetime.combine(when, dt.time.max, tzinfo=dt.UTC)
    day = when.isoformat()
    records = store.history(_MAX_CHANGES)
    if not records:
        raise InputError("the store has no change log")
    oldest = records[-1]
    if moment < oldest.at:
        raise InputError(f"the store's change log starts at {oldest.at.isoformat()}; nothing is known of {day}")
    g = Graph()
    nt = store.export("n-triples", include_personal=True)
    for t in parse_bytes(nt, ox.RdfFormat.N_TRIPLES, name="store", scope="h"):
        g.add(t)
    for record in records:  # newest first
        if record.at <= moment:
            break
        if record.kind in ("seed", "import"):
            raise InputError(
                f"the store was loaded from files on {record.at.date().isoformat()}: "
                f"the state on {day} before that load is not in the change log"
            )
        for t in record.added:
            g.remove(t)
        for t in record.removed:
            g.add(t)
    else:
        if len(records) >= _MAX_CHANGES:
            raise InputError(f"more than {_MAX_CHANGES} changes after {day}; ask for a later day")
    return model_from_graph(g, version=f"store-{day}-{records[0].version}")
