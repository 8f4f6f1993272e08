"""What the cells of a spreadsheet mean: each row becomes an entity (its id) and the values of its columns.

Kind and status words become vocabulary IRIs; references ("forum", "på vegne af", …) may be an id from the
workbook or the map, or a name the map resolves (``model.resolve``), so a coordinator can type
"Randers Kommune". A new row without an id gets one minted from its Danish name. Every problem is a
``CellError`` naming sheet, row and column; a row with an error carries no facts.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

from rdflib import BNode, URIRef
from rdflib import Literal as Lit
from rdflib.term import Node

from graph.changelog import slug
from graph.errors import AmbiguousEntity, CellError, EntityNotFound, InputError
from graph.model import Model
from graph.sheet_read import Value, Workbook, column_letter
from graph.sheet_schema import OTHER, SEP, Column, Sheet, code_words, from_id, type_words
from ontology.namespace import ID, XSD

__all__ = ["OtherFact", "RowFacts", "SheetFacts", "sheet_facts"]

_IRI = re.compile(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]+$", re.I)
_PREFIX = {
    "pladser": "plads",
    "medlemskaber": "medlemskab",
    "rapporteringslinjer": "linje",
    "kanaler": "kanal",
    "kontaktpunkter": "kontakt",
    "personer": "person",
    "emner": "emne",
    "kilder": "kilde",
    "fora": "forum",
    "organisationer": "organisation",
}


@dataclass
class RowFacts:
    """One entity row: where it is, its IRI, and the values of the columns the sheet has."""

    sheet: Sheet
    row: int
    subject: Node
    values: dict[Column, set[Node]] = field(default_factory=dict)
    new: bool = False


@dataclass(frozen=True)
class OtherFact:
    sheet: str
    row: int
    triple: tuple[Node, Node, Node]


@dataclass
class SheetFacts:
    rows: list[RowFacts] = field(default_factory=list)
    other: list[OtherFact] = field(default_factory=list)
    has_other_sheet: bool = False
    errors: list[CellError] = field(default_factory=list)
    refs: dict[Node, set[Node]] = field(default_factory=dict)  # subject → entities its cells name

    def triples(self) -> set[tuple[Node, Node, Node]]:
        """Every fact the workbook states (the whole graph when it was written by ``graph.sheet_write``)."""
        out = {(r.subject, c.prop, v) for r in self.rows for c, vs in r.values.items() for v in vs}
        return out | {o.triple for o in self.other}

    def error_rows(self) -> set[tuple[str, int]]:
        return {(e.sheet, e.row) for e in self.errors}


def sheet_facts(model: Model, book: Workbook) -> SheetFacts:
    """Turn every row into facts; errors for cells that mean nothing (unknown words, dangling ids …)."""
    out = SheetFacts(errors=list(book.errors))
    ids = _ids(model, book, out)
    names = _names(book, ids)
    known = {s for s, _ in ids.values()}
    for raw in book.sheets:
        if raw.sheet is OTHER:
            out.has_other_sheet = True
            for number, cells in raw.rows:
                _other_row(model, raw.sheet.name, number, cells, raw.headers, ids, out)
            continue
        for number, cells in raw.rows:
            subject, new = ids[(raw.sheet.name, number)]
            facts = RowFacts(raw.sheet, number, subject, new=new)
            for i, header in enumerate(raw.headers):
                column = next(c for c in raw.sheet.columns if c.header == header)
                if column.shape == "id":
                    continue
                where = f"{column_letter(i)} ({header})"
                values: set[Node] = set()
                for part in _parts(cells.get(header)):
                    try:
                        values.add(_term(model, column, raw.sheet, part, known, names))
                    except ValueError as exc:
                        out.errors.append(CellError(raw.sheet.name, number, where, str(exc)))
                if (
                    column.shape == "type"
                    and not values
                    and not any(e.row == number and e.sheet == raw.sheet.name for e in out.errors)
                ):
                    out.errors.append(CellError(raw.sheet.name, number, where, "say which kind ('art') it is"))
                facts.values[column] = values
                if column.shape == "ref":
                    out.refs.setdefault(subject, set()).update(values)
            out.rows.append(facts)
    return out


def _ids(model: Model, book: Workbook, out: SheetFacts) -> dict[tuple[str, int], tuple[Node, bool]]:
    """Each entity row's IRI (minted for a new row without an id); duplicate ids are errors."""
    ids: dict[tuple[str, int], tuple[Node, bool]] = {}
    seen: dict[Node, tuple[str, int]] = {}
    for raw in book.sheets:
        if raw.sheet is OTHER:
            continue
        for number, cells in raw.rows:
            text = _str(cells.get("id"))
            if text:
                subject: Node = BNode(text[2:]) if text.startswith("_:") else from_id(text)
                if not isinstance(subject, BNode) and not _IRI.match(str(subject)):
                    out.errors.append(CellError(raw.sheet.name, number, "A (id)", f"'{text}' is not an id"))
                new = (subject, None, None) not in model.rdf
            else:
                label = _str(cells.get("navn (da)")) or _str(cells.get("titel (da)")) or "ny"
                subject = ID[f"{_PREFIX.get(raw.sheet.name, 'x')}/{slug(label)}-{uuid.uuid4().hex[:8]}"]
                new = True
            if subject in seen:
                sheet, row = seen[subject]
                out.errors.append(CellError(raw.sheet.name, number, "A (id)", f"the id is also on {sheet}, row {row}"))
            seen[subject] = (raw.sheet.name, number)
            ids[(raw.sheet.name, number)] = (subject, new)
    return ids


