"""Where the store keeps its triples: embedded Oxigraph or a SPARQL 1.1 server.

``GraphStore`` talks to both through the small ``Backend`` protocol (select, construct, update,
dump and put a named graph), so the store logic never knows which one it has. A remote server
is reached over SPARQL 1.1 Query, Update and the Graph Store Protocol; its endpoints are derived
from the query URL, and messages never show a user name or password from that URL.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
from rdflib import URIRef

from graph.errors import StoreUnavailable

__all__ = ["Backend", "Embedded", "Remote"]


class Backend(Protocol):
    shared: bool

    def select(self, sparql: str) -> list[dict[str, Any]]: ...
    def construct(self, sparql: str) -> bytes: ...
    def update(self, sparql: str) -> None: ...
    def dump(self, graph: URIRef) -> bytes: ...
    def put(self, graph: URIRef, ntriples: bytes) -> None: ...
    def bulk_put(self, graph: URIRef, quads: Iterable[ox.Quad]) -> None: ...
    def ask(self, sparql: str) -> bool: ...
    def is_empty(self, graph: URIRef) -> bool: ...
    def close(self) -> None: ...


class Embedded:
    """pyoxigraph in this process: a folder (persistent) or memory."""

    shared = False

    def __init__(self, path: str | None) -> None:
        try:
            if path:
                Path(path).mkdir(parents=True, exist_ok=True)
            self._store: ox.Store | None = ox.Store(path) if path else ox.Store()
        except OSError as exc:
            raise StoreUnavailable(f"cannot open the store in '{path}': {exc}") from None

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise StoreUnavailable("the store is closed")
        return self._store

    def select(self, sparql: str) -> list[dict[str, Any]]:
        result = self.store.query(sparql)
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        return [{n: row[n] for n in names} for row in result]  # type: ignore[union-attr]

    def construct(self, sparql: str) -> bytes:
        result = self.store.query(sparql)
        assert isinstance(result, ox.QueryTriples)
        return result.serialize(format=ox.RdfFormat.N_TRIPLES) or b""

    def update(self, sparql: str) -> None:
        self.store.update(sparql)

    def dump(self, graph: URIRef) -> bytes:
        return self.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(graph))) or b""

    def put(self, graph: URIRef, ntriples: bytes) -> None:
        """Replace the graph's content (as a Graph Store Protocol PUT does)."""
        self.store.clear_graph(ox.NamedNode(str(graph)))
        if ntriples.strip():
            self.store.load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(graph)))

    def bulk_put(self, graph: URIRef, quads: Iterable[ox.Quad]) -> None:
        """Replace the graph's content through the bulk loader (fast, not transactional: see ``store_seed``)."""
        self.store.clear_graph(ox.NamedNode(str(graph)))
        self.store.bulk_extend(quads)
        self.store.flush()

    def ask(self, sparql: str) -> bool:
        return bool(self.store.query(sparql))

    def is_empty(self, graph: URIRef) -> bool:
        return next(iter(self.store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))), None) is None

    def close(self) -> None:
        if self._store is not None:
            self._store.flush()
            self._store = None  # the last reference: RocksDB releases its lock


class Remote:
    """A SPARQL 1.1 server through httpx: Query, Update and the Graph Store Protocol."""

    shared = True

    def __init__(self, url: str, update_url: str | None, gsp_url: str | None) -> None:
        self.query_url, default_update, default_gsp = _endpoints(url)
        self.update_url, self.gsp_url = update_url or default_update, gsp_url or default_gsp
        self._client = httpx.Client(timeout=httpx.Timeout(60.0, connect=10.0), follow_redirects=False)

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self._client.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            raise StoreUnavailable(
                f"the SPARQL store at {_safe(url)} cannot be reached ({type(exc).__name__})"
            ) from None
        if response.status_code >= 400 and not (method == "GET" and response.status_code == 404):
            raise StoreUnavailable(f"the SPARQL store at {_safe(url)} answered {response.status_code}")
        return response

    def _query(self, sparql: str, accept: str) -> httpx.Response:
        headers = {"Content-Type": "application/sparql-query", "Accept": accept}
        return self._send("POST", self.query_url, content=sparql.encode("utf-8"), headers=headers)

    def select(self, sparql: str) -> list[dict[str, Any]]:
        body = self._query(sparql, "application/sparql-results+json").content
        result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        return [{n: row[n] for n in names} for row in result]  # type: ignore[union-attr]

    def construct(self, sparql: str) -> bytes:
        return self._query(sparql, "application/n-triples").content

    def update(self, sparql: str) -> None:
        headers = {"Content-Type": "application/sparql-update"}
        self._send("POST", self.update_url, content=sparql.encode("utf-8"), headers=headers)

    def dump(self, graph: URIRef) -> bytes:
        response = self._send(
            "GET", self.gsp_url, params={"graph": str(graph)}, headers={"Accept": "application/n-triples"}
        )
        return b"" if response.status_code == 404 else response.content

    def put(self, graph: URIRef, ntriples: bytes) -> None:
        headers = {"Content-Type": "application/n-triples"}
        self._send("PUT", self.gsp_url, params={"graph": str(graph)}, content=ntriples, headers=headers)

    def bulk_put(self, graph: URIRef, quads: Iterable[ox.Quad]) -> None:
        """One Graph Store PUT of the quads as N-Triples (the server loads it as one request)."""
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
        self.put(graph, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")

    def ask(self, sparql: str) -> bool:
        body = self._query(sparql, "application/sparql-results+json").content
        return bool(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))

    def is_empty(self, graph: URIRef) -> bool:
        return not self.ask("ASK { GRAPH " + str(ox.NamedNode(str(graph))) + " { ?s ?p ?o } }")

    def close(self) -> None:
        self._client.close()


def _endpoints(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    path = parts.path.rstrip("/")

    def at(p: str) -> str:
        return urlunsplit((parts.scheme, parts.netloc, p, "", ""))

    if path in ("", "/query"):
        return at("/query"), at("/update"), at("/store")
    if path.endswith("/query"):
        base = path[: -len("/query")]
        return at(path), at(base + "/update"), at(base + "/store")
    if "/repositories/" in path:
        return at(path), at(path + "/statements"), at(path + "/rdf-graphs/service")
    return at(path), at(path), at(path)


def _safe(url: str) -> str:
    """A URL without user name or password, for messages."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.hostname or "", parts.path, "", ""))
