"""Spreadsheets in and out: the bundled map round-trips through xlsx and CSV without loss; imports go through
the edit checks and the change log; bad spreadsheets name sheet, row and column and leave the store as it was."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph.errors import SheetRejected
from graph.model import Model
from graph.sheet_facts import sheet_facts
from graph.sheet_read import MAX_ROWS, read_sheets
from graph.sheet_write import write_csv_zip, write_xlsx
from graph.store import GraphStore, open_store
from ontology.namespace import FOAF, ORG, SK
from tests.store.support import CHAIR, GROUP, small_data

USER = "Eva Editor"


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[GraphStore]:
    s = open_store(tmp_path / "store", seed_paths=[small_data(tmp_path / "data")])
    yield s
    s.close()


def as_graph(model: Model, data: bytes, name: str) -> Graph:
    facts = sheet_facts(model, read_sheets(data, name))
    assert facts.errors == []
    g = Graph()
    for t in facts.triples():
        g.add(t)
    return g


def dump(store: GraphStore) -> bytes:
    return store.dump_dataset()


def import_book(store: GraphStore, data: bytes, name: str, *, partial: bool = False):
    return store.import_sheets(
        read_sheets(data, name),
        user=USER,
        reason="Medlemsliste fra koordinator",
        if_match=store.version,
        partial=partial,
    )


def rows_of(data: bytes, sheet: str) -> list[list[object]]:
    ws = load_workbook(io.BytesIO(data))[sheet]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def save(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------- round trip
def test_the_bundled_map_round_trips_through_xlsx_and_csv_without_loss(bundled: Model) -> None:
    for writer, name in ((write_xlsx, "kort.xlsx"), (write_csv_zip, "kort.zip")):
        back = as_graph(bundled, writer(bundled.rdf), name)
        assert len(back) == len(bundled.rdf)
        assert isomorphic(back, bundled.rdf), name


def test_the_workbook_has_a_sheet_per_kind_danish_headers_drop_downs_and_stable_ids(bundled: Model) -> None:
    data = write_xlsx(bundled.rdf)
    wb = load_workbook(io.BytesIO(data))
    for sheet in (
        "organisationer",
        "fora",
        "pladser",
        "personer",
        "medlemskaber",
        "rapporteringslinjer",
        "kanaler",
        "kontaktpunkter",
        "emner",
        "kilder",
        "øvrige fakta",
    ):
        assert sheet in wb.sheetnames
    header = [c.value for c in wb["pladser"][1]]
    assert header[:4] == ["id", "art", "navn (da)", "navn (en)"]
    assert {"forum", "på vegne af", "besættelse", "indehaver"} <= set(header)
    seat_rows = {r[0]: dict(zip(header, r, strict=False)) for r in rows_of(data, "pladser")[1:]}
    randers = seat_rows["forum/randers-implementeringsgruppe/plads/praksiskonsulent"]
    assert randers["forum"] == "forum/randers-implementeringsgruppe"
    assert randers["besættelse"] == "vakant"
    lists = wb["lister"]
    assert lists.sheet_state == "hidden"
    choices = {str(dv.formula1): dv for dv in wb["fora"].data_validations.dataValidation}
    words = {
        formula: [c.value for row in lists[formula.split("!")[1].replace("$", "")] for c in row] for formula in choices
    }
    assert any({"aktiv", "ophørt", "foreslået"} <= set(w) for w in words.values())  # statuses
    assert any({"Implementeringsgruppe", "Arbejdsgruppe"} <= set(w) for w in words.values())  # kinds
    assert write_xlsx(bundled.rdf) and rows_of(write_xlsx(bundled.rdf), "pladser") == rows_of(data, "pladser")


# ---------------------------------------------------------------------------- importing
def test_importing_the_unchanged_export_changes_nothing(store: GraphStore) -> None:
    before = dump(store)
    record, plan = import_book(store, write_xlsx(store.model().rdf), "kort.xlsx")
    assert record is None and plan.errors == []
    assert dump(store) == before


def test_a_holder_typed_by_name_in_a_csv_is_imported_logged_and_undoable(store: GraphStore) -> None:
    """A coordinator's CSV: the chair seat (holder not stated) gets a new person, typed by name."""
    persons = "id,art,navn (da),personens navn\nperson/birthe-boe,Person,Birthe Bø,Birthe Bø\n"
    before = store.export("n-triples", include_personal=True)
    record, _ = import_book(store, persons.encode(), "personer.csv")
    assert record is not None
    seats = "id;art;besættelse;indehaver\r\ntest/gruppe/plads/formand;Plads;besat;Birthe Bø\r\n"
    record, plan = import_book(store, seats.encode("utf-8"), "pladser.csv")
    assert record is not None and plan.rows == 1 and record.edits[0]["op"] == "import_spreadsheet"
    model = store.model()
    assert model.node(CHAIR)["occupancy"] == "held"
    holder = next(u for u, _, k in model.nx.in_edges(CHAIR, keys=True) if k == "holds")
    assert model.rdf.value(URIRef(holder), FOAF.name) == Literal("Birthe Bø")
    assert (URIRef(CHAIR), SK.occupancy, SK.HolderNotStated) in record.removed
    assert (URIRef(CHAIR), ORG.postIn, URIRef(GROUP)) in model.rdf  # columns the file lacks are left alone
    assert store.history(1)[0].user == USER
    store.undo(record.id, user=USER, reason="fortryd", if_match=store.version)
    undone = store.history(3)  # the undo, the seat import, the person import
    store.undo(undone[2].id, user=USER, reason="fortryd", if_match=store.version)
    assert store.model().node(CHAIR)["occupancy"] == "not_stated"
    assert "Birthe" not in store.export("n-triples", include_personal=True).decode()
    assert sorted(store.export("n-triples", include_personal=True).splitlines()) == sorted(before.splitlines())


