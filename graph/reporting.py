"""Reporting chains: from a forum, unit, post or organisation up to the top, with the right that applies.

A coordinator asks "where does this group's work end up, and by what right?". The answer follows every
upward relation at once: the primary line (``reports_to``, ``part_of``, a post's ``post_in``) and the
parallel lines (``gives_status_to``, ``raises_decisions_to``, ``communicates_with``), so a group that
reports to its cluster steering group *and* gives status to SSG shows both. Each step carries its
``basis`` (the competence or duty), status (proposed lines are marked), scenario and sources.

The upward relations are materialised once per (model, date, scenarios) as a ``DiGraph`` whose edges hold
every line between the two bodies; a chain is then a breadth-first walk over a handful of nodes, so
repeated questions cost microseconds even on a national-scale graph. Cycles are found on the way
(depth-first back edges) and reported, never followed twice.

JSON shape of ``Chain.as_json(lang)`` (stable; every entity is a ``model.ref``: ``{"id", "label", "kind"}``)::

    {
      "entity": Ref,                       # where the chain starts
      "on": "YYYY-MM-DD" | null,           # the date the lines were checked against
      "scenarios": [str],                  # scenarios applied
      "primary": [Ref, ...],               # the main line, start first (reports_to / post_in / part_of)
      "steps": [                           # every upward line among the reached bodies, by depth
        {"from": Ref, "to": Ref,
         "kind": "reports_to" | "part_of" | "post_in" | "gives_status_to" | "raises_decisions_to"
                 | "communicates_with",
         "line": "primary" | "parallel",
         "depth": int,                     # 1 = a line leaving the start
         "basis": [str],                   # competence or duty, in ``lang`` (Danish when missing)
         "status": str | null,             # the line's own status (proposed, approved, active …)
         "proposed": bool,                 # the line or the body it leads to is only proposed
         "scenario": str | null,           # the scenario the line (or its target) belongs to
         "closes_cycle": bool,             # this line leads back to a body already on the way up
         "sources": [Source]}              # SourceRef.as_json(); a plain ORG triple cites its subject
      ],
      "tops": [Ref, ...],                  # reached bodies with no further upward line
      "cycles": [[Ref, ...], ...],         # each cycle once, in walking order
      "notes": [                           # what the lines alone do not say
        {"code": "only_proposed", "to": Ref, "via": [Ref, ...],   # a top reached only through proposed lines
         "text": str}
        | {"code": "line_ended", "to": Ref, "kind": str, "ended_on": "YYYY-MM-DD" | null,
           "text": str, "sources": [Source]}  # an upward line of the start that ended before the date
      ]
    }

A top reached only through proposed lines, or a line of the start that has ended (its body abolished), is
said in ``notes``: asked after 1 January 2027, the Randers implementation group reaches SSG only through
the line to KOSU that a status note proposes, and its line to the cluster steering group ended with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graph.applicability import check_scenarios, require_in_force
from graph.errors import EntityNotFound, InputError, SamarbejdskortError
from graph.lines import LINE_ORDER, PARALLEL_KINDS, PRIMARY_KINDS, Basis, Line, edge_sources
from graph.model import Model
from graph.view import view
from ontology import codes

__all__ = [
    "CHAIN_KINDS",
    "LINE_WORDS",
    "PARALLEL_KINDS",
    "PRIMARY_KINDS",
    "Chain",
    "Line",
    "Step",
    "chain",
    "edge_sources",
    "ended_lines",
    "upward_graph",
]

_ORDER = LINE_ORDER
#: What a chain can start from (persons, topics and channels have no reporting line of their own).
CHAIN_KINDS: tuple[str, ...] = ("organisation", "unit", "forum", "cluster", "partnership", "collaboration", "post")
_MAX_CYCLES = 20


# ------------------------------------------------------------------------------------------------ result
@dataclass(frozen=True)
class Step:
    """One line walked upwards: ``from_id`` → ``to_id`` at ``depth`` (1 = leaving the start)."""

    from_id: str
    to_id: str
    kind: str
    depth: int
    basis: Basis
    status: str | None
    proposed: bool
    scenario: str | None
    sources: tuple[str, ...]
    closes_cycle: bool = False

    @property
    def primary(self) -> bool:
        return self.kind in PRIMARY_KINDS

    def as_json(self, model: Model, lang: str = "da") -> dict[str, Any]:
        return {
            "from": model.ref(self.from_id, lang),
            "to": model.ref(self.to_id, lang),
            "kind": self.kind,
            "line": "primary" if self.primary else "parallel",
            "depth": self.depth,
            "basis": _in_lang(self.basis, lang),
            "status": self.status,
            "proposed": self.proposed,
            "scenario": self.scenario,
            "closes_cycle": self.closes_cycle,
            "sources": [s.as_json() for s in model.sources_of(self.sources)],
        }


def _in_lang(basis: Basis, lang: str) -> list[str]:
    """The texts in ``lang``, else Danish, else whatever language there is."""
    by = dict(basis)
    return list(by.get(lang) or by.get("da") or next(iter(by.values()), ()))


@dataclass(frozen=True)
class Chain:
    """The reporting chain of one entity on a date under chosen scenarios."""

    entity: str
    steps: tuple[Step, ...]
    tops: tuple[str, ...]
    primary: tuple[str, ...]
    cycles: tuple[tuple[str, ...], ...]
    on: dt.date | None
    scenarios: tuple[str, ...]
    model: Model = field(repr=False, compare=False)
    only_proposed: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (top, path from the start)
    ended: tuple[tuple[str, str, dt.date | None, tuple[str, ...]], ...] = ()  # (to, kind, ended on, sources)

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        ref = self.model.ref
        return {
            "entity": ref(self.entity, lang),
            "on": self.on.isoformat() if self.on else None,
            "scenarios": list(self.scenarios),
            "primary": [ref(n, lang) for n in self.primary],
            "steps": [s.as_json(self.model, lang) for s in self.steps],
            "tops": [ref(n, lang) for n in self.tops],
            "cycles": [[ref(n, lang) for n in c] for c in self.cycles],
            "notes": self._notes(lang),
        }

    def _notes(self, lang: str) -> list[dict[str, Any]]:
        ref, label = self.model.ref, self.model.label
        start = label(self.entity, lang)
        out: list[dict[str, Any]] = []
        for top, path in self.only_proposed:
            via = " → ".join(label(n, lang) for n in path[1:])
            text = (
                f"{start} reaches {label(top, lang)} only through a proposed line ({via})."
                if lang == "en"
                else f"{start} når kun {label(top, lang)} gennem en foreslået linje ({via})."
            )
            out.append({"code": "only_proposed", "to": ref(top, lang), "via": [ref(n, lang) for n in path[1:]],
                        "text": text})  # fmt: skip
        for to, kind, when, sources in self.ended:
            day = when.isoformat() if when else None
            da, en = LINE_WORDS.get(kind, (kind, kind))
            if lang == "en":
                text = f"The line “{en} {label(to, lang)}” ended" + (f" on {day}." if day else ".")
            else:
                text = f"Linjen »{da} {label(to, lang)}« ophørte" + (f" {day}." if day else ".")
            out.append({"code": "line_ended", "to": ref(to, lang), "kind": kind, "ended_on": day, "text": text,
                        "sources": [s.as_json() for s in self.model.sources_of(sources)]})  # fmt: skip
        return out


# ------------------------------------------------------------------------------------------------ query
def chain(model: Model, entity: str, *, on: dt.date | None = None, scenarios: Iterable[str] = ()) -> Chain:
    """The reporting chain from ``entity`` (name, abbreviation or IRI) up to the top.

    Raises EntityNotFound / AmbiguousEntity for the name, InputError for an unknown scenario or an
    entity that does not apply on ``on`` under ``scenarios``.
    """
    scen = check_scenarios(model, scenarios)
    nid = _resolve_body(model, entity)
    require_in_force(model, nid, on, scen)
    up = upward_graph(model, on, scen)
    depth = _depths(up, nid)
    closing, cycles = _cycles(up, nid)
    tops = _tops(model, up, depth)
    return Chain(
        entity=nid,
        steps=_steps(model, up, depth, closing),
        tops=tops,
        primary=_primary(model, up, nid),
        cycles=cycles,
        on=on,
        scenarios=scen,
        model=model,
        only_proposed=_only_proposed(model, up, nid, tops),
        ended=ended_lines(model, nid, on, scen),
    )


def _only_proposed(
    model: Model, up: nx.DiGraph, start: str, tops: tuple[str, ...]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Tops that no path of lines in force (not merely proposed) reaches, each with one path that does reach it."""
    nodes = model.nx.nodes

    def firm(u: str, v: str) -> bool:
        return nodes[v].get("status") != "proposed" and any(ln.status != "proposed" for ln in up.edges[u, v]["lines"])

    if start not in up:
        return ()
    # the nodes reached over firm lines (a plain walk: ``nx.descendants`` of a filtered view counted the whole
    # view's nodes first, nine tenths of a national chain question)
    firmly, todo, succ = {start}, [start], up.succ
    while todo:
        u = todo.pop()
        for v in succ[u]:
            if v not in firmly and firm(u, v):
                firmly.add(v)
                todo.append(v)
    out = []
    for top in tops:
        if top not in firmly and top != start:
            out.append((top, tuple(nx.shortest_path(up, start, top))))
    return tuple(out)


