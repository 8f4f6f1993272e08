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
from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from graph.vocab import Hierarchy
from ontology.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SK, SKOS, VCARD

__all__ = ["EDGE_KINDS", "LINE_KINDS", "NODE_KINDS", "Projection", "project"]

NODE_KINDS = frozenset(
    {
        "organisation",
        "unit",
        "forum",
        "cluster",
        "partnership",
        "collaboration",
        "post",
        "person",
        "channel",
        "contact_point",
        "topic",
        "requirement",
        "responsibility",
        "request",
        "open_question",
        "mandate",
        "agreement",
    }
)
LINE_KINDS: dict[URIRef, str] = {
    ORG.reportsTo: "reports_to",
    SK.givesStatusTo: "gives_status_to",
    SK.raisesDecisionsTo: "raises_decisions_to",
    SK.communicatesWith: "communicates_with",
}
# (predicate, edge kind, reversed?) — reversed means the edge runs object → subject.
_PLAIN_EDGES: tuple[tuple[URIRef, str, bool], ...] = (
    (ORG.subOrganizationOf, "part_of", False),
    (ORG.unitOf, "part_of", False),
    (ORG.hasSubOrganization, "part_of", True),
    (ORG.hasUnit, "part_of", True),
    (ORG.memberOf, "member_of", False),
    (ORG.hasMember, "member_of", True),
    (ORG.postIn, "post_in", False),
    (ORG.hasPost, "post_in", True),
    (ORG.holds, "holds", False),
    (ORG.heldBy, "holds", True),
    (SK.onBehalfOf, "on_behalf_of", False),
    (SK.channelFrom, "channel_from", True),
    (SK.channelTo, "channel_to", False),
    (SK.handlesTopic, "handles", False),
    (SK.contactPoint, "contact_point", False),
    (SK.secretariatIn, "secretariat_in", False),
    (SK.chairFrom, "chair_from", False),
    (SK.clusterOf, "cluster_of", False),
    (SK.acuteHospital, "acute_hospital", False),
    (SK.requiredIn, "required_in", False),
    (SK.requestedBy, "requested_by", False),
    (SK.fulfilledBy, "fulfilled_by", False),
    (SK.responsibilityOf, "responsibility_of", False),
    (SK.placedWith, "placed_with", False),
    (SK.about, "about", False),
    (SK.hasMandate, "has_mandate", False),
    (SK.approvedBy, "approved_by", False),
    *((p, kind, False) for p, kind in LINE_KINDS.items()),
)
EDGE_KINDS = frozenset({k for _, k, _ in _PLAIN_EDGES})
_STATUS = {
    SK.Proposed: "proposed",
    SK.Approved: "approved",
    SK.Active: "active",
    SK.Ended: "ended",
    SK.Rejected: "rejected",
}
_OCCUPANCY = {SK.Held: "held", SK.Vacant: "vacant", SK.HolderNotStated: "not_stated"}
_STATE = {SK.Open: "open", SK.BeingSetUp: "being_set_up", SK.Requested: "requested", SK.StateNotStated: "not_stated"}
_SECTOR = {
    SK.SectorMunicipal: "municipal",
    SK.SectorSomatic: "somatic",
    SK.SectorPsychiatry: "psychiatry",
    SK.SectorGeneralPractice: "general_practice",
    SK.SectorRegion: "region",
    SK.SectorNational: "national",
    SK.SectorCrossSector: "cross_sector",
}
_ROLE = {
    SK.ChairRole: "chair",
    SK.CoChairRole: "co_chair",
    SK.SecretaryRole: "secretary",
    SK.MemberRole: "member",
    SK.ProjectLeaderRole: "project_leader",
}
_PREF = (SKOS.prefLabel, RDFS.label, FOAF.name, VCARD.fn, DCTERMS.title)


class Projection:
    """The result of projecting: the graph plus the per-entity facts the questions need."""

    def __init__(self, nxg: nx.MultiDiGraph, labels: dict[str, dict[str, str]], alt: dict[str, list[str]]):
        self.nx = nxg
        self.labels = labels
        self.alt = alt


def project(g: Graph, hierarchy: Hierarchy, file_of: dict[Node, str] | None = None) -> Projection:
    """Build the typed MultiDiGraph; one pass per predicate family, no per-entity SPARQL."""
    types: dict[Node, set[URIRef]] = defaultdict(set)
    for s, o in g.subject_objects(RDF.type):
        if isinstance(o, URIRef):
            types[s].add(o)
    _infer_untyped(g, hierarchy, types)

    kinds: dict[Node, str] = {}
    for s, cls in types.items():
        kind = hierarchy.kind(frozenset(cls))
        if kind == "concept":
            kind = "topic" if _is_topic(g, s) else None
        if kind is not None:
            kinds[s] = kind

    nxg = nx.MultiDiGraph()
    labels, alt = _labels(g, hierarchy, kinds)
    for s, kind in kinds.items():
        if kind not in NODE_KINDS:
            continue
        nid = str(s)
        lab = labels.get(nid, {})
        nxg.add_node(
            nid,
            kind=kind,
            label=lab.get("da") or _local(nid),
            label_en=lab.get("en") or lab.get("da") or _local(nid),
            **_node_attrs(g, s, kind, types[s], hierarchy, file_of),
        )
    _add_plain_edges(g, hierarchy, nxg)
    _add_memberships(g, hierarchy, types, nxg)
    _add_lines(g, hierarchy, types, nxg)
    _label_unnamed_posts(nxg, labels)
    return Projection(nxg, labels, alt)


