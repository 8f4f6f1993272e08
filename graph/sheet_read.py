"""Read a spreadsheet (xlsx, one CSV, or a zip of CSVs) into raw rows, refusing what is unsafe or malformed.

Only reading happens here: cells become strings, numbers and dates by sheet, row and column, and every
problem is a ``CellError`` naming sheet, row and column. Limits keep a hostile file from exhausting the
server: at most ``MAX_BYTES`` on disk, ``MAX_UNPACKED`` unpacked, ``MAX_ROWS`` rows a sheet (reading stops
at the first row over it), ``MAX_CELL`` characters a cell. Formulas are refused (a cell must say what it
means, not compute it). What the cells mean is ``graph.sheet_facts``' job.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath

from graph.errors import CellError, InputError
from graph.sheet_schema import OTHER, SHEETS, Sheet
from graph.sheet_write import LISTS, csv_name

__all__ = ["MAX_BYTES", "MAX_ROWS", "RawSheet", "Workbook", "column_letter", "read_sheets"]

MAX_BYTES = 20 * 1024 * 1024
MAX_UNPACKED = 120 * 1024 * 1024
MAX_ROWS = 20_000
MAX_CELL = 5_000
MAX_FILES = 20

Value = str | int | float | dt.date | dt.datetime | bool | None
_BY_NAME = {s.name: s for s in (*SHEETS, OTHER)}
_BY_CSV = {csv_name(s.name).lower(): s for s in (*SHEETS, OTHER)}


@dataclass
class RawSheet:
    """One sheet's header (column headers as found) and data rows (row number, values by header)."""

    sheet: Sheet
    headers: list[str]
    rows: list[tuple[int, dict[str, Value]]] = field(default_factory=list)


@dataclass
class Workbook:
    name: str
    sheets: list[RawSheet] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 0-based index: 0 → A, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def read_sheets(data: bytes, name: str) -> Workbook:
    """The rows of a .xlsx, .csv or .zip (of CSVs) file; InputError when the file itself is unreadable."""
    if len(data) > MAX_BYTES:
        raise InputError(f"'{name}' is {len(data) // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB")
    suffix = PurePath(name).suffix.lower()
    book = Workbook(name)
    if suffix == ".xlsx":
        _check_zip(data, name)
        _read_xlsx(data, book)
    elif suffix == ".csv":
        _read_csv(data, name, book)
    elif suffix == ".zip":
        _check_zip(data, name)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                if info.is_dir():
                    continue
                if not info.filename.lower().endswith(".csv"):
                    book.errors.append(CellError(info.filename, 0, "", "only CSV files are read from a zip"))
                    continue
                _read_csv(zf.read(info), PurePath(info.filename).name, book)
    else:
        raise InputError(f"'{name}': unknown spreadsheet format (use .xlsx, .csv or a .zip of CSV files)")
    return book


