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

Frozen objects are never collected, and a model is a cycle once a question has cached something that refers
back to it (``graph.cache``). So every model the store replaces (edit, undo, import, re-sync) is handed to a
``Refreezer``: in its own thread, once the requests that still read the old model are done, it unfreezes,
collects, trims and freezes again — the old model is freed and later collections still skip the new one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import gc
import logging
import threading
import weakref
from typing import Any

from graph.contacts import prepare
from graph.errors import SamarbejdskortError
from graph.model import Model
from graph.paths import find_paths
from graph.privacy import public_model

__all__ = ["Refreezer", "freeze", "warm"]

_log = logging.getLogger(__name__)

#: After a swap, the refreezer first waits this long (the request that swapped still holds the old model),
#: then, while an old model is still read by a request, waits twice as long each time, up to ``_LAST_WAIT_S``.
_FIRST_WAIT_S = 0.5
_LAST_WAIT_S = 32.0


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


class Refreezer:
    """Collects the models a store replaced, off the requests' path (see the module's docstring).

    ``replaced`` is the store's ``on_replace`` listener; ``refreeze`` does one round in the calling thread.
    An old model still held when the waits run out (logged) is freed by a later round once it is let go.
    """

    def __init__(self) -> None:
        self._old: list[weakref.ref[Model]] = []
        self._lock = threading.Lock()  # guards _old and _thread
        self._round = threading.Lock()  # one round at a time: gc.collect returns at once if one is running
        self._due = threading.Event()  # a model was replaced (or the refreezer is closing)
        self._stop = threading.Event()  # closed: set under _lock, so no thread starts after close
        self._thread: threading.Thread | None = None

    def replaced(self, old: Model) -> None:
        """Note ``old`` and wake the thread; cheap (runs in the request, under the store's lock)."""
        with self._lock:
            if self._stop.is_set():
                return
            self._old.append(weakref.ref(old))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="refreezer", daemon=True)
                self._thread.start()
        self._due.set()

    def refreeze(self) -> int:
        """Unfreeze, collect, trim, freeze again; how many replaced models are still alive (held by a request)."""
        with self._round:
            gc.unfreeze()
            freeze()
        with self._lock:
            self._old = [r for r in self._old if r() is not None]
            return len(self._old)

    def close(self) -> None:
        """Stop the thread (at the app's shutdown); what it has not collected stays frozen."""
        with self._lock:
            self._stop.set()
            thread = self._thread
        self._due.set()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        wait = _FIRST_WAIT_S
        while True:
            self._due.wait()
            self._due.clear()
            if self._stop.wait(wait):
                return
            alive = self.refreeze()
            if alive and wait < _LAST_WAIT_S:  # an old model is still read by a request: try again later
                wait *= 2
                self._due.set()
                continue
            if alive:  # no request runs this long: something keeps it (a later round frees it once let go)
                _log.warning("%d replaced model(s) still referenced after the refreezer's waits", alive)
                with self._lock:
                    self._old.clear()
            wait = _FIRST_WAIT_S


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
