"""The persistent store: data and change log in Oxigraph (embedded) or any SPARQL 1.1 server.

``open_store(None)`` keeps everything in memory (seeded on every start); a folder path opens an
embedded persistent Oxigraph store; an ``http(s)://`` URL talks SPARQL 1.1 Query, Update and the
Graph Store Protocol to a server (Oxigraph server, Fuseki, GraphDB). An empty store is seeded from
the bundled data on first start. The data lives in one named graph and the change log in another,
so exports, queries and the model never see the log.

Writes go through one lock and one SPARQL Update per change (data delta + log entry, applied only
while the change it builds on is still the newest), then the model is swapped once; readers keep
the model they hold. Ad-hoc SPARQL runs in a separate process on a copy of the data without personal
contact data, so a runaway query can be killed and no user text reaches the store.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit, urlunsplit

import httpx
import pyoxigraph as ox
from pydantic import BaseModel, ValidationError
from rdflib import Graph, URIRef

from graph.changelog import (
    CHANGES_GRAPH,
    DATA_GRAPH,
    ChangeRecord,
    activity_triples,
    head_query,
    history_query,
    new_change_iri,
    records_from_graph,
    to_ntriples,
    update_text,
    version_of,
)
from graph.editing import Delta, check_delta, edit_adapter, plan_edits
from graph.errors import (
    ConflictError,
    EditRejected,
    EntityNotFound,
    InputError,
    QueryRefused,
    StoreUnavailable,
)
from graph.facts import FactView
from graph.loading import bundled_data_paths, parse_bytes, read_graph
from graph.model import Model, model_from_bytes, model_from_graph
from graph.privacy import public_graph
from ontology.namespace import DCTERMS, FOAF, ID, ORG, PROV, RDF, RDFS, SK, SKOS, VCARD, XSD

__all__ = ["ExportFormat", "GraphStore", "QueryRefused", "Store", "StoreUnavailable", "open_store"]

ExportFormat = Literal["turtle", "json-ld", "n-triples"]
_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "json-ld": ox.RdfFormat.JSON_LD, "n-triples": ox.RdfFormat.N_TRIPLES}
_PREFIXES = {
    "sk": str(SK),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}
_SYSTEM_USER = "samarbejdskort"
_REMOTE_RECHECK_S = 5.0
_MAX_QUERY_CHARS = 20_000


class Store(Protocol):
    """What the app and the CLI use; ``version`` is the ETag of the current data."""

    @property
    def version(self) -> str: ...
    def model(self) -> Model: ...
    def apply(self, edits: Sequence[Any], *, user: str, reason: str, if_match: str | None) -> ChangeRecord: ...
    def undo(self, change_id: str, *, user: str, reason: str, if_match: str | None) -> ChangeRecord: ...
    def history(self, limit: int = 50) -> list[ChangeRecord]: ...
    def change(self, change_id: str) -> ChangeRecord: ...
    def export(self, fmt: ExportFormat, *, include_personal: bool = False) -> bytes: ...
    def query(self, sparql: str, *, timeout_s: float, limit: int) -> dict[str, Any]: ...
    def close(self) -> None: ...


def open_store(
    location: str | Path | None,
    *,
    seed_paths: Sequence[Path | str] | None = None,
    update_url: str | None = None,
    gsp_url: str | None = None,
) -> GraphStore:
    """Open (and on first start seed) the store at ``location``.

    For a URL, the update and Graph Store endpoints are derived from the query URL (Oxigraph
    ``…/query`` → ``…/update``, ``…/store``; GraphDB ``…/repositories/R`` → ``…/statements``,
    ``…/rdf-graphs/service``; anything else, e.g. a Fuseki dataset URL, serves all three) unless given.
    """
    text = str(location) if location is not None else None
    backend: _Backend
    if text is not None and text.startswith(("http://", "https://")):
        backend = _Remote(text, update_url, gsp_url)
    else:
        backend = _Embedded(text)
    try:
        return GraphStore(backend, list(seed_paths) if seed_paths is not None else bundled_data_paths())
    except BaseException:
        backend.close()
        raise


class GraphStore:
    """The one implementation of ``Store`` over either backend."""

    def __init__(self, backend: _Backend, seed_paths: Sequence[Path | str]) -> None:
        self._backend = backend
        self._write = threading.Lock()
        self._worker = _QueryWorker()
        self._checked = time.monotonic()
        head = self._seed(seed_paths, self._read_head())
        self._head = head
        self._model = self._load_model(head)

    # ------------------------------------------------------------------ reading
    @property
    def version(self) -> str:
        return self._model.version

    def model(self) -> Model:
        """The current model; a remote store is re-checked for other writers every few seconds."""
        stale = self._backend.shared and time.monotonic() - self._checked > _REMOTE_RECHECK_S
        if stale and self._write.acquire(blocking=False):
            try:
                self._sync()
            except StoreUnavailable:
                pass  # keep serving the model we have; writes will report the outage
            finally:
                self._write.release()
        return self._model

    def history(self, limit: int = 50) -> list[ChangeRecord]:
        """The newest changes first (the initial load included)."""
        return self._records(history_query(max(1, min(int(limit), 500))))

    def change(self, change_id: str) -> ChangeRecord:
        """One change by its short id or IRI (EntityNotFound otherwise)."""
        found = self._records(history_query(1, _change_iri(change_id)))
        if not found:
            raise EntityNotFound(change_id, what="change")
        return found[0]

    def export(self, fmt: ExportFormat, *, include_personal: bool = False) -> bytes:
        """The data graph as Turtle, JSON-LD or N-Triples; personal e-mail/phone only when asked."""
        if fmt not in _FORMATS:
            raise InputError(f"unknown export format '{fmt}' (turtle, json-ld, n-triples)")
        data = self._backend.dump(DATA_GRAPH) if include_personal else _public_ntriples(self.model())
        mem = _memory_store(data, include_personal=include_personal)
        prefixes = _PREFIXES if fmt == "turtle" else None
        return mem.dump(format=_FORMATS[fmt], from_graph=ox.DefaultGraph(), prefixes=prefixes) or b""

    def dump_dataset(self) -> bytes:
        """Data and change log as sorted N-Quads: a backup, and the way tests compare states."""
        lines: list[str] = []
        for graph in (DATA_GRAPH, CHANGES_GRAPH):
            name = f"<{graph}>"
            for line in self._backend.dump(graph).decode("utf-8").splitlines():
                if line.strip():
                    lines.append(line.rstrip()[:-1].rstrip() + f" {name} .")
        return "".join(sorted(line + "\n" for line in lines)).encode("utf-8")

    def query(self, sparql: str, *, timeout_s: float = 10.0, limit: int = 1000) -> dict[str, Any]:
        """Run a read-only SPARQL query on the data graph (no personal contact data) → SPARQL JSON.

        Only SELECT, ASK, CONSTRUCT and DESCRIBE; no SERVICE, no FROM. At most ``limit`` results
        (``"truncated": true`` when cut); QueryRefused after ``timeout_s`` seconds.
        """
        if len(sparql) > _MAX_QUERY_CHARS:
            raise QueryRefused(f"the query is longer than {_MAX_QUERY_CHARS} characters")
        return self._worker.run(sparql, version=self.version, data=self._snapshot, timeout_s=timeout_s, limit=limit)

    # ------------------------------------------------------------------ writing
    def apply(self, edits: Sequence[Any], *, user: str, reason: str, if_match: str | None) -> ChangeRecord:
        """Validate and commit a batch of edits as one change (all or nothing)."""
        items = _parse_edits(edits)
        reason = _reason(reason)
        with self._write:
            model = self._checked_model(if_match)
            now = dt.datetime.now(dt.UTC)
            iri = new_change_iri(now)
            delta = plan_edits(model, items, user=user, reason=reason, at=now, change_iri=str(iri))
            after = check_delta(model, delta)
            added, removed = delta.effective(model.rdf)
            record = ChangeRecord(
                iri=str(iri),
                kind="edit",
                user=user,
                at=now,
                reason=reason,
                added=tuple(added),
                removed=tuple(removed),
                edits=tuple(i.model_dump(mode="json", exclude_none=True) for i in items),
                created=tuple(delta.created),
                previous=self._head,
            )
            self._commit(record, after)
            return record

    def undo(self, change_id: str, *, user: str, reason: str, if_match: str | None) -> ChangeRecord:
        """Apply the exact inverse of an earlier change as a new, validated change."""
        reason = _reason(reason)
        with self._write:
            model = self._checked_model(if_match)
            old = self.change(change_id)
            if old.kind not in ("edit", "undo"):
                raise EditRejected("the initial load cannot be undone")
            g = model.rdf
            if any(t not in g for t in old.added) or any(t in g for t in old.removed):
                raise EditRejected(f"later changes touched the same facts; undo those before {old.id}")
            if not old.added and not old.removed:
                raise EditRejected(f"change {old.id} changed nothing")
            delta = Delta(added=set(old.removed), removed=set(old.added))
            after = check_delta(model, delta)
            now = dt.datetime.now(dt.UTC)
            record = ChangeRecord(
                iri=str(new_change_iri(now)),
                kind="undo",
                user=user,
                at=now,
                reason=reason,
                added=old.removed,
                removed=old.added,
                edits=({"op": "undo", "change": old.id},),
                undoes=old.iri,
                previous=self._head,
            )
            self._commit(record, after)
            return record

    def close(self) -> None:
        """Stop the query process and release the store (an embedded store can then be reopened)."""
        self._worker.close()
        self._backend.close()

    # ------------------------------------------------------------------ internals
    def _checked_model(self, if_match: str | None) -> Model:
        self._sync()
        if if_match is not None and if_match != self.version:
            raise ConflictError("the data changed since you read it; reload and try again")
        return self._model

    def _commit(self, record: ChangeRecord, after: Graph) -> None:
        text = update_text(
            removed=record.removed, added=record.added, log=activity_triples(record), expected_head=self._head
        )
        self._backend.update(text)
        head = self._read_head()
        if head != record.iri:
            self._sync()
            raise ConflictError("someone else changed the data at the same moment; reload and try again")
        self._head = head
        self._model = model_from_graph(after, version=version_of(head))

    def _sync(self) -> None:
        """Reload the model when another process changed the store (remote stores only differ)."""
        self._checked = time.monotonic()
        head = self._read_head()
        if head is not None and head != self._head:
            self._head, self._model = head, self._load_model(head)

    def _read_head(self) -> str | None:
        rows = self._backend.select(head_query())
        return rows[0]["a"].value if rows and rows[0].get("a") is not None else None

    def _seed(self, seed_paths: Sequence[Path | str], head: str | None) -> str:
        """Load the seed files into an empty store, and again whenever they changed while nobody edited.

        Until the first edit the store only mirrors its seed files, so a changed data set (or another
        set of files) replaces it; after an edit the store is the master and the files are left alone.
        Data found without a change log (loaded by other means) is adopted as it is.
        """
        now = dt.datetime.now(dt.UTC)
        record = ChangeRecord(
            iri=str(new_change_iri(now)),
            kind="import",
            user=_SYSTEM_USER,
            at=now,
            reason="Data fundet i lageret ved første start / data found in the store at first start",
            edits=({"op": "import"},),
        )
        if head is not None:
            last = self.change(head)
            if last.kind != "seed" or not seed_paths:
                return head
            read = read_graph(seed_paths)
            if read.digest == (last.edits[0] if last.edits else {}).get("digest"):
                return head
        elif self._backend.is_empty(DATA_GRAPH):
            read = read_graph(seed_paths)
        else:
            read = None
        if read is not None:
            files = [Path(f.path).name for f in read.files]
            self._backend.put(DATA_GRAPH, to_ntriples(FactView(read.facts)).encode("utf-8"))  # no rdflib graph
            record = replace(
                record,
                kind="seed",
                reason="Indlæsning af data / data loaded: " + ", ".join(files),
                edits=({"op": "seed", "files": files, "digest": read.digest},),
                triples=len(read.facts),
                previous=head,
            )
        self._backend.update(update_text(removed=(), added=(), log=activity_triples(record), expected_head=head))
        if self._read_head() != record.iri:
            raise StoreUnavailable("the store did not keep the change log (or another process loaded it first)")
        return record.iri

    def _load_model(self, head: str) -> Model:
        nt = self._backend.dump(DATA_GRAPH)
        if nt.strip():  # parsed straight to the model's index; model.rdf is built only if something needs it
            return model_from_bytes(nt, ox.RdfFormat.N_TRIPLES, version=version_of(head), name="store", scope="s")
        return model_from_graph(Graph(), version=version_of(head))

    def _records(self, sparql: str) -> list[ChangeRecord]:
        nt = self._backend.construct(sparql)
        g = Graph()
        if nt.strip():
            g.addN((s, p, o, g) for s, p, o in parse_bytes(nt, ox.RdfFormat.N_TRIPLES, name="changes", scope="l"))
        return records_from_graph(g)

    def _snapshot(self) -> tuple[str, bytes]:
        """What the query process serves: the public view (no person's name or contact data)."""
        with self._write:
            return self.version, _public_ntriples(self.model())


def _parse_edits(edits: Sequence[Any]) -> list[Any]:
    try:
        items: list[Any] = edit_adapter.validate_python(
            [e.model_dump() if isinstance(e, BaseModel) else e for e in edits]
        )
        return items
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise EditRejected(f"edit {where}: {first['msg']}") from None


def _reason(reason: str) -> str:
    text = " ".join(str(reason).split())
    if len(text) < 3 or len(text) > 2000:
        raise EditRejected("give a reason for the change (3–2000 characters)")
    return text


def _change_iri(change_id: str) -> str:
    text = change_id.strip()
    prefix = str(ID["endring/"])
    token = text[len(prefix) :] if text.startswith(prefix) else text
    if not token or len(token) > 40 or not all(c.isalnum() or c in "-" for c in token):
        raise EntityNotFound(change_id, what="change")
    return prefix + token


# ---------------------------------------------------------------------------- backends
class _Backend(Protocol):
    shared: bool

    def select(self, sparql: str) -> list[dict[str, Any]]: ...
    def construct(self, sparql: str) -> bytes: ...
    def update(self, sparql: str) -> None: ...
    def dump(self, graph: URIRef) -> bytes: ...
    def put(self, graph: URIRef, ntriples: bytes) -> None: ...
    def is_empty(self, graph: URIRef) -> bool: ...
    def close(self) -> None: ...


class _Embedded:
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

    def is_empty(self, graph: URIRef) -> bool:
        return next(iter(self.store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))), None) is None

    def close(self) -> None:
        if self._store is not None:
            self._store.flush()
            self._store = None  # the last reference: RocksDB releases its lock