_UPWARD_LINES = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
#: The upward lines in words, (da, en): "A <refererer til> B".
LINE_WORDS: dict[str, tuple[str, str]] = {
    "reports_to": ("refererer til", "reports to"),
    "gives_status_to": ("giver status til", "gives status to"),
    "raises_decisions_to": ("indstiller beslutninger til", "raises decisions to"),
    "communicates_with": ("kommunikerer med", "communicates with"),
}


def ended_lines(
    model: Model, start: str, on: dt.date | None, scen: tuple[str, ...]
) -> tuple[tuple[str, str, dt.date | None, tuple[str, ...]], ...]:
    """Upward lines of ``start`` that applied until a day before ``on`` and then ended (the line or its target)."""
    if on is None:
        return ()
    g = model.nx
    now = view(model, on, scen)
    out = []
    for _, v, k, e in g.out_edges(start, keys=True, data=True):
        if k not in _UPWARD_LINES or (now.edge_ok(e) and now.ok(v)):
            continue
        ends = [d for d in (e.get("valid_until"), g.nodes[v].get("valid_until")) if d is not None and d < on]
        if not ends:
            continue
        then = view(model, min(ends), scen)  # the last day both applied
        if then.edge_ok(e) and then.ok(v):
            sources = edge_sources(g.nodes, start, v, e) + tuple(g.nodes[v].get("sources", ()))
            out.append((v, k, min(ends), tuple(dict.fromkeys(sources))))
    return tuple(sorted(out, key=lambda x: (_UPWARD_LINES.index(x[1]), model.label(x[0]))))


