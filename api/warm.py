"""Before the first request: today's views and indexes built, then the long-lived objects frozen for the GC.

Views, topic and path indexes are built on first use per (model, day). Left to the first request, the
first caller of the day waited ~0.75 s at national scale; ``warm`` builds today's contact indexes
(``graph.contacts.prepare``) and asks one path question on today's date of the public model (what every
anonymous caller reads), so those caches exist when the server starts answering. The full model's views
(~40 MB at national scale) are left to the first signed-in caller: a server mostly read anonymously does
not hold them for nothing.

``gc.freeze()`` then moves everything alive (the model, its indexes, the imports) out of the collector's
generations: a full collection no longer walks them, which cut the p99 latency from ~150 ms to ~55 ms
in-process (issue 9's profile).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import gc
import logging
from typing import Any

from graph.contacts import prepare
from graph.errors import SamarbejdskortError
from graph.model import Model
from graph.paths import find_paths
from graph.privacy import public_model

__all__ = ["freeze", "warm"]

_log = logging.getLogger(__name__)


def warm(store: Any, on: dt.date | None = None) -> None:
    """Build ``on``'s (default today's) views and indexes of the current model's public view."""
    model: Model = store.model()
    _ask(public_model(model), on or dt.date.today())


def freeze() -> None:
    """Collect once, give the freed heap back to the system, then exclude everything alive from later
    collections (see the module's docstring)."""
    gc.collect()
    _trim_heap()
    gc.freeze()


def _trim_heap() -> None:
    """glibc keeps freed memory (the store dump and parse buffers of loading, tens of MB) mapped unless asked."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to give back this way
        pass


def _ask(model: Model, day: dt.date) -> None:
    """``day``'s contact indexes, and one path question (its answer does not matter, the path graph does)."""
    prepare(model, day)
    orgs = [n for n, d in model.nx.nodes(data=True) if d["kind"] == "organisation"][:2]
    if len(orgs) == 2:
        try:
            find_paths(model, orgs[0], orgs[1], on=day)
        except SamarbejdskortError as exc:  # e.g. an organisation not in force today: the path graph exists anyway
            _log.debug("warm-up path question: %s", type(exc).__name__)
