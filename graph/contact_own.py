"""A municipality's own services answer its own people: the rule that keeps other municipalities' out.

A PPR, a health-nurse service or a family department serves the children of its own municipality
(folkeskoleloven § 12 for PPR); Viborg's coordinator cannot send a child to Favrskov's PPR. So an asker in a
municipality never gets another municipality's unit, or a seat held on its behalf, as an answer, specific
or general, and the answer says which it left out and why. A forum's office is not its municipality's own:
a secretary or chair seat »from Syddjurs Kommune« serves the whole forum, and whoever asks may use it.
When the sources name no service of the asker's own, the left-out list is how the coordinator learns which
kind of service to look for at home. Askers serving several municipalities (general practice, a hospital,
KOSU) keep them all; a place the question names (»PPR i Norddjurs«, ``graph.topic_place``) decides instead.

Whose own a contact is (``owners``) does not depend on the asker: it is worked out once per contact with its
``graph.contact_index.Standing``, and ``graph.contact_rank.rank`` leaves the others out before it makes
an answer of them (a national question passes ~80 other municipalities' units to find ten answers).
"""

from __future__ import annotations

from typing import Any

from graph.contact_facts import is_municipality
from graph.contact_types import CHAIR_ROLES, SECRETARY_ROLES
from graph.model import Model
from graph.view import View

__all__ = ["left_out_json", "municipalities", "owners", "serves"]

_OFFICES = frozenset(SECRETARY_ROLES + CHAIR_ROLES)
#: The sentence before the names of what was left out (the JSON's ``left_out.why``), Danish and English.
_WHY = {
    "da": "Udeladt: andre kommuners egne enheder og pladser, som betjener deres egen kommune",
    "en": "Left out: other municipalities' own services and seats, which serve their own municipality",
}
_NAMED = 6  # named (in the JSON and the one-line text); the rest are counted
_MORE = {"da": "og {n} flere", "en": "and {n} more"}


def owners(v: View, who: str, ups: frozenset[str]) -> frozenset[str] | None:
    """The municipalities ``who`` is the own service of (``ups``: its anchors and all above them), or None
    when it is nobody's own and serves everyone. A municipal unit whose municipality the data does not record
    (»Egebro Skole, Kommune 2« with no parent) is some municipality's own, not known to be anyone's: empty."""
    if forum_office(v, who):
        return None
    nodes = v.adjacency.nodes
    theirs = frozenset(u for u in ups if is_municipality(nodes, u))
    if theirs:
        return theirs
    if any(nodes[u]["kind"] == "unit" and nodes[u].get("sector") == "municipal" for u in ups):
        return theirs
    return None


def serves(owned_by: frozenset[str] | None, mine: frozenset[str]) -> bool:
    """A contact owned by ``owned_by`` (``owners``) answers an asker of the municipalities ``mine``."""
    return owned_by is None or not mine or not mine.isdisjoint(owned_by)


def municipalities(v: View, asker: str, roots: frozenset[str]) -> frozenset[str]:
    """The municipalities the asker belongs to, of its organisation roots: none for general practice, a
    hospital, a regional forum, or a forum's secretary or chair (they work for all its members)."""
    if forum_office(v, asker):
        return frozenset()
    nodes = v.adjacency.nodes
    return frozenset(r for r in roots if is_municipality(nodes, r))


def forum_office(v: View, who: str) -> bool:
    """``who`` is a forum's secretary or chair seat, or a person holding only such seats (and in no unit)."""
    kind = v.kind(who)
    if kind == "person":
        posts = v.out(who, "holds")
        return bool(posts) and not v.out(who, "member_of") and all(forum_office(v, p) for p in posts)
    return kind == "post" and v.adjacency.nodes[who].get("role") in _OFFICES and bool(v.out(who, "post_in"))


def left_out_json(model: Model, ids: tuple[str, ...], lang: str) -> dict[str, Any] | None:
    """The JSON's ``left_out``: why, how many, the first few (refs: a national question passes over ~40, and
    naming them all would add a sixth to the answer), and one line naming those and counting the rest."""
    if not ids:
        return None
    lang = lang if lang in _WHY else "da"
    who = [model.ref(x, lang) for x in ids[:_NAMED]]
    names = "; ".join(r["label"] for r in who)
    if len(ids) > _NAMED:
        names += " " + _MORE[lang].format(n=len(ids) - _NAMED)
    return {"why": _WHY[lang], "count": len(ids), "who": who, "text": f"{_WHY[lang]}: {names}."}
