"""Gaps: what is missing, empty, unplaced, overdue or fragile in the collaboration structure.

A coordinator asks "where does our structure leak?". Every finding names the entity, a gap kind
code, a severity and one sentence in Danish and English, with the sources that show it:

================================  ========  ==========================================================
kind                              severity  what
================================  ========  ==========================================================
``vacant_seat``                   high      a forum seat recorded as vacant
``vacant_post``                   medium    a post (third-party data) with no holder ("N.N.")
``missing_contact_person``        high      a requested fixed contact person nobody has been named for
``deadline_passed``               high      a terms-of-reference deadline passed with no recorded outcome
``single_point_of_contact``       high      one person/post whose loss cuts one sector off from another
``no_chair`` / ``no_secretariat`` medium+   a forum without chair / secretariat / mandate / upward line;
``no_mandate`` / ``no_reporting_line``      when the source says it leaves this open: ``*_not_stated``, low
``mandate_not_approved``          medium    every terms of reference of the forum is only a draft/proposal
``member_without_seat``           medium    a member of a collaboration that has seats, but none for it
``no_decision_authority``         medium    the forum asks for decision authority, a represented
                                            organisation's seats do not carry it
``responsibility_not_placed``     medium    a responsibility without ``placed_with``
``channel_not_open``              medium/   channels being set up / requested (medium) or of unknown
                                  low       state (low); channels sharing an open question are one gap
``term_ended``                    medium    a membership or holding whose term has ended
``ending_soon``                   low       a forum, cluster, membership or line ending within 90 days
``open_question``                 low       anything else the sources leave open
================================  ========  ==========================================================

Only elements in force on the date (``in_force``) count; the date defaults to today because deadlines
and terms need one. Single points of contact come from ``graph.fragility`` (articulation points of
the collaboration network, computed once per model, date and scenarios).

``scope`` restricts the report to an entity and what lies beneath it: its parts, the seats in it or
on its behalf (and their holders), forums it hosts (secretariat or chair), its channels,
requirements, responsibilities, mandates and the open questions about any of these.

JSON shape of ``GapReport.as_json(lang)`` (stable; every entity is a ``model.ref``)::

    {
      "scope": Ref | null,
      "date": "YYYY-MM-DD",
      "scenarios": [str],
      "summary": {"total": int, "high": int, "medium": int, "low": int, "by_kind": {kind: int}},
      "gaps": [
        {"kind": str, "severity": "high" | "medium" | "low",
         "entity": Ref,                   # what the gap is about
         "text": str,                     # one sentence in ``lang``
         "context": [Ref],                # the forum, requester, other channels … involved
         "question": Ref | null,          # the open question in the source, where one says so
         "sources": [Source]}             # SourceRef.as_json()
      ]
    }
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import Literal, URIRef

from graph.applicability import check_scenarios, require_in_force
from graph.cache import memo
from graph.fragility import Cut, single_points
from graph.model import Model, in_force
from ontology.namespace import PROV, RDFS, SK, SKOS

__all__ = [
    "GAP_KINDS",
    "SEVERITIES",
    "Cut",
    "Gap",
    "GapReport",
    "all_gaps",
    "find_gaps",
    "local_gaps",
    "single_points",
]

SEVERITIES = ("high", "medium", "low")
GAP_KINDS = (
    "vacant_seat",
    "missing_contact_person",
    "deadline_passed",
    "single_point_of_contact",
    "no_chair",
    "no_secretariat",
    "no_mandate",
    "no_reporting_line",
    "mandate_not_approved",
    "vacant_post",
    "member_without_seat",
    "no_decision_authority",
    "responsibility_not_placed",
    "channel_not_open",
    "term_ended",
    "chair_not_stated",
    "secretariat_not_stated",
    "mandate_not_stated",
    "reporting_line_not_stated",
    "ending_soon",
    "open_question",
)
ENDING_SOON_DAYS = 90
_LIST_AT_MOST = 5  # names listed in one grouped gap before "and others"
_FORUM_KINDS = ("forum", "partnership")
_COLLAB_KINDS = ("forum", "partnership", "collaboration", "cluster")
_UPWARD = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
_SECTOR_WORDS = {
    "municipal": ("kommunerne", "the municipalities"),
    "somatic": ("somatikken", "the somatic hospitals"),
    "psychiatry": ("psykiatrien", "psychiatry"),
    "general_practice": ("almen praksis", "general practice"),
    "region": ("regionen", "the region"),
    "national": ("nationale aktører", "national bodies"),
}
# state → ((as a sentence), (as a short note)), each (da, en)
_STATE_WORDS = {
    "being_set_up": (("er under oprettelse", "is being set up"), ("under oprettelse", "being set up")),
    "requested": (("er efterspurgt, men ikke oprettet", "is requested but not set up"), ("efterspurgt", "requested")),
    "not_stated": (("har ingen oplyst tilstand", "has no stated state"), ("tilstand ikke oplyst", "state not stated")),
}
# (aspect in sk:OpenQuestion, gap kind when missing, kind when the source says it is open, severity)
_FORUM_ASPECTS = (
    ("chair", "no_chair", "chair_not_stated", "high"),
    ("secretariat", "no_secretariat", "secretariat_not_stated", "medium"),
    ("mandate", "no_mandate", "mandate_not_stated", "medium"),
    ("reportingLine", "no_reporting_line", "reporting_line_not_stated", "medium"),
)
# aspect → ((what is missing), (what the source leaves open, as a clause)), each (da, en)
_ASPECT_WORDS = {
    "chair": (
        ("ingen formand", "no chair"),
        ("kilden oplyser ikke, hvem der er formand", "the source does not say who chairs it"),
    ),
    "secretariat": (
        ("intet sekretariat", "no secretariat"),
        ("kilden oplyser ikke, hvem der er sekretariat", "the source does not say who provides the secretariat"),
    ),
    "mandate": (
        ("intet kommissorium", "no terms of reference"),
        ("kommissoriet foreligger ikke i kilderne", "its terms of reference are not among the sources"),
    ),
    "reportingLine": (
        ("ingen linje opad (hvem den refererer til)", "no upward line (whom it reports to)"),
        ("kilden oplyser ikke, hvem den refererer til", "the source does not say whom it reports to"),
    ),
}


class _Gen(str):
    """An entity id to be written in the genitive ("Almen praksis' plads", "BUA's seat")."""


@dataclass(frozen=True)
class Gap:
    """One gap: what, how serious, about which entity, in words, and where the sources say so."""

    kind: str
    severity: str
    entity: str
    text: Mapping[str, str]
    context: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    question: str | None = None

    @property
    def order(self) -> tuple[int, int]:
        return (SEVERITIES.index(self.severity), GAP_KINDS.index(self.kind))

    def touches(self, ids: set[str]) -> bool:
        return self.entity in ids or any(c in ids for c in self.context) or (self.question or "") in ids

    def as_json(self, model: Model, lang: str = "da") -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "entity": model.ref(self.entity, lang),
            "text": self.text.get(lang) or self.text["da"],
            "context": [model.ref(c, lang) for c in self.context],
            "question": model.ref(self.question, lang) if self.question else None,
            "sources": [s.as_json() for s in model.sources_of(self.sources)],
        }


@dataclass(frozen=True)
class GapReport:
    """All gaps in scope on a date, most serious first."""

    scope: str | None
    on: dt.date
    scenarios: tuple[str, ...]
    gaps: tuple[Gap, ...]
    model: Model = field(repr=False, compare=False)

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        counts = Counter(g.severity for g in self.gaps)
        return {
            "scope": self.model.ref(self.scope, lang) if self.scope else None,
            "date": self.on.isoformat(),
            "scenarios": list(self.scenarios),
            "summary": {
                "total": len(self.gaps),
                **{s: counts.get(s, 0) for s in SEVERITIES},
                "by_kind": dict(Counter(g.kind for g in self.gaps)),
            },
            "gaps": [g.as_json(self.model, lang) for g in self.gaps],
        }


# ------------------------------------------------------------------------------------------------ queries
def find_gaps(
    model: Model, *, scope: str | None = None, on: dt.date | None = None, scenarios: Iterable[str] = ()
) -> GapReport:
    """Every gap in force on ``on`` (default today), optionally within ``scope`` (name or IRI).

    Raises EntityNotFound / AmbiguousEntity for the scope, InputError for an unknown scenario.
    """
    scen = check_scenarios(model, scenarios)
    day = on or dt.date.today()
    root = model.resolve(scope) if scope else None
    if root is not None:
        require_in_force(model, root, day, scen)
    found = all_gaps(model, day, scen)
    if root is not None:
        within = _scope_ids(model, root, day, scen)
        found = tuple(g for g in found if g.touches(within))
    return GapReport(scope=root, on=day, scenarios=scen, gaps=found, model=model)


def all_gaps(model: Model, on: dt.date, scenarios: tuple[str, ...]) -> tuple[Gap, ...]:
    """Every gap of the whole model on a date (cached per model, date and scenarios)."""
    return memo(model, ("gaps", on, scenarios), lambda: _collect(_Ctx(model, on, scenarios)))


def local_gaps(model: Model, on: dt.date, scenarios: tuple[str, ...]) -> tuple[Gap, ...]:
    """``all_gaps`` without ``single_point_of_contact`` (the one kind that needs the whole network's
    articulation points, two thirds of the cost); every other gap is the same. Cached the same way."""
    return memo(model, ("gaps-local", on, scenarios), lambda: _collect(_Ctx(model, on, scenarios), local=True))


# ------------------------------------------------------------------------------------------------ collecting
class _Ctx:
    """The model, date and scenarios, with the in-force checks every collector needs."""

    def __init__(self, model: Model, on: dt.date, scenarios: tuple[str, ...]) -> None:
        self.model, self.g, self.on, self.scen = model, model.nx, on, scenarios
        self.used_questions: set[str] = set()

    def ok(self, nid: str) -> bool:
        return in_force(self.g.nodes[nid], self.on, self.scen)

    def nodes(self, *kinds: str) -> list[str]:
        return sorted(n for n, k in self.g.nodes(data="kind") if k in kinds and self.ok(n))

    def out(self, nid: str, kind: str) -> list[str]:
        """In-force neighbours, sorted: answers must not depend on the order the data was loaded in."""
        return sorted(v for _, v, e in self.g.out_edges(nid, data=True) if e["kind"] == kind and self._e(v, e))

    def into(self, nid: str, kind: str) -> list[str]:
        return sorted(u for u, _, e in self.g.in_edges(nid, data=True) if e["kind"] == kind and self._e(u, e))

    def _e(self, other: str, e: dict[str, Any]) -> bool:
        return in_force(e, self.on, self.scen) and self.ok(other)

    def srcs(self, *nids: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for n in nids if n in self.g for s in self.g.nodes[n].get("sources", ())))

    def questions(self, nid: str, aspect: str | None = None) -> list[str]:
        return sorted(q for q in self.into(nid, "about") if aspect is None or self.g.nodes[q].get("aspect") == aspect)

    def comment(self, nid: str, lang: str) -> str:
        pairs = self.g.nodes[nid].get("comment") or {}
        texts = pairs.get(lang) or pairs.get("da") or []
        return " ".join(texts) or self.model.label(nid, lang)

    def say(self, da: str, en: str, **parts: Any) -> dict[str, str]:
        """The sentence in both languages; ``parts`` are ids, lists of ids or {"da","en"} texts."""
        return {
            lang: tpl.format(**{k: self.words(v, lang) for k, v in parts.items()})
            for lang, tpl in (("da", da), ("en", en))
        }

    def words(self, value: Any, lang: str) -> str:
        if isinstance(value, _Gen):
            name = self.model.label(str(value), lang)
            return name + ("'" if name[-1:].lower() in ("s", "x", "z") else ("s" if lang == "da" else "'s"))
        if isinstance(value, Mapping):
            return str(value.get(lang) or value.get("da") or "")
        if isinstance(value, str):
            return self.model.label(value, lang) if value in self.g else value
        return _join([self.model.label(v, lang) for v in value], "og" if lang == "da" else "and")


def _collect(c: _Ctx, *, local: bool = False) -> tuple[Gap, ...]:
    found: list[Gap] = []
    for collector in (
        _seats,
        _requirements,
        _deadlines,
        _forums,
        _members,
        _responsibilities,
        _channels,
        _terms,
        _single_points,
        _open_questions,  # last: reports only questions no other gap has used
    ):
        if local and collector is _single_points:  # marks no question as used: the others are unaffected
            continue
        found.extend(collector(c))
    return tuple(sorted(found, key=lambda g: (*g.order, c.model.label(g.entity), g.entity)))


def _seats(c: _Ctx) -> Iterable[Gap]:
    for post in c.nodes("post"):
        d = c.g.nodes[post]
        if c.into(post, "holds") or d.get("occupancy") in ("held", "not_stated"):
            continue
        if d.get("is_seat") and d.get("occupancy") != "vacant":
            continue  # a seat with no occupancy stated is a validation matter, not a gap
        where = c.out(post, "post_in")
        behalf = c.out(post, "on_behalf_of")
        if d.get("is_seat"):
            text = c.say(
                "Pladsen »{p}« i {w} er vakant{b}.",
                "The seat “{p}” in {w} is vacant{b}.",
                p=post,
                w=where,
                b={
                    "da": f" – den skal besættes for {c.words(behalf, 'da')}" if behalf else "",
                    "en": f" – it is to be filled for {c.words(behalf, 'en')}" if behalf else "",
                },
            )
            yield Gap("vacant_seat", "high", post, text, tuple(where + behalf), c.srcs(post))
        else:
            nn = _rdfs_comment(c.model, post)
            note = (
                {"da": f" (kilden skriver »{nn}«)", "en": f" (the source says “{nn}”)"} if nn else {"da": "", "en": ""}
            )
            text = c.say(
                "Stillingen »{p}« i {w} har ingen indehaver{n}.",
                "The post “{p}” in {w} has no holder{n}.",
                p=post,
                w=where,
                n=note,
            )
            yield Gap("vacant_post", "medium", post, text, tuple(where), c.srcs(post))


def _requirements(c: _Ctx) -> Iterable[Gap]:
    reqs = [r for r in c.nodes("requirement") if not c.out(r, "fulfilled_by")]
    pairs = {(frozenset(c.out(r, "required_in")), frozenset(c.out(r, "requested_by"))) for r in reqs}
    for r in reqs:
        where, by = c.out(r, "required_in"), c.out(r, "requested_by")
        mutual = any(set(by) & set(w) and set(where) & set(b) for w, b in pairs)
        text = c.say(
            "{by} har efterspurgt en fast kontaktperson i {where}, men ingen er udpeget{m}.",
            "{by} asked for a fixed contact person in {where}, but nobody has been named{m}.",
            by=sorted(by),
            where=sorted(where),
            m={"da": " (efterspurgt begge veje)", "en": " (asked for in both directions)"} if mutual else {},
        )
        yield Gap("missing_contact_person", "high", r, text, tuple(sorted(where) + sorted(by)), c.srcs(r))


def _deadlines(c: _Ctx) -> Iterable[Gap]:
    rdf = c.model.facts
    for forum in c.nodes(*_COLLAB_KINDS):
        for mandate in c.out(forum, "has_mandate"):
            for dl in rdf.objects(URIRef(mandate), SK.deadline):
                due = rdf.value(dl, SK.dueDate)
                if not isinstance(due, Literal) or not isinstance(due.toPython(), dt.date):
                    continue
                if due.toPython() >= c.on or rdf.value(dl, SK.outcome) is not None:
                    continue
                what = {lang: _literal(rdf, dl, lang) for lang in ("da", "en")}
                text = c.say(
                    "Fristen {d} for {f} er overskredet, og intet resultat er registreret: {w}.",
                    "The deadline {d} of {f} has passed with no recorded outcome: {w}.",
                    d=due.toPython().isoformat(),
                    f=forum,
                    w={k: v.rstrip(".") for k, v in what.items()},
                )
                srcs = tuple(str(s) for s in rdf.objects(dl, PROV.wasDerivedFrom)) or c.srcs(mandate)
                yield Gap("deadline_passed", "high", forum, text, (mandate,), srcs)


def _forums(c: _Ctx) -> Iterable[Gap]:
    for forum in c.nodes(*_FORUM_KINDS):
        seats = c.into(forum, "post_in")
        roles = {c.g.nodes[s].get("role") for s in seats}
        present = {
            "chair": bool(roles & {"chair", "co_chair"}) or bool(c.out(forum, "chair_from")),
            "secretariat": bool(roles & {"secretary"}) or bool(c.out(forum, "secretariat_in")),
            "mandate": bool(c.out(forum, "has_mandate")),
            "reportingLine": any(c.out(forum, k) for k in _UPWARD),
        }
        soft = c.g.nodes[forum].get("status") == "proposed" or c.g.nodes[forum]["kind"] == "partnership"
        for aspect, missing, not_stated, severity in _FORUM_ASPECTS:
            qs = c.questions(forum, aspect) + [q for s in seats for q in c.questions(s, aspect)]
            if present[aspect] and not qs:
                continue
            severity = _softer(severity) if soft else severity  # a proposal or partnership need not have it yet
            yield from _forum_gap(c, forum, aspect, missing, not_stated, severity, present[aspect], qs)
        yield from _mandate_approval(c, forum)


def _forum_gap(
    c: _Ctx, forum: str, aspect: str, missing: str, not_stated: str, severity: str, present: bool, qs: list[str]
) -> Iterable[Gap]:
    (no_da, no_en), (what_da, what_en) = _ASPECT_WORDS[aspect]
    if qs:
        c.used_questions.update(qs)
        q = qs[0]
        text = c.say(
            "{f}: {a} – {q}",
            "{f}: {a} – {q}",
            f=forum,
            a={"da": what_da, "en": what_en},
            q={lang: c.comment(q, lang) for lang in ("da", "en")},
        )
        yield Gap(not_stated, "low", forum, text, tuple(qs), c.srcs(*qs), q)
    elif not present and not (aspect == "reportingLine" and any(c.into(forum, k) for k in _UPWARD)):
        # a body others report to and that reports nowhere is the top of the structure, not a gap
        text = c.say("{f} har {a} i dataene.", "{f} has {a} in the data.", f=forum, a={"da": no_da, "en": no_en})
        yield Gap(missing, severity, forum, text, (), c.srcs(forum))


def _mandate_approval(c: _Ctx, forum: str) -> Iterable[Gap]:
    mandates = c.out(forum, "has_mandate")
    if not mandates or any(c.g.nodes[m].get("status") not in ("proposed",) for m in mandates):
        return
    qs = sorted({q for m in mandates for q in c.questions(m)})
    c.used_questions.update(qs)
    text = c.say(
        "{g} kommissorium foreligger kun som udkast eller forslag{q}.",
        "The terms of reference of {f} exist only as a draft or proposal{q}.",
        f=forum,
        g=_Gen(forum),
        q={lang: (": " + c.comment(qs[0], lang).rstrip(".")) if qs else "" for lang in ("da", "en")},
    )
    yield Gap(
        "mandate_not_approved", "medium", forum, text, tuple(mandates), c.srcs(*mandates, *qs), qs[0] if qs else None
    )


def _members(c: _Ctx) -> Iterable[Gap]:
    for collab in c.nodes(*_COLLAB_KINDS):
        seats = [
            s for s in c.into(collab, "post_in") if c.g.nodes[s].get("role") in (None, "member", "chair", "co_chair")
        ]
        if not seats:
            continue  # clusters and partnerships without seats have members, not representatives
        behalf = {s: set(c.out(s, "on_behalf_of")) for s in seats}
        represented = set().union(*behalf.values())
        for member in c.into(collab, "member_of"):
            if not (_family(c, member) & represented):
                text = c.say(
                    "{m} er medlem af {f}, men har ingen plads i den.",
                    "{m} is a member of {f} but has no seat in it.",
                    m=member,
                    f=collab,
                )
                yield Gap("member_without_seat", "medium", member, text, (collab,), c.srcs(member, collab))
        yield from _decision_authority(c, collab, seats, behalf)


def _decision_authority(c: _Ctx, collab: str, seats: list[str], behalf: dict[str, set[str]]) -> Iterable[Gap]:
    asking = [s for s in seats if c.g.nodes[s].get("decision_authority")]
    if not asking:
        return  # the forum does not ask for decision authority anywhere
    by_org: dict[str, list[str]] = defaultdict(list)
    for s in seats:
        for org in behalf[s]:
            by_org[org].append(s)
    for org, org_seats in sorted(by_org.items()):
        if any(c.g.nodes[s].get("decision_authority") for s in org_seats):
            continue
        text = c.say(
            "{f} kræver repræsentanter med beslutningskompetence ({a}), men det er ikke oplyst for {o} plads.",
            "{f} asks for representatives with decision authority ({a}), but it is not stated for {o} seat.",
            f=collab,
            a=sorted({o for s in asking for o in behalf[s]}),
            o=_Gen(org),
        )
        yield Gap("no_decision_authority", "medium", org, text, (collab, *org_seats), c.srcs(*org_seats))


def _responsibilities(c: _Ctx) -> Iterable[Gap]:
    for r in c.nodes("responsibility"):
        if c.out(r, "placed_with"):
            continue
        qs = c.questions(r)
        c.used_questions.update(qs)
        text = c.say(
            "Ansvaret »{r}« er ikke placeret hos nogen: {x}",
            "The responsibility “{r}” is not placed: {x}",
            r=r,
            x={lang: c.comment(qs[0] if qs else r, lang) for lang in ("da", "en")},
        )
        yield Gap(
            "responsibility_not_placed",
            "medium",
            r,
            text,
            tuple(c.out(r, "responsibility_of")),
            c.srcs(r, *qs),
            qs[0] if qs else None,
        )


def _channels(c: _Ctx) -> Iterable[Gap]:
    """Channels not open, grouped: by the open question that covers them, else by where they lead.

    "3 of 4 channels to PPR are open; 1 is being set up" says more than four separate lines, and keeps a
    national structure's 1,500 school channels readable.
    """
    closed = [ch for ch in c.nodes("channel") if c.g.nodes[ch].get("state", "not_stated") != "open"]
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for ch in closed:
        groups[tuple(c.questions(ch)) or ("to", *c.out(ch, "channel_to"))].append(ch)
    for key, chans in sorted(groups.items()):
        qs = [q for q in key if q in c.g and c.g.nodes[q]["kind"] == "open_question"]
        c.used_questions.update(qs)
        states = sorted({c.g.nodes[ch].get("state", "not_stated") for ch in chans})
        text = _channel_text(c, chans, states, list(key[1:]) if key[0] == "to" else [])
        if qs:
            text = {lang: f"{t} {c.comment(qs[0], lang)}" for lang, t in text.items()}
        severity = "low" if states == ["not_stated"] else "medium"
        context = tuple(chans[1:] + qs)
        yield Gap("channel_not_open", severity, chans[0], text, context, c.srcs(*chans, *qs), qs[0] if qs else None)


def _channel_text(c: _Ctx, chans: list[str], states: list[str], targets: list[str]) -> dict[str, str]:
    short = {lang: ", ".join(_STATE_WORDS[st][1][i] for st in states) for i, lang in enumerate(("da", "en"))}
    if len(chans) == 1 and not targets:
        long = {lang: " / ".join(_STATE_WORDS[st][0][i] for st in states) for i, lang in enumerate(("da", "en"))}
        return c.say("Kanalen »{ch}« {s}.", "The channel “{ch}” {s}.", ch=chans[0], s=long)
    shown = {lang: c.words(chans[:_LIST_AT_MOST], lang) for lang in ("da", "en")}
    if len(chans) > _LIST_AT_MOST:
        more = len(chans) - _LIST_AT_MOST
        shown = {"da": f"{shown['da']} m.fl. (+{more})", "en": f"{shown['en']} and others (+{more})"}
    if not targets:
        return c.say(
            "{n} kanaler er ikke registreret som åbne ({s}): {chs}.",
            "{n} channels are not recorded as open ({s}): {chs}.",
            n=str(len(chans)),
            chs=shown,
            s=short,
        )
    siblings = {ch for t in targets for ch in c.into(t, "channel_to")}
    opened = sum(1 for ch in siblings if c.g.nodes[ch].get("state") == "open")
    return c.say(
        "{o} af {n} kanaler til {t} er åbne; {k} er ikke ({s}): {chs}.",
        "{o} of {n} channels to {t} are open; {k} are not ({s}): {chs}.",
        o=str(opened),
        n=str(len(siblings)),
        t=targets,
        k=str(len(chans)),
        s=short,
        chs=shown,
    )


def _terms(c: _Ctx) -> Iterable[Gap]:
    horizon = c.on + dt.timedelta(days=ENDING_SOON_DAYS)
    for u, v, e in c.g.edges(data=True):
        if e["kind"] not in ("member_of", "holds") or not (c.ok(u) and c.ok(v)):
            continue
        end = e.get("valid_until")
        if e.get("status") == "ended" or (end is not None and end < c.on):
            text = c.say(
                "{u} {r} {v} er ophørt{d}.",
                "{u} {r} {v} has ended{d}.",
                u=_Gen(u),
                v=v,
                r={
                    "da": "medlemskab af" if e["kind"] == "member_of" else "besættelse af",
                    "en": "membership of" if e["kind"] == "member_of" else "holding of",
                },
                d={"da": f" ({end.isoformat()})", "en": f" ({end.isoformat()})"} if end else {},
            )
            yield Gap("term_ended", "medium", u, text, (v,), tuple(e.get("sources") or ()) or c.srcs(u, v))
    for nid in c.nodes(*_COLLAB_KINDS):
        end = c.g.nodes[nid].get("valid_until")
        if end is not None and c.on <= end <= horizon:
            text = c.say(
                "{f} ophører {d} – om {n} dage.",
                "{f} ends on {d} – in {n} days.",
                f=nid,
                d=end.isoformat(),
                n=str((end - c.on).days),
            )
            yield Gap("ending_soon", "low", nid, text, (), c.srcs(nid))


def _open_questions(c: _Ctx) -> Iterable[Gap]:
    for q in c.nodes("open_question"):
        if q in c.used_questions:
            continue
        about = c.out(q, "about")
        text = c.say("{q}: {x}", "{q}: {x}", q=q, x={lang: c.comment(q, lang) for lang in ("da", "en")})
        yield Gap("open_question", "low", about[0] if about else q, text, tuple(about[1:]), c.srcs(q), q)


# ------------------------------------------------------------------------------------------------ single points
def _single_points(c: _Ctx) -> Iterable[Gap]:
    for nid, cut in sorted(single_points(c.model, c.on, c.scen).items()):
        vacant = c.g.nodes[nid].get("occupancy") == "vacant"
        note = {"da": " (pladsen er vakant)", "en": " (the seat is vacant)"} if vacant else {}
        text = c.say(
            "{x}{v} er eneste forbindelse mellem {a} og resten af netværket ({b}): falder den bort, er de afskåret.",
            "{x}{v} is the only link between {a} and the rest of the network ({b}): without it they are cut off.",
            x=nid,
            v=note,
            a=_side(c, cut),
            b=_sectors(cut.rest),
        )
        severity = "high" if cut.whole_sector else "medium"
        yield Gap(
            "single_point_of_contact", severity, nid, text, cut.examples + tuple(c.out(nid, "post_in")), c.srcs(nid)
        )


def _side(c: _Ctx, cut: Cut) -> dict[str, str]:
    sectors = _sectors(cut.cut_off)
    if not cut.examples:
        return sectors
    return {lang: f"{c.words(list(cut.examples), lang)} ({sectors[lang]})" for lang in ("da", "en")}


def _sectors(sectors: frozenset[str]) -> dict[str, str]:
    words = [_SECTOR_WORDS.get(s, (s, s)) for s in sorted(sectors)]
    return {"da": _join([w[0] for w in words], "og"), "en": _join([w[1] for w in words], "and")}


def _join(names: list[str], conj: str) -> str:
    return ", ".join(names[:-1]) + f" {conj} " + names[-1] if len(names) > 1 else "".join(names)


# ------------------------------------------------------------------------------------------------ scope
def _scope_ids(model: Model, root: str, on: dt.date, scen: tuple[str, ...]) -> set[str]:
    """The root and everything beneath it (see the module docstring)."""
    c = _Ctx(model, on, scen)
    within = {root}
    stack = [root]
    while stack:  # parts, all the way down
        for child in c.into(stack.pop(), "part_of"):
            if child not in within:
                within.add(child)
                stack.append(child)
    orgs = set(within)
    hosted = {f for o in orgs for kind in ("secretariat_in", "chair_from") for f in c.into(o, kind)}
    within |= hosted
    for body in orgs | hosted:
        seats = c.into(body, "post_in") + (c.into(body, "on_behalf_of") if body in orgs else [])
        within |= set(seats)
        within |= {p for s in seats for p in c.into(s, "holds")}
        within |= set(c.out(body, "channel_from")) | set(c.into(body, "channel_to"))
        within |= set(c.out(body, "has_mandate"))
        for kind in ("required_in", "requested_by", "responsibility_of"):
            within |= set(c.into(body, kind))
    within |= {q for n in list(within) for q in c.questions(n)}
    return within


# ------------------------------------------------------------------------------------------------ helpers
def _softer(severity: str) -> str:
    return SEVERITIES[min(SEVERITIES.index(severity) + 1, len(SEVERITIES) - 1)]


def _family(c: _Ctx, org: str) -> set[str]:
    """An organisation with its parts and parents: a seat for BUA represents Psykiatrien too."""
    fam = {org}
    stack = [org]
    while stack:
        for child in c.into(stack.pop(), "part_of"):
            if child not in fam:
                fam.add(child)
                stack.append(child)
    up = org
    seen = {org}
    while True:
        parents = [p for p in c.out(up, "part_of") if p not in seen]
        if not parents:
            break
        up = parents[0]
        seen.add(up)
        fam.add(up)
    return fam


def _rdfs_comment(model: Model, nid: str) -> str | None:
    values = [str(o) for o in model.facts.objects(URIRef(nid), RDFS.comment) if isinstance(o, Literal)]
    return values[0] if values else None


def _literal(rdf: Any, node: Any, lang: str) -> str:
    by = {(o.language or "da"): str(o) for o in rdf.objects(node, SKOS.prefLabel) if isinstance(o, Literal)}
    if not by:
        by = {(o.language or "da"): str(o) for o in rdf.objects(node, RDFS.comment) if isinstance(o, Literal)}
    return by.get(lang) or by.get("da") or next(iter(by.values()), str(node))
