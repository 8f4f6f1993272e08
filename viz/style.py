"""The one styling table: colours, shapes and line patterns keyed by node kind, sector, edge kind and flag.

Both renderers (vis-network HTML and Graphviz) and the legend read these tables, so a colour or a dash
pattern is decided once. The words for node kinds and sectors come from the vocabulary (``ontology.codes``,
``kind_names``/``sector_names``); only what the vocabulary has no code for – a grouped node, an unknown kind,
a missing sector – and line kinds and markings, which are drawing words, are named here.
Palette: Okabe–Ito based, distinguishable with the common colour-vision deficiencies.
"""

from __future__ import annotations

from dataclasses import dataclass

from ontology import codes

__all__ = [
    "EDGE_STYLES",
    "FADED",
    "FADED_TEXT",
    "FLAG_STYLES",
    "FONT",
    "NODE_STYLES",
    "SECTORS",
    "EdgeStyle",
    "FlagStyle",
    "NodeStyle",
    "SectorStyle",
    "edge_style",
    "kind_names",
    "name",
    "node_style",
    "sector_names",
    "sector_style",
]

#: Font for every static diagram (Debian's fonts-dejavu-core; æøå included).
FONT = "DejaVu Sans"
#: The size of a line's label on the page (vis-network px); dot makes room for it at that size.
EDGE_FONT_PX = 10


@dataclass(frozen=True)
class SectorStyle:
    """Fill and border colour of a sector (its words: ``sector_names``)."""

    fill: str
    border: str


@dataclass(frozen=True)
class NodeStyle:
    """How one node kind is drawn: vis shape (network views), Graphviz shape, relative size (words: ``kind_names``)."""

    vis_shape: str
    dot_shape: str
    size: float
    dot_style: str = "filled"


@dataclass(frozen=True)
class EdgeStyle:
    """How one edge kind is drawn. ``dashes`` is the vis pattern (False = solid); ``dot`` the Graphviz style."""

    colour: str
    width: float
    dashes: bool | tuple[int, ...]
    dot: str
    arrows: str  # "to", "from", "to;from" or ""
    name: tuple[str, str]
    arrowhead: str = "normal"


@dataclass(frozen=True)
class FlagStyle:
    """An overlay on the kind style: vacancy, gap, proposed, scenario, highlight, focus, aggregate."""

    border: str
    width: float
    dashes: bool | tuple[int, ...]
    dot: str
    name: tuple[str, str]


SECTORS: dict[str, SectorStyle] = {
    "municipal": SectorStyle("#cfe3f3", "#0072B2"),
    "somatic": SectorStyle("#f8d9c6", "#D55E00"),
    "psychiatry": SectorStyle("#f2dcea", "#A0508A"),
    "general_practice": SectorStyle("#c9ece0", "#009E73"),
    "region": SectorStyle("#fbe5b6", "#B07A00"),
    "national": SectorStyle("#e2e2e2", "#555555"),
    "cross_sector": SectorStyle("#f7f1b5", "#8C7E00"),
    "none": SectorStyle("#f4f4f4", "#8a8a8a"),
}

NODE_STYLES: dict[str, NodeStyle] = {
    "forum": NodeStyle("diamond", "box", 24, "filled,rounded"),
    "partnership": NodeStyle("diamond", "box", 24, "filled,rounded"),
    "collaboration": NodeStyle("hexagon", "hexagon", 22),
    "cluster": NodeStyle("hexagon", "hexagon", 26),
    "organisation": NodeStyle("dot", "ellipse", 20),
    "unit": NodeStyle("dot", "ellipse", 14),
    "post": NodeStyle("square", "box", 10),
    "person": NodeStyle("triangle", "egg", 10),
    "channel": NodeStyle("triangleDown", "cds", 11),
    "requirement": NodeStyle("square", "note", 11),
    "responsibility": NodeStyle("square", "note", 11),
    "open_question": NodeStyle("square", "note", 10),
    "contact_point": NodeStyle("dot", "ellipse", 8),
    "topic": NodeStyle("dot", "ellipse", 10),
    "mandate": NodeStyle("square", "note", 8),
    "agreement": NodeStyle("square", "note", 8),
    "request": NodeStyle("square", "note", 8),
    "aggregate": NodeStyle("star", "box3d", 22),
    "other": NodeStyle("dot", "ellipse", 10),
}

