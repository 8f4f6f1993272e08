"""Edit any entity from the web: one page per entity with small forms for the edits the JSON API supports.

Names, status and dates (``change``), ending (``end``), a contact point, a channel, a membership, a new
forum or working group under a body. Each form is a same-origin POST with the version the editor saw
(hidden ``etag``) and a reason; the store checks, logs and commits it like ``POST /api/edits``.
A seat's holder has its own form (``/rediger/plads/…``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from api.auth import User, current_user
from api.deps import Page, PageDep, StoreDep
from api.routers.edits import _gate, _problem, editor_post
from graph.describe import describe
from graph.edit_plan import CODES
from graph.editing import edit_adapter
from graph.errors import ConflictError, EditRejected, EntityNotFound, ValidationFailed
from graph.model import Model
from graph.sheet_schema import term_label

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

BODIES = ("organisation", "unit", "forum", "cluster", "partnership", "collaboration")
ACTIONS = ("change", "end", "contact_point", "channel", "membership", "forum")
_FIELD_NAMES = {
    "label_da": ("Navn (dansk)", "Name (Danish)"),
    "label_en": ("Navn (engelsk)", "Name (English)"),
    "valid_from": ("Gyldig fra", "Valid from"),
    "valid_until": ("Gyldig til", "Valid until"),
    "on": ("Sidste dag", "Last day"),
    "email": ("E-mail", "E-mail"),
    "phone": ("Telefon", "Phone"),
    "url": ("Webadresse", "Web address"),
    "channel_to": ("Til", "To"),
    "member": ("Medlem", "Member"),
}


@router.get("/rediger/enhed")
def entity_form(
    request: Request,
    page: PageDep,
    store: StoreDep,
    user: Annotated[User | None, Depends(current_user)],
    id: str = "",
    gemt: str | None = None,
) -> Response:
    """The edit page of one entity (editors; others are sent to sign in)."""
    if (redirect := _gate(request, page, user)) is not None:
        return redirect
    model = store.model()
    return _render(page, model, _entity(model, id), saved=gemt)


@router.post("/rediger/enhed")
async def entity_submit(
    request: Request,
    page: PageDep,
    store: StoreDep,
    user: Annotated[User | None, Depends(current_user)],
) -> Response:
    user = editor_post(request, user)
    form = await request.form(max_files=0, max_fields=40)
    model = store.model()
    iri = _entity(model, _text(form, "id"))
    action = _text(form, "action")
    values = {k: _text(form, k) for k in form if k not in ("id", "etag")}
    etag = _text(form, "etag")
    try:
        if action not in ACTIONS:
            raise EditRejected(f"unknown form '{action}'")
        if not etag:
            return _render(
                page,
                model,
                iri,
                form=values,
                action=action,
                status=428,
                errors=[("Formularen mangler sin version; åbn den igen.", "The form lacks its version.")],
            )
        edits = edit_adapter.validate_python([_edit(action, iri, form)])
        record = store.apply(edits, user=user.name, reason=_text(form, "reason"), if_match=etag)
    except ValidationError as exc:
        errors = [_field_error(e) for e in exc.errors()]
        return _render(page, model, iri, form=values, action=action, errors=errors, status=422)
    except (ConflictError, EditRejected, ValidationFailed) as exc:
        current = store.model()
        status, errors = _problem(exc)
        return _render(page, current, iri, form=values, action=action, errors=errors, status=status)
    target = page.link("/rediger/enhed", id=iri, gemt=record.id)
    return RedirectResponse(target, status_code=303, headers={"ETag": f'"{record.version}"'})


def _edit(action: str, iri: str, form: FormData) -> dict[str, Any]:
    """The edit a form asks for; empty fields are left out (so "unchanged")."""

    def pick(*names: str) -> dict[str, Any]:
        return {n: _text(form, n) for n in names if _text(form, n)}

    if action == "change":
        return {
            "op": "change",
            "entity": iri,
            **pick("label_da", "label_en", "status", "valid_from", "valid_until", "state"),
        }
    if action == "end":
        return {"op": "end", "entity": iri, **pick("on")}
    if action == "contact_point":
        fields = pick("label_da", "email", "phone", "url")
        return {"op": "create_contact_point", "entity": iri, "functional": bool(form.get("functional")), **fields}
    if action == "channel":
        fields = pick("label_da", "state")
        targets = [t for t in (_text(form, "channel_to") or "").split(";") if t.strip()]
        return {"op": "create_channel", "channel_from": iri, "channel_to": targets, **fields}
    if action == "membership":
        return {"op": "create_membership", "organisation": iri, **pick("member", "role", "status")}
    fields = pick("label_da", "label_en", "type", "status")
    link = "part_of" if _text(form, "link") == "part_of" else "reports_to"
    return {"op": "create_forum", link: iri, **fields}


def _render(
    page: Page,
    model: Model,
    iri: str,
    *,
    form: dict[str, str] | None = None,
    action: str = "",
    errors: list[tuple[str, str]] | None = None,
    status: int = 200,
    saved: str | None = None,
) -> Response:
    entity = describe(model, iri, lang=page.lang, include_personal=True)
    kind = model.nx.nodes[iri]["kind"]
    return page.render(
        "edit_entity.html",
        status_code=status,
        headers={"Cache-Control": "no-store", "ETag": f'"{model.version}"'},
        e=entity,
        kind=kind,
        is_body=kind in BODIES,
        form=form or {},
        action=action,
        errors=errors or [],
        saved=saved,
        etag=model.version,
        choices={name: _choices(name, page.lang) for name in CODES},
        post_to=page.path("/rediger/enhed"),
    )


def _choices(name: str, lang: str) -> list[tuple[str, str]]:
    return [(key, term_label(term, lang)) for key, term in CODES[name].items()]


def _entity(model: Model, text: str) -> str:
    text = text.strip()
    if text in model.nx:
        return text
    if not text:
        raise EntityNotFound("", what="entity")
    return model.resolve(text)


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip()[:2000] if isinstance(value, str) else ""


def _field_error(error: Any) -> tuple[str, str]:
    field = str(error["loc"][-1]) if error.get("loc") else ""
    da, en = _FIELD_NAMES.get(field, (field, field))
    return (f"{da}: ugyldig værdi.", f"{en}: {error.get('msg', 'invalid value')}.")
