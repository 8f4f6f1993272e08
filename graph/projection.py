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
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

import networkx as nx
from rdflib import Graph

from graph.facts import Blank, Facts, Lit, Term, from_rdflib, python_value
from graph.projection_terms import (
    _ALT_LABEL,
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
    _T_NAME_PARTS,
    _T_OCCUPANCY,
    _T_PLAIN_EDGES,
    _T_PREF,
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


def _labels(g: Facts, h: Hierarchy, kinds: dict[Term, str]) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """Best label per language (da, en, untagged→'', others), and all alternative labels."""
    found: dict[str, dict[tuple[int, str], list[str]]] = {}
    alt: dict[str, list[str]] = defaultdict(list)
    lang_keys: dict[str | None, str] = {None: ""}  # language tag → its key ("da-DK" → "da"), worked out once
    for rank, base in enumerate(_T_PREF):
        for p in sorted(h.subproperties_iri(base)):
            for s, objs in g.subjects_of(p).items():
                if s not in kinds:
                    continue
                by = None
                for o in objs:
                    if type(o) is not Lit:
                        continue
                    value, lang, _ = o
                    parts = value.split()  # empty exactly when the text is only white space
                    if not parts:
                        continue
                    lk = lang_keys.get(lang)
                    if lk is None:
                        lk = lang_keys[lang] = lang.lower()[:2]  # type: ignore[union-attr]
                    if by is None:
                        by = found.setdefault(_text(s), {})
                    texts = by.get((rank, lk))
                    if texts is None:
                        by[rank, lk] = [" ".join(parts)]
                    else:
                        texts.append(" ".join(parts))
    for p in sorted(h.subproperties_iri(_ALT_LABEL)):
        for s, o in g.subject_objects(p):
            if s in kinds and type(o) is Lit and o.value.strip():
                alt[_text(s)].append(" ".join(o.value.split()))
    for s, kind in kinds.items():
        if kind == "person" and _text(s) not in found:
            parts = [_first_literal(g, s, preds) for preds in _T_NAME_PARTS]
            name = " ".join(p for p in parts if p)
            if name:
                found[_text(s)] = {(len(_T_PREF), ""): [name]}
    labels: dict[str, dict[str, str]] = {}
    for nid, by in found.items():
        others = alt[nid]  # a second name on one IRI stays findable (an empty entry is kept too)
        if len(by) == 1:
            ((_, lang), values), *_ = by.items()
            if len(values) == 1:  # one name (most entities): it is the Danish and the English label too
                chosen = {lang: values[0]}
                chosen["da"] = chosen["en"] = values[0]
                labels[nid] = chosen
                continue
        best: dict[str, str] = {}
        for key in sorted(by, key=_rank_of) if len(by) > 1 else by:
            values = sorted(by[key]) if len(by[key]) > 1 else by[key]
            best.setdefault(key[1], values[0])
            others.extend(values[1:])
        chosen = dict(best)
        fallback = best.get("da") or best.get("") or best.get("en") or next(iter(best.values()))
        chosen["da"] = best.get("da") or fallback
        chosen["en"] = best.get("en") or best.get("") or chosen["da"]
        for value in best.values():
            if value not in (chosen["da"], chosen["en"]):
                others.append(value)
        labels[nid] = chosen
    return labels, {k: sorted(set(v)) if v else [] for k, v in alt.items()}


def _first_literal(g: Facts, s: Term, preds: tuple[str, ...]) -> str:
    for p in preds:
        for o in g.objects(s, p):
            if type(o) is Lit and o.value.strip():
                return " ".join(o.value.split())
    return ""


def _rank_of(key: tuple[int, str]) -> int:
    return key[0]


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


def _label_unnamed_posts(nxg: nx.MultiDiGraph, labels: dict[str, dict[str, str]]) -> None:
    """Name posts so a person can tell them apart.

    A post without a label (e.g. only org:role) is named after its role; a post whose label is
    shared with other posts ("Referatsleitung" ×40) gets its organisation added.
    """
    posts = [nid for nid, kind in nxg.nodes(data="kind") if kind == "post"]
    counts: dict[str, int] = defaultdict(int)
    for nid in posts:
        data = nxg.nodes[nid]
        if nid not in labels:
            data["label"] = data["label_en"] = str(data.get("role") or "Post")
        counts[data["label"]] += 1
    for nid in posts:
        data = nxg.nodes[nid]
        if counts[data["label"]] < 2:
            continue
        orgs = sorted(nxg.nodes[v]["label"] for _, v, k in nxg.out_edges(nid, keys=True) if k == "post_in")
        if orgs and orgs[0] not in data["label"]:
            data["label"] = f"{data['label']}, {orgs[0]}"
            data["label_en"] = f"{data['label_en']}, {nxg.nodes[orgs and _first_org(nxg, nid)]['label_en']}"


def _first_org(nxg: nx.MultiDiGraph, post: str) -> str:
    return sorted(
        (v for _, v, k in nxg.out_edges(post, keys=True) if k == "post_in"), key=lambda v: nxg.nodes[v]["label"]
    )[0]


def _most_specific(cls: set[str], h: Hierarchy, root: str) -> str:
    below = [c for c in cls if root in h.superclasses_iri(c)]
    best = max(sorted(below), key=lambda c: len(h.superclasses_iri(c)), default=root)  # ties: by IRI
    return _local(best)


def _lang_pairs(literals: Iterable[Term]) -> dict[str, list[str]]:
    """Texts by language ("da", "en"; untagged counts as Danish), each list sorted for stable output."""
    out: dict[str, list[str]] = {}
    for o in literals:
        if type(o) is Lit:
            out.setdefault((o.language or "da").lower()[:2], []).append(" ".join(o.value.split()))
    return {lang: sorted(texts) for lang, texts in out.items()}


def _text(t: Term) -> str:
    """What ``str()`` of the rdflib term gives: the IRI, the blank node id or the literal's lexical form."""
    return t.value if type(t) is Lit else str(t)


def _iri(n: Term) -> str | None:
    return None if isinstance(n, Blank) else _text(n)


def _local(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
