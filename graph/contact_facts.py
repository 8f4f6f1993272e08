"""What ranks a contact candidate whoever asks: where it belongs, its channels' origins, its sectors and
its availability (available / proposed / channel_not_open / holder_not_stated / vacant / missing)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graph.contact_types import Cand, Facts
from graph.model import Model
from graph.view import ORG_KINDS, View

__all__ = ["anchors", "facts", "is_municipality", "missing_note", "names", "status", "the_municipality"]


def is_municipality(nodes: Mapping[str, Mapping[str, Any]], nid: str) -> bool:
    """``nid`` is a municipality, the root its units climb to (``contact_index.own_root``): an organisation of
    the municipal sector, not a municipal forum such as KOSU, which speaks for all of them. ``nodes``: the
    adjacency's."""
    node = nodes[nid]
    return node["kind"] == "organisation" and node.get("sector") == "municipal"


def the_municipality(nodes: Mapping[str, Mapping[str, Any]], ids: Iterable[str]) -> str | None:
    """Of bodies one name fits, the one municipality, if exactly one is: a town names its municipality (»Randers«
    is Randers Kommune, not its hospital, cluster or groups). ``nodes``: the adjacency's."""
    towns = [nid for nid in ids if is_municipality(nodes, nid)]
    return towns[0] if len(towns) == 1 else None


def facts(v: View, c: Cand, channels: tuple[str, ...]) -> Facts:
    """The candidate's facts on this view (kept with the view: they do not depend on the asker)."""
    store: dict[tuple[str, tuple[str, ...], str | None], Facts] = v.cached("contact-facts", dict)
    key = (c.who, channels, c.requirement)
    hit = store.get(key)
    if hit is None:
        where = frozenset(anchors(v, c.who))
        froms = {f for ch in channels for f in v.into(ch, "channel_from")}
        if v.kind(c.who) == "channel":
            froms |= set(v.into(c.who, "channel_from"))
        sectors = frozenset(v.adjacency.nodes[a].get("sector") for x in where for a in {x, *v.ancestors(x)})
        state, note = status(v, c, channels)
        hit = store[key] = Facts(where, frozenset(froms), sectors, state, note)
    return hit


def anchors(v: View, nid: str) -> list[str]:
    """The organisations and forums an entity belongs to (a post: its forum and whom it represents)."""
    kind = v.kind(nid)
    if kind in ORG_KINDS:
        return [nid]
    if kind == "post":
        return v.out(nid, "post_in") + v.out(nid, "on_behalf_of")
    if kind == "person":
        return [a for p in v.out(nid, "holds") for a in anchors(v, p)] + v.out(nid, "member_of")
    if kind == "channel":
        return v.out(nid, "channel_to") or v.into(nid, "channel_from")
    if kind == "contact_point":
        return [a for o in v.into(nid, "contact_point") for a in anchors(v, o)]
    if kind == "requirement":
        return v.out(nid, "required_in")
    return []


def status(v: View, c: Cand, channels: tuple[str, ...]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """available / proposed / channel_not_open / holder_not_stated / vacant / missing, and why (da, en)."""
    if c.requirement and not v.out(c.requirement, "fulfilled_by"):
        note = missing_note(v.model, c.who, v.out(c.requirement, "requested_by"))
        return "missing", ((note["da"], note["en"]),)
    if v.kind(c.who) == "post" and not v.into(c.who, "holds"):
        d = v.adjacency.nodes[c.who]
        if d.get("occupancy") == "vacant" or (not d.get("is_seat") and d.get("occupancy") is None):
            return "vacant", (("Pladsen er vakant.", "The post is vacant."),)
        return "holder_not_stated", (
            ("Kilden oplyser ikke, hvem der besætter pladsen.", "The source does not say who holds the post."),
        )
    if channels and all(v.adjacency.nodes[ch].get("state", "not_stated") != "open" for ch in channels):
        return "channel_not_open", (("Kanalen er ikke registreret som åben.", "The channel is not recorded as open."),)
    if v.proposed(c.who, *channels):
        return "proposed", (("Kun foreslået, ikke besluttet.", "Only proposed, not decided."),)
    return "available", ()


def missing_note(model: Model, body: str, requested_by: list[str]) -> dict[str, str]:
    return {
        "da": f"Der er ikke udpeget en fast kontaktperson i {model.label(body, 'da')} "
        f"(efterspurgt af {names(model, requested_by, 'da')}).",
        "en": f"No fixed contact person has been named in {model.label(body, 'en')} "
        f"(requested by {names(model, requested_by, 'en')}).",
    }


def names(model: Model, ids: Iterable[str], lang: str) -> str:
    """The names joined: "A, B og C" / "A, B and C"."""
    found = [model.label(i, lang) for i in ids]
    conj = " og " if lang == "da" else " and "
    return ", ".join(found[:-1]) + conj + found[-1] if len(found) > 1 else "".join(found)
