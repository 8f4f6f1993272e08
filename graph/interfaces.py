"""Interfaces (samarbejdsflader): where and how two parties meet, and where they do not.

A coordinator asks "how do general practice and Favrskov Kommune reach each other?". For two parties –
sectors or organisations/units (``graph.interface_parties``) – on a date under scenarios the answer lists
everything that connects them, each item with its sources:

- ``forums``: collaborations where both hold seats (with the seats) or are members;
- ``channels``: channels from one to the other (``a_to_b``, ``b_to_a`` or ``both``) with state, conditions and
  the open question the source leaves (e.g. which municipality is still setting up);
- ``contact_persons``: fixed contact-person requirements in each direction: ``named`` (fulfilled by a person or
  held post), ``vacant`` (fulfilled by a post nobody holds) or ``requested`` (nobody named yet);
- ``requests``: wishes one side addresses to the other, or both make together;
- ``topics`` both handle; ``lines``: reporting lines between them (or their posts); ``people``: the same
  person holding posts or memberships on both sides (third-party organigrams); ``routes``: where each shared
  forum's work goes up (``graph.reporting.chain``);
- ``missing``: what is requested but not established, not stated, a forum shared without any channel, a
  contact person asked for in one direction only, or nothing at all.

Items found only through a party's home (its same-sector parent: Favrskov Kommune for PPR Favrskov) carry
``via``. ``strength`` counts what is established: a shared forum or membership (1), an open channel (2), a
channel in another state (1), a named contact person (1), a line or shared person (1); 0 is ``none``, 1–2
``weak``, 3–4 ``medium``, 5+ ``strong``.

JSON shape of ``Interface.as_json(lang)`` (every entity a ``model.ref``; Source = ``SourceRef.as_json()``)::

    {"a": Party, "b": Party, "date": "YYYY-MM-DD", "scenarios": [str],
     "forums": [{"forum": Ref, "status": str|null, "proposed": bool,
                 "a": [{"seat": Ref|null, "for": Ref, "via": Ref|null, "role": str|null,
                        "occupancy": str|null, "holders": [Ref]}], "b": [...], "sources": [Source]}],
     "channels": [{"channel": Ref, "direction": str, "from": [Ref], "to": [Ref], "state": str,
                   "conditions": [str], "topics": [Ref], "via": Ref|null, "question": Ref|null,
                   "note": str|null, "sources": [Source]}],
     "contact_persons": [{"requirement": Ref, "direction": "a_asks_b"|"b_asks_a", "in": [Ref],
                          "requested_by": [Ref], "state": "named"|"vacant"|"requested",
                          "fulfilled_by": [Ref], "via": Ref|null, "sources": [Source]}],
     "requests": [{"request": Ref, "direction": "a_asks_b"|"b_asks_a"|"both_ask", "by": [Ref], "from": [Ref],
                   "status": str|null, "topics": [Ref], "note": str|null, "via": Ref|null, "sources": [Source]}],
     "topics": [Ref], "lines": [{"from": Ref, "to": Ref, "kind": str, "status": str|null, "sources": [Source]}],
     "people": [{"person": Ref, "a": [Ref], "b": [Ref]}],
     "routes": [{"forum": Ref, "primary": [Ref]}],
     "missing": [{"kind": str, "text": str, "about": Ref|null, "sources": [Source]}],
     "strength": {"score": int, "level": "none"|"weak"|"medium"|"strong"},
     "summary": {"forums": int, "channels": {state: int}, "contact_persons": {state: int}, "requests": int,
                 "lines": int, "people": int, "missing": int}}
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graph.applicability import check_scenarios
from graph.cache import memo
from graph.errors import InputError
from graph.interface_index import Index, index
from graph.interface_missing import missing_items
from graph.interface_parties import Party, in_scope, party
from graph.model import Model
from graph.reporting import chain
from graph.view import View, view

__all__ = ["Interface", "between", "interface", "strength_level"]

_LEVELS = ((5, "strong"), (3, "medium"), (1, "weak"), (0, "none"))


def strength_level(score: int) -> str:
    return next(name for floor, name in _LEVELS if score >= floor)


@dataclass(frozen=True)
class Interface:
    """Everything that connects two parties on a date (dicts hold ids; ``as_json`` turns them into refs)."""

    a: Party
    b: Party
    on: dt.date
    scenarios: tuple[str, ...]
    forums: tuple[dict[str, Any], ...]
    channels: tuple[dict[str, Any], ...]
    contact_persons: tuple[dict[str, Any], ...]
    requests: tuple[dict[str, Any], ...]
    topics: tuple[str, ...]
    lines: tuple[dict[str, Any], ...]
    people: tuple[dict[str, Any], ...]
    missing: tuple[dict[str, Any], ...]
    model: Model = field(repr=False, compare=False)

    @property
    def score(self) -> int:
        s = 1 if self.forums else 0
        s += 2 if any(c["state"] == "open" for c in self.channels) else 0
        s += 1 if any(c["state"] != "open" for c in self.channels) else 0
        s += 1 if any(c["state"] == "named" for c in self.contact_persons) else 0
        s += 1 if (self.lines or self.people) else 0
        return s

    def summary(self) -> dict[str, Any]:
        return {
            "forums": len(self.forums),
            "channels": dict(sorted(Counter(c["state"] for c in self.channels).items())),
            "contact_persons": dict(sorted(Counter(c["state"] for c in self.contact_persons).items())),
            "requests": len(self.requests),
            "lines": len(self.lines),
            "people": len(self.people),
            "missing": len(self.missing),
        }

    def routes(self) -> list[tuple[str, tuple[str, ...]]]:
        """Where each shared forum's work goes up (the main line of its reporting chain)."""
        out = []
        for f in self.forums:
            primary = chain(self.model, f["forum"], on=self.on, scenarios=self.scenarios).primary
            out.append((f["forum"], primary))
        return out

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        m = self.model
        return {
            "a": self.a.as_json(m, lang),
            "b": self.b.as_json(m, lang),
            "date": self.on.isoformat(),
            "scenarios": list(self.scenarios),
            "forums": [_json(m, f, lang) for f in self.forums],
            "channels": [_json(m, c, lang) for c in self.channels],
            "contact_persons": [_json(m, c, lang) for c in self.contact_persons],
            "requests": [_json(m, r, lang) for r in self.requests],
            "topics": [m.ref(t, lang) for t in self.topics],
            "lines": [_json(m, ln, lang) for ln in self.lines],
            "people": [_json(m, p, lang) for p in self.people],
            "routes": [{"forum": m.ref(f, lang), "primary": [m.ref(n, lang) for n in p]} for f, p in self.routes()],
            "missing": [_json(m, x, lang) for x in self.missing],
            "strength": {"score": self.score, "level": strength_level(self.score)},
            "summary": self.summary(),
        }