def _names(book: Workbook, ids: dict[tuple[str, int], tuple[Node, bool]]) -> dict[str, set[Node]]:
    """Danish names of the workbook's rows, so a new row can be referred to by name."""
    names: dict[str, set[Node]] = {}
    for raw in book.sheets:
        for number, cells in raw.rows:
            name = _str(cells.get("navn (da)"))
            if name and (raw.sheet.name, number) in ids:
                names.setdefault(name.casefold(), set()).add(ids[(raw.sheet.name, number)][0])
    return names


def _other_row(
    model: Model,
    sheet: str,
    number: int,
    cells: dict[str, Value],
    headers: list[str],
    ids: dict[tuple[str, int], tuple[Node, bool]],
    out: SheetFacts,
) -> None:
    def where(header: str) -> str:
        return f"{column_letter(headers.index(header))} ({header})" if header in headers else header

    subject_text, prop, kind = _str(cells.get("id")), _str(cells.get("egenskab")), _str(cells.get("værditype"))
    raw_value = cells.get("værdi")
    value = raw_value if isinstance(raw_value, str) else _str(raw_value)
    lang = _str(cells.get("sprog")) or None
    errors = []
    if not subject_text:
        errors.append(CellError(sheet, number, where("id"), "the fact needs the id of its entity"))
    if not _IRI.match(prop):
        errors.append(CellError(sheet, number, where("egenskab"), f"'{prop}' is not a property IRI"))
    term: Node | None = None
    if kind == "iri":
        if not value.strip():
            errors.append(CellError(sheet, number, where("værdi"), "empty IRI"))
        else:
            term = BNode(value[2:]) if value.startswith("_:") else from_id(value)
    elif kind == "tekst":
        term = Lit(value, lang=lang) if lang else Lit(value)
    elif _IRI.match(kind):
        term = Lit(value, datatype=URIRef(kind))
        if term.ill_typed:
            errors.append(CellError(sheet, number, where("værdi"), f"'{value}' is not a valid {kind}"))
    else:
        errors.append(CellError(sheet, number, where("værditype"), "use iri, tekst or a datatype IRI"))
    if errors or term is None:
        out.errors.extend(errors)
        return
    subject = BNode(subject_text[2:]) if subject_text.startswith("_:") else from_id(subject_text)
    out.other.append(OtherFact(sheet, number, (subject, URIRef(prop), term)))


