"""Anonymous answers kept as encoded bytes per data version, and gzip for large answers.

The question endpoints answer the same question with the same bytes until the data changes, and most
callers are anonymous. ``AnswerCache`` keeps those bytes (and their gzip form, compressed once) in a
bounded LRU keyed by (data version, day, path, query), and replays them without entering FastAPI: no
routing, no dependencies, no JSON encoding. Only a 200 answer to a GET without credentials (no
``Authorization`` header, no sign-in cookie) is kept, so a signed-in caller's answer (names, personal
contact data) never reaches anyone else. The day is in the key because a question without ``date``
is about today.

Every other answer passes through, gzip-compressed when the client accepts it, the body is text-like
(JSON, HTML, SVG, Turtle …), larger than ``min_gzip`` bytes and sent in one piece.
"""

from __future__ import annotations

import datetime as dt
import gzip
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import COOKIE

__all__ = ["CACHED_PATHS", "AnswerCache"]

#: The endpoints whose anonymous answers depend only on (data version, day, path, query).
CACHED_PATHS = frozenset({"/api/contact", "/api/chain", "/api/path", "/api/gaps", "/api/transition"})
_TEXTUAL = (b"application/json", b"text/", b"image/svg+xml", b"application/ld+json", b"application/n-triples")
_GZIP_LEVEL = 6  # level 9 costs ~3× the time for ~2 % less
_OFF_LOOP_BYTES = 256 * 1024
_RECHECK_S = 5.0  # how often a hit asks the store whether another process changed the data


@dataclass(frozen=True)
class _Entry:
    """One answer: the plain body, or (when worth compressing) only its gzip form, ~10× smaller."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]  # without content-length / content-encoding
    body: bytes | None  # None when only the gzip form is kept
    gz: bytes | None  # None: too small to be worth compressing

    @property
    def size(self) -> int:
        return len(self.body or b"") + len(self.gz or b"") + 64 * len(self.headers) + 256

    def plain(self) -> bytes:
        """The body uncompressed (for the rare client that does not accept gzip)."""
        return self.body if self.body is not None else gzip.decompress(self.gz or b"")


class _Lru:
    """An LRU bounded by the bytes it holds (answers of an old data version age out like any other)."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[tuple[str, ...], _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> _Entry | None:
        with self._lock:
            entry = self._items.get(key)
            if entry is not None:
                self._items.move_to_end(key)
            return entry

    def put(self, key: tuple[str, ...], entry: _Entry) -> None:
        if entry.size > self.max_bytes // 8:  # one huge answer never flushes the rest
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= old.size
            self._items[key] = entry
            self.bytes += entry.size
            while self.bytes > self.max_bytes and self._items:
                _, dropped = self._items.popitem(last=False)
                self.bytes -= dropped.size

    def __len__(self) -> int:
        return len(self._items)


class AnswerCache:
    """ASGI middleware: replay cached anonymous answers of ``paths``; gzip what clients accept."""

    def __init__(
        self, app: ASGIApp, *, max_bytes: int = 32 * 1024 * 1024, min_gzip: int = 1024, paths: Iterable[str] = ()
    ) -> None:
        self.app = app
        self.min_gzip = min_gzip
        self.paths = frozenset(paths) or CACHED_PATHS
        self.lru = _Lru(max_bytes)
        self._checked = time.monotonic()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        gz_ok, credentialed = _inspect(scope.get("headers", ()))
        path = _route_path(scope)
        store = getattr(scope["app"].state, "store", None)
        if path not in self.paths or credentialed or store is None:
            await self.app(scope, receive, self._gzipping(send, gz_ok))
            return
        version = await self._version(store)
        key = (version, dt.date.today().isoformat(), path, scope.get("query_string", b"").decode("latin-1"))
        entry = self.lru.get(key)
        if entry is None:
            await self.app(scope, receive, self._capturing(send, gz_ok, key))
            return
        await _replay(entry, gz_ok, send)

    async def _version(self, store: Any) -> str:
        """The data version; every few seconds through ``store.model()`` so another writer's change is seen."""
        if time.monotonic() - self._checked > _RECHECK_S:
            self._checked = time.monotonic()
            await run_in_threadpool(store.model)
        return str(store.version)

    def _capturing(self, send: Send, gz_ok: bool, key: tuple[str, ...]) -> Send:
        """Send the inner app's answer; a complete 200 answer is also kept for the next caller."""
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            entry = await self._entry_async(start, body)
            if entry.status == 200 and not _has(entry.headers, b"set-cookie"):
                self.lru.put(key, entry)
            await _replay(entry, gz_ok, send, body)

        return capture

    def _gzipping(self, send: Send, gz_ok: bool) -> Send:
        """Pass an answer through, compressed when it is text, large enough and sent in one piece."""
        if not gz_ok:
            return send
        start: Message | None = None

        async def maybe_gzip(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if start is not None:
                held, start = start, None
                body = message.get("body", b"")
                headers = tuple(held.get("headers", ()))
                if (
                    message["type"] == "http.response.body"
                    and not message.get("more_body")
                    and _compressible(headers, body, self.min_gzip)
                ):
                    await _replay(await self._entry_async(held, body), True, send, body)
                    return
                await send(held)
            await send(message)

        return maybe_gzip

    async def _entry_async(self, start: Message, body: bytes) -> _Entry:
        """``_entry``; a large body is compressed off the event loop so other requests go on meanwhile."""
        if len(body) > _OFF_LOOP_BYTES:
            return await run_in_threadpool(self._entry, start, body)
        return self._entry(start, body)

    def _entry(self, start: Message, body: bytes) -> _Entry:
        headers = tuple(
            (k, v) for k, v in start.get("headers", ()) if k.lower() not in (b"content-length", b"content-encoding")
        )
        gz = gzip.compress(body, _GZIP_LEVEL, mtime=0) if _compressible(headers, body, self.min_gzip) else None
        return _Entry(start["status"], headers, None if gz is not None else body, gz)


async def _replay(entry: _Entry, gz_ok: bool, send: Send, plain: bytes | None = None) -> None:
    """Send ``entry``: gzip-compressed when the client accepts it (``plain``: the body, when at hand)."""
    body = entry.gz if gz_ok and entry.gz is not None else (plain if plain is not None else entry.plain())
    headers = [*entry.headers, (b"content-length", str(len(body)).encode())]
    if entry.gz is not None:
        headers.append((b"vary", b"Accept-Encoding"))
        if body is entry.gz:
            headers.append((b"content-encoding", b"gzip"))
    await send({"type": "http.response.start", "status": entry.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _inspect(headers: Iterable[tuple[bytes, bytes]]) -> tuple[bool, bool]:
    """(accepts gzip, carries credentials: an Authorization header or the sign-in cookie)."""
    gz_ok = credentialed = False
    cookie = COOKIE.encode() + b"="
    for k, v in headers:
        if k == b"accept-encoding":
            gz_ok = b"gzip" in v
        elif k == b"authorization" or (k == b"cookie" and cookie in v):
            credentialed = True
    return gz_ok, credentialed


def _route_path(scope: Scope) -> str:
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def _has(headers: Iterable[tuple[bytes, bytes]], name: bytes) -> bool:
    return any(k.lower() == name for k, _ in headers)


def _compressible(headers: Iterable[tuple[bytes, bytes]], body: bytes, min_size: int) -> bool:
    if len(body) < min_size:
        return False
    kind = next((v for k, v in headers if k.lower() == b"content-type"), b"")
    return kind.startswith(_TEXTUAL)
