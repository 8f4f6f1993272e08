"""A spreadsheet as a change to the map: the delta that makes the map say what the rows say.

A row speaks for its entity in the columns its sheet has: those values replace the entity's values of
that column (an empty cell removes them); columns the file does not have are left alone, so a CSV with
only "id", "art" and "indehaver" changes only holders. When the workbook has "Øvrige fakta", the facts
listed there replace every other fact of the entities the workbook mentions. Entities the workbook does
not mention are never touched (ending something is a status and a date, not a missing row).

Every changed entity cites the change's source section (``graph.edit_plan.source_triples``), like edits.
``import_delta`` also returns problems the store should report per row (an id listed on the wrong sheet);
the store validates the delta with ``graph.edit_check`` like any edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.term import Node

from graph.changelog import Triple
from graph.edit_check import check_delta
from graph.edit_plan import Delta, source_triples
from graph.errors import CellError, SheetRejected, ValidationFailed
from graph.model import Model
from graph.sheet_facts import RowFacts, SheetFacts
from graph.sheet_schema import Sheet, fits, sheet_of
from graph.validation import Finding
from ontology.namespace import PROV, RDF

__all__ = ["ImportPlan", "finding_errors", "import_delta", "plan_import", "unusable_rows"]


@dataclass
class ImportPlan:
    """What an import will do: the delta, the graph after it, the rows left out and why, rows applied."""

    delta: Delta
    after: Graph | None
    errors: list[CellError]
    rows: int


def plan_import(
    model: Model, facts: SheetFacts, *, partial: bool, reason: str, at: dt.datetime, change_iri: str
) -> ImportPlan:
    """Check and plan an import: all rows or nothing (SheetRejected), or with ``partial`` the good rows.

    Rows are left out for their own errors, for naming a new entity whose row was left out, and for
    SHACL violations of their entity (then planned again, at most a few rounds).
    """
    errors = [*facts.errors, *unusable_rows(model, facts)]
    if errors and not partial:
        raise SheetRejected(errors)
    skip = {(e.sheet, e.row) for e in errors}
    for _ in range(6):
        _skip_dependants(facts, skip, errors)
        delta = import_delta(model, facts, skip=skip, reason=reason, at=at, change_iri=change_iri)
        rows = sum(1 for r in facts.rows if (r.sheet.name, r.row) not in skip)
        if not (delta.added - delta.source) and not delta.removed:
            return ImportPlan(delta, None, errors, rows)
        try:
            return ImportPlan(delta, check_delta(model, delta), errors, rows)
        except ValidationFailed as exc:
            found = finding_errors(facts, exc.findings)  # type: ignore[arg-type]
            if not partial or not {(e.sheet, e.row) for e in found} - skip:
                raise SheetRejected([*errors, *found]) from None
            errors += found
            skip |= {(e.sheet, e.row) for e in found}
    raise SheetRejected(errors)


def _skip_dependants(facts: SheetFacts, skip: set[tuple[str, int]], errors: list[CellError]) -> None:
    """Leave out rows that name a new entity whose own row is left out (it will not exist)."""
    while True:
        gone = {r.subject for r in facts.rows if r.new and (r.sheet.name, r.row) in skip}
        more = [r for r in facts.rows if (r.sheet.name, r.row) not in skip and facts.refs.get(r.subject, set()) & gone]
        if not more:
            return
        for r in more:
            errors.append(CellError(r.sheet.name, r.row, "", "names an entity whose row has errors"))
            skip.add((r.sheet.name, r.row))


def unusable_rows(model: Model, facts: SheetFacts) -> list[CellError]:
    """Rows that cannot be applied beyond their cells: an existing entity listed on another kind's sheet."""
    out = []
    for row in facts.rows:
        home = sheet_of(model.rdf.objects(row.subject, RDF.type))
        if home is not None and home is not row.sheet and not row.new:
            msg = f"this id is a row of the sheet '{home.name}', not '{row.sheet.name}'"
            out.append(CellError(row.sheet.name, row.row, "A (id)", msg))
    return out


