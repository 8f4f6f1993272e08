"""The one model object: RDF graph + projected graph + label index + sources.

Built once per data version (``load``) and handed to the CLI, the API and viz; nothing
rebuilds it per request. Question modules read ``model.adjacency`` (plain dicts) and the helpers here;
``model.nx`` is the same graph as a ``networkx.MultiDiGraph`` for those that run networkx's algorithms,
built on first use so a contact or topics question never imports networkx.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property, partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pyoxigraph as ox

from graph.adjacency import Adjacency
from graph.bulk import gc_paused
from graph.errors import DataFileError
from graph.fact_view import FactView
from graph.facts import Facts, Lit, Term, from_rdflib, truthy
from graph.facts import as_str as _text
from graph.loading import (
    SUFFIX_FORMATS,
    LoadedFile,
    bundled_data_paths,
    expand_paths,
    parse_facts,
    read_graph,
)
from graph.projection import project
from graph.resolution import LabelIndex
from graph.vocab import Hierarchy
from ontology.iris import DCTERMS, PROV, SK

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph
    from rdflib.term import Node

__all__ = [
    "Model",
    "SourceRef",
    "in_force",
    "load",
    "model_from_bytes",
    "model_from_facts",
    "model_from_graph",
    "model_from_text",
]
_DERIVED, _CITED, _PART_OF = PROV.wasDerivedFrom, DCTERMS.source, DCTERMS.isPartOf
_TITLE, _SECTION, _DATE, _DATE_TEXT = DCTERMS.title, SK.section, DCTERMS.date, SK.dateText
_SEED_FILE = SK.seedFile


class SourceRef(NamedTuple):
    """Where a fact comes from: document, date, section, seed file or URL."""

    id: str
    title: str
    section: str | None = None
    date: str | None = None
    files: tuple[str, ...] = ()
    url: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.title,
            "title": self.title,
            "section": self.section,
            "date": self.date,
            "files": list(self.files),
            "url": self.url,
        }


class Model:
    """Everything the questions need, built once.

    ``rdf`` (the rdflib ``Graph``) is built on first use from the compact index the model was
    projected from: SHACL validation, editing and export need it, the questions do not. ``facts``
    answers rdflib-style lookups (``value``, ``objects`` …) without building it.
    """

    def __init__(
        self,
        rdf: Graph | None,
        adjacency: Adjacency,
        hierarchy: Hierarchy,
        files: tuple[LoadedFile, ...] = (),
        version: str = "0",
        alt_labels: dict[str, list[str]] | None = None,
        labels_by_lang: dict[str, dict[str, str]] | None = None,
        *,
        facts: Facts | None = None,
    ) -> None:
        if rdf is None and facts is None:
            raise ValueError("a Model needs its triples: an rdflib graph or a Facts index")
        self._rdf = rdf
        self._facts = facts
        self._lock = threading.Lock()
        self.adjacency = adjacency
        self._nx: nx.MultiDiGraph | None = None
        self.hierarchy = hierarchy
        self.files = files
        self.version = version
        self.alt_labels = alt_labels if alt_labels is not None else {}
        self.labels_by_lang = labels_by_lang if labels_by_lang is not None else {}

    def __repr__(self) -> str:
        g = self.adjacency
        return f"<Model version={self.version} nodes={g.number_of_nodes()} edges={g.number_of_edges()}>"

    @property
    def nx(self) -> nx.MultiDiGraph:
        """The graph as a ``networkx.MultiDiGraph`` over ``adjacency``'s very dicts (built once, on first use;
        do not modify): paths, chains, gaps and diagrams run networkx on it, contacts and topics do not."""
        if self._nx is None:
            with self._lock:
                if self._nx is None:
                    self._nx = self.adjacency.to_networkx()
        return self._nx

    @property
    def rdf(self) -> Graph:
        """The union of all files as an rdflib ``Graph`` (built once, on first use; do not modify)."""
        if self._rdf is None:
            with self._lock:
                if self._rdf is None:
                    self._rdf = self._facts.to_rdflib_graph()  # type: ignore[union-attr]
        return self._rdf

    @rdf.setter
    def rdf(self, g: Graph) -> None:
        with self._lock:
            self._rdf, self._facts = g, None
        for derived in ("facts", "sources", "_cited"):
            self.__dict__.pop(derived, None)

    @property
    def rdf_built(self) -> bool:
        """Whether ``rdf`` has been built (for benchmarks and tests: the questions should not need it)."""
        return self._rdf is not None

    def triple_index(self) -> Facts:
        """The compact subject → predicate → objects index (``graph.facts.Facts``)."""
        if self._facts is None:
            with self._lock:
                if self._facts is None:
                    self._facts = Facts.from_graph(self._rdf)  # type: ignore[arg-type]
        return self._facts

    @cached_property
    def facts(self) -> FactView:
        """Read-only rdflib-style lookups (``value``, ``objects``, ``subjects`` …) without building ``rdf``."""
        return FactView(self.triple_index())

    @cached_property
    def index(self) -> LabelIndex:
        with gc_paused():
            g = self.adjacency  # the graph, not the model: no cycle
            return LabelIndex(
                g.nodes, g.by_kind(), self.labels_by_lang, self.alt_labels, contains=partial(_contains, g)
            )

    @cached_property
    def sources(self) -> dict[str, SourceRef]:
        return _source_index(self.triple_index(), self.files)

    @cached_property
    def _cited(self) -> tuple[set[str], dict[str, SourceRef | None]]:
        """The cited IRIs ``sources`` has an entry for, and the entries worked out one by one so far (``sources_of``;
        the files' are listed from the start, None until asked)."""
        every = set(chain.from_iterable(_citations(self.triple_index())))  # a few hundred among 14,000 national
        cited = {t for t in every if type(t) is str}
        return cited, {f"file:{Path(f.path).name}": None for f in self.files}

    # ------------------------------------------------------------------ lookups
    def resolve(self, text: str, *, kinds: Iterable[str] | None = None) -> str:
        """IRI of the entity meant by ``text`` (raises AmbiguousEntity / EntityNotFound)."""
        return self.index.resolve(text, kinds=kinds)

    def node(self, nid: str) -> dict[str, Any]:
        return self.adjacency.nodes[nid]

    def label(self, nid: str, lang: str = "da") -> str:
        data = self.adjacency.nodes.get(nid)
        if data is not None:
            return str(data["label_en"] if lang == "en" else data["label"])
        return self.labels_by_lang.get(nid, {}).get(lang) or nid.rstrip("/#").rsplit("/", 1)[-1]

    def ref(self, nid: str, lang: str = "da") -> dict[str, Any]:
        """The minimal JSON object for an entity: id, label, kind."""
        data = self.adjacency.nodes.get(nid)
        kind = data["kind"] if data is not None else "other"
        return {"id": nid, "label": self.label(nid, lang), "kind": kind}

    def sources_of(self, ids: Iterable[str]) -> list[SourceRef]:
        """Resolved sources for source IRIs (unknown IRIs are kept with the IRI as title). Until ``sources`` is
        built, each is worked out alone, as ``sources`` would hold it: a question cites a few of the national
        data's 300 sources, and the whole index cost a first answer ~23 M instructions."""
        full = self.__dict__.get("sources")
        cited, found = self._cited if full is None else ((), full)
        out = []
        for sid in dict.fromkeys(ids):
            ref = found.get(sid)
            if ref is None and (sid in cited or sid in found):  # found: the files, None until asked
                ref = found[sid] = _source_index(self.triple_index(), self.files, (sid,))[sid]
            out.append(ref or SourceRef(sid, sid))
        return out

    def stats(self) -> dict[str, Any]:
        g = self.adjacency
        kinds: dict[str, int] = {}
        for d in g.nodes.values():  # the projection gives every node and edge a kind
            kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
        edges: dict[str, int] = {}
        for _, _, _, e in g.edges():
            edges[e["kind"]] = edges.get(e["kind"], 0) + 1
        return {
            "triples": len(self.triple_index()),
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "node_kinds": dict(sorted(kinds.items())),
            "edge_kinds": dict(sorted(edges.items())),
            "files": [{"path": f.path, "format": f.format, "triples": f.triples} for f in self.files],
            "sources": len({s for s in self.sources.values() if not s.id.startswith("file:")}),
            "version": self.version,
        }


def _contains(g: Adjacency, outer: str, inner: str) -> bool:
    """Whether ``inner`` is part of ``outer`` (a unit of an organisation, at any depth)."""
    seen, todo, succ = {inner}, [inner], g.succ
    while todo:
        for parent, keyed in succ[todo.pop()].items():
            if "part_of" in keyed and parent not in seen:
                if parent == outer:
                    return True
                seen.add(parent)
                todo.append(parent)
    return False


#: The attributes ``in_force`` reads: a node or an edge with none of them applies on any date under any scenarios
#: (most do; a hot loop may test this before calling, ``graph.view``).
DATED_ATTRS = frozenset({"status", "scenario", "valid_from", "valid_until"})


def in_force(attrs: dict[str, Any], on: dt.date | None = None, scenarios: Iterable[str] = ()) -> bool:
    """Whether a node or edge applies on a date under the chosen scenarios.

    Rejected and ended elements never apply; elements of a scenario apply only when it is chosen;
    proposed ones apply (callers mark them as proposed).
    """
    if attrs.get("status") in ("rejected", "ended"):
        return False
    scen = attrs.get("scenario")
    if scen is not None:
        chosen = scenarios if isinstance(scenarios, tuple | frozenset | set) else set(scenarios)
        if scen not in chosen:
            return False
    if on is not None:
        start, end = attrs.get("valid_from"), attrs.get("valid_until")
        if (start is not None and on < start) or (end is not None and on > end):
            return False
    return True


def load(paths: Sequence[Path | str] | None = None) -> Model:
    """Load files (or the bundled data set) into a Model."""
    files = expand_paths(paths) if paths else bundled_data_paths()
    if not files:
        raise DataFileError("data/", "no data files found")
    with gc_paused():
        read = read_graph(files)
        return model_from_facts(read.facts, files=tuple(read.files), version=read.digest, file_of=read.first_file)


def model_from_facts(
    facts: Facts,
    *,
    files: tuple[LoadedFile, ...] = (),
    version: str,
    file_of: Mapping[Any, str] | None = None,
    rdf: Graph | None = None,
) -> Model:
    """Project a ``graph.facts.Facts`` index (the fast path: no rdflib terms until ``model.rdf`` is used)."""
    with gc_paused():
        hierarchy = Hierarchy(facts)
        proj = project(facts, hierarchy, file_of)
    return Model(
        rdf=rdf,
        adjacency=proj.adjacency,
        hierarchy=hierarchy,
        files=files,
        version=version,
        alt_labels=proj.alt,
        labels_by_lang=proj.labels,
        facts=facts,
    )


def model_from_bytes(data: bytes, fmt: ox.RdfFormat, *, version: str, name: str = "<data>", scope: str = "u") -> Model:
    """A Model from one document given as bytes (e.g. a store's N-Triples dump), parsed straight to ``Facts``."""
    with gc_paused():
        return model_from_facts(parse_facts(data, fmt, name=name, scope=scope), version=version)


def model_from_graph(
    g: Graph, *, files: tuple[LoadedFile, ...] = (), version: str | None = None, file_of: dict[Node, str] | None = None
) -> Model:
    """Project an rdflib graph (used after edits and by tests)."""
    if version is None:
        version = hashlib.sha256(str(len(g)).encode() + str(sorted(map(str, list(g)[:50]))).encode()).hexdigest()[:16]
    facts = Facts.from_graph(g)
    internal = {from_rdflib(k): v for k, v in file_of.items()} if file_of is not None else None
    return model_from_facts(facts, files=files, version=version, file_of=internal, rdf=g)


def model_from_text(text: str, fmt: str = "turtle") -> Model:
    """A Model from an inline document (tests, API uploads); parsed with the same safe parser."""
    ox_fmt = SUFFIX_FORMATS[
        "." + {"turtle": "ttl", "json-ld": "jsonld", "xml": "rdf", "nt": "nt", "trig": "trig"}.get(fmt, fmt)
    ]
    return model_from_bytes(
        text.encode("utf-8"), ox_fmt, version=hashlib.sha256(text.encode()).hexdigest()[:16], name="<inline>"
    )


def _source_index(g: Facts, files: Sequence[LoadedFile], only: Iterable[str] | None = None) -> dict[str, SourceRef]:
    """Every cited IRI's source and every file's (``only``: these cited IRIs' and files' alone)."""
    out: dict[str, SourceRef] = {}
    if only is None:
        # every object cited, in order of first appearance (one pass in C over the 100,000 national citations)
        only = (t for t in dict.fromkeys(chain.from_iterable(_citations(g))) if type(t) is str)
    for t in only:
        doc = _first(g.value(t, _PART_OF), t)
        title = _first(_danish_first(g.objects(doc, _TITLE)), _danish_first(g.objects(t, _TITLE)))
        section = _danish_first(g.objects(t, _SECTION))
        date = _first(g.value(doc, _DATE), g.value(doc, _DATE_TEXT))
        url = g.value(doc, _CITED)
        seeds = tuple(sorted(_text(f) for f in g.objects(doc, _SEED_FILE)))
        out[t] = SourceRef(
            id=t,
            title=_text(title) if title is not None else t,
            section=_text(section) if section is not None else None,
            date=_text(date) if type(date) is Lit else None,
            files=seeds,
            url=_text(url) if url is not None else (t if doc == t and title is None else None),
        )
    for f in files:
        name = Path(f.path).name
        out[f"file:{name}"] = SourceRef(id=f"file:{name}", title=name, files=(name,))
    return out


def _citations(g: Facts) -> Iterator[list[Term]]:
    """The objects of each citing triple group (prov:wasDerivedFrom, then dct:source), as the index lists them."""
    return chain(g.subjects_of(_DERIVED).values(), g.subjects_of(_CITED).values())


def _first(a: Term | None, b: Term | None) -> Term | None:
    """``a or b`` with rdflib's truth value of terms (an empty or false literal counts as missing)."""
    if a is not None and (type(a) is not Lit or truthy(a)):
        return a
    return b


def _danish_first(values: list[Term]) -> Term | None:
    """The Danish (then untagged, then English) text of several: the same whatever order the triples came in
    (files in document order, a store's dump sorted), so the CLI and the API name a source alike."""
    if len(values) < 2:
        return values[0] if values else None
    return min(values, key=lambda v: _LANG_RANK.get(v.language if type(v) is Lit else None, 3))


_LANG_RANK: dict[str | None, int] = {"da": 0, None: 1, "en": 2}
