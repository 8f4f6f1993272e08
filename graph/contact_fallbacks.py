"""Fallbacks: who answers when the right post is vacant or a required contact person was never named.

The responsible body is the forum the post sits in; for a requirement, the forum that asked, else a
forum where both sides have a seat (the one described in the same source document), else a forum
handling the topic. It is answered for by its secretary seats, else its secretariat, else its chair,
else the forum itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.contact_home import Home
from graph.contact_index import forums_of
from graph.contact_types import CHAIR_ROLES, COLLAB_KINDS, SECRETARY_ROLES, Answer, Step
from graph.contact_why import why
from graph.model import Model
from graph.topic_types import TopicMatch
from graph.view import View

__all__ = ["with_fallbacks"]


def with_fallbacks(
    v: View, home: Home | None, ranked: Iterable[Answer], matches: tuple[TopicMatch, ...], limit: int
) -> list[Answer]:
    """The ranked answers with fallbacks after each vacant or missing one, cut at ``limit``."""
    out: list[Answer] = []
    seen: set[str] = set()
    for a in ranked:
        if len(out) >= limit:
            break
        if a.who in seen and not a.requirement:
            continue
        out.append(a)
        seen.add(a.who)
        if a.status not in ("vacant", "missing"):
            continue
        for fb in _fallbacks(v, home, a, matches):
            if fb.who not in seen:
                out.append(fb)
                seen.add(fb.who)
    return out[:limit]


def _fallbacks(v: View, home: Home | None, a: Answer, matches: tuple[TopicMatch, ...]) -> list[Answer]:
    m = v.model
    out = []
    for body in _responsible(v, home, a, matches):
        for who in _stand_ins(v, body, exclude=a.who):
            reason = {
                "da": f"I stedet for {m.label(a.who, 'da')}: {(a.note or {}).get('da', '')} "
                f"Henvend dig til {m.label(who, 'da')} for {m.label(body, 'da')}.",
                "en": f"Instead of {m.label(a.who, 'en')}: {(a.note or {}).get('en', '')} "
                f"Ask {m.label(who, 'en')} for {m.label(body, 'en')}.",
            }
            reason = {k: " ".join(t.split()) for k, t in reason.items()}
            tier = home.tier_of(who) if home else None
            steps = (*why(v, home, who, ()), Step(who, "fallback", True, a.who))
            status = "holder_not_stated" if v.kind(who) == "post" and not v.into(who, "holds") else "available"
            out.append(
                a._replace(
                    who=who,
                    nearness=tier,
                    status=status,
                    channels=(),
                    requirement=None,
                    why=steps,
                    fallback=True,
                    via_seat=None,
                    note=reason,
                )
            )
    return out


def _responsible(v: View, home: Home | None, a: Answer, matches: tuple[TopicMatch, ...]) -> list[str]:
    """The forum or organisation that should answer instead."""
    if a.requirement is None:
        return v.out(a.who, "post_in")
    req = a.requirement
    asked = [b for b in v.out(req, "requested_by") if v.kind(b) in COLLAB_KINDS]
    if asked:
        return asked
    sides = [set(v.out(req, "required_in")), set(v.out(req, "requested_by"))]
    common = set.intersection(*[forums_of(v, {d for x in side for d in v.family(x)}) for side in sides])
    if common:
        near = sorted(common & home.forums) if home else []
        return _same_document(v.model, req, near or sorted(common))
    return sorted({h for t in matches for h in v.into(t.id, "handles") if v.kind(h) in COLLAB_KINDS})


def _same_document(model: Model, nid: str, forums: list[str]) -> list[str]:
    """The forums described in the same source document as ``nid`` (the group the request was made in)."""

    def docs(x: str) -> set[str]:
        return {s.title for s in model.sources_of(model.adjacency.nodes[x].get("sources", ()))}

    mine = docs(nid)
    scored = [(len(docs(f) & mine), f) for f in forums]
    top = max((n for n, _ in scored), default=0)
    return [f for n, f in scored if n == top]


def _stand_ins(v: View, body: str, exclude: str) -> list[str]:
    """Who answers for a forum: its secretary seats, else its secretariat, else its chair, else itself."""
    if v.kind(body) not in COLLAB_KINDS:
        return [body]
    seats = [s for s in v.into(body, "post_in") if s != exclude and v.adjacency.nodes[s].get("occupancy") != "vacant"]
    for roles in (SECRETARY_ROLES, None, CHAIR_ROLES):
        if roles is None:
            hosts = v.out(body, "secretariat_in")
            if hosts:
                return hosts
            continue
        found = [s for s in seats if v.adjacency.nodes[s].get("role") in roles]
        if found:
            return found
    return [body]
