"""What a spreadsheet of the map looks like: one sheet per kind, its columns, and which facts each column holds.

Shared by the writer (``graph.sheet_write``) and the reader (``graph.sheet_read``), so the two can never
disagree. A column holds the values of one property that have one shape (an IRI, a text in one language,
a date, …); ``fits`` decides that shape and is used on both sides. Whatever no column of an entity's sheet
holds — an unusual language tag, a property without a column, an entity of a kind without a sheet — goes
to the last sheet, "Øvrige fakta", one fact a row, so a workbook holds the whole graph and reads back
without loss. Several values in one cell are written one a line.

Kind and status words in drop-downs are the Danish labels of the vocabulary (``ontology/samarbejdskort.ttl``);
reading also accepts the English label and the local name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from rdflib import Graph, URIRef
from rdflib import Literal as Lit
from rdflib.term import Node

from ontology.files import schema_graph
from ontology.namespace import DCTERMS, FOAF, ID, ORG, PROV, RDF, RDFS, SK, SKOS, VCARD, XSD

__all__ = [
    "OTHER",
    "SHEETS",
    "Column",
    "Sheet",
    "code_words",
    "fits",
    "from_id",
    "sheet_of",
    "term_label",
    "to_id",
]

Shape = Literal["id", "type", "ref", "code", "text", "plain", "date", "int", "bool", "iri"]
SEP = "\n"


@dataclass(frozen=True)
class Column:
    """One column: Danish header, the property it holds, the shape of its values."""

    header: str
    prop: URIRef
    shape: Shape
    lang: str | None = None
    codes: URIRef | None = None  # the class whose instances (or, for types, the sheet's classes) are allowed
    help: str = ""


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, the classes whose instances it lists, and its columns (the first is the id)."""

    name: str
    classes: tuple[URIRef, ...]
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


def _common(*extra: Column, status: bool = True) -> tuple[Column, ...]:
    head = (
        Column("id", RDF.type, "id", help="Stabilt id; tomt for en ny række (id dannes af navnet)."),
        Column("art", RDF.type, "type"),
        Column("navn (da)", SKOS.prefLabel, "text", "da"),
        Column("navn (en)", SKOS.prefLabel, "text", "en"),
    )
    life = (
        Column("status", SK.status, "code", codes=SK.Status),
        Column("gyldig fra", SK.validFrom, "date"),
        Column("gyldig til", SK.validUntil, "date"),
    )
    tail = (
        Column("andre navne (da)", SKOS.altLabel, "text", "da"),
        Column("andre navne (en)", SKOS.altLabel, "text", "en"),
        Column("emner", SK.handlesTopic, "ref"),
        Column("kontaktpunkter", SK.contactPoint, "ref"),
        Column("bemærkning (da)", RDFS.comment, "text", "da"),
        Column("bemærkning (en)", RDFS.comment, "text", "en"),
        Column("kilder", PROV.wasDerivedFrom, "ref"),
    )
    return head + (life if status else ()) + extra + tail


SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "pladser",
        (SK.Seat, ORG.Post),
        _common(
            Column("forum", ORG.postIn, "ref"),
            Column("rolle", ORG.role, "code", codes=ORG.Role),
            Column("på vegne af", SK.onBehalfOf, "ref"),
            Column("besættelse", SK.occupancy, "code", codes=SK.Occupancy),
            Column("indehaver", ORG.heldBy, "ref"),
            Column("min. antal", SK.seatsMin, "int"),
            Column("maks. antal", SK.seatsMax, "int"),
            Column("kræver beslutningskompetence", SK.requiresDecisionAuthority, "bool"),
            Column("scenarie", SK.inScenario, "ref"),
        ),
    ),
    Sheet(
        "medlemskaber",
        (ORG.Membership,),
        _common(
            Column("medlem", ORG.member, "ref"),
            Column("organisation", ORG.organization, "ref"),
            Column("rolle", ORG.role, "code", codes=ORG.Role),
        ),
    ),
    Sheet(
        "rapporteringslinjer",
        (SK.ReportingLine,),
        _common(
            Column("fra", SK.fromBody, "ref"),
            Column("til", SK.toBody, "ref"),
            Column("slags linje", SK.lineKind, "code", codes=SK.lineKind),
            Column("grundlag (da)", SK.basis, "text", "da"),
            Column("grundlag (en)", SK.basis, "text", "en"),
            Column("scenarie", SK.inScenario, "ref"),
        ),
    ),
    Sheet(
        "kanaler",
        (SK.Channel,),
        _common(
            Column("fra", SK.channelFrom, "ref"),
            Column("til", SK.channelTo, "ref"),
            Column("tilstand", SK.channelState, "code", codes=SK.ChannelState),
            Column("begge veje", SK.bidirectional, "bool"),
            Column("betingelser (da)", SK.condition, "text", "da"),
            Column("betingelser (en)", SK.condition, "text", "en"),
        ),
    ),
    Sheet(
        "kontaktpunkter",
        (SK.ContactPoint,),
        _common(
            Column("navn på kontakt", VCARD.fn, "plain"),
            Column("e-mail", VCARD.hasEmail, "iri", help="mailto:…"),
            Column("telefon", VCARD.hasTelephone, "iri", help="tel:…"),
            Column("web", VCARD.hasURL, "iri"),
            Column("funktionel", SK.functional, "bool", help="ja: en funktionspostkasse; nej: en persons egen"),
            status=False,
        ),
    ),
    Sheet(
        "personer",
        (FOAF.Person,),
        _common(Column("personens navn", FOAF.name, "plain"), status=False),
    ),
    Sheet(
        "emner",
        (SKOS.Concept,),
        _common(
            Column("skema", SKOS.inScheme, "ref"),
            Column("øverst i", SKOS.topConceptOf, "ref"),
            Column("bredere", SKOS.broader, "ref"),
            Column("beslægtede", SKOS.related, "ref"),
            status=False,
        ),
    ),
    Sheet(
        "kilder",
        (SK.SourceDocument, SK.SourceSection),
        (
            Column("id", RDF.type, "id"),
            Column("art", RDF.type, "type"),
            Column("titel (da)", DCTERMS.title, "text", "da"),
            Column("titel (en)", DCTERMS.title, "text", "en"),
            Column("afsnit", SK.section, "text", "da"),
            Column("afsnit (uden sprog)", SK.section, "plain"),
            Column("del af", DCTERMS.isPartOf, "ref"),
            Column("dato", DCTERMS.date, "date"),
            Column("datotekst", SK.dateText, "plain"),
            Column("adresse", DCTERMS.source, "iri"),
            Column("datafil", SK.seedFile, "plain"),
            Column("bemærkning (da)", RDFS.comment, "text", "da"),
            Column("bemærkning (en)", RDFS.comment, "text", "en"),
        ),
    ),
    Sheet(
        "fora",
        (
            SK.ImplementationGroup,
            SK.SteeringGroup,
            SK.ClusterSteeringGroup,
            SK.Committee,
            SK.AdministrativeForum,
            SK.WorkingGroup,
            SK.Forum,
            SK.Partnership,
            ORG.OrganizationalCollaboration,
        ),
        _common(
            Column("sektor", SK.sector, "code", codes=SK.Sector),
            Column("forkortelse", SK.abbreviation, "plain"),
            Column("del af", ORG.subOrganizationOf, "ref"),
            Column("sekretariat i", SK.secretariatIn, "ref"),
            Column("formand fra", SK.chairFrom, "ref"),
            Column("kommissorium", SK.hasMandate, "ref"),
            Column("klynge", SK.clusterOf, "ref"),
            Column("scenarie", SK.inScenario, "ref"),
        ),
    ),
    Sheet(
        "organisationer",
        (
            SK.Municipality,
            SK.Region,
            SK.Hospital,
            SK.PsychiatricService,
            SK.GeneralPractice,
            SK.NationalBody,
            SK.HealthCluster,
            ORG.OrganizationalUnit,
            ORG.FormalOrganization,
            ORG.Organization,
        ),
        _common(
            Column("sektor", SK.sector, "code", codes=SK.Sector),
            Column("forkortelse", SK.abbreviation, "plain"),
            Column("del af", ORG.subOrganizationOf, "ref"),
            Column("enhed af", ORG.unitOf, "ref"),
            Column("akutsygehus", SK.acuteHospital, "ref"),
        ),
    ),
)

OTHER = Sheet(
    "øvrige fakta",
    (),
    (
        Column("id", RDF.type, "id"),
        Column("egenskab", RDF.type, "iri", help="Egenskabens IRI, fx http://www.w3.org/2000/01/rdf-schema#comment"),
        Column("værdi", RDF.type, "plain"),
        Column("værditype", RDF.type, "plain", help="iri, tekst eller en datatype-IRI"),
        Column("sprog", RDF.type, "plain"),
    ),
)
# Forums are also typed org:Organization in the data; the forum sheet's type column keeps that too.
_EXTRA_TYPES = {"fora": (ORG.Organization,)}


