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
from graph.errors import InputError
from graph.interface_facets import _channels, _contact_persons, _forums, _lines, _people, _requests
from graph.interface_index import index
from graph.interface_missing import missing_items
from graph.interface_parties import Party, in_scope, party
from graph.model import Model
from graph.reporting import chain
from graph.view import view

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


# ------------------------------------------------------------------------------------------------ json
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
