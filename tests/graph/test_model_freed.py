"""A model nobody holds any more is freed with everything the questions cached for it.

The server swaps in a new model on every edit, undo, import and re-sync; a cache that kept the old one
alive (a national model is 100+ MB) would exhaust memory after a series of edits.
"""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from collections.abc import Callable

import pytest

from graph.contacts import contact
from graph.gaps import find_gaps
from graph.model import Model, load
from graph.paths import find_paths
from graph.privacy import public_model
from graph.reporting import chain
from viz.request import DiagramRequest, build

ON = dt.date(2026, 6, 1)


def _orgs(m: Model) -> list[str]:
    return sorted(n for n, k in m.nx.nodes(data="kind") if k == "organisation")


def _contact(m: Model) -> None:
    contact(m, "mobning", "Randers Kommune", on=ON).as_json()


def _gaps(m: Model) -> None:
    find_gaps(m, on=ON).as_json()


def _path(m: Model) -> None:
    a, b = _orgs(m)[:2]
    find_paths(m, a, b, on=ON).as_json()


def _chain(m: Model) -> None:
    chain(m, "Randers Kommune", on=ON).as_json()


def _diagrams(m: Model) -> None:
    for view in ("organisation", "network"):
        build(m, DiagramRequest(view=view, on=ON))
    build(m, DiagramRequest(view="ego", focus="Randers Kommune", on=ON))


def _public(m: Model) -> None:
    public = public_model(m)
    contact(public, "mobning", "Randers Kommune", on=ON).as_json()
    find_gaps(public, on=ON).as_json()


QUESTIONS: dict[str, Callable[[Model], None]] = {
    "contact": _contact,
    "gaps": _gaps,
    "path": _path,
    "chain": _chain,
    "diagrams": _diagrams,
    "public": _public,
}


def _dropped_after(ask: Callable[[Model], None]) -> weakref.ref[Model]:
    model = load(None)
    ask(model)
    return weakref.ref(model)


@pytest.mark.parametrize("name", QUESTIONS)
def test_a_dropped_model_is_freed_after_a_question(name: str) -> None:
    gone = _dropped_after(QUESTIONS[name])
    gc.collect()
    assert gone() is None


def test_a_dropped_model_is_freed_after_every_kind_of_question() -> None:
    def ask_all(m: Model) -> None:
        for ask in QUESTIONS.values():
            ask(m)

    gone = _dropped_after(ask_all)
    gc.collect()
    assert gone() is None


def test_the_public_view_of_a_dropped_model_is_freed_with_it() -> None:
    model = load(None)
    public = public_model(model)
    _contact(public)
    gone, gone_public = weakref.ref(model), weakref.ref(public)
    del model, public
    gc.collect()
    assert gone() is None and gone_public() is None
