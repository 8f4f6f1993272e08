"""What breaks on a date: every line, seat, membership, channel and mandate link that ends, grouped by forum.

A coordinator asks "what happens to our group on 1 January 2027?". The answer compares the dated views
(``graph.view``) of the day before and of the day itself: a relation breaks when it applied the day before
and does not apply on the day, because the relation itself ends or because a body at either end does (a
reporting line to a cluster steering group that is abolished breaks with it, even though the line carries
no end date of its own).
A break has a *successor* when the same body gains a relation of the same kind on the day; most breaks in
the sources have none, and that is what the answer is for.

Breaks are grouped by the body that is left with the consequence: the forum that loses its upward line,
the forum whose seats end, the collaboration whose memberships end. A group says whether its body itself
ends, whether it is left without any upward line in force (and which merely *proposed* lines remain), and
which open questions in the sources are about it. Every break cites the relation's sources and those of
whatever ended (so the line cites the terms of reference, its end the act that abolishes the target).

JSON shape of ``Transition.as_json(lang)``::

    {"date": "YYYY-MM-DD", "day_before": "YYYY-MM-DD", "scenarios": [str],
     "ending": [{...Ref, "valid_until": str | null, "sources": [Source]}],   # entities that end
     "starting": [{...Ref, "valid_from": str | null, "sources": [Source]}],  # entities that begin
     "groups": [{"body": Ref, "ends": bool, "without_upward_line": bool,
                 "remaining_upward": [{"to": Ref, "kind": str, "proposed": bool}],
                 "breaks": [Break], "open_questions": [{...Ref, "text": str}]}],
     "counts": {"breaks": int, "without_successor": int, "groups": int, "left_without_upward_line": int},
     "next_break": "YYYY-MM-DD" | null}   # nothing breaks on the date: the next date on which something does
    Break = {"category": "reporting_line" | "seat" | "holder" | "membership" | "channel" | "mandate"
                         | "secretariat" | "chair" | "cluster",
             "kind": str, "from": Ref, "to": Ref, "ended": Ref, "ended_on": str | null,
             "cause": "relation" | "from" | "to", "successors": [Ref], "text": str,
             "sources": [Source],        # the relation's own sources
             "end_sources": [Source]}    # the sources of whatever ended (e.g. the act abolishing the target)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.applicability import check_scenarios
from graph.cache import memo
from graph.model import Model
from graph.reporting import LINE_WORDS, edge_sources
from graph.view import View, view

__all__ = ["UPWARD_KINDS", "Break", "Group", "Transition", "breaks_between", "firm_upward", "transition"]

UPWARD_KINDS = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
# edge kind → (category, whose group: "u" or "v")
_CATEGORY: dict[str, tuple[str, str]] = {
    **{k: ("reporting_line", "u") for k in UPWARD_KINDS},
    "post_in": ("seat", "v"),
    "holds": ("holder", "v"),
    "member_of": ("membership", "v"),
    "channel_from": ("channel", "v"),
    "channel_to": ("channel", "u"),
    "has_mandate": ("mandate", "u"),
    "approved_by": ("mandate", "u"),
    "secretariat_in": ("secretariat", "u"),
    "chair_from": ("chair", "u"),
    "cluster_of": ("cluster", "u"),
}
_ORDER = {k: i for i, k in enumerate(_CATEGORY)}
_WORDS: dict[str, tuple[str, str]] = {
    **LINE_WORDS,
    "post_in": ("er en plads i", "is a seat in"),
    "holds": ("besætter", "holds"),
    "member_of": ("er medlem af", "is a member of"),
    "channel_from": ("skriver via", "writes through"),
    "channel_to": ("fører til", "leads to"),
    "has_mandate": ("har kommissoriet", "has the terms of reference"),
    "approved_by": ("er godkendt af", "is approved by"),
    "secretariat_in": ("har sekretariat i", "has its secretariat in"),
    "chair_from": ("har formand fra", "has its chair from"),
    "cluster_of": ("er styregruppe for", "is the steering group of"),
}


@dataclass(frozen=True)
class Break:
    """One relation that applied the day before and does not on the day."""

    u: str
    v: str
    kind: str
    category: str
    group: str
    ended: str  # the relation's via/IRI (cause "relation") or the body that ended
    cause: str
    ended_on: dt.date | None
    successors: tuple[str, ...]
    sources: tuple[str, ...]  # the relation's own
    end_sources: tuple[str, ...]  # those of whatever ended (the act that abolishes a body …)

    def as_json(self, model: Model, lang: str = "da") -> dict[str, Any]:
        ref = model.ref
        da, en = _WORDS.get(self.kind, (self.kind, self.kind))
        rel = en if lang == "en" else da
        ended = ref(self.ended, lang) if self.ended in model.nx else {"id": self.ended, "label": rel, "kind": "line"}
        when = f" {self.ended_on.isoformat()}" if self.ended_on else ""
        if lang == "en":
            why = "the relation itself ends" if self.cause == "relation" else f"{ended['label']} ends{when}"
            text = f"{ref(self.u, lang)['label']} {rel} {ref(self.v, lang)['label']}: breaks because {why}"
            text += "." if self.successors else "; no successor."
        else:
            why = "relationen selv ophører" if self.cause == "relation" else f"{ended['label']} ophører{when}"
            text = f"{ref(self.u, lang)['label']} {rel} {ref(self.v, lang)['label']}: brydes, fordi {why}"
            text += "." if self.successors else "; ingen efterfølger."
        return {
            "category": self.category,
            "kind": self.kind,
            "from": ref(self.u, lang),
            "to": ref(self.v, lang),
            "ended": ended,
            "ended_on": self.ended_on.isoformat() if self.ended_on else None,
            "cause": self.cause,
            "successors": [ref(s, lang) for s in self.successors],
            "text": text,
            "sources": [s.as_json() for s in model.sources_of(self.sources)],
            "end_sources": [s.as_json() for s in model.sources_of(self.end_sources)],
        }


@dataclass(frozen=True)
class Group:
    body: str
    ends: bool
    without_upward_line: bool
    remaining: tuple[tuple[str, str, bool], ...]  # (to, kind, proposed)
    breaks: tuple[Break, ...]
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Transition:
    on: dt.date
    scenarios: tuple[str, ...]
    ending: tuple[str, ...]
    starting: tuple[str, ...]
    groups: tuple[Group, ...]
    model: Model = field(repr=False, compare=False)
    next_break: dt.date | None = None  # nothing breaks on ``on``: the next date on which something does

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        m = self.model
        ref = m.ref
        g = m.nx.nodes
        breaks = [b for grp in self.groups for b in grp.breaks]

        def dated(n: str, key: str) -> dict[str, Any]:
            value = g[n].get(key)
            return {**ref(n, lang), key: value.isoformat() if value else None,
                    "sources": [s.as_json() for s in m.sources_of(g[n].get("sources", ()))]}  # fmt: skip

        return {
            "date": self.on.isoformat(),
            "day_before": (self.on - dt.timedelta(days=1)).isoformat(),
            "scenarios": list(self.scenarios),
            "ending": [dated(n, "valid_until") for n in self.ending],
            "starting": [dated(n, "valid_from") for n in self.starting],
            "groups": [
                {
                    "body": ref(grp.body, lang),
                    "ends": grp.ends,
                    "without_upward_line": grp.without_upward_line,
                    "remaining_upward": [
                        {"to": ref(to, lang), "kind": kind, "proposed": prop} for to, kind, prop in grp.remaining
                    ],
                    "breaks": [b.as_json(m, lang) for b in grp.breaks],
                    "open_questions": [{**ref(q, lang), "text": _comment(m, q, lang)} for q in grp.questions],
                }
                for grp in self.groups
            ],
            "counts": {
                "breaks": len(breaks),
                "without_successor": sum(1 for b in breaks if not b.successors),
                "groups": len(self.groups),
                "left_without_upward_line": sum(1 for grp in self.groups if grp.without_upward_line),
            },
            "next_break": self.next_break.isoformat() if self.next_break else None,
        }


def _comment(model: Model, q: str, lang: str) -> str:
    texts = model.nx.nodes[q].get("comment") or {}
    found = texts.get(lang) or texts.get("da") or []
    return " ".join(found) if found else model.label(q, lang)


# ------------------------------------------------------------------------------------------------ query
def transition(model: Model, on: dt.date, *, scenarios: Iterable[str] = ()) -> Transition:
    """What ends between the day before ``on`` and ``on``, and what that breaks."""
    scen = check_scenarios(model, scenarios)
    return memo(model, ("transition", on, scen), lambda: _build(model, on, scen))


def _build(model: Model, on: dt.date, scen: tuple[str, ...]) -> Transition:
    g = model.nx
    before = on - dt.timedelta(days=1)
    was_v, now_v = view(model, before, scen), view(model, on, scen)
    ending, starting = [], []
    for n in g.nodes:
        was, now = was_v.ok(n), now_v.ok(n)
        if was and not now:
            ending.append(n)
        elif now and not was:
            starting.append(n)
    found = breaks_between(model, before, on, scen)
    by_group: dict[str, list[Break]] = defaultdict(list)
    for b in found:
        by_group[b.group].append(b)
    questions = _questions_about(model)
    groups = []
    for body, items in by_group.items():
        ends = not now_v.ok(body)
        had = firm_upward(was_v, body)
        remaining = tuple(sorted(_upward(now_v, body), key=lambda r: (r[2], model.label(r[0]), r[1])))
        without = not ends and bool(had) and not any(not proposed for _, _, proposed in remaining)
        items.sort(key=lambda b: (b.successors != (), _ORDER.get(b.kind, 99), model.label(b.v), b.u))
        asked = set(questions.get(body, ()))
        groups.append(Group(body, ends, without, remaining, tuple(items), tuple(sorted(asked))))
    groups.sort(key=lambda grp: (not grp.without_upward_line, grp.ends, model.label(grp.body), grp.body))
    label = model.label
    return Transition(
        on=on,
        scenarios=scen,
        ending=tuple(sorted(ending, key=lambda n: (label(n), n))),
        starting=tuple(sorted(starting, key=lambda n: (label(n), n))),
        groups=tuple(groups),
        model=model,
        next_break=None if groups else next_break(model, on, scen),
    )


def next_break(model: Model, after: dt.date, scen: tuple[str, ...]) -> dt.date | None:
    """The first date after ``after`` on which something breaks: the day after some entity's or relation's
    last day (read from the data, so the reform's 1 January 2027 is the clusters' and SSU's end, not a
    constant), where a relation of a reported kind actually ends then."""
    g = model.nx
    last_days = {d for _, d in g.nodes(data="valid_until") if d} | {d for *_, d in g.edges(data="valid_until") if d}
    day_after = dt.timedelta(days=1)
    for day in sorted(d + day_after for d in last_days if d + day_after > after):
        if breaks_between(model, day - day_after, day, scen):
            return day
    return None


def breaks_between(model: Model, before: dt.date, on: dt.date, scen: tuple[str, ...]) -> list[Break]:
    """Every relation of a reported category in force on ``before`` (both ends too) and not on ``on``."""
    g = model.nx
    nodes = g.nodes
    was, now = view(model, before, scen), view(model, on, scen)
    out = []
    gained = _gained(was, now)
    for u, v, k, e in g.edges(keys=True, data=True):
        if k not in _CATEGORY or u == v:
            continue
        if not (was.edge_ok(e) and was.ok(u) and was.ok(v)):
            continue
        rel_now, u_now, v_now = now.edge_ok(e), now.ok(u), now.ok(v)
        if rel_now and u_now and v_now:
            continue
        if not rel_now:
            cause, ended, end = "relation", e.get("via") or f"{u}|{k}|{v}", e.get("valid_until")
        elif not v_now:
            cause, ended, end = "to", v, nodes[v].get("valid_until")
        else:
            cause, ended, end = "from", u, nodes[u].get("valid_until")
        category, side = _CATEGORY[k]
        group = u if side == "u" else v
        successors = tuple(sorted(t for t in gained.get((u, k), ()) if t != v)) if category == "reporting_line" else ()
        own = edge_sources(g.nodes, u, v, e)
        end_sources = tuple(s for s in nodes[ended].get("sources", ()) if s not in own) if ended in nodes else ()
        out.append(Break(u, v, k, category, group, ended, cause, end, successors, own, end_sources))
    return out


def _gained(was: View, now: View) -> dict[tuple[str, str], set[str]]:
    """(body, kind) → targets of upward lines that apply in ``now`` and did not in ``was``."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for u, v, k, e in now.g.edges(keys=True, data=True):
        if k in UPWARD_KINDS and now.edge_ok(e) and now.ok(v) and not (was.edge_ok(e) and was.ok(v)):
            out[(u, k)].add(v)
    return out


def _upward(v_: View, body: str) -> list[tuple[str, str, bool]]:
    """(target, kind, proposed) of every upward line from ``body`` in force in the view."""
    out = []
    for _, v, k, e in v_.g.out_edges(body, keys=True, data=True):
        if k in UPWARD_KINDS and v != body and v_.edge_ok(e) and v_.ok(v):
            out.append((v, k, e.get("status") == "proposed" or v_.proposed(v)))
    return out


def firm_upward(v_: View, body: str) -> list[tuple[str, str]]:
    """Upward lines of ``body`` in force in the view that are more than a proposal."""
    return [(v, k) for v, k, proposed in _upward(v_, body) if not proposed]


def _questions_about(model: Model) -> dict[str, list[str]]:
    def build() -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for q, about, k in model.nx.edges(keys=True):
            if k == "about":
                out[about].append(q)
        return dict(out)

    return memo(model, "questions-about", build)
