"""The one place that maps domain errors to HTTP statuses, CLI exit codes and a JSON body."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.errors import (
    AmbiguousEntity,
    ConflictError,
    DataFileError,
    EditRejected,
    EntityNotFound,
    InputError,
    LimitExceeded,
    NoPathError,
    NotInSources,
    PermissionDenied,
    SamarbejdskortError,
    SheetRejected,
    StoreUnavailable,
    TooLarge,
    ValidationFailed,
)

__all__ = ["ErrorMapping", "error_body", "mapping_for"]


@dataclass(frozen=True)
class ErrorMapping:
    http_status: int
    exit_code: int
    code: str


# Looked up along the class hierarchy: the first entry the error is an instance of wins.
_TABLE: tuple[tuple[type[SamarbejdskortError], ErrorMapping], ...] = (
    (AmbiguousEntity, ErrorMapping(409, 2, "ambiguous")),
    (NotInSources, ErrorMapping(404, 2, "not_in_sources")),
    (EntityNotFound, ErrorMapping(404, 2, "not_found")),
    (NoPathError, ErrorMapping(404, 2, "no_path")),
    (DataFileError, ErrorMapping(422, 2, "bad_data")),
    (EditRejected, ErrorMapping(422, 2, "edit_rejected")),
    (TooLarge, ErrorMapping(413, 2, "too_large")),
    (InputError, ErrorMapping(422, 2, "bad_input")),
    (ValidationFailed, ErrorMapping(422, 1, "violations")),
    (ConflictError, ErrorMapping(412, 2, "stale")),
    (PermissionDenied, ErrorMapping(403, 2, "forbidden")),
    (StoreUnavailable, ErrorMapping(503, 3, "store_unavailable")),
    (LimitExceeded, ErrorMapping(503, 3, "limit_exceeded")),
    (SamarbejdskortError, ErrorMapping(400, 2, "error")),
)


def mapping_for(exc: SamarbejdskortError) -> ErrorMapping:
    for cls, mapping in _TABLE:
        if isinstance(exc, cls):
            return mapping
    return ErrorMapping(500, 3, "internal")


def error_body(exc: SamarbejdskortError) -> dict[str, Any]:
    """The JSON error object shared by the API and ``--json`` CLI output."""
    body: dict[str, Any] = {"error": mapping_for(exc).code, "message": str(exc)}
    if isinstance(exc, AmbiguousEntity):
        body["candidates"] = [{"id": c.id, "label": c.label, "kind": c.kind} for c in exc.candidates]
    if isinstance(exc, EntityNotFound):
        body["suggestions"] = [{"id": c.id, "label": c.label, "kind": c.kind} for c in exc.suggestions]
        if exc.note:
            body["note"] = {"da": exc.note[0], "en": exc.note[1]}
    if isinstance(exc, NotInSources):
        body["routes"] = [{"id": c.id, "label": c.label, "kind": c.kind} for c in exc.routes]
    if isinstance(exc, DataFileError):
        body.update({"file": exc.path, "line": exc.line, "reason": exc.reason})
    if isinstance(exc, SheetRejected):
        body["errors"] = [e.as_json() for e in exc.errors]
    if isinstance(exc, ValidationFailed):
        body["findings"] = [getattr(f, "as_json", lambda f=f: str(f))() for f in exc.findings]
    return body
