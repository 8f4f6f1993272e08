"""Who do I contact about X? Ranked answers with the way in, the conditions, the reason and the sources.

A municipal psychologist asks "whom do I ask for faglig sparring?". The answer is not a list of everyone
who handles the topic but the *nearest* one that will actually answer, how to reach them and on what
terms, and why that one. The rules, in order:

1. **Topic** (``graph.topics.match_topics``): answers for the topic the text names come before answers
   for a broader, narrower or related topic (score bucketed to tenths, so 0.99 and 1 count alike).
2. **Nearness to the asker**, walking the structure: ``channel`` (a channel whose ``channel_from`` is the
   asker, an organisation above it, or a collaboration it is a member of, leads to the answer: the
   strongest sign you will be answered) < ``own`` (your own organisation tree, e.g. a seat on your behalf)
   < ``forum`` (a forum where your organisation has a seat, membership or the secretariat) < ``cluster``
   (your health cluster: its steering group, the forums reporting to it, its members) < ``region`` (any
   regional, municipal or cross-sector body) < ``national`` < ``other``.
3. **Availability**: proposed elements and channels that are not open come after those in force and open.
4. Concrete contacts (a unit, post, person, contact point) before whole organisations, then forums;
   then fewer steps in the structure; then the label.

Three or more seats of one forum answering for the same topic (other than the asker's own seat) become
one answer for the forum, reached through its secretary: the 19 municipal seats of a region-wide group
are one way in, not nineteen.

Only what is in force on the date (``in_force``) under the chosen scenarios counts: an expired unit or
a channel of an unchosen scenario is never an answer. A channel that handles the topic is how you reach
the unit it leads to, so the answer is that unit, reached by the channel, with the channel's conditions.

Where the right post is vacant, or a required fixed contact person (``sk:ContactPersonRequirement``) has
not been named, the answer says so (``status`` ``vacant``/``missing``), names the post or body that should
answer, and is followed by fallback answers (``fallback: true``, ``note`` = the reason): the forum's
secretary seats, else its secretariat, else its chair, else the forum itself. For a requirement the
responsible forum is the one that asked, else a forum where both sides have a seat, else a forum
handling the topic.

Personal contact data (a person's own e-mail or phone) is withheld unless ``include_personal`` is set
(authenticated callers); functional mailboxes are always shown.

JSON shape of ``ContactAnswer.as_json(lang)`` (stable; every entity is a ``model.ref``:
``{"id", "label", "kind"}``)::

    {
      "topic": {"query": str, "id", "label", "kind"},      # the text asked about and the best topic
      "matched_topics": [{"id", "label", "kind", "score": float, "via": "id" | "label" | "words"
                          | "broader" | "narrower" | "related", "matched_label": str, "from": Ref | null}],
      "asker": Ref | null,
      "date": "YYYY-MM-DD" | null,
      "scenarios": [str],
      "answers": [
        {"rank": int,                                   # 1 = contact this one first
         "who": Ref,                                    # post, person, unit, organisation, forum, channel …
         "kind": str,                                   # who.kind
         "organisation": Ref | null,                    # the forum a post sits in, the parent of a unit …
         "topic": Ref,                                  # the matched topic this answer handles
         "nearness": {"code": str, "rank": int, "label": str} | null,   # null without an asker
         "reach": [                                     # how to get there, most direct first
           {"via": "channel", "id", "label", "kind", "state": str,   # open, being_set_up, requested, not_stated
            "for_you": bool | null,                     # the channel starts at the asker (null: no asker)
            "from": [Ref], "contact_points": [ContactPoint]}
           | {"via": "contact_point", ...ContactPoint}  # describe.contact_point(): id, label, email, phone …
           | {"via": "holder", "id", "label", "kind", "contact_points": [ContactPoint]}
           | {"via": "secretary" | "chair", "id", "label", "kind", "occupancy": str, "holders": [Ref]}
           | {"via": "secretariat", "id", "label", "kind", "contact_points": [ContactPoint]}
         ],
         "conditions": [str],                           # the channel's conditions, in ``lang``
         "why": [{"from": Ref, "to": Ref, "text": str,  # asker → … → who → topic, one relation a step
                  "relation": str}],                    # edge kind; "kind^-1" when walked against it
         "why_text": str,                               # the same chain on one line
         "fallback": bool,                              # true: stands in for the answer before it
         "note": str | null,                            # vacancy, missing contact person, channel state …
         "status": "available" | "proposed" | "channel_not_open" | "holder_not_stated" | "vacant"
                   | "missing",
         "sources": [Source]}                           # SourceRef.as_json(): document, date, section
      ],
      "gaps": [Gap]                                     # graph.gaps entries about the answers
    }
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

import networkx as nx

from graph.applicability import check_scenarios, require_in_force
from graph.cache import memo
from graph.contact_json import (
    CHAIR_ROLES,
    COLLAB_KINDS,
    NEARNESS,
    SECRETARY_ROLES,
    answer_json,
    organisation,
)
from graph.errors import AmbiguousEntity
from graph.gaps import Gap, local_gaps
from graph.model import Model, in_force
from graph.topics import TopicMatch, match_topics

__all__ = ["ASKER_KINDS", "NEARNESS", "Answer", "ContactAnswer", "Step", "contact", "resolve_asker"]

ASKER_KINDS = ("organisation", "unit", "forum", "cluster", "partnership", "collaboration", "post", "person")
_ORG_KINDS = frozenset({"organisation", "unit", "forum", "cluster", "partnership", "collaboration"})
_DIRECT_KINDS = frozenset({"post", "person", "unit", "organisation", "forum", "partnership", "collaboration"})
_KIND_RANK = {"unit": 0, "post": 0, "person": 0, "contact_point": 0, "organisation": 1, "channel": 1}
_REGIONAL = frozenset({"municipal", "somatic", "psychiatry", "general_practice", "region", "cross_sector"})
_STRUCTURE = (
    "part_of",
    "member_of",
    "post_in",
    "on_behalf_of",
    "holds",
    "cluster_of",
    "secretariat_in",
    "chair_from",
    "reports_to",
    "gives_status_to",
    "raises_decisions_to",
    "communicates_with",
)
_HOMES_KEPT = 512  # askers whose place in the structure a date's view keeps
_COLLAPSE_AT = 3  # this many seats of one forum for one topic become one answer for the forum
_RELATION: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "part_of": (("del af", "part of"), ("omfatter", "includes")),
    "member_of": (("medlem af", "member of"), ("har som medlem", "has as a member")),
    "post_in": (("plads i", "seat in"), ("har pladsen", "has the seat")),
    "on_behalf_of": (("repræsenterer", "represents"), ("repræsenteres af", "is represented by")),
    "holds": (("besætter", "holds"), ("besættes af", "is held by")),
    "channel_from": (("kanal", "channel"), ("kanal fra", "channel from")),
    "channel_to": (("fører til", "leads to"), ("nås via", "is reached via")),
    "cluster_of": (("styregruppe for", "steering group of"), ("har styregruppen", "is steered by")),
    "secretariat_in": (("sekretariat i", "secretariat in"), ("er sekretariat for", "is the secretariat of")),
    "chair_from": (("formand fra", "chair from"), ("udpeger formand for", "appoints the chair of")),
    "reports_to": (("refererer til", "reports to"), ("modtager rapportering fra", "receives reports from")),
    "gives_status_to": (("giver status til", "gives status to"), ("får status fra", "receives status from")),
    "raises_decisions_to": (("indstiller til", "raises decisions to"), ("får indstillinger fra", "receives from")),
    "communicates_with": (("kommunikerer med", "communicates with"), ("kommunikerer med", "communicates with")),
    "handles": (("varetager emnet", "handles the topic"), ("varetages af", "is handled by")),
    "required_in": (
        ("fast kontaktperson efterspurgt i", "fixed contact person requested in"),
        ("mangler fast kontaktperson", "lacks a fixed contact person"),
    ),
    "fallback": (("i stedet for", "instead of"), ("erstattes af", "is replaced by")),
}


# ------------------------------------------------------------------------------------------------ results
@dataclass(frozen=True)
class Step:
    """One relation on the way from the asker to the answer, in its real direction."""

    from_id: str
    kind: str
    forward: bool
    to_id: str

    def words(self, lang: str) -> str:
        pair = _RELATION.get(self.kind, ((self.kind, self.kind), (self.kind, self.kind)))[0 if self.forward else 1]
        return pair[1] if lang == "en" else pair[0]

    def as_json(self, model: Model, lang: str) -> dict[str, Any]:
        a, b = model.label(self.from_id, lang), model.label(self.to_id, lang)
        return {
            "from": model.ref(self.from_id, lang),
            "to": model.ref(self.to_id, lang),
            "relation": self.kind if self.forward else f"{self.kind}^-1",
            "text": f"{a} → ({self.words(lang)}) {b}",
        }


@dataclass(frozen=True)
class Answer:
    """One contact: who, for which topic, how near, how to reach them and why."""

    who: str
    topic: str
    score: float
    nearness: int | None
    status: str
    channels: tuple[str, ...] = ()
    requirement: str | None = None
    why: tuple[Step, ...] | None = ()  # None until explained: only the answers shown are explained
    fallback: bool = False
    note: Mapping[str, str] | None = None
    distance: int = 99

    def sort_key(self, model: Model) -> tuple[Any, ...]:
        late = 1 if self.status in ("proposed", "channel_not_open") else 0
        kind = _KIND_RANK.get(model.nx.nodes[self.who]["kind"], 2)
        near = self.nearness if self.nearness is not None else 0
        return (-round(self.score * 10), near, late, kind, self.distance, model.label(self.who), self.who)


@dataclass(frozen=True)
class ContactAnswer:
    """The ranked answers to "who do I contact about X" for one asker on one date."""

    query: str
    topics: tuple[TopicMatch, ...]
    asker: str | None
    on: dt.date | None
    scenarios: tuple[str, ...]
    answers: tuple[Answer, ...]
    gaps: tuple[Gap, ...]
    model: Model = field(repr=False, compare=False)
    include_personal: bool = False  # a person's own e-mail/phone only for authenticated callers

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        m = self.model
        best = self.topics[0]
        return {
            "topic": {"query": self.query, **m.ref(best.id, lang)},
            "matched_topics": [t.as_json(m, lang) for t in self.topics],
            "asker": m.ref(self.asker, lang) if self.asker else None,
            "date": self.on.isoformat() if self.on else None,
            "scenarios": list(self.scenarios),
            "answers": [self._answer_json(a, i + 1, lang) for i, a in enumerate(self.answers)],
            "gaps": [g.as_json(m, lang) for g in self.gaps],
        }

    def _answer_json(self, a: Answer, rank: int, lang: str) -> dict[str, Any]:
        return answer_json(self.model, a, rank, lang, asker=self.asker, personal=self.include_personal)


# ------------------------------------------------------------------------------------------------ query
def contact(
    model: Model,
    topic: str,
    asker: str | None = None,
    *,
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
    limit: int = 10,
    include_personal: bool = False,
) -> ContactAnswer:
    """Whom ``asker`` (name or IRI; optional) should contact about ``topic`` (free text), best first.

    Raises UnknownTopic (with suggestions), EntityNotFound / AmbiguousEntity for the asker, InputError
    for an unknown scenario or an asker that does not apply on ``on``.
    """
    scen = check_scenarios(model, scenarios)
    matches = tuple(match_topics(model, topic))
    who = resolve_asker(model, asker) if asker else None
    if who is not None:
        require_in_force(model, who, on, scen)
    view = _View(model, on, scen)
    key = (topic, tuple((m.id, m.score) for m in matches), who, limit, include_personal)
    hit = view.answers.get(key)  # fixed by the data version, date and scenarios; kept without the model
    if hit is not None:
        return ContactAnswer(**hit, model=model)
    home = view.home(who) if who else None
    ranked = _rank(view, home, view.candidates(matches))
    answers = [_explained(view, home, a) for a in _with_fallbacks(view, home, ranked, matches, max(limit, 1))]
    parts: dict[str, Any] = {
        "query": topic,
        "topics": matches,
        "asker": who,
        "on": on,
        "scenarios": scen,
        "answers": tuple(answers),
        "gaps": _related_gaps(view, answers),
        "include_personal": include_personal,
    }
    if len(view.answers) >= _ANSWERS_KEPT:
        view.answers.clear()
    view.answers[key] = parts
    return ContactAnswer(**parts, model=model)


def resolve_asker(model: Model, text: str) -> str:
    """The entity asking; of several equally good names, the one that contains all the others wins.

    "Norddjurs" may name both Norddjurs Kommune and "PPR, Norddjurs Kommune"; a person means the
    municipality, which contains the other.
    """
    try:
        return model.resolve(text, kinds=ASKER_KINDS)
    except AmbiguousEntity as exc:
        ids = [c.id for c in exc.candidates]
        for cand in ids:
            if all(other == cand or cand in _ancestors(model.nx, other) for other in ids):
                return cand
        raise


# ------------------------------------------------------------------------------------------------ the walk
_ANSWERS_KEPT = 4096  # answers kept per model version, date and scenarios (each a few KB)


class _ViewCaches:
    def __init__(self) -> None:
        self.ok: dict[str, bool] = {}
        self.out: dict[tuple[str, str], list[str]] = {}
        self.into: dict[tuple[str, str], list[str]] = {}
        self.homes: dict[str, _Home] = {}
        self.ancestors: dict[str, list[str]] = {}
        self.facts: dict[tuple[str, tuple[str, ...], str | None], _Facts] = {}
        self.answers: dict[tuple[Any, ...], dict[str, Any]] = {}
        self.candidates: dict[tuple[tuple[str, float], ...], list[_Cand]] = {}


class _View:
    """The model on one date under chosen scenarios: in-force neighbours and the structure graph."""

    def __init__(self, model: Model, on: dt.date | None, scenarios: tuple[str, ...]) -> None:
        self.model, self.g, self.on, self.scen = model, model.nx, on, scenarios
        # neighbours, in-force checks and askers' homes, kept per model version, date and scenarios (the
        # caches hold ids only, never the model, so the model can still be garbage-collected)
        c = memo(model, ("contact-view", on, scenarios), _ViewCaches)
        self._ok, self._out, self._into, self._homes, self._ancestors = c.ok, c.out, c.into, c.homes, c.ancestors
        self._facts, self._cands, self.answers = c.facts, c.candidates, c.answers

    def facts(self, c: _Cand, channels: tuple[str, ...]) -> _Facts:
        """What ranks a candidate whoever asks: anchors, channel origins, sectors, status (cached)."""
        key = (c.who, channels, c.requirement)
        hit = self._facts.get(key)
        if hit is None:
            anchors = frozenset(_anchors(self, c.who))
            froms = {f for ch in channels for f in self.into(ch, "channel_from")}
            if self.kind(c.who) == "channel":
                froms |= set(self.into(c.who, "channel_from"))
            sectors = frozenset(self.g.nodes[a].get("sector") for x in anchors for a in {x, *self.ancestors(x)})
            status, note = _status(self, c, channels)
            hit = self._facts[key] = _Facts(anchors, frozenset(froms), sectors, status, note)
        return hit

    def candidates(self, matches: tuple[TopicMatch, ...]) -> list[_Cand]:
        key = tuple((m.id, m.score) for m in matches)
        hit = self._cands.get(key)
        if hit is None:
            hit = self._cands[key] = _candidates(self, matches)
        return hit

    def ok(self, nid: str) -> bool:
        hit = self._ok.get(nid)
        if hit is None:
            hit = self._ok[nid] = in_force(self.g.nodes[nid], self.on, self.scen)
        return hit

    def out(self, nid: str, kind: str) -> list[str]:
        hit = self._out.get((nid, kind))
        if hit is None:
            edges = self.g.out_edges(nid, data=True)
            hit = self._out[nid, kind] = sorted(v for _, v, e in edges if e["kind"] == kind and self._e(v, e))
        return list(hit)

    def into(self, nid: str, kind: str) -> list[str]:
        hit = self._into.get((nid, kind))
        if hit is None:
            edges = self.g.in_edges(nid, data=True)
            hit = self._into[nid, kind] = sorted(u for u, _, e in edges if e["kind"] == kind and self._e(u, e))
        return list(hit)

    def ancestors(self, nid: str) -> list[str]:
        hit = self._ancestors.get(nid)
        if hit is None:
            hit = self._ancestors[nid] = _ancestors(self.g, nid)
        return hit

    def home(self, asker: str) -> _Home:
        """Where ``asker`` stands (kept for the most recent askers of this date)."""
        hit = self._homes.get(asker)
        if hit is None:
            if len(self._homes) >= _HOMES_KEPT:
                self._homes.clear()
            hit = self._homes[asker] = _Home(self, asker)
        return hit

    def _e(self, other: str, e: dict[str, Any]) -> bool:
        return in_force(e, self.on, self.scen) and self.ok(other)

    def kind(self, nid: str) -> str:
        return str(self.g.nodes[nid]["kind"])

    def proposed(self, *nids: str) -> bool:
        return any(self.g.nodes[n].get("status") == "proposed" for n in nids)

    def structure(self) -> nx.Graph:
        """Undirected structure (no channels, no topics), cached per model, date and scenarios."""
        return memo(self.model, ("contact-structure", self.on, self.scen), self._build_structure)

    def _build_structure(self) -> nx.Graph:
        und = nx.Graph()
        for u, v, e in self.g.edges(data=True):
            wanted = e["kind"] in _STRUCTURE and not und.has_edge(u, v)
            if wanted and in_force(e, self.on, self.scen) and self.ok(u) and self.ok(v):
                und.add_edge(u, v, kind=e["kind"], source=u)
        return und


class _Home:
    """Where the asker stands: its organisations, forums, cluster, and the shortest ways out from it."""

    def __init__(self, view: _View, asker: str) -> None:
        self.id = asker
        anchors = _anchors(view, asker)
        self.up = set(anchors) | {a for x in anchors for a in _ancestors(view.g, x)}
        roots = {_own_root(view, x) for x in anchors}
        self.tree = set(anchors) | {d for r in roots for d in _descendants(view, r)}
        self.channel_from = self.up | {c for x in self.up for c in view.out(x, "member_of")}
        self.forums = _forums_of(view, self.tree) | {a for a in anchors if view.kind(a) in COLLAB_KINDS}
        self.cluster_zone = _cluster_zone(view, self.tree, self.forums)
        und = view.structure()
        self.paths: dict[str, list[str]] = nx.single_source_shortest_path(und, asker) if asker in und else {}

    def tier(self, view: _View, who: str, channels: tuple[str, ...], facts: _Facts | None = None) -> int:
        f = facts or view.facts(_Cand(who, "", 0.0), channels)
        if f.channel_from & self.channel_from:
            return 0
        if f.anchors & self.tree:
            return 1
        if f.anchors & self.forums:
            return 2
        if f.anchors & self.cluster_zone:
            return 3
        if f.sectors & _REGIONAL:
            return 4
        return 5 if "national" in f.sectors else 6


@dataclass(frozen=True)
class _Facts:
    anchors: frozenset[str]
    channel_from: frozenset[str]
    sectors: frozenset[str | None]
    status: str
    note: tuple[tuple[str, str], ...]


def _anchors(view: _View, nid: str) -> list[str]:
    """The organisations and forums an entity belongs to (a post: its forum and whom it represents)."""
    kind = view.kind(nid)
    if kind in _ORG_KINDS:
        return [nid]
    if kind == "post":
        return view.out(nid, "post_in") + view.out(nid, "on_behalf_of")
    if kind == "person":
        return [a for p in view.out(nid, "holds") for a in _anchors(view, p)] + view.out(nid, "member_of")
    if kind == "channel":
        return view.out(nid, "channel_to") or view.into(nid, "channel_from")
    if kind == "contact_point":
        return [a for o in view.into(nid, "contact_point") for a in _anchors(view, o)]
    if kind == "requirement":
        return view.out(nid, "required_in")
    return []


def _own_root(view: _View, nid: str) -> str:
    """The asker's own organisation: up the hierarchy while the sector stays the same.

    A PPR unit belongs to its municipality; a hospital ward to its hospital, not to the whole region
    (whose other hospitals and psychiatry are "in the region", not "your own organisation").
    """
    sector = view.g.nodes[nid].get("sector")
    while True:
        parents = [p for p in view.out(nid, "part_of") if view.g.nodes[p].get("sector") in (sector, None)]
        if not parents or sector is None:
            return nid
        nid = parents[0]


def _ancestors(g: nx.MultiDiGraph, nid: str) -> list[str]:
    out: list[str] = []
    stack = [nid]
    while stack:
        for _, v, k in g.out_edges(stack.pop(), keys=True):
            if k == "part_of" and v not in out and v != nid:
                out.append(v)
                stack.append(v)
    return out


def _descendants(view: _View, nid: str) -> set[str]:
    found = {nid}
    stack = [nid]
    while stack:
        for child in view.into(stack.pop(), "part_of"):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _forums_of(view: _View, tree: set[str]) -> set[str]:
    """Forums where the organisation tree has a member, a seat on its behalf, the secretariat or chair."""
    found: set[str] = set()
    for org in tree:
        found |= {c for c in view.out(org, "member_of") if view.kind(c) in COLLAB_KINDS - {"cluster"}}
        found |= {f for seat in view.into(org, "on_behalf_of") for f in view.out(seat, "post_in")}
        found |= set(view.into(org, "secretariat_in")) | set(view.into(org, "chair_from"))
    return found


def _cluster_zone(view: _View, tree: set[str], forums: set[str]) -> set[str]:
    """The asker's clusters, their steering groups, forums reporting to those, and the members' trees."""
    clusters = {c for org in tree for c in view.out(org, "member_of") if view.kind(c) == "cluster"}
    clusters |= {c for f in forums for c in view.out(f, "cluster_of")}
    zone = set(clusters)
    steering = {g for c in clusters for g in view.into(c, "cluster_of")}
    zone |= steering
    for body in steering:
        for kind in ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with"):
            zone |= set(view.into(body, kind))
    for c in clusters:
        for member in view.into(c, "member_of"):
            zone |= _descendants(view, member)
    return zone


# ------------------------------------------------------------------------------------------------ candidates
@dataclass
class _Cand:
    who: str
    topic: str
    score: float
    channels: set[str] = field(default_factory=set)
    requirement: str | None = None


def _candidates(view: _View, matches: tuple[TopicMatch, ...]) -> list[_Cand]:
    found: dict[tuple[str, str | None], _Cand] = {}
    for match in matches:
        for handler in view.into(match.id, "handles"):
            for cand in _expand(view, handler, match):
                key = (cand.who, cand.requirement)
                old = found.get(key)
                if old is None or cand.score > old.score:
                    if old is not None:
                        cand.channels |= old.channels
                    found[key] = cand
                elif cand.score == old.score:
                    old.channels |= cand.channels
    return list(found.values())


def _expand(view: _View, handler: str, match: TopicMatch) -> Iterable[_Cand]:
    """The contact(s) a handler of the topic stands for: a channel's target, a requirement's body …"""
    kind = view.kind(handler)
    if kind == "channel":
        targets = view.out(handler, "channel_to")
        for t in targets or [handler]:
            yield _Cand(t, match.id, match.score, {handler} if targets else set())
    elif kind == "contact_point":
        for owner in view.into(handler, "contact_point") or [handler]:
            yield _Cand(owner, match.id, match.score)
    elif kind == "requirement":
        named = view.out(handler, "fulfilled_by")
        for body in named or view.out(handler, "required_in"):
            yield _Cand(body, match.id, match.score, requirement=handler)
    elif kind in _DIRECT_KINDS:
        yield _Cand(handler, match.id, match.score)


def _rank(view: _View, home: _Home | None, cands: list[_Cand]) -> list[Answer]:
    answers = _collapse_seats(view, home, [_answer(view, home, c) for c in cands])
    return sorted(answers, key=lambda a: a.sort_key(view.model))


def _collapse_seats(view: _View, home: _Home | None, answers: list[Answer]) -> list[Answer]:
    """Many seats of one forum answering for the same topic are one answer: the forum.

    The 19 municipal seats of a region-wide group all handle the easy-access offer; the asker's own seat
    stays a separate answer, the other eighteen become "the group" with its secretary as the way in.
    """
    groups: dict[tuple[str, str], list[Answer]] = {}
    for a in answers:
        forums = view.out(a.who, "post_in") if view.kind(a.who) == "post" else []
        if forums and view.kind(forums[0]) in COLLAB_KINDS and (a.nearness is None or a.nearness >= 2):
            groups.setdefault((forums[0], a.topic), []).append(a)
    present = {(a.who, a.topic) for a in answers}
    drop: set[int] = set()
    added: list[Answer] = []
    for (forum, topic), seats in groups.items():
        if len(seats) < _COLLAPSE_AT:
            continue
        drop |= {id(a) for a in seats}
        if (forum, topic) in present:
            continue
        best = min(seats, key=lambda a: a.sort_key(view.model))
        example = sorted(a.who for a in seats)[0]
        note = {
            "da": f"{len(seats)} pladser i forummet varetager emnet, fx {view.model.label(example, 'da')}.",
            "en": f"{len(seats)} seats in the forum handle the topic, e.g. {view.model.label(example, 'en')}.",
        }
        why = (
            *_why(view, home, forum, ()),
            Step(forum, "post_in", False, example),
            Step(example, "handles", True, topic),
        )
        status = "proposed" if view.proposed(forum) else "available"
        tier = home.tier(view, forum, ()) if home else None
        dist = len(home.paths.get(forum, [])) - 1 if home and forum in home.paths else 99
        added.append(replace(best, who=forum, nearness=tier, status=status, why=why, note=note, distance=dist))
    return [a for a in answers if id(a) not in drop] + added


def _answer(view: _View, home: _Home | None, c: _Cand) -> Answer:
    channels = tuple(sorted(c.channels))
    f = view.facts(c, channels)
    notes = list(f.note)
    if home and channels and not (f.channel_from & home.channel_from):
        notes.append(_not_your_channel(view, channels, home.id))
    note = {"da": " ".join(n[0] for n in notes), "en": " ".join(n[1] for n in notes)} if notes else None
    tier = home.tier(view, c.who, channels, f) if home else None
    dist = len(home.paths.get(c.who, [])) - 1 if home and c.who in home.paths else 99
    return Answer(c.who, c.topic, c.score, tier, f.status, channels, c.requirement, None, note=note, distance=dist)


def _explained(view: _View, home: _Home | None, a: Answer) -> Answer:
    """Fill in *why* for an answer that will be shown (walking paths for every candidate is the costly part)."""
    if a.why is not None:
        return a
    c = _Cand(a.who, a.topic, a.score, set(a.channels), a.requirement)
    return replace(a, why=_why(view, home, a.who, a.channels) + _closing_steps(view, c, a.channels))


def _status(view: _View, c: _Cand, channels: tuple[str, ...]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """available / proposed / channel_not_open / holder_not_stated / vacant / missing, and why (da, en)."""
    if c.requirement and not view.out(c.requirement, "fulfilled_by"):
        note = _missing_note(view.model, c.who, view.out(c.requirement, "requested_by"))
        return "missing", ((note["da"], note["en"]),)
    if view.kind(c.who) == "post" and not view.into(c.who, "holds"):
        d = view.g.nodes[c.who]
        if d.get("occupancy") == "vacant" or (not d.get("is_seat") and d.get("occupancy") is None):
            return "vacant", (("Pladsen er vakant.", "The post is vacant."),)
        return "holder_not_stated", (
            ("Kilden oplyser ikke, hvem der besætter pladsen.", "The source does not say who holds the post."),
        )
    if channels and all(view.g.nodes[ch].get("state", "not_stated") != "open" for ch in channels):
        return "channel_not_open", (("Kanalen er ikke registreret som åben.", "The channel is not recorded as open."),)
    if view.proposed(c.who, *channels):
        return "proposed", (("Kun foreslået, ikke besluttet.", "Only proposed, not decided."),)
    return "available", ()


def _missing_note(model: Model, body: str, requested_by: list[str]) -> dict[str, str]:
    return {
        "da": f"Der er ikke udpeget en fast kontaktperson i {model.label(body, 'da')} "
        f"(efterspurgt af {_names(model, requested_by, 'da')}).",
        "en": f"No fixed contact person has been named in {model.label(body, 'en')} "
        f"(requested by {_names(model, requested_by, 'en')}).",
    }


def _not_your_channel(view: _View, channels: tuple[str, ...], asker: str) -> tuple[str, str]:
    m = view.model
    froms = sorted({f for ch in channels for f in view.into(ch, "channel_from")})
    return (
        f"Kanalen er registreret fra {_names(m, froms, 'da')} – ikke fra {m.label(asker, 'da')}.",
        f"The channel is recorded from {_names(m, froms, 'en')} – not from {m.label(asker, 'en')}.",
    )


# ------------------------------------------------------------------------------------------------ why
def _why(view: _View, home: _Home | None, target: str, channels: tuple[str, ...]) -> tuple[Step, ...]:
    """Asker → … → target: through the asker's channel where there is one, else the shortest structure path."""
    if home is None:
        return ()
    for ch in channels:
        froms = [f for f in view.into(ch, "channel_from") if f in home.channel_from]
        if froms:
            start = min(froms, key=lambda f: len(home.paths.get(f, [])) or 99)
            lead = _path_steps(view, home.paths.get(start, [home.id]))
            return (*lead, Step(start, "channel_from", True, ch), Step(ch, "channel_to", True, target))
    return _path_steps(view, home.paths.get(target, []))


