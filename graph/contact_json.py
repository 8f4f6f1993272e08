"""The JSON of one contact answer: how to reach the contact, the chain of why, nearness and sources.

``graph.contacts`` (with ``contact_rank``, ``contact_fallbacks``, ``contact_why``) decides who answers and
why; this module only renders an ``Answer`` for the API,
the HTML pages and the CLI's ``--json`` (the shape is documented in ``graph.contacts``). It reads the
model's graph directly, so rendering never depends on the date's view used for ranking.

Sources are given once per answer in its ``"sources": {id: Source}`` table; each ranked answer's
``"sources"`` lists the ids it cites (several answers from one document repeated it in full before).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.adjacency import Adjacency
from graph.citing import cite
from graph.contact_types import CHAIR_ROLES, COLLAB_KINDS, NEARNESS, SECRETARY_ROLES, Answer, Step
from graph.describe_reach import contact_point
from graph.model import Model

__all__ = ["answer_json", "organisation"]


def answer_json(
    model: Model,
    a: Answer,
    rank: int,
    lang: str,
    *,
    asker: str | None,
    personal: bool,
    table: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """One ranked answer as JSON (the ``answers`` entries of ``ContactAnswer.as_json``); its sources go into
    ``table`` (the answer's ``sources``) and are cited by id."""
    org = organisation(model, a.who)
    steps = a.why or ()
    why = [s.as_json(model, lang) for s in steps]
    return {
        "rank": rank,
        "who": model.ref(a.who, lang),
        "kind": model.adjacency.nodes[a.who]["kind"],
        "organisation": model.ref(org, lang) if org else None,
        "topic": model.ref(a.topic, lang),
        "nearness": _nearness_json(a.nearness, lang),
        "reach": _reach(model, a, asker, lang, personal),
        "conditions": [c for ch in a.channels for c in _texts(model.adjacency.nodes[ch].get("conditions"), lang)],
        "why": why,
        "why_text": _chain_text(model, steps, lang),
        "fallback": a.fallback,
        "general": a.general,
        "note": (a.note.get(lang) or a.note.get("da")) if a.note else None,
        "status": a.status,
        "sources": cite(model, _answer_sources(model, a), table),
    }


def organisation(model: Model, who: str) -> str | None:
    g = model.adjacency
    kind = g.nodes[who]["kind"]
    edges = {"post": "post_in", "unit": "part_of", "organisation": "part_of", "contact_point": None}
    if kind == "person":
        posts = g.successors(who, "holds")
        return organisation(model, posts[0]) if posts else None
    rel = edges.get(kind)
    targets = sorted(g.successors(who, rel)) if rel else []
    return targets[0] if targets else None


def _reach(model: Model, a: Answer, asker: str | None, lang: str, personal: bool) -> list[dict[str, Any]]:
    g = model.adjacency
    out: list[dict[str, Any]] = []
    for ch in a.channels:
        froms = set(g.predecessors(ch, "channel_from"))
        out.append(
            {
                "via": "channel",
                **model.ref(ch, lang),
                "state": g.nodes[ch].get("state"),
                "for_you": (a.nearness == 0) if asker else None,
                "from": [model.ref(f, lang) for f in sorted(froms)],
                "contact_points": _cps(model, ch, personal),
            }
        )
    out += [{"via": "contact_point", **cp} for cp in _cps(model, a.who, personal)]
    kind = g.nodes[a.who]["kind"]
    if kind == "post":
        for person in sorted(g.predecessors(a.who, "holds")):
            out.append({"via": "holder", **model.ref(person, lang), "contact_points": _cps(model, person, personal)})
        unheld = not g.predecessors(a.who, "holds")
        if unheld or g.nodes[a.who].get("role") in (*SECRETARY_ROLES, *CHAIR_ROLES):
            # nobody named in the seat: whoever can route it – the forum's own contact point and secretariat
            for f in _targets(g, a.who, "post_in"):
                if unheld:
                    out += [{"via": "contact_point", "of": model.ref(f, lang), **cp} for cp in _cps(model, f, personal)]
                out += [r for r in _forum_reach(model, f, lang, personal) if r["via"] == "secretariat"]
    if kind in COLLAB_KINDS:
        out += _forum_reach(model, a.who, lang, personal)
    return out


def _forum_reach(model: Model, forum: str, lang: str, personal: bool) -> list[dict[str, Any]]:
    g = model.adjacency
    seats = sorted(g.predecessors(forum, "post_in"))
    out = []
    for via, roles in (("secretary", SECRETARY_ROLES), ("chair", CHAIR_ROLES)):
        for s in seats:
            if g.nodes[s].get("role") in roles:
                holders = sorted(g.predecessors(s, "holds"))
                occ = g.nodes[s].get("occupancy") or ("held" if holders else "not_stated")
                out.append(
                    {
                        "via": via,
                        **model.ref(s, lang),
                        "occupancy": occ,
                        "holders": [model.ref(h, lang) for h in holders],
                    }
                )
    for org in sorted(g.successors(forum, "secretariat_in")):
        out.append({"via": "secretariat", **model.ref(org, lang), "contact_points": _cps(model, org, personal)})
    return out


def _targets(g: Adjacency, nid: str, kind: str) -> list[str]:
    return sorted(g.successors(nid, kind))


def _cps(model: Model, nid: str, personal: bool) -> list[dict[str, Any]]:
    cps = sorted(model.adjacency.successors(nid, "contact_point"))
    return [contact_point(model, cp, include_personal=personal) for cp in cps]


def _answer_sources(model: Model, a: Answer) -> list[str]:
    ids = [a.who, *a.channels] + ([a.requirement] if a.requirement else [])
    return [s for n in ids for s in model.adjacency.nodes[n].get("sources", ())]


def _chain_text(model: Model, steps: tuple[Step, ...], lang: str) -> str:
    if not steps:
        return ""
    parts = [model.label(steps[0].from_id, lang)]
    prev = steps[0].from_id
    for s in steps:
        if s.from_id != prev:  # the chain jumps (e.g. to the topic a channel handles): restart from there
            parts.append(f"· {model.label(s.from_id, lang)}")
        parts.append(f"→ ({s.words(lang)}) {model.label(s.to_id, lang)}")
        prev = s.to_id
    return " ".join(parts)


def _nearness_json(tier: int | None, lang: str) -> dict[str, Any] | None:
    if tier is None:
        return None
    code, (da, en) = NEARNESS[tier]
    return {"code": code, "rank": tier, "label": en if lang == "en" else da}


def _texts(pairs: Mapping[str, list[str]] | None, lang: str) -> list[str]:
    if not pairs:
        return []
    return list(pairs.get(lang) or pairs.get("da") or next(iter(pairs.values())))