# ---------------------------------------------------------------------------- bad spreadsheets
def bad_workbook(store: GraphStore, change) -> bytes:
    wb = load_workbook(io.BytesIO(write_xlsx(store.model().rdf)))
    change(wb)
    return save(wb)


def rejected(store: GraphStore, data: bytes, name: str) -> list[tuple[str, int, str, str]]:
    before = dump(store)
    with pytest.raises(SheetRejected) as caught:
        import_book(store, data, name)
    assert dump(store) == before
    return [(e.sheet, e.row, e.column, e.message) for e in caught.value.errors]


def seat_row(wb, seat: str) -> int:
    return next(c.row for c in wb["pladser"]["A"] if c.value == seat)


def test_a_wrong_header_names_the_sheet_and_column(store: GraphStore) -> None:
    data = bad_workbook(store, lambda wb: wb["pladser"].cell(row=1, column=3, value="navnet"))
    errors = rejected(store, data, "kort.xlsx")
    assert [(s, r, c) for s, r, c, _ in errors] == [("pladser", 1, "C (navnet)")]
    assert "unknown column 'navnet'" in errors[0][3]


def test_an_unknown_kind_and_a_dangling_id_name_their_cells(store: GraphStore) -> None:
    def change(wb) -> None:
        ws = wb["pladser"]
        row = seat_row(wb, "test/gruppe/plads/praksiskonsulent")
        header = [c.value for c in ws[1]]
        ws.cell(row=row, column=header.index("art") + 1, value="Rumskib")
        ws.cell(row=row, column=header.index("forum") + 1, value="forum/findes-ikke")

    data = bad_workbook(store, change)
    errors = rejected(store, data, "kort.xlsx")
    cells = {(s, c.split(" ")[1]): m for s, _, c, m in errors}
    assert "unknown kind 'Rumskib'" in cells[("pladser", "(art)")]
    assert "unknown id 'forum/findes-ikke'" in cells[("pladser", "(forum)")]
    assert {r for _, r, _, _ in errors} == {3}


