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

An asker in a municipality gets no other municipality's own service, specific or general: another PPR serves
its own municipality's children (``graph.contact_own``); the answer names what it left out (``left_out``).

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
      "place": {"id", "label", "kind", "answered": bool} | null,   # the place the text named (»PPR i
                                                         # Norddjurs«): the answers keep to it; answered
                                                         # false: nothing there, so the answers do not
      "left_out": {"why": str, "count": int, "who": [Ref], "text": str} | null,  # other municipalities'
                                                         # own services a municipal asker does not get:
                                                         # how many, the first six, one line naming them
                                                         # and counting the rest (``graph.contact_own``)
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
from itertools import chain
from typing import Any, NamedTuple

from graph.applicability import check_scenarios, require_in_force
from graph.contact_facts import the_municipality
from graph.contact_fallbacks import with_fallbacks
from graph.contact_gap_index import prepare_gaps, related_gaps
from graph.contact_home import Home
from graph.contact_home import home as home_of
from graph.contact_index import pool, prepare_places
from graph.contact_json import answer_json
from graph.contact_own import left_out_json
from graph.contact_rank import origin_names, rank
from graph.contact_types import NEARNESS, Answer, Step
from graph.contact_walk import prepare_walks
from graph.contact_why import channel_origins, explained
from graph.errors import AmbiguousEntity, Candidate, EntityNotFound, NotInSources
from graph.gaps import Gap
from graph.model import Model
from graph.topic_place import inside, read_question
from graph.topic_types import EntryMatch, TopicMatch, Understanding
from graph.topics import topic_index, understand
from graph.view import View, view

__all__ = ["ASKER_KINDS", "NEARNESS", "Answer", "ContactAnswer", "Step", "contact", "prepare", "resolve_asker"]

ASKER_KINDS = ("organisation", "unit", "forum", "cluster", "partnership", "collaboration", "post", "person")
_ANSWERS_KEPT = 4096  # answers kept per model version, date and scenarios (each a few KB)
_ROUTES_SHOWN = 5  # general routes named in a "not in the sources" error


