"""Grouping for large views, so a national-scale structure opens and stays usable in a browser.

Above ``AGGREGATE_THRESHOLD`` nodes a view is folded in steps, stopping as soon as it fits:

1. persons into the seats they hold; channels into one line per pair of (grouped) ends; a municipality's
   units into the municipality; stand-alone general practices into one node per health cluster (or per
   region, or "other" when nothing places them);
2. every remaining unit into its top organisation;
3. seats into their forum (the forum then shows how many seats and vacancies it has).

Highlighted, focused and gap nodes are never folded away. Every step is linear in nodes + edges.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from graph.model import Model
from viz.diagram import DEdge, DNode
from viz.facets import Facets
from viz.tooltips import word

__all__ = ["AGGREGATE_THRESHOLD", "aggregate"]

#: Views with more nodes than this are grouped (and, like every view above ``viz.layout.PHYSICS_LIMIT``,
#: laid out on the server with physics off). vis-network stays responsive to roughly this size.
AGGREGATE_THRESHOLD = 1500
_LIST_MEMBERS = 8


class _Fold:
    """Representatives: each node id → the id it is folded into (itself when kept)."""

    def __init__(self, nodes: list[DNode], edges: list[DEdge], protected: set[str]) -> None:
        self.nodes = {n.id: n for n in nodes}
        self.edges = edges
        self.protected = protected
        self.rep: dict[str, str] = {}
        self.new_nodes: dict[str, DNode] = {}
        self.removed: set[str] = set()

    def find(self, nid: str) -> str:
        seen = []
        while nid in self.rep:
            seen.append(nid)
            nid = self.rep[nid]
        for s in seen:
            self.rep[s] = nid
        return nid

    def fold(self, child: str, into: str) -> None:
        if child in self.protected or child == into:
            return
        target = self.find(into)
        if target == child:
            return
        self.rep[child] = target

    def result(self, lang: str) -> tuple[list[DNode], list[DEdge]]:
        groups: dict[str, list[DNode]] = defaultdict(list)
        kept: list[DNode] = []
        for nid, n in {**self.nodes, **self.new_nodes}.items():
            if nid in self.removed:
                continue
            r = self.find(nid)
            if r == nid:
                kept.append(n)
            else:
                groups[r].append(n)
        by_id = {n.id: n for n in kept}
        for r, members in groups.items():
            head = by_id[r]
            head.members += sum(1 + m.members for m in members)
            head.aliases = (*head.aliases, *(m.label.split("\n")[0] for m in members), *_aliases(members))
            names = ", ".join(m.label.split("\n")[0] for m in members[:_LIST_MEMBERS])
            more = f" … (+{len(members) - _LIST_MEMBERS})" if len(members) > _LIST_MEMBERS else ""
            head.tooltip += f"\n{word('members', lang)} {head.members} {word('entities', lang)}: {names}{more}"
            head.flags.add("aggregate")
            if any("vacant" in m.flags for m in members):
                head.flags.add("vacant")
            merged = set(head.facets.get("clusters", ())) | {c for m in members for c in m.facets.get("clusters", ())}
            head.facets["clusters"] = sorted(merged)
        merged_edges: dict[tuple[str, str, str], DEdge] = {}
        for e in self.edges:
            u, v = self.find(e.u), self.find(e.v)
            if u == v or u not in by_id or v not in by_id or e.u in self.removed or e.v in self.removed:
                continue
            key = (u, v, e.kind)
            if key in merged_edges:
                merged_edges[key].count += e.count
                merged_edges[key].flags |= e.flags & {"highlight"}
            else:
                merged_edges[key] = DEdge(u, v, e.kind, e.label, e.tooltip, set(e.flags), e.count, dict(e.facets))
        for e in merged_edges.values():
            if e.count > 1:
                e.tooltip = (e.tooltip + "\n" if e.tooltip else "") + f"{e.count} ×"
        return kept, list(merged_edges.values())


def _aliases(members: list[DNode]) -> tuple[str, ...]:
    return tuple(a for m in members for a in m.aliases)


def aggregate(
    model: Model,
    fc: Facets,
    nodes: list[DNode],
    edges: list[DEdge],
    lang: str,
    threshold: int = AGGREGATE_THRESHOLD,
    protected: set[str] | None = None,
) -> tuple[list[DNode], list[DEdge], list[str]]:
    """Fold the view step by step until it has at most ``threshold`` nodes; returns the notes to show."""
    before = len(nodes)
    steps: list[Callable[[_Fold, Model, Facets, str], None]] = [_step_people_units_practices, _step_units, _step_seats]
    done: list[int] = []
    for number, step in enumerate(steps, start=1):
        fold = _Fold(nodes, edges, protected or set())
        step(fold, model, fc, lang)
        nodes, edges = fold.result(lang)
        _reweigh(nodes, edges)
        done.append(number)
        if len(nodes) <= threshold:
            break
    note = (
        f"Stor visning: {before} enheder er samlet til {len(nodes)} (trin {', '.join(map(str, done))}; "
        f"grænse {threshold}). Kommunernes enheder vises i kommunen, personer i deres plads, praksisser pr. "
        "klynge og kanaler som linjer."
        if lang == "da"
        else f"Large view: {before} entities grouped into {len(nodes)} (steps {', '.join(map(str, done))}; "
        f"threshold {threshold}). Municipal units are shown in their municipality, persons in their seat, "
        "practices per cluster and channels as lines."
    )
    return nodes, edges, [note]


def _reweigh(nodes: list[DNode], edges: list[DEdge]) -> None:
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[e.u] += e.count
        degree[e.v] += e.count
    for n in nodes:
        n.weight = float(degree.get(n.id, 0) + n.members)
        n.facets["degree"] = degree.get(n.id, 0)


def _top_org(model: Model, nid: str, *, nearest: bool) -> str | None:
    """The nearest (or the top) ``organisation`` above ``nid`` along part_of."""
    g = model.nx
    cur, seen, found = nid, {nid}, None
    while True:
        parents = [v for _, v, k in g.out_edges(cur, keys=True) if k == "part_of" and v not in seen]
        if not parents:
            return found
        cur = sorted(parents)[0]
        seen.add(cur)
        if g.nodes[cur]["kind"] == "organisation":
            found = cur
            if nearest:
                return found


def _step_people_units_practices(fold: _Fold, model: Model, fc: Facets, lang: str) -> None:
    g = model.nx
    ids = fold.nodes
    held: dict[str, list[str]] = defaultdict(list)
    chan_src: dict[str, list[str]] = defaultdict(list)
    chan_dst: dict[str, list[str]] = defaultdict(list)
    partners: dict[str, list[str]] = defaultdict(list)
    for e in fold.edges:
        if e.kind == "holds":
            held[e.u].append(e.v)
        elif e.kind == "channel_from":
            chan_src[e.v].append(e.u)
        elif e.kind == "channel_to":
            chan_dst[e.u].append(e.v)
    for c in chan_src.keys() & chan_dst.keys():
        for a in chan_src[c]:
            partners[a].extend(chan_dst[c])
            for b in chan_dst[c]:
                partners[b].append(a)
    for nid, n in ids.items():
        if n.kind == "person" and held.get(nid):
            fold.fold(nid, sorted(held[nid])[0])
        elif n.kind == "unit":
            org = _top_org(model, nid, nearest=True)
            if org in ids and ids[org].sector == "municipal":
                fold.fold(nid, org)
    # channels become lines between their (grouped) ends
    for c in chan_src.keys() & chan_dst.keys():
        if c in fold.protected:
            continue
        for a in chan_src[c]:
            for b in chan_dst[c]:
                fold.edges.append(DEdge(a, b, "channel", tooltip=ids[c].label.replace("\n", " ")))
        fold.removed.add(c)
    # stand-alone general practices (no units, seats or members of their own): one node per cluster / region
    busy = {e.v for e in fold.edges if e.kind in ("part_of", "post_in", "member_of")} | {
        e.u for e in fold.edges if e.kind in ("reports_to", "gives_status_to", "raises_decisions_to", "post_in")
    }
    member_of: dict[str, list[str]] = defaultdict(list)
    for e in fold.edges:
        if e.kind == "member_of":
            member_of[e.u].append(e.v)
    for nid, n in ids.items():
        if n.kind != "organisation" or g.nodes[nid].get("sector") != "general_practice" or nid in busy:
            continue
        key, where = _practice_group(model, fc, nid, partners.get(nid, []), member_of.get(nid, []), lang)
        agg = f"aggregate:practices:{key}"
        if agg not in fold.new_nodes:
            label = ("Almen praksis" if lang == "da" else "General practice") + f"\n{where}"
            fold.new_nodes[agg] = DNode(
                agg,
                label,
                "aggregate",
                sector="general_practice",
                tooltip=label.replace("\n", ": "),
                flags={"aggregate"},
                facets={"kind": "aggregate", "sector": "general_practice", "clusters": [], "status": "none"},
            )
        fold.fold(nid, agg)


def _practice_group(
    model: Model, fc: Facets, nid: str, partners: list[str], member_of: list[str], lang: str
) -> tuple[str, str]:
    """Where a practice belongs: its one cluster, a partner's one cluster, what it is a member of, or the
    top organisation of a partner."""
    own = fc.clusters.get(nid, ())
    if len(own) == 1:
        return own[0], model.label(own[0], lang)
    for p in sorted(partners):
        cl = fc.clusters.get(p, ())
        if len(cl) == 1:
            return cl[0], model.label(cl[0], lang)
    for m in sorted(member_of):
        return m, model.label(m, lang)
    for p in sorted(partners):
        top = _top_org(model, p, nearest=False)
        if top:
            return top, model.label(top, lang)
    return "other", "øvrige" if lang == "da" else "other"


def _step_units(fold: _Fold, model: Model, fc: Facets, lang: str) -> None:
    for nid, n in fold.nodes.items():
        if n.kind == "unit":
            org = _top_org(model, nid, nearest=False)
            if org in fold.nodes:
                fold.fold(nid, org)


def _step_seats(fold: _Fold, model: Model, fc: Facets, lang: str) -> None:
    host = {e.u: e.v for e in fold.edges if e.kind == "post_in"}
    for nid, n in fold.nodes.items():
        if n.kind == "post" and host.get(nid) in fold.nodes:
            fold.fold(nid, host[nid])
