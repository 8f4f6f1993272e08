"""The attributes of projected nodes and qualified edges: kind-specific details, status, validity, scenario,
sources.

Split from ``graph.projection`` (which decides what becomes a node or an edge) because this is the per-entity
work of a load: ten thousand nodes at national scale, each read from its own predicate → objects map once.
Everything here reads that map directly (no ``Facts.value`` call per predicate) and shares what repeats between
entities — the one-source tuples, a condition's cleaned text — instead of rebuilding it per entity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from graph.facts import Blank, Facts, Lit, Term, python_value
from graph.facts import as_str as _text
from graph.projection_labels import clean_text
from graph.projection_terms import (
    _ASPECT,
    _BIDIRECTIONAL,
    _CHANNEL_STATE,
    _COMMENT,
    _CONDITION,
    _DECISION,
    _DERIVED,
    _FORUM,
    _IN_SCENARIO,
    _OCCUPANCY_P,
    _ROLE_P,
    _SCENARIO_KEY,
    _SEAT,
    _SEATS_MAX,
    _SEATS_MIN,
    _SECTOR_P,
    _SOURCE,
    _STATUS_P,
    _T_OCCUPANCY,
    _T_ROLE,
    _T_SECTOR,
    _T_STATE,
    _T_STATUS,
    _VALID_FROM,
    _VALID_UNTIL,
)
from graph.vocab import Hierarchy

__all__ = ["AttrBuilder"]

_CROSS_SECTOR_KINDS = frozenset({"forum", "cluster", "partnership", "collaboration"})
_COMMENTED_KINDS = frozenset({"open_question", "requirement", "responsibility", "request", "mandate", "agreement"})
_DATE = dt.date


def _date_of(objs: list[Term]) -> dt.date | None:
    """The first object as a date, if it is one (a validity the data states)."""
    if objs and type(objs[0]) is Lit:
        v = python_value(objs[0])
        if isinstance(v, _DATE):
            return v
    return None


class AttrBuilder:
    """Builds node and qualified-edge attribute dicts for one projection (its caches live as long as it does)."""

    __slots__ = ("_facts", "_file_of", "_files", "_h", "_pairs", "_sources")

    def __init__(self, facts: Facts, hierarchy: Hierarchy, file_of: Mapping[Any, str] | None) -> None:
        self._facts = facts
        self._h = hierarchy
        self._file_of = file_of
        self._sources: dict[Term, tuple[str]] = {}  # one source → its shared 1-tuple
        self._files: dict[str, tuple[str]] = {}  # file name → ("file:<name>",)
        self._pairs: dict[Lit, tuple[str, str]] = {}  # literal → (language key, cleaned text)

    def lifecycle(self, out: dict[str, Any], po: dict[str, list[Term]] | None) -> dict[str, Any]:
        """Add status, validity, scenario and sources (the same for nodes and qualified edges) to ``out``."""
        if not po:
            return out
        # the four below are rare (a tenth of the entities at most): ``in`` answers a missing one for less than ``get``
        if _STATUS_P in po:
            status = po[_STATUS_P]
            if status and status[0] in _T_STATUS:
                out["status"] = _T_STATUS[status[0]]
        if _VALID_FROM in po and (day := _date_of(po[_VALID_FROM])) is not None:
            out["valid_from"] = day
        if _VALID_UNTIL in po and (day := _date_of(po[_VALID_UNTIL])) is not None:
            out["valid_until"] = day
        if _IN_SCENARIO in po:
            scen = po[_IN_SCENARIO]
            if scen:
                scen_key = self._facts.value(scen[0], _SCENARIO_KEY)
                out["scenario"] = _text(scen_key) if scen_key is not None else _local(_text(scen[0]))
        derived, cited = po.get(_DERIVED), po.get(_SOURCE)
        if cited is None and derived is not None and len(derived) == 1:  # most entities: one source
            one = derived[0]
            hit = self._sources.get(one)
            if hit is None:
                hit = self._sources[one] = (_text(one),)
            out["sources"] = hit
        elif derived or cited:
            out["sources"] = tuple(sorted({_text(o) for o in derived or ()} | {_text(o) for o in cited or ()}))
        return out

    def node(
        self, attrs: dict[str, Any], s: Term, po: dict[str, list[Term]] | None, kind: str, cls: tuple[str, ...]
    ) -> None:
        """Add a node's attributes after its kind and labels (the key order is the one the projection always had)."""
        self.lifecycle(attrs, po)
        if po is None:
            po = {}
        sector = po.get(_SECTOR_P)
        if sector and sector[0] in _T_SECTOR:
            attrs["sector"] = _T_SECTOR[sector[0]]
        if kind == "forum":
            attrs["forum_kind"] = _most_specific(cls, self._h, _FORUM)
        elif kind == "post":
            attrs["is_seat"] = self._h.is_a_iri(cls, _SEAT)
            occ = po.get(_OCCUPANCY_P)
            attrs["occupancy"] = _T_OCCUPANCY.get(occ[0]) if occ else None
            role = po.get(_ROLE_P)
            if role:
                attrs["role"] = _T_ROLE.get(role[0]) or _local(_text(role[0]))
                attrs["role_iri"] = _text(role[0])
            v = po.get(_SEATS_MIN)
            if v and type(v[0]) is Lit:
                attrs["seats_min"] = int(v[0].value)  # what int() of the rdflib literal gives
            v = po.get(_SEATS_MAX)
            if v and type(v[0]) is Lit:
                attrs["seats_max"] = int(v[0].value)
            dec = po.get(_DECISION)
            if dec and type(dec[0]) is Lit:
                attrs["decision_authority"] = bool(python_value(dec[0]))
        elif kind == "channel":
            state = po.get(_CHANNEL_STATE)
            attrs["state"] = _T_STATE.get(state[0], "not_stated") if state else "not_stated"
            attrs["conditions"] = self.lang_pairs(po.get(_CONDITION, ()))
            bidi = po.get(_BIDIRECTIONAL)
            attrs["bidirectional"] = bool(python_value(bidi[0])) if bidi else False
        if kind in _CROSS_SECTOR_KINDS and not attrs.get("sector"):
            attrs["sector"] = "cross_sector"
        if kind == "open_question":
            aspect = po.get(_ASPECT)
            attrs["aspect"] = _text(aspect[0]) if aspect else None
        if kind in _COMMENTED_KINDS:
            attrs["comment"] = self.lang_pairs(po.get(_COMMENT, ()))
        file_of = self._file_of
        if file_of is not None and not attrs.get("sources") and s in file_of:
            name = file_of[s]
            hit = self._files.get(name)
            if hit is None:
                hit = self._files[name] = (f"file:{name}",)
            attrs["sources"] = hit  # one tuple per file, shared by every entity only it states

    def lang_pairs(self, literals: Iterable[Term]) -> dict[str, list[str]]:
        """Texts by language ("da", "en"; untagged counts as Danish), each list sorted for stable output."""
        out: dict[str, list[str]] = {}
        pairs = self._pairs
        for o in literals:
            if type(o) is Lit:
                pair = pairs.get(o)
                if pair is None:
                    pair = pairs[o] = ((o.language or "da").lower()[:2], clean_text(o.value))
                texts = out.get(pair[0])
                if texts is None:
                    out[pair[0]] = [pair[1]]
                else:
                    texts.append(pair[1])
        for texts in out.values():
            if len(texts) > 1:
                texts.sort()
        return out


def _most_specific(cls: tuple[str, ...], h: Hierarchy, root: str) -> str:
    below = [c for c in cls if root in h.superclasses_iri(c)]
    best = max(sorted(below), key=lambda c: len(h.superclasses_iri(c)), default=root)  # ties: by IRI
    return _local(best)


def _iri(n: Term) -> str | None:
    return None if isinstance(n, Blank) else _text(n)


def _local(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
