"""The vocabulary the projection reads: which classes are which node kinds, which properties become which
edges (and in which direction), which lines report upward, and the terms as plain IRI strings.

Kept apart from ``graph.projection`` (which walks the facts) so the tables can be read on their own and
imported without the projection's machinery.
"""

from __future__ import annotations

from ontology import codes
from ontology.iris import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SK, SKOS, VCARD

__all__ = ["EDGE_KINDS", "LINE_KINDS", "NODE_KINDS"]

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
LINE_KINDS: dict[str, str] = {
    ORG.reportsTo: "reports_to",
    SK.givesStatusTo: "gives_status_to",
    SK.raisesDecisionsTo: "raises_decisions_to",
    SK.communicatesWith: "communicates_with",
}
# (predicate, edge kind, reversed?) — reversed means the edge runs object → subject.
_PLAIN_EDGES: tuple[tuple[str, str, bool], ...] = (
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
    (SK.requestedFrom, "requested_from", False),
    (SK.fulfilledBy, "fulfilled_by", False),
    (SK.responsibilityOf, "responsibility_of", False),
    (SK.placedWith, "placed_with", False),
    (SK.about, "about", False),
    (SK.hasMandate, "has_mandate", False),
    (SK.approvedBy, "approved_by", False),
    *((p, kind, False) for p, kind in LINE_KINDS.items()),
)
EDGE_KINDS = frozenset({k for _, k, _ in _PLAIN_EDGES})
_PREF = (SKOS.prefLabel, RDFS.label, FOAF.name, VCARD.fn, DCTERMS.title)


_S = str  # vocabulary terms as plain IRI strings, the keys of ``graph.facts.Facts``
# vocabulary IRI → code, from the one codes table (``ontology.codes``)
_T_STATUS, _T_OCCUPANCY, _T_STATE, _T_SECTOR, _T_ROLE = (
    {c.iri: c.code for c in codes.entries(scheme)} for scheme in ("status", "occupancy", "state", "sector", "role")
)
_T_LINE_KINDS = {_S(k): v for k, v in LINE_KINDS.items()}
_T_PLAIN_EDGES = tuple((_S(p), kind, rev) for p, kind, rev in _PLAIN_EDGES)
_T_PREF = tuple(_S(p) for p in _PREF)
# A person named only by parts of a name (vCard's given-name/family-name, FOAF's givenName/familyName):
# the name is "given family", never the IRI's last segment.
_T_NAME_PARTS = (
    tuple(_S(p) for p in (VCARD.NS + "given-name", FOAF.givenName, FOAF.firstName)),
    tuple(_S(p) for p in (VCARD.NS + "family-name", FOAF.familyName, FOAF.lastName, FOAF.surname)),
)
_TYPE = _S(RDF.type)
_HOLDS = _S(ORG.holds)
_HELD_BY = _S(ORG.heldBy)
_HAS_POST = _S(ORG.hasPost)
_IN_SCHEME = _S(SKOS.inScheme)
_TOPICS = _S(SK.topics)
_HANDLES = _S(SK.handlesTopic)
_ALT_LABEL = _S(SKOS.altLabel)
_SECTOR_P = _S(SK.sector)
_FORUM = _S(SK.Forum)
_SEAT = _S(SK.Seat)
_OCCUPANCY_P = _S(SK.occupancy)
_ROLE_P = _S(ORG.role)
_SEATS_MIN = _S(SK.seatsMin)
_SEATS_MAX = _S(SK.seatsMax)
_DECISION = _S(SK.requiresDecisionAuthority)
_CHANNEL_STATE = _S(SK.channelState)
_CONDITION = _S(SK.condition)
_BIDIRECTIONAL = _S(SK.bidirectional)
_ASPECT = _S(SK.aspect)
_COMMENT = _S(RDFS.comment)
_STATUS_P = _S(SK.status)
_VALID_FROM = _S(SK.validFrom)
_VALID_UNTIL = _S(SK.validUntil)
_IN_SCENARIO = _S(SK.inScenario)
_SCENARIO_KEY = _S(SK.scenarioKey)
_DERIVED = _S(PROV.wasDerivedFrom)
_SOURCE = _S(DCTERMS.source)
_MEMBERSHIP = _S(ORG.Membership)
_MEMBER = _S(ORG.member)
_ORGANIZATION = _S(ORG.organization)
_LINE = _S(SK.ReportingLine)
_FROM_BODY = _S(SK.fromBody)
_TO_BODY = _S(SK.toBody)
_LINE_KIND = _S(SK.lineKind)
_BASIS = _S(SK.basis)
_PERSON = _S(FOAF.Person)
_POST = _S(ORG.Post)
