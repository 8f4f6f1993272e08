"""Write the map as a spreadsheet: an xlsx workbook (one sheet per kind) or CSV files (one per sheet, zipped).

The layout is ``graph.sheet_schema``; every fact of the graph lands in exactly one cell (or one row of
"Øvrige fakta"), so ``graph.sheet_read`` gives back the same graph. Drop-down lists (data validation)
offer the kind, status, sector, role, occupancy and channel-state words; they live on a hidden sheet
"lister" because some words contain commas. Text that starts with "=" is stored as text, never as a formula.
"""

from __future__ import annotations

import csv
import io
import zipfile

from rdflib import BNode, Graph, URIRef
from rdflib import Literal as Lit
from rdflib.term import Node

from graph.sheet_schema import OTHER, SEP, SHEETS, Column, Sheet, code_words, fits, sheet_of, to_id, type_words
from ontology.namespace import RDF

__all__ = ["LISTS", "sheet_rows", "write_csv_zip", "write_xlsx"]

LISTS = "lister"
Cell = str | int | None


def sheet_rows(g: Graph) -> dict[str, list[list[Cell]]]:
    """Every sheet's rows (header first), entities in IRI order: the same graph always gives the same rows."""
    rows: dict[str, list[list[Cell]]] = {s.name: [list(s.headers)] for s in (*SHEETS, OTHER)}
    subjects = sorted({s for s in g.subjects() if isinstance(s, URIRef | BNode)}, key=_order)
    for subject in subjects:
        facts = set(g.triples((subject, None, None)))
        sheet = sheet_of(o for _, _, o in g.triples((subject, RDF.type, None)))
        if sheet is not None:
            row, covered = _entity_row(g, subject, sheet)
            rows[sheet.name].append(row)
            facts -= covered
        for _, p, o in sorted(facts, key=lambda t: (str(t[1]), _order(t[2]))):
            rows[OTHER.name].append(_other_row(subject, p, o))
    return rows


def _entity_row(g: Graph, subject: Node, sheet: Sheet) -> tuple[list[Cell], set[tuple[Node, Node, Node]]]:
    row: list[Cell] = []
    covered: set[tuple[Node, Node, Node]] = set()
    for column in sheet.columns:
        if column.shape == "id":
            row.append(to_id(subject))
            continue
        values = sorted((o for o in g.objects(subject, column.prop) if fits(column, o, sheet)), key=_order)
        covered |= {(subject, column.prop, o) for o in values}
        row.append(_cell(column, sheet, values))
    return row, covered


def _cell(column: Column, sheet: Sheet, values: list[Node]) -> Cell:
    if not values:
        return None
    if column.shape == "int" and len(values) == 1:
        return int(values[0])  # type: ignore[call-overload]
    return SEP.join(_text(column, sheet, v) for v in values)


def _text(column: Column, sheet: Sheet, value: Node) -> str:
    shape = column.shape
    if shape == "type":
        return type_words(sheet.name)[0][value]  # type: ignore[index]
    if shape == "code":
        return code_words(column.codes)[0][value]  # type: ignore[index]
    if shape == "ref":
        return to_id(value)
    if shape == "bool" and isinstance(value, Lit):  # ``fits`` lets only literals into a bool column
        return "ja" if value.toPython() else "nej"
    return str(value)


def _other_row(subject: Node, p: Node, o: Node) -> list[Cell]:
    if isinstance(o, Lit):
        kind = str(o.datatype) if o.datatype is not None else "tekst"
        return [to_id(subject), str(p), str(o), kind, o.language]
    return [to_id(subject), str(p), to_id(o), "iri", None]


def _order(node: Node) -> tuple[int, str]:
    return (0 if isinstance(node, URIRef) else 1, str(node))


# ---------------------------------------------------------------------------- xlsx
def write_xlsx(g: Graph) -> bytes:
    """The workbook as bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = sheet_rows(g)
    wb = Workbook()
    wb.remove(wb.active)
    lists = wb.create_sheet(LISTS)
    lists.sheet_state = "hidden"
    list_ranges: dict[tuple[str, ...], str] = {}

    def list_range(words: tuple[str, ...]) -> str:
        if words not in list_ranges:
            col = get_column_letter(len(list_ranges) + 1)
            for i, word in enumerate(words, start=1):
                lists[f"{col}{i}"] = word
            list_ranges[words] = f"'{LISTS}'!${col}$1:${col}${len(words)}"
        return list_ranges[words]

    bold = Font(bold=True)
    for sheet in (*SHEETS, OTHER):
        ws = wb.create_sheet(sheet.name)
        for r, values in enumerate(rows[sheet.name], start=1):
            for c, value in enumerate(values, start=1):
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # text, not a formula
                if r == 1:
                    cell.font = bold
        ws.freeze_panes = "B2"
        last = max(len(rows[sheet.name]), 2) + 500  # room for new rows
        for c, column in enumerate(sheet.columns, start=1):
            letter = get_column_letter(c)
            ws.column_dimensions[letter].width = 14 if column.shape in ("date", "int", "bool") else 28
            words = _choices(column, sheet)
            if words:
                dv = DataValidation(type="list", formula1=list_range(words), allow_blank=True)
                dv.error = "Vælg en værdi fra listen / choose a value from the list"
                dv.showErrorMessage = False  # several values one a line are allowed too
                dv.add(f"{letter}2:{letter}{last}")
                ws.add_data_validation(dv)
    wb.move_sheet(LISTS, offset=len(wb.sheetnames))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _choices(column: Column, sheet: Sheet) -> tuple[str, ...]:
    if column.shape == "type":
        return tuple(type_words(sheet.name)[0].values())
    if column.shape == "code":
        return tuple(code_words(column.codes)[0].values())
    if column.shape == "bool":
        return ("ja", "nej")
    return ()


# ---------------------------------------------------------------------------- csv
def write_csv_zip(g: Graph) -> bytes:
    """One UTF-8 CSV per sheet (``organisationer.csv`` …) in a zip; each file can be imported alone."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, rows in sheet_rows(g).items():
            zf.writestr(csv_name(name), csv_text(rows).encode("utf-8-sig"))
    return out.getvalue()


def csv_name(sheet: str) -> str:
    return sheet.replace(" ", "-") + ".csv"


def csv_text(rows: list[list[Cell]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue()


def _register() -> None:
    """Offer both as ``samarbejdskort export --format xlsx|csv`` and ``/api/export`` (``graph.exporting``)."""
    from graph.exporting import ExportFormat, register

    register(
        ExportFormat(
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            {
                "da": "Regneark: ét ark pr. slags, danske overskrifter, rullelister; læses ind med 'import'",
                "en": "Workbook: one sheet per kind, Danish headers, drop-downs; read back with 'import'",
            },
            lambda model: write_xlsx(model.rdf),
            aliases=("excel", "regneark"),
        )
    )
    register(
        ExportFormat(
            "csv",
            "application/zip",
            "zip",
            {
                "da": "CSV-filer, én pr. ark, i en zip; hver kan læses ind med 'import'",
                "en": "CSV files, one per sheet, in a zip; each can be read back with 'import'",
            },
            lambda model: write_csv_zip(model.rdf),
            aliases=("csv-sheets",),
        )
    )


_register()
