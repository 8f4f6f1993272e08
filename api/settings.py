"""Settings of the web app, read from ``SAMARBEJDSKORT_*`` environment variables.

Built only when asked (``get_settings``), never at import time, so tests and the
``serve`` command can pass their own ``Settings`` to ``create_app``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from fastapi import Request
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    """What the app needs to start: where the data and the store are, tokens, query limits."""

    model_config = SettingsConfigDict(env_prefix="SAMARBEJDSKORT_")

    data: list[str] = []
    """Seed files or folders; empty means the bundled data set."""
    store: str | None = "var/store"
    """Folder of the persistent store, an http(s) URL of a remote one, or None for memory only."""
    tokens: str = ""
    """API tokens as ``TOKEN:ROLE:NAME,...`` (read by ``api.auth``)."""
    sparql_timeout_s: float = 5.0
    sparql_limit: int = 10000
    sparql_memory_mb: int = 1024
    """Address-space bound of the SPARQL query process (MB); a query past it answers 503."""
    default_lang: Literal["da", "en"] = "da"
    request_budget_s: float = 60.0
    """A request whose answer has not started after this many seconds gets 503 (0: no budget)."""
    max_body_mb: float = 10.0
    """Largest request body (edits, forms, SPARQL posts); larger ones get 413 naming this limit."""
    answer_cache_mb: float = 32.0
    """Bytes of anonymous question answers kept per process (encoded, per data version; an LRU)."""
    warm_start: bool = True
    """Build today's views and indexes at start (and freeze them for the GC) instead of on the first request."""
    auth_failures_per_minute: int = 10
    """Refused sign-ins/tokens from one client per minute before it gets 429 (0: no throttling)."""


@lru_cache
def get_settings() -> Settings:
    """The settings from the environment, built once (``create_app`` uses them when given none)."""
    return Settings()


def app_settings(request: Request) -> Settings:
    """The settings the running app was created with (set once in ``create_app``).

    A dependency, not ``app.dependency_overrides``: FastAPI re-inspects overridden dependencies on every
    request, which measurably cut the request rate.
    """
    settings: Settings = request.app.state.settings
    return settings
