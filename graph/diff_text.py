"""The words of a diff: ``Diff`` → JSON with one sentence per change, Danish or English.

Entities that exist only in the old version are named from the old model, the rest from the new one.
"""

from __future__ import annotations

from typing import Any, Protocol

from graph.model import Model


class Changes(Protocol):
    """What a diff gives its words (``graph.diff.Diff``; named by shape, so this module needs no import of it)."""

    old_label: str
    new_label: str
    old: Model
    new: Model
    changes: dict[str, list[Any]]


__all__ = ["Changes", "render"]

_KINDS = {
    "reports_to": ("refererer til", "reports to"),
    "gives_status_to": ("giver status til", "gives status to"),
    "raises_decisions_to": ("indstiller beslutninger til", "raises decisions to"),
    "communicates_with": ("kommunikerer med", "communicates with"),
    "part_of": ("hører under", "is part of"),
}
_T = {
    "new_body": ("Ny: {x}", "New: {x}"),
    "ended_removed": ("Ophørt (findes ikke længere): {x}", "Ended (no longer there): {x}"),
    "ended_status": ("Ophørt (status »ophørt«): {x}", "Ended (status “ended”): {x}"),
    "ended_valid_until": ("Ophører {d}: {x}", "Ends on {d}: {x}"),
    "renamed": ("Omdøbt: {o} → {n}", "Renamed: {o} → {n}"),
    "new_seat": ("Ny plads/post: {x}{w}", "New seat/post: {x}{w}"),
    "removed_seat": ("Plads/post fjernet: {x}{w}", "Seat/post removed: {x}{w}"),
    "holder": ("Ny indehaver af {p}{w}: {t} (før: {f})", "New holder of {p}{w}: {t} (before: {f})"),
    "line_added": ("Ny linje: {u} {r} {v}", "New line: {u} {r} {v}"),
    "line_removed": ("Linje fjernet: {u} {r} {v}", "Line removed: {u} {r} {v}"),
    "moved": ("Flyttet: {x} hører nu under {n} (før {o})", "Moved: {x} is now part of {n} (was {o})"),
    "mandate": (
        "Ændret kommissorium/formål for {x}: {a} nye, {r} udgået",
        "Changed mandate/purpose of {x}: {a} new, {r} dropped",
    ),
    "status": ("{x}: {f} {o} → {n}", "{x}: {f} {o} → {n}"),
    "nobody": ("ingen", "nobody"),
    "in": (" i {x}", " in {x}"),
}


def _t(key: str, lang: str, **parts: Any) -> str:
    da, en = _T[key]
    return (en if lang == "en" else da).format(**parts)


def render(d: Changes, lang: str) -> dict[str, Any]:
    old, new, ch = d.old, d.new, d.changes

    def o(n: str | None) -> dict[str, Any] | None:
        return old.ref(n, lang) if n else None

    def n_(n: str | None) -> dict[str, Any] | None:
        return new.ref(n, lang) if n else None

    def where(model: Any, post: str) -> dict[str, Any] | None:
        up = [v for _, v, k in model.nx.out_edges(post, keys=True) if k == "post_in"]
        return model.ref(sorted(up)[0], lang) if up else None

    def w(ref: dict[str, Any] | None) -> str:
        return _t("in", lang, x=ref["label"]) if ref else ""

    text: list[str] = []
    out: dict[str, Any] = {
        "old": {"label": d.old_label, "nodes": old.nx.number_of_nodes()},
        "new": {"label": d.new_label, "nodes": new.nx.number_of_nodes()},
    }
    out["new_bodies"] = [n_(x) for x in ch.get("new_bodies", [])]
    text += [_t("new_body", lang, x=r["label"]) for r in out["new_bodies"]]
    out["ended_bodies"] = []
    for x, how in ch.get("ended_bodies", []):
        out["ended_bodies"].append({**old.ref(x, lang), "how": how})
        until = old.nx.nodes[x].get("valid_until")
        text.append(_t(f"ended_{how}", lang, x=old.label(x, lang), d=until.isoformat() if until else "?"))
    out["renamed"] = [{"old": o(a), "new": n_(b), "how": how} for a, b, how in ch.get("renamed", [])]
    text += [_t("renamed", lang, o=r["old"]["label"], n=r["new"]["label"]) for r in out["renamed"]]
    for key, model, tkey in (("new_seats", new, "new_seat"), ("removed_seats", old, "removed_seat")):
        out[key] = [{**model.ref(x, lang), "in": where(model, x)} for x in ch.get(key, [])]  # x: a post IRI
        text += [_t(tkey, lang, x=r["label"], w=w(r["in"])) for r in out[key]]
    out["new_persons"], out["gone_persons"] = ch.get("new_persons", []), ch.get("gone_persons", [])
    out["holder_changes"] = []
    for pa, pb, before, after in ch.get("holder_changes", []):
        ref = new.ref(pb, lang) if pb else old.ref(pa, lang)  # a holder change has a post on one side at least
        inside = where(new, pb) if pb else where(old, pa)
        out["holder_changes"].append({"post": ref, "in": inside, "from": before, "to": after})
        nobody = _t(
            "nobody",
            lang,
        )
        text.append(_t("holder", lang, p=ref["label"], w=w(inside), t=", ".join(after) or nobody,
                       f=", ".join(before) or nobody))  # fmt: skip
    for key, model, tkey in (("lines_added", new, "line_added"), ("lines_removed", old, "line_removed")):
        out[key] = [{"from": model.ref(u, lang), "to": model.ref(v, lang), "kind": k} for u, v, k in ch.get(key, [])]
        for r in out[key]:
            da, en = _KINDS.get(r["kind"], (r["kind"], r["kind"]))
            text.append(_t(tkey, lang, u=r["from"]["label"], v=r["to"]["label"], r=en if lang == "en" else da))
    out["moved"] = [{"entity": n_(x), "from": o(a), "to": n_(b)} for x, a, b in ch.get("moved", [])]
    text += [_t("moved", lang, x=r["entity"]["label"], o=r["from"]["label"], n=r["to"]["label"]) for r in out["moved"]]
    out["mandates_changed"] = [{"body": n_(x), "added": a, "removed": r} for x, a, r in ch.get("mandates_changed", [])]
    text += [
        _t("mandate", lang, x=r["body"]["label"], a=len(r["added"]), r=len(r["removed"]))
        for r in out["mandates_changed"]
    ]
    out["status_changed"] = [
        {"entity": n_(x), "field": f, "from": a, "to": b} for x, f, a, b in ch.get("status_changed", [])
    ]
    text += [
        _t("status", lang, x=r["entity"]["label"], f=r["field"], o=r["from"] or "–", n=r["to"] or "–")
        for r in out["status_changed"]
    ]
    lists = [k for k, v in out.items() if isinstance(v, list)]
    out["counts"] = {k: len(out[k]) for k in lists}
    out["text"] = text
    return out