def _parts(value: Value) -> list[Value]:
    if value is None:
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.replace("\r\n", SEP).split(SEP) if p.strip()]
    return [value]


def _str(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _term(
    model: Model,
    column: Column,
    sheet: Sheet,
    value: Value,
    known: set[Node],
    names: dict[str, set[Node]],
) -> Node:
    """The RDF term a cell value means (ValueError with a message for the user otherwise)."""
    shape = column.shape
    text = _str(value)
    if shape in ("type", "code"):
        table = type_words(sheet.name) if shape == "type" else code_words(column.codes)
        found = table[1].get(text.lower())
        if found is None:
            what = "kind" if shape == "type" else column.header
            raise ValueError(f"unknown {what} '{text}' (allowed: {', '.join(table[0].values())})")
        return found
    if shape == "ref":
        return _ref(model, text, known, names)
    if shape == "iri":
        if column.header == "e-mail" and "@" in text and ":" not in text:
            text = "mailto:" + text
        if column.header == "telefon" and re.fullmatch(r"\+?[0-9 ]{6,30}", text):
            text = "tel:" + text.replace(" ", "")
        if not _IRI.match(text):
            raise ValueError(f"'{text}' is not an address (mailto:…, tel:…, https://…)")
        return URIRef(text)
    if shape == "text":
        return Lit(text, lang=column.lang)
    if shape == "plain":
        return Lit(text)
    if shape == "date":
        if isinstance(value, dt.datetime):
            return Lit(value.date())
        if isinstance(value, dt.date):
            return Lit(value)
        try:
            return Lit(dt.date.fromisoformat(text))
        except ValueError:
            raise ValueError(f"'{text}' is not a date (ÅÅÅÅ-MM-DD)") from None
    if shape == "int":
        if isinstance(value, bool) or not re.fullmatch(r"-?[0-9]{1,9}", text):
            raise ValueError(f"'{text}' is not a whole number")
        return Lit(int(text), datatype=XSD.integer)
    if shape == "bool":
        if isinstance(value, bool):
            return Lit(value)
        word = text.lower()
        if word in ("ja", "yes", "true", "sand", "1"):
            return Lit(True)
        if word in ("nej", "no", "false", "falsk", "0"):
            return Lit(False)
        raise ValueError(f"'{text}' is not ja or nej")
    raise ValueError(f"column '{column.header}' cannot be read")


def _ref(model: Model, text: str, known: set[Node], names: dict[str, set[Node]]) -> Node:
    """An id from the workbook or the map, else a name resolved in the workbook or the map."""
    if text.startswith("_:"):
        return BNode(text[2:])
    if " " not in text:
        iri = from_id(text)
        if iri in known or (iri, None, None) in model.rdf or (None, None, iri) in model.rdf:
            return iri
    looks_like_id = "/" in text or ":" in text.split(" ", 1)[0]
    if looks_like_id and " " not in text:
        if not str(iri).startswith(str(ID)):
            return iri  # vocabulary terms and outside addresses need not be described in the map
        raise ValueError(f"unknown id '{text}': not in the workbook or the map")
    hits = names.get(text.casefold(), set())
    if len(hits) == 1:
        return next(iter(hits))
    if len(hits) > 1:
        raise ValueError(f"'{text}' names {len(hits)} rows of the workbook; use the id")
    try:
        return URIRef(model.resolve(text))
    except AmbiguousEntity as exc:
        options = "; ".join(f"{c.label} ({c.id})" for c in exc.candidates[:4])
        raise ValueError(f"'{text}' could mean several: {options}") from None
    except EntityNotFound:
        raise ValueError(f"nothing called '{text}' in the workbook or the map") from None
    except InputError as exc:  # a cell too long to be a name
        raise ValueError(str(exc)) from None
