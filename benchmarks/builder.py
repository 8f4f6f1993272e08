"""Building blocks of a synthetic structure: one method per kind of node, as docs/data-conventions.md says.

A :class:`Builder` appends finished subject blocks to ``out``; the caller drains them after each region, so
the whole structure is never held in memory. Every typed node derives from the current source section.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ontology.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SK, SKOS, VCARD

from .rdf_text import Block, boolean, date, integer, iri, lit, node
from .topic_table import TOPICS, UNIT_TOPICS

__all__ = ["Builder", "Org", "Pairs", "T"]

Pairs = list[tuple[str, str]]
_ID_PREFIX = node("")[:-1]


class _Terms:
    """N-Triples forms of every vocabulary term the generator writes (looked up once)."""

    def __init__(self, names: Iterable[tuple[str, object]]) -> None:
        for name, value in names:
            setattr(self, name, iri(str(value)))

    def __getattr__(self, name: str) -> str:  # pragma: no cover - only reached on a typo
        raise AttributeError(name)


_SK_TERMS = [name for name in SK.__annotations__]
#: Properties and classes: ``T.sk_seatsMin``, ``T.org_postIn`` …
T = _Terms(
    [(f"sk_{name}", SK[name]) for name in _SK_TERMS]
    + [
        (f"org_{name}", ORG[name])
        for name in (
            "Organization",
            "OrganizationalUnit",
            "Membership",
            "member",
            "organization",
            "unitOf",
            "subOrganizationOf",
            "postIn",
            "role",
            "heldBy",
            "reportsTo",
        )
    ]
    + [
        ("a", RDF.type),
        ("prefLabel", SKOS.prefLabel),
        ("altLabel", SKOS.altLabel),
        ("inScheme", SKOS.inScheme),
        ("Concept", SKOS.Concept),
        ("derived", PROV.wasDerivedFrom),
        ("title", DCTERMS.title),
        ("dct_date", DCTERMS.date),
        ("isPartOf", DCTERMS.isPartOf),
        ("description", DCTERMS.description),
        ("comment", RDFS.comment),
        ("Person", FOAF.Person),
        ("name", FOAF.name),
        ("hasEmail", VCARD.hasEmail),
    ]
)


class Org(NamedTuple):
    """An organisation, unit or forum written to the output, with the labels other nodes quote."""

    iri: str
    da: str
    en: str

    @property
    def local(self) -> str:
        """The IRI relative to ``id:`` (``syn/region/3``), to name the nodes that belong to this one."""
        return self.iri[len(_ID_PREFIX) : -1]


@dataclass
class Builder:
    """Appends blocks to ``out``; all choices come from ``rng`` so a seed fixes the output."""

    rng: random.Random
    doc: str
    out: list[Block] = field(default_factory=list)
    section: str = ""
    _counters: dict[str, int] = field(default_factory=dict)
    _people: dict[str, list[str]] = field(default_factory=dict)

    # ------------------------------------------------------------------ plumbing

    def drain(self) -> list[Block]:
        blocks, self.out = self.out, []
        self._people.clear()  # people are reused within a region only; keeps memory flat
        return blocks

    def next(self, key: str) -> int:
        self._counters[key] = self._counters.get(key, 0) + 1
        return self._counters[key]

    def emit(self, subject: str, pairs: Pairs) -> str:
        self.out.append((subject, pairs))
        return subject

    def typed(
        self, local: str, kind: str, da: str | None, en: str | None, extra: Sequence[tuple[str, str]] = ()
    ) -> str:
        pairs: Pairs = [(T.a, kind)]
        if da is not None:
            pairs.append((T.prefLabel, lit(da, "da")))
        if en is not None:
            pairs.append((T.prefLabel, lit(en, "en")))
        pairs.extend(extra)
        pairs.append((T.derived, self.section))
        return self.emit(node(local), pairs)

    def open_section(self, heading: str) -> str:
        """Start a new sk:SourceSection of the synthetic document; later nodes derive from it."""
        number = self.next("section")
        self.section = self.emit(
            f"{self.doc[:-1]}/afsnit-{number}>",
            [
                (T.a, T.sk_SourceSection),
                (T.sk_section, lit(f"{number}. {heading}", "da")),
                (T.isPartOf, self.doc),
            ],
        )
        return self.section

    # ------------------------------------------------------------------ small random helpers

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, options: Sequence[str], k: int) -> list[str]:
        return self.rng.sample(list(options), min(k, len(options)))

    def day(self, first_year: int, last_year: int) -> str:
        return date(self.rng.randint(first_year, last_year), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def topics(self, unit_kind: str, low: int = 1, high: int = 3) -> Pairs:
        """``sk:handlesTopic`` pairs for a few topics a unit of this kind plausibly handles."""
        chosen = self.pick(UNIT_TOPICS[unit_kind], self.rng.randint(low, high))
        return [(T.sk_handlesTopic, node(f"syn/emne/{slug}")) for slug in chosen]

    def lifecycle(self, p_status: float = 0.5) -> Pairs:
        """Optional sk:status with sk:validFrom / sk:validUntil matching it."""
        if not self.chance(p_status):
            return []
        roll = self.rng.random()
        if roll < 0.80:
            return [(T.sk_status, T.sk_Active), (T.sk_validFrom, self.day(2015, 2024))]
        if roll < 0.88:
            return [(T.sk_status, T.sk_Approved), (T.sk_validFrom, self.day(2025, 2026))]
        if roll < 0.95:
            return [(T.sk_status, T.sk_Proposed)]
        return [
            (T.sk_status, T.sk_Ended),
            (T.sk_validFrom, self.day(2012, 2016)),
            (T.sk_validUntil, self.day(2018, 2023)),
        ]

    # ------------------------------------------------------------------ node kinds

    def write_topics(self) -> None:
        """The shared SKOS topic scheme (written once, first)."""
        for topic in TOPICS:
            extra: Pairs = [(T.inScheme, T.sk_topics)]
            extra += [(T.altLabel, lit(alt, "da")) for alt in topic.alt_da]
            extra += [(T.altLabel, lit(alt, "en")) for alt in topic.alt_en]
            self.typed(f"syn/emne/{topic.slug}", T.Concept, topic.da, topic.en, extra)

    def org(
        self,
        local: str,
        kind: str,
        da: str,
        en: str,
        sector: str,
        parent: Org | None = None,
        parent_link: str | None = None,
        extra: Sequence[tuple[str, str]] = (),
    ) -> Org:
        """An organisation or unit with sk:sector and its link to the parent (child → parent)."""
        pairs: Pairs = [(T.sk_sector, sector)]
        if parent is not None:
            pairs.append((parent_link or T.org_subOrganizationOf, parent.iri))
        pairs.extend(extra)
        if parent_link == T.org_unitOf and not any(predicate == T.sk_status for predicate, _ in extra):
            pairs += self.lifecycle(0.4)  # units are set up and closed; organisations are not
        return Org(self.typed(local, kind, da, en, pairs), da, en)

    def unit(
        self,
        local: str,
        da: str,
        en: str,
        parent: Org,
        sector: str,
        topic_kind: str | None = None,
        extra: Sequence[tuple[str, str]] = (),
    ) -> Org:
        """An org:OrganizationalUnit of ``parent`` that handles a few topics of its kind."""
        pairs: Pairs = list(extra)
        if topic_kind is not None:
            pairs += self.topics(topic_kind)
        return self.org(local, T.org_OrganizationalUnit, da, en, sector, parent, T.org_unitOf, pairs)

    def person(self, org: Org) -> str:
        """A synthetic person, reused now and then for another seat on behalf of the same organisation."""
        known = self._people.setdefault(org.iri, [])
        if known and self.chance(0.3):
            return self.rng.choice(known)
        number = self.next("person")
        name = f"Testperson {number}"
        subject = self.emit(
            node(f"syn/person/{number}"),
            [
                (T.a, T.Person),
                (T.name, lit(name)),
                (T.prefLabel, lit(name, "da")),
                (T.prefLabel, lit(name, "en")),
                (T.derived, self.section),
            ],
        )
        known.append(subject)
        return subject

    def contact_point(self, owner: Org) -> str:
        """A functional mailbox (never a person's address)."""
        number = self.next("contact")
        return self.typed(
            f"syn/kontakt/{number}",
            T.sk_ContactPoint,
            f"Fælles postkasse, {owner.da}",
            f"Shared mailbox, {owner.en}",
            [(T.hasEmail, f"<mailto:postkasse-{number}@example.invalid>"), (T.sk_functional, boolean(True))],
        )

    def seat(
        self,
        forum: Org,
        role: str,
        who: Org,
        *,
        low: int = 1,
        high: int = 1,
        decision: bool | None = None,
        topic_kind: str | None = None,
        p_held: float = 0.2,
        extra: Sequence[tuple[str, str]] = (),
    ) -> str:
        """A seat in ``forum`` on behalf of ``who``: held by a person, vacant, or holder not stated."""
        role_da, role_en = _ROLE_WORDS[role]
        pairs: Pairs = [
            (T.org_postIn, forum.iri),
            (T.org_role, role),
            (T.sk_onBehalfOf, who.iri),
            (T.sk_seatsMin, integer(low)),
            (T.sk_seatsMax, integer(high)),
        ]
        if decision is not None:
            pairs.append((T.sk_requiresDecisionAuthority, boolean(decision)))
        roll = self.rng.random()
        if roll < 0.04:
            pairs.append((T.sk_occupancy, T.sk_Vacant))
        elif roll < 0.04 + p_held:
            pairs.append((T.org_heldBy, self.person(who)))
        else:
            pairs.append((T.sk_occupancy, T.sk_HolderNotStated))
        if topic_kind is not None and self.chance(0.4):
            pairs += self.topics(topic_kind, 1, 2)
        pairs += extra
        local = _child(forum, "plads", self.next(forum.iri))
        return self.typed(local, T.sk_Seat, f"{role_da} {who.da}", f"{role_en} {who.en}", pairs)

    def membership(self, body: Org, member: Org, since: str | None) -> str:
        """An org:Membership of ``member`` in ``body`` (a cluster, an association)."""
        pairs: Pairs = [(T.org_member, member.iri), (T.org_organization, body.iri)]
        if since is not None:
            pairs.append((T.sk_validFrom, since))
        return self.typed(
            _child(body, "medlem", self.next(body.iri)),
            T.org_Membership,
            f"{member.da} i {body.da}",
            f"{member.en} in {body.en}",
            pairs,
        )

    def line(
        self,
        source: Org,
        target: Org,
        kind: str,
        basis_da: str,
        basis_en: str,
        extra: Sequence[tuple[str, str]] = (),
    ) -> str:
        """An sk:ReportingLine; mostly active, a few proposed or approved."""
        number = self.next("line")
        roll = self.rng.random()
        status = T.sk_Active if roll < 0.85 else T.sk_Approved if roll < 0.93 else T.sk_Proposed
        verb_da, verb_en = _LINE_WORDS[kind]
        return self.typed(
            f"syn/linje/{number}",
            T.sk_ReportingLine,
            f"{source.da} {verb_da} {target.da}",
            f"{source.en} {verb_en} {target.en}",
            [
                (T.sk_fromBody, source.iri),
                (T.sk_toBody, target.iri),
                (T.sk_lineKind, kind),
                (T.sk_basis, lit(basis_da, "da")),
                (T.sk_basis, lit(basis_en, "en")),
                (T.sk_status, status),
                *extra,
            ],
        )

    def channel(
        self,
        source: Org,
        target: Org,
        topic_kind: str,
        contact: str | None = None,
        p_state: Sequence[float] = (0.55, 0.7, 0.85),
    ) -> str:
        """An sk:Channel with state, a condition and topics; ``contact`` is the target's mailbox."""
        number = self.next("channel")
        roll = self.rng.random()
        state = (
            T.sk_Open
            if roll < p_state[0]
            else T.sk_BeingSetUp
            if roll < p_state[1]
            else T.sk_Requested
            if roll < p_state[2]
            else T.sk_StateNotStated
        )
        cond_da, cond_en = self.rng.choice(_CONDITIONS)
        pairs: Pairs = [
            (T.sk_channelFrom, source.iri),
            (T.sk_channelTo, target.iri),
            (T.sk_channelState, state),
            (T.sk_condition, lit(cond_da, "da")),
            (T.sk_condition, lit(cond_en, "en")),
        ]
        pairs += self.topics(topic_kind, 1, 2)
        if contact is not None and state == T.sk_Open:
            pairs.append((T.sk_contactPoint, contact))
        if self.chance(0.2):
            pairs.append((T.sk_bidirectional, boolean(True)))
        pairs += self.lifecycle(0.15)
        return self.typed(
            f"syn/kanal/{number}",
            T.sk_Channel,
            f"Kanal: {source.da} → {target.da}",
            f"Channel: {source.en} → {target.en}",
            pairs,
        )

    def open_question(self, about: Org, aspect: str, da: str, en: str) -> str:
        number = self.next("question")
        return self.typed(
            f"syn/spoergsmaal/{number}",
            T.sk_OpenQuestion,
            f"Åbent spørgsmål: {about.da}",
            f"Left open: {about.en}",
            [
                (T.sk_about, about.iri),
                (T.sk_aspect, lit(aspect)),
                (T.comment, lit(da, "da")),
                (T.comment, lit(en, "en")),
            ],
        )

    def requirement(self, required_in: Org, requested_by: Org, p_fulfilled: float = 0.4) -> str:
        """An sk:ContactPersonRequirement; fulfilled by a synthetic person only some of the time."""
        number = self.next("requirement")
        pairs: Pairs = [(T.sk_requiredIn, required_in.iri), (T.sk_requestedBy, requested_by.iri)]
        if self.chance(p_fulfilled):
            pairs.append((T.sk_fulfilledBy, self.person(required_in)))
        return self.typed(
            f"syn/kontaktkrav/{number}",
            T.sk_ContactPersonRequirement,
            f"Fast kontaktperson i {required_in.da}",
            f"Fixed contact person in {required_in.en}",
            pairs,
        )


def _child(parent: Org, kind: str, number: int) -> str:
    """The slug of a node that belongs to ``parent`` (``…/plads/3``)."""
    return f"{parent.local}/{kind}/{number}"


_ROLE_WORDS = {
    T.sk_MemberRole: ("Repræsentant for", "Representative of"),
    T.sk_ChairRole: ("Formand fra", "Chair from"),
    T.sk_CoChairRole: ("Medformand fra", "Co-chair from"),
    T.sk_SecretaryRole: ("Sekretær fra", "Secretary from"),
    T.sk_ProjectLeaderRole: ("Projektleder fra", "Project leader from"),
}

_LINE_WORDS = {
    T.org_reportsTo: ("refererer til", "reports to"),
    T.sk_givesStatusTo: ("giver status til", "gives status to"),
    T.sk_raisesDecisionsTo: ("indstiller til", "raises decisions to"),
    T.sk_communicatesWith: ("kommunikerer med", "communicates with"),
}

_CONDITIONS = (
    ("Kun generel faglig sparring uden personoplysninger", "General advice only, without personal data"),
    (
        "Kræver samtykke fra forældremyndighedens indehaver",
        "Requires consent from the holder of parental responsibility",
    ),
    ("Telefonisk sparring på hverdage kl. 8–10", "Telephone advice on weekdays 8–10"),
    ("Kun for fagpersoner, ikke for borgere", "For professionals only, not for citizens"),
    ("Via korrespondancemeddelelse i det fælles system", "Via a correspondence message in the shared system"),
    ("Betingelser ikke oplyst i kilden", "Conditions not stated in the source"),
)
