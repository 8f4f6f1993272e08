"""The SPARQL baselines: each benchmarked question as prepared rdflib SPARQL and as Oxigraph SPARQL.

The queries live in ``benchmarks/sparql/*.rq``. rdflib receives the values through ``prepareQuery`` +
``initBindings`` (the correct rdflib form); Oxigraph receives them as a leading ``VALUES`` block of terms the
program made itself (IRIs resolved from the model, serialised with rdflib's ``.n3()``), because oxrdflib and
pyoxigraph apply bindings only after evaluating the whole pattern (see ``PITFALLS.md``). User text never
reaches a query string.

Each query has a plain-Python twin over ``model.nx`` (``*_python``); ``check`` compares the three on a
sample so a wrong baseline cannot make the comparison look good.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from graph.model import Model

__all__ = [
    "QUESTIONS",
    "Baseline",
    "OxigraphBaseline",
    "RdflibBaseline",
    "check",
    "python_answer",
    "query_text",
    "with_values",
]

#: question → the variables bound from the program (in the order of the arguments).
QUESTIONS: dict[str, tuple[str, ...]] = {
    "contact": ("topic", "asker"),
    "chain": ("entity",),
    "path": ("a", "b"),
    "gaps": (),
}
_SPARQL = Path(__file__).resolve().parent / "sparql"
_HANDLES = "https://w3id.org/samarbejdskort/ns#handlesTopic"
_UP = frozenset({"reports_to", "part_of", "post_in", "gives_status_to", "raises_decisions_to", "communicates_with"})
_LINKS = frozenset({"part_of", "member_of", "post_in", "holds", "on_behalf_of", "channel_from", "channel_to"})


@cache
def query_text(question: str) -> str:
    """The text of ``benchmarks/sparql/<question>.rq``."""
    return (_SPARQL / f"{question}.rq").read_text(encoding="utf-8")


def with_values(text: str, bindings: Mapping[str, URIRef]) -> str:
    """The query with a leading ``VALUES`` block in its first group (terms made by the program, never user text)."""
    if not bindings:
        return text
    for value in bindings.values():
        if not isinstance(value, URIRef):
            raise TypeError("only IRIs resolved by the program may be injected")
    names = " ".join(f"?{k}" for k in bindings)
    row = " ".join(v.n3() for v in bindings.values())
    head, brace, tail = text.partition("{")
    return f"{head}{brace}\n  VALUES ({names}) {{ ({row}) }}{tail}"


class Baseline:
    """One SPARQL engine answering the benchmarked questions; ``answer`` returns a comparable set/bool."""

    name = "?"

    def answer(self, question: str, args: Sequence[str]) -> Any:
        raise NotImplementedError


class RdflibBaseline(Baseline):
    """rdflib's memory store, queries prepared once (``prepareQuery``) and values bound by ``initBindings``."""

    name = "rdflib prepared SPARQL"

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.prepared: dict[str, Query] = {q: prepareQuery(query_text(q)) for q in QUESTIONS}

    def answer(self, question: str, args: Sequence[str]) -> Any:
        bindings = {k: URIRef(v) for k, v in zip(QUESTIONS[question], args, strict=True)}
        result = self.graph.query(self.prepared[question], initBindings=bindings)
        return _comparable(question, result)


class OxigraphBaseline(Baseline):
    """A pyoxigraph ``Store`` holding the same data; values injected as a leading ``VALUES`` block."""

    name = "Oxigraph SPARQL"

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def from_file(cls, path: str, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE) -> OxigraphBaseline:
        store = ox.Store()
        with open(path, "rb") as handle:
            store.bulk_load(handle.read(), format=fmt, base_iri="urn:samarbejdskort:f0:")
        return cls(store)

    def answer(self, question: str, args: Sequence[str]) -> Any:
        bindings = {k: URIRef(v) for k, v in zip(QUESTIONS[question], args, strict=True)}
        result = self.store.query(with_values(query_text(question), bindings))
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if question == "gaps":
            return {(row["kind"].value, row["entity"].value) for row in result}
        if question == "contact":
            return {(row[0].value, int(row[1].value)) for row in result}
        return {row[0].value for row in result}


def _comparable(question: str, result: Any) -> Any:
    if question == "path":
        return bool(result.askAnswer)
    if question == "gaps":
        return {(str(row[0]), str(row[1])) for row in result}
    if question == "contact":
        return {(str(row[0]), int(row[1])) for row in result}
    return {str(row[0]) for row in result}


