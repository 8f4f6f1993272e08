"""Gap finders for interfaces (samarbejdsflader): where two parties meet on paper but not in practice.

- ``shared_forum_no_channel``: organisations of different sectors hold seats in (or are members of) the same
  forum – so they work for the same target group – but no channel runs between them in either direction.
  One gap per forum, the sector pairs listed with how many of their organisation pairs lack a channel.
- ``interface_requested``: a wish one party addresses to another (``sk:requestedFrom``) that is not recorded
  as approved or active: requested, not established.
- ``contact_person_one_way``: a fixed contact person is asked for in one direction only (X asks for one in
  Y, Y has asked for none in X). Mutual requests are ``missing_contact_person`` already.

The pair-level words live in ``graph.interface_missing``; these finders give the structure-wide view.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from itertools import combinations
from typing import Any

from graph.cache import memo
from graph.gap_types import Gap, GapCtx
from graph.model import Model

__all__ = ["INTERFACE_GAP_KINDS", "contact_one_way", "requested_interfaces", "shared_forum_no_channel"]

INTERFACE_GAP_KINDS = ("shared_forum_no_channel", "interface_requested", "contact_person_one_way")
_FORUM_KINDS = ("forum", "partnership", "collaboration")
_MET = ("approved", "active")


@cache
def _sector_labels() -> dict[str, tuple[str, str]]:
    """Sector code → (Danish, English) words (the interface tables, imported when a gap first names a sector)."""
    from graph.interface_parties import SECTORS

    return {base: (da, en) for key, (da, en, base, topics, _) in SECTORS.items() if not topics and base}


def shared_forum_no_channel(c: GapCtx) -> Iterable[Gap]:
    v = c.view
    linked = _channel_pairs(c)
    for forum in c.nodes(*_FORUM_KINDS):
        bodies = sorted(
            {o for o in c.into(forum, "member_of") if v.kind(o) in ("organisation", "unit")}
            | {
                o
                for s in c.into(forum, "post_in")
                for o in c.out(s, "on_behalf_of")
                if v.kind(o) in ("organisation", "unit")
            }
        )
        lacking: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
        examples: list[str] = []
        for x, y in combinations(bodies, 2):
            sx, sy = c.g.nodes[x].get("sector"), c.g.nodes[y].get("sector")
            if not sx or not sy or sx == sy or x in v.ancestors(y) or y in v.ancestors(x):
                continue
            key = (min(sx, sy), max(sx, sy))
            lacking[key][1] += 1
            if frozenset((_root(c, x), _root(c, y))) not in linked:
                lacking[key][0] += 1
                examples.extend(o for o in (x, y) if o not in examples)
        bad = {k: n for k, n in sorted(lacking.items()) if n[0]}
        if not bad:
            continue
        parts = {
            lang: "; ".join(f"{_sector(a, lang)} × {_sector(b, lang)} ({n[0]}/{n[1]})" for (a, b), n in bad.items())
            for lang in ("da", "en")
        }
        text = c.say(
            "I {f} mødes parter fra forskellige sektorer uden nogen kanal imellem sig (par uden kanal/alle par): {p}.",
            "In {f}, parties from different sectors meet with no channel between them (pairs without/all pairs): {p}.",
            f=forum,
            p=parts,
        )
        yield Gap("shared_forum_no_channel", "medium", forum, text, tuple(examples[:12]), c.srcs(forum))


def requested_interfaces(c: GapCtx) -> Iterable[Gap]:
    for rq in c.nodes("request"):
        frm = c.out(rq, "requested_from")
        if not frm or c.g.nodes[rq].get("status") in _MET:
            continue
        by = c.out(rq, "requested_by")
        text = c.say(
            "{by} har efterspurgt »{rq}« hos {frm}; det er ikke etableret i kilderne.",
            "{by} asked {frm} for “{rq}”; the sources do not record it as established.",
            by=by,
            rq=rq,
            frm=frm,
        )
        yield Gap("interface_requested", "medium", rq, text, tuple(by + frm), c.srcs(rq))


def contact_one_way(c: GapCtx) -> Iterable[Gap]:
    v = c.view
    reqs = c.nodes("requirement")
    asked = {(w, b) for r in reqs for w in c.out(r, "required_in") for b in c.out(r, "requested_by")}
    for r in reqs:
        where, by = c.out(r, "required_in"), c.out(r, "requested_by")
        one_way = [
            (w, b) for w in where for b in by if not any((bw, ww) in asked for bw in v.family(b) for ww in v.family(w))
        ]
        if not one_way:
            continue
        text = c.say(
            "{by} har efterspurgt en fast kontaktperson i {w}, men {w} har ikke efterspurgt en hos {by}: kun den "
            "ene vej.",
            "{by} asked for a fixed contact person in {w}, but {w} has not asked for one in return: one way only.",
            by=sorted({b for _, b in one_way}),
            w=sorted({w for w, _ in one_way}),
        )
        yield Gap("contact_person_one_way", "medium", r, text, tuple(where + by), c.srcs(r))


def _root(c: GapCtx, nid: str) -> str:
    """The organisation a unit belongs to, in its own sector (PPR Favrskov → Favrskov Kommune); kept per view."""
    roots: dict[str, str] = c.view.cached("gap-interface-roots", dict)
    hit = roots.get(nid)
    if hit is None:
        nodes = c.g.nodes
        sector = nodes[nid].get("sector")
        up = [a for a in c.view.ancestors(nid) if nodes[a].get("sector") == sector]
        hit = roots[nid] = up[-1] if up else nid
    return hit


def _channel_pairs(c: GapCtx) -> set[frozenset[str]]:
    """The (root, root) pairs some channel in force links (``c.into(ch, "channel_from")`` × ``c.out(ch,
    "channel_to")`` per channel, read from the channels' own edges instead of every edge of each end)."""
    v = c.view
    ends = _channel_ends(c.model)
    pairs: set[frozenset[str]] = set()
    for ch in c.nodes("channel"):
        froms = {_root(c, f) for f, e in ends.get((ch, "channel_from"), ()) if v.edge_ok(e) and v.ok(f)}
        tos = {_root(c, t) for t, e in ends.get((ch, "channel_to"), ()) if v.edge_ok(e) and v.ok(t)}
        pairs |= {frozenset((f, t)) for f in froms for t in tos if f != t}
    return pairs


def _channel_ends(model: Model) -> dict[tuple[str, str], list[tuple[str, dict[str, Any]]]]:
    """(channel, "channel_from" | "channel_to") → the other ends with the edge, for any date (once per data version)."""

    def build() -> dict[tuple[str, str], list[tuple[str, dict[str, Any]]]]:
        out: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
        for u, w, _, e in model.adjacency.edges():
            if e["kind"] == "channel_from":
                out[w, "channel_from"].append((u, e))
            elif e["kind"] == "channel_to":
                out[u, "channel_to"].append((w, e))
        return dict(out)

    return memo(model, "gap-channel-ends", build)


def _sector(code: str, lang: str) -> str:
    da, en = _sector_labels().get(code, (code, code))
    return en if lang == "en" else da
