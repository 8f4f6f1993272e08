"""The one model object: RDF graph + NetworkX projection + label index + sources.

Built once per data version (``load``) and handed to the CLI, the API and viz; nothing
rebuilds it per request. Question modules read ``model.nx`` and the helpers here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from graph.errors import DataFileError
from graph.loading import (
    SUFFIX_FORMATS,
    LoadedFile,
    bundled_data_paths,
    expand_paths,
    parse_bytes,
    read_graph,
)
from graph.projection import project
from graph.resolution import LabelIndex
from graph.vocab import Hierarchy
from ontology.namespace import DCTERMS, PROV, SK

__all__ = ["Model", "SourceRef", "in_force", "load", "model_from_graph", "model_from_text"]


@dataclass(frozen=True)
class SourceRef:
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


@dataclass
class Model:
    """Everything the questions need, built once."""

    rdf: Graph
    nx: nx.MultiDiGraph
    hierarchy: Hierarchy
    files: tuple[LoadedFile, ...] = ()
    version: str = "0"
    alt_labels: dict[str, list[str]] = field(default_factory=dict)
    labels_by_lang: dict[str, dict[str, str]] = field(default_factory=dict)

    @cached_property
    def index(self) -> LabelIndex:
        entries = []
        for nid, data in self.nx.nodes(data=True):
            prefs = sorted({v for v in self.labels_by_lang.get(nid, {}).values() if v} | {data["label"]})
            entries.append((nid, data["label"], data["kind"], prefs, self.alt_labels.get(nid, [])))
        return LabelIndex(entries)

    @cached_property
    def sources(self) -> dict[str, SourceRef]:
        return _source_index(self.rdf, self.files)

    # ------------------------------------------------------------------ lookups
    def resolve(self, text: str, *, kinds: Iterable[str] | None = None) -> str:
        """IRI of the entity meant by ``text`` (raises AmbiguousEntity / EntityNotFound)."""
        return self.index.resolve(text, kinds=kinds)

    def node(self, nid: str) -> dict[str, Any]:
        return self.nx.nodes[nid]  # type: ignore[no-any-return]

    def label(self, nid: str, lang: str = "da") -> str:
        if nid in self.nx:
            data = self.nx.nodes[nid]
            return str(data["label_en"] if lang == "en" else data["label"])
        return self.labels_by_lang.get(nid, {}).get(lang) or nid.rstrip("/#").rsplit("/", 1)[-1]

    def ref(self, nid: str, lang: str = "da") -> dict[str, Any]:
        """The minimal JSON object for an entity: id, label, kind."""
        kind = self.nx.nodes[nid]["kind"] if nid in self.nx else "other"
        return {"id": nid, "label": self.label(nid, lang), "kind": kind}

    def sources_of(self, ids: Iterable[str]) -> list[SourceRef]:
        """Resolved sources for source IRIs (unknown IRIs are kept with the IRI as title)."""
        out = []
        for sid in dict.fromkeys(ids):
            out.append(self.sources.get(sid) or SourceRef(sid, sid))
        return out

    def stats(self) -> dict[str, Any]:
        kinds: dict[str, int] = {}
        for _, k in self.nx.nodes(data="kind"):
            kinds[k] = kinds.get(k, 0) + 1
        edges: dict[str, int] = {}
        for _, _, k in self.nx.edges(data="kind"):
            edges[k] = edges.get(k, 0) + 1
        return {
            "triples": len(self.rdf),
            "nodes": self.nx.number_of_nodes(),
            "edges": self.nx.number_of_edges(),
            "node_kinds": dict(sorted(kinds.items())),
            "edge_kinds": dict(sorted(edges.items())),
            "files": [{"path": f.path, "format": f.format, "triples": f.triples} for f in self.files],
            "sources": len({s for s in self.sources.values() if not s.id.startswith("file:")}),
            "version": self.version,
        }


def in_force(attrs: dict[str, Any], on: dt.date | None = None, scenarios: Iterable[str] = ()) -> bool:
    """Whether a node or edge applies on a date under the chosen scenarios.

    Rejected and ended elements never apply; elements of a scenario apply only when it is chosen;
    proposed ones apply (callers mark them as proposed).
    """
    if attrs.get("status") in ("rejected", "ended"):
        return False
    scen = attrs.get("scenario")
    if scen is not None and scen not in set(scenarios):
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
    read = read_graph(files)
    return model_from_graph(read.graph, files=tuple(read.files), version=read.digest, file_of=read.file_of)


def model_from_graph(
    g: Graph, *, files: tuple[LoadedFile, ...] = (), version: str | None = None, file_of: dict[Node, str] | None = None
) -> Model:
    """Project an rdflib graph (used after edits and by tests)."""
    hierarchy = Hierarchy(g)
    proj = project(g, hierarchy, file_of)
    if version is None:
        version = hashlib.sha256(str(len(g)).encode() + str(sorted(map(str, list(g)[:50]))).encode()).hexdigest()[:16]
    return Model(
        rdf=g,
        nx=proj.nx,
        hierarchy=hierarchy,
        files=files,
        version=version,
        alt_labels=proj.alt,
        labels_by_lang=proj.labels,
    )


def model_from_text(text: str, fmt: str = "turtle") -> Model:
    """A Model from an inline document (tests, API uploads); parsed with the same safe parser."""
    ox_fmt = SUFFIX_FORMATS[
        "." + {"turtle": "ttl", "json-ld": "jsonld", "xml": "rdf", "nt": "nt", "trig": "trig"}.get(fmt, fmt)
    ]
    g = Graph()
    g.addN((s, p, o, g) for s, p, o in parse_bytes(text.encode("utf-8"), ox_fmt, name="<inline>"))
    return model_from_graph(g, version=hashlib.sha256(text.encode()).hexdigest()[:16])


def _source_index(g: Graph, files: Sequence[LoadedFile]) -> dict[str, SourceRef]:
    out: dict[str, SourceRef] = {}
    targets = set(g.objects(None, PROV.wasDerivedFrom)) | set(g.objects(None, DCTERMS.source))
    for t in targets:
        if not isinstance(t, URIRef):
            continue
        doc = g.value(t, DCTERMS.isPartOf) or t
        title = g.value(doc, DCTERMS.title) or g.value(t, DCTERMS.title)
        section = g.value(t, SK.section)
        date = g.value(doc, DCTERMS.date) or g.value(doc, SK.dateText)
        url = g.value(doc, DCTERMS.source)
        seeds = tuple(sorted(str(f) for f in g.objects(doc, SK.seedFile)))
        out[str(t)] = SourceRef(
            id=str(t),
            title=str(title) if title is not None else str(t),
            section=str(section) if section is not None else None,
            date=str(date) if isinstance(date, Literal) else None,
            files=seeds,
            url=str(url) if url is not None else (str(t) if doc == t and title is None else None),
        )
    for f in files:
        name = Path(f.path).name
        out[f"file:{name}"] = SourceRef(id=f"file:{name}", title=name, files=(name,))
    return out