def sheet_of(types: Iterable[Node]) -> Sheet | None:
    """The sheet an entity with these rdf:types is listed on (the first sheet naming one of them)."""
    present = set(types)
    for sheet in SHEETS:
        if present & set(sheet.classes):
            return sheet
    return None


def allowed_types(sheet: Sheet) -> tuple[URIRef, ...]:
    return sheet.classes + _EXTRA_TYPES.get(sheet.name, ())


def fits(column: Column, value: Node, sheet: Sheet) -> bool:
    """Does this value of ``column.prop`` belong in this column (else: "Øvrige fakta")?"""
    if isinstance(value, Lit) and (SEP in str(value) or "\r" in str(value) or str(value) != str(value).strip()):
        return False  # a cell holds trimmed values one a line; anything else is kept in "Øvrige fakta"
    if isinstance(value, Lit) and not str(value):
        return False
    shape = column.shape
    if shape == "type":
        return value in allowed_types(sheet)
    if shape in ("ref", "iri"):
        return isinstance(value, URIRef)
    if shape == "code":
        return isinstance(value, URIRef) and value in code_words(column.codes)[0]
    if not isinstance(value, Lit):
        return False
    if shape == "text":
        return value.language == column.lang and value.datatype is None
    if shape == "plain":
        return value.language is None and value.datatype is None
    wanted = {"date": XSD.date, "int": XSD.integer, "bool": XSD.boolean}[shape]
    return value.datatype == wanted and value.language is None and _canonical(value)


def _canonical(value: Lit) -> bool:
    """Only values the writer can write back as the same lexical form (``01`` is not ``1``)."""
    try:
        return Lit(value.toPython(), datatype=value.datatype) == value
    except (ValueError, TypeError):
        return False


# ---------------------------------------------------------------------------- ids
def to_id(node: Node) -> str:
    """The id written in a cell: the path under ``id:`` for our own IRIs, the full IRI otherwise."""
    text = str(node)
    base = str(ID)
    return text[len(base) :] if text.startswith(base) and len(text) > len(base) else text


def from_id(text: str) -> URIRef:
    """The IRI an id cell means (the reverse of ``to_id``)."""
    text = text.strip()
    if ":" in text.split("/", 1)[0]:
        return URIRef(text)
    return ID[text]


# ---------------------------------------------------------------------------- words
@cache
def code_words(codes: URIRef | None) -> tuple[dict[URIRef, str], dict[str, URIRef]]:
    """(IRI → Danish word, any accepted word → IRI) for a code list: the instances of ``codes``.

    For ``sk:lineKind`` the values are the line properties; for type columns, ``types_words``.
    """
    g = schema_graph()
    if codes == SK.lineKind:
        members = [ORG.reportsTo, SK.givesStatusTo, SK.raisesDecisionsTo, SK.communicatesWith]
    elif codes is None:
        members = []
    else:
        members = sorted({s for s in g.subjects(RDF.type, codes) if isinstance(s, URIRef)}, key=str)
    return _words(g, members)


@cache
def type_words(sheet_name: str) -> tuple[dict[URIRef, str], dict[str, URIRef]]:
    sheet = next(s for s in (*SHEETS, OTHER) if s.name == sheet_name)
    return _words(schema_graph(), list(allowed_types(sheet)))


def _words(g: Graph, members: list[URIRef]) -> tuple[dict[URIRef, str], dict[str, URIRef]]:
    out: dict[URIRef, str] = {}
    accept: dict[str, URIRef] = {}
    taken: set[str] = set()
    for m in members:
        da = _label(g, m, "da")
        word = da if da and da.lower() not in taken else _local(m)
        taken.add(word.lower())
        out[m] = word
        for alias in (word, da, _label(g, m, "en"), _local(m), str(m)):
            if alias:
                accept.setdefault(alias.strip().lower(), m)
    return out, accept


def _label(g: Graph, node: URIRef, lang: str) -> str | None:
    for prop in (SKOS.prefLabel, RDFS.label):
        for value in g.objects(node, prop):
            if isinstance(value, Lit) and value.language == lang:
                return str(value)
    return None


def _local(node: URIRef) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def term_label(term: URIRef, lang: str = "da") -> str:
    """The vocabulary's label of a term in ``lang`` (Danish, then English, then the local name)."""
    g = schema_graph()
    return _label(g, term, lang) or _label(g, term, "en" if lang == "da" else "da") or _local(term)
