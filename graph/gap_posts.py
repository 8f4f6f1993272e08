"""Gap finders for posts and duties: vacant seats and posts, missing contact persons, responsibilities
nobody holds, ended terms and bodies ending soon, and the open questions no other finder has reported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from graph.facts import Lit
from graph.gap_forums import reports_question as forum_reports
from graph.gap_network import reports_question as channel_reports
from graph.gap_types import Gap, GapCtx, Genitive, each
from graph.model import Model
from ontology.iris import RDFS

__all__ = [
    "ENDING_SOON_DAYS",
    "open_questions",
    "question_gap",
    "reported_elsewhere",
    "requirement_gap",
    "requirements",
    "responsibilities",
    "responsibility_gap",
    "seat_gap",
    "seats",
    "terms",
    "unplaced",
]

ENDING_SOON_DAYS = 90
_COLLAB_KINDS = ("forum", "partnership", "collaboration", "cluster")


def seats(c: GapCtx) -> Iterable[Gap]:
    return each(c, "post", seat_gap)


def seat_gap(c: GapCtx, post: str) -> Gap | None:
    """The vacant seat or post gap of one in-force post, if it has one."""
    d = c.g.nodes[post]
    if c.into(post, "holds") or d.get("occupancy") in ("held", "not_stated"):
        return None
    if d.get("is_seat") and d.get("occupancy") != "vacant":
        return None  # a seat with no occupancy stated is a validation matter, not a gap
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
        return Gap("vacant_seat", "high", post, text, tuple(where + behalf), c.srcs(post))
    nn = _rdfs_comment(c.model, post)
    note = {"da": f" (kilden skriver »{nn}«)", "en": f" (the source says “{nn}”)"} if nn else {"da": "", "en": ""}
    text = c.say(
        "Stillingen »{p}« i {w} har ingen indehaver{n}.",
        "The post “{p}” in {w} has no holder{n}.",
        p=post,
        w=where,
        n=note,
    )
    return Gap("vacant_post", "medium", post, text, tuple(where), c.srcs(post))


def requirements(c: GapCtx) -> Iterable[Gap]:
    return each(c, "requirement", requirement_gap)


def requirement_gap(c: GapCtx, r: str) -> Gap | None:
    """The missing contact person gap of one in-force requirement nothing fulfils."""
    if c.out(r, "fulfilled_by"):
        return None
    where, by = c.out(r, "required_in"), c.out(r, "requested_by")
    mutual = _mutual(c, r)
    text = c.say(
        "{by} har efterspurgt en fast kontaktperson i {where}, men ingen er udpeget{m}.",
        "{by} asked for a fixed contact person in {where}, but nobody has been named{m}.",
        by=sorted(by),
        where=sorted(where),
        m={"da": " (efterspurgt begge veje)", "en": " (asked for in both directions)"} if mutual else {},
    )
    return Gap("missing_contact_person", "high", r, text, tuple(sorted(where) + sorted(by)), c.srcs(r))


def _mutual(c: GapCtx, r: str) -> bool:
    """Asked for both ways: an unfulfilled requirement in one of those who asked for ``r`` was requested by
    one of the bodies ``r`` is required in."""
    where = set(c.out(r, "required_in"))
    return any(
        c.g.nodes[o]["kind"] == "requirement" and not c.out(o, "fulfilled_by") and where & set(c.out(o, "requested_by"))
        for b in c.out(r, "requested_by")
        for o in c.into(b, "required_in")
    )


def responsibilities(c: GapCtx) -> Iterable[Gap]:
    return each(c, "responsibility", responsibility_gap)


def responsibility_gap(c: GapCtx, r: str) -> Gap | None:
    """The gap of one in-force responsibility placed with nobody (its questions count as used)."""
    if not unplaced(c, r):
        return None
    qs = c.questions(r)
    c.used_questions.update(qs)
    text = c.say(
        "Ansvaret »{r}« er ikke placeret hos nogen: {x}",
        "The responsibility “{r}” is not placed: {x}",
        r=r,
        x={lang: c.comment(qs[0] if qs else r, lang) for lang in ("da", "en")},
    )
    return Gap(
        "responsibility_not_placed",
        "medium",
        r,
        text,
        tuple(c.out(r, "responsibility_of")),
        c.srcs(r, *qs),
        qs[0] if qs else None,
    )


def unplaced(c: GapCtx, r: str) -> bool:
    """A responsibility placed with nobody: ``responsibilities`` reports it and the questions about it."""
    return not c.out(r, "placed_with")


def terms(c: GapCtx) -> Iterable[Gap]:
    horizon = c.on + dt.timedelta(days=ENDING_SOON_DAYS)
    for u, v, _, e in c.g.edges():
        if e["kind"] not in ("member_of", "holds") or not (c.ok(u) and c.ok(v)):
            continue
        end = e.get("valid_until")
        if e.get("status") == "ended" or (end is not None and end < c.on):
            text = c.say(
                "{u} {r} {v} er ophørt{d}.",
                "{u} {r} {v} has ended{d}.",
                u=Genitive(u),
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


def open_questions(c: GapCtx) -> Iterable[Gap]:
    for q in c.nodes("open_question"):
        if q not in c.used_questions:
            yield question_gap(c, q)


def reported_elsewhere(c: GapCtx, q: str) -> bool:
    """Whether a finder before ``open_questions`` reports open question ``q`` (what it adds to
    ``c.used_questions`` in a full run, asked of one question): an aspect of a forum or of one of its
    seats, a forum's draft-only terms of reference, a responsibility placed with nobody, a channel not open."""
    return (
        forum_reports(c, q)
        or channel_reports(c, q)
        or any(c.g.nodes[a]["kind"] == "responsibility" and unplaced(c, a) for a in c.out(q, "about"))
    )


def question_gap(c: GapCtx, q: str) -> Gap:
    """The gap of one open question, about the first thing it is about (itself when about nothing)."""
    about = c.out(q, "about")
    text = c.say("{q}: {x}", "{q}: {x}", q=q, x={lang: c.comment(q, lang) for lang in ("da", "en")})
    return Gap("open_question", "low", about[0] if about else q, text, tuple(about[1:]), c.srcs(q), q)


def _rdfs_comment(model: Model, nid: str) -> str | None:
    values = [o.value for o in model.triple_index().objects(nid, RDFS.comment) if type(o) is Lit]
    return values[0] if values else None