def test_a_formula_is_refused_in_xlsx_and_csv(store: GraphStore) -> None:
    def change(wb) -> None:
        ws = wb["pladser"]
        ws.cell(row=seat_row(wb, "test/gruppe/plads/formand"), column=3, value="=A1&B1")

    errors = rejected(store, bad_workbook(store, change), "kort.xlsx")
    assert [(s, r, c) for s, r, c, _ in errors] == [("pladser", 2, "C (navn (da))")]
    assert "formulas" in errors[0][3]
    csv_errors = rejected(store, b"id,art,navn (da)\ntest/gruppe,Implementeringsgruppe,=HYPERLINK(1)\n", "fora.csv")
    assert [(s, r, c) for s, r, c, _ in csv_errors] == [("fora", 2, "C (navn (da))")]


def test_ten_megabytes_of_rows_stop_at_the_row_limit_without_importing(store: GraphStore) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "art", "navn (da)", "forum"])
    n = 0
    while buf.tell() < 10 * 1024 * 1024:
        n += 1
        writer.writerow([f"test/plads/{n}", "Plads", f"Plads nummer {n} i en meget lang liste", "test/gruppe"])
    data = buf.getvalue().encode()
    assert len(data) >= 10 * 1024 * 1024
    errors = rejected(store, data, "pladser.csv")
    limit = [e for e in errors if "rows" in e[3]]
    assert limit == [("pladser", MAX_ROWS + 2, "", limit[0][3])]
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("pladser.csv", data)
    assert any("rows" in e[3] for e in rejected(store, zipped.getvalue(), "kort.zip"))


def test_partial_imports_the_good_rows_and_reports_the_rest(store: GraphStore) -> None:
    text = (
        "id,art,navn (da),status\n"
        "test/gruppe,Implementeringsgruppe,Testgruppen (omdøbt),aktiv\n"
        "test/ny-gruppe,Arbejdsgruppe,Ny arbejdsgruppe,måske\n"
    )
    rejected(store, text.encode(), "fora.csv")
    record, plan = import_book(store, text.encode(), "fora.csv", partial=True)
    assert record is not None and plan.rows == 1
    assert [(e.sheet, e.row, e.column) for e in plan.errors] == [("fora", 3, "D (status)")]
    assert "unknown status 'måske'" in plan.errors[0].message
    assert store.model().label(GROUP) == "Testgruppen (omdøbt)"
    assert "ny-gruppe" not in store.export("turtle").decode()


def test_a_spreadsheet_that_would_make_a_part_of_cycle_is_refused_naming_it(store: GraphStore) -> None:
    text = "id,art,del af\ntest/region,Region,test/gruppe\n"
    before = dump(store)
    with pytest.raises(Exception, match=r"cycle: .*Testgruppen") as caught:
        import_book(store, text.encode(), "organisationer.csv")
    assert type(caught.value).__name__ == "EditRejected"
    assert dump(store) == before


def test_shacl_violations_are_reported_on_the_row_and_column(store: GraphStore) -> None:
    text = "id,art,gyldig fra,gyldig til\ntest/gruppe,Implementeringsgruppe,2024-01-01,2020-01-01\n"
    errors = rejected(store, text.encode(), "fora.csv")
    assert errors and all(s == "fora" and r == 2 for s, r, _, _ in errors)
    assert any("SK-V-DATE-ORDER" in m for *_, m in errors)


def test_a_cell_too_long_to_be_a_name_names_its_sheet_row_and_column(store: GraphStore) -> None:
    """A pasted paragraph in the forum column: refused like any bad reference, with the cell named."""

    def change(wb) -> None:
        ws = wb["pladser"]
        row = seat_row(wb, "test/gruppe/plads/praksiskonsulent")
        header = [c.value for c in ws[1]]
        ws.cell(row=row, column=header.index("forum") + 1, value="Referat fra mødet i gruppen " * 30)

    errors = rejected(store, bad_workbook(store, change), "kort.xlsx")
    assert [(s, r) for s, r, _, _ in errors] == [("pladser", 3)]
    assert "(forum)" in errors[0][2] and "too long" in errors[0][3]
