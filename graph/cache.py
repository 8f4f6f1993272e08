"""Per-model caches for what the questions materialise once per data version.

A question module builds its index or relation graph on first use and every later call reuses it;
entries are keyed by the model object *and* its version, and die with the model.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graph.bulk import gc_paused
from graph.model import Model

__all__ = ["memo"]

T = TypeVar("T")


# ------------------------------------------------------------------------------------------------ caching
class _Memo:
    """Values derived from one model, kept as long as the model lives (an LRU of ``size`` per model).

    Small on purpose: a national path graph is tens of MB, and a server sees one key per day × scenario
    set × via set.

    Keyed by object identity *and* ``model.version``: a model edited in place gets a new version, and
    a model that is garbage-collected takes its entries with it (no stale hit on a reused ``id``).
    """

    def __init__(self, size: int = 12) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._stores: dict[int, tuple[weakref.ref[Model], OrderedDict[Hashable, Any]]] = {}

    def get(self, model: Model, key: Hashable, build: Callable[[], T]) -> T:
        full = (model.version, key)
        store = self._store(model)
        with self._lock:
            if full in store:
                store.move_to_end(full)
                return store[full]
        with gc_paused():
            value = build()
        with self._lock:
            store[full] = value
            while len(store) > self._size:
                store.popitem(last=False)
        return value

    def _store(self, model: Model) -> OrderedDict[Hashable, Any]:
        mid = id(model)
        with self._lock:
            entry = self._stores.get(mid)
            if entry is not None and entry[0]() is model:
                return entry[1]
            store: OrderedDict[Hashable, Any] = OrderedDict()
            stores = self._stores

            def forget(_ref: weakref.ref[Model]) -> None:  # runs when the model dies; no lock (may run in GC)
                stores.pop(mid, None)

            stores[mid] = (weakref.ref(model, forget), store)
            return store


_MEMO = _Memo()


def memo(model: Model, key: Hashable, build: Callable[[], T]) -> T:
    """``build()`` once per model version and key; shared by the question modules' materialised graphs."""
    return _MEMO.get(model, key, build)
