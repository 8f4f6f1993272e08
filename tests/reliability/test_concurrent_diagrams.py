"""Many printable and interactive diagrams at once must all be drawn, and the server must live on.

Regression for issue 13.1: Graphviz (pygraphviz, in-process) is not thread-safe; two concurrent
``GET /api/diagrams/organisation.pdf`` and ``network.svg`` aborted the whole process
(``attr.c: agxget: Assertion 'sym->id >= 0 ...' failed``).
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.reliability.server import running_server

VIEWS = {"organisation": "", "network": "", "ego": "?id=SSU"}
FORMATS = ("svg", "pdf", "png", "html")
MAGIC = {"svg": b"<svg", "pdf": b"%PDF", "png": b"\x89PNG", "html": b"<!DOCTYPE html"}


def test_concurrent_diagrams_in_every_view_and_format_all_answer_and_the_server_lives(tmp_path: Path) -> None:
    urls = [(f"/api/diagrams/{view}.{fmt}{query}", fmt) for view, query in VIEWS.items() for fmt in FORMATS]
    wave = urls * 3  # 36 requests, 12 at a time: every pair of formats and views meets another
    random.Random(13).shuffle(wave)
    with running_server(tmp_path) as server:
        server.get("/api/diagrams/organisation.svg")  # model and caches built before the wave

        def fetch(item: tuple[str, str]) -> tuple[str, int | str, bytes]:
            url = item[0]
            try:
                r = server.get(url, timeout=240)
            except httpx.HTTPError as exc:  # a dead server: connection reset or refused
                return url, type(exc).__name__, b""
            return url, r.status_code, r.content[:64]

        with ThreadPoolExecutor(max_workers=12) as pool:
            answers = list(pool.map(fetch, wave))
        failed = [(url, status) for url, status, _ in answers if status != 200]
        assert server.alive(), f"the server died under concurrent diagram requests:\n{server.output()[-1500:]}"
        assert failed == [], f"requests that did not answer 200: {failed}"
        for (url, _, head), (_, fmt) in zip(answers, wave, strict=True):
            assert MAGIC[fmt] in head or (fmt == "svg" and b"<?xml" in head), f"{url} is not {fmt}: {head[:20]!r}"
        assert server.get("/api/stats").status_code == 200
