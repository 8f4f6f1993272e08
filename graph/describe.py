"""Everything known about one entity, as one JSON-ready dict (``show`` and entity pages).

Seats come with their holder or vacancy, forums with chair, secretariat, mandate and
reporting lines, channels with state and conditions; every part names its sources.
Personal contact data (a person's own e-mail or phone) is included only on request.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.describe_context import context
from graph.describe_reach import contact_point, strip_scheme
from graph.lazy import rdflib
from graph.model import Model
from graph.view import view
from ontology.iris import RDFS, SK, SKOS

__all__ = ["describe", "mandate_details", "seat_details"]

_LINE_OUT = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")


def describe(
    model: Model,
    nid: str,
    *,
    lang: str = "da",
    on: dt.date | None = None,
    scenarios: tuple[str, ...] = (),
    include_personal: bool = False,
) -> dict[str, Any]:
    """Details of one entity; sections that do not apply to its kind are left out."""
    g = model.nx
    data = g.nodes[nid]
    dated = view(model, on, scenarios)
    out: dict[str, Any] = model.ref(nid, lang)
    out.update(
        {
            "labels": {"da": data["label"], "en": data["label_en"]},
            "alt_labels": model.alt_labels.get(nid, []),
            "kind_detail": data.get("forum_kind"),
            "sector": data.get("sector"),
            "status": data.get("status"),
            "valid_from": _iso(data.get("valid_from")),
            "valid_until": _iso(data.get("valid_until")),
            "scenario": data.get("scenario"),
            "in_force": dated.ok(nid),
        }
    )
    out["part_of"] = [model.ref(v, lang) for _, v, k in g.out_edges(nid, keys=True) if k == "part_of"]
    out["parts"] = sorted(
        (model.ref(u, lang) for u, _, k in g.in_edges(nid, keys=True) if k == "part_of"), key=lambda r: r["label"]
    )
    out["members"] = sorted(
        (
            {**model.ref(u, lang), "role": e.get("role"), "status": e.get("status"), "sources": _srcs(model, e)}
            for u, _, k, e in g.in_edges(nid, keys=True, data=True)
            if k == "member_of" and dated.edge_ok(e)
        ),
        key=lambda r: r["label"],
    )
    out["member_of"] = [
        model.ref(v, lang)
        for _, v, k, e in g.out_edges(nid, keys=True, data=True)
        if k == "member_of" and dated.edge_ok(e)
    ]
    seats = [u for u, _, k in g.in_edges(nid, keys=True) if k == "post_in"]
    out["seats"] = sorted((seat_details(model, s, lang=lang) for s in seats), key=_seat_order)
    out["vacancies"] = [s for s in out["seats"] if s["occupancy"] == "vacant"]
    out["chair"] = [s for s in out["seats"] if s.get("role") in ("chair", "co_chair")]
    out["secretariat"] = {
        "anchored_in": [model.ref(v, lang) for _, v, k in g.out_edges(nid, keys=True) if k == "secretariat_in"],
        "chair_from": [model.ref(v, lang) for _, v, k in g.out_edges(nid, keys=True) if k == "chair_from"],
        "seats": [s for s in out["seats"] if s.get("role") in ("secretary", "project_leader")],
    }
    mandates = [v for _, v, k in g.out_edges(nid, keys=True) if k == "has_mandate"]
    out["mandates"] = [mandate_details(model, m, lang=lang) for m in mandates]
    out["reporting"] = _lines(model, nid, lang, on, scenarios, outgoing=True)
    out["reported_by"] = _lines(model, nid, lang, on, scenarios, outgoing=False)
    out["channels"] = _channels(model, nid, lang)
    out["topics"] = sorted(
        (model.ref(v, lang) for _, v, k in g.out_edges(nid, keys=True) if k == "handles"), key=lambda r: r["label"]
    )
    out["contact_points"] = [
        contact_point(model, v, include_personal=include_personal)
        for _, v, k in g.out_edges(nid, keys=True)
        if k == "contact_point"
    ]
    out["open_questions"] = [
        {**model.ref(u, lang), "aspect": g.nodes[u].get("aspect"), "text": _text(g.nodes[u].get("comment"), lang)}
        for u, _, k in g.in_edges(nid, keys=True)
        if k == "about"
    ]
    out["requirements"] = [
        {**model.ref(u, lang), "fulfilled": any(k2 == "fulfilled_by" for _, _, k2 in g.out_edges(u, keys=True))}
        for u, _, k in g.in_edges(nid, keys=True)
        if k in ("required_in",)
    ]
    if data["kind"] == "post":
        out["seat"] = seat_details(model, nid, lang=lang)
    if data["kind"] == "channel":
        out["channel"] = channel_details(model, nid, lang=lang)
    if data["kind"] == "person":
        out["holds"] = [model.ref(v, lang) for _, v, k in g.out_edges(nid, keys=True) if k == "holds"]
    if data.get("comment"):
        out["comment"] = _text(data["comment"], lang)
    out.update(context(model, nid, lang))
    out["sources"] = [s.as_json() for s in model.sources_of(data.get("sources", ()))]
    return {k: v for k, v in out.items() if v not in (None, [], {}) or k in ("id", "label", "kind", "sources")}


def seat_details(model: Model, post: str, *, lang: str = "da", include_personal: bool = False) -> dict[str, Any]:
    """A seat with its holder, vacancy, count range, decision authority and whom it represents."""
    g = model.nx
    d = g.nodes[post]
    holders = [u for u, _, k in g.in_edges(post, keys=True) if k == "holds"]
    occupancy = d.get("occupancy") or ("held" if holders else ("vacant" if not d.get("is_seat") else "not_stated"))
    return {
        **model.ref(post, lang),
        "role": d.get("role"),
        "occupancy": occupancy,
        "holders": [model.ref(h, lang) for h in holders],
        "on_behalf_of": [model.ref(v, lang) for _, v, k in g.out_edges(post, keys=True) if k == "on_behalf_of"],
        "post_in": [model.ref(v, lang) for _, v, k in g.out_edges(post, keys=True) if k == "post_in"],
        "seats_min": d.get("seats_min"),
        "seats_max": d.get("seats_max"),
        "decision_authority": d.get("decision_authority"),
        "sources": _srcs(model, d),
    }


def channel_details(model: Model, ch: str, *, lang: str = "da") -> dict[str, Any]:
    g = model.nx
    d = g.nodes[ch]
    return {
        **model.ref(ch, lang),
        "state": d.get("state"),
        "status": d.get("status"),
        "conditions": _text(d.get("conditions"), lang),
        "from": [model.ref(u, lang) for u, _, k in g.in_edges(ch, keys=True) if k == "channel_from"],
        "to": [model.ref(v, lang) for _, v, k in g.out_edges(ch, keys=True) if k == "channel_to"],
        "topics": [model.ref(v, lang) for _, v, k in g.out_edges(ch, keys=True) if k == "handles"],
        "contact_points": [contact_point(model, v) for _, v, k in g.out_edges(ch, keys=True) if k == "contact_point"],
        "sources": _srcs(model, d),
    }


def mandate_details(model: Model, mandate: str, *, lang: str = "da") -> dict[str, Any]:
    """Purpose, items, deadlines and meeting rules of a terms of reference."""
    rdf = model.facts
    m = rdflib.URIRef(mandate)
    d = model.nx.nodes[mandate] if mandate in model.nx else {}
    out: dict[str, Any] = {
        **model.ref(mandate, lang),
        "status": d.get("status"),
        "purpose": _literal_in(rdf.objects(m, SK.purpose), lang),
        "comment": _literal_in(rdf.objects(m, RDFS.comment), lang),
        "approved_by": [model.ref(str(o), lang) for o in rdf.objects(m, SK.approvedBy) if str(o) in model.nx],
        "approved_on": strip_scheme(rdf.value(m, SK.approvedOn)),
        "updated_on": strip_scheme(rdf.value(m, SK.updatedOn)),
    }
    for key, pred in (
        ("tasks", SK.task),
        ("competences", SK.competence),
        ("duties", SK.duty),
        ("principles", SK.principle),
        ("elements", SK.element),
    ):
        items = []
        for item in rdf.objects(m, pred):
            order = rdf.value(item, SK.order)
            items.append((int(order) if isinstance(order, rdflib.Literal) else 999, _pref(model, item, lang)))
        out[key] = [text for _, text in sorted(items)]
    out["deadlines"] = sorted(
        (
            {
                "label": _pref(model, dl, lang),
                "due": strip_scheme(rdf.value(dl, SK.dueDate)),
                "outcome": strip_scheme(rdf.value(dl, SK.outcome)),
            }
            for dl in rdf.objects(m, SK.deadline)
        ),
        key=lambda x: x["due"] or "",
    )
    out["meeting_rules"] = sorted(
        (_meeting_rule(model, r, lang) for r in rdf.objects(m, SK.meetingRule)), key=lambda x: x.get("valid_from") or ""
    )
    out["sources"] = _srcs(model, d)
    return {k: v for k, v in out.items() if v not in (None, [], {}) or k in ("id", "label", "sources")}


def _meeting_rule(model: Model, rule: Any, lang: str) -> dict[str, Any]:
    rdf = model.facts
    fields = {
        "meetings_per_year_min": SK.meetingsPerYearMin,
        "meetings_per_year_max": SK.meetingsPerYearMax,
        "agenda_proposals_before": SK.agendaProposalLead,
        "agenda_before": SK.agendaLead,
        "minutes_within": SK.minutesWithin,
        "duration_hours": SK.meetingDurationHours,
        "place": SK.meetingPlace,
        "valid_from": SK.validFrom,
        "valid_until": SK.validUntil,
    }
    out: dict[str, Any] = {"label": _pref(model, rule, lang)}
    for key, pred in fields.items():
        v = rdf.value(rule, pred)
        if v is not None:
            out[key] = (
                v.toPython()
                if isinstance(v, rdflib.Literal) and key.startswith(("meetings", "duration"))
                else strip_scheme(v)
            )
    if isinstance(out.get("duration_hours"), object) and out.get("duration_hours") is not None:
        out["duration_hours"] = float(out["duration_hours"])
    return out


def _lines(
    model: Model, nid: str, lang: str, on: dt.date | None, scenarios: tuple[str, ...], *, outgoing: bool
) -> list[dict[str, Any]]:
    g = model.nx
    dated = view(model, on, scenarios)
    edges = g.out_edges(nid, keys=True, data=True) if outgoing else g.in_edges(nid, keys=True, data=True)
    out = []
    for u, v, _, e in edges:
        if e["kind"] not in _LINE_OUT or not dated.edge_ok(e):
            continue
        other = v if outgoing else u
        out.append(
            {
                "kind": e["kind"],
                "to" if outgoing else "from": model.ref(other, lang),
                "status": e.get("status"),
                "scenario": e.get("scenario"),
                "basis": _text(e.get("basis"), lang),
                "sources": _srcs(model, e),
            }
        )
    return sorted(out, key=lambda x: (_LINE_OUT.index(x["kind"]), str(x)))


def _channels(model: Model, nid: str, lang: str) -> list[dict[str, Any]]:
    g = model.nx
    chans = [v for _, v, k in g.out_edges(nid, keys=True) if k == "channel_from"]
    chans += [u for u, _, k in g.in_edges(nid, keys=True) if k == "channel_to"]
    return [channel_details(model, c, lang=lang) for c in dict.fromkeys(chans)]


def _srcs(model: Model, attrs: dict[str, Any]) -> list[dict[str, Any]]:
    return [s.as_json() for s in model.sources_of(attrs.get("sources", ()))]


def _text(pairs: dict[str, list[str]] | None, lang: str) -> list[str]:
    if not pairs:
        return []
    return pairs.get(lang) or pairs.get("da") or next(iter(pairs.values()))


def _pref(model: Model, node: Any, lang: str) -> str:
    return _literal_in(model.facts.objects(node, SKOS.prefLabel), lang) or str(node)


def _literal_in(literals: Any, lang: str) -> str | None:
    by = {(o.language or "da"): str(o) for o in literals if isinstance(o, rdflib.Literal)}
    return by.get(lang) or by.get("da") or (next(iter(by.values())) if by else None)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _seat_order(s: dict[str, Any]) -> tuple[int, str]:
    order = {"chair": 0, "co_chair": 0, "member": 1, None: 1, "project_leader": 2, "secretary": 2}
    return (order.get(s.get("role"), 1), s["label"])
