"""Open Referral HSDS 1.x CSV folders (the Ohana layout) in: a service directory as part of the map.

An HSDS export is a folder of CSV files; ``--data FOLDER`` loads it as-is when the folder holds
``organizations.csv`` and ``services.csv``. The mapping:

* organisation → ``org:Organization``; location → ``org:OrganizationalUnit`` (``org:unitOf`` its organisation);
* service → ``sk:ContactPoint`` of its location (``sk:contactPoint``), with its e-mail, web site and phones
  (a service without phones of its own is reached by its location's voice phones: HSDS 1.x hangs most
  phones on locations; fax numbers are left out),
  handling a topic for each of its ``keywords`` and ``taxonomy_ids`` (what people ask about: "meals");
  a service whose status is not ``active`` is ``sk:Ended``;
* contact → a ``foaf:Person`` holding a post named by its title in the location (or organisation); its phones
  are the person's own and so never reach anonymous readers (``graph.privacy``);
* taxonomy → ``skos:Concept`` in a scheme of its own, ``skos:broader`` its parent.

Labels are English (``@en``): the data is. IRIs are minted under ``id:hsds/<folder>/``. A row that points at
a missing row, or a file without its required columns, is a ``DataFileError`` naming file and line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox

from graph.errors import DataFileError
from graph.importing import Reader, register_reader
from graph.text import ascii_fold
from ontology.iris import ID, ORG, RDF, RDFS, SK, SKOS, VCARD

__all__ = ["is_hsds_folder", "read_hsds"]

_REQUIRED = {
    "organizations.csv": ("id", "name"),
    "services.csv": ("id", "name"),
}
_OPTIONAL = ("locations.csv", "contacts.csv", "phones.csv", "taxonomy.csv")
_MAX_BYTES = 50 * 1024 * 1024
_ACTIVE = {"", "active"}
_Maker = Callable[[ox.NamedNode, object, ox.NamedNode | ox.Literal], ox.Triple]  # ``t`` in ``_triples``


def is_hsds_folder(path: Path) -> bool:
    try:
        names = {p.name.lower() for p in path.iterdir() if p.is_file()}
    except OSError:
        return False
    return {"organizations.csv", "services.csv"} <= names


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text.lower())).strip("-") or "x"


class _Rows:
    """The CSV files of one folder, each as (line, row) pairs; line is the 1-based line of the row."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def name(self, file: str) -> str:
        return str(self.folder / file)

    def __call__(self, file: str, required: tuple[str, ...] = ("id",)) -> list[tuple[int, dict[str, str]]]:
        path = self.folder / file
        if not path.exists():
            return []
        if path.stat().st_size > _MAX_BYTES:
            raise DataFileError(str(path), f"larger than {_MAX_BYTES // (1024 * 1024)} MB")
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataFileError(str(path), f"not UTF-8 text (offset {exc.start})") from None
        reader = csv.DictReader(io.StringIO(text, newline=""))
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise DataFileError(str(path), f"missing column(s) {', '.join(missing)} in the header", 1)
        rows = []
        for row in reader:
            clean = {k.strip(): (v or "").strip() for k, v in row.items() if isinstance(k, str)}
            if any(clean.values()):
                rows.append((reader.line_num, clean))
        return rows


def read_hsds(folder: Path) -> bytes:
    """The folder as N-Triples."""
    return ox.serialize(_triples(folder), format=ox.RdfFormat.N_TRIPLES) or b""


