"""The gaps a contact answer can cite come from a subset of the finders (``graph.contact_gap_index._GAP_FINDERS``);
they must be exactly the gaps of those kinds in the full local report, in the same order, whatever the
date, so a new finder that reports open questions itself cannot make the two drift apart unnoticed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph.contact_gap_index import _GAP_KINDS, TOPIC_GAP_KINDS, _answer_gaps
from graph.gaps import local_gaps
from graph.model import Model, load
from graph.view import view

_KINDS = set(_GAP_KINDS + TOPIC_GAP_KINDS)
_DATES = (dt.date(2025, 1, 1), dt.date(2026, 6, 1), dt.date(2027, 2, 1))


def _same_gaps(model: Model) -> None:
    for day in _DATES:
        full = [g for g in local_gaps(model, day, ()) if g.kind in _KINDS]
        subset = [g for g in _answer_gaps(view(model, day, ())) if g.kind in _KINDS]
        assert subset == full, day
    assert any(local_gaps(model, day, ()) for day in _DATES)


def test_answer_gaps_are_the_local_report_of_their_kinds_bundled() -> None:
    _same_gaps(load())


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Model:
    from benchmarks.generate import write

    path = Path(tmp_path_factory.mktemp("region")) / "region.ttl"
    write("region", 3, path)
    return load([path])


def test_answer_gaps_are_the_local_report_of_their_kinds_generated_region(region: Model) -> None:
    _same_gaps(region)