def _path_steps(view: _View, nodes: list[str]) -> tuple[Step, ...]:
    und = view.structure()
    steps = []
    for a, b in pairwise(nodes):
        e = und.edges[a, b]
        steps.append(Step(a, e["kind"], e["source"] == a, b))
    return tuple(steps)


def _closing_steps(view: _View, c: _Cand, channels: tuple[str, ...]) -> tuple[Step, ...]:
    if c.requirement:
        return (Step(c.requirement, "required_in", True, c.who),)
    handler = c.who if (not channels or c.topic in view.out(c.who, "handles")) else channels[0]
    return (Step(handler, "handles", True, c.topic),)


# ------------------------------------------------------------------------------------------------ fallbacks
def _with_fallbacks(
    view: _View, home: _Home | None, ranked: list[Answer], matches: tuple[TopicMatch, ...], limit: int
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
        for fb in _fallbacks(view, home, a, matches):
            if fb.who not in seen:
                out.append(fb)
                seen.add(fb.who)
    return out[:limit]


def _fallbacks(view: _View, home: _Home | None, a: Answer, matches: tuple[TopicMatch, ...]) -> list[Answer]:
    bodies = _responsible(view, home, a, matches)
    m = view.model
    out = []
    for body in bodies:
        for who in _stand_ins(view, body, exclude=a.who):
            reason = {
                "da": f"I stedet for {m.label(a.who, 'da')}: {(a.note or {}).get('da', '')} "
                f"Henvend dig til {m.label(who, 'da')} for {m.label(body, 'da')}.",
                "en": f"Instead of {m.label(a.who, 'en')}: {(a.note or {}).get('en', '')} "
                f"Ask {m.label(who, 'en')} for {m.label(body, 'en')}.",
            }
            reason = {k: " ".join(v.split()) for k, v in reason.items()}
            tier = home.tier(view, who, ()) if home else None
            why = (*_why(view, home, who, ()), Step(who, "fallback", True, a.who))
            status = "holder_not_stated" if view.kind(who) == "post" and not view.into(who, "holds") else "available"
            out.append(
                replace(
                    a,
                    who=who,
                    nearness=tier,
                    status=status,
                    channels=(),
                    requirement=None,
                    why=why,
                    fallback=True,
                    note=reason,
                )
            )
    return out


def _responsible(view: _View, home: _Home | None, a: Answer, matches: tuple[TopicMatch, ...]) -> list[str]:
    """The forum or organisation that should answer instead."""
    if a.requirement is None:
        return view.out(a.who, "post_in")
    req = a.requirement
    asked = [b for b in view.out(req, "requested_by") if view.kind(b) in COLLAB_KINDS]
    if asked:
        return asked
    sides = [set(view.out(req, "required_in")), set(view.out(req, "requested_by"))]
    common = set.intersection(*[_forums_of(view, {d for x in side for d in _family(view, x)}) for side in sides])
    if common:
        near = sorted(common & home.forums) if home else []
        return _same_document(view.model, req, near or sorted(common))
    return sorted({h for t in matches for h in view.into(t.id, "handles") if view.kind(h) in COLLAB_KINDS})


def _same_document(model: Model, nid: str, forums: list[str]) -> list[str]:
    """The forums described in the same source document as ``nid`` (the group the request was made in)."""

    def docs(x: str) -> set[str]:
        return {s.title for s in model.sources_of(model.nx.nodes[x].get("sources", ()))}

    mine = docs(nid)
    scored = [(len(docs(f) & mine), f) for f in forums]
    top = max((n for n, _ in scored), default=0)
    return [f for n, f in scored if n == top]


def _stand_ins(view: _View, body: str, exclude: str) -> list[str]:
    """Who answers for a forum: its secretary seats, else its secretariat, else its chair, else itself."""
    if view.kind(body) not in COLLAB_KINDS:
        return [body]
    seats = [s for s in view.into(body, "post_in") if s != exclude and view.g.nodes[s].get("occupancy") != "vacant"]
    for roles in (SECRETARY_ROLES, None, CHAIR_ROLES):
        if roles is None:
            hosts = view.out(body, "secretariat_in")
            if hosts:
                return hosts
            continue
        found = [s for s in seats if view.g.nodes[s].get("role") in roles]
        if found:
            return found
    return [body]


def _family(view: _View, org: str) -> set[str]:
    return _descendants(view, org) | set(_ancestors(view.g, org)) if view.kind(org) in _ORG_KINDS else {org}


def _related_gaps(view: _View, answers: list[Answer]) -> tuple[Gap, ...]:
    """Gaps that explain an incomplete answer: about the contact, its channel, its requirement or body."""
    if not answers:
        return ()
    direct = {x for a in answers for x in (a.who, *a.channels, a.requirement) if x}
    bodies = {o for a in answers if (o := organisation(view.model, a.who))}
    wanted_kinds = ("vacant_seat", "vacant_post", "missing_contact_person", "channel_not_open", "open_question")
    out: list[Gap] = []
    # none of the wanted kinds needs the network-wide single points of contact: skip computing them
    for gap in local_gaps(view.model, view.on or dt.date.today(), view.scen):
        if gap.kind in wanted_kinds and _explains(view, gap, direct, bodies) and gap not in out:
            out.append(gap)
    return tuple(out)


def _explains(view: _View, gap: Gap, direct: set[str], bodies: set[str]) -> bool:
    if gap.entity in direct:
        return True
    if gap.kind in ("channel_not_open", "open_question"):
        return bool(set(gap.context) & direct)
    if gap.kind == "missing_contact_person":
        return bool(set(view.out(gap.entity, "required_in")) & (direct | bodies))
    return False


def _names(model: Model, ids: Iterable[str], lang: str) -> str:
    names = [model.label(i, lang) for i in ids]
    conj = " og " if lang == "da" else " and "
    return ", ".join(names[:-1]) + conj + names[-1] if len(names) > 1 else "".join(names)