def _tops(model: Model, up: nx.DiGraph, depth: dict[str, int]) -> tuple[str, ...]:
    """Reached bodies with no line further up, nearest first."""
    ends = (n for n in depth if n not in up or up.out_degree(n) == 0)
    return tuple(sorted(ends, key=lambda n: (depth[n], model.label(n), n)))


def _resolve_body(model: Model, text: str) -> str:
    """The body meant by ``text``; a person, topic or channel gets an error saying what a chain starts from."""
    try:
        return model.resolve(text, kinds=CHAIN_KINDS)
    except EntityNotFound:
        try:
            other = model.resolve(text)
        except SamarbejdskortError:
            other = None
        if other is None:
            raise
        kind = model.node(other)["kind"]
        da, en = codes.label("kind", kind, "da").lower(), codes.label("kind", kind, "en").lower()
        raise InputError(
            f"»{model.label(other)}« er ikke et organ, men: {da} – en rapporteringskæde begynder ved en organisation,"
            f" enhed, et forum eller en plads / '{model.label(other, 'en')}' is not a body but: {en} – a reporting"
            " chain starts at an organisation, unit, forum or post"
        ) from None


def upward_graph(model: Model, on: dt.date | None, scenarios: tuple[str, ...]) -> nx.DiGraph:
    """Every upward line in force, one DiGraph edge per pair of bodies with ``lines``: tuple[Line, ...]."""
    return view(model, on, scenarios).upward()


