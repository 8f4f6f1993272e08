"""The change history as pages: the whole map, or one entity — who, when, why, what — with undo for editors.

The change log names who changed what, so only editors see it. Undo is a same-origin form POST with the
version the editor saw; the store applies the exact inverse as a new, validated change.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.auth import User, current_user
from api.deps import PageDep, StoreDep
from api.routers.edits import _gate, _problem, editor_post
from graph.changelog import ChangeRecord
from graph.errors import ConflictError, EditRejected, ValidationFailed
from graph.model import Model

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_LIMIT = 200


@router.get("/historik")
def history_page(
    request: Request,
    page: PageDep,
    store: StoreDep,
    user: Annotated[User | None, Depends(current_user)],
    id: str = "",
    fortrudt: str | None = None,
) -> Response:
    """The newest changes first; with ``id`` only those that touched that entity."""
    if (redirect := _gate(request, page, user)) is not None:
        return redirect
    return _render(page, store, id.strip(), undone=fortrudt)


@router.post("/historik/{change_id}/fortryd")
def undo_submit(
    request: Request,
    page: PageDep,
    store: StoreDep,
    user: Annotated[User | None, Depends(current_user)],
    change_id: str,
    reason: Annotated[str, Form(max_length=2000)] = "",
    etag: Annotated[str, Form(max_length=100)] = "",
    id: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    user = editor_post(request, user)
    try:
        record = store.undo(change_id, user=user.name, reason=reason or "Fortryd / undo", if_match=etag or None)
    except (ConflictError, EditRejected, ValidationFailed) as exc:
        status, errors = _problem(exc)
        return _render(page, store, id.strip(), errors=errors, status=status)
    target = page.link("/historik", id=id.strip() or None, fortrudt=record.id)
    return RedirectResponse(target, status_code=303, headers={"ETag": f'"{record.version}"'})


def _render(
    page: Any,
    store: Any,
    entity: str,
    *,
    undone: str | None = None,
    errors: list[tuple[str, str]] | None = None,
    status: int = 200,
) -> Response:
    model: Model = store.model()
    records: list[ChangeRecord] = store.history(_LIMIT)
    if entity:
        records = [r for r in records if _touches(r, entity)]
    undone_ids = {r.undoes for r in records if r.undoes}
    rows = [_row(model, r, page.lang, undone=r.iri in undone_ids) for r in records]
    label = model.label(entity, page.lang) if entity and entity in model.nx else entity
    return page.render(  # type: ignore[no-any-return]
        "history.html",
        status_code=status,
        headers={"Cache-Control": "no-store", "ETag": f'"{model.version}"'},
        rows=rows,
        entity=entity,
        entity_label=label,
        undone=undone,
        errors=errors or [],
        etag=model.version,
    )


def _touches(record: ChangeRecord, iri: str) -> bool:
    return iri in record.created or any(str(t[0]) == iri or str(t[2]) == iri for t in (*record.added, *record.removed))


def _row(model: Model, r: ChangeRecord, lang: str, *, undone: bool) -> dict[str, Any]:
    """One change as the page shows it: what happened in words, and the entities it touched."""
    touched: list[str] = []
    for t in (*r.added, *r.removed):
        s = str(t[0])
        if s in model.nx and s not in touched:
            touched.append(s)
    return {
        "id": r.id,
        "kind": r.kind,
        "user": r.user,
        "at": r.at.strftime("%Y-%m-%d %H:%M") + " UTC",
        "reason": r.reason,
        "what": [_say(e, lang) for e in r.edits],
        "added": len(r.added),
        "removed": len(r.removed),
        "entities": [model.ref(s, lang) for s in touched[:12]],
        "more": max(0, len(touched) - 12),
        "undoable": r.kind in ("edit", "undo") and not undone and bool(r.added or r.removed),
        "undone": undone,
    }


_OPS = {
    "fill_seat": ("navngav indehaveren af en plads", "named the holder of a seat"),
    "vacate_seat": ("gjorde en plads vakant", "made a seat vacant"),
    "create_organisation": ("oprettede en organisation", "created an organisation"),
    "create_forum": ("oprettede et forum", "created a forum"),
    "create_seat": ("oprettede en plads", "created a seat"),
    "create_membership": ("tilføjede et medlem", "added a member"),
    "create_channel": ("oprettede en kanal", "created a channel"),
    "create_contact_point": ("tilføjede et kontaktpunkt", "added a contact point"),
    "create_topic": ("oprettede et emne", "created a topic"),
    "link_topic": ("knyttede et emne til", "linked a topic"),
    "unlink_topic": ("fjernede et emne", "unlinked a topic"),
    "change": ("rettede", "changed"),
    "end": ("afsluttede", "ended"),
    "undo": ("fortrød ændring", "undid change"),
    "import_spreadsheet": ("importerede regnearket", "imported the spreadsheet"),
    "seed": ("indlæste datafilerne", "loaded the data files"),
    "import": ("overtog data i lageret", "adopted the data in the store"),
}


def _say(edit: dict[str, Any], lang: str) -> str:
    da, en = _OPS.get(str(edit.get("op")), (str(edit.get("op")), str(edit.get("op"))))
    text = en if lang == "en" else da
    detail = edit.get("name") or edit.get("label_da") or edit.get("change") or edit.get("file") or ""
    return f"{text} {detail}".strip() if isinstance(detail, str) else text
