"""Gap finders for the network: channels not open (grouped) and single points of contact
(``graph.fragility``: one person or post whose loss cuts a sector off)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from graph.gap_types import Gap, GapCtx, join
from ontology import codes

if TYPE_CHECKING:
    from graph.fragility import Cut

__all__ = [
    "channel_gap",
    "channel_gap_of",
    "channel_key",
    "channels",
    "not_open",
    "reports_question",
    "single_point_gaps",
]

_LIST_AT_MOST = 5  # names listed in one grouped gap before "and others"
_SECTOR_WORDS = {
    "municipal": ("kommunerne", "the municipalities"),
    "somatic": ("somatikken", "the somatic hospitals"),
    "psychiatry": ("psykiatrien", "psychiatry"),
    "general_practice": ("almen praksis", "general practice"),
    "region": ("regionen", "the region"),
    "national": ("nationale aktører", "national bodies"),
}


def channels(c: GapCtx) -> Iterable[Gap]:
    """Channels not open, grouped: by the open question that covers them, else by where they lead.

    "3 of 4 channels to PPR are open; 1 is being set up" says more than four separate lines, and keeps a
    national structure's 1,500 school channels readable.
    """
    closed = [ch for ch in c.nodes("channel") if not_open(c, ch)]
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for ch in closed:
        groups[channel_key(c, ch)].append(ch)
    for key, chans in sorted(groups.items()):
        yield channel_gap(c, key, chans)


def not_open(c: GapCtx, ch: str) -> bool:
    """``ch`` is a channel in force whose state is anything but open: ``channels`` reports it."""
    return c.ok(ch) and c.g.nodes[ch]["kind"] == "channel" and c.g.nodes[ch].get("state", "not_stated") != "open"


def channel_key(c: GapCtx, ch: str) -> tuple[str, ...]:
    """What groups a channel that is not open: the open questions about it, else ("to", *its targets)."""
    return tuple(c.questions(ch)) or ("to", *c.out(ch, "channel_to"))


def channel_gap(c: GapCtx, key: tuple[str, ...], chans: list[str]) -> Gap:
    """The gap of one group of channels not open (``chans`` in id order; their questions count as used)."""
    qs = [q for q in key if q in c.g and c.g.nodes[q]["kind"] == "open_question"]
    c.used_questions.update(qs)
    states = sorted({c.g.nodes[ch].get("state", "not_stated") for ch in chans})
    text = _channel_text(c, chans, states, list(key[1:]) if key[0] == "to" else [])
    if qs:
        text = {lang: f"{t} {c.comment(qs[0], lang)}" for lang, t in text.items()}
    severity = "low" if states == ["not_stated"] else "medium"
    context = tuple(chans[1:] + qs)
    return Gap("channel_not_open", severity, chans[0], text, context, c.srcs(*chans, *qs), qs[0] if qs else None)


def channel_gap_of(c: GapCtx, ch: str) -> Gap | None:
    """The gap of the group of channels not open that ``ch`` belongs to, as ``channels`` reports it, found
    from ``ch``'s side: only the channels that can share its key are looked at."""
    if not not_open(c, ch):
        return None
    key = channel_key(c, ch)
    if key[0] != "to":
        near = c.out(key[0], "about")  # every channel of the group has the same questions about it
    elif len(key) > 1:
        near = c.into(key[1], "channel_to")  # … or leads to the same places
    else:
        near = c.nodes("channel")
    group = sorted(x for x in set(near) if not_open(c, x) and channel_key(c, x) == key)
    return channel_gap(c, key, group)


def reports_question(c: GapCtx, q: str) -> bool:
    """Whether ``channels`` reports open question ``q``: it is in the key of a channel not open (its group's
    gap reports the key's questions)."""
    return any(not_open(c, a) and q in channel_key(c, a) for a in c.out(q, "about"))


def _state_clause(state: str, lang: str) -> str:
    """ "er under oprettelse" / "is being set up": the state's word from the vocabulary as a predicate."""
    if state == "not_stated":
        return "har ingen oplyst tilstand" if lang == "da" else "has no stated state"
    return ("er " if lang == "da" else "is ") + codes.label("state", state, lang)


def _channel_text(c: GapCtx, chans: list[str], states: list[str], targets: list[str]) -> dict[str, str]:
    short = {lang: ", ".join(codes.label("state", st, lang) for st in states) for lang in ("da", "en")}
    if len(chans) == 1 and not targets:
        long = {lang: " / ".join(_state_clause(st, lang) for st in states) for lang in ("da", "en")}
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


def single_point_gaps(c: GapCtx) -> Iterable[Gap]:
    from graph.fragility import single_points  # the network-wide finder: a contact answer never runs it

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


def _side(c: GapCtx, cut: Cut) -> dict[str, str]:
    sectors = _sectors(cut.cut_off)
    if not cut.examples:
        return sectors
    return {lang: f"{c.words(list(cut.examples), lang)} ({sectors[lang]})" for lang in ("da", "en")}


def _sectors(sectors: frozenset[str]) -> dict[str, str]:
    words = [_SECTOR_WORDS.get(s, (s, s)) for s in sorted(sectors)]
    return {"da": join([w[0] for w in words], "og"), "en": join([w[1] for w in words], "and")}
