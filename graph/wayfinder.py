"""The wayfinder: "I work in … → I need … about a child → here is the route", for professionals.

Inspired by the wayfinder website seed 002 points to (taetogtoer.rn.dk, for GPs, health visitors and
parents). No logic of its own: whom to turn to comes from the contact question (``graph.contacts``), what
connects the asker with them from the interface question (``graph.interfaces``: channels and fixed contact
persons first, then the forums where the matter can be raised), and where it is decided from the reporting
chain of that forum (``graph.reporting``, through ``Interface.routes``).

JSON shape of ``Route.as_json(lang)``::

    {"asker": Ref, "need": str, "date": "YYYY-MM-DD", "scenarios": [str],
     "counterpart": Ref | null,            # whom the route leads to (given, or the best contact answer)
     "chosen_by": "given" | "contact" | null,
     "contact": [ContactAnswerItem],       # the contact question's top answers (graph/contact_json.py)
     "interface": Interface | null,        # graph/interfaces.py, asker × counterpart
     "steps": [{"step": "channel" | "contact_person" | "request" | "forum" | "decided" | "none",
                "text": str, "entity": Ref | null, "state": str | null, "sources": [Source]}]}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.applicability import check_scenarios
from graph.contacts import ContactAnswer, contact
from graph.errors import InputError
from graph.interface_parties import BODY_KINDS
from graph.interfaces import Interface, interface
from graph.model import Model
from graph.view import view

__all__ = ["Route", "wayfinder"]


@dataclass(frozen=True)
class Route:
    asker: str
    need: str
    on: dt.date
    scenarios: tuple[str, ...]
    counterpart: str | None
    chosen_by: str | None
    answer: ContactAnswer
    pair: Interface | None
    model: Model = field(repr=False, compare=False)

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        m = self.model
        pair = self.pair.as_json(lang) if self.pair else None
        return {
            "asker": m.ref(self.asker, lang),
            "need": self.need,
            "date": self.on.isoformat(),
            "scenarios": list(self.scenarios),
            "counterpart": m.ref(self.counterpart, lang) if self.counterpart else None,
            "chosen_by": self.chosen_by,
            "contact": self.answer.as_json(lang)["answers"][:3],
            "interface": pair,
            "steps": _steps(pair, lang) if pair else [],
        }


def wayfinder(
    model: Model,
    asker: str,
    need: str,
    counterpart: str | None = None,
    *,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
    include_personal: bool = False,
) -> Route:
    """The route from ``asker`` (where the professional works) about ``need`` (a topic in their words) to
    ``counterpart`` (an organisation or unit; when not given, the best contact answer outside the asker's
    own organisation). Raises InputError, UnknownTopic, EntityNotFound / AmbiguousEntity naming the text."""
    if not asker.strip() or not need.strip():
        raise InputError("say where you work and what you need (both are required)")
    scen = check_scenarios(model, scenarios)
    day = on or dt.date.today()
    me = model.resolve(asker)
    if model.nx.nodes[me]["kind"] not in BODY_KINDS:
        raise InputError(f"'{model.label(me)}' is a {model.nx.nodes[me]['kind']}; name your organisation or unit")
    answer = contact(model, need, me, on=day, scenarios=scen, limit=5, include_personal=include_personal)
    chosen_by: str | None = None
    other: str | None = None
    if counterpart and counterpart.strip():
        other, chosen_by = model.resolve(counterpart), "given"
    else:
        v = view(model, day, scen)
        mine = v.family(me)
        for a in answer.as_json("da")["answers"]:
            for ref in (a.get("organisation"), a.get("who")):
                if ref and ref["kind"] in BODY_KINDS and ref["id"] not in mine:
                    other, chosen_by = ref["id"], "contact"
                    break
            if other:
                break
    pair = None
    if other and other != me:
        pair = interface(model, me, other, by="organisation", on=day, scenarios=scen)
    return Route(me, need.strip(), day, scen, other, chosen_by, answer, pair, model)


def _steps(p: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The route in order: channels, fixed contact persons, forums to raise it in, where it is decided."""
    da = lang != "en"
    out: list[dict[str, Any]] = []
    for c in sorted(p["channels"], key=lambda c: c["state"] != "open"):
        out.append(
            {
                "step": "channel",
                "entity": c["channel"],
                "state": c["state"],
                "sources": c["sources"],
                "text": c["channel"]["label"] + (f" – {c['note']}" if c.get("note") else ""),
            }
        )
    for c in p["contact_persons"]:
        out.append(
            {
                "step": "contact_person",
                "entity": c["requirement"],
                "state": c["state"],
                "sources": c["sources"],
                "text": c["requirement"]["label"],
            }
        )
    for r in p["requests"]:
        out.append(
            {
                "step": "request",
                "entity": r["request"],
                "state": r.get("status") or "requested",
                "sources": r["sources"],
                "text": r["request"]["label"],
            }
        )
    for f in p["forums"]:
        if f["forum"]["kind"] == "cluster":
            continue
        out.append(
            {
                "step": "forum",
                "entity": f["forum"],
                "state": f.get("status"),
                "sources": f["sources"],
                "text": (
                    f"Sagen kan rejses i {f['forum']['label']}"
                    if da
                    else f"The matter can be raised in {f['forum']['label']}"
                ),
            }
        )
    for r in p["routes"]:
        if len(r["primary"]) > 1:
            out.append(
                {
                    "step": "decided",
                    "entity": r["primary"][-1],
                    "state": None,
                    "sources": [],
                    "text": " → ".join(n["label"] for n in r["primary"]),
                }
            )
    return out