def _infer_untyped(g: Graph, h: Hierarchy, types: dict[Node, set[URIRef]]) -> None:
    """Posts and persons are often only implied by org:holds / org:hasPost in third-party data."""
    for p in h.subproperties(ORG.holds):
        for s, o in g.subject_objects(p):
            types[s] or types[s].add(FOAF.Person)
            types[o] or types[o].add(ORG.Post)
    for p in h.subproperties(ORG.heldBy):
        for s, o in g.subject_objects(p):
            types[o] or types[o].add(FOAF.Person)
            types[s] or types[s].add(ORG.Post)
    for p in h.subproperties(ORG.hasPost):
        for _, o in g.subject_objects(p):
            types[o] or types[o].add(ORG.Post)


def _is_topic(g: Graph, s: Node) -> bool:
    return (s, SKOS.inScheme, SK.topics) in g or (None, SK.handlesTopic, s) in g


def _labels(g: Graph, h: Hierarchy, kinds: dict[Node, str]) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """Best label per language (da, en, untagged→'', others), and all alternative labels."""
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    alt: dict[str, list[str]] = defaultdict(list)
    for rank, base in enumerate(_PREF):
        for p in h.subproperties(base):
            for s, o in g.subject_objects(p):
                if s in kinds and isinstance(o, Literal) and str(o).strip():
                    found[str(s)][(o.language or "").lower()[:2] + f"#{rank}"].append(" ".join(str(o).split()))
    for p in h.subproperties(SKOS.altLabel):
        for s, o in g.subject_objects(p):
            if s in kinds and isinstance(o, Literal) and str(o).strip():
                alt[str(s)].append(" ".join(str(o).split()))
    labels: dict[str, dict[str, str]] = {}
    for nid, by in found.items():
        best: dict[str, str] = {}
        for key in sorted(by, key=lambda k: int(k.split("#")[1])):
            lang = key.split("#")[0]
            values = sorted(by[key])
            best.setdefault(lang, values[0])
            alt[nid].extend(values[1:])  # a second name on one IRI stays findable
        chosen = dict(best)
        fallback = best.get("da") or best.get("") or best.get("en") or next(iter(best.values()))
        chosen["da"] = best.get("da") or fallback
        chosen["en"] = best.get("en") or best.get("") or chosen["da"]
        for value in best.values():
            if value not in (chosen["da"], chosen["en"]):
                alt[nid].append(value)
        labels[nid] = chosen
    return labels, {k: sorted(set(v)) for k, v in alt.items()}


def _node_attrs(
    g: Graph, s: Node, kind: str, cls: set[URIRef], h: Hierarchy, file_of: dict[Node, str] | None
) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    attrs.update(_lifecycle(g, s))
    sector = g.value(s, SK.sector)
    if sector in _SECTOR:
        attrs["sector"] = _SECTOR[sector]  # type: ignore[index]
    if kind == "forum":
        attrs["forum_kind"] = _most_specific(cls, h, SK.Forum)
    if kind == "post":
        attrs["is_seat"] = h.is_a(cls, SK.Seat)
        occ = g.value(s, SK.occupancy)
        attrs["occupancy"] = _OCCUPANCY.get(occ) if occ is not None else None  # type: ignore[arg-type]
        role = g.value(s, ORG.role)
        if role is not None:
            attrs["role"] = _ROLE.get(role, _local(str(role)))  # type: ignore[arg-type]
            attrs["role_iri"] = str(role)
        for key, p in (("seats_min", SK.seatsMin), ("seats_max", SK.seatsMax)):
            v = g.value(s, p)
            if isinstance(v, Literal):
                attrs[key] = int(v)
        dec = g.value(s, SK.requiresDecisionAuthority)
        if isinstance(dec, Literal):
            attrs["decision_authority"] = bool(dec.toPython())
    if kind == "channel":
        state = g.value(s, SK.channelState)
        attrs["state"] = _STATE.get(state, "not_stated") if state is not None else "not_stated"  # type: ignore[arg-type]
        attrs["conditions"] = _lang_pairs(g.objects(s, SK.condition))
        attrs["bidirectional"] = bool(getattr(g.value(s, SK.bidirectional), "toPython", lambda: False)())
    if (
        kind in ("forum", "organisation", "unit", "cluster", "partnership", "collaboration")
        and not attrs.get("sector")
        and kind in ("forum", "cluster", "partnership", "collaboration")
    ):
        attrs["sector"] = "cross_sector"
    if kind == "open_question":
        aspect = g.value(s, SK.aspect)
        attrs["aspect"] = str(aspect) if aspect is not None else None
    if kind in ("open_question", "requirement", "responsibility", "request", "mandate", "agreement"):
        attrs["comment"] = _lang_pairs(g.objects(s, RDFS.comment))
    if not attrs.get("sources") and file_of is not None and s in file_of:
        attrs["sources"] = (f"file:{file_of[s]}",)
    return attrs