def _check_zip(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise InputError(f"'{name}' is not a valid xlsx/zip file") from None
    if sum(i.file_size for i in infos) > MAX_UNPACKED or len(infos) > 200:
        raise InputError(f"'{name}' unpacks to more than {MAX_UNPACKED // (1024 * 1024)} MB; refused")


# ---------------------------------------------------------------------------- xlsx
def _read_xlsx(data: bytes, book: Workbook) -> None:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError(f"'{book.name}' cannot be read as a workbook ({type(exc).__name__})") from None
    try:
        for ws in wb.worksheets:
            if ws.title == LISTS:
                continue
            sheet = _BY_NAME.get(ws.title)
            if sheet is None:
                known = ", ".join(_BY_NAME)
                book.errors.append(CellError(ws.title, 1, "", f"unknown sheet (known: {known})"))
                continue
            _collect(sheet, _xlsx_rows(ws), book)
    finally:
        wb.close()


def _xlsx_rows(ws: object) -> Iterator[tuple[int, list[tuple[Value, bool]]]]:
    """(row number, [(value, is_formula)]) for each row, empty rows skipped."""
    for number, row in enumerate(ws.iter_rows(), start=1):  # type: ignore[attr-defined]
        cells = [(c.value, getattr(c, "data_type", None) == "f") for c in row]
        if any(v not in (None, "") for v, _ in cells):
            yield number, cells


# ---------------------------------------------------------------------------- csv
def _read_csv(data: bytes, name: str, book: Workbook) -> None:
    if len(data) > MAX_BYTES:
        book.errors.append(CellError(name, 0, "", f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB"))
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        book.errors.append(CellError(name, line, "", "not UTF-8 text; save the file as 'CSV UTF-8'"))
        return
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: Iterator[tuple[int, list[tuple[Value, bool]]]] = (
        (n, [(v, False) for v in row]) for n, row in enumerate(reader, start=1) if any(v.strip() for v in row)
    )
    sheet = _BY_CSV.get(name.lower())
    try:
        number, header = next(rows)
    except StopIteration:
        book.errors.append(CellError(name, 1, "", "the file is empty"))
        return
    except csv.Error as exc:
        book.errors.append(CellError(name, 1, "", f"not a CSV file ({exc})"))
        return
    if sheet is None:
        sheet = _sheet_from_headers([str(v) for v, _ in header])
    if sheet is None:
        names = ", ".join(_BY_CSV)
        book.errors.append(CellError(name, 1, "", f"name the file after its sheet ({names})"))
        return

    def again() -> Iterator[tuple[int, list[tuple[Value, bool]]]]:
        yield number, header
        try:
            yield from rows
        except csv.Error as exc:
            book.errors.append(CellError(sheet.name, 0, "", f"the CSV cannot be read further ({exc})"))

    _collect(sheet, again(), book, formulas_by_text=True)


def _sheet_from_headers(headers: list[str]) -> Sheet | None:
    given = {h.strip() for h in headers if h.strip()}
    fitting = [s for s in (*SHEETS, OTHER) if given <= set(s.headers) and len(given) > 2]
    return fitting[0] if len(fitting) == 1 else None


# ---------------------------------------------------------------------------- rows
def _collect(
    sheet: Sheet,
    rows: Iterator[tuple[int, list[tuple[Value, bool]]]],
    book: Workbook,
    *,
    formulas_by_text: bool = False,
) -> None:
    """Check the header, then keep each data row as {header: value}; errors name the cell."""
    try:
        number, header_cells = next(rows)
    except StopIteration:
        return
    headers = ["" if v is None else str(v).strip() for v, _ in header_cells]
    while headers and not headers[-1]:
        headers.pop()
    known = set(sheet.headers)
    bad = False
    for i, h in enumerate(headers):
        where = f"{column_letter(i)} ({h})" if h else column_letter(i)
        if h not in known:
            expected = ", ".join(sheet.headers)
            book.errors.append(CellError(sheet.name, number, where, f"unknown column '{h}' (expected: {expected})"))
            bad = True
        elif headers.index(h) != i:
            book.errors.append(CellError(sheet.name, number, where, f"column '{h}' appears twice"))
            bad = True
    if "id" not in headers:
        book.errors.append(CellError(sheet.name, number, "id", "the sheet has no 'id' column"))
        bad = True
    if bad:
        return
    raw = RawSheet(sheet, headers)
    book.sheets.append(raw)
    count = 0
    for number, cells in rows:
        count += 1
        if count > MAX_ROWS:
            book.errors.append(
                CellError(
                    sheet.name, number, "", f"more than {MAX_ROWS} rows; split the sheet (nothing read from here)"
                )
            )
            return
        values: dict[str, Value] = {}
        for i, (value, formula) in enumerate(cells):
            if i >= len(headers):
                if value not in (None, ""):
                    where = column_letter(i)
                    book.errors.append(CellError(sheet.name, number, where, "a value in a column without a header"))
                continue
            where = f"{column_letter(i)} ({headers[i]})"
            if formula or (formulas_by_text and isinstance(value, str) and value.startswith("=")):
                book.errors.append(CellError(sheet.name, number, where, "formulas are not read; type the value"))
                continue
            if isinstance(value, str) and len(value) > MAX_CELL:
                book.errors.append(CellError(sheet.name, number, where, f"more than {MAX_CELL} characters"))
                continue
            values[headers[i]] = value
        raw.rows.append((number, values))
