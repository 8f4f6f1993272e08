"""Popolo JSON in: a ``.json`` file with Popolo's top-level lists (and no ``@context``) loads with ``--data``.

The inverse of ``graph.popolo``: organizations → ``org:Organization`` (or the samarbejdskort class their
``classification`` names, so an exported map comes back with its forum kinds), ``parent_id`` →
``org:subOrganizationOf``, posts → ``org:Post`` ``org:postIn``, persons → ``foaf:Person``, a membership with a
person and a post → ``org:heldBy``, one whose member is an organisation → an ``org:Membership``. Dates become
``sk:validFrom``/``sk:validUntil``; a source URL becomes ``prov:wasDerivedFrom``. Ids that are IRIs are
kept; other ids are minted under ``id:popolo/<file>/``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox

from graph.errors import DataFileError
from graph.importing import Reader, register_reader
from ontology.iris import FOAF, ID, ORG, PROV, RDF, SK, SKOS, XSD

__all__ = ["is_popolo", "read_popolo"]

_KEYS = ("organizations", "persons", "memberships", "posts")
_KIND_CLASS = {
    "organisation": ORG.Organization,
    "unit": ORG.OrganizationalUnit,
    "cluster": SK.HealthCluster,
    "partnership": SK.Partnership,
    "collaboration": ORG.OrganizationalCollaboration,
    "forum": SK.Forum,
}
_FORUM_CLASSES = {"ImplementationGroup", "ClusterSteeringGroup", "SteeringGroup", "Committee",
                  "AdministrativeForum", "WorkingGroup"}  # fmt: skip
_STATUS = {"proposed": SK.Proposed, "approved": SK.Approved, "active": SK.Active, "ended": SK.Ended,
           "rejected": SK.Rejected}  # fmt: skip
_ROLE = {"chair": SK.ChairRole, "co_chair": SK.CoChairRole, "secretary": SK.SecretaryRole, "member": SK.MemberRole,
         "project_leader": SK.ProjectLeaderRole}  # fmt: skip
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_popolo(path: Path) -> bool:
    if path.suffix.lower() != ".json" or not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return b'"@context"' not in head and any(f'"{k}"'.encode() in head for k in _KEYS)


def read_popolo(path: Path) -> bytes:
    try:
        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise DataFileError(str(path), f"not UTF-8 text (offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(str(path), f"JSON syntax error: {exc.msg}", exc.lineno) from None
    if not isinstance(doc, dict) or not any(isinstance(doc.get(k), list) for k in _KEYS):
        raise DataFileError(str(path), "not a Popolo document (no organizations, persons, posts or memberships list)")
    return ox.serialize(_triples(doc, path), format=ox.RdfFormat.N_TRIPLES) or b""


def _triples(doc: dict[str, Any], path: Path) -> Iterator[ox.Triple]:
    base = f"{ID}popolo/{quote(path.stem.replace('.popolo', ''), safe='')}/"

    def iri(value: Any, where: str) -> ox.NamedNode:
        if not isinstance(value, str) or not value.strip():
            raise DataFileError(str(path), f"{where}: missing or empty id")
        v = value.strip()
        try:
            return ox.NamedNode(v if re.match(r"^[a-z][a-z0-9+.-]*:\S+$", v, re.I) else base + quote(v, safe=""))
        except ValueError as exc:
            raise DataFileError(str(path), f"{where}: '{v[:80]}' is not a valid IRI ({exc})") from None

    def t(s: ox.NamedNode, p: object, o: ox.NamedNode | ox.Literal) -> ox.Triple:
        return ox.Triple(s, ox.NamedNode(str(p)), o)

    def dates(s: ox.NamedNode, rec: dict[str, Any], start: str, end: str) -> Iterator[ox.Triple]:
        for key, pred in ((start, SK.validFrom), (end, SK.validUntil)):
            if isinstance(rec.get(key), str) and _DATE.match(rec[key]):
                yield t(s, pred, ox.Literal(rec[key], datatype=ox.NamedNode(str(XSD.date))))

    def sources(s: ox.NamedNode, rec: dict[str, Any]) -> Iterator[ox.Triple]:
        for src in _list(rec, "sources"):
            url = _text(src, "url") if isinstance(src, dict) else ""
            if ":" in url:
                try:
                    source = ox.NamedNode(url)
                except ValueError:
                    continue  # a reference that is no IRI ("see: page 4") is left out, like one without a colon
                yield t(s, PROV.wasDerivedFrom, source)

    for i, org in enumerate(_records(doc, "organizations", path)):
        s = iri(org.get("id"), f"organizations[{i}]")
        cls = _text(org, "classification")
        yield t(
            s,
            RDF.type,
            ox.NamedNode(str(getattr(SK, cls) if cls in _FORUM_CLASSES else _KIND_CLASS.get(cls, ORG.Organization))),
        )
        yield t(s, SKOS.prefLabel, ox.Literal(str(org.get("name") or org["id"]), language="da"))
        for other in _list(org, "other_names"):
            name = _text(other, "name") if isinstance(other, dict) else ""
            if name:
                lang = _text(other, "note")
                yield t(
                    s,
                    SKOS.prefLabel if lang == "en" else SKOS.altLabel,
                    ox.Literal(name, language="en" if lang == "en" else "da"),
                )
        if org.get("parent_id"):
            yield t(s, ORG.subOrganizationOf, iri(org["parent_id"], f"organizations[{i}].parent_id"))
        status = _text(org, "status")
        if status in _STATUS:
            yield t(s, SK.status, ox.NamedNode(str(_STATUS[status])))
        yield from dates(s, org, "founding_date", "dissolution_date")
        yield from sources(s, org)
    for i, post in enumerate(_records(doc, "posts", path)):
        s = iri(post.get("id"), f"posts[{i}]")
        yield t(s, RDF.type, ox.NamedNode(str(ORG.Post)))
        yield t(s, SKOS.prefLabel, ox.Literal(str(post.get("label") or post["id"]), language="da"))
        if post.get("organization_id"):
            yield t(s, ORG.postIn, iri(post["organization_id"], f"posts[{i}].organization_id"))
        role = _text(post, "role")
        if role in _ROLE:
            yield t(s, ORG.role, ox.NamedNode(str(_ROLE[role])))
        yield from dates(s, post, "start_date", "end_date")
        yield from sources(s, post)
    for i, person in enumerate(_records(doc, "persons", path)):
        s = iri(person.get("id"), f"persons[{i}]")
        yield t(s, RDF.type, ox.NamedNode(str(FOAF.Person)))
        yield t(s, SKOS.prefLabel, ox.Literal(str(person.get("name") or person["id"])))
    for i, m in enumerate(_records(doc, "memberships", path)):
        where = f"memberships[{i}]"
        if m.get("person_id") and m.get("post_id"):
            yield t(iri(m["post_id"], where), ORG.heldBy, iri(m["person_id"], where))
            continue
        member = m.get("member")
        if not isinstance(member, dict):
            member = {"id": m.get("person_id")}
        s = iri(m.get("id"), where)
        yield t(s, RDF.type, ox.NamedNode(str(ORG.Membership)))
        yield t(s, ORG.member, iri(member.get("id"), f"{where}.member"))
        yield t(s, ORG.organization, iri(m.get("organization_id"), f"{where}.organization_id"))
        yield from dates(s, m, "start_date", "end_date")
        yield from sources(s, m)


def _text(rec: dict[str, Any], key: str) -> str:
    """A field Popolo gives as a string; anything else (absent, a number, a list) reads as "", like an
    unknown value, so a stray type in an optional field never stops a file from loading."""
    value = rec.get(key)
    return value if isinstance(value, str) else ""


def _list(rec: dict[str, Any], key: str) -> list[Any]:
    """A field Popolo gives as a list (``other_names``, ``sources``); anything else reads as empty."""
    value = rec.get(key)
    return value if isinstance(value, list) else []


def _records(doc: dict[str, Any], key: str, path: Path) -> list[dict[str, Any]]:
    value = doc.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise DataFileError(str(path), f"'{key}' must be a list of objects")
    return value


register_reader(
    Reader(
        "popolo",
        is_popolo,
        read_popolo,
        {"da": "Popolo JSON (organisationer, poster, personer, medlemskaber)", "en": "Popolo JSON"},
    )
)
