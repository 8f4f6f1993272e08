"""Plain-text tooltips and captions: label, kind, role, contact point, status, dates and sources.

Tooltips are plain strings on purpose: vis-network ≥ 9 shows a string title as text and Graphviz escapes
it in SVG, so a name such as ``<img onerror=…>`` can never become markup. A person's own e-mail or phone is
never shown; only functional contact points (switchboards, shared mailboxes) are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from rdflib import URIRef

from graph.describe import contact_point
from graph.model import Model
from ontology import codes
from ontology.namespace import FOAF, SK, VCARD
from viz.style import EDGE_STYLES, kind_names, sector_names

__all__ = [
    "WORDS",
    "caption_for",
    "edge_tooltip",
    "forum_kind_name",
    "node_tooltip",
    "role_name",
    "sources_line",
    "status_name",
    "vacancy_reason",
    "word",
]

WORDS: dict[str, tuple[str, str]] = {
    "kind": ("Slags", "Kind"),
    "role": ("Rolle", "Role"),
    "sector": ("Sektor", "Sector"),
    "status": ("Status", "Status"),
    "scenario": ("Scenarie", "Scenario"),
    "valid": ("Gyldig", "Valid"),
    "contact": ("Kontakt", "Contact"),
    "sources": ("Kilder", "Sources"),
    "source": ("Kilde", "Source"),
    "holder": ("Indehaver", "Holder"),
    "vacant": ("VAKANT", "VACANT"),
    "not_stated": ("Indehaver ikke oplyst i kilden", "Holder not stated in the source"),
    "state": ("Tilstand", "State"),
    "conditions": ("Betingelser", "Conditions"),
    "open": ("Åbent i kilden", "Left open by the source"),
    "gap": ("Mangel", "Gap"),
    "members": ("Samler", "Groups"),
    "entities": ("enheder", "entities"),
    "proposed_mark": ("foreslået – ikke besluttet", "proposed – not decided"),
    "data_as_of": ("Data pr.", "Data as of"),
    "no_sources": ("ingen kilder angivet", "no sources stated"),
    "more": ("flere", "more"),
    "seats": ("pladser", "seats"),
    "required_in": ("Skal findes i", "Required in"),
    "requested_by": ("Efterspurgt af", "Requested by"),
    "unfulfilled": (
        "Ingen fast kontaktperson er navngivet endnu (kravet er ikke opfyldt i kilden).",
        "No fixed contact person has been named yet (the requirement is not met in the source).",
    ),
    "vacant_reason": ("Kilden angiver pladsen som vakant.", "The source states that the seat is vacant."),
    "no_holder": ("Ingen indehaver registreret.", "No holder recorded."),
    "scenario_mark": ("kun i scenariet", "only in scenario"),
}
_MAX_SOURCES = 4


def word(key: str, lang: str) -> str:
    da, en = WORDS[key]
    return en if lang == "en" else da


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def role_name(role: str | None, lang: str) -> str:
    """A seat's role in words, lower case as it reads inside a sentence (the vocabulary's ``role`` scheme)."""
    text = codes.label("role", role, lang)
    return text[:1].lower() + text[1:] if role in codes.codes("role") else text


def status_name(status: str | None, lang: str) -> str:
    return codes.label("status", status, lang)


def forum_kind_name(fk: str | None, lang: str) -> str:
    return codes.label("forum_kind", fk, lang)


def node_tooltip(
    model: Model,
    nid: str,
    lang: str,
    *,
    extra: Iterable[str] = (),
    seat: dict[str, Any] | None = None,
) -> str:
    """The tooltip of one entity; ``seat`` is ``graph.describe.seat_details`` for posts."""
    g = model.nx
    d = g.nodes[nid]
    kind = d["kind"]
    lines = [model.label(nid, lang)]
    other = model.label(nid, "da" if lang == "en" else "en")
    if other != lines[0]:
        lines.append(f"({other})")
    kind_text = _pick(kind_names(kind), lang)
    if d.get("forum_kind") and d["forum_kind"] != "Forum":
        kind_text += f" – {forum_kind_name(d['forum_kind'], lang)}"
    lines.append(f"{word('kind', lang)}: {kind_text}")
    if d.get("role"):
        lines.append(f"{word('role', lang)}: {role_name(d['role'], lang)}")
    if seat is not None:
        lines.extend(_seat_lines(seat, lang))
    if d.get("sector"):
        lines.append(f"{word('sector', lang)}: {_pick(sector_names(d['sector']), lang)}")
    if d.get("status"):
        mark = f" ({word('proposed_mark', lang)})" if d["status"] == "proposed" else ""
        lines.append(f"{word('status', lang)}: {status_name(d['status'], lang)}{mark}")
    if d.get("scenario"):
        lines.append(f"{word('scenario', lang)}: {d['scenario']} ({word('scenario_mark', lang)})")
    dates = _dates(d)
    if dates:
        lines.append(f"{word('valid', lang)}: {dates}")
    if kind == "channel":
        lines.append(f"{word('state', lang)}: {codes.label('state', d.get('state'), lang)}")
        conds = _text(d.get("conditions"), lang)
        if conds:
            lines.append(f"{word('conditions', lang)}: " + "; ".join(conds))
    if kind in ("requirement", "responsibility", "open_question", "request") and d.get("comment"):
        lines.extend(_text(d["comment"], lang))
    lines.extend(_contact_lines(model, nid, lang))
    for u, _, k in g.in_edges(nid, keys=True):
        if k == "about":
            q = g.nodes[u]
            texts = _text(q.get("comment"), lang) or [model.label(u, lang)]
            lines.append(f"{word('open', lang)}: " + " ".join(texts))
    lines.extend(extra)
    lines.append(sources_line(model, d.get("sources", ()), lang))
    return "\n".join(line for line in lines if line)


def _seat_lines(seat: dict[str, Any], lang: str) -> list[str]:
    occ = seat.get("occupancy")
    out = []
    if seat.get("holders"):
        out.append(f"{word('holder', lang)}: " + ", ".join(h["label"] for h in seat["holders"]))
    elif occ == "vacant":
        out.append(f"{word('vacant', lang)}: {vacancy_reason(seat, lang)}")
    elif occ == "not_stated":
        out.append(word("not_stated", lang))
    if seat.get("on_behalf_of"):
        out.append("For: " + ", ".join(o["label"] for o in seat["on_behalf_of"]))
    lo, hi = seat.get("seats_min"), seat.get("seats_max")
    if lo is not None or hi is not None:
        count = f"{lo}" if lo == hi or hi is None else f"{lo or 0}–{hi}"
        out.append(f"{count} {word('seats', lang)}")
    if seat.get("decision_authority"):
        out.append("Kræver beslutningskompetence" if lang == "da" else "Requires decision authority")
    return out


def vacancy_reason(seat: dict[str, Any], lang: str) -> str:
    """Why a seat counts as vacant: the source says so, or (third-party posts) no holder is recorded."""
    return word("vacant_reason" if seat.get("stated_vacant", True) else "no_holder", lang)


def _contact_lines(model: Model, nid: str, lang: str) -> list[str]:
    out = []
    for _, cp, k in model.nx.out_edges(nid, keys=True):
        if k != "contact_point":
            continue
        parts = _functional_contact(model, cp)
        if parts:
            out.append(f"{word('contact', lang)}: {model.label(cp, lang)} – " + ", ".join(parts))
    return out


def _functional_contact(model: Model, cp: str) -> list[str]:
    """E-mail, phone and web address of a *functional* contact point; nothing for a person's own.

    Same rule as ``graph.describe.contact_point`` (include_personal=False), read through ``model.facts``
    so a tooltip never forces the full rdflib graph to be built (seconds on a national structure).
    """
    facts = getattr(model, "facts", None)
    if facts is None:  # an older Model without the fact index
        info = contact_point(model, cp)
        return [*info.get("email", ()), *info.get("phone", ()), *info.get("url", ())]
    node = URIRef(cp)
    functional = facts.value(node, SK.functional)
    if functional is not None and not bool(getattr(functional, "toPython", lambda: True)()):
        return []
    found: list[str] = []
    for preds in (
        (VCARD.hasEmail, VCARD.email, FOAF.mbox),
        (VCARD.hasTelephone, VCARD.tel, FOAF.phone),
        (VCARD.hasURL, FOAF.homepage),
    ):
        found += sorted({_plain(str(o)) for p in preds for o in facts.objects(node, p)})
    return found


def _plain(value: str) -> str:
    for prefix in ("mailto:", "tel:"):
        if value.startswith(prefix):
            return value[len(prefix) :]
    return value


def edge_tooltip(model: Model, u: str, v: str, attrs: dict[str, Any], lang: str) -> str:
    """Kind, both ends, status (proposed marked), scenario, basis and sources of one line."""
    kind = attrs.get("kind", "other")
    style = EDGE_STYLES.get(kind)
    verb = (style.name[1] if lang == "en" else style.name[0]) if style else kind
    lines = [f"{model.label(u, lang)} – {verb} → {model.label(v, lang)}"]
    if attrs.get("status"):
        mark = f" ({word('proposed_mark', lang)})" if attrs["status"] == "proposed" else ""
        lines.append(f"{word('status', lang)}: {status_name(attrs['status'], lang)}{mark}")
    if attrs.get("scenario"):
        lines.append(f"{word('scenario', lang)}: {attrs['scenario']} ({word('scenario_mark', lang)})")
    if attrs.get("role"):
        lines.append(f"{word('role', lang)}: {role_name(attrs['role'], lang)}")
    dates = _dates(attrs)
    if dates:
        lines.append(f"{word('valid', lang)}: {dates}")
    lines.extend(_text(attrs.get("basis"), lang))
    if attrs.get("sources"):
        lines.append(sources_line(model, attrs["sources"], lang))
    return "\n".join(lines)


def sources_line(model: Model, ids: Iterable[str], lang: str) -> str:
    refs = model.sources_of(ids)
    if not refs:
        return f"{word('sources', lang)}: {word('no_sources', lang)}"
    parts = []
    for s in refs[:_MAX_SOURCES]:
        text = s.title + (f", {s.section}" if s.section else "") + (f" ({s.date})" if s.date else "")
        parts.append(text)
    more = f" (+{len(refs) - _MAX_SOURCES} {word('more', lang)})" if len(refs) > _MAX_SOURCES else ""
    return f"{word('sources', lang)}: " + "; ".join(parts) + more


def caption_for(model: Model, source_ids: Iterable[str], on: dt.date | None, lang: str) -> str:
    """The caption of a printed diagram: the date the view applies to and the source documents behind it."""
    docs: dict[str, str] = {}
    for s in model.sources_of(source_ids):
        if s.id.startswith("file:"):
            docs.setdefault(s.title, s.title)
            continue
        docs.setdefault(s.title, s.title + (f" ({s.date})" if s.date else ""))
    when = (on or dt.date.today()).isoformat()
    listed = sorted(docs.values())
    shown = "; ".join(listed[:6]) + (f" (+{len(listed) - 6} {word('more', lang)})" if len(listed) > 6 else "")
    return f"{word('data_as_of', lang)} {when}. {word('sources', lang)}: {shown or word('no_sources', lang)}."


def _dates(d: dict[str, Any]) -> str:
    start, end = d.get("valid_from"), d.get("valid_until")
    if not start and not end:
        return ""
    return f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"


def _text(pairs: dict[str, list[str]] | None, lang: str) -> list[str]:
    if not pairs:
        return []
    return list(pairs.get(lang) or pairs.get("da") or next(iter(pairs.values())))
