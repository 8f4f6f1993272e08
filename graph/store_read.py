"""Read the current map from a store without writing to it: what the CLI answers from.

The web app holds an embedded store open for writing; the CLI opens the same folder read-only (a
snapshot as of opening), or asks the same SPARQL server, so an edit made in the web app is what
``samarbejdskort contact …`` answers with. Nothing is seeded or changed here: a store that has never
been started says so instead of silently answering from files.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from graph.changelog import DATA_GRAPH, head_query, version_of
from graph.errors import StoreUnavailable
from graph.model import Model, model_from_bytes
from graph.store_backends import Remote

__all__ = ["read_model"]


def read_model(location: str | Path) -> Model:
    """The model of the store at ``location`` (a folder or an http(s) SPARQL URL), read-only."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        remote = Remote(text, None, None)
        try:
            rows = remote.select(head_query())
            data = remote.dump(DATA_GRAPH)
        finally:
            remote.close()
    else:
        folder = Path(text)
        if not folder.is_dir() or not any(folder.iterdir()):
            raise StoreUnavailable(
                f"there is no store in '{text}' yet: start the web app once (samarbejdskort serve), "
                "or read files with --data"
            )
        try:
            store = ox.Store.read_only(str(folder))
        except OSError as exc:
            raise StoreUnavailable(f"cannot read the store in '{text}': {exc}") from None
        result = store.query(head_query())
        names = [v.value for v in result.variables]  # type: ignore[union-attr]
        rows = [{n: row[n] for n in names} for row in result]  # type: ignore[union-attr]
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(URIRef(DATA_GRAPH)))) or b""
        del store
    head = rows[0]["a"].value if rows and rows[0].get("a") is not None else None
    if head is None or not data.strip():
        raise StoreUnavailable(f"the store at '{text}' has no data yet; start the web app once, or use --data")
    return model_from_bytes(data, ox.RdfFormat.N_TRIPLES, version=version_of(head), name="store", scope="s")
