"""Diff in words: what changed between two versions of a map (two files, folders or dates of the store).

A coordinator asks "what is different in the new organigram?". The answer is not a triple diff but the
changes people talk about: new and ended bodies, renames, new and removed seats, who now holds a seat,
reporting lines and hierarchy links added, removed or moved, changed mandates (purposes and tasks), and
changed status or validity dates.

Entities are matched across versions by IRI when both versions use it; third-party exports often mint new
IRIs for every release (Berlin's organigrams do), so unmatched bodies are matched by name, posts by their
body and role, persons by name (``vcard:given-name``/``family-name`` when there is no label). A body found
under a new name is a rename when the two share a holder, or when one name contains the other as whole
words and no other candidate does – otherwise it is one ended and one new body, never a guess between two.

JSON shape of ``Diff.as_json(lang)``::

    {"old": {"label": str, "nodes": int}, "new": {"label": str, "nodes": int},
     "counts": {key: int for every list below},
     "new_bodies": [Ref], "ended_bodies": [{...Ref, "how": "removed" | "status" | "valid_until"}],
     "renamed": [{"old": Ref, "new": Ref, "how": "same_id" | "same_holder" | "name_contains"}],
     "new_seats": [{...Ref, "in": Ref | null}], "removed_seats": [{...Ref, "in": Ref | null}],
     "new_persons": [str], "gone_persons": [str],
     "holder_changes": [{"post": Ref, "in": Ref | null, "from": [str], "to": [str]}],
     "lines_added": [{"from": Ref, "to": Ref, "kind": str}], "lines_removed": [...],
     "moved": [{"entity": Ref, "from": Ref, "to": Ref}],          # part_of parent changed
     "mandates_changed": [{"body": Ref, "added": [str], "removed": [str]}],
     "status_changed": [{"entity": Ref, "field": str, "from": str | null, "to": str | null}],
     "text": [str]}                                               # one sentence per change, in ``lang``
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef

from graph.model import Model
from graph.text import normalise
from graph.view import ORG_KINDS
from ontology.namespace import ORG, SK, SKOS, VCARD

__all__ = ["LINE_KINDS", "Diff", "diff"]

LINE_KINDS = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with", "part_of")
_ITEMS = (SK.task, SK.competence, SK.duty, SK.principle, SK.element)
_FIELDS = ("status", "valid_from", "valid_until")


def _local(nid: str) -> str:
    return nid.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def person_name(model: Model, nid: str) -> str:
    """A person's name: the label, else ``given family`` from vCard (Berlin's older exports have only those)."""
    label = model.nx.nodes[nid].get("label") or ""
    if label and label != _local(nid):
        return " ".join(label.split())
    f, node = model.facts, URIRef(nid)
    parts = [f.value(node, VCARD["given-name"]), f.value(node, VCARD["family-name"])]
    name = " ".join(str(p) for p in parts if p is not None)
    return " ".join(name.split()) or label


_Bodies = dict[tuple[str, ...], str]  # a body's matching key (``_Side.key``) → the body


class _Side:
    """One version: its model and every entity's matching key."""

    def __init__(self, model: Model, label: str) -> None:
        self.model, self.label, self.g = model, label, model.nx
        self.kind = {n: d["kind"] for n, d in self.g.nodes(data=True)}
        self.key: dict[str, tuple[str, ...]] = {}

    def of(self, *kinds: str) -> list[str]:
        return sorted(n for n, k in self.kind.items() if k in kinds)

    def out(self, nid: str, kind: str) -> list[str]:
        return sorted(v for _, v, k in self.g.out_edges(nid, keys=True) if k == kind)

    def into(self, nid: str, kind: str) -> list[str]:
        return sorted(u for u, _, k in self.g.in_edges(nid, keys=True) if k == kind)

    def name(self, nid: str) -> str:
        return normalise(self.g.nodes[nid].get("label") or _local(nid))

    def holders(self, post: str) -> frozenset[str]:
        return frozenset(person_name(self.model, p) for p in self.into(post, "holds"))

    def texts(self, body: str) -> set[str]:
        """What a body's mandate says: purposes and items, of the body and of its terms of reference."""
        f = self.model.facts
        out: set[str] = set()
        for n in [body, *self.out(body, "has_mandate")]:
            node = URIRef(n)
            for p in (ORG.purpose, SK.purpose):
                out |= {" ".join(str(o).split()) for o in f.objects(node, p)}
            for p in _ITEMS:
                for item in f.objects(node, p):
                    out |= {" ".join(str(o).split()) for o in f.objects(item, SKOS.prefLabel)}
        return out


