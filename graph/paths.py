"""Paths: how does one entity reach another, over which relations, and through which channel?

A general practitioner asking "how do I reach PPR in Norddjurs?" wants the shortest *sensible* route and
one or two alternatives, each step named in words, with a warning where a channel on the way is not
known to be open. Relations are followed in either direction (reachability is undirected) but every step
keeps and names its real direction ("PPR is part of Norddjurs Kommune" vs "Norddjurs Kommune includes PPR").

Relation kinds are chosen by user-facing groups (``VIA_GROUPS``); the default is all of them. The graph
searched (``graph.path_graph``: weights, hub penalties; ``graph.path_index``: the same as integers) is
built once per view; the search (``graph.path_search``: corridor, Yen, what counts as another route) and
the JSON (``graph.path_json``) have their own modules. ``length`` in the answer is the plain step count,
``cost`` the weighted one.

JSON shape of ``PathAnswer.as_json(lang)`` (stable; every entity is a ``model.ref``: ``{"id", "label", "kind"}``)::

    {
      "from": Ref, "to": Ref,
      "via": [group, ...],                  # the relation groups searched
      "on": "YYYY-MM-DD" | null, "scenarios": [str],
      "truncated": bool,                    # the time budget cut the alternatives short
      "paths": [                            # cheapest first
        {"rank": int, "length": int, "cost": float,
         "nodes": [Ref, ...],               # from `from` to `to`
         "steps": [
           {"from": Ref, "to": Ref,         # in path order
            "kind": str, "group": str,       # the relation (edge kind) and its via group
            "direction": "forward" | "backward",   # forward: the relation runs from → to
            "relation": str,                # the step in words, read from → to, in ``lang``
            "also": [str],                  # other relation kinds between the same two entities
            "status": str | null, "proposed": bool, "scenario": str | null,
            "channel": {"id", "label", "kind", "state", "state_label"} | null,
            "sources": [Source]}
         ],
         "warnings": [
           {"kind": "channel_not_open", "channel": Ref, "state": str,
            "from": Ref | null,             # where the channel starts
            "open_siblings": int, "siblings": int,   # channels from the same place: open / all
            "siblings_by_state": {state: int},
            "questions": [str],             # open questions in the source about this channel
            "summary": str,                 # the warning without the questions
            "message": str}                 # the whole warning, in ``lang``
           | {"kind": "proposed", "step": int, "message": str}
           | {"kind": "vacant_seat", "seat": Ref, "message": str}   # the path leans on an empty seat
           | {"kind": "alike", "through": Ref, "between": [Ref, Ref], "message": str}
                                            # only when nothing but a shared channel/topic links the two
         ]}
      ]
    }
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import networkx as nx

from graph.applicability import check_scenarios, require_in_force
from graph.errors import InputError, NoPathError
from graph.model import Model
from graph.path_graph import DEFAULT_VIA, KIND_COST, VIA_GROUPS, parse_via, path_graph, path_index
from graph.path_json import STATE_ORDER, path_json
from graph.path_search import search, side, sideways
from graph.path_types import ChannelNote, Path, PathStep
from graph.view import View, view

__all__ = [
    "DEFAULT_VIA",
    "MAX_PATHS",
    "VIA_GROUPS",
    "Path",
    "PathAnswer",
    "PathStep",
    "find_paths",
    "parse_via",
    "path_graph",
]

MAX_PATHS = 10


@dataclass(frozen=True)
class PathAnswer:
    """The cheapest path between two entities and the next best alternatives."""

    a: str
    b: str
    via: tuple[str, ...]
    paths: tuple[Path, ...]
    on: dt.date | None
    scenarios: tuple[str, ...]
    truncated: bool
    model: Model = field(repr=False, compare=False)

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        m = self.model
        return {
            "from": m.ref(self.a, lang),
            "to": m.ref(self.b, lang),
            "via": list(self.via),
            "on": self.on.isoformat() if self.on else None,
            "scenarios": list(self.scenarios),
            "truncated": self.truncated,
            "paths": [path_json(m, p, rank, lang) for rank, p in enumerate(self.paths, 1)],
        }


def find_paths(
    model: Model,
    a: str,
    b: str,
    *,
    via: str | Iterable[str] | None = None,
    max_paths: int = 3,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
) -> PathAnswer:
    """Paths from ``a`` to ``b`` (names or IRIs) over the ``via`` groups, cheapest first.

    Raises EntityNotFound / AmbiguousEntity for a name, InputError for an unknown group or scenario,
    a bad ``max_paths`` or an entity not in force, NoPathError when the two are not connected.
    """
    groups = parse_via(via)
    if not 1 <= max_paths <= MAX_PATHS:
        raise InputError(f"the number of paths must be between 1 and {MAX_PATHS}, not {max_paths}")
    scen = check_scenarios(model, scenarios)
    src, dst = model.resolve(a), model.resolve(b)
    if src == dst:
        raise InputError(f"'{model.label(src)}' and '{model.label(dst)}' are the same entity")
    for nid in (src, dst):
        require_in_force(model, nid, on, scen)
    g = path_graph(model, groups, on, scen)
    ix = path_index(model, groups, on, scen)
    if src not in ix.at or dst not in ix.at:
        raise NoPathError(_no_path(model, src, dst, groups, on))
    found, truncated = search(ix, src, dst, max_paths)
    if not found:
        raise NoPathError(_no_path(model, src, dst, groups, on))
    v = view(model, on, scen)
    paths = tuple(_path(v, g, nodes) for nodes in found)
    return PathAnswer(src, dst, groups, paths, on, scen, truncated, model)


def _path(v: View, g: nx.Graph, nodes: list[str]) -> Path:
    model = v.model
    data = [model.node(n) for n in nodes]  # each node's attributes, read once (a path is read step by step)
    adj = g._adj  # the plain dicts: networkx's edge view costs more than the lookup
    steps = []
    for i, (x, y) in enumerate(pairwise(nodes), 1):
        rels = adj[x][y]["rels"]
        best = rels[0]
        to = data[i]
        steps.append(
            PathStep(
                from_id=x,
                to_id=y,
                kind=best.kind,
                forward=best.u == x,
                status=best.status,
                scenario=best.scenario or to.get("scenario"),
                sources=best.sources,
                also=tuple(dict.fromkeys(r.kind for r in rels[1:] if r.kind != best.kind)) if len(rels) > 1 else (),
                proposed=best.status == "proposed" or to.get("status") == "proposed",
            )
        )
    pen = g.graph["penalty"]
    cost = sum(KIND_COST.get(s.kind, 1.0) for s in steps) + sum(pen[n] for n in nodes[1:-1])
    notes = tuple(_channel_note(v, n) for n, d in zip(nodes, data, strict=True) if d["kind"] == "channel")
    alike = tuple((x, n, y, side(g, x, n)[0]) for x, n, y in sideways(model, g, nodes))
    return Path(tuple(nodes), tuple(steps), cost, tuple(n for n in notes if n is not None), alike)


def _channel_note(v: View, ch: str) -> ChannelNote | None:
    """None for an open channel; otherwise its state, how many sibling channels are open, open questions."""
    g = v.g
    state = g.nodes[ch].get("state") or "not_stated"
    if state == "open":
        return None
    into = g._pred[ch]  # the plain dicts (edge key = kind): networkx's edge views cost more than the checks
    origins = sorted(u for u, keyed in into.items() if "channel_from" in keyed)
    origin = origins[0] if origins else None
    siblings = []
    if origin is not None:
        siblings = [c for c, keyed in g._succ[origin].items() if "channel_from" in keyed and v.ok(c)]
    states = [g._node[c].get("state") or "not_stated" for c in siblings]
    by_state = tuple((k, states.count(k)) for k in STATE_ORDER if k in states or k == "open")
    questions = tuple(sorted(u for u, keyed in into.items() if "about" in keyed and v.ok(u)))
    return ChannelNote(ch, state, origin, by_state if siblings else (), questions)


def _no_path(model: Model, a: str, b: str, groups: tuple[str, ...], on: dt.date | None) -> str:
    over = "any relation" if groups == DEFAULT_VIA else "the relation groups " + ", ".join(groups)
    when = f" on {on.isoformat()}" if on else ""
    return f"no path between '{model.label(a)}' and '{model.label(b)}' over {over}{when}"