def _depths(up: nx.DiGraph, start: str) -> dict[str, int]:
    """Breadth-first distance of every body reachable upwards (each visited once: cycles end here)."""
    depth = {start: 0}
    queue = [start]
    for node in queue:
        if node not in up:
            continue
        for succ in up.successors(node):
            if succ not in depth:
                depth[succ] = depth[node] + 1
                queue.append(succ)
    return depth


def _cycles(up: nx.DiGraph, start: str) -> tuple[set[tuple[str, str]], tuple[tuple[str, ...], ...]]:
    """Back edges of a depth-first walk from ``start`` and the cycle each one closes."""
    if start not in up:
        return set(), ()
    closing: set[tuple[str, str]] = set()
    cycles: list[tuple[str, ...]] = []
    seen: set[frozenset[str]] = set()
    on_path: dict[str, int] = {start: 0}
    path = [start]
    stack = [iter(sorted(up.successors(start)))]
    done: set[str] = set()
    while stack:
        nxt = next(stack[-1], None)
        if nxt is None:
            stack.pop()
            finished = path.pop()
            on_path.pop(finished)
            done.add(finished)
            continue
        if nxt in on_path:
            closing.add((path[-1], nxt))
            cyc = tuple(path[on_path[nxt] :])
            if frozenset(cyc) not in seen and len(cycles) < _MAX_CYCLES:
                seen.add(frozenset(cyc))
                cycles.append(cyc)
        elif nxt not in done:
            on_path[nxt] = len(path)
            path.append(nxt)
            stack.append(iter(sorted(up.successors(nxt))))
    return closing, tuple(cycles)


def _steps(model: Model, up: nx.DiGraph, depth: dict[str, int], closing: set[tuple[str, str]]) -> tuple[Step, ...]:
    nodes = model.nx.nodes
    out = []
    for u in depth:
        if u not in up:
            continue
        for v in up.successors(u):
            target_proposed = nodes[v].get("status") == "proposed"
            for line in up.edges[u, v]["lines"]:
                out.append(
                    Step(
                        from_id=u,
                        to_id=v,
                        kind=line.kind,
                        depth=depth[u] + 1,
                        basis=line.basis,
                        status=line.status,
                        proposed=line.status == "proposed" or target_proposed,
                        scenario=line.scenario,
                        sources=line.sources,
                        closes_cycle=(u, v) in closing,
                    )
                )
    label = {n: nodes[n]["label"] for n in depth}
    out.sort(key=lambda s: (s.depth, not s.primary, _ORDER[s.kind], label[s.from_id], label[s.to_id]))
    return tuple(out)


def _primary(model: Model, up: nx.DiGraph, start: str) -> tuple[str, ...]:
    """Follow the best primary line from each body.

    Preference: a line of a chosen scenario (the user asked to see it), then one in force over a proposed
    one, then reports_to over post_in over part_of, then the target's label (stable output).
    """
    path = [start]
    seen = {start}
    node = start
    while node in up:
        options = []
        for succ in up.successors(node):
            if succ in seen:  # a cycle: the main line does not go round it
                continue
            ranks = [
                (line.scenario is None, line.status == "proposed", _ORDER[line.kind])
                for line in up.edges[node, succ]["lines"]
                if line.primary
            ]
            if ranks:
                options.append((min(ranks), model.label(succ), succ))
        if not options:
            break
        node = min(options)[2]
        seen.add(node)
        path.append(node)
    return tuple(path)
