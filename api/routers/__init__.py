"""One router per area: entities, questions, data, diagrams, edits (``api.routers.edits``) and the pages."""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["all_routers"]


def all_routers() -> list[APIRouter]:
    """The routers in include order; imported when the app is built, not when this package is imported."""
    from api.routers import (
        data,
        diagrams,
        edit_forms,
        edits,
        entities,
        history,
        interfaces,
        pages,
        questions,
        sheets,
    )

    return [
        entities.router,
        questions.router,
        interfaces.router,
        data.router,
        diagrams.router,
        edits.router,
        edit_forms.router,
        history.router,
        sheets.router,
        interfaces.pages_router,
        pages.router,
    ]
