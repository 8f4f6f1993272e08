"""Ad-hoc SPARQL in a child process, on an in-memory copy of the public data.

A runaway query must not stall or exhaust the app, so queries run in one child process that is killed
on a timeout and whose address space is capped (``RLIMIT_AS``): a query that needs more memory than the
bound makes the child fail, the host answers ``QueryLimitExceeded`` (503) and starts a fresh child for
the next query. Results are capped in rows and bytes. The child only ever holds the public view, with
e-mail and phone removed (``memory_store``), and accepts only plain read-only queries (no updates, SERVICE or FROM), so
no user text reaches the real store.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryLimitExceeded, QueryRefused
from ontology.namespace import FOAF, PROV, RDF, SK, SKOS, VCARD, XSD

__all__ = ["DEFAULT_MEMORY_MB", "MAX_QUERY_CHARS", "MAX_RESULT_BYTES", "QueryWorker", "memory_store", "serve_queries"]

MAX_QUERY_CHARS = 20_000
#: Address-space bound of the query process (its whole virtual memory: interpreter, data and the query).
DEFAULT_MEMORY_MB = 1024
#: Results stop (``"truncated": true``) once their JSON passes this many bytes, whatever the row limit.
MAX_RESULT_BYTES = 8_000_000

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


def memory_store(ntriples: bytes, *, include_personal: bool) -> ox.Store:
    """The data graph in memory (default graph), without a person's own e-mail/phone unless asked."""
    mem = ox.Store()
    if ntriples.strip():
        mem.load(ntriples, format=ox.RdfFormat.N_TRIPLES)
    if not include_personal:
        mem.update(_REDACT)
    return mem


class QueryWorker:
    """One child process that holds the public data in memory and answers one query at a time.

    Started with ``python -c`` (not multiprocessing), so it never re-imports the host's main module;
    frames are JSON over the child's stdin/stdout. On a timeout the child is killed, not waited for.
    """

    def __init__(self, memory_mb: int = DEFAULT_MEMORY_MB) -> None:
        self.memory_mb = memory_mb
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._send: Connection | None = None
        self._recv: Connection | None = None
        self._version: str | None = None

    def set_memory(self, memory_mb: int) -> None:
        """A new memory bound; the running child (started with the old one) is replaced at the next query."""
        if memory_mb != self.memory_mb:
            with self._lock:
                self.memory_mb = memory_mb
                self._stop()

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
                raise QueryLimitExceeded(
                    f"the query took longer than the limit of {timeout_s:g} s and was stopped; "
                    "narrow it down (fewer patterns, a LIMIT, no ORDER BY over everything)"
                )
            answer = json.loads(recv.recv_bytes())
        except (EOFError, OSError):
            self._stop()
            raise QueryLimitExceeded(
                f"the query needed more than the memory limit of {self.memory_mb} MB and was stopped; "
                "narrow it down (fewer patterns, a LIMIT, no ORDER BY over everything)"
            ) from None
        finally:
            self._lock.release()
        if answer.get("memory"):
            self._stop()  # a MemoryError may leave the child in a poor state: start afresh next time
            raise QueryLimitExceeded(
                f"the query needed more than the memory limit of {self.memory_mb} MB and was stopped; "
                "narrow it down (fewer patterns, a LIMIT, no ORDER BY over everything)"
            )
        if "error" in answer:
            raise QueryRefused(answer["error"])
        result: dict[str, Any] = answer["result"]
        return result

    def _ready(self, version: str, data: Callable[[], tuple[str, bytes]]) -> tuple[Connection, Connection]:
        if self._proc is None or self._proc.poll() is not None or self._send is None or self._recv is None:
            self._stop()
            code = "import sys; from graph.sparql_worker import serve_queries; serve_queries(int(sys.argv[1]))"
            self._proc = subprocess.Popen(  # noqa: S603 - our own interpreter and code; the bound is an int
                [sys.executable, "-c", code, str(int(self.memory_mb))],
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


def serve_queries(memory_mb: int | None = None) -> None:
    """The query process: the first frame of a pair is data (N-Triples) or a JSON query.

    ``memory_mb`` caps the process's address space; set before any data is read, so the data, the query
    and its intermediate results all count against it.
    """
    if memory_mb:
        import resource

        limit = int(memory_mb) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import rdflib.plugins.sparql.parser  # noqa: F401 - imported now, so no query's time limit pays for it

    from graph.quiet_logs import quiet_library_logs

    quiet_library_logs()  # rdflib's warnings quote the query text

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
            store = memory_store(frame, include_personal=False)
            send.send_bytes(b"{}")
            continue
        request = json.loads(frame)
        try:
            reply: dict[str, Any] = {"result": _answer(store, request["query"], request["limit"])}
        except QueryRefused as exc:
            reply = {"error": str(exc)}
        except MemoryError:
            reply = {"memory": True}
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
    size = 0
    if kind == "SelectQuery":
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        for row in result:  # type: ignore[union-attr]
            if len(rows) >= limit or size > MAX_RESULT_BYTES:
                truncated = True
                break
            rows.append({n: _json_term(row[n]) for n in names if row[n] is not None})
            size += _size(rows[-1])
        return {"head": {"vars": names}, "results": {"bindings": rows}, "truncated": truncated}
    for triple in result:  # type: ignore[union-attr]
        if len(rows) >= limit or size > MAX_RESULT_BYTES:
            truncated = True
            break
        rows.append({k: _json_term(getattr(triple, k)) for k in ("subject", "predicate", "object")})
        size += _size(rows[-1])
    return {"head": {"vars": ["subject", "predicate", "object"]}, "results": {"bindings": rows}, "truncated": truncated}


def _size(row: dict[str, dict[str, str]]) -> int:
    """About the bytes a row takes in the JSON answer."""
    return sum(len(k) + sum(len(x) + 12 for x in t.values()) for k, t in row.items()) + 8


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
