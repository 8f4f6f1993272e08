"""rdflib on first use: the question path (load, project, answer) never needs it.

Importing rdflib costs ~0.05 s, a sixth of a command-line answer on the bundled data; only conversions to
and from rdflib terms (``Model.rdf``, exports, edits, validation) use it. ``rdflib.URIRef`` etc. on the
object below import the library the first time an attribute is read and cache the attribute, so later
reads are plain attribute lookups. Type hints import the real names under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["LazyModule", "rdflib"]


class LazyModule:
    """A module imported the first time one of its attributes is read."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):
            raise AttributeError(attr)  # copy/pickle/inspect probing: not a reason to import
        value = getattr(importlib.import_module(self._name), attr)
        setattr(self, attr, value)
        return value

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


#: ``rdflib`` (``URIRef``, ``Literal``, ``BNode``, ``Graph`` …), imported on first use.
rdflib = LazyModule("rdflib")