# ---------------------------------------------------------------------- the plain-Python twins
def _walk(g: nx.MultiDiGraph, start: str, kinds: frozenset[str], *, reverse: bool = False) -> set[str]:
    seen = {start}
    stack = [start]
    while stack:
        node = stack.pop()
        edges = g.in_edges(node, keys=True) if reverse else g.out_edges(node, keys=True)
        for u, v, k in edges:
            nxt = u if reverse else v
            if k.split(":", 1)[0] in kinds and nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _targets(g: nx.MultiDiGraph, node: str, kind: str) -> list[str]:
    return [v for _, v, k in g.out_edges(node, keys=True) if k == kind]


def contact_python(model: Model, topic: str, asker: str) -> set[tuple[str, int]]:
    """(handler, nearness tier) for every handler of ``topic``; see ``sparql/contact.rq``."""
    g = model.nx
    homes = _walk(g, asker, frozenset({"part_of"}))
    handlers = set(model.triple_index().subjects(_HANDLES, topic))  # also what the projection does not show
    tier = dict.fromkeys(handlers, 3)
    forums = {f for home in homes for p in _sources(g, home, "on_behalf_of") for f in _targets(g, p, "post_in")}
    for forum in forums:
        for who in (forum, *_sources(g, forum, "post_in")):
            if who in handlers:
                tier[who] = 2
    for home in homes:
        for who in _walk(g, home, frozenset({"part_of"}), reverse=True):
            if who in handlers:
                tier[who] = 1
        for ch in _targets(g, home, "channel_from"):
            for who in _targets(g, ch, "channel_to"):
                if ch in handlers or who in handlers:
                    tier[who] = 1
    return set(tier.items())


def _sources(g: nx.MultiDiGraph, node: str, kind: str) -> list[str]:
    return [u for u, _, k in g.in_edges(node, keys=True) if k == kind]


def chain_python(model: Model, entity: str) -> set[str]:
    return _walk(model.nx, entity, _UP) - {entity}


def path_python(model: Model, a: str, b: str) -> bool:
    g = model.nx
    seen = {a}
    stack = [a]
    while stack:
        node = stack.pop()
        if node == b:
            return True
        for u, v, k in (*g.out_edges(node, keys=True), *g.in_edges(node, keys=True)):
            nxt = v if u == node else u
            if k in _LINKS and nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False


def gaps_python(model: Model) -> set[tuple[str, str]]:
    g = model.nx
    out: set[tuple[str, str]] = set()
    for nid, d in g.nodes(data=True):
        if d.get("occupancy") == "vacant":
            out.add(("vacant_seat", nid))
        if d["kind"] == "channel" and d.get("state") in ("being_set_up", "requested"):
            out.add(("channel_not_open", nid))
        if d["kind"] == "requirement" and not _targets(g, nid, "fulfilled_by"):
            out.add(("missing_contact_person", nid))
    return out


_PYTHON: dict[str, Callable[..., Any]] = {
    "contact": contact_python,
    "chain": chain_python,
    "path": path_python,
    "gaps": gaps_python,
}


def python_answer(model: Model, question: str, args: Sequence[str]) -> Any:
    """The plain-Python answer of a baseline question."""
    return _PYTHON[question](model, *args)


@dataclass(frozen=True)
class Mismatch:
    question: str
    engine: str
    args: tuple[str, ...]
    expected: Any
    got: Any

    def as_json(self) -> dict[str, Any]:
        def short(x: Any) -> Any:
            return sorted(map(str, x))[:5] if isinstance(x, set) else x

        return {
            "question": self.question,
            "engine": self.engine,
            "args": list(self.args),
            "expected": short(self.expected),
            "got": short(self.got),
        }


def check(model: Model, engines: Iterable[Baseline], samples: Mapping[str, Sequence[Sequence[str]]]) -> list[Mismatch]:
    """Every engine's answer against the plain-Python one, for every sample; the list of disagreements."""
    out: list[Mismatch] = []
    for engine in engines:
        for question, arg_list in samples.items():
            for args in arg_list:
                expected = python_answer(model, question, args)
                got = engine.answer(question, args)
                if got != expected:
                    out.append(Mismatch(question, engine.name, tuple(args), expected, got))
    return out
