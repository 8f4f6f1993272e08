"""Per-model caches for what the questions materialise once per data version.

A question module builds its index or relation graph on first use and every later call reuses it;
entries are kept on the model object, keyed by its version, and die with the model.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graph.bulk import gc_paused
from graph.model import Model

__all__ = ["memo"]

T = TypeVar("T")


# ------------------------------------------------------------------------------------------------ caching
_ATTR = "_memo_store"  # the model's own attribute holding its store (see ``_Memo``)


class _Memo:
    """Values derived from one model, kept as long as the model lives (an LRU of ``size`` per model).

    Small on purpose: a national path graph is tens of MB, and a server sees one key per day × scenario
    set × via set.

    Each model's store lives on the model itself, never in anything global: cached values may refer back
    to their model (a ``View`` in a view's derived answers), and model ↔ store is then an ordinary cycle
    the collector frees once nothing else holds the model. Keyed by ``model.version`` and key: a model
    edited in place gets a new version.
    """

    def __init__(self, size: int = 12) -> None:
        self._size = size
        self._lock = threading.Lock()

    def get(self, model: Model, key: Hashable, build: Callable[[], T]) -> T:
        full = (model.version, key)
        with self._lock:
            store = self._store(model)
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

    @staticmethod
    def _store(model: Model) -> OrderedDict[Hashable, Any]:
        """``model``'s store, made on first use (call with the lock held)."""
        own = vars(model)
        store: OrderedDict[Hashable, Any] | None = own.get(_ATTR)
        if store is None:
            store = own[_ATTR] = OrderedDict()
        return store


_MEMO = _Memo()


def memo(model: Model, key: Hashable, build: Callable[[], T]) -> T:
    """``build()`` once per model version and key; shared by the question modules' materialised graphs."""
    return _MEMO.get(model, key, build)
