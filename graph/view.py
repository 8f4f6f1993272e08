"""The model on one date under chosen scenarios: the one place that decides what is in force.

Every question (contacts, gaps, paths, reporting, fragility, privacy, diagrams) asks the same things of
"the structure as it stands on a date": which nodes and edges apply, who is above or below an
organisation, which bodies report where. ``view(model, on, scenarios)`` answers them once per
(data version, date, scenarios) and keeps the answers (``graph.cache.memo``), so nothing else filters
by date and no two modules can disagree about what applies.

Cycle-safe throughout: the data may say an organisation is part of itself, or two bodies report to each
other; every walk keeps a visited set and ends.

API (all lists sorted, so answers never depend on load order)::

    v = view(model, on, scenarios)
    v.ok(nid)                      # the node applies (in force, its scenario chosen)
    v.edge_ok(attrs)               # an edge's own attributes apply (ends not checked)
    v.nodes(*kinds)                # in-force nodes of these kinds
    v.edges(*kinds)                # in-force (u, v, attrs) of these edge kinds, both ends in force
    v.out(nid, kind) / v.into(nid, kind)   # in-force neighbours over one edge kind
    v.ancestors(nid)               # everything above over part_of (nearest first)
    v.descendants(nid)             # nid and everything below over part_of
    v.family(nid)                  # an organisation with all its parts and all it is part of
    v.upward()                     # the reporting skeleton (graph.reporting lines), a DiGraph
    v.cached(key, build)           # a derived index of a question module, kept with this view
    v.has(key)                     # whether that index has been built
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from graph.bulk import gc_paused
from graph.cache import memo
from graph.lines import LINE_ORDER, build_upward
from graph.model import DATED_ATTRS, Model, in_force

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["ORG_KINDS", "View", "view"]

T = TypeVar("T")

#: Kinds that form organisation trees (part_of) and can be members, asked about or answered for.
ORG_KINDS = frozenset({"organisation", "unit", "forum", "cluster", "partnership", "collaboration"})


class _State:
    """What a view has worked out so far. Its ``derived`` answers may hold views, hence the model: the state is
    kept on the model (``graph.cache``), so that is a cycle the collector frees with the model."""

    def __init__(self) -> None:
        self.ok: dict[str, bool] = {}
        self.out: dict[tuple[str, str], tuple[str, ...]] = {}
        self.into: dict[tuple[str, str], tuple[str, ...]] = {}
        self.ancestors: dict[str, tuple[str, ...]] = {}
        self.descendants: dict[str, frozenset[str]] = {}
        self.derived: dict[Hashable, Any] = {}
        self.lock = threading.RLock()


def view(model: Model, on: dt.date | None, scenarios: Iterable[str] = ()) -> View:
    """The view of ``model`` on ``on`` under ``scenarios`` (sorted, unique keys; check them first with
    ``graph.applicability.check_scenarios``). Cheap to call: the state is kept per data version."""
    scen = tuple(sorted(set(scenarios)))
    return View(model, on, scen, memo(model, ("view", on, scen), _State))


class View:
    """The model on one date under chosen scenarios (see the module docstring for the API).

    It reads the plain dicts (``adjacency``: networkx's views cost more than the checks, and a contact
    question must not import networkx); ``g`` is the ``networkx.MultiDiGraph`` for the questions that run
    its algorithms."""

    __slots__ = ("_s", "adjacency", "model", "on", "scen")

    def __init__(self, model: Model, on: dt.date | None, scenarios: tuple[str, ...], state: _State) -> None:
        self.model, self.adjacency, self.on, self.scen, self._s = model, model.adjacency, on, scenarios, state

    @property
    def g(self) -> nx.MultiDiGraph:
        """``model.nx`` (built on first use; imports networkx)."""
        return self.model.nx

    # ------------------------------------------------------------------------------------------ in force
    def ok(self, nid: str) -> bool:
        """The node exists and applies on the date under the scenarios."""
        hit = self._s.ok.get(nid)
        if hit is None:
            d = self.adjacency.nodes.get(nid)
            hit = self._s.ok[nid] = d is not None and (DATED_ATTRS.isdisjoint(d) or in_force(d, self.on, self.scen))
        return hit

    def edge_ok(self, attrs: dict[str, Any]) -> bool:
        """The edge's own attributes apply (whether its ends apply is ``ok``'s question)."""
        return in_force(attrs, self.on, self.scen)

    def nodes(self, *kinds: str) -> list[str]:
        """In-force nodes of ``kinds`` (all kinds when none given), sorted."""

        def build() -> tuple[str, ...]:
            if not kinds:
                return tuple(sorted(n for n in self.adjacency.nodes if self.ok(n)))
            of = self.adjacency.by_kind()
            return tuple(sorted(n for k in set(kinds) for n in of.get(k, ()) if self.ok(n)))

        return list(self.cached(("nodes", kinds), build))

    def edges(self, *kinds: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """In-force edges of ``kinds`` (all when none given) whose two ends are in force, in graph order.

        Only edges of the asked kinds are date-checked (once per view and kinds): a one-off question asks
        for a few kinds of the 30,000 national edges."""
        if not kinds:
            yield from self.cached("edges", self._edges)
            return
        yield from self.cached(("edges", kinds), lambda: self._kind_edges(frozenset(kinds)))

    def _kind_edges(self, wanted: frozenset[str]) -> tuple[tuple[str, str, dict[str, Any]], ...]:
        """Only the nodes an edge of the wanted kinds leaves (``Adjacency.leaving``) have their edges read: the
        structure kinds a contact question asks for leave half the national nodes (18,000 of the 29,000 edges)."""
        on, scen, ok, known, undated = self.on, self.scen, self.ok, self._s.ok, DATED_ATTRS.isdisjoint
        g = self.adjacency
        succ, leaving = g.succ, g.leaving(wanted)
        found: list[tuple[str, str, dict[str, Any]]] = []
        keep = found.append
        # graph order kept: those nodes in node order. A node's ``ok`` is asked once (u) or read where known (v):
        # 14,000 method calls for the national structure edges otherwise
        for u in [n for n in succ if n in leaving]:
            u_ok = None
            for v, keyed in succ[u].items():
                for e in keyed.values():
                    if e["kind"] in wanted and (undated(e) or in_force(e, on, scen)):
                        if u_ok is None:
                            u_ok = ok(u)
                        if u_ok and (known.get(v) or ok(v)):
                            keep((u, v, e))
        return tuple(found)

    def _edges(self) -> tuple[tuple[str, str, dict[str, Any]], ...]:
        """Every in-force edge once per view (``edges()`` without kinds)."""
        on, scen, g = self.on, self.scen, self.adjacency
        ok = {n: in_force(d, on, scen) for n, d in g.nodes.items()}
        self._s.ok.update(ok)
        # graph order kept
        return tuple(
            (u, v, e)
            for u, nbrs in g.succ.items()
            if ok[u]
            for v, keyed in nbrs.items()
            if ok[v]
            for e in keyed.values()
            if in_force(e, on, scen)
        )

    def out(self, nid: str, kind: str) -> list[str]:
        """Targets of in-force ``kind`` edges leaving ``nid`` that are themselves in force, sorted."""
        hit = self._s.out.get((nid, kind))
        if hit is None:
            nbrs = self.adjacency.succ.get(nid, {})
            hit = tuple(
                sorted(v for v, keyed in nbrs.items() for e in keyed.values() if e["kind"] == kind and self._far(v, e))
            )
            self._s.out[nid, kind] = hit
        return list(hit)

    def into(self, nid: str, kind: str) -> list[str]:
        """Sources of in-force ``kind`` edges entering ``nid`` that are themselves in force, sorted."""
        hit = self._s.into.get((nid, kind))
        if hit is None:
            nbrs = self.adjacency.pred.get(nid, {})
            hit = tuple(
                sorted(u for u, keyed in nbrs.items() for e in keyed.values() if e["kind"] == kind and self._far(u, e))
            )
            self._s.into[nid, kind] = hit
        return list(hit)

    def _far(self, other: str, e: dict[str, Any]) -> bool:
        return in_force(e, self.on, self.scen) and self.ok(other)

    def kind(self, nid: str) -> str:
        return str(self.adjacency.nodes[nid]["kind"])

    def proposed(self, *nids: str) -> bool:
        """Any of ``nids`` is only proposed (it applies, but answers must say so)."""
        return any(self.adjacency.nodes[n].get("status") == "proposed" for n in nids)

    # ------------------------------------------------------------------------------------------ hierarchy
    def ancestors(self, nid: str) -> list[str]:
        """Everything ``nid`` is part of, directly or not, nearest first (never ``nid`` itself)."""
        hit = self._s.ancestors.get(nid)
        if hit is None:
            found: dict[str, None] = {}
            queue = [nid]
            for node in queue:
                for parent in self.out(node, "part_of"):
                    if parent != nid and parent not in found:
                        found[parent] = None
                        queue.append(parent)
            hit = self._s.ancestors[nid] = tuple(found)
        return list(hit)

    def descendants(self, nid: str) -> frozenset[str]:
        """``nid`` and every part of it, all the way down."""
        hit = self._s.descendants.get(nid)
        if hit is None:
            found = {nid}
            stack = [nid]
            while stack:
                for child in self.into(stack.pop(), "part_of"):
                    if child not in found:
                        found.add(child)
                        stack.append(child)
            hit = self._s.descendants[nid] = frozenset(found)
        return hit

    def family(self, nid: str) -> frozenset[str]:
        """An organisation with its parts and everything it is part of (a seat for BUA represents
        Psykiatrien too); any other entity is its own family."""
        if self.kind(nid) not in ORG_KINDS:
            return frozenset({nid})
        return self.descendants(nid) | frozenset(self.ancestors(nid))

    # ------------------------------------------------------------------------------------------ derived
    def upward(self) -> Any:
        """The reporting skeleton: every upward line in force as a ``networkx.DiGraph`` (``graph.reporting``)."""
        return self.cached("upward", lambda: build_upward(self.adjacency, self.edges(*LINE_ORDER)))

    def has(self, key: Hashable) -> bool:
        """Whether ``cached(key, …)`` has been built (a question may take a cheaper way without it)."""
        return key in self._s.derived

    def cached(self, key: Hashable, build: Callable[[], T]) -> T:
        """``build()`` once per view: a question module's index over this date's structure.

        The value is kept on the model (``graph.cache``) and dies with it: it may refer to the model."""
        s = self._s
        if key in s.derived:
            return s.derived[key]
        with s.lock:
            if key not in s.derived:
                with gc_paused():  # an index is many new objects: no collection re-scanning the model meanwhile
                    s.derived[key] = build()
            return s.derived[key]
