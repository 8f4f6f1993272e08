"""Requests the sources record as made (or approved) but never met: a gap kind of their own.

Seed 002 lists what the Randers group's parties asked for (clearer target-group criteria, leaders in the
sparring, specialised sparring …) and what the cluster steering group approved but the sources never show
done (a temporary process coordinator). Nothing records them as fulfilled (``sk:fulfilledBy``), so each is
an ``outstanding_request``: approved ones say who approved them and when.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.facts import as_str
from graph.gap_types import Gap, GapCtx, each
from ontology.iris import SK

__all__ = ["outstanding_requests", "request_gap"]


def outstanding_requests(c: GapCtx) -> Iterable[Gap]:
    return each(c, "request", request_gap)


def request_gap(c: GapCtx, r: str) -> Gap | None:
    """The gap of one in-force request nothing records as fulfilled."""
    if c.out(r, "fulfilled_by"):
        return None
    by, approved = c.out(r, "requested_by"), c.out(r, "approved_by")
    approved_on = c.model.triple_index().value(r, SK.approvedOn)
    day = as_str(approved_on) if approved_on is not None else None
    if approved:
        when = {"da": f" den {day}", "en": f" on {day}"} if day is not None else {}
        text = c.say(
            "»{r}« er godkendt af {a}{w}, men kilderne viser ikke, at det er sket.",
            "“{r}” was approved by {a}{w}, but the sources do not show it done.",
            r=r,
            a=sorted(approved),
            w=when,
        )
    else:
        text = c.say(
            "{by} har efterspurgt »{r}«; kilderne viser ikke, at det er imødekommet.",
            "{by} asked for “{r}”; the sources do not show it met.",
            r=r,
            by=sorted(by) or {"da": "Implementeringsgruppen", "en": "The implementation group"},
        )
    return Gap("outstanding_request", "medium", r, text, tuple(sorted(by) + sorted(approved)), c.srcs(r))