# ------------------------------------------------------------------------------------------------ results
class ContactAnswer(NamedTuple):
    """The ranked answers to "who do I contact about X" for one asker on one date."""

    query: str
    topics: tuple[TopicMatch, ...]
    asker: str | None
    on: dt.date | None
    scenarios: tuple[str, ...]
    answers: tuple[Answer, ...]
    gaps: tuple[Gap, ...]
    model: Model
    include_personal: bool = False  # a person's own e-mail/phone only for authenticated callers
    words: tuple[EntryMatch, ...] = ()  # thesaurus words the query was read as
    general: bool = False  # nothing specific: the answers are the asker's general routes
    place: str | None = None  # the place the text named (``graph.topic_place``)
    in_place: bool = True  # the answers keep to the place (False: nothing there, so they do not)
    left_out: tuple[str, ...] = ()  # other municipalities' own services, not for this asker (graph.contact_own)

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
            "place": {**m.ref(self.place, lang), "answered": self.in_place} if self.place else None,
            "left_out": left_out_json(m, self.left_out, lang),
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
    index = topic_index(model)
    texts = {lab.text for lab in index.labels} | set(index.topics)  # every label as typed, ids as links give them
    texts |= {text for e in index.thesaurus.entries.values() for text, _ in e.texts}  # the everyday words
    pools = []
    for text in sorted(texts):
        meaning = understand(model, text)
        pools.append(pool(v, meaning.topics or meaning.general))
    prepare_gaps(v, pools)  # the gaps an answer can cite, and for every candidate the ones it brings
    for t in pools:
        for slot in t.slots:
            if slot.at.channels:
                origin_names(v, slot.at.channel_from)  # named once: a channel open to every municipality names ~100
                channel_origins(v, slot.at.channels)  # where each starts, for the why of an answer through it


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
    routes (``general: true`` on each, after any specific answer). A place the text names (»PPR i Norddjurs«,
    ``graph.topic_place``) keeps the answers to it, unless nothing there answers. Raises NotInSources (an UnknownTopic,
    with the asker's general routes as ``routes``) for text outside the sources, EntityNotFound /
    AmbiguousEntity for the asker, InputError for an unknown scenario or an asker not in force on ``on``.
    """
    scen = check_scenarios(model, scenarios)
    who = resolve_asker(model, asker) if asker else None
    if who is not None:
        require_in_force(model, who, on, scen)
    v = view(model, on, scen)
    topic = " ".join((topic or "").split())  # as it is read, and as the answer repeats it (»Selvskade «, a pasted line)
    try:
        meaning, place = read_question(model, topic)
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
    left_out: dict[str, None] = {}  # other municipalities' own services passed over, in rank order
    answers, general, matches = _answers(v, home, meaning, limit, place, left_out)
    in_place = place is None or bool(answers)
    if not in_place:  # nothing there: say so, and answer as if no place had been named
        answers, general, matches = _answers(v, home, meaning, limit, None, left_out)
    parts: dict[str, Any] = {
        "query": topic,
        "topics": matches,
        "asker": who,
        "on": on,
        "scenarios": scen,
        "answers": tuple(answers),
        "gaps": related_gaps(v, answers, meaning),
        "include_personal": include_personal,
        "words": meaning.entries,
        "general": general,
        "place": place,
        "in_place": in_place,
        "left_out": tuple(left_out),
    }
    if len(kept) >= _ANSWERS_KEPT:
        kept.clear()
    kept[key] = parts
    return ContactAnswer(**parts, model=model)


def _answers(
    v: View, home: Home | None, meaning: Understanding, limit: int, place: str | None, left_out: dict[str, None]
) -> tuple[list[Answer], bool, tuple[TopicMatch, ...]]:
    """The answers (explained, with fallbacks), whether they are general routes, and the topics they answer;
    only those in ``place`` when one is given, else only those serving a municipal asker (the others' ids go
    to ``left_out``)."""
    matches = meaning.topics or meaning.general
    others = left_out if place is None else None  # a named place decides instead of the asker's municipality
    found: Iterator[Answer] = iter(rank(v, home, pool(v, meaning.topics), left_out=others) if meaning.topics else ())
    lazy = (a for a in found if inside(v, a, place)) if place is not None else found
    first = next(lazy, None)  # rank is lazy: peek whether anything specific answers
    ranked: Iterable[Answer] = lazy
    general = first is None and bool(meaning.general)
    if general:
        routes = rank(v, home, pool(v, meaning.general), general=True, left_out=others)
        ranked = _nearest(v, list(routes), place)
        matches = meaning.topics + meaning.general
    elif first is not None:
        ranked = chain([first], ranked)
    return [explained(v, home, a) for a in with_fallbacks(v, home, ranked, matches, max(limit, 1))], general, matches


def _nearest(v: View, answers: list[Answer], place: str | None = None) -> list[Answer]:
    """Of general routes of one kind for one topic, only the nearest: your own PPR, not every PPR (an asker in
    a municipality never gets another's: ``rank`` left those out). A place the question names (»angst i
    Norddjurs«) decides instead: only the routes there."""
    if place is not None:
        answers = [a for a in answers if inside(v, a, place)]
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
    routes = rank(v, home, pool(v, general), general=True, left_out={})  # an error does not name what it left out
    for a in _nearest(v, list(routes)):
        if all(c.id != a.who for c in out):
            out.append(Candidate(a.who, model.label(a.who), v.kind(a.who)))
    return tuple(out[:_ROUTES_SHOWN])


def _names_topic(model: Model, text: str) -> bool:
    """Whether ``text`` is a topic's name (one or several)."""
    try:
        model.resolve(text, kinds=("topic",))
    except AmbiguousEntity:
        return True
    except EntityNotFound:
        return False
    return True


def resolve_asker(model: Model, text: str) -> str:
    """The entity asking; of several equally good names, the one that contains all the others wins, else the
    one municipality among them.

    "Norddjurs" may name both Norddjurs Kommune and "PPR, Norddjurs Kommune"; a person means the
    municipality, which contains the other. "Randers" also names the town's hospital, the cluster and its
    groups: a coordinator giving the town asks from its municipality.
    """
    try:
        return model.resolve(text, kinds=ASKER_KINDS)
    except EntityNotFound as exc:
        if exc.suggestions or not _names_topic(model, text):
            raise
        # a profession typed as the asker (»sundhedsplejen«, »sundhedsplejerske«): the map knows it as a topic only
        raise EntityNotFound(
            exc.query,
            what="asker",
            note=(
                "det er et emne i kortet, ikke en organisation eller enhed: skriv hvor du spørger fra, fx din kommune",
                "that is a topic in the map, not a body: give where you ask from, e.g. your municipality",
            ),
        ) from None
    except AmbiguousEntity as exc:
        ids = [c.id for c in exc.candidates]
        v = view(model, None)
        for cand in ids:
            if all(other == cand or cand in v.ancestors(other) for other in ids):
                return cand
        town = the_municipality(model.adjacency.nodes, ids)  # »Randers«: where a coordinator asks from
        if town is not None:
            return town
        raise