def import_delta(
    model: Model, facts: SheetFacts, *, skip: set[tuple[str, int]], reason: str, at: dt.datetime, change_iri: str
) -> Delta:
    """The change the rows ask for (rows in ``skip`` left out); empty when the map already says it all."""
    g = model.rdf
    delta = Delta()
    rows = [r for r in facts.rows if (r.sheet.name, r.row) not in skip]
    for row in rows:
        for column, new in row.values.items():
            current = {o for o in g.objects(row.subject, column.prop) if fits(column, o, row.sheet)}
            delta.removed |= {(row.subject, column.prop, o) for o in current - new}
            delta.added |= {(row.subject, column.prop, o) for o in new - current}
    if facts.has_other_sheet:
        _replace_other_facts(model, facts, rows, skip, delta)
    changed = {t[0] for t in delta.added | delta.removed if isinstance(t[0], URIRef)}
    if not changed:
        return delta
    section, source = source_triples(change_iri, reason, at)
    delta.added |= source
    delta.source |= source
    for subject in changed:
        delta.added.add((subject, PROV.wasDerivedFrom, section))
    delta.focus |= changed
    delta.created = sorted(str(r.subject) for r in rows if r.new and r.subject in changed)
    return delta


def _replace_other_facts(
    model: Model, facts: SheetFacts, rows: list[RowFacts], skip: set[tuple[str, int]], delta: Delta
) -> None:
    g = model.rdf
    sheet_for: dict[Node, Sheet | None] = {r.subject: r.sheet for r in rows}
    listed: dict[Node, set[Triple]] = {}
    for fact in facts.other:
        if (fact.sheet, fact.row) not in skip:
            listed.setdefault(fact.triple[0], set()).add(fact.triple)
    skipped_subjects = {r.subject for r in facts.rows if (r.sheet.name, r.row) in skip}
    for subject in set(sheet_for) | set(listed):
        if subject in skipped_subjects and subject not in sheet_for:
            continue
        if subject not in sheet_for:
            types = [t[2] for t in listed.get(subject, ()) if t[1] == RDF.type]
            sheet_for[subject] = sheet_of([*g.objects(subject, RDF.type), *types])
        sheet = sheet_for[subject]
        current = {t for t in g.triples((subject, None, None)) if not _covered(sheet, t)}
        new = listed.get(subject, set())
        delta.removed |= current - new
        delta.added |= new - current


def _covered(sheet: Sheet | None, t: Triple) -> bool:
    """Is this fact held by a column of the entity's sheet (rather than by "Øvrige fakta")?"""
    if sheet is None:
        return False
    return any(c.prop == t[1] and c.shape != "id" and fits(c, t[2], sheet) for c in sheet.columns)


def finding_errors(facts: SheetFacts, findings: Iterable[Finding]) -> list[CellError]:
    """SHACL findings of an import as errors on the rows (and columns) that state the entity."""
    by_subject = {str(r.subject): r for r in facts.rows}
    out = []
    for f in findings:
        row = by_subject.get(f.focus)
        if row is None:
            other = next((o for o in facts.other if str(o.triple[0]) == f.focus), None)
            sheet, number = (other.sheet, other.row) if other else ("", 0)
            column = ""
        else:
            sheet, number = row.sheet.name, row.row
            column = next((c.header for c in row.sheet.columns if f.path and _same_property(c.prop, f.path)), "")
        out.append(CellError(sheet, number, column, f"{f.message_da} ({f.rule}) / {f.message_en}"))
    return out


def _same_property(prop: URIRef, path: str) -> bool:
    """``sk:validFrom`` (a SHACL path with a prefix) names ``prop``?"""
    local = path.rsplit(":", 1)[-1]
    return not path.startswith("^") and (str(prop).endswith("#" + local) or str(prop).endswith("/" + local))