class _Remote:
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

    def is_empty(self, graph: URIRef) -> bool:
        sparql = "ASK { GRAPH " + str(ox.NamedNode(str(graph))) + " { ?s ?p ?o } }"
        body = self._query(sparql, "application/sparql-results+json").content
        return not bool(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON))

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


# ---------------------------------------------------------------------------- personal data
_PERSONAL = (VCARD.hasEmail, VCARD.email, VCARD.hasTelephone, VCARD.tel, FOAF.mbox, FOAF.phone, FOAF.mbox_sha1sum)
_KEEP_ON_PERSONAL_POINT = (RDF.type, SKOS.prefLabel, SK.functional, PROV.wasDerivedFrom)
# A non-functional (personal) contact point keeps only what says it exists (its comment may quote the number);
# a person keeps everything but e-mail/phone stated on the person directly.
_REDACT = (
    "DELETE { ?s ?p ?o } WHERE { "
    f"{{ ?s <{SK.functional}> ?f . FILTER(?f = false) ?s ?p ?o . "
    "FILTER(?p NOT IN (" + ", ".join(f"<{p}>" for p in _KEEP_ON_PERSONAL_POINT) + ")) } UNION "
    "{ VALUES ?p { " + " ".join(f"<{p}>" for p in _PERSONAL) + f" }} ?s a <{FOAF.Person}> ; ?p ?o }} }}"
)


