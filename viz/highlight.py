"""Highlight overlays: a plain spec of node ids, edges and a caption, and adapters from question answers.

The adapters read the answers' ``.as_json()`` dicts (every entity inside is a ``model.ref`` object with an
``id``), never the question modules' classes, so viz does not break when their internals change and works
with answers that arrive over HTTP as JSON.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Highlight",
    "highlight_from_chain",
    "highlight_from_contact",
    "highlight_from_gaps",
    "highlight_from_json",
    "highlight_from_path",
]

_SEQUENCE_KEYS = ("nodes",)  # graph.paths: a path's entities in order
_REASON_KEYS = ("text",)  # graph.gaps: one sentence per gap
_KIND = re.compile(r"[a-z_]+")


@dataclass(frozen=True)
class Highlight:
    """What to emphasise in a view.

    ``edges`` are ``(u, v, kind)``; direction is ignored when matching and an empty ``kind`` matches any
    kind between the two. ``gaps`` are ids to mark as gaps with the reason in ``reasons``.
    """

    nodes: frozenset[str] = frozenset()
    edges: frozenset[tuple[str, str, str]] = frozenset()
    caption: str = ""
    gaps: frozenset[str] = frozenset()
    reasons: Mapping[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.nodes or self.edges or self.gaps)

    def merge(self, other: Highlight) -> Highlight:
        return Highlight(
            self.nodes | other.nodes,
            self.edges | other.edges,
            "; ".join(c for c in (self.caption, other.caption) if c),
            self.gaps | other.gaps,
            {**self.reasons, **other.reasons},
        )


def highlight_from_json(result: Mapping[str, Any], caption: str = "") -> Highlight:
    """Every entity reference and every from→to step in an answer.

    Steps are dicts with ``from`` and ``to`` (refs or ids) and optionally ``kind``; lists of refs under
    ``nodes`` are read as a walk, consecutive entries joined.
    """
    nodes: set[str] = set()
    edges: set[tuple[str, str, str]] = set()
    for obj in _dicts(result):
        ref = _id(obj)
        if ref is not None and ("label" in obj or "kind" in obj):
            nodes.add(ref)
        if "from" in obj and "to" in obj:
            u, v = _id(obj["from"]), _id(obj["to"])
            if u and v:
                edges.add((u, v, _kind(obj)))
        for key in _SEQUENCE_KEYS:
            seq = obj.get(key)
            if isinstance(seq, list) and len(seq) > 1 and all(_id(x) for x in seq):
                ids = [_id(x) for x in seq]
                edges.update((a, b, "") for a, b in itertools.pairwise(ids) if a and b)
    for u, v, _ in edges:
        nodes.update((u, v))
    return Highlight(frozenset(nodes), frozenset(edges), caption)


def highlight_from_chain(result: Mapping[str, Any], lang: str = "da") -> Highlight:
    """A reporting chain (``graph.reporting.chain(...).as_json()``): its steps from the entity upwards."""
    who = _label(result.get("entity") or result.get("start") or result.get("from"))
    cap = ("Reporting chain" if lang == "en" else "Rapporteringskæde") + (f": {who}" if who else "")
    return highlight_from_json(result, cap)


def highlight_from_path(result: Mapping[str, Any], lang: str = "da") -> Highlight:
    """Paths between two entities (``graph.paths.find_paths(...).as_json()``)."""
    a, b = _label(result.get("a") or result.get("from")), _label(result.get("b") or result.get("to"))
    # the endpoints' own refs are steps' "from"/"to" too; read only the paths when they are there
    body = {"paths": result["paths"]} if isinstance(result.get("paths"), list) else result
    base = "Path" if lang == "en" else "Vej"
    hl = highlight_from_json(body, f"{base}: {a} → {b}" if a and b else base)
    ends = {_id(result.get(k)) for k in ("a", "b")} - {None}
    return Highlight(hl.nodes | frozenset(e for e in ends if e), hl.edges, hl.caption)


def highlight_from_contact(result: Mapping[str, Any], lang: str = "da") -> Highlight:
    """A contact answer (``graph.contacts.contact(...).as_json()``): the asker, each contact, and the
    steps that explain why (``why``); topics and contact points are left out, the answer's gaps marked."""
    topic = _label(result.get("topic"))
    base = "Whom to contact" if lang == "en" else "Hvem kontakter jeg"
    nodes: set[str] = set()
    edges: set[tuple[str, str, str]] = set()
    asker = _id(result.get("asker"))
    if asker:
        nodes.add(asker)
    for answer in result.get("answers") or []:
        if not isinstance(answer, Mapping):
            continue
        who = _id(answer.get("who") or answer.get("entity"))
        if who:
            nodes.add(who)
        for step in answer.get("why") or answer.get("steps") or []:
            if isinstance(step, Mapping):
                u, v = _id(step.get("from")), _id(step.get("to"))
                if u and v:
                    edges.add((u, v, _kind(step)))
                    nodes.update((u, v))
    gaps = highlight_from_gaps({"gaps": result.get("gaps") or []}, lang)
    return Highlight(frozenset(nodes), frozenset(edges), f"{base}: {topic}" if topic else base, gaps.gaps, gaps.reasons)


def highlight_from_gaps(result: Mapping[str, Any], lang: str = "da") -> Highlight:
    """A gap report (``graph.gaps.find_gaps(...).as_json()``): each gap's entity, with its reason."""
    gaps: set[str] = set()
    reasons: dict[str, str] = {}
    items = result.get("gaps")
    for item in items if isinstance(items, list) else _dicts(result):
        if not isinstance(item, Mapping):
            continue
        ent = item.get("entity") or item.get("subject") or item
        nid = _id(ent)
        if not nid:
            continue
        gaps.add(nid)
        reason = next((str(item[k]) for k in _REASON_KEYS if isinstance(item.get(k), str) and item[k]), "")
        if reason:
            reasons[nid] = "; ".join(r for r in (reasons.get(nid), reason) if r)
    cap = "Gaps" if lang == "en" else "Mangler"
    return Highlight(gaps=frozenset(gaps), reasons=reasons, caption=f"{cap}: {len(gaps)}")


def _kind(step: Mapping[str, Any]) -> str:
    """The model edge kind of a step ("part_of^-1" walks part_of backwards; prose is no kind)."""
    raw = str(step.get("kind") or step.get("relation") or "")
    kind = raw.split("^", 1)[0]
    return kind if _KIND.fullmatch(kind) else ""


def _dicts(obj: Any) -> Iterator[Mapping[str, Any]]:
    stack: list[Any] = [obj]
    while stack:
        cur = stack.pop()
        if isinstance(cur, Mapping):
            yield cur
            if "sources" in cur and isinstance(cur.get("sources"), list):
                cur = {k: v for k, v in cur.items() if k != "sources"}  # sources are documents, not entities
            stack.extend(v for v in cur.values() if isinstance(v, Mapping | list))
        elif isinstance(cur, list):
            stack.extend(_nested(cur))


def _nested(items: Iterable[Any]) -> list[Any]:
    return [x for x in items if isinstance(x, Mapping | list)]


def _id(obj: Any) -> str | None:
    if isinstance(obj, str):
        return obj or None
    if isinstance(obj, Mapping) and isinstance(obj.get("id"), str):
        return str(obj["id"]) or None
    return None


def _label(obj: Any) -> str:
    if isinstance(obj, Mapping):
        return str(obj.get("label") or obj.get("id") or "")
    return str(obj) if isinstance(obj, str) else ""
