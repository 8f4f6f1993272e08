"""Project the RDF graph once into a typed multigraph (``graph.adjacency``: networkx's layout, no networkx).

Nodes are entity IRIs (str) with a ``kind`` and display attributes; edges carry an
edge ``kind`` (also the multigraph key) and, where the RDF qualifies them
(``org:Membership``, ``sk:ReportingLine``), status, dates, scenario, basis and sources.
Inverse ORG properties are normalised to one direction here, so every question module
walks one shape of graph whatever way the data was written.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from graph.adjacency import Adjacency
from graph.facts import Facts, Term, from_rdflib
from graph.projection_attrs import AttrBuilder, _iri, _local, _text
from graph.projection_labels import _label_unnamed_posts, _labels
from graph.projection_terms import (
    _BASIS,
    _FROM_BODY,
    _HANDLES,
    _HAS_POST,
    _HELD_BY,
    _HOLDS,
    _IN_SCHEME,
    _LINE,
    _LINE_KIND,
    _MEMBER,
    _MEMBERSHIP,
    _ORGANIZATION,
    _PERSON,
    _POST,
    _ROLE_P,
    _T_LINE_KINDS,
    _T_PLAIN_EDGES,
    _T_ROLE,
    _TO_BODY,
    _TOPICS,
    _TYPE,
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

    def __init__(self, adjacency: Adjacency, labels: dict[str, dict[str, str]], alt: dict[str, list[str]]):
        self.adjacency = adjacency
        self.labels = labels
        self.alt = alt


def project(g: Graph | Facts, hierarchy: Hierarchy, file_of: Mapping[Any, str] | None = None) -> Projection:
    """Build the typed multigraph; one pass per predicate family, no per-entity SPARQL.

    ``g`` is an rdflib graph or (faster: no rdflib terms at all) a ``graph.facts.Facts`` index;
    ``file_of`` maps subjects (terms of the same kind as ``g``'s) to the file that first states them.
    """
    if isinstance(g, Facts):
        facts = g
    else:
        facts = Facts.from_graph(g)
        if file_of is not None:
            file_of = {from_rdflib(k): v for k, v in file_of.items()}
    # entity → its classes (a tuple: most have one, and 14,000 national sets would be 3 MB)
    types: dict[Term, tuple[str, ...]] = {}
    for o, subjects in _by_object(facts, _TYPE).items():
        if type(o) is str:
            for s in subjects:
                cls = types.get(s)
                types[s] = (o,) if cls is None else (*cls, o)  # (the index holds each triple once)
    _infer_untyped(facts, hierarchy, types)
    kinds, memberships, lines = _kinds(facts, hierarchy, types)

    nxg = Adjacency()
    labels, alt = _labels(facts, hierarchy, kinds)
    attrs_of = AttrBuilder(facts, hierarchy, file_of)
    # the node tables as networkx's ``add_node`` fills them (ids are unique)
    succ, pred, node, spo = nxg.succ, nxg.pred, nxg.nodes, facts.spo
    for s, kind in kinds.items():
        if kind not in NODE_KINDS:
            continue
        nid = s if type(s) is str else _text(s)
        lab = labels.get(nid)
        if lab is None:
            attrs = {"kind": kind, "label": _local(nid), "label_en": _local(nid)}
        else:
            da = lab.get("da")
            attrs = {"kind": kind, "label": da or _local(nid), "label_en": lab.get("en") or da or _local(nid)}
        attrs_of.node(attrs, s, spo.get(s), kind, types[s])
        if nid in node:
            node[nid].update(attrs)
        else:
            succ[nid], pred[nid], node[nid] = {}, {}, attrs
    _add_plain_edges(facts, hierarchy, nxg)
    _add_memberships(facts, memberships, nxg, attrs_of)
    _add_lines(facts, lines, nxg, attrs_of)
    _label_unnamed_posts(nxg, labels)
    return Projection(nxg, labels, alt)


def _by_object(facts: Facts, p: str) -> dict[Term, list[Term]]:
    """Object → subjects of one predicate, objects in order of first appearance: iterated pair by pair, the
    order in which rdflib's memory store gives ``subject_objects``. (A ``defaultdict``: one subscript per pair,
    the new list made in C; callers only read it.)"""
    by_o: defaultdict[Term, list[Term]] = defaultdict(list)
    for s, objs in facts.subjects_of(p).items():
        for o in objs:
            by_o[o].append(s)
    return by_o


def _infer_untyped(g: Facts, h: Hierarchy, types: dict[Term, tuple[str, ...]]) -> None:
    """Posts and persons are often only implied by org:holds / org:hasPost in third-party data: an end of these
    relations without a class gets one."""
    for p in sorted(h.subproperties_iri(_HOLDS)):
        for o, subjects in _by_object(g, p).items():
            for s in subjects:
                if not types.get(s):
                    types[s] = (_PERSON,)
                if not types.get(o):
                    types[o] = (_POST,)
    for p in sorted(h.subproperties_iri(_HELD_BY)):
        for o, subjects in _by_object(g, p).items():
            for s in subjects:
                if not types.get(o):
                    types[o] = (_PERSON,)
                if not types.get(s):
                    types[s] = (_POST,)
    for p in sorted(h.subproperties_iri(_HAS_POST)):
        for o in _by_object(g, p):
            if not types.get(o):
                types[o] = (_POST,)


def _kinds(
    facts: Facts, h: Hierarchy, types: dict[Term, tuple[str, ...]]
) -> tuple[dict[Term, str], list[Term], list[Term]]:
    """The projection kind of every typed entity (concepts count only when they are topics), and the memberships
    and the reporting lines among them, each in the order of ``types``: one pass, one lookup per class."""
    kinds: dict[Term, str] = {}
    memberships: list[Term] = []
    lines: list[Term] = []
    topical = None
    # most entities have one class: its kind and its flags (1 membership, 2 line), without a frozenset each
    by_class: dict[str, tuple[str | None, int]] = {}
    for s, cls in types.items():
        if len(cls) == 1:
            (c,) = cls
            hit = by_class.get(c)
            if hit is None:
                hit = by_class[c] = (h.kind_iri(frozenset(cls)), _flags(h, c))
            kind, flags = hit
        else:
            kind, flags = h.kind_iri(frozenset(cls)), 0
            for c in cls:
                flags |= _flags(h, c)
        if flags:
            if flags & 1:
                memberships.append(s)
            if flags & 2:
                lines.append(s)
        if kind == "concept":
            if topical is None:
                topical = set(facts.subjects(_IN_SCHEME, _TOPICS))
                topical.update(*facts.subjects_of(_HANDLES).values())  # one call: every handled topic
            kind = "topic" if s in topical else None
        if kind is not None:
            kinds[s] = kind
    return kinds, memberships, lines


def _flags(h: Hierarchy, c: str) -> int:
    """1 when instances of the class are memberships, 2 when reporting lines (3 both, 0 neither)."""
    up = h.superclasses_iri(c)
    return (_MEMBERSHIP in up) | (_LINE in up) << 1


def _add_plain_edges(g: Facts, h: Hierarchy, nxg: Adjacency) -> None:
    """Plain ORG/SK triples as edges, written into the adjacency as ``MultiDiGraph.add_edge`` writes it (one
    key dict shared by ``succ[u][v]`` and ``pred[v][u]``); the graph has no other edges yet, so an edge
    already there is one stated twice (both directions of an inverse pair) and is kept once.

    A plain edge has no attributes but its kind, so all of one kind share one attribute dict, and all pairs
    joined by that one edge share one key dict (30,000 national edges: two dicts each otherwise). The
    adjacency is read-only once projected; until then a shared dict is replaced, never changed."""
    succ, pred = nxg.succ, nxg.pred
    shared: dict[str, tuple[dict[str, str], dict[str, dict[str, str]]]] = {}
    for base, kind, reverse in _T_PLAIN_EDGES:
        for p in sorted(h.subproperties_iri(base)):
            by_s = g.pso.get(p)
            if by_s is None:
                continue
            # an inverse property's edges run object → subject. Both sides share one dict of keyed edges.
            fixed, far = (succ, pred) if reverse else (pred, succ)
            if sum(map(len, by_s.values())) == len(by_s):
                # one object per subject: each subject's side gains one edge here, so going subject by subject
                # (the sides swapped) fills every adjacency in the same order, without an index by object
                groups, fixed, far = by_s, far, fixed
            else:
                groups = _by_object(g, p)
            nxg.add_sources(kind, by_s, in_values=reverse)  # an inverse property's edges leave its objects
            hit = shared.get(kind)
            if hit is None:
                plain = {"kind": kind}
                hit = shared[kind] = (plain, {kind: plain})
            plain, alone = hit
            for one, many in groups.items():  # an object and its subjects (or a subject and its one object)
                end = one if type(one) is str else _text(one)
                # the object's side is looked up once for all its subjects (no node there: none of them is an edge)
                at_end = fixed.get(end)
                if at_end is None:
                    continue
                for s in many:
                    x = s if type(s) is str else _text(s)
                    other = far.get(x)
                    if other is not None:
                        keyed = at_end.get(x)
                        if keyed is None:
                            at_end[x] = other[end] = alone
                        elif kind not in keyed:
                            at_end[x] = other[end] = {**keyed, kind: plain}


def _add_memberships(g: Facts, memberships: list[Term], nxg: Adjacency, attrs_of: AttrBuilder) -> None:
    """``org:Membership`` as member_of edges, written as ``add_edge(u, v, key="member_of", **attrs)`` would."""
    succ, pred, spo = nxg.succ, nxg.pred, g.spo
    members: set[str] = set()
    nxg.add_sources("member_of", members)
    for m in memberships:
        po = spo.get(m)
        member, organisation = po.get(_MEMBER) if po else None, po.get(_ORGANIZATION) if po else None
        if not member or not organisation:
            continue  # SHACL reports the malformed membership; the projection skips it
        u, v = _text(member[0]), _text(organisation[0])
        if u not in succ or v not in succ:
            continue
        attrs = attrs_of.lifecycle({"kind": "member_of", "via": _iri(m)}, po)
        role = po.get(_ROLE_P)  # type: ignore[union-attr]
        if role:
            attrs["role"] = _T_ROLE.get(role[0]) or _local(_text(role[0]))
        _put_edge(succ, pred, u, v, "member_of", attrs)
        members.add(u)


def _add_lines(g: Facts, lines: list[Term], nxg: Adjacency, attrs_of: AttrBuilder) -> None:
    """``sk:ReportingLine`` as edges of their line kind; a qualified line replaces a plain triple stating the
    same thing (``remove_edge`` + ``add_edge`` as networkx does them, so every adjacency keeps its order)."""
    succ, pred, spo = nxg.succ, nxg.pred, g.spo
    bodies: set[str] = set()
    for kind in _T_LINE_KINDS.values():
        nxg.add_sources(kind, bodies)  # every line kind's: the few lines' first bodies, listed once
    for line in lines:
        po = spo.get(line) or {}
        src, dst, kind_iri = po.get(_FROM_BODY), po.get(_TO_BODY), po.get(_LINE_KIND)
        kind = _T_LINE_KINDS.get(kind_iri[0] if kind_iri else None, "reports_to")  # type: ignore[arg-type]
        if not src or not dst:
            continue
        u, v = _text(src[0]), _text(dst[0])
        if u not in succ or v not in succ:
            continue
        attrs = attrs_of.lifecycle({"kind": kind, "via": _iri(line)}, po)
        basis = attrs_of.lang_pairs(po.get(_BASIS, ()))
        if basis:
            attrs["basis"] = basis
        keyed = succ[u].get(v)
        if keyed is not None and kind in keyed and not keyed[kind].get("via"):
            keyed = {k: e for k, e in keyed.items() if k != kind}  # without the plain triple's edge
            if keyed:
                succ[u][v] = pred[v][u] = keyed
            else:
                del succ[u][v]
                del pred[v][u]
                keyed = None
        key = kind if keyed is None or kind not in keyed else f"{kind}:{_text(line)}"
        _put_edge(succ, pred, u, v, key, attrs)
        bodies.add(u)


def _put_edge(succ: dict, pred: dict, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
    """What ``MultiDiGraph.add_edge(u, v, key, **attrs)`` does to the adjacency when both nodes exist (new dicts
    where it would change them: a plain edge's may be shared, ``_add_plain_edges``)."""
    keyed = succ[u].get(v)
    if keyed is None:
        succ[u][v] = pred[v][u] = {key: attrs}
    else:
        data = keyed.get(key)
        succ[u][v] = pred[v][u] = {**keyed, key: attrs if data is None else {**data, **attrs}}
