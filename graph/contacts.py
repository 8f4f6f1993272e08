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
                                                         # (kind "word": a thesaurus word, no topic)
      "matched_topics": [{"id", "label", "kind", "score": float, "via": "id" | "label" | "words"
                          | "broader" | "narrower" | "related", "matched_label": str, "from": Ref | null}],
      "words": [{"id", "label", "kind": "word", "score", "matched_label", "in_domain": bool}],  # thesaurus
      "general": bool,                                   # nothing specific: these are the general routes
      "notices": [str],                                  # what the sources do/do not say (e.g. acute)
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
         "general": bool,                               # true: a general route, not a specific answer
         "note": str | null,                            # vacancy, missing contact person, channel state …
         "status": "available" | "proposed" | "channel_not_open" | "holder_not_stated" | "vacant"
                   | "missing",
         "sources": [str]}                              # ids of the answer's sources (the table below)
      ],
      "gaps": [Gap],                                    # graph.gaps entries about the answers
      "sources": {id: Source}                           # SourceRef.as_json(): document, date, section
    }
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from graph.applicability import check_scenarios, require_in_force
from graph.contact_fallbacks import with_fallbacks
from graph.contact_gaps import cited_gaps
from graph.contact_home import home as home_of
from graph.contact_index import pool, prepare_places
from graph.contact_json import answer_json, organisation
from graph.contact_rank import origin_names, rank
from graph.contact_types import NEARNESS, Answer, Step
from graph.contact_walk import prepare_walks
from graph.contact_why import channel_origins, explained
from graph.errors import AmbiguousEntity, Candidate, NotInSources
from graph.gap_forums import forums
from graph.gap_network import channels
from graph.gap_posts import open_questions, requirements, responsibilities, seats
from graph.gap_requests import outstanding_requests
from graph.gap_types import GapCtx
from graph.gaps import FINDERS, Gap
from graph.model import Model
from graph.topic_types import EntryMatch, TopicMatch, Understanding
from graph.topics import topic_index, understand
from graph.view import View, view

__all__ = ["ASKER_KINDS", "NEARNESS", "Answer", "ContactAnswer", "Step", "contact", "prepare", "resolve_asker"]

ASKER_KINDS = ("organisation", "unit", "forum", "cluster", "partnership", "collaboration", "post", "person")
_ANSWERS_KEPT = 4096  # answers kept per model version, date and scenarios (each a few KB)
_GAP_KINDS = ("vacant_seat", "vacant_post", "missing_contact_person", "channel_not_open", "open_question")
# gaps about what the topic itself is left with: nobody placed, a request still open
_TOPIC_GAP_KINDS = ("responsibility_not_placed", "outstanding_request", "vacant_seat", "missing_contact_person")
# the finders of those kinds, and ``forums`` for the open questions it reports itself (``open_questions``
# reports only the rest): the other finders (members, interfaces, single points …) are most of a national
# report's cost and none of their gaps can explain an answer
_GAP_FINDERS = frozenset(
    {seats, requirements, forums, responsibilities, channels, outstanding_requests, open_questions}
)
_ROUTES_SHOWN = 5  # general routes named in a "not in the sources" error
_TOPIC_GAP_SCORE = 0.5  # topics matched this well (not only as a neighbour) bring their own gaps


# ------------------------------------------------------------------------------------------------ results
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
    words: tuple[EntryMatch, ...] = ()  # thesaurus words the query was read as
    general: bool = False  # nothing specific: the answers are the asker's general routes

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        m = self.model
        sources: dict[str, dict[str, Any]] = {}  # given once; answers cite them by id (graph.contact_json)
        specific = [t for t in self.topics if t.via != "general"]
        if specific:
            topic = m.ref(specific[0].id, lang)
        elif self.words:
            e = self.words[0].entry
            topic = {"id": e.id, "label": e.name(lang), "kind": "word"}
        else:
            topic = m.ref(self.topics[0].id, lang)
        return {
            "topic": {"query": self.query, **topic},
            "matched_topics": [t.as_json(m, lang) for t in self.topics],
            "words": [
                {
                    "id": w.entry.id,
                    "label": w.entry.name(lang),
                    "kind": "word",
                    "score": round(w.score, 3),
                    "matched_label": w.matched,
                    "in_domain": w.entry.in_domain,
                }
                for w in self.words
            ],
            "general": self.general,
            "notices": _notices(self.words, lang),
            "asker": m.ref(self.asker, lang) if self.asker else None,
            "date": self.on.isoformat() if self.on else None,
            "scenarios": list(self.scenarios),
            "answers": [self._answer_json(a, i + 1, lang, sources) for i, a in enumerate(self.answers)],
            "gaps": [g.as_json(m, lang) for g in self.gaps],
            "sources": sources,
        }

    def _answer_json(self, a: Answer, rank: int, lang: str, table: dict[str, dict[str, Any]]) -> dict[str, Any]:
        return answer_json(self.model, a, rank, lang, asker=self.asker, personal=self.include_personal, table=table)