# ------------------------------------------------------------------------------------------------ query
def interface(
    model: Model,
    a: str,
    b: str,
    *,
    by: str | None = None,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
    scope: Sequence[str] | str | None = None,
) -> Interface:
    """Where and how ``a`` and ``b`` (sector names or organisations/units) meet on ``on`` (default today);
    with ``scope`` a sector counts only its organisations there (as in that scope's matrix).

    Raises InputError for an unknown sector, scenario or ``by``; EntityNotFound / AmbiguousEntity for names.
    """
    if by not in (None, "sector", "organisation"):
        raise InputError(f"--by '{by}' is not known (use sector or organisation)")
    scen = check_scenarios(model, scenarios)
    day = on or dt.date.today()
    v = view(model, day, scen)
    within = in_scope(v, scope)[0] if scope else None
    pa, pb = party(v, a, by, within), party(v, b, by, within)
    if pa.key == pb.key:
        raise InputError(f"'{a}' and '{b}' are the same party; name two different ones")
    return between(model, pa, pb, day, scen)


def between(model: Model, pa: Party, pb: Party, on: dt.date, scen: tuple[str, ...]) -> Interface:
    """The interface of two parties already resolved (the matrix calls this for every pair)."""
    v = view(model, on, scen)
    ix = index(v)
    # a parent is not a "home" through which its own part meets it (BUA × Psykiatrien: only the part_of line)
    if pb.members < pa.members:  # Psykiatrien × BUA: Psykiatrien without BUA
        pa = replace(pa, members=pa.members - pb.members)
    elif pa.members < pb.members:
        pb = replace(pb, members=pb.members - pa.members)
    pa = replace(pa, home=pa.home - pb.members - pb.home)
    pb = replace(pb, home=pb.home - pa.members)
    forums = _forums(model, ix, pa, pb)
    channels = _channels(v, ix, pa, pb)
    contacts = _contact_persons(v, ix, pa, pb)
    requests = _requests(v, ix, pa, pb)
    topics = sorted(
        set().union(*(ix.topics.get(n, set()) for n in pa.members))
        & set().union(*(ix.topics.get(n, set()) for n in pb.members))
    )
    lines = _lines(model, ix, pa, pb)
    people = _people(ix, pa, pb)
    missing = missing_items(model, forums, channels, contacts, requests, bool(topics or lines or people))
    return Interface(
        pa,
        pb,
        on,
        scen,
        tuple(forums),
        tuple(channels),
        tuple(contacts),
        tuple(requests),
        tuple(topics),
        tuple(lines),
        tuple(people),
        tuple(missing),
        model,
    )


