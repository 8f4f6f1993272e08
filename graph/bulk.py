"""Pause the cyclic garbage collector while building large structures.

Models and their indexes are hundreds of thousands of small containers without cycles; collections
triggered by their allocation re-scan everything already in memory: measured, a third of the load time
and half of a national path-graph build.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused", "kept", "settle"]


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle() -> None:
    """After loading a model a process keeps to its end: move everything alive into the permanent
    generation, so later collections do not re-scan the whole model (a national model is millions of
    objects; one full pass costs 0.1–0.9 s in the middle of a question).

    No collection first: loading leaves no cyclic garbage (``tests/graph/test_bulk.py`` checks), and what
    imports left is a few dozen objects (82 measured after ``api.cli`` and a national load), while a full
    pass over a national model costs 0.13–0.25 s of a cold start. Only for processes that keep their model
    (the CLI, a served process): a frozen model that is dropped is freed by reference counting but its
    cycles are not collected.
    """
    gc.freeze()


@contextmanager
def kept() -> Iterator[None]:
    """Build what the process keeps to its end (a CLI command's model) with the collector paused, and freeze it
    before the collector resumes: ``settle`` after the fact comes too late for one pass, the collection that
    the paused build's allocations trigger as soon as the collector is back (0.09 s over a national model)."""
    with gc_paused():
        yield
        gc.freeze()