def _notices(words: tuple[EntryMatch, ...], lang: str) -> list[str]:
    out: list[str] = []
    for w in words:
        for note in w.entry.notes.get(lang) or w.entry.notes.get("da", ()):
            if note not in out:
                out.append(note)
    return out


# ------------------------------------------------------------------------------------------------ query
def prepare(model: Model, on: dt.date | None = None, scenarios: Iterable[str] = ()) -> None:
    """Build a date's contact indexes before the first question rather than during it: the structure
    and the walks out from its organisations and forums, where each organisation tree takes part, the
    gaps an answer can cite, the name index, the candidates of every topic and thesaurus word as its own
    label is read, and where their channels start. A server calls this for today at start."""
    v = view(model, on, check_scenarios(model, scenarios))
    model.index.build(ASKER_KINDS)  # the names askers are resolved by, built once per model
    prepare_walks(v)
    prepare_places(v)
    _gap_index(v)
    index = topic_index(model)
    texts = {lab.text for lab in index.labels} | set(index.topics)  # every label as typed, ids as links give them
    texts |= {text for e in index.thesaurus.entries.values() for text, _ in e.texts}  # the everyday words
    of: dict[str, str | None] = v.cached("contact-organisation", dict)  # read by every answer's gaps
    for text in sorted(texts):
        meaning = understand(model, text)
        t = pool(v, meaning.topics or meaning.general)
        for slot in t.slots:
            if slot.at.who not in of:
                of[slot.at.who] = organisation(model, slot.at.who)
            if slot.at.channels:
                origin_names(v, slot.at.channel_from)  # named once: a channel open to every municipality names ~100
                channel_origins(v, slot.at.channels)  # where each starts, for the why of an answer through it
        for forum, _ in t.seats:  # a forum may stand for its seats
            if forum not in of:
                of[forum] = organisation(model, forum)


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

    A word in the domain that no specific topic answers ("angst", "pårørende") gets the asker's general
    routes (``general: true`` on each, after any specific answer). Raises NotInSources (an UnknownTopic,
    with the asker's general routes as ``routes``) for text outside the sources, EntityNotFound /
    AmbiguousEntity for the asker, InputError for an unknown scenario or an asker not in force on ``on``.
    """
    scen = check_scenarios(model, scenarios)
    who = resolve_asker(model, asker) if asker else None
    if who is not None:
        require_in_force(model, who, on, scen)
    v = view(model, on, scen)
    try:
        meaning = understand(model, topic)
    except NotInSources as exc:
        exc.routes = _general_routes(v, who, model)
        if exc.routes:
            names = "; ".join(c.label for c in exc.routes)
            exc.args = (f"{exc.args[0]}. Generelle veje / general routes: {names}",)
        raise
    matches = meaning.topics or meaning.general
    kept: dict[tuple[Any, ...], dict[str, Any]] = v.cached("contact-answers", dict)
    key = (topic, tuple((m.id, m.score) for m in matches), who, limit, include_personal)
    hit = kept.get(key)  # fixed by the data version, date and scenarios; kept without the model
    if hit is not None:
        return ContactAnswer(**hit, model=model)
    home = home_of(v, who) if who else None
    lazy: Iterator[Answer] = iter(rank(v, home, pool(v, meaning.topics)) if meaning.topics else ())
    first = next(lazy, None)  # rank is lazy: peek whether anything specific answers
    ranked: Iterable[Answer] = lazy
    general = first is None and bool(meaning.general)
    if general:
        ranked = _nearest(v, list(rank(v, home, pool(v, meaning.general), general=True)))
        matches = meaning.topics + meaning.general
    elif first is not None:
        ranked = chain([first], ranked)
    answers = [explained(v, home, a) for a in with_fallbacks(v, home, ranked, matches, max(limit, 1))]
    parts: dict[str, Any] = {
        "query": topic,
        "topics": matches,
        "asker": who,
        "on": on,
        "scenarios": scen,
        "answers": tuple(answers),
        "gaps": _related_gaps(v, answers, meaning),
        "include_personal": include_personal,
        "words": meaning.entries,
        "general": general,
    }
    if len(kept) >= _ANSWERS_KEPT:
        kept.clear()
    kept[key] = parts
    return ContactAnswer(**parts, model=model)


def _nearest(v: View, answers: list[Answer]) -> list[Answer]:
    """Of general routes of one kind for one topic, only the nearest: your own PPR, not every PPR."""
    best: dict[tuple[str, str], int] = {}
    for a in answers:
        k = (a.topic, v.kind(a.who))
        best[k] = min(best.get(k, 99), a.nearness if a.nearness is not None else 99)
    return [a for a in answers if (a.nearness if a.nearness is not None else 99) <= best[(a.topic, v.kind(a.who))]]


def _general_routes(v: View, who: str | None, model: Model) -> tuple[Candidate, ...]:
    """The asker's general routes, named in a "not in the sources" error."""
    index = topic_index(model)
    general = tuple(TopicMatch(t, 0.3, "general", "") for t in index.thesaurus.general if t in index.topics)
    if not general:
        return ()
    home = home_of(v, who) if who else None
    out: list[Candidate] = []
    for a in _nearest(v, list(rank(v, home, pool(v, general), general=True))):
        if all(c.id != a.who for c in out):
            out.append(Candidate(a.who, model.label(a.who), v.kind(a.who)))
    return tuple(out[:_ROUTES_SHOWN])


def resolve_asker(model: Model, text: str) -> str:
    """The entity asking; of several equally good names, the one that contains all the others wins.

    "Norddjurs" may name both Norddjurs Kommune and "PPR, Norddjurs Kommune"; a person means the
    municipality, which contains the other.
    """
    try:
        return model.resolve(text, kinds=ASKER_KINDS)
    except AmbiguousEntity as exc:
        ids = [c.id for c in exc.candidates]
        v = view(model, None)
        for cand in ids:
            if all(other == cand or cand in v.ancestors(other) for other in ids):
                return cand
        raise


# ------------------------------------------------------------------------------------------------ gaps
def _related_gaps(v: View, answers: list[Answer], meaning: Understanding) -> tuple[Gap, ...]:
    """Gaps that explain an incomplete answer (about the contact, its channel, its requirement or body)
    and gaps about the topic itself (a responsibility for it placed with nobody, a request still open)."""
    direct = {x for a in answers for x in (a.who, *a.channels, a.requirement) if x}
    of: dict[str, str | None] = v.cached("contact-organisation", dict)  # who → the body it belongs to
    bodies: set[str] = set()
    for a in answers:
        if a.who not in of:
            of[a.who] = organisation(v.model, a.who)
        body = of[a.who]
        if body:
            bodies.add(body)
    topics = {t.id for t in meaning.topics if t.via != "general" and t.score >= _TOPIC_GAP_SCORE}
    if not v.has(_gap_key(v)):  # a one-off question: only the cited nodes' gaps, not every gap of the date
        return cited_gaps(v, direct, bodies, topics, _TOPIC_GAP_KINDS)
    gaps, by_entity, by_context, by_body, by_topic = _gap_index(v)
    hits = {i for x in direct for i in by_entity.get(x, ()) + by_context.get(x, ())}
    hits |= {i for x in direct | bodies for i in by_body.get(x, ())}
    hits |= {i for t in topics for i in by_topic.get(t, ())}  # about the topic: nobody placed, a request open …
    out: list[Gap] = []
    for i in sorted(hits):  # the report's order
        if gaps[i] not in out:
            out.append(gaps[i])
    return tuple(out)


_Index = dict[str, tuple[int, ...]]


def _gap_index(v: View) -> tuple[tuple[Gap, ...], _Index, _Index, _Index, _Index]:
    """The gaps an answer can be explained by, indexed by the ids that make one relevant (kept per view).

    A gap explains an answer when it is about the contact, its channel or requirement; a channel or open
    question gap also when its context names one of those; a missing contact person when it is required
    in the contact or the body it belongs to; a gap about a topic's handler when the topic is asked
    about. None of these kinds needs the network-wide single points.
    """

    day = _gap_key(v)[1]

    def build() -> tuple[tuple[Gap, ...], _Index, _Index, _Index, _Index]:
        gaps = tuple(g for g in _answer_gaps(view(v.model, day, v.scen)) if g.kind in _GAP_KINDS + _TOPIC_GAP_KINDS)
        by_entity: dict[str, list[int]] = {}
        by_context: dict[str, list[int]] = {}
        by_body: dict[str, list[int]] = {}
        by_topic: dict[str, list[int]] = {}
        for i, gap in enumerate(gaps):
            by_entity.setdefault(gap.entity, []).append(i)
            if gap.kind in ("channel_not_open", "open_question"):
                for c in set(gap.context):
                    by_context.setdefault(c, []).append(i)
            if gap.kind == "missing_contact_person":
                for body in v.out(gap.entity, "required_in"):
                    by_body.setdefault(body, []).append(i)
            if gap.kind in _TOPIC_GAP_KINDS:
                for topic in v.out(gap.entity, "handles"):
                    by_topic.setdefault(topic, []).append(i)

        def frozen(d: dict[str, list[int]]) -> _Index:
            return {k: tuple(x) for k, x in d.items()}

        return gaps, frozen(by_entity), frozen(by_context), frozen(by_body), frozen(by_topic)

    return v.cached(_gap_key(v), build)


def _gap_key(v: View) -> tuple[str, dt.date]:
    return ("contact-gap-index", v.on or dt.date.today())  # gaps need a date: without one, today's


def _answer_gaps(v: View) -> list[Gap]:
    """The gaps of ``_GAP_FINDERS``, as ``graph.gaps.local_gaps`` lists them (finder order, then its sort):
    the same gaps of these kinds, in the same order, at a sixth of the cost at national scale."""
    c = GapCtx(v)
    found = [gap for finder in FINDERS if finder in _GAP_FINDERS for gap in finder(c)]
    return sorted(found, key=lambda g: (*g.order, v.model.label(g.entity), g.entity))