def _assign_keys(old: _Side, new: _Side) -> None:
    """IRI where both versions have it (same kind), else a key from names; duplicates keep their IRI."""
    for side, other in ((old, new), (new, old)):
        for kinds, make in (
            (tuple(ORG_KINDS), lambda s, n: ("body", s.name(n))),
            (("person",), lambda s, n: ("person", normalise(person_name(s.model, n)))),
            (("post",), lambda s, n: ("post", _parent_key(s, n), normalise(s.g.nodes[n].get("role") or s.name(n)))),
            (("mandate",), lambda s, n: ("mandate", *(_parent(s, n, "has_mandate")), s.name(n))),
        ):
            made: dict[tuple[str, ...], list[str]] = defaultdict(list)
            for n in side.of(*kinds):
                if n in other.kind and other.kind[n] == side.kind[n]:
                    side.key[n] = ("id", n)
                else:
                    made[make(side, n)].append(n)
            for key, nids in made.items():
                for n in nids:
                    side.key[n] = key if len(nids) == 1 else ("id", n)


def _parent(side: _Side, nid: str, kind: str) -> tuple[str, ...]:
    up = side.into(nid, kind)
    return side.key.get(up[0], ("id", up[0])) if up else ()


def _parent_key(side: _Side, post: str) -> str:
    where = side.out(post, "post_in")
    return "|".join(side.key.get(where[0], ("id", where[0]))) if where else ""


@dataclass
class Diff:
    old_label: str
    new_label: str
    old: Model = field(repr=False)
    new: Model = field(repr=False)
    changes: dict[str, list[Any]] = field(default_factory=dict)

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        from graph.diff_text import render  # the words live beside the facts, not in them

        return render(self, lang)


def diff(old: Model, new: Model, *, old_label: str = "old", new_label: str = "new") -> Diff:
    """What changed from ``old`` to ``new``."""
    a, b = _Side(old, old_label), _Side(new, new_label)
    _assign_keys(a, b)
    bodies_a = {a.key[n]: n for n in a.of(*ORG_KINDS)}
    bodies_b = {b.key[n]: n for n in b.of(*ORG_KINDS)}
    renamed = _renames(a, b, bodies_a, bodies_b)
    for o, n, _ in renamed:  # a renamed body is the same body: its seats and lines match through it
        b.key[n] = a.key[o]
    _rekey_posts(a, b)
    bodies_b = {b.key[n]: n for n in b.of(*ORG_KINDS)}
    ch: dict[str, list[Any]] = defaultdict(list)
    ch["renamed"] = renamed + [
        (bodies_a[k], bodies_b[k], "same_id")
        for k in sorted(bodies_a.keys() & bodies_b.keys())
        if k[0] == "id" and a.name(bodies_a[k]) != b.name(bodies_b[k])
    ]
    ch["new_bodies"] = sorted(bodies_b[k] for k in bodies_b.keys() - bodies_a.keys())
    ch["ended_bodies"] = [(bodies_a[k], "removed") for k in sorted(bodies_a.keys() - bodies_b.keys())]
    for k in sorted(bodies_a.keys() & bodies_b.keys()):
        da, db = a.g.nodes[bodies_a[k]], b.g.nodes[bodies_b[k]]
        if db.get("status") == "ended" and da.get("status") != "ended":
            ch["ended_bodies"].append((bodies_a[k], "status"))
        elif db.get("valid_until") and db.get("valid_until") != da.get("valid_until"):
            ch["ended_bodies"].append((bodies_a[k], "valid_until"))
    _seats_and_holders(a, b, ch)
    _lines(a, b, ch)
    _mandates_and_status(a, b, bodies_a, bodies_b, ch)
    return Diff(old_label, new_label, old, new, dict(ch))


def _renames(a: _Side, b: _Side, bodies_a: _Bodies, bodies_b: _Bodies) -> list[tuple[str, str, str]]:
    gone = {k: bodies_a[k] for k in sorted(bodies_a.keys() - bodies_b.keys())}  # sorted: the renames' order
    came = {k: bodies_b[k] for k in sorted(bodies_b.keys() - bodies_a.keys())}  # must not follow the hash seed
    out: list[tuple[str, str, str]] = []

    def holders(side: _Side, body: str) -> frozenset[str]:
        return frozenset(h for p in side.into(body, "post_in") for h in side.holders(p))

    by_holder: dict[frozenset[str], list[str]] = defaultdict(list)
    for n in came.values():
        if hs := holders(b, n):
            by_holder[hs].append(n)
    used: set[str] = set()
    olds_by_holder: dict[frozenset[str], list[str]] = defaultdict(list)
    for o in gone.values():
        if hs := holders(a, o):
            olds_by_holder[hs].append(o)
    for hs, olds in olds_by_holder.items():
        if len(olds) == 1 and len(by_holder.get(hs, ())) == 1:
            out.append((olds[0], by_holder[hs][0], "same_holder"))
            used |= {olds[0], by_holder[hs][0]}
    for o in sorted(set(gone.values()) - used):
        ow = a.name(o).split()
        cands = [n for n in came.values() if n not in used and _contains(ow, b.name(n).split())]
        back = [
            x
            for x in gone.values()
            if x not in used and cands and _contains(a.name(x).split(), b.name(cands[0]).split())
        ]
        if len(cands) == 1 and back == [o]:
            out.append((o, cands[0], "name_contains"))
            used |= {o, cands[0]}
    return out


