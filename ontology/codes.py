"""Codes ↔ IRIs ↔ Danish/English labels: the one table, read from ``samarbejdskort.ttl``.

Answers, JSON, CLI text, pages and diagrams speak in short codes (``being_set_up``, ``vacant``,
``reports_to``, ``vacant_seat``); the vocabulary holds the IRI and the real words for each. Every code is
stated in the Turtle with ``sk:code`` next to its ``skos:prefLabel``/``rdfs:label`` in ``@da`` and ``@en``,
so there is no second word table to drift (a test proves every code has both labels).

Schemes (a code is unique within its scheme; ``not_stated`` is both an occupancy and a channel state)::

    status       proposed approved active ended rejected              (sk:Status)
    occupancy    held vacant not_stated                               (sk:Occupancy)
    state        open being_set_up requested not_stated               (sk:ChannelState)
    sector       municipal somatic psychiatry … cross_sector          (sk:Sector)
    role         chair co_chair secretary member project_leader       (org:Role)
    severity     high medium low                                      (sk:Severity)
    gap          vacant_seat missing_contact_person …                 (sk:GapKind)
    answer       available proposed channel_not_open … missing        (sk:AnswerStatus: a contact answer)
    nearness     channel own forum cluster region national other      (sk:Nearness, nearest first)
    kind         organisation unit forum … agreement                  (classes: what an entity is)
    forum_kind   ImplementationGroup SteeringGroup …                  (subclasses of sk:Forum; code = local name)
    relation     reports_to part_of post_in …                         (properties: how two entities relate)

Use::

    from ontology import codes
    codes.label("state", "being_set_up")          # "under oprettelse"
    codes.label("state", "being_set_up", "en")    # "being set up"
    codes.iri("status", "proposed")               # "https://w3id.org/samarbejdskort/ns#Proposed"
    codes.code("status", iri)                      # "proposed" (None for an IRI outside the scheme)
    codes.codes("nearness")                        # ("channel", "own", …) in vocabulary order
    codes.word(code, lang)                         # any scheme but nearness, first in SCHEMES order (templates)

Unknown codes are labelled with the code itself (third-party data may carry roles of its own).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

import pyoxigraph as ox

from ontology.files import VOCABULARY, quads

__all__ = ["SCHEMES", "Code", "code", "codes", "entries", "iri", "label", "word"]

_SK = "https://w3id.org/samarbejdskort/ns#"
_ORG = "http://www.w3.org/ns/org#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
_OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
_OWL_PROPERTIES = ("http://www.w3.org/2002/07/owl#ObjectProperty", "http://www.w3.org/2002/07/owl#DatatypeProperty")

#: Scheme names in lookup order for ``word`` (the first scheme holding a code wins).
SCHEMES: tuple[str, ...] = (
    "kind",
    "status",
    "answer",
    "state",
    "occupancy",
    "role",
    "sector",
    "severity",
    "gap",
    "nearness",
    "forum_kind",
    "relation",
)
#: The concept class whose members make up a scheme.
_SCHEME_OF_TYPE = {
    _SK + "Status": "status",
    _SK + "Occupancy": "occupancy",
    _SK + "ChannelState": "state",
    _SK + "Sector": "sector",
    _ORG + "Role": "role",
    _SK + "Severity": "severity",
    _SK + "GapKind": "gap",
    _SK + "AnswerStatus": "answer",
    _SK + "Nearness": "nearness",
}


class Code(NamedTuple):
    """One code of one scheme with its IRI and its words (a named tuple: immutable like a frozen dataclass, and
    made at import for a fraction of its cost)."""

    scheme: str
    code: str
    iri: str
    da: str
    en: str

    def label(self, lang: str = "da") -> str:
        return self.en if lang == "en" else self.da


@cache
def _table() -> dict[str, dict[str, Code]]:
    """scheme → code → Code, in the order the vocabulary states them."""
    types: dict[str, set[str]] = {}
    supers: dict[str, set[str]] = {}
    stated: dict[str, str] = {}
    labels: dict[str, dict[str, dict[str, str]]] = {}  # subject → property → lang → text
    order: list[str] = []
    for q in quads(VOCABULARY):
        s, p, o = q.subject, q.predicate.value, q.object
        if not isinstance(s, ox.NamedNode):
            continue
        sid = s.value
        if sid not in labels:
            order.append(sid)
            labels[sid] = {}
        if p == _RDF_TYPE and isinstance(o, ox.NamedNode):
            types.setdefault(sid, set()).add(o.value)
        elif p == _SUBCLASS and isinstance(o, ox.NamedNode):
            supers.setdefault(sid, set()).add(o.value)
        elif p == _SK + "code" and isinstance(o, ox.Literal):
            stated[sid] = o.value
        elif p in (_PREF_LABEL, _RDFS_LABEL) and isinstance(o, ox.Literal) and o.language:
            labels[sid].setdefault(p, {}).setdefault(o.language, o.value)

    def is_forum_kind(cls: str, seen: frozenset[str] = frozenset()) -> bool:
        parents = supers.get(cls, set()) - seen
        return _SK + "Forum" in parents or any(is_forum_kind(x, seen | {cls}) for x in parents)

    out: dict[str, dict[str, Code]] = {s: {} for s in SCHEMES}
    for sid in order:
        kinds = types.get(sid, set())
        scheme = next((_SCHEME_OF_TYPE[t] for t in kinds if t in _SCHEME_OF_TYPE), None)
        name = stated.get(sid)
        if scheme is None and _OWL_CLASS in kinds and is_forum_kind(sid):
            scheme, name = "forum_kind", name or sid.rsplit("#", 1)[-1]
        elif scheme is None and name is not None:  # a class (Capitalised) or a property (lowerCase)
            local = sid.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            scheme = "relation" if kinds & set(_OWL_PROPERTIES) or local[:1].islower() else "kind"
        if scheme is None or name is None:
            continue
        words = labels[sid].get(_PREF_LABEL) or labels[sid].get(_RDFS_LABEL) or {}
        out[scheme][name] = Code(scheme, name, sid, words.get("da", ""), words.get("en", ""))
    return out


def entries(scheme: str) -> tuple[Code, ...]:
    """Every code of ``scheme`` in vocabulary order (KeyError for an unknown scheme)."""
    return tuple(_table()[scheme].values())


def codes(scheme: str) -> tuple[str, ...]:
    """The codes of ``scheme`` in vocabulary order."""
    return tuple(_table()[scheme])


def label(scheme: str, value: str | None, lang: str = "da") -> str:
    """The word for ``value`` in ``scheme`` and ``lang`` (the code itself when the vocabulary has none)."""
    if value is None:
        return ""
    found = _table()[scheme].get(value)
    return found.label(lang) if found else value


def word(value: str | None, lang: str = "da") -> str:
    """The word for a code of any scheme (first in ``SCHEMES`` order): for templates that show mixed codes."""
    if value is None:
        return ""
    table = _table()
    for scheme in SCHEMES:
        if scheme == "nearness":  # its codes (forum, region …) name kinds and sectors elsewhere: ask by scheme
            continue
        found = table[scheme].get(value)
        if found is not None:
            return found.label(lang)
    return value


def iri(scheme: str, value: str) -> str:
    """The vocabulary IRI of a code (KeyError for a code the scheme does not have)."""
    return _table()[scheme][value].iri


def code(scheme: str, term: str) -> str | None:
    """The code of a vocabulary IRI within ``scheme``; None when the IRI is not one of its codes."""
    return _by_iri(scheme).get(str(term))


@cache
def _by_iri(scheme: str) -> dict[str, str]:
    return {c.iri: c.code for c in _table()[scheme].values()}
