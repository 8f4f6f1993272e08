"""The vocabulary IRIs as plain strings: the one place they are spelt.

The question path (load, project, answer) works on plain IRI strings (``graph.facts``), so it reads its
terms from here without importing rdflib (~0.05 s of a 0.3 s command-line answer);
``ontology.namespace`` builds the rdflib namespaces from the same names for code that works on rdflib
graphs. A misspelt term raises ``AttributeError`` at import time instead of silently matching nothing:
each class has exactly the terms annotated in it (``SK``: the whole vocabulary, which a test keeps in step
with ``samarbejdskort.ttl``; the others: the W3C terms the code uses, add one when you need it).
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = ["DCTERMS", "FOAF", "ID", "ORG", "OWL", "PROV", "RDF", "RDFS", "SH", "SK", "SKOS", "VCARD", "XSD"]


class Vocabulary:
    """A namespace whose annotated names become full IRI strings (``NS`` + name) when the class is made."""

    NS: ClassVar[str] = ""

    def __init_subclass__(cls, ns: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.NS = ns
        # its own annotations only, read from the class (plain strings here), not with inspect.get_annotations:
        # importing inspect costs every process ~23 M instructions
        for name in cls.__dict__.get("__annotations__", {}):  # noqa: RUF063
            setattr(cls, name, ns + name)


class SK(Vocabulary, ns="https://w3id.org/samarbejdskort/ns#"):
    """The samarbejdskort vocabulary (``ontology/samarbejdskort.ttl``)."""

    Active: str
    AdministrativeForum: str
    Agreement: str
    AnswerAvailable: str
    AnswerChannelNotOpen: str
    AnswerHolderNotStated: str
    AnswerMissing: str
    AnswerProposed: str
    AnswerStatus: str
    AnswerVacant: str
    Approved: str
    BeingSetUp: str
    ChairRole: str
    Channel: str
    ChannelState: str
    ClusterSteeringGroup: str
    CoChairRole: str
    Committee: str
    ContactPersonRequirement: str
    ContactPoint: str
    Deadline: str
    Ended: str
    Forum: str
    GapChairNotStated: str
    GapChannelNotOpen: str
    GapDeadlinePassed: str
    GapEndingSoon: str
    GapKind: str
    GapMandateNotApproved: str
    GapMandateNotStated: str
    GapMemberWithoutSeat: str
    GapMissingContactPerson: str
    GapNoChair: str
    GapNoDecisionAuthority: str
    GapNoMandate: str
    GapNoReportingLine: str
    GapNoSecretariat: str
    GapOpenQuestion: str
    GapReportingLineNotStated: str
    GapResponsibilityNotPlaced: str
    GapOutstandingRequest: str
    GapSharedForumNoChannel: str
    GapInterfaceRequested: str
    GapContactPersonOneWay: str
    GapSecretariatNotStated: str
    GapSinglePointOfContact: str
    GapTermEnded: str
    GapUpwardLineEnded: str
    GapVacantPost: str
    GapVacantSeat: str
    GeneralPractice: str
    HealthCluster: str
    Held: str
    HolderNotStated: str
    Hospital: str
    ImplementationGroup: str
    Mandate: str
    MandateItem: str
    MeetingRule: str
    MemberRole: str
    Municipality: str
    NationalBody: str
    NearChannel: str
    NearCluster: str
    NearForum: str
    NearNational: str
    NearOther: str
    NearOwn: str
    NearRegion: str
    Nearness: str
    Occupancy: str
    Open: str
    OpenQuestion: str
    Partnership: str
    ProjectLeaderRole: str
    Proposed: str
    PsychiatricService: str
    Region: str
    Rejected: str
    ReportingLine: str
    Request: str
    Requested: str
    Responsibility: str
    Scenario: str
    Seat: str
    SecretaryRole: str
    Sector: str
    SectorCrossSector: str
    SectorGeneralPractice: str
    SectorMunicipal: str
    SectorNational: str
    SectorPsychiatry: str
    SectorRegion: str
    SectorSomatic: str
    Severity: str
    SeverityHigh: str
    SeverityLow: str
    SeverityMedium: str
    SourceDocument: str
    SourceSection: str
    StateNotStated: str
    Status: str
    SteeringGroup: str
    Vacant: str
    WorkingGroup: str
    abbreviation: str
    about: str
    acuteHospital: str
    agendaLead: str
    agendaProposalLead: str
    approvedBy: str
    approvedOn: str
    aspect: str
    basis: str
    bidirectional: str
    chairFrom: str
    channelFrom: str
    channelState: str
    channelTo: str
    clusterOf: str
    code: str
    communicatesWith: str
    competence: str
    condition: str
    contactPerson: str
    contactPoint: str
    dateText: str
    deadline: str
    dueDate: str
    duty: str
    element: str
    fromBody: str
    fulfilledBy: str
    functional: str
    givesStatusTo: str
    handlesTopic: str
    hasMandate: str
    inScenario: str
    lineKind: str
    meetingDurationHours: str
    meetingPlace: str
    meetingRule: str
    meetingsPerYearMax: str
    meetingsPerYearMin: str
    minutesWithin: str
    occupancy: str
    onBehalfOf: str
    order: str
    outcome: str
    placedWith: str
    principle: str
    purpose: str
    raisesDecisionsTo: str
    requestedBy: str
    requestedFrom: str
    requiredIn: str
    requiresDecisionAuthority: str
    responsibilityOf: str
    responsible: str
    scenarioKey: str
    seatsMax: str
    seatsMin: str
    secretariatIn: str
    section: str
    sector: str
    seedFile: str
    status: str
    task: str
    toBody: str
    topics: str
    updatedOn: str
    validFrom: str
    validUntil: str


class DCTERMS(Vocabulary, ns="http://purl.org/dc/terms/"):
    date: str
    description: str
    isPartOf: str
    source: str
    title: str
    type: str


class FOAF(Vocabulary, ns="http://xmlns.com/foaf/0.1/"):
    Organization: str
    Person: str
    familyName: str
    firstName: str
    givenName: str
    homepage: str
    lastName: str
    mbox: str
    mbox_sha1sum: str
    name: str
    phone: str
    surname: str


class ORG(Vocabulary, ns="http://www.w3.org/ns/org#"):
    FormalOrganization: str
    Membership: str
    Organization: str
    OrganizationalCollaboration: str
    OrganizationalUnit: str
    Post: str
    Role: str
    hasMember: str
    hasPost: str
    hasSubOrganization: str
    hasUnit: str
    heldBy: str
    holds: str
    linkedTo: str
    member: str
    memberOf: str
    organization: str
    postIn: str
    purpose: str
    reportsTo: str
    role: str
    subOrganizationOf: str
    unitOf: str


class PROV(Vocabulary, ns="http://www.w3.org/ns/prov#"):
    Activity: str
    Agent: str
    Entity: str
    generated: str
    startedAtTime: str
    used: str
    value: str
    wasAssociatedWith: str
    wasDerivedFrom: str
    wasGeneratedBy: str
    wasInfluencedBy: str
    wasInformedBy: str


class RDF(Vocabulary, ns="http://www.w3.org/1999/02/22-rdf-syntax-ns#"):
    first: str
    type: str


class RDFS(Vocabulary, ns="http://www.w3.org/2000/01/rdf-schema#"):
    comment: str
    label: str
    subClassOf: str
    subPropertyOf: str


class SKOS(Vocabulary, ns="http://www.w3.org/2004/02/skos/core#"):
    Concept: str
    ConceptScheme: str
    altLabel: str
    broader: str
    closeMatch: str
    exactMatch: str
    hasTopConcept: str
    hiddenLabel: str
    inScheme: str
    narrower: str
    prefLabel: str
    related: str
    scopeNote: str
    topConceptOf: str


class VCARD(Vocabulary, ns="http://www.w3.org/2006/vcard/ns#"):
    Kind: str
    email: str
    fn: str
    hasEmail: str
    hasTelephone: str
    hasURL: str
    nickname: str
    tel: str


class XSD(Vocabulary, ns="http://www.w3.org/2001/XMLSchema#"):
    boolean: str
    date: str
    dateTime: str
    integer: str
    string: str


#: Namespaces used only as prefixes (entity IRIs are minted under ``ID``).
ID = "https://w3id.org/samarbejdskort/id/"
OWL = "http://www.w3.org/2002/07/owl#"
SH = "http://www.w3.org/ns/shacl#"
