"""Diagrams people can explore and print.

``viz.views`` turns the model into a neutral ``Diagram`` (organisation diagram, collaboration network,
ego view, with highlight overlays); ``viz.html`` renders it as one offline interactive page and
``viz.static`` as SVG, PDF or PNG. Styling lives in one table, ``viz.style``. Nothing is imported or
computed until a name is used: ``import viz`` stays cheap and never loads pygraphviz.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "AGGREGATE_THRESHOLD",
    "PHYSICS_LIMIT",
    "Diagram",
    "Filters",
    "Highlight",
    "collaboration_network",
    "ego_view",
    "highlight_from_chain",
    "highlight_from_contact",
    "highlight_from_gaps",
    "highlight_from_path",
    "organisation_diagram",
    "render_static",
    "to_html",
]

_WHERE = {
    "AGGREGATE_THRESHOLD": "viz.aggregate",
    "Diagram": "viz.diagram",
    "Filters": "viz.diagram",
    "Highlight": "viz.highlight",
    "PHYSICS_LIMIT": "viz.layout",
    "collaboration_network": "viz.views",
    "ego_view": "viz.views",
    "highlight_from_chain": "viz.highlight",
    "highlight_from_contact": "viz.highlight",
    "highlight_from_gaps": "viz.highlight",
    "highlight_from_path": "viz.highlight",
    "organisation_diagram": "viz.views",
    "render_static": "viz.static",
    "to_html": "viz.html",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'viz' has no attribute {name!r}")
