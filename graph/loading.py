"""Read RDF files into one rdflib graph, safely and fast.

Files are read as bytes by us and handed to Oxigraph's parser as data (never as a
path or URL), so nothing the user did not name is opened or fetched: remote JSON-LD
contexts are refused, ``owl:imports`` is never followed, and RDF/XML with a DOCTYPE
or ENTITY declaration is refused before parsing (entity-expansion bombs; the checks of the bytes:
``graph.input_bytes``). Oxigraph parses 10–20× faster than rdflib; its terms are converted once here.

Input is bounded: files together larger than ``max_input_bytes()`` (``SAMARBEJDSKORT_MAX_INPUT_MB``, default
100 MB) are refused before they are read, naming the file and the limit. What is not loaded is said, not
dropped silently: an ``owl:imports`` that is not followed and a non-RDF file skipped in a folder are logged as
warnings (``ReadResult.warnings``).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pyoxigraph as ox

from graph.errors import DataFileError
from graph.facts import Facts, Term, to_rdflib
from graph.importing import reader_for
from graph.input_bytes import check_bytes, max_input_bytes, parse_error, too_large
from graph.lazy import rdflib

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = [
    "SUFFIX_FORMATS",
    "LoadedFile",
    "ReadResult",
    "bundled_data_paths",
    "detect_format",
    "expand_paths",
    "max_input_bytes",
    "parse_bytes",
    "parse_facts",
    "read_graph",
]

SUFFIX_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".n3": ox.RdfFormat.N3,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_OWL_IMPORTS = "http://www.w3.org/2002/07/owl#imports"
_HASH_ASIDE_BYTES = 1 << 20


def _warn(message: str, *args: object) -> None:
    """Log a warning; ``logging`` is imported only then (~17 M instructions a cold start would pay)."""
    import logging

    logging.getLogger(__name__).warning(message, *args)


class LoadedFile(NamedTuple):
    """One file that went into the model, for provenance and ``stats``."""

    path: str
    format: str
    triples: int


def bundled_data_paths() -> list[Path]:
    """The bundled Midtjylland data set (``data/*.ttl`` beside the packages)."""
    root = Path(__file__).resolve().parent.parent / "data"
    return sorted(root.glob("*.ttl"))


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files named directly, plus every RDF file (by suffix) inside named folders."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir() and reader_for(p) is not None:
            out.append(p)  # a folder format (an HSDS export …) is one input
        elif p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and not _hidden(f, p))
            found = [f for f in files if f.suffix.lower() in SUFFIX_FORMATS]
            skipped = [str(f.relative_to(p)) for f in files if f.suffix.lower() not in SUFFIX_FORMATS]
            if skipped:
                shown = ", ".join(skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
                _warn("%s: skipped %d file(s) that are not RDF by their suffix: %s", p, len(skipped), shown)
            if not found:
                raise DataFileError(str(p), "the folder holds no RDF file (.ttl, .trig, .nt, .nq, .rdf, .jsonld)")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise DataFileError(str(p), "no such file or folder")
    return out


def _hidden(f: Path, root: Path) -> bool:
    """Dot-files and dot-folders (``.git``, editor backups) are not data and not worth a warning."""
    return any(part.startswith(".") for part in f.relative_to(root).parts)


class ReadResult:
    """A parsed set of files: the triples, what each file gave, and a digest of their bytes.

    ``facts`` is the compact index the model is built from; ``graph`` (an rdflib ``Graph``) and
    ``file_of`` (keyed by rdflib terms) are built from it on first use.
    """

    def __init__(self, facts: Facts, files: list[LoadedFile], first_file: dict[Term, str], digest: str) -> None:
        self.facts = facts
        self.files = files
        self.first_file = first_file
        self.digest = digest
        self.warnings: list[str] = []
        self._graph: Graph | None = None
        self._lock = threading.Lock()

    @property
    def graph(self) -> Graph:
        with self._lock:
            if self._graph is None:
                self._graph = self.facts.to_rdflib_graph()
            return self._graph

    @property
    def file_of(self) -> dict[Node, str]:
        """Subject → the name of the first file that states something about it (third-party provenance)."""
        return {to_rdflib(s): name for s, name in self.first_file.items()}


def read_graph(paths: Sequence[Path | str]) -> ReadResult:
    """Parse every file into one index; the first bad file stops loading with a clear error. A file or folder
    a non-RDF reader claims (``graph.importing.reader_for``) is read by it; Turtle files ask no reader."""
    facts = Facts()
    loaded: list[LoadedFile] = []
    first_file: dict[Term, str] = {}
    digest = hashlib.sha256()
    hashing: threading.Thread | None = None
    limit, total = max_input_bytes(), 0
    warnings: list[str] = []
    for index, path in enumerate(expand_paths(paths)):
        reader = reader_for(path)
        try:
            total += _size_on_disk(path)
            if total > limit:  # checked before reading: a huge file never reaches memory
                raise too_large(str(path), total, limit, "the file is" if index == 0 else "with this file the data is")
            data = reader.read(path) if reader is not None else path.read_bytes()
        except OSError as exc:
            raise DataFileError(str(path), f"cannot be read ({exc.strerror})") from None
        hashing = _hash_aside(digest, data, hashing)
        fmt = ox.RdfFormat.N_TRIPLES if reader is not None else detect_format(path, data)
        added, subjects = _add_parsed(facts, data, fmt, str(path), f"f{index}")
        if _OWL_IMPORTS in facts.pso:  # rare (ontologies): read the file's quads again to name each import
            warnings += _imports_warnings(_parse_quads(data, fmt, str(path), f"f{index}"), path)
        # third-party entities cite the file that states them (``subjects`` are new to ``facts``: none has one yet)
        first_file.update(dict.fromkeys(subjects, path.name))
        loaded.append(LoadedFile(str(path), reader.name if reader is not None else fmt.name, added))
    if hashing is not None:
        hashing.join()
    result = ReadResult(facts, loaded, first_file, digest.hexdigest()[:16])
    result.warnings = warnings
    return result


def _hash_aside(digest: hashlib._Hash, data: bytes, before: threading.Thread | None) -> threading.Thread | None:
    """Add a file's bytes to the digest, a large file's on another thread: sha256 releases the GIL, so a national
    file's 5 ms of hashing overlap its parsing. Files are added in order (each waits for the one before)."""
    if len(data) < _HASH_ASIDE_BYTES:
        if before is not None:
            before.join()
        digest.update(data)
        return None

    def run() -> None:
        if before is not None:
            before.join()
        digest.update(data)

    thread = threading.Thread(target=run, name="digest", daemon=True)
    thread.start()
    return thread


def _size_on_disk(path: Path) -> int:
    """A file's size, or the total of the files in a folder input (an HSDS export)."""
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return path.stat().st_size


def _imports_warnings(quads: list[ox.Quad], path: Path) -> list[str]:
    """One warning per ``owl:imports`` in the file: we never fetch it, and the user should know."""
    out = []
    for q in quads:
        if q.predicate.value == _OWL_IMPORTS:
            target = q.object.value if isinstance(q.object, ox.NamedNode) else str(q.object)
            out.append(f"{path}: owl:imports <{target}> is not followed; load that file too (--data) if it is needed")
    for message in out:
        _warn("%s", message)
    return out


def parse_facts(data: bytes, fmt: ox.RdfFormat, *, name: str, scope: str = "u", into: Facts | None = None) -> Facts:
    """Check and parse one document given as bytes straight into a ``Facts`` index (named graphs merged)."""
    facts = into if into is not None else Facts()
    _add_parsed(facts, data, fmt, name, scope)
    return facts


def _add_parsed(facts: Facts, data: bytes, fmt: ox.RdfFormat, name: str, scope: str) -> tuple[int, list[Term]]:
    """Check one document and add its quads to ``facts`` as the parser yields them: never a list of every
    parsed quad (a national file's would be 53 MB more at the peak, and slower to build)."""
    check_bytes(data, fmt, name)
    try:
        return facts.add_quads(ox.parse(data, format=fmt, base_iri=f"urn:samarbejdskort:{scope}:"), scope)
    except (SyntaxError, ValueError, OSError) as exc:
        raise parse_error(data, fmt, name, exc) from None


def parse_bytes(data: bytes, fmt: ox.RdfFormat, *, name: str, scope: str = "u") -> Iterator[tuple[Node, Node, Node]]:
    """Check and parse one document given as bytes; yields rdflib triples (named graphs merged)."""
    terms: dict[object, Node] = {}
    for q in _parse_quads(data, fmt, name, scope):
        yield (_term(q.subject, terms, scope), _term(q.predicate, terms, scope), _term(q.object, terms, scope))


def _parse_quads(data: bytes, fmt: ox.RdfFormat, name: str, scope: str) -> list[ox.Quad]:
    check_bytes(data, fmt, name)
    try:
        return list(ox.parse(data, format=fmt, base_iri=f"urn:samarbejdskort:{scope}:"))
    except (SyntaxError, ValueError, OSError) as exc:
        raise parse_error(data, fmt, name, exc) from None


def _term(t: object, cache: dict[object, Node], scope: str) -> Node:
    hit = cache.get(t)
    if hit is not None:
        return hit
    node: Node
    if isinstance(t, ox.NamedNode):
        node = rdflib.URIRef(t.value)
    elif isinstance(t, ox.BlankNode):
        node = rdflib.BNode(f"{scope}b{t.value}")  # file-scoped: two files' _:b1 are different nodes
    elif isinstance(t, ox.Literal):
        dt = t.datatype.value
        if t.language:
            node = rdflib.Literal(t.value, lang=t.language)
        elif dt == _XSD_STRING:
            node = rdflib.Literal(t.value)
        else:
            node = rdflib.Literal(t.value, datatype=rdflib.URIRef(dt))
    else:  # RDF-star triple terms are not part of our model
        raise ValueError("quoted triples are not supported")
    cache[t] = node
    return node


def detect_format(path: Path, data: bytes) -> ox.RdfFormat:
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is not None:
        return fmt
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") or head.startswith(b"<rdf:RDF"):
        return ox.RdfFormat.RDF_XML
    if head[:1] in (b"{", b"["):
        return ox.RdfFormat.JSON_LD
    if re.match(rb"(@prefix|@base|PREFIX|BASE)\b", head, re.IGNORECASE):
        return ox.RdfFormat.TURTLE
    if re.match(rb"(<[^>]*>|_:\S+)\s+<[^>]*>", head):
        return ox.RdfFormat.N_QUADS if _looks_like_quads(data) else ox.RdfFormat.N_TRIPLES
    raise DataFileError(
        str(path),
        "unknown format: use a known extension (.ttl .trig .nt .nq .n3 .rdf .jsonld) or RDF content",
    )


def _looks_like_quads(data: bytes) -> bool:
    first = data.lstrip().split(b"\n", 1)[0].rstrip()
    return first.endswith(b".") and first.count(b"<") >= 4
