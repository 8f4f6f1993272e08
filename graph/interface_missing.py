"""What is missing between two parties: requested but not established, not stated, or nothing at all.

Kept apart from the interface question so the gap finders (``graph.gaps_interfaces``) and the pair answer
say the same thing in the same words. Every item: ``{"kind", "text": {"da","en"}, "about": id|None,
"sources": [Source]}``.

=============================  =======================================================================
kind                           when
=============================  =======================================================================
``channel_requested``          a channel between them is requested, not established
``channel_being_set_up``       a channel between them is being set up
``channel_state_not_stated``   the source does not say whether a channel is open (its open question is quoted)
``contact_person_requested``   a fixed contact person is asked for and nobody is named
``contact_person_one_way``     a fixed contact person is asked for in one direction only
``request_open``               a wish one addresses to the other (or both make) is not recorded as met
``no_channel``                 they share a forum but have no channel either way
``nothing``                    no forum, channel, contact person, request, line or shared person at all
=============================  =======================================================================
"""

from __future__ import annotations

from typing import Any

from graph.model import Model

__all__ = ["MISSING_KINDS", "missing_items"]

MISSING_KINDS = (
    "channel_requested",
    "channel_being_set_up",
    "channel_state_not_stated",
    "contact_person_requested",
    "contact_person_one_way",
    "request_open",
    "no_channel",
    "nothing",
)
_STATE_KIND = {
    "requested": "channel_requested",
    "being_set_up": "channel_being_set_up",
    "not_stated": "channel_state_not_stated",
}
_MET = ("approved", "active")


def missing_items(
    model: Model,
    forums: list[dict[str, Any]],
    channels: list[dict[str, Any]],
    contacts: list[dict[str, Any]],
    requests: list[dict[str, Any]],
    other_links: bool,
) -> list[dict[str, Any]]:
    """The missing items of one pair, from the parts the interface question found."""
    out: list[dict[str, Any]] = []

    def name(nid: str, lang: str) -> str:
        return model.label(nid, lang)

    def names(ids: list[str], lang: str) -> str:
        labels = [model.label(i, lang) for i in ids]
        if len(labels) <= 1:
            return "".join(labels)
        return ", ".join(labels[:-1]) + (" og " if lang == "da" else " and ") + labels[-1]

    told: set[str] = set()
    for c in channels:
        kind = _STATE_KIND.get(c["state"])
        if kind is None or (c.get("question") and c["question"] in told):
            continue  # channels sharing one open question are one missing item
        if c.get("question"):
            told.add(c["question"])
        ch = c["channel"]
        text = {
            "channel_requested": {
                "da": f"Kanalen »{name(ch, 'da')}« er efterspurgt, men ikke oprettet.",
                "en": f"The channel “{name(ch, 'en')}” is requested but not established.",
            },
            "channel_being_set_up": {
                "da": f"Kanalen »{name(ch, 'da')}« er under oprettelse.",
                "en": f"The channel “{name(ch, 'en')}” is being set up.",
            },
            "channel_state_not_stated": {
                "da": f"Kilden oplyser ikke, om kanalen »{name(ch, 'da')}« er åben.",
                "en": f"The source does not say whether the channel “{name(ch, 'en')}” is open.",
            },
        }[kind]
        if c.get("note"):
            text = {lang: f"{t} {c['note'][lang]}" for lang, t in text.items()}
        out.append({"kind": kind, "text": text, "about": c.get("question") or ch, "sources": c["sources"]})
    directions = {c["direction"] for c in contacts}
    for c in contacts:
        if c["state"] != "requested":
            continue
        out.append(
            {
                "kind": "contact_person_requested",
                "about": c["requirement"],
                "sources": c["sources"],
                "text": {
                    lang: (
                        f"{names(c['requested_by'], lang)} har efterspurgt en fast kontaktperson i "
                        f"{names(c['in'], lang)}; ingen er udpeget."
                        if lang == "da"
                        else f"{names(c['requested_by'], lang)} asked for a fixed contact person in "
                        f"{names(c['in'], lang)}; nobody has been named."
                    )
                    for lang in ("da", "en")
                },
            }
        )
    if len(directions) == 1:
        c = contacts[0]
        out.append(
            {
                "kind": "contact_person_one_way",
                "about": c["requirement"],
                "sources": c["sources"],
                "text": {
                    "da": f"Fast kontaktperson efterspurgt kun den ene vej (i {names(c['in'], 'da')}); "
                    "den anden vej er ikke efterspurgt i kilderne.",
                    "en": f"Fixed contact person asked for in one direction only (in "
                    f"{names(c['in'], 'en')}); the sources do not ask for one the other way.",
                },
            }
        )
    for r in requests:
        if r.get("status") in _MET:
            continue
        rq = r["request"]
        out.append(
            {
                "kind": "request_open",
                "about": rq,
                "sources": r["sources"],
                "text": {
                    "da": f"Ønsket »{name(rq, 'da')}« ({names(r['by'], 'da')}) er ikke opfyldt i data.",
                    "en": f"The request “{name(rq, 'en')}” ({names(r['by'], 'en')}) is not recorded as met.",
                },
            }
        )
    if forums and not channels:
        f = forums[0]["forum"]
        out.append(
            {
                "kind": "no_channel",
                "about": f,
                "sources": forums[0]["sources"],
                "text": {
                    "da": f"Begge er med i {names([x['forum'] for x in forums], 'da')}, men der er ingen "
                    "kanal mellem dem i data.",
                    "en": f"Both take part in {names([x['forum'] for x in forums], 'en')}, but there is "
                    "no channel between them in the data.",
                },
            }
        )
    if not (forums or channels or contacts or requests or other_links):
        out.append(
            {
                "kind": "nothing",
                "about": None,
                "sources": [],
                "text": {
                    "da": "Ingen forbindelse i data: intet fælles forum, ingen kanal, ingen kontaktperson "
                    "og intet ønske.",
                    "en": "No connection in the data: no shared forum, channel, contact person or request.",
                },
            }
        )
    return out
