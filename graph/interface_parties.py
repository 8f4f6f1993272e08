"""The parties of the interface question: sectors (with the municipal sub-sectors) and organisations.

A coordinator says "almen praksis", "PPR", "psykiatri" or names an organisation or unit; the interface
question needs the set of entities that party stands for. A sector is every organisation and unit of that
sector in scope; a municipal sub-sector (PPR, health visiting, family services, school/KUI) is the municipal
organisations and units that handle its topic. An organisation is itself and its units and sub-organisations
(stopping at those that are parties of their own in a matrix). Each party also carries its *home*: the
ancestors in the same sector, because a seat or channel for Favrskov Kommune serves its PPR too; items found
only through the home are marked ``via`` in answers.

Scopes: nothing or "region" (everything in force), a cluster (its members and their parts), a forum,
partnership or collaboration (its members and the organisations its seats are for), an organisation (itself
and its parts), or several named entities (exactly that set).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from graph.errors import InputError
from graph.model import Model
from graph.text import normalise
from graph.view import View

__all__ = [
    "BODY_KINDS",
    "SECTORS",
    "Party",
    "in_scope",
    "organisation_parties",
    "party",
    "sector_parties",
]

BODY_KINDS = ("organisation", "unit")
_COLLAB_KINDS = ("forum", "partnership", "collaboration", "cluster")
_ID = "https://w3id.org/samarbejdskort/id/"

# key: (Danish label, English label, base sector, topics that mark a municipal sub-sector, extra names)
SECTORS: dict[str, tuple[str, str, str, tuple[str, ...], tuple[str, ...]]] = {
    "municipal": ("Kommune", "Municipality", "municipal", (), ("kommune", "kommuner", "kommunerne")),
    "ppr": ("PPR", "PPR (educational psychology)", "municipal", ("emne/ppr",), ("pædagogisk psykologisk rådgivning",)),
    "health_visiting": ("Sundhedspleje", "Health visiting", "municipal", ("emne/sundhedspleje",), ("sundhedsplejen",)),
    "family": ("Familieområdet", "Family services", "municipal", ("emne/familieomraadet",), ("familie",)),
    "school_kui": ("Skole og KUI", "School and KUI", "municipal", ("emne/skole", "emne/kui"), ("skole", "kui")),
    "general_practice": ("Almen praksis", "General practice", "general_practice", (), ("praktiserende læger",)),
    "somatic": ("Somatik (hospital)", "Somatic hospital", "somatic", (), ("somatik", "hospital")),
    "psychiatry": ("Børne- og ungdomspsykiatri", "Child and adolescent psychiatry", "psychiatry", (), ("psykiatri",)),
    "region": ("Region", "Region", "region", (), ("regionen",)),
    "national": ("National / anden", "National / other", "national", (), ("national",)),
    "cross_sector": ("Tværsektoriel", "Cross-sector", "cross_sector", (), ()),
    "not_stated": ("Sektor ikke oplyst", "Sector not stated", "", (), ()),
}
_MATRIX_SECTORS = tuple(k for k in SECTORS if k != "cross_sector")


@dataclass(frozen=True)
class Party:
    """One side of an interface: what it stands for in the data."""

    key: str  # a sector key, or the IRI of the organisation/unit
    kind: str  # "sector" or "organisation"
    label: dict[str, str]
    members: frozenset[str]
    home: frozenset[str]  # same-sector ancestors of the members (items through them are marked ``via``)

    @property
    def side(self) -> frozenset[str]:
        return self.members | self.home

    def overlaps(self, other: Party) -> bool:
        return bool(self.members & other.members)

    def as_json(self, model: Model, lang: str = "da") -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "kind": self.kind, "label": self.label.get(lang) or self.label["da"]}
        if self.kind == "organisation":
            out["entity"] = model.ref(self.key, lang)
        out["members"] = [model.ref(m, lang) for m in sorted(self.members)]
        return out


# ------------------------------------------------------------------------------------------------ scope
def in_scope(v: View, scope: Sequence[str] | str | None) -> tuple[frozenset[str], list[str]]:
    """The organisations and units in scope on the view's date, and the resolved scope entities ([] for the
    whole data)."""
    model = v.model
    texts = [scope] if isinstance(scope, str) else list(scope or ())
    texts = [t.strip() for t in texts if t and t.strip()]
    every = _bodies(v)
    if not texts or (len(texts) == 1 and normalise(texts[0]) in ("region", "regionen", "alle", "all")):
        return every, []
    roots = [model.resolve(t) for t in texts]
    g = model.nx
    if len(roots) > 1:
        bad = [r for r in roots if g.nodes[r]["kind"] not in BODY_KINDS]
        if bad:
            raise InputError(
                f"a chosen set may hold only organisations and units; '{model.label(bad[0])}' is a "
                f"{g.nodes[bad[0]]['kind']}"
            )
        return frozenset(r for r in roots if r in every), roots
    root = roots[0]
    kind = g.nodes[root]["kind"]
    if kind in BODY_KINDS:
        found = {root} | _descendants(v, root)
    elif kind in _COLLAB_KINDS:
        members = set(v.into(root, "member_of"))
        members |= {o for seat in v.into(root, "post_in") for o in v.out(seat, "on_behalf_of")}
        found = {d for m in members for d in {m} | _descendants(v, m)}
    else:
        raise InputError(f"'{model.label(root)}' is a {kind}; a scope is a cluster, forum, organisation or unit")
    return frozenset(found & every), roots


# ------------------------------------------------------------------------------------------------ parties
def sector_parties(v: View, within: frozenset[str]) -> list[Party]:
    """One party per sector (and municipal sub-sector) that has at least one organisation or unit in scope."""
    parties = [_sector(v, key, within) for key in _MATRIX_SECTORS]
    return [p for p in parties if p.members]


def organisation_parties(v: View, within: frozenset[str], roots: Sequence[str] = ()) -> list[Party]:
    """One party per organisation in scope (units fold into their organisation); units when no organisation is.

    When the scope is one organisation or unit, its direct parts are the parties (the matrix *inside* it)."""
    model, g = v.model, v.g
    if len(roots) == 1 and g.nodes[roots[0]]["kind"] in BODY_KINDS:
        parts = [u for u in v.into(roots[0], "part_of") if u in within]
        heads = parts or [roots[0]]
    else:
        heads = sorted(n for n in within if g.nodes[n]["kind"] == "organisation") or sorted(within)
    head_set = set(heads)
    out = []
    for h in heads:
        members = {h} | {d for d in _descendants(v, h, stop=head_set) if d in within}
        out.append(_org_party(v, h, frozenset(members)))
    return sorted(out, key=lambda p: (_sector_order(model, p.key), p.label["da"].casefold()))


def party(v: View, text: str, by: str | None, within: frozenset[str] | None = None) -> Party:
    """The party a user means: a sector name (when ``by`` is "sector" or not given and it names one), else an
    organisation or unit (name, abbreviation or IRI). Raises InputError / EntityNotFound naming the text."""
    if not text or not text.strip():
        raise InputError("a party is empty: name a sector or an organisation")
    model = v.model
    scope = within if within is not None else _bodies(v)
    if by in (None, "sector"):
        key = sector_key(text)
        if key is not None:
            found = _sector(v, key, scope)
            if not found.members:
                where = "in this scope" if within is not None else "in the data on this date"
                raise InputError(f"the sector '{text}' has no organisation or unit {where}")
            return found
        if by == "sector":
            names = ", ".join(SECTORS)
            raise InputError(f"'{text}' is not a sector (known: {names})")
    nid = model.resolve(text)
    kind = model.nx.nodes[nid]["kind"]
    if kind not in BODY_KINDS:
        raise InputError(f"'{model.label(nid)}' is a {kind}; an interface joins organisations, units or sectors")
    return _org_party(v, nid, frozenset({nid}) | _descendants(v, nid))


def sector_key(text: str) -> str | None:
    """The sector key a text names (key, Danish or English label, or a listed other name), else None."""
    t = normalise(text)
    for key, (da, en, _, _, extra) in SECTORS.items():
        names = {normalise(key), normalise(key.replace("_", " ")), normalise(da), normalise(en)}
        if t in names | {normalise(x) for x in extra}:
            return key
    return None


def _sector(v: View, key: str, within: frozenset[str]) -> Party:
    da, en, base, topics, _ = SECTORS[key]
    g = v.g
    marks = {_ID + t for t in topics}
    members = set()
    for n in within:
        sector = g.nodes[n].get("sector") or ""
        if sector != base:
            continue
        if marks and not any(t in marks for t in v.out(n, "handles")):
            continue
        members.add(n)
    home = frozenset(a for m in members for a in _home(v, m)) - members
    return Party(key, "sector", {"da": da, "en": en}, frozenset(members), home)


def _org_party(v: View, nid: str, members: frozenset[str]) -> Party:
    model = v.model
    return Party(
        nid,
        "organisation",
        {"da": model.label(nid, "da"), "en": model.label(nid, "en")},
        members,
        frozenset(_home(v, nid)) - members,
    )


# ------------------------------------------------------------------------------------------------ walking
def _bodies(v: View) -> frozenset[str]:
    return v.cached("interface-bodies", lambda: frozenset(v.nodes(*BODY_KINDS)))


def _descendants(v: View, nid: str, stop: Iterable[str] = ()) -> set[str]:
    """Parts all the way down, not into (or below) the ``stop`` entities (parties of their own)."""
    stop_set = set(stop)
    if not stop_set:
        return set(v.descendants(nid)) - {nid}
    found: set[str] = set()
    stack = [nid]
    while stack:
        for child in v.into(stack.pop(), "part_of"):
            if child not in found and child not in stop_set and child != nid:
                found.add(child)
                stack.append(child)
    return found


def _home(v: View, nid: str) -> list[str]:
    """Ancestors in the same sector, nearest first: PPR → its municipality, BUA → Psykiatrien, not on to
    the region (a region-wide seat is not the ward's own)."""
    nodes = v.g.nodes
    sector = nodes[nid].get("sector")
    if sector is None:
        return []
    out: list[str] = []
    cur = nid
    while True:
        ups = [
            p
            for p in v.out(cur, "part_of")
            if p not in out and p != nid and v.kind(p) in BODY_KINDS and nodes[p].get("sector") == sector
        ]
        if not ups:
            return out
        cur = ups[0]
        out.append(cur)


def _sector_order(model: Model, nid: str) -> int:
    order = [SECTORS[k][2] for k in _MATRIX_SECTORS]
    sector = model.nx.nodes[nid].get("sector") or ""
    return order.index(sector) if sector in order else len(order)
