"""Gap finders for forums and collaborations: chair, secretariat, terms of reference and upward line,
draft-only terms of reference, passed deadlines, members without a seat, decision authority."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from graph.facts import Facts, Lit, Term, as_str, python_value
from graph.gap_types import Gap, GapCtx, Genitive, softer
from ontology.iris import PROV, RDFS, SK, SKOS

__all__ = ["FORUM_ASPECTS", "FORUM_KINDS", "deadlines", "forums", "members", "reports_question"]

FORUM_KINDS = ("forum", "partnership")
_COLLAB_KINDS = ("forum", "partnership", "collaboration", "cluster")
_UPWARD = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
# (aspect in sk:OpenQuestion, gap kind when missing, kind when the source says it is open, severity)
FORUM_ASPECTS = (
    ("chair", "no_chair", "chair_not_stated", "high"),
    ("secretariat", "no_secretariat", "secretariat_not_stated", "medium"),
    ("mandate", "no_mandate", "mandate_not_stated", "medium"),
    ("reportingLine", "no_reporting_line", "reporting_line_not_stated", "medium"),
)
_ASPECTS = tuple(aspect for aspect, *_ in FORUM_ASPECTS)
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


def forums(c: GapCtx) -> Iterable[Gap]:
    for forum in c.nodes(*FORUM_KINDS):
        seats = c.into(forum, "post_in")
        roles = {c.g.nodes[s].get("role") for s in seats}
        present = {
            "chair": bool(roles & {"chair", "co_chair"}) or bool(c.out(forum, "chair_from")),
            "secretariat": bool(roles & {"secretary"}) or bool(c.out(forum, "secretariat_in")),
            "mandate": bool(c.out(forum, "has_mandate")),
            "reportingLine": any(c.out(forum, k) for k in _UPWARD),
        }
        soft = c.g.nodes[forum].get("status") == "proposed" or c.g.nodes[forum]["kind"] == "partnership"
        for aspect, missing, not_stated, severity in FORUM_ASPECTS:
            qs = aspect_questions(c, forum, aspect)
            if present[aspect] and not qs:
                continue
            severity = softer(severity) if soft else severity  # a proposal or partnership need not have it yet
            yield from _forum_gap(c, forum, aspect, missing, not_stated, severity, present[aspect], qs)
        yield from _mandate_approval(c, forum)


def aspect_questions(c: GapCtx, forum: str, aspect: str) -> list[str]:
    """The open questions on ``aspect`` about a forum or one of its seats: its forum gap reports them."""
    return c.questions(forum, aspect) + [q for s in c.into(forum, "post_in") for q in c.questions(s, aspect)]


def draft_mandates(c: GapCtx, forum: str) -> list[str]:
    """The forum's terms of reference when every one is only a draft or proposal, else none: the
    ``mandate_not_approved`` gap is about them and reports the open questions about them."""
    mandates = c.out(forum, "has_mandate")
    return [] if any(c.g.nodes[m].get("status") not in ("proposed",) for m in mandates) else list(mandates)


def reports_question(c: GapCtx, q: str) -> bool:
    """Whether ``forums`` reports open question ``q`` (so ``open_questions`` does not): asked of one
    question, the same rules as the finder's ``aspect_questions`` and ``draft_mandates``."""
    aspect = c.g.nodes[q].get("aspect")
    for a in c.out(q, "about"):
        if aspect in _ASPECTS and any(
            c.g.nodes[f]["kind"] in FORUM_KINDS and q in aspect_questions(c, f, aspect)
            for f in (a, *c.out(a, "post_in"))
        ):
            return True
        if any(c.g.nodes[f]["kind"] in FORUM_KINDS and a in draft_mandates(c, f) for f in c.into(a, "has_mandate")):
            return True
    return False


def _forum_gap(
    c: GapCtx, forum: str, aspect: str, missing: str, not_stated: str, severity: str, present: bool, qs: list[str]
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


def _mandate_approval(c: GapCtx, forum: str) -> Iterable[Gap]:
    mandates = draft_mandates(c, forum)
    if not mandates:
        return
    qs = sorted({q for m in mandates for q in c.questions(m)})
    c.used_questions.update(qs)
    text = c.say(
        "{g} kommissorium foreligger kun som udkast eller forslag{q}.",
        "The terms of reference of {f} exist only as a draft or proposal{q}.",
        f=forum,
        g=Genitive(forum),
        q={lang: (": " + c.comment(qs[0], lang).rstrip(".")) if qs else "" for lang in ("da", "en")},
    )
    yield Gap(
        "mandate_not_approved", "medium", forum, text, tuple(mandates), c.srcs(*mandates, *qs), qs[0] if qs else None
    )


def deadlines(c: GapCtx) -> Iterable[Gap]:
    facts = c.model.triple_index()
    for forum in c.nodes(*_COLLAB_KINDS):
        for mandate in c.out(forum, "has_mandate"):
            for dl in facts.objects(mandate, SK.deadline):
                due = facts.value(dl, SK.dueDate)
                if type(due) is not Lit or not isinstance(python_value(due), dt.date):
                    continue
                if python_value(due) >= c.on or facts.value(dl, SK.outcome) is not None:
                    continue
                what = {lang: _literal(facts, dl, lang) for lang in ("da", "en")}
                text = c.say(
                    "Fristen {d} for {f} er overskredet, og intet resultat er registreret: {w}.",
                    "The deadline {d} of {f} has passed with no recorded outcome: {w}.",
                    d=python_value(due).isoformat(),
                    f=forum,
                    w={k: v.rstrip(".") for k, v in what.items()},
                )
                srcs = tuple(as_str(s) for s in facts.objects(dl, PROV.wasDerivedFrom)) or c.srcs(mandate)
                yield Gap("deadline_passed", "high", forum, text, (mandate,), srcs)


def members(c: GapCtx) -> Iterable[Gap]:
    for collab in c.nodes(*_COLLAB_KINDS):
        seats = [
            s for s in c.into(collab, "post_in") if c.g.nodes[s].get("role") in (None, "member", "chair", "co_chair")
        ]
        if not seats:
            continue  # clusters and partnerships without seats have members, not representatives
        behalf = {s: set(c.out(s, "on_behalf_of")) for s in seats}
        represented = set().union(*behalf.values())
        for member in c.into(collab, "member_of"):
            if not (c.view.family(member) & represented):
                text = c.say(
                    "{m} er medlem af {f}, men har ingen plads i den.",
                    "{m} is a member of {f} but has no seat in it.",
                    m=member,
                    f=collab,
                )
                yield Gap("member_without_seat", "medium", member, text, (collab,), c.srcs(member, collab))
        yield from _decision_authority(c, collab, seats, behalf)


def _decision_authority(c: GapCtx, collab: str, seats: list[str], behalf: dict[str, set[str]]) -> Iterable[Gap]:
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
            o=Genitive(org),
        )
        yield Gap("no_decision_authority", "medium", org, text, (collab, *org_seats), c.srcs(*org_seats))


def _literal(facts: Facts, node: Term, lang: str) -> str:
    by = {(o.language or "da"): o.value for o in facts.objects(node, SKOS.prefLabel) if type(o) is Lit}
    if not by:
        by = {(o.language or "da"): o.value for o in facts.objects(node, RDFS.comment) if type(o) is Lit}
    return by.get(lang) or by.get("da") or next(iter(by.values()), as_str(node))
