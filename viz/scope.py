"""What one view is built under – the model on a date under scenarios (``graph.view.View``), the language,
the facets for filters and colours – and how it turns a model node or edge into a diagram node or line.

Every view (organisation diagram, org chart, network, neighbourhood) builds its nodes here, so a vacancy,
a proposed line or a gap looks the same in all of them.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable
from typing import Any

from graph.describe import seat_details
from graph.model import Model
from graph.view import view
from ontology import codes
from viz.diagram import DEdge, DNode, Filters
from viz.facets import Facets, facets
from viz.tooltips import edge_tooltip, node_tooltip, role_name, word

__all__ = ["GAP_KINDS", "LINE_KINDS", "Scope", "wrap"]

LINE_KINDS = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
GAP_KINDS = ("requirement",)
_WRAP = 26


def wrap(label: str, width: int = _WRAP) -> str:
    """Break a label into lines of at most ``width`` characters (never inside a word), keeping its breaks."""
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
        for line in label.split("\n")
    )


class Scope:
    """The date, scenarios, language and derived facets one view is built under."""

    def __init__(self, model: Model, on: dt.date | None, scenarios: Iterable[str], lang: str) -> None:
        self.model = model
        self.g = model.nx
        self.v = view(model, on, scenarios)
        self.on = on
        self.scenarios = self.v.scen
        self.lang = lang
        self.facets: Facets = facets(model.nx)
        self.sources: set[str] = set()

    def node_ok(self, nid: str) -> bool:
        return self.v.ok(nid)

    def edge_ok(self, attrs: dict[str, Any]) -> bool:
        return self.v.edge_ok(attrs)

    def passes(self, nid: str, flt: Filters | None) -> bool:
        """Server-side filters; a filter on forum kind leaves other kinds alone."""
        if flt is None or not flt.active():
            return True
        d = self.g.nodes[nid]
        if flt.sectors is not None and (self.facets.sector.get(nid) or "none") not in flt.sectors:
            return False
        if flt.clusters is not None and not set(self.facets.clusters.get(nid, ())) & flt.clusters:
            return False
        if flt.forum_kinds is not None and d["kind"] == "forum" and d.get("forum_kind") not in flt.forum_kinds:
            return False
        return not (flt.statuses is not None and (d.get("status") or "none") not in flt.statuses)

    def node(self, nid: str, *, level: int | None = None, parent: str | None = None) -> DNode:
        g, lang = self.g, self.lang
        d = g.nodes[nid]
        kind = d["kind"]
        flags: set[str] = set()
        label = self.model.label(nid, lang)
        seat = None
        extra: list[str] = []
        if kind == "post":
            seat = seat_details(self.model, nid, lang=lang)
            seat["stated_vacant"] = d.get("occupancy") == "vacant"
            if seat["occupancy"] == "vacant":
                flags.add("vacant")
                if not any(codes.label("occupancy", "vacant", x).lower() in label.lower() for x in ("da", "en")):
                    label += f"\n{word('vacant', lang)}"
            elif seat["occupancy"] == "not_stated":
                flags.add("not_stated")
            elif seat["holders"]:
                label += "\n" + ", ".join(h["label"] for h in seat["holders"])
            if (
                d.get("role") in ("chair", "co_chair", "secretary", "project_leader")
                and role_name(d["role"], lang).lower() not in label.lower()
            ):
                label = f"{role_name(d['role'], lang).capitalize()}: {label}"
        if kind in GAP_KINDS and not any(k == "fulfilled_by" for _, _, k in g.out_edges(nid, keys=True)):
            flags.add("gap")
            extra.append(f"{word('gap', lang)}: {word('unfulfilled', lang)}")
            for _, t, k in g.out_edges(nid, keys=True):
                if k in ("required_in", "requested_by"):
                    extra.append(f"{word(k, lang)}: {self.model.label(t, lang)}")
        if d.get("status") == "proposed":
            flags.add("proposed")
            label += " (foreslået)" if lang == "da" else " (proposed)"
        if d.get("scenario"):
            flags.add("scenario")
        self.sources.update(d.get("sources", ()))
        return DNode(
            id=nid,
            label=wrap(label),
            kind=kind,
            sector=self.facets.sector.get(nid),
            tooltip=node_tooltip(self.model, nid, lang, extra=extra, seat=seat),
            level=level,
            flags=flags,
            parent=parent,
            fold=parent,
            facets=self.node_facets(nid),
        )

    def node_facets(self, nid: str) -> dict[str, Any]:
        d = self.g.nodes[nid]
        out: dict[str, Any] = {
            "kind": d["kind"],
            "sector": self.facets.sector.get(nid) or "none",
            "clusters": list(self.facets.clusters.get(nid, ())),
            "status": d.get("status") or "none",
        }
        if d.get("forum_kind"):
            out["forum_kind"] = d["forum_kind"]
        for key in ("valid_from", "valid_until"):
            if d.get(key):
                out[key] = d[key].isoformat()
        return out

    def edge(self, u: str, v: str, attrs: dict[str, Any]) -> DEdge:
        kind = attrs.get("kind", "other")
        flags: set[str] = set()
        label = ""
        if attrs.get("status") == "proposed":
            flags.add("proposed")
            label = codes.label("status", "proposed", self.lang)
        if attrs.get("scenario"):
            flags.add("scenario")
            label = label or ("scenarie" if self.lang == "da" else "scenario")
        self.sources.update(attrs.get("sources", ()))
        facets = {k: attrs[k].isoformat() for k in ("valid_from", "valid_until") if attrs.get(k)}
        facets["status"] = attrs.get("status") or "none"
        tip = edge_tooltip(self.model, u, v, attrs, self.lang) if kind in LINE_KINDS or attrs.get("status") else ""
        return DEdge(u, v, kind, label=label, tooltip=tip, flags=flags, facets=facets)
