"""Citing sources in an answer's JSON: each answer part lists source ids, the answer holds each source once."""

from __future__ import annotations

from typing import Any

from graph.model import Model

__all__ = ["cite"]


def cite(m: Model, ids: Any, table: dict[str, dict[str, Any]]) -> list[str]:
    """The ids of the sources behind ``ids`` (entity or statement ids), each added to ``table`` once."""
    out = []
    for src in m.sources_of(ids):
        ref = src.as_json()
        table.setdefault(ref["id"], ref)
        out.append(ref["id"])
    return out
