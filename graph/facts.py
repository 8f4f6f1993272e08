"""The loaded triples as a compact read-only index, built straight from Oxigraph's parser.

Converting every parsed term to an rdflib term and adding it to an rdflib ``Graph`` costs about
four times as long as parsing (a national structure: ~4 s against ~0.4 s), yet the projection
only needs a subject → predicate → objects index. ``Facts`` is that index, in cheap terms:

* an IRI is a plain ``str``;
* a blank node is a ``Blank`` (a ``str`` subclass holding the rdflib ``BNode`` id, file-scoped as
  ``f<n>b<label>`` so two files' ``_:b1`` stay apart);
* a literal is a ``Lit`` (lexical form, language, datatype IRI; typed literals whose lexical form
  rdflib would normalise, e.g. ``"01"^^xsd:integer``, are normalised the same way so both count alike).

``graph.fact_view.FactView`` reads it with rdflib terms; ``to_rdflib_graph`` builds the full rdflib graph,
with the same terms as ``graph.loading.parse_bytes``.
"""

from __future__ import annotations

import datetime
import re
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import pyoxigraph as ox

from graph.lazy import rdflib

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["Blank", "Facts", "Lit", "Term", "as_str", "from_rdflib", "python_value", "to_rdflib", "truthy"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_NAMED, _BLANK, _OX_LITERAL = ox.NamedNode, ox.BlankNode, ox.Literal


class Blank(str):
    """A blank node: its rdflib ``BNode`` id (never equal to an IRI, which always has a scheme)."""

    __slots__ = ()


class Lit(NamedTuple):
    """A literal: lexical form, language tag (lower case) or None, datatype IRI."""

    value: str
    language: str | None
    datatype: str


#: An internal term: IRI (``str``), ``Blank`` or ``Lit``.
Term = Any


class Facts:
    """Subject → predicate → objects (insertion order, no duplicates), and predicate → subject → objects.

    Both maps share the object lists. Build with ``add_quads`` (parser output) or ``from_graph``; the
    index is read-only once a model holds it.
    """

    __slots__ = ("_by_object", "_lock", "count", "pso", "spo")

    def __init__(self) -> None:
        self.spo: dict[Term, dict[str, list[Term]]] = {}
        self.pso: dict[str, dict[Term, list[Term]]] = {}
        self.count = 0
        self._by_object: dict[str, dict[Term, list[Term]]] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ building
    def add_quads(self, quads: Iterable[ox.Quad], scope: str) -> tuple[int, list[Term]]:
        """Add parsed quads (graph names are merged); returns (new triples, new subjects in order of appearance).

        The per-quad work of a load (a national file: 117,000 quads), so it is written for speed: parsers emit a
        subject's triples together, so the subject is looked up once per run; each IRI is kept as one shared
        string (a national index takes 22 MB instead of 40, and the projection's lookups compare by identity); a
        language-tagged literal, most literals, is looked up by its text instead of the parser's term (cheaper
        to hash, and the term objects are not kept alive). An object IRI or a predicate is looked up by the
        parser's term (kept for this call only): hashing that costs less than making the IRI string anew for
        every quad; a predicate's entry holds its subject → objects map too (created when the predicate is
        first seen, as its first triple is then added), so a new (subject, predicate) pair costs no lookup in
        ``pso``. Subjects are not looked up by term (most are new, and are looked up once per run anyway).
        """
        spo, pso = self.spo, self.pso
        iris: dict[str, str] = {}  # each IRI string once
        terms: dict[Any, Term] = {}  # parser term → internal term: object IRIs, other literals, blank nodes
        by_lang: dict[str, dict[str, Lit]] = {}  # language → lexical form → the one Lit
        preds: dict[ox.NamedNode, tuple[str, dict[Term, list[Term]]]] = {}  # parser predicate → (IRI, its pso map)
        subjects: list[Term] = []
        added = 0
        last = po = key = None
        named, literal, new_lit = _NAMED, _OX_LITERAL, tuple.__new__
        for q in quads:
            s = q.subject
            if s != last:
                last = s
                if type(s) is named:
                    key = s.value
                    key = iris.setdefault(key, key)
                else:
                    key = terms.get(s)
                    if key is None:
                        key = terms[s] = _internal(s, scope)
                po = spo.get(key)
                if po is None:
                    po = spo[key] = {}
                    subjects.append(key)
            hit = preds.get(pn := q.predicate)
            if hit is None:
                p = pn.value
                p = iris.setdefault(p, p)
                by_s = pso.get(p)
                if by_s is None:
                    by_s = pso[p] = {}
                hit = preds[pn] = (p, by_s)
            p, by_s = hit
            obj = q.object
            if type(obj) is literal and (lang := obj.language) and obj.direction is None:
                lexical = obj.value
                texts = by_lang.get(lang)
                if texts is None:
                    texts = by_lang[lang] = {}
                o: Term = texts.get(lexical)
                if o is None:
                    o = texts[lexical] = new_lit(Lit, (lexical, lang, _LANG_STRING))
            else:
                o = terms.get(obj)
                if o is None:
                    if type(obj) is named:
                        o = obj.value
                        o = terms[obj] = iris.setdefault(o, o)
                    else:
                        o = terms[obj] = _internal(obj, scope)
            objs = po.get(p)  # type: ignore[union-attr]
            if objs is None:
                objs = po[p] = by_s[key] = [o]  # type: ignore[index]
                added += 1
            elif o not in objs:
                objs.append(o)
                added += 1
        self._by_object.clear()
        self.count += added
        return added, subjects

    def add(self, s: Term, p: str, o: Term) -> bool:
        po = self.spo.setdefault(s, {})
        objs = po.get(p)
        if objs is None:
            po[p] = self.pso.setdefault(p, {})[s] = [o]
        elif o in objs:
            return False
        else:
            objs.append(o)
        self.count += 1
        self._by_object.clear()
        return True

    @classmethod
    def from_graph(cls, g: Graph) -> Facts:
        """The index of an rdflib graph (after edits, and for callers that built one themselves)."""
        facts = cls()
        cache: dict[Node, Term] = {}
        # rdflib's memory store keeps subjects, and each subject's predicates and objects, in insertion order
        # (``Graph.value`` answers the first inserted object); iterating the whole graph would not.
        spo = getattr(g.store, "_Memory__spo", None)
        subjects = list(spo) if isinstance(spo, dict) else list(dict.fromkeys(g.subjects()))
        for s in subjects:
            a = cache.get(s)
            if a is None:
                a = cache[s] = from_rdflib(s)
            for p, o in g.predicate_objects(s):
                c = cache.get(o)
                if c is None:
                    c = cache[o] = from_rdflib(o)
                facts.add(a, str(p), c)
        return facts

    # ------------------------------------------------------------------ reading (internal terms)
    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[tuple[Term, str, Term]]:
        for s, po in self.spo.items():
            for p, objs in po.items():
                for o in objs:
                    yield s, p, o

    def value(self, s: Term, p: str) -> Term | None:
        po = self.spo.get(s)
        if po is None:
            return None
        objs = po.get(p)
        return objs[0] if objs else None

    def objects(self, s: Term, p: str) -> list[Term]:
        po = self.spo.get(s)
        if po is None:
            return []
        return po.get(p) or []

    def subject_objects(self, p: str) -> Iterator[tuple[Term, Term]]:
        for s, objs in self.pso.get(p, {}).items():
            for o in objs:
                yield s, o

    def subjects_of(self, p: str) -> dict[Term, list[Term]]:
        """Subject → objects for one predicate (do not modify)."""
        return self.pso.get(p, {})

    def subjects(self, p: str, o: Term) -> list[Term]:
        """Subjects with ``p`` = ``o`` (an object index per predicate, built on first use)."""
        index = self._by_object.get(p)
        if index is None:
            with self._lock:
                index = self._by_object.get(p)
                if index is None:
                    index = {}
                    for s, objs in self.pso.get(p, {}).items():
                        for x in objs:
                            index.setdefault(x, []).append(s)
                    self._by_object[p] = index
        return index.get(o, [])

    def has(self, s: Term, p: str, o: Term) -> bool:
        return o in self.objects(s, p)

    # ------------------------------------------------------------------ conversion
    def to_rdflib_graph(self) -> Graph:
        """The same triples as an rdflib ``Graph`` (memory store), subjects in order of first appearance."""
        g = rdflib.Graph()
        cache: dict[Term, Node] = {}

        def conv(t: Term) -> Node:
            hit = cache.get(t)
            if hit is None:
                hit = cache[t] = to_rdflib(t)
            return hit

        preds = {p: rdflib.URIRef(p) for p in self.pso}
        g.addN((conv(s), preds[p], conv(o), g) for s, po in self.spo.items() for p, objs in po.items() for o in objs)
        return g


# ---------------------------------------------------------------------- terms
def _internal(t: Any, scope: str) -> Term:
    cls = type(t)
    if cls is _NAMED:
        return t.value
    if cls is _OX_LITERAL:
        lexical, lang = t.value, t.language
        dt = t.datatype.value
        if lang:
            return _new_lit(Lit, (lexical, lang, dt))
        if dt != _XSD_STRING:
            pattern = _CANONICAL.get(dt)
            if not ((pattern is not None and pattern.fullmatch(lexical)) or (dt == _BOOLEAN and lexical in _BOOLEANS)):
                # rdflib normalises e.g. "01"^^xsd:integer (imported only for such a literal: canonical ones skip it)
                lexical = str(rdflib.Literal(lexical, datatype=rdflib.URIRef(dt)))
        return _new_lit(Lit, (lexical, None, dt))
    if cls is _BLANK:
        return Blank(f"{scope}b{t.value}")  # file-scoped: two files' _:b1 are different nodes
    raise ValueError("quoted triples are not supported")


_new_lit = tuple.__new__  # ``Lit(...)`` without the Python-level ``__new__`` of a NamedTuple


_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT_RE = re.compile(r"0|-?[1-9]\d*")
#: Lexical forms rdflib keeps as they are (checked against rdflib's own normalisation in tests/graph/test_facts.py):
#: a literal that matches needs no rdflib to normalise it, so loading imports no rdflib for ordinary data.
_CANONICAL = {
    _XSD + "date": _DATE_RE,
    _XSD + "integer": _INT_RE,
    _XSD + "decimal": re.compile(r"-?(0|[1-9]\d*)(\.\d+)?"),
    # whole days, months below a year, or years: what the sources state (notice periods, answer times)
    _XSD + "duration": re.compile(r"P(0|[1-9]\d{0,5})D|P([1-9]|1[01])M|P[1-9]\d{0,3}Y"),
}
_BOOLEAN = _XSD + "boolean"
_BOOLEANS = {"true": True, "false": False}


@lru_cache(maxsize=65536)
def python_value(t: Term) -> Any:
    """What rdflib's ``toPython()`` gives for the term (dates, numbers, booleans)."""
    if type(t) is Lit and not t.language:
        value = _native(t)
        if value is not _UNPARSED:
            return value
    return to_rdflib(t).toPython()  # type: ignore[attr-defined]


_UNPARSED = object()


def _native(t: Lit) -> Any:
    """The value of a canonical xsd:date, xsd:integer or xsd:boolean literal without rdflib (what its
    ``toPython()`` gives), else ``_UNPARSED``: the one place ``python_value`` and ``truthy`` parse literals."""
    dt, lexical = t.datatype, t.value
    if dt == _XSD + "date" and _DATE_RE.fullmatch(lexical):
        try:
            return datetime.date.fromisoformat(lexical)
        except ValueError:
            return _UNPARSED
    if dt == _XSD + "integer" and _INT_RE.fullmatch(lexical):
        return int(lexical)
    if dt == _BOOLEAN and lexical in _BOOLEANS:
        return _BOOLEANS[lexical]
    return _UNPARSED


def as_str(t: Term) -> str:
    """What ``str()`` of the rdflib term gives: the IRI, the blank node id or the literal's lexical form."""
    return t.value if type(t) is Lit else str(t)


def truthy(t: Term) -> bool:
    """rdflib's truth value of the term (``bool(to_rdflib(t))``: an empty string or a zero/false literal is false),
    without rdflib for text and for canonical dates, integers and booleans."""
    if type(t) is Lit:
        if t.language or t.datatype == _XSD_STRING:
            return t.value != ""
        value = _native(t)
        if value is not _UNPARSED:
            return bool(value)
    return bool(to_rdflib(t))


def to_rdflib(t: Term) -> Node:
    """The rdflib term for an internal one (the conversion ``graph.loading.parse_bytes`` applies)."""
    if type(t) is str:
        return rdflib.URIRef(t)
    if isinstance(t, Blank):
        return rdflib.BNode(str(t))
    if t.language:
        return rdflib.Literal(t.value, lang=t.language)
    dt = t.datatype
    if dt == _XSD_STRING:
        return rdflib.Literal(t.value)
    return rdflib.Literal(t.value, datatype=rdflib.URIRef(dt))


def from_rdflib(t: Node) -> Term:
    """The internal term for an rdflib one."""
    if isinstance(t, rdflib.URIRef):
        return str(t)
    if isinstance(t, rdflib.BNode):
        return Blank(str(t))
    if isinstance(t, rdflib.Literal):
        if t.language:
            return Lit(str(t), t.language.lower(), _LANG_STRING)
        if t.datatype is None:
            return Lit(str(t), None, _XSD_STRING)
        return Lit(str(t), None, str(t.datatype))
    return str(t)
