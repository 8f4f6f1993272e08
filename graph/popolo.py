"""Popolo JSON (popoloproject.com): organisations, posts, persons and memberships, as civic-tech tools read them.

Popolo is itself built on W3C ORG, so the mapping is direct: every organisation, unit, forum, cluster and
partnership is a Popolo ``organization`` (``classification`` = our kind, or the forum's kind), every seat or
post a ``post``, a person holding a post a ``membership`` with ``person_id`` and ``post_id``, and an
organisation that is a member of a collaboration a ``membership`` whose ``member`` is that organisation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from graph.exporting import ExportFormat, register
from graph.model import Model
from ontology.namespace import ID

__all__ = ["ORGANISATION_KINDS", "popolo"]

ORGANISATION_KINDS = frozenset({"organisation", "unit", "forum", "cluster", "partnership", "collaboration"})


def _date(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def _dated(record: dict[str, Any], attrs: dict[str, Any], start: str, end: str) -> dict[str, Any]:
    if (d := _date(attrs.get("valid_from"))) is not None:
        record[start] = d
    if (d := _date(attrs.get("valid_until"))) is not None:
        record[end] = d
    return record


def _sources(model: Model, attrs: dict[str, Any]) -> list[dict[str, str]]:
    out = []
    for ref in model.sources_of(attrs.get("sources", ())):
        note = ref.title + (f" – {ref.section}" if ref.section else "")
        out.append({"url": ref.id, "note": note + (f" ({ref.url})" if ref.url else "")})
    return out


def _minted(kind: str, u: str, v: str) -> str:
    """A stable IRI for a relation the data states without a node of its own."""
    return f"{ID}{kind}/{hashlib.sha256(f'{u} {v}'.encode()).hexdigest()[:16]}"


def popolo_document(model: Model) -> dict[str, list[dict[str, Any]]]:
    """The map as one Popolo document (plain dicts, sorted by id)."""
    g = model.nx
    organizations: list[dict[str, Any]] = []
    posts: list[dict[str, Any]] = []
    persons: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    post_org: dict[str, str] = {}
    for nid, attrs in sorted(g.nodes(data=True)):
        kind = attrs.get("kind")
        if kind in ORGANISATION_KINDS:
            org: dict[str, Any] = {
                "id": nid,
                "name": attrs.get("label", nid),
                "classification": attrs.get("forum_kind") or kind,
            }
            if attrs.get("label_en") and attrs["label_en"] != org["name"]:
                org["other_names"] = [{"name": attrs["label_en"], "note": "en"}]
            parents = sorted(v for _, v, k in g.out_edges(nid, keys=True) if k == "part_of")
            if parents:
                org["parent_id"] = parents[0]
            org = _dated(org, attrs, "founding_date", "dissolution_date")
            if attrs.get("status"):
                org["status"] = attrs["status"]
            org["sources"] = _sources(model, attrs)
            organizations.append(org)
        elif kind == "post":
            where = sorted(v for _, v, k in g.out_edges(nid, keys=True) if k == "post_in")
            post: dict[str, Any] = {"id": nid, "label": attrs.get("label", nid)}
            if attrs.get("role"):
                post["role"] = attrs["role"]
            if where:
                post["organization_id"] = post_org[nid] = where[0]
            post["sources"] = _sources(model, attrs)
            posts.append(_dated(post, attrs, "start_date", "end_date"))
        elif kind == "person":
            persons.append({"id": nid, "name": attrs.get("label", nid)})
    for u, v, k, attrs in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        if k == "holds":
            m: dict[str, Any] = {"id": attrs.get("via") or _minted("besaettelse", u, v), "person_id": u, "post_id": v}
            if v in post_org:
                m["organization_id"] = post_org[v]
            if g.nodes[v].get("role"):
                m["role"] = g.nodes[v]["role"]
            memberships.append(_dated(m, attrs, "start_date", "end_date"))
        elif k == "member_of" and g.nodes[u].get("kind") in ORGANISATION_KINDS:
            m = {
                "id": attrs.get("via") or _minted("medlemskab", u, v),
                "member": {"@type": "Organization", "id": u},
                "organization_id": v,
            }
            if attrs.get("role"):
                m["role"] = str(attrs["role"])
            if attrs.get("sources"):
                m["sources"] = _sources(model, attrs)
            memberships.append(_dated(m, attrs, "start_date", "end_date"))
    return {"organizations": organizations, "posts": posts, "persons": persons, "memberships": memberships}


def popolo(model: Model) -> bytes:
    return json.dumps(popolo_document(model), ensure_ascii=False, indent=1).encode("utf-8")


register(
    ExportFormat(
        "popolo",
        "application/json",
        "popolo.json",
        {
            "da": "Popolo JSON: organisationer, poster, personer og medlemskaber",
            "en": "Popolo JSON: organizations, posts, persons and memberships",
        },
        popolo,
        reads_back=True,  # graph.popolo_reader
    )
)