def _public_ntriples(model: Model) -> bytes:
    """The public view of the data as N-Triples (``graph.privacy``)."""
    return public_graph(model).serialize(format="nt", encoding="utf-8")


def _memory_store(ntriples: bytes, *, include_personal: bool) -> ox.Store:
    """The data graph in memory (default graph), without a person's own e-mail/phone unless asked."""
    mem = ox.Store()
    if ntriples.strip():
        mem.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    if not include_personal:
        mem.update(_REDACT)
    return mem


# ---------------------------------------------------------------------------- ad-hoc SPARQL
class _QueryWorker:
    """One child process that holds the public data in memory and answers one query at a time.

    Started with ``python -c`` (not multiprocessing), so it never re-imports the host's main module;
    frames are JSON over the child's stdin/stdout. On a timeout the child is killed, not waited for.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._send: Connection | None = None
        self._recv: Connection | None = None
        self._version: str | None = None

    def run(
        self, sparql: str, *, version: str, data: Callable[[], tuple[str, bytes]], timeout_s: float, limit: int
    ) -> dict[str, Any]:
        if not self._lock.acquire(timeout=max(timeout_s, 0.1)):
            raise QueryRefused("the query service is busy; try again in a moment")
        try:
            send, recv = self._ready(version, data)
            send.send_bytes(json.dumps({"query": sparql, "limit": max(0, int(limit))}).encode("utf-8"))
            if not recv.poll(max(timeout_s, 0.1)):
                self._stop()
                raise QueryRefused(f"the query took longer than {timeout_s:g} s and was stopped")
            answer = json.loads(recv.recv_bytes())
        except (EOFError, OSError):
            self._stop()
            raise QueryRefused("the query process stopped unexpectedly") from None
        finally:
            self._lock.release()
        if "error" in answer:
            raise QueryRefused(answer["error"])
        result: dict[str, Any] = answer["result"]
        return result

    def _ready(self, version: str, data: Callable[[], tuple[str, bytes]]) -> tuple[Connection, Connection]:
        if self._proc is None or self._proc.poll() is not None or self._send is None or self._recv is None:
            self._stop()
            self._proc = subprocess.Popen(
                [sys.executable, "-c", "from graph.store import _serve_queries; _serve_queries()"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
            assert self._proc.stdin is not None and self._proc.stdout is not None
            self._send = Connection(os.dup(self._proc.stdin.fileno()), readable=False)
            self._recv = Connection(os.dup(self._proc.stdout.fileno()), writable=False)
            self._version = None
        if self._version != version:
            loaded, nt = data()
            self._send.send_bytes(nt)
            if not self._recv.poll(120):
                self._stop()
                raise QueryRefused("the query process could not load the data in time")
            self._recv.recv_bytes()
            self._version = loaded
        return self._send, self._recv

    def _stop(self) -> None:
        for conn in (self._send, self._recv):
            if conn is not None:
                conn.close()
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait(5)
            for pipe in (self._proc.stdin, self._proc.stdout):
                if pipe is not None:
                    pipe.close()
        self._proc, self._send, self._recv, self._version = None, None, None, None

    def close(self) -> None:
        with self._lock:
            self._stop()


def _serve_queries() -> None:
    """The query process: the first frame of a pair is data (N-Triples) or a JSON query."""
    recv = Connection(os.dup(0), writable=False)
    send = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)  # stray prints must not corrupt the frames
    store = ox.Store()
    while True:
        try:
            frame = recv.recv_bytes()
        except (EOFError, OSError):
            return
        if not frame.startswith(b'{"query"'):
            store = _memory_store(frame, include_personal=False)
            send.send_bytes(b"{}")
            continue
        request = json.loads(frame)
        try:
            reply: dict[str, Any] = {"result": _answer(store, request["query"], request["limit"])}
        except QueryRefused as exc:
            reply = {"error": str(exc)}
        except (SyntaxError, ValueError, OSError) as exc:
            reply = {"error": f"the query failed: {exc}"}
        send.send_bytes(json.dumps(reply).encode("utf-8"))


def _answer(store: ox.Store, sparql: str, limit: int) -> dict[str, Any]:
    kind = _read_only_kind(sparql)
    result = store.query(sparql)
    if kind == "AskQuery":
        return {"head": {}, "boolean": bool(result)}
    rows: list[dict[str, Any]] = []
    truncated = False
    if kind == "SelectQuery":
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        for row in result:  # type: ignore[union-attr]
            if len(rows) >= limit:
                truncated = True
                break
            rows.append({n: _json_term(row[n]) for n in names if row[n] is not None})
        return {"head": {"vars": names}, "results": {"bindings": rows}, "truncated": truncated}
    for triple in result:  # type: ignore[union-attr]
        if len(rows) >= limit:
            truncated = True
            break
        rows.append({k: _json_term(getattr(triple, k)) for k in ("subject", "predicate", "object")})
    return {"head": {"vars": ["subject", "predicate", "object"]}, "results": {"bindings": rows}, "truncated": truncated}


def _read_only_kind(sparql: str) -> str:
    """Parse with rdflib (in the worker: single-threaded) and allow only plain read-only queries."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parsed = parseQuery(sparql)
    except ParseException as exc:
        try:
            parseUpdate(sparql)
        except ParseException:
            raise QueryRefused(f"the query cannot be parsed: {exc.msg} (line {exc.lineno}, column {exc.col})") from None
        raise QueryRefused(
            "only SELECT, ASK, CONSTRUCT and DESCRIBE are allowed; updates and LOAD are refused"
        ) from None
    query = parsed[1]
    kind = getattr(query, "name", "")
    if kind not in ("SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery"):
        raise QueryRefused("only SELECT, ASK, CONSTRUCT and DESCRIBE are allowed")
    if _contains(parsed, "ServiceGraphPattern"):
        raise QueryRefused("SERVICE is refused: queries run on this data only")
    if "datasetClause" in query:
        raise QueryRefused("FROM / FROM NAMED are refused: queries run on this data only")
    return kind


def _contains(node: Any, name: str) -> bool:
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        return node.name == name or any(_contains(v, name) for v in node.values())
    if isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        return any(_contains(v, name) for v in node)
    return False


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != str(XSD.string):
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}
