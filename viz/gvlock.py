"""One process-wide lock around every in-process Graphviz (pygraphviz) call.

The Graphviz C library keeps global state (attribute dictionaries, the error hook) and is not thread-safe:
two renders at once in FastAPI's thread pool abort the whole process (``attr.c: agxget: Assertion
'sym->id >= 0 ...' failed``, see PITFALLS.md). Every function that creates, lays out, draws or closes an
``AGraph`` runs under ``GRAPHVIZ_LOCK``; graphs are closed inside it so the garbage collector never frees
one in another thread while a render is running. Reentrant, because a poster render asks ``positions``.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["GRAPHVIZ_LOCK", "serialised"]

GRAPHVIZ_LOCK = threading.RLock()

P = ParamSpec("P")
R = TypeVar("R")


def serialised(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` run while holding ``GRAPHVIZ_LOCK``."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with GRAPHVIZ_LOCK:
            return fn(*args, **kwargs)

    return wrapper
