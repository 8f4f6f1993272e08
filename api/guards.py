"""Guards around every request: a time budget, a body-size limit, same-origin cookie writes, throttled
failed sign-ins, and security headers. Plain ASGI middleware, so they cost nothing per request beyond
a few dictionary look-ups and wrap every route, including ones added later.

- ``TimeBudget``: a request that has not started its answer within ``request_budget_s`` gets 503. The work
  itself cannot be killed inside a thread; it runs on in the background until its own bounds end it, but
  the client gets an answer and the server's event loop never waits on it.
- ``BodyLimit``: a body over ``max_body_mb`` gets 413 naming the limit (by ``Content-Length`` at once, or
  while it streams in).
- ``CookieWriteOrigin``: a write (POST, PUT, PATCH, DELETE) that carries the sign-in cookie must come from this
  site: a foreign or ``null`` ``Origin``, or a foreign ``Referer``, gets 403. Bearer-token calls are not cookie
  based and pass. (Browsers send ``Origin`` on every cross-site POST; the cookie is also ``SameSite=Strict``.)
- ``AuthThrottle``: after ``auth_failures_per_minute`` refused sign-ins or tokens from one client within a
  minute, further credentialed requests from it get 429 with ``Retry-After`` until the minute has passed.
- ``SecurityHeaders``: ``nosniff``, a referrer policy, framing only by this site, and a closed CSP on
  everything that is not an HTML page (JSON, SVG, images), unless a route set its own.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import OrderedDict, deque
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import COOKIE
from api.settings import Settings

__all__ = ["AuthThrottle", "BodyLimit", "CookieWriteOrigin", "SecurityHeaders", "TimeBudget", "install_guards"]

_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CLOSED_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "SAMEORIGIN",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def install_guards(app: Any, settings: Settings) -> None:
    """Add the guards to ``app`` (outermost last: headers and budget see every answer, even a refusal)."""
    app.add_middleware(AuthThrottle, failures_per_minute=settings.auth_failures_per_minute)
    app.add_middleware(CookieWriteOrigin)
    app.add_middleware(BodyLimit, max_bytes=int(settings.max_body_mb * 1024 * 1024))
    app.add_middleware(TimeBudget, budget_s=settings.request_budget_s)
    app.add_middleware(SecurityHeaders)


async def _refuse(scope: Scope, send: Send, status: int, code: str, message: str, **headers: str) -> None:
    """A JSON error in the shape of ``api.errors.error_body`` (under /api and elsewhere: no user text in it)."""
    body = json.dumps({"error": code, "message": message}, ensure_ascii=False).encode("utf-8")
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


# ---------------------------------------------------------------------------------------------- time budget
class TimeBudget:
    """503 for a request whose answer has not started within ``budget_s`` (0 switches the budget off)."""

    def __init__(self, app: ASGIApp, budget_s: float) -> None:
        self.app = app
        self.budget_s = budget_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.budget_s <= 0:
            await self.app(scope, receive, send)
            return
        state = {"started": False, "abandoned": False}

        async def guarded_send(message: Message) -> None:
            if state["abandoned"]:
                return  # the client has had its 503; late output of abandoned work is dropped
            if message["type"] == "http.response.start":
                state["started"] = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        done, _ = await asyncio.wait({task}, timeout=self.budget_s)
        if task in done or state["started"]:
            await task  # finished, or already answering (a long download): let it end
            return
        state["abandoned"] = True
        task.add_done_callback(_swallow)  # its outcome (maybe an error naming user input) is never logged
        task.cancel()
        await _refuse(
            scope,
            send,
            503,
            "limit_exceeded",
            f"the request took longer than the server's time budget of {self.budget_s:g} s and was abandoned; "
            "try a narrower question (a date, a scope, a smaller view)",
            **{"Retry-After": "10"},
        )


def _swallow(task: asyncio.Future[Any]) -> None:
    if not task.cancelled():
        task.exception()


# ---------------------------------------------------------------------------------------------- body size
class _TooLarge(Exception):
    pass


class BodyLimit:
    """413 for a request body over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _message(self) -> str:
        return f"the request body is larger than the limit of {self.max_bytes / 1024 / 1024:g} MB (max_body_mb)"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.max_bytes <= 0:
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None and length.strip().isdigit() and int(length) > self.max_bytes:
            await _refuse(scope, send, 413, "too_large", self._message())
            return
        seen = {"bytes": 0, "started": False}

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                seen["bytes"] += len(message.get("body", b""))
                if seen["bytes"] > self.max_bytes:
                    raise _TooLarge
            return message

        async def watching_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["started"] = True
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except _TooLarge:
            if not seen["started"]:
                await _refuse(scope, send, 413, "too_large", self._message())


# ---------------------------------------------------------------------------------------------- same origin
class CookieWriteOrigin:
    """403 for a cookie-authenticated write whose ``Origin``/``Referer`` is another site."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in _WRITES and self._foreign(scope):
            await _refuse(scope, send, 403, "forbidden", "cross-site writes with the sign-in cookie are refused")
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _foreign(scope: Scope) -> bool:
        cookie = _header(scope, b"cookie") or ""
        if f"{COOKIE}=" not in cookie or (_header(scope, b"authorization") or "").lower().startswith("bearer "):
            return False
        host = _header(scope, b"host") or ""
        origin = _header(scope, b"origin")
        if origin is not None:
            return origin.strip() == "null" or urlsplit(origin.strip()).netloc != host
        referer = _header(scope, b"referer")
        return referer is not None and urlsplit(referer.strip()).netloc != host


# ---------------------------------------------------------------------------------------------- throttling
class AuthThrottle:
    """429 for credentialed requests from a client with too many refused credentials in the last minute."""

    WINDOW_S = 60.0
    MAX_CLIENTS = 10_000

    def __init__(self, app: ASGIApp, failures_per_minute: int) -> None:
        self.app = app
        self.limit = failures_per_minute
        self.failures: OrderedDict[str, deque[float]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.limit <= 0 or not self._credentialed(scope):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("?", 0))[0]
        now = time.monotonic()
        recent = self._recent(client, now)
        if len(recent) >= self.limit:
            wait = max(1, int(recent[0] + self.WINDOW_S - now) + 1)
            await _refuse(
                scope,
                send,
                429,
                "too_many_attempts",
                f"too many refused sign-ins or tokens from this client; wait {wait} s",
                **{"Retry-After": str(wait)},
            )
            return

        async def watching_send(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 401:
                self._record(client, time.monotonic())
            await send(message)

        await self.app(scope, receive, watching_send)

    @staticmethod
    def _credentialed(scope: Scope) -> bool:
        if _header(scope, b"authorization") is not None:
            return True
        return scope["method"] == "POST" and scope["path"].rstrip("/").endswith("/login")

    def _recent(self, client: str, now: float) -> deque[float]:
        recent = self.failures.get(client, deque())
        while recent and recent[0] < now - self.WINDOW_S:
            recent.popleft()
        return recent

    def _record(self, client: str, now: float) -> None:
        recent = self._recent(client, now)
        recent.append(now)
        self.failures[client] = recent
        self.failures.move_to_end(client)
        while len(self.failures) > self.MAX_CLIENTS:
            self.failures.popitem(last=False)


# ---------------------------------------------------------------------------------------------- headers
class SecurityHeaders:
    """The common security headers on every answer; a closed CSP on everything that is not an HTML page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                html = headers.get("content-type", "").startswith("text/html")
                if "content-security-policy" not in headers and not html:
                    headers["Content-Security-Policy"] = CLOSED_CSP
            await send(message)

        await self.app(scope, receive, with_headers)
