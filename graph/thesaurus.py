"""The words people use (``data/thesaurus.ttl``): everyday words mapped to the topics bodies handle.

Coordinators type "angst", "selvskade", "skolefravær" or "underretning", not the topic labels of the
collaboration agreements. The thesaurus is a second SKOS scheme beside ``sk:topics``; its concepts are
*entries*, never nodes of the graph. What an entry says:

- ``skos:exactMatch`` a topic: the entry means that topic;
- ``skos:related`` a topic: that topic's handlers answer for the entry too (a route, cited in the entry's
  ``prov:wasDerivedFrom``);
- ``skos:broader`` … a top concept of the scheme: the entry is in the domain. The top concept's own
  ``skos:related`` topics are the *general routes*, offered (labelled general) when nothing specific is;
- ``skos:scopeNote`` (on the entry or a broader one): shown with every answer to the entry.

Read once per model from the fact index (``memo``); nothing here is specific to one data set.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from graph.cache import memo
from graph.facts import Lit, Term, as_str
from graph.model import Model
from ontology.iris import PROV, SK, SKOS

__all__ = ["Entry", "Thesaurus", "thesaurus"]

_NO_NOTES: Mapping[str, tuple[str, ...]] = MappingProxyType({})  # a shared default no one can change
_LABELS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)


class Entry(NamedTuple):
    """One thesaurus concept: its labels and what it leads to."""

    id: str
    label: dict[str, str]  # lang → preferred label
    texts: tuple[tuple[str, bool], ...]  # (label text, preferred?) – pref, alt and hidden labels
    exact: tuple[str, ...] = ()  # topics the entry means
    related: tuple[str, ...] = ()  # topics whose handlers answer for it too
    in_domain: bool = False  # broader …→ a top concept: general routes apply
    notes: Mapping[str, tuple[str, ...]] = _NO_NOTES  # lang → scope notes (own and broader)
    sources: tuple[str, ...] = ()

    def name(self, lang: str = "da") -> str:
        return self.label.get(lang) or self.label.get("da") or next(iter(self.label.values()), self.id)


class Thesaurus(NamedTuple):
    entries: dict[str, Entry]
    general: tuple[str, ...]  # the general-route topics (a top concept's related topics)
    general_notes: dict[str, tuple[str, ...]]  # lang → scope notes of the top concepts

    def as_json(self, entry: Entry, lang: str = "da") -> dict[str, Any]:
        return {"id": entry.id, "label": entry.name(lang), "kind": "word", "in_domain": entry.in_domain}


def thesaurus(model: Model) -> Thesaurus:
    """The thesaurus of a model (empty when the data has none), built once per model."""
    return memo(model, "thesaurus", lambda: _build(model))


def _build(model: Model) -> Thesaurus:
    facts = model.triple_index()
    topics = set(model.adjacency.by_kind().get("topic", ()))
    topic_scheme = SK.topics
    schemes: dict[str, set[str]] = defaultdict(set)
    for s, o in facts.subject_objects(SKOS.inScheme):
        if as_str(o) != topic_scheme and as_str(s) not in topics:
            schemes[as_str(o)].add(as_str(s))
    members = {c for cs in schemes.values() for c in cs}
    tops = {as_str(s) for s, o in facts.subject_objects(SKOS.topConceptOf) if as_str(s) in members}
    tops |= {as_str(o) for s, o in facts.subject_objects(SKOS.hasTopConcept) if as_str(s) in schemes}
    broader: dict[str, set[str]] = defaultdict(set)
    for s, o in facts.subject_objects(SKOS.broader):
        if as_str(s) in members:
            broader[as_str(s)].add(as_str(o))

    def ancestors(c: str) -> list[str]:
        seen: list[str] = []
        todo = [c]
        while todo:
            x = todo.pop()
            for b in sorted(broader.get(x, ())):
                if b not in seen and b != c:
                    seen.append(b)
                    todo.append(b)
        return seen

    def targets(c: str, pred: Any) -> tuple[str, ...]:
        return tuple(sorted({as_str(o) for o in facts.objects(c, pred) if as_str(o) in topics}))

    def scope_notes(c: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for lit in facts.objects(c, SKOS.scopeNote):
            out[_language(lit) or "da"].append(as_str(lit))
        return out

    entries: dict[str, Entry] = {}
    for c in sorted(members):
        label: dict[str, str] = {}
        texts: list[tuple[str, bool]] = []
        for pred in _LABELS:
            for lit in facts.objects(c, pred):
                preferred = pred == SKOS.prefLabel
                if preferred:
                    label.setdefault(_language(lit) or "da", as_str(lit))
                if (as_str(lit), preferred) not in texts:
                    texts.append((as_str(lit), preferred))
        if not texts:
            continue
        chain = [c, *ancestors(c)]
        notes: dict[str, list[str]] = defaultdict(list)
        for x in chain:
            if x in tops and x != c:
                continue  # a top concept's note is about the general routes, shown with them
            for lang, ns in scope_notes(x).items():
                notes[lang] += [n for n in ns if n not in notes[lang]]
        sources = tuple(sorted({as_str(o) for o in facts.objects(c, PROV.wasDerivedFrom)}))
        entries[c] = Entry(
            id=c,
            label=label,
            texts=tuple(texts),
            exact=targets(c, SKOS.exactMatch) + targets(c, SKOS.closeMatch),
            related=() if c in tops else targets(c, SKOS.related),
            in_domain=any(x in tops for x in chain),
            notes={k: tuple(v) for k, v in notes.items()},
            sources=sources,
        )
    general = tuple(t for top in sorted(tops) for t in targets(top, SKOS.related))
    general_notes: dict[str, list[str]] = defaultdict(list)
    for top in sorted(tops):
        for lang, ns in scope_notes(top).items():
            general_notes[lang] += ns
    return Thesaurus(entries, general, {k: tuple(v) for k, v in general_notes.items()})


def _language(t: Term) -> str | None:
    return t.language if type(t) is Lit else None
