"""Request dependencies as short ``Annotated`` aliases, and ``Page`` for rendering templates.

Handlers declare what they need (``model: ModelDep, lang: LangDep``) and never reach into
``app.state`` themselves; settings come from ``create_app(settings)`` via ``app.state``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from api.auth import User, current_user
from api.settings import Settings, app_settings
from graph.errors import InputError
from graph.model import Model
from graph.privacy import public_model
from graph.store import Store

__all__ = [
    "CSP",
    "DateDep",
    "LangDep",
    "ModelDep",
    "Page",
    "PageDep",
    "ScenariosDep",
    "SettingsDep",
    "StoreDep",
    "UserDep",
    "page_for",
]

Lang = Literal["da", "en"]

# Our own pages load nothing from other hosts and run no inline script (diagrams are framed from /api).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
)

SettingsDep = Annotated[Settings, Depends(app_settings)]


def get_store(request: Request) -> Store:
    """The one store opened by the lifespan."""
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def get_model(store: StoreDep, user: Annotated[User | None, Depends(current_user)]) -> Model:
    """The current model for this caller: the full one when signed in, else the public view.

    The public view (``graph.privacy``) has no person's name, IRI, e-mail or phone, so no handler,
    template or diagram can leak them to an anonymous caller by mistake.
    """
    model = store.model()
    return model if user is not None else public_model(model)


ModelDep = Annotated[Model, Depends(get_model)]


def get_lang(settings: SettingsDep, lang: Annotated[Lang | None, Query(description="da or en")] = None) -> str:
    return lang or settings.default_lang


LangDep = Annotated[str, Depends(get_lang)]


def get_date(
    date: Annotated[str | None, Query(description="YYYY-MM-DD; default today", examples=["2026-01-15"])] = None,
) -> dt.date:
    """The day the answer is for; a malformed date is the caller's error (422), as in the CLI."""
    if not date:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        raise InputError(f"date '{date}' is not a date (use YYYY-MM-DD)") from None


DateDep = Annotated[dt.date, Depends(get_date)]


def get_scenarios(
    scenario: Annotated[list[str] | None, Query(description="Apply a scenario (repeatable)")] = None,
) -> tuple[str, ...]:
    return tuple(s for s in (scenario or ()) if s)


ScenariosDep = Annotated[tuple[str, ...], Depends(get_scenarios)]
UserDep = Annotated[User | None, Depends(current_user)]


@dataclass
class Page:
    """Renders one template with what ``base.html`` needs: language, user, links that keep ``?lang``."""

    request: Request
    lang: str
    default_lang: str
    user: Any = None

    def tr(self, da: str, en: str) -> str:
        """The Danish or English text; templates carry both next to each other."""
        return en if self.lang == "en" else da

    def link(self, path: str, **params: Any) -> str:
        """A URL on this site with the page language kept and values percent-encoded."""
        pairs = [(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list | tuple) else [vs])]
        pairs = [(k, str(v)) for k, v in pairs if v not in (None, "")]
        if self.lang != self.default_lang:
            pairs.append(("lang", self.lang))
        root = self.request.scope.get("root_path", "")
        return root + path + ("?" + urlencode(pairs) if pairs else "")

    def path(self, path: str) -> str:
        """A path on this site without parameters (form actions)."""
        return self.request.scope.get("root_path", "") + path

    def asset(self, name: str) -> str:
        """A file under /static (never another host)."""
        return self.path("/static/" + name)

    def twin(self, api_path: str) -> str:
        """The JSON twin of this page: the API path with the same query parameters."""
        query = self.request.url.query
        return self.request.scope.get("root_path", "") + api_path + ("?" + query if query else "")

    def entity_link(self, ref: dict[str, Any]) -> str:
        return self.link("/enhed", id=ref["id"])

    def pretty_entity_link(self, label: str) -> str:
        return self.link("/enhed/" + quote(label, safe=""))

    def switch_lang(self) -> str:
        """This page's URL in the other language."""
        other = "en" if self.lang == "da" else "da"
        pairs = [(k, v) for k, v in self.request.query_params.multi_items() if k != "lang"]
        if other != self.default_lang:
            pairs.append(("lang", other))
        root = self.request.scope.get("root_path", "")
        return root + self.request.url.path + ("?" + urlencode(pairs) if pairs else "")

    def render(
        self,
        template: str,
        /,
        *,
        json_url: str | None = None,
        status_code: int = 200,
        headers: Mapping[str, str] | None = None,
        **context: Any,
    ) -> HTMLResponse:
        """The page ``template`` with the shared context; ``json_url`` is its JSON twin."""
        templates: Jinja2Templates = self.request.app.state.templates
        ctx = {"page": self, "lang": self.lang, "tr": self.tr, "link": self.link, "user": self.user}
        ctx.update(json_url=json_url, **context)
        headers = {"Content-Security-Policy": CSP, **(headers or {})}
        return templates.TemplateResponse(self.request, template, ctx, status_code=status_code, headers=headers)


def page_for(request: Request, user: Any = None) -> Page:
    """A ``Page`` outside the dependency system (error pages): language from the query, else the default."""
    default = request.app.state.settings.default_lang
    lang = request.query_params.get("lang")
    return Page(request, lang if lang in ("da", "en") else default, default, user)


def get_page(request: Request, lang: LangDep, settings: SettingsDep, user: UserDep) -> Page:
    return Page(request, lang, settings.default_lang, user)


PageDep = Annotated[Page, Depends(get_page)]
