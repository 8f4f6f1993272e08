"""Spreadsheets in the web app: editors download the map as xlsx or CSV and upload a filled-in sheet.

An upload goes through the same path as ``samarbejdskort import``: every row checked (errors name sheet,
row and column), then the SHACL rules, then one logged, undoable change; all rows or, when asked, the
good ones. Downloads carry personal names, so they are for signed-in editors only.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.auth import User, current_user
from api.deps import Page, PageDep, StoreDep
from api.routers.edits import _gate, _problem, editor_post
from graph.errors import CellError, ConflictError, EditRejected, InputError, SheetRejected
from graph.sheet_read import MAX_BYTES, read_sheets
from graph.sheet_write import write_csv_zip, write_xlsx

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/regneark")
def sheets_page(
    request: Request,
    page: PageDep,
    store: StoreDep,
    user: Annotated[User | None, Depends(current_user)],
    gemt: str | None = None,
) -> Response:
    if (redirect := _gate(request, page, user)) is not None:
        return redirect
    return _render(page, store.model().version, saved=gemt)


@router.get("/regneark/samarbejdskort.xlsx")
def download_xlsx(
    request: Request, page: PageDep, store: StoreDep, user: Annotated[User | None, Depends(current_user)]
) -> Response:
    if (redirect := _gate(request, page, user)) is not None:
        return redirect
    model = store.model()
    return Response(write_xlsx(model.rdf), media_type=_XLSX, headers=_download("samarbejdskort.xlsx", model.version))


@router.get("/regneark/samarbejdskort-csv.zip")
def download_csv(
    request: Request, page: PageDep, store: StoreDep, user: Annotated[User | None, Depends(current_user)]
) -> Response:
    if (redirect := _gate(request, page, user)) is not None:
        return redirect
    model = store.model()
    body = write_csv_zip(model.rdf)
    return Response(body, media_type="application/zip", headers=_download("samarbejdskort-csv.zip", model.version))


@router.post("/regneark")
async def upload(
    request: Request,
    page: PageDep,
    store: StoreDep,
    user: Annotated[User | None, Depends(current_user)],
    fil: Annotated[UploadFile, File()],
    reason: Annotated[str, Form(max_length=2000)] = "",
    etag: Annotated[str, Form(max_length=100)] = "",
    partial: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    user = editor_post(request, user)
    name = (fil.filename or "regneark.xlsx").rsplit("/", 1)[-1].rsplit("\\", 1)[-1][:200]
    data = await fil.read(MAX_BYTES + 1)
    version = store.model().version
    try:
        if len(data) > MAX_BYTES:
            raise InputError(f"'{name}' is larger than {MAX_BYTES // (1024 * 1024)} MB")
        book = read_sheets(data, name)
        record, plan = store.import_sheets(
            book,
            user=user.name,
            reason=reason or f"Import af regnearket {name}",
            if_match=etag or None,
            partial=bool(partial),
        )
    except SheetRejected as exc:
        return _render(page, version, cells=list(exc.errors), status=422, name=name)
    except (ConflictError, EditRejected, InputError) as exc:
        status, errors = _problem(exc)
        return _render(page, store.model().version, errors=errors, status=status, name=name)
    if record is None:
        return _render(page, version, nothing=True, cells=plan.errors, name=name)
    if plan.errors:
        return _render(page, store.model().version, saved=record.id, cells=plan.errors, name=name)
    return RedirectResponse(
        page.link("/regneark", gemt=record.id), status_code=303, headers={"ETag": f'"{record.version}"'}
    )


def _download(filename: str, version: str) -> dict[str, str]:
    return {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
        "ETag": f'"{version}"',
    }


def _render(
    page: Page,
    etag: str,
    *,
    saved: str | None = None,
    cells: list[CellError] | None = None,
    errors: list[tuple[str, str]] | None = None,
    nothing: bool = False,
    status: int = 200,
    name: str = "",
) -> Response:
    return page.render(
        "sheets.html",
        status_code=status,
        headers={"Cache-Control": "no-store"},
        etag=etag,
        saved=saved,
        cells=cells or [],
        errors=errors or [],
        nothing=nothing,
        name=name,
    )
