"""Project the RDF graph once into a typed NetworkX MultiDiGraph.

Nodes are entity IRIs (str) with a ``kind`` and display attributes; edges carry an
edge ``kind`` (also the multigraph key) and, where the RDF qualifies them
(``org:Membership``, ``sk:ReportingLine``), status, dates, scenario, basis and sources.
Inverse ORG properties are normalised to one direction here, so every question module
walks one shape of graph whatever way the data was written.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import networkx as nx

from graph.facts import Blank, Facts, Lit, Term, from_rdflib, python_value
from graph.projection_labels import _label_unnamed_posts, _labels, _lang_pairs, _text
from graph.projection_terms import (
    _ASPECT,
    _BASIS,
    _BIDIRECTIONAL,
    _CHANNEL_STATE,
    _COMMENT,
    _CONDITION,
    _DECISION,
    _DERIVED,
    _FORUM,
    _FROM_BODY,
    _HANDLES,
    _HAS_POST,
    _HELD_BY,
    _HOLDS,
    _IN_SCENARIO,
    _IN_SCHEME,
    _LINE,
    _LINE_KIND,
    _MEMBER,
    _MEMBERSHIP,
    _OCCUPANCY_P,
    _ORGANIZATION,
    _PERSON,
    _POST,
    _ROLE_P,
    _SCENARIO_KEY,
    _SEAT,
    _SEATS_MAX,
    _SEATS_MIN,
    _SECTOR_P,
    _SOURCE,
    _STATUS_P,
    _T_LINE_KINDS,
    _T_OCCUPANCY,
    _T_PLAIN_EDGES,
    _T_ROLE,
    _T_SECTOR,
    _T_STATE,
    _T_STATUS,
    _TO_BODY,
    _TOPICS,
    _TYPE,
    _VALID_FROM,
    _VALID_UNTIL,
    EDGE_KINDS,
    LINE_KINDS,
    NODE_KINDS,
)
from graph.vocab import Hierarchy

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["EDGE_KINDS", "LINE_KINDS", "NODE_KINDS", "Projection", "project"]


class Projection:
    """The result of projecting: the graph plus the per-entity facts the questions need."""

    def __init__(self, nxg: nx.MultiDiGraph, labels: dict[str, dict[str, str]], alt: dict[str, list[str]]):
        self.nx = nxg
        self.labels = labels
        self.alt = alt


def project(g: Graph | Facts, hierarchy: Hierarchy, file_of: Mapping[Any, str] | None = None) -> Projection:
    """Build the typed MultiDiGraph; one pass per predicate family, no per-entity SPARQL.

    ``g`` is an rdflib graph or (faster: no rdflib terms at all) a ``graph.facts.Facts`` index;
    ``file_of`` maps subjects (terms of the same kind as ``g``'s) to the file that first states them.
    """
    if isinstance(g, Facts):
        facts = g
    else:
        facts = Facts.from_graph(g)
        if file_of is not None:
            file_of = {from_rdflib(k): v for k, v in file_of.items()}
    types: dict[Term, set[str]] = defaultdict(set)
    for s, o in _by_object(facts, _TYPE):
        if type(o) is str:
            types[s].add(o)
    _infer_untyped(facts, hierarchy, types)

    kinds: dict[Term, str] = {}
    topical = None
    for s, cls in types.items():
        kind = hierarchy.kind_iri(frozenset(cls))
        if kind == "concept":
            if topical is None:
                topical = set(facts.subjects(_IN_SCHEME, _TOPICS)) | {
                    o for _, objs in facts.subjects_of(_HANDLES).items() for o in objs
                }
            kind = "topic" if s in topical else None
        if kind is not None:
            kinds[s] = kind

    nxg = nx.MultiDiGraph()
    labels, alt = _labels(facts, hierarchy, kinds)
    # the node tables as ``add_node`` fills them (10,000 calls of its checks at national scale; ids are unique)
    succ, pred, node = nxg._succ, nxg._pred, nxg._node
    for s, kind in kinds.items():
        if kind not in NODE_KINDS:
            continue
        nid = _text(s)
        lab = labels.get(nid, _NO_LABELS)
        da = lab.get("da")
        attrs = {"kind": kind, "label": da or _local(nid), "label_en": lab.get("en") or da or _local(nid)}
        attrs.update(_node_attrs(facts, s, kind, types[s], hierarchy, file_of))
        if nid in node:
            node[nid].update(attrs)
        else:
            succ[nid], pred[nid], node[nid] = {}, {}, attrs
    _add_plain_edges(facts, hierarchy, nxg)
    _add_memberships(facts, hierarchy, types, nxg)
    _add_lines(facts, hierarchy, types, nxg)
    _label_unnamed_posts(nxg, labels)
    return Projection(nxg, labels, alt)


_NO_LABELS: dict[str, str] = {}


def _by_object(facts: Facts, p: str) -> Iterator[tuple[Term, Term]]:
    """(subject, object) pairs grouped by object, as rdflib's memory store iterates ``subject_objects``."""
    by_o: dict[Term, list[Term]] = {}
    for s, objs in facts.subjects_of(p).items():
        for o in objs:
            by_o.setdefault(o, []).append(s)
    for o, subjects in by_o.items():
        for s in subjects:
            yield s, o


def _infer_untyped(g: Facts, h: Hierarchy, types: dict[Term, set[str]]) -> None:
    """Posts and persons are often only implied by org:holds / org:hasPost in third-party data.

    Reading ``types[x]`` (a defaultdict) creates its entry: every end of these relations is considered.
    """
    for p in sorted(h.subproperties_iri(_HOLDS)):
        for s, o in _by_object(g, p):
            if not types[s]:
                types[s].add(_PERSON)
            if not types[o]:
                types[o].add(_POST)
    for p in sorted(h.subproperties_iri(_HELD_BY)):
        for s, o in _by_object(g, p):
            if not types[o]:
                types[o].add(_PERSON)
            if not types[s]:
                types[s].add(_POST)
    for p in sorted(h.subproperties_iri(_HAS_POST)):
        for _, o in _by_object(g, p):
            if not types[o]:
                types[o].add(_POST)


def _node_attrs(
    g: Facts, s: Term, kind: str, cls: set[str], h: Hierarchy, file_of: Mapping[Any, str] | None
) -> dict[str, Any]:
    po = g.spo.get(s) or {}

    def value(p: str) -> Term | None:
        objs = po.get(p)
        return objs[0] if objs else None

    attrs: dict[str, Any] = _lifecycle(g, s)
    sector = value(_SECTOR_P)
    if sector in _T_SECTOR:
        attrs["sector"] = _T_SECTOR[sector]
    if kind == "forum":
        attrs["forum_kind"] = _most_specific(cls, h, _FORUM)
    elif kind == "post":
        attrs["is_seat"] = h.is_a_iri(cls, _SEAT)
        occ = value(_OCCUPANCY_P)
        attrs["occupancy"] = _T_OCCUPANCY.get(occ) if occ is not None else None
        role = value(_ROLE_P)
        if role is not None:
            attrs["role"] = _T_ROLE.get(role) or _local(_text(role))
            attrs["role_iri"] = _text(role)
        for key, p in (("seats_min", _SEATS_MIN), ("seats_max", _SEATS_MAX)):
            v = value(p)
            if type(v) is Lit:
                attrs[key] = int(v.value)  # what int() of the rdflib literal gives
        dec = value(_DECISION)
        if type(dec) is Lit:
            attrs["decision_authority"] = bool(python_value(dec))
    elif kind == "channel":
        state = value(_CHANNEL_STATE)
        attrs["state"] = _T_STATE.get(state, "not_stated") if state is not None else "not_stated"
        attrs["conditions"] = _lang_pairs(po.get(_CONDITION, ()))
        bidi = value(_BIDIRECTIONAL)
        attrs["bidirectional"] = bool(python_value(bidi)) if bidi is not None else False
    if kind in ("forum", "cluster", "partnership", "collaboration") and not attrs.get("sector"):
        attrs["sector"] = "cross_sector"
    if kind == "open_question":
        aspect = value(_ASPECT)
        attrs["aspect"] = _text(aspect) if aspect is not None else None
    if kind in ("open_question", "requirement", "responsibility", "request", "mandate", "agreement"):
        attrs["comment"] = _lang_pairs(po.get(_COMMENT, ()))
    if not attrs.get("sources") and file_of is not None and s in file_of:
        attrs["sources"] = _file_source(file_of[s])
    return attrs


@lru_cache(maxsize=256)
def _file_source(name: str) -> tuple[str]:
    """The one ``("file:<name>",)`` of a file, shared by every entity only it states (all of a generated nation)."""
    return (f"file:{name}",)


def _lifecycle(g: Facts, s: Term) -> dict[str, Any]:
    """Status, validity, scenario and sources: the same for nodes and qualified edges."""
    po = g.spo.get(s)
    if not po:
        return {}
    out: dict[str, Any] = {}
    status = po.get(_STATUS_P)
    if status and status[0] in _T_STATUS:
        out["status"] = _T_STATUS[status[0]]
    for key, p in (("valid_from", _VALID_FROM), ("valid_until", _VALID_UNTIL)):
        objs = po.get(p)
        if objs and type(objs[0]) is Lit:
            v = python_value(objs[0])
            if isinstance(v, dt.date):
                out[key] = v
    scen = po.get(_IN_SCENARIO)
    if scen:
        scen_key = g.value(scen[0], _SCENARIO_KEY)
        out["scenario"] = _text(scen_key) if scen_key is not None else _local(_text(scen[0]))
    derived, cited = po.get(_DERIVED), po.get(_SOURCE)
    if derived or cited:
        out["sources"] = tuple(sorted({_text(o) for o in derived or ()} | {_text(o) for o in cited or ()}))
    return out


def _add_plain_edges(g: Facts, h: Hierarchy, nxg: nx.MultiDiGraph) -> None:
    """Plain ORG/SK triples as edges, written into the adjacency as ``MultiDiGraph.add_edge`` writes it (one
    key dict shared by ``_succ[u][v]`` and ``_pred[v][u]``); the graph has no other edges yet, so an edge
    already there is one stated twice (both directions of an inverse pair) and is kept once."""
    succ, pred = nxg._succ, nxg._pred
    for base, kind, reverse in _T_PLAIN_EDGES:
        for p in sorted(h.subproperties_iri(base)):
            if p not in g.pso:
                continue
            for s, o in _by_object(g, p):
                u, v = (_text(o), _text(s)) if reverse else (_text(s), _text(o))
                out = succ.get(u)
                if out is None or v not in succ:
                    continue
                keyed = out.get(v)
                if keyed is None:
                    keyed = out[v] = pred[v][u] = {}
                if kind not in keyed:
                    keyed[kind] = {"kind": kind}
    nx._clear_cache(nxg)


def _add_memberships(g: Facts, h: Hierarchy, types: dict[Term, set[str]], nxg: nx.MultiDiGraph) -> None:
    for m, cls in types.items():
        if not h.is_a_iri(cls, _MEMBERSHIP):
            continue
        member, organisation = g.value(m, _MEMBER), g.value(m, _ORGANIZATION)
        if member is None or organisation is None or _text(member) not in nxg or _text(organisation) not in nxg:
            continue  # SHACL reports the malformed membership; the projection skips it
        attrs = _lifecycle(g, m)
        role = g.value(m, _ROLE_P)
        if role is not None:
            attrs["role"] = _T_ROLE.get(role) or _local(_text(role))
        nxg.add_edge(_text(member), _text(organisation), key="member_of", kind="member_of", via=_iri(m), **attrs)


def _add_lines(g: Facts, h: Hierarchy, types: dict[Term, set[str]], nxg: nx.MultiDiGraph) -> None:
    for line, cls in types.items():
        if not h.is_a_iri(cls, _LINE):
            continue
        src, dst, kind_iri = g.value(line, _FROM_BODY), g.value(line, _TO_BODY), g.value(line, _LINE_KIND)
        kind = _T_LINE_KINDS.get(kind_iri, "reports_to")  # type: ignore[arg-type]
        if src is None or dst is None or _text(src) not in nxg or _text(dst) not in nxg:
            continue
        u, v = _text(src), _text(dst)
        attrs = _lifecycle(g, line)
        basis = _lang_pairs(g.objects(line, _BASIS))
        if basis:
            attrs["basis"] = basis
        # a qualified line replaces a plain triple stating the same thing
        if nxg.has_edge(u, v, key=kind) and not nxg.edges[u, v, kind].get("via"):
            nxg.remove_edge(u, v, key=kind)
        nxg.add_edge(
            u,
            v,
            key=kind if not nxg.has_edge(u, v, key=kind) else f"{kind}:{_text(line)}",
            kind=kind,
            via=_iri(line),
            **attrs,
        )


def _most_specific(cls: set[str], h: Hierarchy, root: str) -> str:
    below = [c for c in cls if root in h.superclasses_iri(c)]
    best = max(sorted(below), key=lambda c: len(h.superclasses_iri(c)), default=root)  # ties: by IRI
    return _local(best)


def _iri(n: Term) -> str | None:
    return None if isinstance(n, Blank) else _text(n)


def _local(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
