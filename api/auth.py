"""Who is asking: bearer tokens (API) or the login cookie (forms), and what their role allows.

Users come from ``Settings.tokens`` (``SAMARBEJDSKORT_TOKENS=TOKEN:ROLE:NAME,...``; roles
reader < editor < admin). Tokens are compared with ``hmac.compare_digest`` against every entry, and
neither tokens nor names are ever logged. Missing or invalid credentials on a protected route give
401 with ``WWW-Authenticate: Bearer``; a role that is too low gives 403 (``PermissionDenied``).
An invalid *cookie* just means "anonymous" on public pages (it may be stale); an invalid *bearer
token* is always refused, so a client never silently gets the anonymous view.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.settings import Settings, app_settings
from graph.errors import PermissionDenied

__all__ = [
    "COOKIE",
    "ROLES",
    "EditorDep",
    "Role",
    "TokenTable",
    "User",
    "current_user",
    "has_role",
    "parse_tokens",
    "require_role",
    "token_table",
]

Role = Literal["reader", "editor", "admin"]
ROLES: dict[str, int] = {"reader": 0, "editor": 1, "admin": 2}
COOKIE = "sk_token"

_log = logging.getLogger(__name__)
_bearer = HTTPBearer(auto_error=False, description="A token from SAMARBEJDSKORT_TOKENS")


@dataclass(frozen=True)
class User:
    """A signed-in person: the display name from the token list and a role."""

    name: str
    role: str

    def can(self, role: str) -> bool:
        return ROLES.get(self.role, -1) >= ROLES[role]


@dataclass(frozen=True)
class TokenTable:
    """The configured tokens; ``find`` compares against all of them in constant time per entry."""

    entries: tuple[tuple[bytes, User], ...]

    def find(self, token: str) -> User | None:
        given = token.encode("utf-8")
        found: User | None = None
        for secret, user in self.entries:
            if hmac.compare_digest(secret, given) and found is None:
                found = user
        return found


def parse_tokens(spec: str) -> tuple[TokenTable, list[int]]:
    """The table from ``TOKEN:ROLE:NAME,...`` and the positions (1-based) of malformed entries."""
    entries, bad = [], []
    for position, raw in enumerate(spec.split(","), start=1):
        if not raw.strip():
            continue
        parts = [p.strip() for p in raw.split(":", 2)]
        if len(parts) != 3 or not parts[0] or parts[1] not in ROLES or not parts[2]:
            bad.append(position)
            continue
        entries.append((parts[0].encode("utf-8"), User(name=parts[2], role=parts[1])))
    return TokenTable(tuple(entries)), bad


@lru_cache(maxsize=4)
def token_table(spec: str) -> TokenTable:
    """Parsed once per distinct setting; malformed entries are skipped with a warning naming their position."""
    table, bad = parse_tokens(spec)
    if bad:
        _log.warning("SAMARBEJDSKORT_TOKENS: entries %s are not TOKEN:ROLE:NAME and are ignored", bad)
    return table


def current_user(
    request: Request,
    settings: Annotated[Settings, Depends(app_settings)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User | None:
    """The signed-in user, or None for an anonymous request."""
    table = token_table(settings.tokens)
    if credentials is not None:
        user = table.find(credentials.credentials)
        if user is None:
            raise unauthorized("the token is not valid")
        return user
    cookie = request.cookies.get(COOKIE)
    return table.find(cookie) if cookie else None


def unauthorized(message: str = "sign in with a token (Authorization: Bearer …)") -> HTTPException:
    return HTTPException(status_code=401, detail=message, headers={"WWW-Authenticate": "Bearer"})


def has_role(user: User | None, role: Role) -> bool:
    return user is not None and user.can(role)


def require_role(role: Role) -> Callable[..., User]:
    """A dependency that lets through users with at least ``role`` (401 anonymous, 403 too low)."""

    def dependency(user: Annotated[User | None, Depends(current_user)]) -> User:
        if user is None:
            raise unauthorized()
        if not user.can(role):
            raise PermissionDenied(f"this needs the role '{role}' (you are signed in as '{user.role}')")
        return user

    dependency.__name__ = f"require_{role}"
    return dependency


EditorDep = Annotated[User, Depends(require_role("editor"))]
