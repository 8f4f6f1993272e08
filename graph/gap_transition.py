"""Gaps a date leaves behind: a body whose upward line ended (its target abolished) and nothing in force took over.

``transition`` says what breaks *on* a date; this finder says, on any later date, which of those breaks are
still open: a forum, unit or organisation in force that had an upward line that ended (the line itself or
the body it led to, e.g. a cluster steering group abolished on 2026-12-31) and has no upward line in force
now that is more than a proposal. What merely proposed lines remain is said in the sentence, so a group
that reaches the top only through a proposal is not mistaken for one that reports somewhere.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.cache import memo
from graph.gap_types import Gap, GapCtx
from graph.model import Model
from graph.view import ORG_KINDS

__all__ = ["upward_line_ended"]


def upward_line_ended(c: GapCtx) -> Iterable[Gap]:
    """``upward_line_ended`` (high): the body's upward lines ended and none in force replaced them."""
    # imported here: a contact answer imports the gap finders it runs, not the reporting-line machinery
    from graph.reporting import LINE_WORDS, ended_lines
    from graph.transition import firm_upward

    can_end = _with_ending_lines(c.model)
    for body in c.nodes(*sorted(ORG_KINDS)):
        if body not in can_end or firm_upward(c.view, body):
            continue
        ended = ended_lines(c.model, body, c.on, c.scen)
        if not ended:
            continue
        remaining = [v for v, keyed in c.g.succ[body].items() for k, e in keyed.items()
                     if k in LINE_WORDS and c.view.edge_ok(e) and c.ok(v)]  # fmt: skip
        lost = [to for to, *_ in ended]
        first_to, first_kind, first_day, _ = ended[0]
        da, en = LINE_WORDS[first_kind]
        text = c.say(
            "{b}: linjen »{r_da} {t}« ophørte {d}, og ingen linje i kraft har afløst den{rest_da}.",
            "{b}: the line “{r_en} {t}” ended on {d}, and no line in force has taken its place{rest_en}.",
            b=body,
            r_da=da,
            r_en=en,
            t=first_to,
            d=first_day.isoformat() if first_day else "?",
            rest_da={"da": f" (kun foreslået: {c.words(remaining, 'da')})" if remaining else ""},
            rest_en={"en": f" (only proposed: {c.words(remaining, 'en')})" if remaining else ""},
        )
        sources = tuple(dict.fromkeys(s for *_, srcs in ended for s in srcs))
        questions = c.questions(body, "reportingLine")
        yield Gap(
            "upward_line_ended",
            "high",
            body,
            text,
            tuple(dict.fromkeys([*lost, *remaining])),
            sources,
            questions[0] if questions else None,
        )


def _with_ending_lines(model: Model) -> frozenset[str]:
    """Bodies with an upward line that has an end date (on the line or its target): the only ones whose
    line can have ended on any date. Once per data version, so a new date does not ask every body."""

    from graph.reporting import LINE_WORDS

    def build() -> frozenset[str]:
        g = model.adjacency
        return frozenset(
            u
            for u, v, k, e in g.edges()
            if k in LINE_WORDS and (e.get("valid_until") is not None or g.nodes[v].get("valid_until") is not None)
        )

    return memo(model, "gap-bodies-with-ending-lines", build)