def _lifecycle(g: Graph, s: Node) -> dict[str, Any]:
    """Status, validity, scenario and sources: the same for nodes and qualified edges."""
    out: dict[str, Any] = {}
    status = g.value(s, SK.status)
    if status in _STATUS:
        out["status"] = _STATUS[status]  # type: ignore[index]
    for key, p in (("valid_from", SK.validFrom), ("valid_until", SK.validUntil)):
        v = g.value(s, p)
        if isinstance(v, Literal) and isinstance(v.toPython(), dt.date):
            out[key] = v.toPython()
    scen = g.value(s, SK.inScenario)
    if scen is not None:
        key = g.value(scen, SK.scenarioKey)
        out["scenario"] = str(key) if key is not None else _local(str(scen))
    srcs = sorted({str(o) for o in g.objects(s, PROV.wasDerivedFrom)} | {str(o) for o in g.objects(s, DCTERMS.source)})
    if srcs:
        out["sources"] = tuple(srcs)
    return out


def _add_plain_edges(g: Graph, h: Hierarchy, nxg: nx.MultiDiGraph) -> None:
    for base, kind, reverse in _PLAIN_EDGES:
        for p in h.subproperties(base):
            for s, o in g.subject_objects(p):
                u, v = (str(o), str(s)) if reverse else (str(s), str(o))
                if u in nxg and v in nxg and not nxg.has_edge(u, v, key=kind):
                    nxg.add_edge(u, v, key=kind, kind=kind)


def _add_memberships(g: Graph, h: Hierarchy, types: dict[Node, set[URIRef]], nxg: nx.MultiDiGraph) -> None:
    for m, cls in types.items():
        if not h.is_a(cls, ORG.Membership):
            continue
        member, organisation = g.value(m, ORG.member), g.value(m, ORG.organization)
        if member is None or organisation is None or str(member) not in nxg or str(organisation) not in nxg:
            continue  # SHACL reports the malformed membership; the projection skips it
        attrs = _lifecycle(g, m)
        role = g.value(m, ORG.role)
        if role is not None:
            attrs["role"] = _ROLE.get(role, _local(str(role)))  # type: ignore[arg-type]
        nxg.add_edge(str(member), str(organisation), key="member_of", kind="member_of", via=_iri(m), **attrs)


def _add_lines(g: Graph, h: Hierarchy, types: dict[Node, set[URIRef]], nxg: nx.MultiDiGraph) -> None:
    for line, cls in types.items():
        if not h.is_a(cls, SK.ReportingLine):
            continue
        src, dst, kind_iri = g.value(line, SK.fromBody), g.value(line, SK.toBody), g.value(line, SK.lineKind)
        kind = LINE_KINDS.get(kind_iri, "reports_to")  # type: ignore[arg-type]
        if src is None or dst is None or str(src) not in nxg or str(dst) not in nxg:
            continue
        attrs = _lifecycle(g, line)
        basis = _lang_pairs(g.objects(line, SK.basis))
        if basis:
            attrs["basis"] = basis
        # a qualified line replaces a plain triple stating the same thing
        if nxg.has_edge(str(src), str(dst), key=kind) and not nxg.edges[str(src), str(dst), kind].get("via"):
            nxg.remove_edge(str(src), str(dst), key=kind)
        nxg.add_edge(
            str(src),
            str(dst),
            key=kind if not nxg.has_edge(str(src), str(dst), key=kind) else f"{kind}:{line}",
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


def _most_specific(cls: set[URIRef], h: Hierarchy, root: URIRef) -> str:
    below = [c for c in cls if root in h.superclasses(c)]
    best = max(below, key=lambda c: len(h.superclasses(c)), default=root)
    return _local(str(best))


def _lang_pairs(literals: Iterable[Node]) -> dict[str, list[str]]:
    """Texts by language ("da", "en"; untagged counts as Danish), each list sorted for stable output."""
    out: dict[str, list[str]] = {}
    for o in literals:
        if isinstance(o, Literal):
            out.setdefault((o.language or "da").lower()[:2], []).append(" ".join(str(o).split()))
    return {lang: sorted(texts) for lang, texts in out.items()}


def _iri(n: Node) -> str | None:
    return None if isinstance(n, BNode) else str(n)


def _local(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
