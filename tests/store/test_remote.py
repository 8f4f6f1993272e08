"""A remote SPARQL 1.1 store: a real ``oxigraph serve`` started for the test on a free local port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.errors import ConflictError, QueryRefused, StoreUnavailable
from graph.store import open_store
from tests.store.support import PERSON_EMAIL, SEAT, oxigraph_server, small_data

USER = "Eva Editor"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("remote")
    with oxigraph_server(folder / "oxigraph") as url:
        yield url, small_data(folder / "data")


def test_seed_query_edit_reopen_read_back(server: tuple[str, Path]) -> None:
    url, data = server
    store = open_store(url, seed_paths=[data])
    try:
        assert [r.kind for r in store.history()] == ["seed"]
        assert store.model().node(SEAT)["occupancy"] == "vacant"
        rows = store.query(f"SELECT ?o WHERE {{ <{SEAT}> ?p ?o }}", timeout_s=20, limit=100)
        assert len(rows["results"]["bindings"]) >= 8
        edit = {"op": "fill_seat", "seat": SEAT, "name": "Rikke Remote", "email": "rikke@example.org"}
        record = store.apply([edit], user=USER, reason="udpeget", if_match=store.version)
        version = store.version
    finally:
        store.close()

    again = open_store(url, seed_paths=[data])  # not seeded twice: the server keeps data and log
    try:
        assert again.version == version == record.version
        assert again.model().node(SEAT)["occupancy"] == "held"
        assert [r.kind for r in again.history()] == ["edit", "seed"]
        assert again.model().index.search("Rikke Remote")  # the full model reads the edit back
        assert again.query('ASK { ?p ?x "Rikke Remote" }', timeout_s=20, limit=1)["boolean"] is False  # public
        assert "rikke@example.org" not in again.export("turtle").decode()
        undone = again.undo(record.id, user=USER, reason="fortryd", if_match=again.version)
        assert undone.kind == "undo" and again.model().node(SEAT)["occupancy"] == "vacant"
    finally:
        again.close()


def test_the_data_and_the_log_live_in_two_named_graphs_on_the_server(server: tuple[str, Path]) -> None:
    url, data = server
    open_store(url, seed_paths=[data]).close()  # seeded, whichever test ran first
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = httpx.post(
        url,
        content=query,
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    graphs = {b["g"]["value"] for b in response.json()["results"]["bindings"]}
    assert graphs == {
        "https://w3id.org/samarbejdskort/id/graph/data",
        "https://w3id.org/samarbejdskort/id/graph/changes",
    }
    default = httpx.post(
        url,
        content="ASK { ?s ?p ?o }",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert default.json()["boolean"] is False


def test_two_app_instances_on_one_server_never_overwrite_each_other(server: tuple[str, Path]) -> None:
    url, data = server
    a, b = open_store(url, seed_paths=[data]), open_store(url, seed_paths=[data])
    try:
        seen, before = b.version, b.model()
        told: list[object] = []
        b.on_replace(told.append)
        a.apply(
            [{"op": "create_topic", "label_da": "Fra instans A"}], user=USER, reason="a skriver", if_match=a.version
        )
        with pytest.raises(ConflictError):
            b.apply(
                [{"op": "create_topic", "label_da": "Fra instans B"}], user=USER, reason="b er bagud", if_match=seen
            )
        assert b.version == a.version  # b reloaded what a wrote
        assert told == [before]  # and told its listeners the model it dropped
        labels = {d["label"] for _, d in b.model().nx.nodes(data=True)}
        assert "Fra instans A" in labels and "Fra instans B" not in labels
    finally:
        a.close()
        b.close()


def test_the_sparql_endpoint_refuses_writes_on_a_remote_store_too(server: tuple[str, Path]) -> None:
    url, data = server
    store = open_store(url, seed_paths=[data])
    try:
        for query in (
            "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }",
            "LOAD <http://example.org/x>",
            "SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }",
        ):
            with pytest.raises(QueryRefused):
                store.query(query, timeout_s=5, limit=5)
        rows = store.query("SELECT * WHERE { ?s ?p ?o }", timeout_s=20, limit=4)
        assert len(rows["results"]["bindings"]) == 4 and rows["truncated"]
        assert PERSON_EMAIL not in str(store.query("SELECT * WHERE { ?s ?p ?o }", timeout_s=20, limit=100_000))
    finally:
        store.close()


def test_an_unreachable_server_is_reported_clearly(tmp_path: Path) -> None:
    from tests.store.support import free_port

    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        open_store(f"http://127.0.0.1:{free_port()}/query", seed_paths=[small_data(tmp_path)])
