"""What the sources say around one entity, beyond its own structure: for ``show`` and entity pages.

A coordinator opening a cluster wants the decisions its steering group took (even those bound to a
scenario, such as the chief-level steering group of 28 November 2023), the collaboration models linked to
it and their target group; on a topic page, its narrower topics and who took it up (the agreement SSU
decided on the three risk groups); on a request, who asked and who approved it. Every part is read from the
data as stated, never inferred.
"""

from __future__ import annotations

from typing import Any

from graph.lazy import rdflib
from graph.model import Model
from ontology.iris import ORG, RDFS, SK, SKOS

__all__ = ["context"]


def context(model: Model, nid: str, lang: str = "da") -> dict[str, Any]:
    """Extra sections for ``describe``: decisions, linked collaborations, topic neighbours, requesters."""
    g = model.nx
    kind = g.nodes[nid]["kind"]
    out: dict[str, Any] = {}
    bodies = [nid]
    if kind == "cluster":
        bodies += sorted(u for u, _, k in g.in_edges(nid, keys=True) if k == "cluster_of")
        out["steering_groups"] = [model.ref(b, lang) for b in bodies[1:]]
        out["linked"] = [_linked(model, x, lang) for x in _linked_to(model, nid)]
    out["decisions"] = [
        _decision(model, d, body, lang)
        for body in bodies
        for d in sorted(u for u, _, k in g.in_edges(body, keys=True) if k == "approved_by")
    ]
    if kind in ("request", "requirement", "agreement", "mandate", "forum", "partnership"):
        out["requested_by"] = _refs(model, nid, "requested_by", lang)
        out["approved_by"] = _refs(model, nid, "approved_by", lang)
        day = model.facts.value(rdflib.URIRef(nid), SK.approvedOn)
        out["approved_on"] = str(day) if day is not None else None
        if kind == "agreement":
            out["topics_of_agreement"] = _refs(model, nid, "handles", lang)
    if kind == "topic":
        out["broader"] = _skos(model, nid, SKOS.broader, lang, forward=True)
        out["narrower"] = _skos(model, nid, SKOS.broader, lang, forward=False)
        takers = {u for u, _, k in model.nx.in_edges(nid, keys=True) if k == "handles"}
        for t in _skos_ids(model, nid, SKOS.broader, forward=False):  # who took up its narrower topics
            takers |= {u for u, _, k in g.in_edges(t, keys=True) if k == "handles"}
        out["taken_up_by"] = [
            {**model.ref(u, lang), "approved_by": _refs(model, u, "approved_by", lang), "text": _comment(g, u, lang)}
            for u in sorted(takers)
        ]
    return {k: v for k, v in out.items() if v not in (None, [], {})}


def _decision(model: Model, d: str, body: str, lang: str) -> dict[str, Any]:
    data = model.nx.nodes[d]
    day = model.facts.value(rdflib.URIRef(d), SK.approvedOn)
    return {
        **model.ref(d, lang),
        "approved_by": model.ref(body, lang),
        "approved_on": str(day) if day is not None else None,
        "status": data.get("status"),
        "scenario": data.get("scenario"),
        "text": _comment(model.nx, d, lang) or _facts_comment(model, d, lang),
    }


def _linked_to(model: Model, nid: str) -> list[str]:
    node = rdflib.URIRef(nid)
    return sorted({str(s) for s in model.facts.subjects(ORG.linkedTo, node) if str(s) in model.nx})


def _linked(model: Model, x: str, lang: str) -> dict[str, Any]:
    """A collaboration linked to the cluster, with what its description says (e.g. the target group)."""
    g = model.nx
    texts = _comment(g, x, lang)
    for _, m, k in g.out_edges(x, keys=True):
        if k == "has_mandate":
            texts += _facts_comment(model, m, lang)
    return {**model.ref(x, lang), "status": g.nodes[x].get("status"), "text": texts}


def _refs(model: Model, nid: str, kind: str, lang: str) -> list[dict[str, Any]]:
    return [model.ref(v, lang) for v in sorted(v for _, v, k in model.nx.out_edges(nid, keys=True) if k == kind)]


def _skos_ids(model: Model, nid: str, pred: Any, *, forward: bool) -> list[str]:
    node = rdflib.URIRef(nid)
    found = model.facts.objects(node, pred) if forward else model.facts.subjects(pred, node)
    return sorted(str(x) for x in found if str(x) in model.nx)


def _skos(model: Model, nid: str, pred: Any, lang: str, *, forward: bool) -> list[dict[str, Any]]:
    return [model.ref(x, lang) for x in _skos_ids(model, nid, pred, forward=forward)]


def _comment(g: Any, nid: str, lang: str) -> list[str]:
    pairs = g.nodes[nid].get("comment") or {}
    return list(pairs.get(lang) or pairs.get("da") or [])


def _facts_comment(model: Model, nid: str, lang: str) -> list[str]:
    return [str(c) for c in model.facts.objects(rdflib.URIRef(nid), RDFS.comment) if _lang_ok(c, lang)]


def _lang_ok(lit: Any, lang: str) -> bool:
    return getattr(lit, "language", None) in (lang, None)
