"""Seeding by bulk load: the same triples as the files, and never a half-written data graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.changelog import DATA_GRAPH
from graph.loading import read_graph
from graph.store import open_store
from graph.store_backends import Embedded
from graph.store_seed import to_quads
from tests.store.support import SEAT, small_data


def _data_triples(location: Path) -> set[str]:
    backend = Embedded(str(location))
    try:
        return {line for line in backend.dump(DATA_GRAPH).decode().splitlines() if line.strip()}
    finally:
        backend.close()


def test_bulk_seed_holds_exactly_the_parsed_triples(tmp_path: Path) -> None:
    data = small_data(tmp_path / "data")
    store = open_store(tmp_path / "store", seed_paths=[data])
    store.close()
    facts = read_graph([data]).facts
    expected = ox.serialize(
        (ox.Triple(q.subject, q.predicate, q.object) for q in to_quads(facts, str(DATA_GRAPH))),
        format=ox.RdfFormat.N_TRIPLES,
    )
    assert _data_triples(tmp_path / "store") == {line for line in expected.decode().splitlines() if line.strip()}
    assert len(facts) > 10


def test_a_failed_bulk_load_leaves_no_data_and_no_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = small_data(tmp_path / "data")

    def half_then_fail(self: Embedded, graph: object, quads: object) -> None:
        first = next(iter(quads))  # type: ignore[call-overload]
        self.store.add(first)
        raise OSError("disk full")

    monkeypatch.setattr(Embedded, "bulk_put", half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        open_store(tmp_path / "store", seed_paths=[data])
    assert _data_triples(tmp_path / "store") == set()
    monkeypatch.undo()
    store = open_store(tmp_path / "store", seed_paths=[data])  # the next start seeds from scratch
    try:
        assert [r.kind for r in store.history()] == ["seed"]
        assert store.model().node(SEAT)["occupancy"] == "vacant"
    finally:
        store.close()


def test_a_seed_killed_half_way_is_cleared_and_seeded_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = small_data(tmp_path / "data")

    class Killed(BaseException):
        """Stands for the process dying: nothing after it runs, not even the clean-up of a failed load."""

    def half_then_die(self: Embedded, graph: object, quads: object) -> None:
        self.store.add(next(iter(quads)))  # type: ignore[call-overload]
        monkeypatch.setattr(Embedded, "put", lambda *_a: (_ for _ in ()).throw(Killed()))
        raise Killed

    monkeypatch.setattr(Embedded, "bulk_put", half_then_die)
    with pytest.raises(Killed):
        open_store(tmp_path / "store", seed_paths=[data])
    monkeypatch.undo()
    assert len(_data_triples(tmp_path / "store")) == 1  # half-written, with the marker in the log
    store = open_store(tmp_path / "store", seed_paths=[data])
    try:
        assert [r.kind for r in store.history()] == ["seed"]
        assert len(store.model().triple_index()) == len(read_graph([data]).facts)
    finally:
        store.close()
