"""Editing: the JSON edit API with optimistic locking, the change log, undo, login and the seat form.

Every write needs the editor role and the ETag the client read (``If-Match``, or the hidden ``etag``
field of a form): missing → 428, stale → 412, so nobody overwrites a change they have not seen.
Handlers parse, call ``graph.store``, and return; the store validates and logs.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Header, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field, ValidationError

from api.auth import COOKIE, EditorDep, User, current_user, has_role, token_table, unauthorized
from api.deps import Page, PageDep, SettingsDep, StoreDep
from graph.describe import seat_details
from graph.editing import EditBatch, FillSeat, VacateSeat
from graph.errors import (
    ConflictError,
    EditRejected,
    EntityNotFound,
    PermissionDenied,
    SamarbejdskortError,
    ValidationFailed,
)
from graph.model import Model
from ontology.namespace import ID

__all__ = ["ChangeOut", "UndoIn", "router"]

router = APIRouter()
api = APIRouter(prefix="/api", tags=["edits"])
pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_COOKIE_MAX_AGE = 12 * 3600


class ChangeOut(BaseModel):
    """One committed change as the change log keeps it (``added``/``removed`` are N-Triples lines)."""

    id: str
    iri: str
    kind: str
    user: str
    at: str
    reason: str
    version: str = Field(description="The ETag of the data right after this change")
    undoes: str | None
    created: list[str]
    edits: list[dict[str, Any]]
    added: list[str]
    removed: list[str]
    triples: int


class UndoIn(BaseModel):
    reason: str = Field("Fortryd / undo", min_length=3, max_length=2000)


def if_match(
    store: StoreDep,
    header: Annotated[str | None, Header(alias="If-Match", description="The ETag you read")] = None,
) -> str:
    """The ETag the client based its change on (428 when it sent none)."""
    tags = [t.strip().removeprefix("W/").strip('"') for t in (header or "").split(",") if t.strip()]
    tags = [t for t in tags if t and t != "*"]
    if not tags:
        raise HTTPException(428, "send If-Match with the ETag of the data you read (any GET returns it)")
    return store.version if store.version in tags else tags[0]


IfMatchDep = Annotated[str, Depends(if_match)]


# ---------------------------------------------------------------------------- JSON API
@api.post("/edits", response_model=ChangeOut, summary="Apply edits (all or nothing)")
def post_edits(batch: EditBatch, user: EditorDep, etag: IfMatchDep, store: StoreDep, response: Response) -> Any:
    """Create, change or end entities; validated against the SHACL rules, logged, undoable."""
    record = store.apply(batch.edits, user=user.name, reason=batch.reason, if_match=etag)
    response.headers["ETag"] = f'"{record.version}"'
    return record.as_json()


@api.get("/changes", response_model=list[ChangeOut], summary="The change log, newest first")
def get_changes(user: EditorDep, store: StoreDep, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> Any:
    return [r.as_json() for r in store.history(limit)]


@api.get("/changes/{change_id}", response_model=ChangeOut, summary="One change")
def get_change(change_id: str, user: EditorDep, store: StoreDep) -> Any:
    return store.change(change_id).as_json()


@api.post("/changes/{change_id}/undo", response_model=ChangeOut, summary="Undo a change (as a new change)")
def post_undo(
    change_id: str, user: EditorDep, etag: IfMatchDep, store: StoreDep, response: Response, body: UndoIn | None = None
) -> Any:
    reason = body.reason if body is not None else "Fortryd / undo"
    record = store.undo(change_id, user=user.name, reason=reason, if_match=etag)
    response.headers["ETag"] = f'"{record.version}"'
    return record.as_json()


# ---------------------------------------------------------------------------- login
@pages.get("/login")
def login_form(page: PageDep, next: str = "/") -> Response:
    return page.render("login.html", next=_local(next), failed=False)


@pages.post("/login")
def login(
    request: Request,
    page: PageDep,
    settings: SettingsDep,
    token: Annotated[str, Form(max_length=500)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Check the token and keep it in an HttpOnly, SameSite=Strict cookie."""
    _same_origin(request)
    user = token_table(settings.tokens).find(token.strip()) if token.strip() else None
    if user is None:
        headers = {"WWW-Authenticate": "Bearer"}
        return page.render("login.html", status_code=401, headers=headers, next=_local(next), failed=True)
    response = RedirectResponse(page.path(_local(next)), status_code=303)
    response.set_cookie(
        COOKIE,
        token.strip(),
        max_age=_COOKIE_MAX_AGE,
        path=page.path("/") or "/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@pages.post("/logout")
def logout(request: Request, page: PageDep) -> Response:
    _same_origin(request)
    response = RedirectResponse(page.link("/"), status_code=303)
    response.delete_cookie(COOKIE, path=page.path("/") or "/", httponly=True, samesite="strict")
    return response


# ---------------------------------------------------------------------------- seat form
@pages.get("/rediger/plads/{seat:path}")
def seat_form(
    request: Request,
    page: PageDep,
    store: StoreDep,
    user: Annotated[User | None, Depends(current_user)],
    seat: str,
    gemt: str | None = None,
) -> Response:
    """Name the holder of any seat (vacant, not stated, or held: a new holder replaces the old), and why."""
    if (redirect := _gate(request, page, user)) is not None:
        return redirect
    model = store.model()
    return _render_seat(page, model, _seat_iri(model, seat), form={}, saved=gemt, etag=model.version)


@pages.post("/rediger/plads/{seat:path}")
def seat_submit(
    request: Request,
    page: PageDep,
    store: StoreDep,
    user: Annotated[User | None, Depends(current_user)],
    seat: str,
    name: Annotated[str, Form(max_length=500)] = "",
    email: Annotated[str, Form(max_length=500)] = "",
    phone: Annotated[str, Form(max_length=500)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
    etag: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    user = editor_post(request, user)
    model = store.model()
    iri = _seat_iri(model, seat)
    form = {"name": name, "email": email, "phone": phone, "reason": reason}
    try:
        fill = FillSeat(seat=iri, name=name, email=email.strip() or None, phone=phone.strip() or None, ref=None)
        edits: list[Any] = [fill]
        if seat_details(model, iri)["holders"]:  # a new holder replaces the one named before
            edits.insert(0, VacateSeat(seat=iri))
        if not etag:
            raise _Problem(
                428, [("Formularen mangler sin version; åbn den igen.", "The form lacks its version; reopen it.")]
            )
        record = store.apply(edits, user=user.name, reason=reason, if_match=etag)
    except ValidationError as exc:
        errors = [_field_error(e) for e in exc.errors()]
        return _render_seat(page, model, iri, form=form, errors=errors, status=422, etag=etag or model.version)
    except _Problem as exc:
        return _render_seat(page, model, iri, form=form, errors=exc.errors, status=exc.status, etag=model.version)
    except (ConflictError, EditRejected, ValidationFailed) as exc:
        current = store.model()
        status, errors = _problem(exc)
        return _render_seat(page, current, iri, form=form, errors=errors, status=status, etag=current.version)
    target = page.link(request.url.path, gemt=record.id)
    return RedirectResponse(target, status_code=303, headers={"ETag": f'"{record.version}"'})


class _Problem(Exception):
    def __init__(self, status: int, errors: list[tuple[str, str]]) -> None:
        self.status, self.errors = status, errors


def _problem(exc: SamarbejdskortError) -> tuple[int, list[tuple[str, str]]]:
    if isinstance(exc, ConflictError):
        return 412, [
            (
                "Data er ændret, siden du åbnede formularen. Se pladsen igen, og send formularen på ny.",
                "The data changed since you opened the form. Check the seat again and resubmit.",
            )
        ]
    if isinstance(exc, ValidationFailed):
        return 422, [(f"{f.message_da} ({f.rule})", f"{f.message_en} ({f.rule})") for f in exc.findings]  # type: ignore[attr-defined]
    return 422, [(str(exc), str(exc))]


def _field_error(error: Any) -> tuple[str, str]:
    field = str(error["loc"][-1]) if error.get("loc") else ""
    names = {"name": ("Navn", "Name"), "email": ("E-mail", "E-mail"), "phone": ("Telefon", "Phone")}
    da, en = names.get(field, (field, field))
    return (f"{da}: ugyldig værdi.", f"{en}: {error.get('msg', 'invalid value')}.")


def _render_seat(
    page: Page,
    model: Model,
    iri: str,
    *,
    form: dict[str, str],
    etag: str,
    errors: list[tuple[str, str]] | None = None,
    status: int = 200,
    saved: str | None = None,
) -> Response:
    details = seat_details(model, iri, lang=page.lang)
    return page.render(
        "edit_seat.html",
        status_code=status,
        headers={"Cache-Control": "no-store", "ETag": f'"{model.version}"'},
        seat=details,
        bodies=details["post_in"],
        form=form,
        errors=errors or [],
        saved=saved,
        etag=etag,
        action=page.link(page.request.url.path),
    )


def _seat_iri(model: Model, text: str) -> str:
    """A seat from its IRI, its path under ``id:`` (``forum/x/plads/y``) or its name."""
    text = text.strip()
    for candidate in (text, str(ID[text.lstrip("/")])):
        if candidate in model.nx and model.nx.nodes[candidate]["kind"] == "post":
            return candidate
    if text.startswith(("http://", "https://")):
        raise EntityNotFound(text, what="seat")
    return model.resolve(text, kinds=("post",))


def _gate(request: Request, page: Page, user: User | None) -> Response | None:
    """Anonymous people go to the login form first; readers are refused."""
    if user is None:
        return RedirectResponse(page.link("/login", next=request.url.path), status_code=303)
    if not has_role(user, "editor"):
        raise PermissionDenied("this needs the role 'editor'")
    return None


def _local(target: str) -> str:
    """Only paths on this site (no scheme, no host, no '//'): no open redirects."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def editor_post(request: Request, user: User | None) -> User:
    """A form post that may change the map: from this site, signed in, with the role editor (else 403/401)."""
    _same_origin(request)
    if user is None:
        raise unauthorized()
    if not has_role(user, "editor"):
        raise PermissionDenied("this needs the role 'editor'")
    return user


def _same_origin(request: Request) -> None:
    """Refuse form posts that a browser says come from another site (backs up SameSite=Strict)."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise PermissionDenied("cross-site form posts are refused")


router.include_router(api)
router.include_router(pages)
