"""Edits turned into exact triples: a batch becomes one ``Delta`` (triples to add and to remove).

Built only from terms the program makes: IRIs minted under ``id:`` (slug + short uuid), entities
found with ``model.resolve``, and ``Literal``s for user text. Nothing is deleted when something ends:
``end`` sets ``sk:validUntil`` and ``sk:status sk:Ended``. Every touched entity cites a fresh
``sk:SourceSection`` that says when and why it changed (who: in the change log).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from rdflib import Graph, URIRef
from rdflib import Literal as Lit
from rdflib.term import Node

from graph.changelog import Triple, slug
from graph.editing import (
    ChangeEntity,
    CreateChannel,
    CreateContactPoint,
    CreateForum,
    CreateMembership,
    CreateOrganisation,
    CreateSeat,
    CreateTopic,
    EndEntity,
    FillSeat,
    LinkTopic,
    UnlinkTopic,
    VacateSeat,
    edit_adapter,
)
from graph.errors import EditRejected, EntityNotFound
from graph.model import Model
from ontology import codes
from ontology.namespace import DCTERMS, FOAF, ID, ORG, PROV, RDF, SK, SKOS, VCARD

__all__ = ["CODES", "Delta", "plan_edits", "source_triples"]


def _terms(scheme: str, *leave_out: str) -> dict[str, URIRef]:
    """Code → vocabulary term for a scheme of the one codes table (``ontology.codes``)."""
    return {c.code: URIRef(c.iri) for c in codes.entries(scheme) if c.code not in leave_out}


_STATUS = _terms("status")
_SECTOR = _terms("sector")
_ROLE = _terms("role")
_STATE = _terms("state")
_OCCUPANCY = _terms("occupancy", "held")  # a seat is held by filling it (``FillSeat``), not by a code
# Entity classes an edit may create (the codes table names kinds, not these subclasses).
_ORG_TYPE = {
    "organisation": ORG.Organization,
    "unit": ORG.OrganizationalUnit,
    "municipality": SK.Municipality,
    "region": SK.Region,
    "hospital": SK.Hospital,
    "psychiatric_service": SK.PsychiatricService,
    "general_practice": SK.GeneralPractice,
    "national_body": SK.NationalBody,
}
_FORUM_TYPE = {
    "implementation_group": SK.ImplementationGroup,
    "cluster_steering_group": SK.ClusterSteeringGroup,
    "steering_group": SK.SteeringGroup,
    "committee": SK.Committee,
    "administrative_forum": SK.AdministrativeForum,
    "working_group": SK.WorkingGroup,
    "partnership": SK.Partnership,
}
# The code words edits take (``"active"``, ``"working_group"``) and the vocabulary terms they stand for;
# forms show the terms' Danish/English labels (``graph.sheet_schema.term_label``).
CODES: dict[str, dict[str, URIRef]] = {
    "status": _STATUS,
    "sector": _SECTOR,
    "role": _ROLE,
    "state": _STATE,
    "occupancy": _OCCUPANCY,
    "org_type": _ORG_TYPE,
    "forum_type": _FORUM_TYPE,
}
_BODIES = ("organisation", "unit", "forum", "cluster", "partnership", "collaboration")


@dataclass
class Delta:
    """The exact change to the data graph, plus what the validator and the log need."""

    added: set[Triple] = field(default_factory=set)
    removed: set[Triple] = field(default_factory=set)
    focus: set[URIRef] = field(default_factory=set)
    created: list[str] = field(default_factory=list)
    source: set[Triple] = field(default_factory=set)

    def effective(self, g: Graph) -> tuple[list[Triple], list[Triple]]:
        """(added, removed) as they would really change ``g``: no-ops dropped, sorted."""
        added = sorted((t for t in self.added if t not in g), key=str)
        removed = sorted((t for t in self.removed if t in g and t not in self.added), key=str)
        return added, removed


def plan_edits(
    model: Model, edits: Sequence[Any], *, user: str, reason: str, at: dt.datetime, change_iri: str
) -> Delta:
    """Turn a batch of edits into one delta (raises EntityNotFound/AmbiguousEntity/EditRejected)."""
    items = edit_adapter.validate_python([e.model_dump() if isinstance(e, BaseModel) else e for e in edits])
    b = _Builder(model, Delta(), at.date())
    b.source_doc(change_iri, user, reason, at)
    for edit in items:
        handler = getattr(b, "do_" + edit.op)
        handler(edit)
    substantive = b.delta.added - b.delta.source
    if not substantive and not b.delta.removed:
        raise EditRejected("the edits would change nothing")
    return b.delta


def source_triples(change_iri: str, reason: str, at: dt.datetime) -> tuple[URIRef, set[Triple]]:
    """One source document per change, so every edited fact still cites when and why: (section, triples).

    Who made the change is kept in the change log (editors only), not in the public source title.
    """
    token = change_iri.rsplit("/", 1)[-1]
    doc, section = ID[f"kilde/redigering/{token}"], ID[f"kilde/redigering/{token}/begrundelse"]
    triples: set[Triple] = {
        (doc, RDF.type, SK.SourceDocument),
        (doc, DCTERMS.title, Lit(f"Redigering i samarbejdskort {at.date().isoformat()}", lang="da")),
        (doc, DCTERMS.title, Lit(f"Edit in samarbejdskort {at.date().isoformat()}", lang="en")),
        (doc, DCTERMS.date, Lit(at.date())),
        (doc, PROV.wasGeneratedBy, URIRef(change_iri)),
        (section, RDF.type, SK.SourceSection),
        (section, SK.section, Lit(reason)),
        (section, DCTERMS.isPartOf, doc),
    }
    return section, triples


class _Builder:
    """Collects triples for one batch; knows the current graph and what the batch already minted."""

    def __init__(self, model: Model, delta: Delta, today: dt.date) -> None:
        self.model, self.g, self.delta, self.today = model, model.rdf, delta, today
        self.minted: dict[str, URIRef] = {}
        self.section: URIRef = ID["x"]

    # ------------------------------------------------------------------ primitives
    def add(self, s: URIRef, p: URIRef, o: Node) -> None:
        self.delta.added.add((s, p, o))

    def replace(self, s: URIRef, p: URIRef, o: Node | None, *, lang: str | None = None) -> None:
        """Make ``o`` the only value of ``p`` (of language ``lang`` when given); None removes them all."""

        def same_lang(v: Node) -> bool:
            return lang is None or (isinstance(v, Lit) and v.language == lang)

        for old in list(self.g.objects(s, p)):
            if same_lang(old):
                self.delta.removed.add((s, p, old))
        for t in [t for t in self.delta.added if t[0] == s and t[1] == p and same_lang(t[2])]:
            self.delta.added.discard(t)
        if o is not None:
            self.add(s, p, o)

    def mint(self, prefix: str, label: str, ref: str | None) -> URIRef:
        iri = ID[f"{prefix}/{slug(label)}-{uuid.uuid4().hex[:8]}"]
        if ref is not None:
            if ref in self.minted:
                raise EditRejected(f"'#{ref}' is named twice in the batch")
            self.minted[ref] = iri
        self.delta.created.append(str(iri))
        self.delta.focus.add(iri)
        return iri

    def ref(self, text: str, kinds: Iterable[str] | None, what: str) -> URIRef:
        """A local '#name', an IRI of a typed entity, or a name resolved by the model's index."""
        if text.startswith("#"):
            if text[1:] not in self.minted:
                raise EntityNotFound(text, what=what)
            return self.minted[text[1:]]
        allowed = set(kinds) if kinds is not None else None
        if text in self.model.nx:
            if allowed is not None and self.model.nx.nodes[text]["kind"] not in allowed:
                raise EditRejected(f"{what} must be one of {sorted(allowed)}, not {self.model.nx.nodes[text]['kind']}")
            iri = text
        elif allowed is None and re.match(r"^https?://", text) and (URIRef(text), RDF.type, None) in self.g:
            iri = text  # memberships, reporting lines: typed but not nodes of the projection
        else:
            iri = self.model.resolve(text, kinds=kinds)
        if not re.match(r"^[a-z][a-z0-9+.-]*:", iri):
            raise EditRejected(f"{what} '{text}' has no IRI (blank node) and cannot be edited")
        return URIRef(iri)

    def labels(self, s: URIRef, da: str | None, en: str | None) -> None:
        if da is not None:
            self.replace(s, SKOS.prefLabel, Lit(da, lang="da"), lang="da")
        if en is not None:
            self.replace(s, SKOS.prefLabel, Lit(en, lang="en"), lang="en")

    def sourced(self, s: URIRef) -> None:
        self.add(s, PROV.wasDerivedFrom, self.section)
        self.delta.focus.add(s)

    def source_doc(self, change_iri: str, user: str, reason: str, at: dt.datetime) -> None:
        self.section, triples = source_triples(change_iri, reason, at)
        self.delta.added |= triples
        self.delta.source |= triples

    def lifecycle(self, s: URIRef, status: str | None, valid_from: dt.date | None) -> None:
        if status is not None:
            self.replace(s, SK.status, _STATUS[status])
        if valid_from is not None:
            self.replace(s, SK.validFrom, Lit(valid_from))

    # ------------------------------------------------------------------ edits
    def do_create_organisation(self, e: CreateOrganisation) -> None:
        s = self.mint("organisation", e.label_da, e.ref)
        self.add(s, RDF.type, _ORG_TYPE[e.type])
        self.labels(s, e.label_da, e.label_en)
        self.add(s, SK.sector, _SECTOR[e.sector])
        if e.abbreviation:
            self.add(s, SK.abbreviation, Lit(e.abbreviation))
        if e.part_of:
            parent = self.ref(e.part_of, _BODIES, "part_of")
            self.add(s, ORG.unitOf if e.type == "unit" else ORG.subOrganizationOf, parent)
        self.lifecycle(s, None, e.valid_from)
        self.sourced(s)

    def do_create_forum(self, e: CreateForum) -> None:
        s = self.mint("forum", e.label_da, e.ref)
        self.add(s, RDF.type, _FORUM_TYPE[e.type])
        self.labels(s, e.label_da, e.label_en)
        self.add(s, SK.sector, SK.SectorCrossSector)
        self.lifecycle(s, e.status, e.valid_from)
        if e.part_of:
            self.add(s, ORG.subOrganizationOf, self.ref(e.part_of, _BODIES, "part_of"))
        if e.secretariat_in:
            self.add(s, SK.secretariatIn, self.ref(e.secretariat_in, _BODIES, "secretariat_in"))
        if e.reports_to:
            target = self.ref(e.reports_to, _BODIES, "reports_to")
            line = self.mint("linje", f"{e.label_da} rapporterer", None)
            self.add(line, RDF.type, SK.ReportingLine)
            self.add(line, SK.fromBody, s)
            self.add(line, SK.toBody, target)
            self.add(line, SK.lineKind, ORG.reportsTo)
            self.add(line, SK.status, _STATUS[e.status])
            self.sourced(line)
        self.sourced(s)

    def do_create_seat(self, e: CreateSeat) -> None:
        forum = self.ref(e.forum, _BODIES, "forum")
        s = self.mint("plads", e.label_da, e.ref)
        self.add(s, RDF.type, SK.Seat)
        self.labels(s, e.label_da, e.label_en)
        self.add(s, ORG.postIn, forum)
        self.add(s, ORG.role, _ROLE[e.role])
        self.add(s, SK.occupancy, _OCCUPANCY[e.occupancy])
        if e.on_behalf_of:
            self.add(s, SK.onBehalfOf, self.ref(e.on_behalf_of, _BODIES, "on_behalf_of"))
        if e.seats_min is not None:
            self.add(s, SK.seatsMin, Lit(e.seats_min))
        if e.seats_max is not None:
            self.add(s, SK.seatsMax, Lit(e.seats_max))
        if e.decision_authority is not None:
            self.add(s, SK.requiresDecisionAuthority, Lit(e.decision_authority))
        self.sourced(s)
        self.delta.focus.add(forum)

    def do_fill_seat(self, e: FillSeat) -> None:
        seat = self.ref(e.seat, ("post",), "seat")
        holders: set[Triple] = {(seat, ORG.heldBy, o) for o in self.g.objects(seat, ORG.heldBy)}
        holders |= {(p, ORG.holds, seat) for p in self.g.subjects(ORG.holds, seat)}
        held = bool(holders - self.delta.removed)  # a vacate_seat earlier in the batch frees it
        if held or any(t[:2] == (seat, ORG.heldBy) for t in self.delta.added):
            raise EditRejected("the seat already has a holder; vacate it first in the same batch (vacate_seat)")
        person = self.mint("person", e.name, e.ref)
        self.add(person, RDF.type, FOAF.Person)
        self.add(person, FOAF.name, Lit(e.name))
        if e.email or e.phone:
            cp = ID[f"{str(person)[len(str(ID)) :]}/kontakt"]
            self.add(person, SK.contactPoint, cp)
            self.add(cp, RDF.type, SK.ContactPoint)
            self.add(cp, SKOS.prefLabel, Lit(f"Kontaktoplysninger: {e.name}", lang="da"))
            self.add(cp, SKOS.prefLabel, Lit(f"Contact details: {e.name}", lang="en"))
            self.add(cp, SK.functional, Lit(False))
            if e.email:
                self.add(cp, VCARD.hasEmail, URIRef(f"mailto:{e.email}"))
            if e.phone:
                self.add(cp, VCARD.hasTelephone, URIRef("tel:" + e.phone.replace(" ", "")))
            self.sourced(cp)
        self.add(seat, ORG.heldBy, person)
        self.replace(seat, SK.occupancy, SK.Held)
        self.sourced(person)
        self.sourced(seat)

    def do_vacate_seat(self, e: VacateSeat) -> None:
        seat = self.ref(e.seat, ("post",), "seat")
        self.replace(seat, ORG.heldBy, None)
        for person in self.g.subjects(ORG.holds, seat):
            self.delta.removed.add((person, ORG.holds, seat))
        self.replace(seat, SK.occupancy, SK.Vacant)
        self.sourced(seat)

    def do_create_membership(self, e: CreateMembership) -> None:
        member = self.ref(e.member, _BODIES, "member")
        body = self.ref(e.organisation, _BODIES, "organisation")
        s = self.mint("medlemskab", f"{self.model.label(str(member))} i {self.model.label(str(body))}", e.ref)
        self.add(s, RDF.type, ORG.Membership)
        self.add(s, ORG.member, member)
        self.add(s, ORG.organization, body)
        if e.role:
            self.add(s, ORG.role, _ROLE[e.role])
        self.lifecycle(s, e.status, e.valid_from)
        self.sourced(s)
        self.delta.focus |= {member, body}

    def do_create_channel(self, e: CreateChannel) -> None:
        s = self.mint("kanal", e.label_da, e.ref)
        self.add(s, RDF.type, SK.Channel)
        self.labels(s, e.label_da, e.label_en)
        self.add(s, SK.channelFrom, self.ref(e.channel_from, _BODIES, "channel_from"))
        for target in e.channel_to:
            self.add(s, SK.channelTo, self.ref(target, _BODIES, "channel_to"))
        self.add(s, SK.channelState, _STATE[e.state])
        for topic in e.topics:
            self.add(s, SK.handlesTopic, self.ref(topic, ("topic",), "topic"))
        for lang, texts in (("da", e.conditions_da), ("en", e.conditions_en)):
            for text in texts:
                self.add(s, SK.condition, Lit(text, lang=lang))
        self.sourced(s)

    def do_create_contact_point(self, e: CreateContactPoint) -> None:
        if not (e.email or e.phone or e.url):
            raise EditRejected("a contact point needs an e-mail address, a phone number or a web address")
        owner = self.ref(e.entity, None, "entity")
        s = self.mint("kontakt", e.label_da, e.ref)
        self.add(s, RDF.type, SK.ContactPoint)
        self.labels(s, e.label_da, e.label_en)
        self.add(s, SK.functional, Lit(e.functional))
        if e.email:
            self.add(s, VCARD.hasEmail, URIRef(f"mailto:{e.email}"))
        if e.phone:
            self.add(s, VCARD.hasTelephone, URIRef("tel:" + e.phone.replace(" ", "")))
        if e.url:
            self.add(s, VCARD.hasURL, URIRef(e.url))
        self.add(owner, SK.contactPoint, s)
        self.sourced(s)
        self.sourced(owner)

    def do_create_topic(self, e: CreateTopic) -> None:
        s = self.mint("emne", e.label_da, e.ref)
        self.add(s, RDF.type, SKOS.Concept)
        self.add(s, SKOS.inScheme, SK.topics)
        self.labels(s, e.label_da, e.label_en)
        for alt in e.alt_labels:
            self.add(s, SKOS.altLabel, Lit(alt, lang="da"))
        self.sourced(s)

    def do_link_topic(self, e: LinkTopic) -> None:
        entity = self.ref(e.entity, None, "entity")
        self.add(entity, SK.handlesTopic, self.ref(e.topic, ("topic",), "topic"))
        self.sourced(entity)

    def do_unlink_topic(self, e: UnlinkTopic) -> None:
        entity, topic = self.ref(e.entity, None, "entity"), self.ref(e.topic, ("topic",), "topic")
        if (entity, SK.handlesTopic, topic) not in self.g:
            raise EditRejected(f"'{e.entity}' is not linked to the topic '{e.topic}'")
        self.delta.removed.add((entity, SK.handlesTopic, topic))
        self.sourced(entity)

    def do_change(self, e: ChangeEntity) -> None:
        s = self.ref(e.entity, None, "entity")
        fields = e.model_dump(exclude={"op", "entity"}, exclude_none=True)
        if not fields:
            raise EditRejected("say what to change (label_da, label_en, status, sector, dates, state, occupancy)")
        self.labels(s, e.label_da, e.label_en)
        self.lifecycle(s, e.status, e.valid_from)
        if e.valid_until is not None:
            self.replace(s, SK.validUntil, Lit(e.valid_until))
        if e.sector is not None:
            self.replace(s, SK.sector, _SECTOR[e.sector])
        if e.state is not None:
            self.replace(s, SK.channelState, _STATE[e.state])
        if e.occupancy is not None:
            self.replace(s, SK.occupancy, _OCCUPANCY[e.occupancy])
        self.sourced(s)

    def do_end(self, e: EndEntity) -> None:
        s = self.ref(e.entity, None, "entity")
        self.replace(s, SK.validUntil, Lit(e.on or self.today))
        self.replace(s, SK.status, SK.Ended)
        self.sourced(s)
