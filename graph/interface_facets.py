"""What two parties share, facet by facet: forums, channels, contact persons, requests, lines and people.

Split from ``graph.interfaces``, which keeps the question (``interface``, ``between``), the ``Interface``
result and its JSON: each collector here reads one kind of meeting place from the interface index
(``graph.interface_index``) for two resolved parties and returns plain dicts of ids, with their sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.cache import memo
from graph.interface_index import Index
from graph.interface_parties import Party
from graph.model import Model
from graph.view import View


def _via(p: Party, ids: Iterable[str]) -> str | None:
    """None when any id is a member of the party; else the home entity it was found through."""
    ids = list(ids)
    if any(i in p.members for i in ids):
        return None
    return next((i for i in ids if i in p.home), None)


def _forums(model: Model, ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    g = model.nx
    sides: list[dict[str, list[dict[str, Any]]]] = [{}, {}]
    for i, p in enumerate((pa, pb)):
        for body in sorted(p.side):
            via = None if body in p.members else body
            for f, seat in ix.seats.get(body, ()):
                d = g.nodes[seat]
                holders = sorted({h for h in ix.holders.get(seat, ())})
                sides[i].setdefault(f, []).append(
                    {
                        "seat": seat,
                        "for": body,
                        "via": via,
                        "role": d.get("role"),
                        "occupancy": d.get("occupancy"),
                        "holders": holders,
                    }
                )
            for f in ix.member_of.get(body, ()):
                sides[i].setdefault(f, []).append(
                    {"seat": None, "for": body, "via": via, "role": None, "occupancy": None, "holders": []}
                )
    out = []
    for f in sorted(set(sides[0]) & set(sides[1]), key=lambda n: model.label(n).casefold()):
        if f in pa.side or f in pb.side:
            continue  # a party's own parent organisation is not a place where it meets the other
        d = g.nodes[f]
        seats = [s["seat"] for side in sides for s in side[f] if s["seat"]]
        out.append(
            {
                "forum": f,
                "status": d.get("status"),
                "proposed": d.get("status") == "proposed",
                "a": sides[0][f],
                "b": sides[1][f],
                "sources": _srcs(model, f, *seats),
            }
        )
    return out


def _channels(v: View, ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    model, g = v.model, v.g
    out = []
    chans = {c for n in pa.side | pb.side for c in ix.chan_from.get(n, []) + ix.chan_to.get(n, [])}
    for ch in sorted(chans):
        d = g.nodes[ch]
        froms, tos = v.into(ch, "channel_from"), v.out(ch, "channel_to")
        ab = bool(set(froms) & pa.side and set(tos) & pb.side)
        ba = bool(set(froms) & pb.side and set(tos) & pa.side)
        if not (ab or ba):
            continue
        direction = "both" if (ab and ba) or d.get("bidirectional") else ("a_to_b" if ab else "b_to_a")
        qs = v.into(ch, "about")
        note = _comment(model, qs[0]) if qs else None
        via = _via(pa, froms + tos) or _via(pb, froms + tos)
        out.append(
            {
                "channel": ch,
                "direction": direction,
                "from": froms,
                "to": tos,
                "state": d.get("state") or "not_stated",
                "conditions": d.get("conditions") or {},
                "topics": v.out(ch, "handles"),
                "via": via,
                "question": qs[0] if qs else None,
                "note": note,
                "sources": _srcs(model, ch, *qs),
            }
        )
    return out


def _contact_persons(v: View, ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    model = v.model
    out = []
    reqs = {r for n in pa.side | pb.side for r in ix.req_in.get(n, []) + ix.req_by.get(n, [])}
    for r in sorted(reqs):
        where, by = v.out(r, "required_in"), v.out(r, "requested_by")
        for direction, asker, asked in (("a_asks_b", pa, pb), ("b_asks_a", pb, pa)):
            if set(where) & asked.side and set(by) & asker.side:
                filled = v.out(r, "fulfilled_by")
                out.append(
                    {
                        "requirement": r,
                        "direction": direction,
                        "in": where,
                        "requested_by": by,
                        "state": _filled_state(model, ix, filled),
                        "fulfilled_by": filled,
                        "via": _via(asked, where) or _via(asker, by),
                        "sources": _srcs(model, r),
                    }
                )
    return out


def _filled_state(model: Model, ix: Index, filled: list[str]) -> str:
    if not filled:
        return "requested"
    for f in filled:
        kind = model.nx.nodes[f]["kind"]
        if kind == "person" or (kind == "post" and ix.holders.get(f)):
            return "named"
    return "vacant"


def _requests(v: View, ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    model, g = v.model, v.g
    out = []
    asks = {r for n in pa.side | pb.side for r in ix.ask_by.get(n, []) + ix.ask_from.get(n, [])}
    for r in sorted(asks):
        by, frm = v.out(r, "requested_by"), v.out(r, "requested_from")
        a_by, b_by = set(by) & pa.side, set(by) & pb.side
        if a_by and set(frm) & pb.side:
            direction = "a_asks_b"
        elif b_by and set(frm) & pa.side:
            direction = "b_asks_a"
        elif a_by and b_by:
            direction = "both_ask"
        else:
            continue
        d = g.nodes[r]
        out.append(
            {
                "request": r,
                "direction": direction,
                "by": by,
                "from": frm,
                "status": d.get("status"),
                "topics": v.out(r, "handles"),
                "note": _comment(model, r, label_fallback=False),
                "via": _via(pa, by + frm) or _via(pb, by + frm),
                "sources": _srcs(model, r),
            }
        )
    return out


def _lines(model: Model, ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    def nodes(p: Party) -> set[str]:
        return set(p.members) | {post for n in p.members for post in ix.posts.get(n, [])}

    na, nb = nodes(pa), nodes(pb)
    seen: set[tuple[str, str, str]] = set()
    out: list[dict[str, Any]] = []
    for n in sorted(na):
        for u, v, k, e in ix.lines.get(n, []):
            if ((u in na and v in nb) or (u in nb and v in na)) and (u, v, k) not in seen:
                seen.add((u, v, k))
                out.append(
                    {
                        "from": u,
                        "to": v,
                        "kind": k,
                        "status": e.get("status"),
                        "sources": _srcs_of(model, list(e.get("sources") or ()) or _src_ids(model, u)),
                    }
                )
    return out


def _people(ix: Index, pa: Party, pb: Party) -> list[dict[str, Any]]:
    def where(p: Party) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for n in sorted(p.members):
            for person in ix.people.get(n, []):
                found.setdefault(person, []).append(n)
        return found

    wa, wb = where(pa), where(pb)
    return [{"person": p, "a": wa[p], "b": wb[p]} for p in sorted(set(wa) & set(wb))]


# ------------------------------------------------------------------------------------------------ helpers
def _src_ids(model: Model, *nids: str) -> list[str]:
    return list(dict.fromkeys(s for n in nids if n in model.nx for s in model.nx.nodes[n].get("sources", ())))


def _srcs_of(model: Model, ids: list[str]) -> list[dict[str, Any]]:
    return [s.as_json() for s in model.sources_of(ids)]


def _srcs(model: Model, *nids: str) -> list[dict[str, Any]]:
    """The sources of ``nids`` as JSON, kept per data version (a matrix asks for the same forum 400 times)."""
    kept: dict[tuple[str, ...], list[dict[str, Any]]] = memo(model, "interface-sources", dict)
    hit = kept.get(nids)
    if hit is None:
        hit = kept[nids] = [s.as_json() for s in model.sources_of(_src_ids(model, *nids))]
    return hit


def _comment(model: Model, nid: str, *, label_fallback: bool = True) -> dict[str, str] | None:
    pairs = model.nx.nodes[nid].get("comment") or {}
    out = {lang: " ".join(pairs.get(lang) or pairs.get("da") or []) for lang in ("da", "en")}
    if not out["da"] and label_fallback:
        return {"da": model.label(nid, "da"), "en": model.label(nid, "en")}
    return out if out["da"] else None