def _triples(folder: Path) -> Iterator[ox.Triple]:
    rows = _Rows(folder)
    base = f"{ID}hsds/{_slug(folder.resolve().name)}/"

    def iri(kind: str, key: str) -> ox.NamedNode:
        return ox.NamedNode(f"{base}{kind}/{_slug(key)}")

    def t(s: ox.NamedNode, p: object, o: ox.NamedNode | ox.Literal) -> ox.Triple:
        return ox.Triple(s, ox.NamedNode(str(p)), o)

    def en(text: str) -> ox.Literal:
        return ox.Literal(" ".join(text.split()), language="en")  # the sample has double spaces in names

    orgs = {r["id"]: (line, r) for line, r in rows("organizations.csv", _REQUIRED["organizations.csv"])}
    for key, (_, r) in orgs.items():
        s = iri("organization", key)
        yield t(s, RDF.type, ox.NamedNode(str(ORG.Organization)))
        yield t(s, SKOS.prefLabel, en(r["name"]))
        yield from _common(s, r, t, en)
    locations: dict[str, ox.NamedNode] = {}
    for line, r in rows("locations.csv", ("id", "organization_id", "name")):
        s = locations[r["id"]] = iri("location", r["id"])
        yield t(s, RDF.type, ox.NamedNode(str(ORG.OrganizationalUnit)))
        yield t(s, SKOS.prefLabel, en(r["name"] or f"Location {r['id']}"))
        yield t(s, ORG.unitOf, _ref(orgs, r["organization_id"], "organization", rows.name("locations.csv"), line, iri))
        yield from _common(s, r, t, en)

    scheme = ox.NamedNode(f"{base}taxonomy")
    yield t(scheme, RDF.type, ox.NamedNode(str(SKOS.ConceptScheme)))
    yield t(scheme, SKOS.prefLabel, en(f"Open Referral taxonomy ({folder.resolve().name})"))
    taxonomy = {r["taxonomy_id"]: r for _, r in rows("taxonomy.csv", ("taxonomy_id", "name"))}
    for key, r in taxonomy.items():
        s = iri("taxonomy", key)
        yield t(s, RDF.type, ox.NamedNode(str(SKOS.Concept)))
        yield t(s, SKOS.inScheme, scheme)
        yield t(s, SKOS.prefLabel, en(r["name"]))
        if r.get("parent_id") in taxonomy:
            yield t(s, SKOS.broader, iri("taxonomy", r["parent_id"]))

    services: dict[str, ox.NamedNode] = {}
    service_location: dict[str, str] = {}
    for line, r in rows("services.csv", _REQUIRED["services.csv"]):
        s = services[r["id"]] = iri("service", r["id"])
        yield t(s, RDF.type, ox.NamedNode(str(SK.ContactPoint)))
        yield t(s, SKOS.prefLabel, en(r["name"]))
        yield t(s, SK.status, ox.NamedNode(str(SK.Active if r.get("status", "").lower() in _ACTIVE else SK.Ended)))
        yield from _common(s, r, t, en)
        for field, text in (("eligibility", "Eligibility"), ("fees", "Fees"), ("application_process", "How to apply")):
            if r.get(field):
                yield t(s, RDFS.comment, en(f"{text}: {r[field]}"))
        if r.get("location_id"):
            service_location[r["id"]] = r["location_id"]
            where = _ref(locations, r["location_id"], "location", rows.name("services.csv"), line, iri)
            yield t(where, SK.contactPoint, s)
        for word in dict.fromkeys(w.strip() for w in r.get("keywords", "").split(",") if w.strip()):
            topic = iri("keyword", word)
            yield t(topic, RDF.type, ox.NamedNode(str(SKOS.Concept)))
            yield t(topic, SKOS.prefLabel, en(word))
            yield t(s, SK.handlesTopic, topic)
        for key in (k.strip() for k in r.get("taxonomy_ids", "").split(",") if k.strip()):
            if key not in taxonomy:
                raise DataFileError(rows.name("services.csv"), f"taxonomy id '{key}' is not in taxonomy.csv", line)
            yield t(s, SK.handlesTopic, iri("taxonomy", key))

    persons: dict[str, ox.NamedNode] = {}
    for line, r in rows("contacts.csv", ("id", "name")):
        person = persons[r["id"]] = iri("contact", r["id"])
        yield t(person, RDF.type, ox.NamedNode("http://xmlns.com/foaf/0.1/Person"))
        yield t(person, SKOS.prefLabel, ox.Literal(" ".join(r["name"].split())))
        body = (
            locations.get(r.get("location_id", ""))
            or (iri("organization", r["organization_id"]) if r.get("organization_id") in orgs else None)
            or services.get(r.get("service_id", ""))
        )
        if body is None:
            raise DataFileError(rows.name("contacts.csv"), "the contact names no known location or organisation", line)
        post = iri("post", r["id"])
        yield t(post, RDF.type, ox.NamedNode(str(ORG.Post)))
        yield t(post, SKOS.prefLabel, en(r.get("title") or "Contact"))
        yield t(post, ORG.postIn, body)
        yield t(post, ORG.heldBy, person)
        if r.get("email"):
            yield t(person, VCARD.hasEmail, ox.NamedNode(f"mailto:{r['email']}"))

    phones: dict[ox.NamedNode, list[ox.Literal]] = {}
    at_location: dict[str, list[ox.Literal]] = {}
    for _line, r in rows("phones.csv", ("id", "number")):
        if r.get("number_type", "voice") not in ("", "voice", "hotline", "sms", "tty"):
            continue  # fax numbers do not answer questions
        number = ox.Literal(" ".join(r["number"].split()) + (f" ext. {r['extension']}" if r.get("extension") else ""))
        owner = persons.get(r.get("contact_id", "")) or services.get(r.get("service_id", ""))
        if owner is not None:
            phones.setdefault(owner, []).append(number)
        elif r.get("location_id") in locations:
            at_location.setdefault(r["location_id"], []).append(number)
    for key, service in services.items():  # HSDS 1.x hangs most phones on the location a service is given at
        if service not in phones and service_location.get(key) in at_location:
            phones[service] = at_location[service_location[key]]
    for owner, numbers in phones.items():
        for number in numbers:
            yield t(owner, VCARD.hasTelephone, number)


def _common(s: ox.NamedNode, r: dict[str, str], t: _Maker, en: Callable[[str], ox.Literal]) -> Iterator[ox.Triple]:
    if r.get("alternate_name"):
        yield t(s, SKOS.altLabel, en(r["alternate_name"]))
    if r.get("description"):
        yield t(s, RDFS.comment, en(r["description"]))
    if r.get("email") and "@" in r["email"]:
        yield t(s, VCARD.hasEmail, ox.NamedNode(f"mailto:{r['email']}"))
    if r.get("website", "").startswith(("http://", "https://")):
        yield t(s, VCARD.hasURL, ox.NamedNode(r["website"]))


def _ref(
    known: Mapping[str, object], key: str, kind: str, file: str, line: int, iri: Callable[[str, str], ox.NamedNode]
) -> ox.NamedNode:
    if key not in known:
        raise DataFileError(file, f"{kind}_id '{key}' names no row of {kind}s", line)
    return iri(kind, key)


register_reader(
    Reader(
        "hsds",
        is_hsds_folder,
        read_hsds,
        {
            "da": "Open Referral HSDS-mappe (CSV): organisationer, steder, ydelser, kontakter, taksonomi",
            "en": "Open Referral HSDS folder (CSV): organisations, locations, services, contacts, taxonomy",
        },
        folder=True,
    )
)
