"""Typo-proof IRIs for the samarbejdskort vocabulary and the namespaces it reuses.

Every IRI the code uses comes from here: a misspelt term raises at import time
instead of silently matching nothing (rdflib's ``DefinedNamespace``).
The term list mirrors ``samarbejdskort.ttl``; a test keeps the two in step.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = ["DCTERMS", "FOAF", "ID", "ORG", "OWL", "PROV", "RDF", "RDFS", "SH", "SK", "SKOS", "VCARD", "XSD"]


class SK(DefinedNamespace):
    """The samarbejdskort vocabulary (``ontology/samarbejdskort.ttl``)."""

    _NS = Namespace("https://w3id.org/samarbejdskort/ns#")
    _fail = True

    Active: URIRef
    AdministrativeForum: URIRef
    Agreement: URIRef
    AnswerAvailable: URIRef
    AnswerChannelNotOpen: URIRef
    AnswerHolderNotStated: URIRef
    AnswerMissing: URIRef
    AnswerProposed: URIRef
    AnswerStatus: URIRef
    AnswerVacant: URIRef
    Approved: URIRef
    BeingSetUp: URIRef
    ChairRole: URIRef
    Channel: URIRef
    ChannelState: URIRef
    ClusterSteeringGroup: URIRef
    CoChairRole: URIRef
    Committee: URIRef
    ContactPersonRequirement: URIRef
    ContactPoint: URIRef
    Deadline: URIRef
    Ended: URIRef
    Forum: URIRef
    GapChairNotStated: URIRef
    GapChannelNotOpen: URIRef
    GapDeadlinePassed: URIRef
    GapEndingSoon: URIRef
    GapKind: URIRef
    GapMandateNotApproved: URIRef
    GapMandateNotStated: URIRef
    GapMemberWithoutSeat: URIRef
    GapMissingContactPerson: URIRef
    GapNoChair: URIRef
    GapNoDecisionAuthority: URIRef
    GapNoMandate: URIRef
    GapNoReportingLine: URIRef
    GapNoSecretariat: URIRef
    GapOpenQuestion: URIRef
    GapReportingLineNotStated: URIRef
    GapResponsibilityNotPlaced: URIRef
    GapOutstandingRequest: URIRef
    GapSharedForumNoChannel: URIRef
    GapInterfaceRequested: URIRef
    GapContactPersonOneWay: URIRef
    GapSecretariatNotStated: URIRef
    GapSinglePointOfContact: URIRef
    GapTermEnded: URIRef
    GapUpwardLineEnded: URIRef
    GapVacantPost: URIRef
    GapVacantSeat: URIRef
    GeneralPractice: URIRef
    HealthCluster: URIRef
    Held: URIRef
    HolderNotStated: URIRef
    Hospital: URIRef
    ImplementationGroup: URIRef
    Mandate: URIRef
    MandateItem: URIRef
    MeetingRule: URIRef
    MemberRole: URIRef
    Municipality: URIRef
    NationalBody: URIRef
    NearChannel: URIRef
    NearCluster: URIRef
    NearForum: URIRef
    NearNational: URIRef
    NearOther: URIRef
    NearOwn: URIRef
    NearRegion: URIRef
    Nearness: URIRef
    Occupancy: URIRef
    Open: URIRef
    OpenQuestion: URIRef
    Partnership: URIRef
    ProjectLeaderRole: URIRef
    Proposed: URIRef
    PsychiatricService: URIRef
    Region: URIRef
    Rejected: URIRef
    ReportingLine: URIRef
    Request: URIRef
    Requested: URIRef
    Responsibility: URIRef
    Scenario: URIRef
    Seat: URIRef
    SecretaryRole: URIRef
    Sector: URIRef
    SectorCrossSector: URIRef
    SectorGeneralPractice: URIRef
    SectorMunicipal: URIRef
    SectorNational: URIRef
    SectorPsychiatry: URIRef
    SectorRegion: URIRef
    SectorSomatic: URIRef
    Severity: URIRef
    SeverityHigh: URIRef
    SeverityLow: URIRef
    SeverityMedium: URIRef
    SourceDocument: URIRef
    SourceSection: URIRef
    StateNotStated: URIRef
    Status: URIRef
    SteeringGroup: URIRef
    Vacant: URIRef
    WorkingGroup: URIRef
    abbreviation: URIRef
    about: URIRef
    acuteHospital: URIRef
    agendaLead: URIRef
    agendaProposalLead: URIRef
    approvedBy: URIRef
    approvedOn: URIRef
    aspect: URIRef
    basis: URIRef
    bidirectional: URIRef
    chairFrom: URIRef
    channelFrom: URIRef
    channelState: URIRef
    channelTo: URIRef
    clusterOf: URIRef
    code: URIRef
    communicatesWith: URIRef
    competence: URIRef
    condition: URIRef
    contactPerson: URIRef
    contactPoint: URIRef
    dateText: URIRef
    deadline: URIRef
    dueDate: URIRef
    duty: URIRef
    element: URIRef
    fromBody: URIRef
    fulfilledBy: URIRef
    functional: URIRef
    givesStatusTo: URIRef
    handlesTopic: URIRef
    hasMandate: URIRef
    inScenario: URIRef
    lineKind: URIRef
    meetingDurationHours: URIRef
    meetingPlace: URIRef
    meetingRule: URIRef
    meetingsPerYearMax: URIRef
    meetingsPerYearMin: URIRef
    minutesWithin: URIRef
    occupancy: URIRef
    onBehalfOf: URIRef
    order: URIRef
    outcome: URIRef
    placedWith: URIRef
    principle: URIRef
    purpose: URIRef
    raisesDecisionsTo: URIRef
    requestedBy: URIRef
    requestedFrom: URIRef
    requiredIn: URIRef
    requiresDecisionAuthority: URIRef
    responsibilityOf: URIRef
    responsible: URIRef
    scenarioKey: URIRef
    seatsMax: URIRef
    seatsMin: URIRef
    secretariatIn: URIRef
    section: URIRef
    sector: URIRef
    seedFile: URIRef
    status: URIRef
    task: URIRef
    toBody: URIRef
    topics: URIRef
    updatedOn: URIRef
    validFrom: URIRef
    validUntil: URIRef


ID = Namespace("https://w3id.org/samarbejdskort/id/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: Prefixes for Turtle/TriG written by the exports and the store: the spellings used in data/ and ontology/.
PREFIXES: dict[str, str] = {
    "sk": str(SK),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "id": str(ID),
}