_GREY = "#9a9a9a"
_LINE = "#333333"
EDGE_STYLES: dict[str, EdgeStyle] = {
    "reports_to": EdgeStyle(_LINE, 2.4, False, "solid", "to", ("refererer til", "reports to")),
    "gives_status_to": EdgeStyle(
        "#5b5b5b", 1.8, (10, 6), "dashed", "to", ("giver status til", "gives status to"), "empty"
    ),
    "raises_decisions_to": EdgeStyle(
        "#7a3b00", 1.8, (16, 5, 3, 5), "dashed", "to", ("indstiller beslutninger til", "raises decisions to"), "vee"
    ),
    "communicates_with": EdgeStyle(
        "#5b5b5b", 1.6, (2, 5), "dotted", "to;from", ("kommunikerer med", "communicates with"), "none"
    ),
    "post_in": EdgeStyle(_GREY, 1.0, False, "solid", "", ("plads i", "seat in"), "none"),
    "holds": EdgeStyle(_GREY, 1.0, False, "solid", "to", ("besætter", "holds")),
    "on_behalf_of": EdgeStyle("#b5b5b5", 0.8, (2, 4), "dotted", "to", ("repræsenterer", "on behalf of")),
    "part_of": EdgeStyle("#a8a8a8", 1.0, False, "solid", "to", ("del af", "part of")),
    "member_of": EdgeStyle("#b0b0b0", 1.0, (6, 4), "dashed", "to", ("medlem af", "member of")),
    "channel_from": EdgeStyle("#00827f", 1.2, False, "solid", "", ("kanal fra", "channel from"), "none"),
    "channel_to": EdgeStyle("#00827f", 1.2, False, "solid", "to", ("kanal til", "channel to")),
    "channel": EdgeStyle("#00827f", 1.4, False, "solid", "to", ("kanal (samlet)", "channel (grouped)")),
    "secretariat_in": EdgeStyle("#b5b5b5", 0.8, (2, 4), "dotted", "to", ("sekretariat i", "secretariat in")),
    "chair_from": EdgeStyle("#b5b5b5", 0.8, (2, 4), "dotted", "to", ("formand fra", "chair from")),
    "cluster_of": EdgeStyle("#b0b0b0", 1.0, False, "solid", "to", ("styregruppe for", "steering group of")),
    "acute_hospital": EdgeStyle("#b0b0b0", 1.0, False, "solid", "to", ("akuthospital", "acute hospital")),
    "required_in": EdgeStyle("#c00000", 1.0, (6, 4), "dashed", "to", ("skal findes i", "required in")),
    "requested_by": EdgeStyle("#c00000", 1.0, (6, 4), "dashed", "to", ("efterspurgt af", "requested by")),
    "fulfilled_by": EdgeStyle("#009E73", 1.2, False, "solid", "to", ("opfyldt af", "fulfilled by")),
    "responsibility_of": EdgeStyle(_GREY, 1.0, (6, 4), "dashed", "to", ("ansvar i", "responsibility of")),
    "placed_with": EdgeStyle(_GREY, 1.0, False, "solid", "to", ("placeret hos", "placed with")),
    "handles": EdgeStyle("#c8c8c8", 0.6, False, "solid", "to", ("håndterer emne", "handles topic")),
    "contact_point": EdgeStyle("#c8c8c8", 0.6, False, "solid", "to", ("kontaktpunkt", "contact point")),
    "about": EdgeStyle("#c8c8c8", 0.6, (2, 4), "dotted", "to", ("om", "about")),
    "has_mandate": EdgeStyle("#c8c8c8", 0.6, False, "solid", "to", ("kommissorium", "terms of reference")),
    "approved_by": EdgeStyle("#c8c8c8", 0.6, False, "solid", "to", ("godkendt af", "approved by")),
    "other": EdgeStyle(_GREY, 1.0, False, "solid", "to", ("forbindelse", "link")),
}

FLAG_STYLES: dict[str, FlagStyle] = {
    "vacant": FlagStyle("#c00000", 2.5, (6, 4), "dashed", ("Vakant plads", "Vacant seat")),
    "gap": FlagStyle("#c00000", 2.5, (6, 4), "dashed", ("Mangel (fx ingen fast kontaktperson)", "Gap")),
    "not_stated": FlagStyle("#8a8a8a", 1.5, (2, 4), "dotted", ("Indehaver ikke oplyst", "Holder not stated")),
    "proposed": FlagStyle("#E69F00", 2.5, (3, 3), "dashed", ("Foreslået (ikke besluttet)", "Proposed")),
    "scenario": FlagStyle("#7B3FA0", 2.5, (3, 3), "dashed", ("Kun i valgt scenarie", "Only in chosen scenario")),
    "highlight": FlagStyle("#E0007A", 4.0, False, "bold", ("Svar / fremhævet", "Answer / highlighted")),
    "focus": FlagStyle("#000000", 4.0, False, "bold", ("Valgt enhed", "Focus")),
    "aggregate": FlagStyle("#444444", 2.0, False, "solid", ("Samlet gruppe (stor visning)", "Grouped (large view)")),
}

#: Colour of everything not in a highlight, so the answer stands out.
FADED = "#d9d9d9"
FADED_TEXT = "#9a9a9a"


#: Words for what the vocabulary has no code for: a grouped node, an unknown kind, a missing sector.
_OWN_WORDS: dict[str, tuple[str, str]] = {
    "aggregate": ("Samlet gruppe", "Grouped entities"),
    "other": ("Andet", "Other"),
    "none": ("Sektor ikke angivet", "Sector not stated"),
}


def kind_names(kind: str) -> tuple[str, str]:
    """(Danish, English) for a node kind: the vocabulary's words (``ontology.codes``, scheme ``kind``)."""
    return _words("kind", kind)


def sector_names(sector: str) -> tuple[str, str]:
    """(Danish, English) for a sector code: the vocabulary's words (scheme ``sector``)."""
    return _words("sector", sector)


def _words(scheme: str, key: str) -> tuple[str, str]:
    if key in _OWN_WORDS and key not in codes.codes(scheme):
        return _OWN_WORDS[key]
    return codes.label(scheme, key, "da"), codes.label(scheme, key, "en")


def sector_style(sector: str | None) -> SectorStyle:
    return SECTORS.get(sector or "none", SECTORS["none"])


def node_style(kind: str) -> NodeStyle:
    return NODE_STYLES.get(kind, NODE_STYLES["other"])


def edge_style(kind: str) -> EdgeStyle:
    return EDGE_STYLES.get(kind, EDGE_STYLES["other"])


def name(pair: tuple[str, str], lang: str) -> str:
    """The name in ``lang`` with the other language alongside (the UI is Danish with English beside it)."""
    da, en = pair
    if da == en:
        return da
    return f"{en} / {da}" if lang == "en" else f"{da} / {en}"