# ------------------------------------------------------------------------------------------------ parts
def _via(p: Party, ids: Iterable[str]) -> str | None:
    """None when any id is a member of the party; else the home entity it was found through."""
    ids = list(ids)
    if any(i in p.members for i in ids):
        return None
    return next((i for i in ids if i in p.home), None)


def _forums(model: Model, ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    g = model.nx
    sides: list[dict[str, list[dict[str, Any]]]] = [{}, {}]
    for i, p in enumerate((pa, pb)):
        for body in sorted(p.side):
            via = None if body in p.members else body
            for f, seat in ix.seats.get(body, ()):
                d = g.nodes[seat]
                holders = sorted({h for h in ix.holders.get(seat, ())})
                sides[i].setdefault(f, []).append(
                    {
                        "seat": seat,
                        "for": body,
                        "via": via,
                        "role": d.get("role"),
                        "occupancy": d.get("occupancy"),
                        "holders": holders,
                    }
                )
            for f in ix.member_of.get(body, ()):
                sides[i].setdefault(f, []).append(
                    {"seat": None, "for": body, "via": via, "role": None, "occupancy": None, "holders": []}
                )
    out = []
    for f in sorted(set(sides[0]) & set(sides[1]), key=lambda n: model.label(n).casefold()):
        if f in pa.side or f in pb.side:
            continue  # a party's own parent organisation is not a place where it meets the other
        d = g.nodes[f]
        seats = [s["seat"] for side in sides for s in side[f] if s["seat"]]
        out.append(
            {
                "forum": f,
                "status": d.get("status"),
                "proposed": d.get("status") == "proposed",
                "a": sides[0][f],
                "b": sides[1][f],
                "sources": _srcs(model, f, *seats),
            }
        )
    return out


def _channels(v: View, ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    model, g = v.model, v.g
    out = []
    chans = {c for n in pa.side | pb.side for c in ix.chan_from.get(n, []) + ix.chan_to.get(n, [])}
    for ch in sorted(chans):
        d = g.nodes[ch]
        froms, tos = v.into(ch, "channel_from"), v.out(ch, "channel_to")
        ab = bool(set(froms) & pa.side and set(tos) & pb.side)
        ba = bool(set(froms) & pb.side and set(tos) & pa.side)
        if not (ab or ba):
            continue
        direction = "both" if (ab and ba) or d.get("bidirectional") else ("a_to_b" if ab else "b_to_a")
        qs = v.into(ch, "about")
        note = _comment(model, qs[0]) if qs else None
        via = _via(pa, froms + tos) or _via(pb, froms + tos)
        out.append(
            {
                "channel": ch,
                "direction": direction,
                "from": froms,
                "to": tos,
                "state": d.get("state") or "not_stated",
                "conditions": d.get("conditions") or {},
                "topics": v.out(ch, "handles"),
                "via": via,
                "question": qs[0] if qs else None,
                "note": note,
                "sources": _srcs(model, ch, *qs),
            }
        )
    return out


def _contact_persons(v: View, ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    model = v.model
    out = []
    reqs = {r for n in pa.side | pb.side for r in ix.req_in.get(n, []) + ix.req_by.get(n, [])}
    for r in sorted(reqs):
        where, by = v.out(r, "required_in"), v.out(r, "requested_by")
        for direction, asker, asked in (("a_asks_b", pa, pb), ("b_asks_a", pb, pa)):
            if set(where) & asked.side and set(by) & asker.side:
                filled = v.out(r, "fulfilled_by")
                out.append(
                    {
                        "requirement": r,
                        "direction": direction,
                        "in": where,
                        "requested_by": by,
                        "state": _filled_state(model, ix, filled),
                        "fulfilled_by": filled,
                        "via": _via(asked, where) or _via(asker, by),
                        "sources": _srcs(model, r),
                    }
                )
    return out


def _filled_state(model: Model, ix: Index, filled: list[str]) -> str:
    if not filled:
        return "requested"
    for f in filled:
        kind = model.nx.nodes[f]["kind"]
        if kind == "person" or (kind == "post" and ix.holders.get(f)):
            return "named"
    return "vacant"


def _requests(v: View, ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    model, g = v.model, v.g
    out = []
    asks = {r for n in pa.side | pb.side for r in ix.ask_by.get(n, []) + ix.ask_from.get(n, [])}
    for r in sorted(asks):
        by, frm = v.out(r, "requested_by"), v.out(r, "requested_from")
        a_by, b_by = set(by) & pa.side, set(by) & pb.side
        if a_by and set(frm) & pb.side:
            direction = "a_asks_b"
        elif b_by and set(frm) & pa.side:
            direction = "b_asks_a"
        elif a_by and b_by:
            direction = "both_ask"
        else:
            continue
        d = g.nodes[r]
        out.append(
            {
                "request": r,
                "direction": direction,
                "by": by,
                "from": frm,
                "status": d.get("status"),
                "topics": v.out(r, "handles"),
                "note": _comment(model, r, label_fallback=False),
                "via": _via(pa, by + frm) or _via(pb, by + frm),
                "sources": _srcs(model, r),
            }
        )
    return out


def _lines(model: Model, ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    def nodes(p: Party) -> set[str]:
        return set(p.members) | {post for n in p.members for post in ix.posts.get(n, [])}

    na, nb = nodes(pa), nodes(pb)
    seen: set[tuple[str, str, str]] = set()
    out: list[dict[str, Any]] = []
    for n in sorted(na):
        for u, v, k, e in ix.lines.get(n, []):
            if ((u in na and v in nb) or (u in nb and v in na)) and (u, v, k) not in seen:
                seen.add((u, v, k))
                out.append(
                    {
                        "from": u,
                        "to": v,
                        "kind": k,
                        "status": e.get("status"),
                        "sources": _srcs_of(model, list(e.get("sources") or ()) or _src_ids(model, u)),
                    }
                )
    return out


def _people(ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    def where(p: Party) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for n in sorted(p.members):
            for person in ix.people.get(n, []):
                found.setdefault(person, []).append(n)
        return found

    wa, wb = where(pa), where(pb)
    return [{"person": p, "a": wa[p], "b": wb[p]} for p in sorted(set(wa) & set(wb))]


# ------------------------------------------------------------------------------------------------ helpers
def _src_ids(model: Model, *nids: str) -> list[str]:
    return list(dict.fromkeys(s for n in nids if n in model.nx for s in model.nx.nodes[n].get("sources", ())))


def _srcs_of(model: Model, ids: list[str]) -> list[dict[str, Any]]:
    return [s.as_json() for s in model.sources_of(ids)]


def _srcs(model: Model, *nids: str) -> list[dict[str, Any]]:
    """The sources of ``nids`` as JSON, kept per data version (a matrix asks for the same forum 400 times)."""
    kept: dict[tuple[str, ...], list[dict[str, Any]]] = memo(model, "interface-sources", dict)
    hit = kept.get(nids)
    if hit is None:
        hit = kept[nids] = [s.as_json() for s in model.sources_of(_src_ids(model, *nids))]
    return hit


def _comment(model: Model, nid: str, *, label_fallback: bool = True) -> dict[str, str] | None:
    pairs = model.nx.nodes[nid].get("comment") or {}
    out = {lang: " ".join(pairs.get(lang) or pairs.get("da") or []) for lang in ("da", "en")}
    if not out["da"] and label_fallback:
        return {"da": model.label(nid, "da"), "en": model.label(nid, "en")}
    return out if out["da"] else None


_REF_LISTS = ("from", "to", "in", "requested_by", "fulfilled_by", "by", "topics", "holders", "a", "b")


def _json(model: Model, item: dict[str, Any], lang: str) -> dict[str, Any]:
    """An item with ids turned into refs and {"da","en"} texts into the chosen language."""
    out: dict[str, Any] = {}
    for k, v in item.items():
        if k in ("a", "b") and v and isinstance(v[0], dict):
            out[k] = [_json(model, s, lang) for s in v]
        elif k in _REF_LISTS and isinstance(v, list):
            out[k] = [model.ref(x, lang) for x in v]
        elif k in (
            "forum",
            "channel",
            "question",
            "requirement",
            "request",
            "seat",
            "for",
            "via",
            "about",
            "person",
        ) or (k in ("from", "to") and isinstance(v, str)):
            out[k] = model.ref(v, lang) if v else None
        elif k == "conditions":
            out[k] = list(v.get(lang) or v.get("da") or []) if isinstance(v, dict) else list(v)
        elif isinstance(v, dict) and set(v) == {"da", "en"}:
            out[k] = v.get(lang) or v["da"]
        else:
            out[k] = v
    return out
