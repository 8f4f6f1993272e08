"""Network writers for graph tools: GraphML (yEd, Gephi, networkx) and a CSV edge list (Gephi, spreadsheets).

Both write the typed graph the questions use (``model.nx``), not the RDF: one node per entity with its
kind, sector, status and dates as attributes, one edge per relation with its kind. GraphML also carries
yEd's node label (``y:ShapeNode``), so yEd shows names without a properties mapper; Gephi and networkx read
the plain ``label`` attribute. ``networkx.read_graphml`` reads the file back (tested).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET
from typing import Any

from graph.exporting import ExportFormat, register
from graph.model import Model

__all__ = ["EDGE_COLUMNS", "EDGE_FIELDS", "NODE_FIELDS", "edge_rows", "graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
Y_NS = "http://www.yworks.com/xml/graphml"
# (attribute, GraphML type): the node attributes a graph tool can colour, filter or size by.
NODE_FIELDS: tuple[tuple[str, str], ...] = (
    ("label", "string"),
    ("label_en", "string"),
    ("kind", "string"),
    ("sector", "string"),
    ("forum_kind", "string"),
    ("status", "string"),
    ("valid_from", "string"),
    ("valid_until", "string"),
    ("scenario", "string"),
    ("occupancy", "string"),
    ("role", "string"),
    ("state", "string"),
    ("seats_min", "int"),
    ("seats_max", "int"),
    ("sources", "string"),
)
EDGE_FIELDS: tuple[tuple[str, str], ...] = (
    ("kind", "string"),
    ("status", "string"),
    ("valid_from", "string"),
    ("valid_until", "string"),
    ("scenario", "string"),
    ("via", "string"),
    ("sources", "string"),
)
EDGE_COLUMNS = (
    "Source",
    "Target",
    "Type",
    "Label",
    "source_label",
    "target_label",
    "source_kind",
    "target_kind",
    "status",
    "valid_from",
    "valid_until",
    "scenario",
    "sources",
)


def _text(value: Any) -> str | None:
    """An attribute as text: dates ISO, tuples of IRIs space-separated, missing or structured values dropped."""
    if value is None or value == "" or isinstance(value, dict):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list, set, frozenset)):
        return " ".join(sorted(str(v) for v in value)) or None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# ------------------------------------------------------------------------------------------- GraphML
def graphml(model: Model) -> bytes:
    """The typed graph as GraphML 1.0 with yEd node labels."""
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("y", Y_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    for name, typ in NODE_FIELDS:
        _key(root, f"n_{name}", "node", name, typ)
    for name, typ in EDGE_FIELDS:
        _key(root, f"e_{name}", "edge", name, typ)
    gfx = ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": "n_yed", "for": "node"})
    gfx.set("yfiles.type", "nodegraphics")
    graph = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "samarbejdskort", "edgedefault": "directed"})
    for nid in sorted(model.nx.nodes):
        attrs = model.nx.nodes[nid]
        node = ET.SubElement(graph, f"{{{GRAPHML_NS}}}node", {"id": nid})
        for name, _ in NODE_FIELDS:
            _data(node, f"n_{name}", attrs.get(name))
        shape = ET.SubElement(ET.SubElement(node, f"{{{GRAPHML_NS}}}data", {"key": "n_yed"}), f"{{{Y_NS}}}ShapeNode")
        ET.SubElement(shape, f"{{{Y_NS}}}NodeLabel").text = str(attrs.get("label") or nid)
    for i, (u, v, k, attrs) in enumerate(sorted(model.nx.edges(keys=True, data=True), key=lambda e: e[:3])):
        edge = ET.SubElement(graph, f"{{{GRAPHML_NS}}}edge", {"id": f"e{i}", "source": u, "target": v})
        for name, _ in EDGE_FIELDS:
            _data(edge, f"e_{name}", attrs.get(name, k if name == "kind" else None))
    out = io.BytesIO()
    ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
    return out.getvalue()


def _key(root: ET.Element, key_id: str, domain: str, name: str, typ: str) -> None:
    ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": typ})


def _data(parent: ET.Element, key: str, value: Any) -> None:
    text = _text(value)
    if text is not None:
        ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": key}).text = text


# ------------------------------------------------------------------------------------------ CSV edges
def edge_rows(model: Model) -> list[dict[str, str]]:
    """One row per edge, Gephi's column names first (Source, Target, Type, Label), sorted for stable diffs."""
    nodes = model.nx.nodes
    rows: list[dict[str, str]] = []
    for u, v, k, attrs in model.nx.edges(keys=True, data=True):
        rows.append(
            {
                "Source": u,
                "Target": v,
                "Type": "Directed",
                "Label": k,
                "source_label": str(nodes[u].get("label", "")),
                "target_label": str(nodes[v].get("label", "")),
                "source_kind": str(nodes[u].get("kind", "")),
                "target_kind": str(nodes[v].get("kind", "")),
                "status": _text(attrs.get("status")) or "",
                "valid_from": _text(attrs.get("valid_from")) or "",
                "valid_until": _text(attrs.get("valid_until")) or "",
                "scenario": _text(attrs.get("scenario")) or "",
                "sources": _text(attrs.get("sources")) or "",
            }
        )
    rows.sort(key=lambda r: (r["Source"], r["Target"], r["Label"]))
    return rows


def _csv_edges(model: Model) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=EDGE_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in edge_rows(model):
        writer.writerow({k: _safe_cell(v) for k, v in row.items()})
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read æ, ø, å as UTF-8


def _safe_cell(value: str) -> str:
    """Spreadsheet formula injection guard: a cell starting with = + - @ is prefixed with an apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


register(
    ExportFormat(
        "graphml",
        "application/graphml+xml; charset=utf-8",
        "graphml",
        {
            "da": "GraphML til yEd, Gephi og networkx (art, sektor, status og datoer som attributter)",
            "en": "GraphML for yEd, Gephi and networkx (kind, sector, status and dates as attributes)",
        },
        graphml,
    )
)
register(
    ExportFormat(
        "csv-edges",
        "text/csv; charset=utf-8",
        "csv",
        {
            "da": "Kantliste som CSV (Source, Target, Type, Label …) til Gephi og regneark",
            "en": "Edge list as CSV (Source, Target, Type, Label …) for Gephi and spreadsheets",
        },
        _csv_edges,
        aliases=("edges", "csv-edgelist"),
    )
)
