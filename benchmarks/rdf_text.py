"""RDF terms as text: build N-Triples terms and render subject blocks as N-Triples or Turtle.

The generator never builds an rdflib graph. Every term is kept in its N-Triples form
(``<iri>``, ``"text"@da``, ``"3"^^<…#integer>``); the Turtle renderer shortens the known
namespaces to prefixed names and writes numbers and booleans bare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ontology.namespace import DCTERMS, FOAF, ID, ORG, PROV, RDF, RDFS, SK, SKOS, VCARD, XSD

__all__ = [
    "PREFIXES",
    "Block",
    "boolean",
    "date",
    "decimal",
    "duration",
    "integer",
    "iri",
    "lit",
    "node",
    "render_nt",
    "render_ttl",
    "turtle_header",
]

#: One subject and its (predicate, object) pairs, all terms in N-Triples form.
Block = tuple[str, Sequence[tuple[str, str]]]

PREFIXES: tuple[tuple[str, str], ...] = (
    ("sk", str(SK._NS)),
    ("org", str(ORG._NS)),
    ("skos", str(SKOS._NS)),
    ("prov", str(PROV._NS)),
    ("dct", str(DCTERMS._NS)),
    ("foaf", str(FOAF._NS)),
    ("vcard", str(VCARD)),
    ("rdf", str(RDF._NS)),
    ("rdfs", str(RDFS._NS)),
    ("xsd", str(XSD._NS)),
)

_XSD = str(XSD._NS)
_ID = str(ID)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]')
_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
_RDF_TYPE = f"<{RDF.type}>"


def iri(value: str) -> str:
    """An IRI term, e.g. ``iri(SK.Seat)`` → ``<https://w3id.org/samarbejdskort/ns#Seat>``."""
    return f"<{value}>"


def node(local: str) -> str:
    """An instance IRI under ``id:`` from an ASCII slug."""
    return f"<{ID}{local}>"


def lit(text: str, lang: str | None = None) -> str:
    """A plain or language-tagged literal."""
    if _NEEDS_ESCAPE.search(text):
        text = _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text)
    return f'"{text}"@{lang}' if lang else f'"{text}"'


def _typed(text: str, datatype: str) -> str:
    return f'"{text}"^^<{_XSD}{datatype}>'


def integer(value: int) -> str:
    return _typed(str(value), "integer")


def decimal(value: float) -> str:
    return _typed(f"{value:.1f}", "decimal")


def boolean(value: bool) -> str:
    return _typed("true" if value else "false", "boolean")


def date(year: int, month: int, day: int) -> str:
    return _typed(f"{year:04d}-{month:02d}-{day:02d}", "date")


def duration(days: int) -> str:
    return _typed(f"P{days}D", "duration")


def render_nt(block: Block) -> Iterator[str]:
    """The block's triples as N-Triples lines (each ending in a newline)."""
    subject, pairs = block
    for predicate, obj in pairs:
        yield f"{subject} {predicate} {obj} .\n"


def turtle_header() -> Iterator[str]:
    """``@base`` (instances are written as relative IRIs, as in ``data/``) and the prefixes."""
    yield f"@base <{ID}> .\n"
    for prefix, namespace in PREFIXES:
        yield f"@prefix {prefix}: <{namespace}> .\n"
    yield "\n"


_BARE_TYPES = tuple(f'"^^<{_XSD}{name}>' for name in ("integer", "boolean", "decimal"))
_term_cache: dict[str, str] = {}


def _ttl_term(term: str) -> str:
    if term[0] == "<":
        cached = _term_cache.get(term)
        if cached is not None:
            return cached
        value = term[1:-1]
        if value.startswith(_ID):  # instances repeat rarely: relative to @base, not cached
            return f"<{value[len(_ID) :]}>"
        short = term
        for prefix, namespace in PREFIXES:
            if value.startswith(namespace):
                local = value[len(namespace) :]
                if _LOCAL.fullmatch(local):
                    short = f"{prefix}:{local}"
                break
        _term_cache[term] = short
        return short
    if term[-1] == ">":  # typed literal
        head, _, datatype = term.rpartition("^^<")
        if term.endswith(_BARE_TYPES):
            return head[1:-1]
        return f"{head}^^xsd:{datatype[len(_XSD) : -1]}"
    return term


def render_ttl(block: Block) -> Iterator[str]:
    """The block as a Turtle subject block, one predicate a line (``a`` for rdf:type, repeated predicates as
    an object list), followed by a blank line."""
    subject, pairs = block
    groups: list[tuple[str, list[str]]] = []
    for predicate, obj in pairs:
        if groups and groups[-1][0] == predicate:
            groups[-1][1].append(_ttl_term(obj))
        else:
            groups.append((predicate, [_ttl_term(obj)]))
    last = len(groups) - 1
    for index, (predicate, objects) in enumerate(groups):
        verb = "a" if predicate == _RDF_TYPE else _ttl_term(predicate)
        lead = f"{_ttl_term(subject)} " if index == 0 else "    "
        end = " .\n\n" if index == last else " ;\n"
        yield f"{lead}{verb} {' , '.join(objects)}{end}"
