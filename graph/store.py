"""The persistent store: data and change log in Oxigraph (embedded) or any SPARQL 1.1 server.

``open_store(None)`` keeps everything in memory (seeded on every start); a folder path opens an
embedded persistent Oxigraph store; an ``http(s)://`` URL talks SPARQL 1.1 Query, Update and the
Graph Store Protocol to a server (Oxigraph server, Fuseki, GraphDB). An empty store is seeded from
the bundled data on first start. The data lives in one named graph and the change log in another,
so exports, queries and the model never see the log.

Writes go through one lock and one SPARQL Update per change (data delta + log entry, applied only
while the change it builds on is still the newest), then the model is swapped once; readers keep
the model they hold. Whoever must act when a model is dropped (the server's frozen heap) subscribes with
``on_replace``. Ad-hoc SPARQL runs in a separate process on a copy of the data without personal
contact data, so a runaway query can be killed and no user text reaches the store.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

import pyoxigraph as ox
from pydantic import BaseModel, ValidationError
from rdflib import Graph

from graph.changelog import (
    CHANGES_GRAPH,
    DATA_GRAPH,
    ChangeRecord,
    activity_triples,
    head_query,
    history_query,
    new_change_iri,
    records_from_graph,
    update_text,
    version_of,
)
from graph.edit_plan import Delta, plan_edits
from graph.editing import edit_adapter
from graph.errors import (
    ConflictError,
    EditRejected,
    EntityNotFound,
    InputError,
    QueryRefused,
    StoreUnavailable,
    TooLarge,
)
from graph.loading import bundled_data_paths, parse_bytes
from graph.model import Model, model_from_bytes, model_from_graph
from graph.privacy import public_graph
from graph.sheet_read import Workbook
from graph.sparql_worker import MAX_QUERY_CHARS, QueryWorker, memory_store
from graph.store_backends import Backend, Embedded, Remote
from graph.store_seed import seed
from ontology.namespace import ID, PREFIXES

if TYPE_CHECKING:  # the SHACL checks (pyshacl, ~8 MB) are imported by the first write, not by every reader
    from graph.sheet_import import ImportPlan

__all__ = ["ExportFormat", "GraphStore", "QueryRefused", "Store", "StoreUnavailable", "open_store"]

ExportFormat = Literal["turtle", "json-ld", "n-triples"]
_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "json-ld": ox.RdfFormat.JSON_LD, "n-triples": ox.RdfFormat.N_TRIPLES}
_REMOTE_RECHECK_S = 5.0


class Store(Protocol):
    """What the app and the CLI use; ``version`` is the ETag of the current data."""

    @property
    def version(self) -> str: ...
    def model(self) -> Model: ...
    def apply(self, edits: Sequence[Any], *, user: str, reason: str, if_match: str | None) -> ChangeRecord: ...
    def import_sheets(
        self, book: Workbook, *, user: str, reason: str, if_match: str | None, partial: bool = False
    ) -> tuple[ChangeRecord | None, ImportPlan]: ...
    def undo(self, change_id: str, *, user: str, reason: str, if_match: str | None) -> ChangeRecord: ...
    def history(self, limit: int = 50) -> list[ChangeRecord]: ...
    def change(self, change_id: str) -> ChangeRecord: ...
    def export(self, fmt: ExportFormat, *, include_personal: bool = False) -> bytes: ...
    def query(self, sparql: str, *, timeout_s: float, limit: int, memory_mb: int | None = None) -> dict[str, Any]: ...
    def on_replace(self, listener: Callable[[Model], None]) -> None: ...
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
    backend: Backend
    if text is not None and text.startswith(("http://", "https://")):
        backend = Remote(text, update_url, gsp_url)
    else:
        backend = Embedded(text)
    try:
        return GraphStore(backend, list(seed_paths) if seed_paths is not None else bundled_data_paths())
    except BaseException:
        backend.close()
        raise


class GraphStore:
    """The one implementation of ``Store`` over either backend."""

    def __init__(self, backend: Backend, seed_paths: Sequence[Path | str]) -> None:
        self._backend = backend
        self._write = threading.Lock()
        self._worker = QueryWorker()
        self._checked = time.monotonic()
        self._listeners: list[Callable[[Model], None]] = []
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
        mem = memory_store(data, include_personal=include_personal)
        prefixes = PREFIXES if fmt == "turtle" else None
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

    def query(
        self, sparql: str, *, timeout_s: float = 10.0, limit: int = 1000, memory_mb: int | None = None
    ) -> dict[str, Any]:
        """Run a read-only SPARQL query on the data graph (no personal contact data) → SPARQL JSON.

        Only SELECT, ASK, CONSTRUCT and DESCRIBE; no SERVICE, no FROM. At most ``limit`` results
        (``"truncated": true`` when cut); QueryLimitExceeded after ``timeout_s`` seconds or past
        ``memory_mb`` of memory in the query process; TooLarge for a query text over the limit.
        """
        if len(sparql) > MAX_QUERY_CHARS:
            raise TooLarge(f"the query is longer than the limit of {MAX_QUERY_CHARS:,} characters")
        if memory_mb is not None:
            self._worker.set_memory(memory_mb)
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
            after = _checked(model, delta)
            edits_json = tuple(i.model_dump(mode="json", exclude_none=True) for i in items)
            return self._commit_delta(model, delta, after, iri=iri, at=now, user=user, reason=reason, edits=edits_json)

    def import_sheets(
        self, book: Workbook, *, user: str, reason: str, if_match: str | None, partial: bool = False
    ) -> tuple[ChangeRecord | None, ImportPlan]:
        """Import a spreadsheet through the same checks and log as an edit; None when nothing changes.

        All rows or nothing (``SheetRejected`` naming sheet, row and column), or with ``partial`` the good rows.
        """
        reason = _reason(reason)
        with self._write:
            model = self._checked_model(if_match)
            now = dt.datetime.now(dt.UTC)
            iri = new_change_iri(now)
            from graph.sheet_facts import sheet_facts
            from graph.sheet_import import plan_import

            facts = sheet_facts(model, book)
            plan = plan_import(model, facts, partial=partial, reason=reason, at=now, change_iri=str(iri))
            if plan.after is None:
                return None, plan
            edits = ({"op": "import_spreadsheet", "file": book.name, "rows": plan.rows, "left_out": len(plan.errors)},)
            record = self._commit_delta(
                model, plan.delta, plan.after, iri=iri, at=now, user=user, reason=reason, edits=edits
            )
            return record, plan

    def _commit_delta(
        self,
        model: Model,
        delta: Delta,
        after: Graph,
        *,
        iri: Any,
        at: dt.datetime,
        user: str,
        reason: str,
        edits: tuple[dict[str, Any], ...],
    ) -> ChangeRecord:
        added, removed = delta.effective(model.rdf)
        record = ChangeRecord(
            iri=str(iri),
            kind="edit",
            user=user,
            at=at,
            reason=reason,
            added=tuple(added),
            removed=tuple(removed),
            edits=edits,
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
            after = _checked(model, delta)
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

    def on_replace(self, listener: Callable[[Model], None]) -> None:
        """Call ``listener(old)`` whenever the current model is replaced (edit, undo, import, re-sync).

        Runs in the thread that swapped it, often while it still holds ``old``: a listener only notes it.
        """
        self._listeners.append(listener)

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
        self._replace(record.iri, model_from_graph(after, version=version_of(record.iri)))

    def _sync(self) -> None:
        """Reload the model when another process changed the store (remote stores only differ)."""
        self._checked = time.monotonic()
        head = self._read_head()
        if head is not None and head != self._head:
            self._replace(head, self._load_model(head))

    def _replace(self, head: str, model: Model) -> None:
        """The one place the current model changes."""
        old, self._head, self._model = self._model, head, model
        for listener in self._listeners:
            listener(old)

    def _read_head(self) -> str | None:
        rows = self._backend.select(head_query())
        return rows[0]["a"].value if rows and rows[0].get("a") is not None else None

    def _seed(self, seed_paths: Sequence[Path | str], head: str | None) -> str:
        """Seed the store from ``seed_paths`` when it is empty or only mirrors older seed files (``store_seed``)."""
        return seed(self._backend, seed_paths, head, self.change, self._read_head)

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


def _checked(model: Model, delta: Delta) -> Graph:
    """The data after ``delta``, validated (``graph.edit_check``, imported on the first write)."""
    from graph.edit_check import check_delta

    return check_delta(model, delta)


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


# ---------------------------------------------------------------------------- personal data
def _public_ntriples(model: Model) -> bytes:
    """The public view of the data as N-Triples (``graph.privacy``)."""
    return public_graph(model).serialize(format="nt", encoding="utf-8")