def _contains(x: list[str], y: list[str]) -> bool:
    """One name is the other's words plus more (``Abteilung I`` ⊂ ``Abteilung I - Vermögen …``)."""
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    if not short or short == long:
        return False
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _rekey_posts(a: _Side, b: _Side) -> None:
    """Posts of renamed bodies match by (body, role) again now that their bodies share a key; a body with
    one unmatched post on each side (an unnamed post that has since got its role) keeps it as one post."""
    for side in (a, b):
        for n in side.of("post"):
            if side.key[n][0] == "post":
                side.key[n] = ("post", _parent_key(side, n), side.key[n][2])
    keys_a = {a.key[n] for n in a.of("post")}
    keys_b = {b.key[n] for n in b.of("post")}
    lone_a: dict[str, list[str]] = defaultdict(list)
    lone_b: dict[str, list[str]] = defaultdict(list)
    for side, other_keys, lone in ((a, keys_b, lone_a), (b, keys_a, lone_b)):
        for n in side.of("post"):
            if side.key[n][0] == "post" and side.key[n] not in other_keys:
                lone[side.key[n][1]].append(n)
    for body, olds in lone_a.items():
        if body and len(olds) == 1 and len(lone_b.get(body, ())) == 1:
            b.key[lone_b[body][0]] = a.key[olds[0]]


def _seats_and_holders(a: _Side, b: _Side, ch: dict[str, list[Any]]) -> None:
    posts_a = {a.key[n]: n for n in a.of("post")}
    posts_b = {b.key[n]: n for n in b.of("post")}
    ch["new_seats"] = sorted(posts_b[k] for k in posts_b.keys() - posts_a.keys())
    ch["removed_seats"] = sorted(posts_a[k] for k in posts_a.keys() - posts_b.keys())
    for k in sorted(posts_a.keys() | posts_b.keys()):
        before = a.holders(posts_a[k]) if k in posts_a else frozenset()
        after = b.holders(posts_b[k]) if k in posts_b else frozenset()
        if before != after:
            ch["holder_changes"].append((posts_a.get(k), posts_b.get(k), sorted(before), sorted(after)))
    names_a = {person_name(a.model, p) for p in a.of("person")}
    names_b = {person_name(b.model, p) for p in b.of("person")}
    ch["new_persons"], ch["gone_persons"] = sorted(names_b - names_a), sorted(names_a - names_b)


def _lines(a: _Side, b: _Side, ch: dict[str, list[Any]]) -> None:
    def edges(side: _Side) -> dict[tuple[Any, ...], tuple[str, str]]:
        out = {}
        for u, v, k in side.g.edges(keys=True):
            if k in LINE_KINDS and u in side.key and v in side.key:
                out[(side.key[u], side.key[v], k)] = (u, v)
        return out

    ea, eb = edges(a), edges(b)
    added = {k: eb[k] for k in eb.keys() - ea.keys()}
    removed = {k: ea[k] for k in ea.keys() - eb.keys()}
    for key in sorted(k for k in added if k[2] == "part_of"):
        olds = [k for k in removed if k[0] == key[0] and k[2] == "part_of"]
        if len(olds) == 1:  # the same body, another parent: moved
            old_parent = removed.pop(olds[0])[1]
            child, new_parent = added.pop(key)
            ch["moved"].append((child, old_parent, new_parent))
    ch["lines_added"] = sorted((u, v, k[2]) for k, (u, v) in added.items())
    ch["lines_removed"] = sorted((u, v, k[2]) for k, (u, v) in removed.items())


def _mandates_and_status(a: _Side, b: _Side, bodies_a: _Bodies, bodies_b: _Bodies, ch: dict[str, list[Any]]) -> None:
    for k in sorted(bodies_a.keys() & bodies_b.keys()):
        ta, tb = a.texts(bodies_a[k]), b.texts(bodies_b[k])
        if ta != tb:
            ch["mandates_changed"].append((bodies_b[k], sorted(tb - ta), sorted(ta - tb)))
    common = {a.key[n]: n for n in a.of(*ORG_KINDS, "post", "mandate")}
    for n in b.of(*ORG_KINDS, "post", "mandate"):
        o = common.get(b.key[n])
        if o is None:
            continue
        for f in _FIELDS:
            x, y = a.g.nodes[o].get(f), b.g.nodes[n].get(f)
            if x != y:
                ch["status_changed"].append((n, f, _plain(x), _plain(y)))


def _plain(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else (str(value) if value is not None else None)
