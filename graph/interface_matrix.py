"""The interface matrix: every pair of parties in a scope, sector × sector or organisation × organisation.

A coordinator preparing a meeting asks "where do the hands meet, and where not?". Each cell summarises one
pair's interface (``graph.interfaces.between``): forums, channels by state, contact persons by state, open
requests, a strength and a ``missing`` mark; the empty cells are the finding. Pairs where one party contains
the other (PPR within the municipalities) have no cell.

JSON shape of ``Matrix.as_json(lang)``::

    {"scope": [Ref], "by": "sector" | "organisation", "date": "YYYY-MM-DD", "scenarios": [str],
     "parties": [Party],                        # rows and columns, in order (see graph.interfaces)
     "cells": [{"a": key, "b": key,             # party keys, a before b in ``parties``
                "forums": int, "channels": {state: int}, "contact_persons": {state: int},
                "requests": int, "lines": int, "people": int, "strength": {"score": int, "level": str},
                "missing": bool, "missing_kinds": [str]}],
     "summary": {"pairs": int, "connected": int, "none": int, "with_missing": int}}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.applicability import check_scenarios
from graph.errors import InputError
from graph.interface_parties import Party, in_scope, organisation_parties, sector_parties
from graph.interfaces import Interface, between, strength_level
from graph.model import Model
from graph.view import view

__all__ = ["BY", "Matrix", "matrix"]

BY = ("sector", "organisation")


@dataclass(frozen=True)
class Matrix:
    """All pairs of parties in scope; ``cells[(i, j)]`` for i < j (indices into ``parties``)."""

    scope: tuple[str, ...]
    by: str
    on: dt.date
    scenarios: tuple[str, ...]
    parties: tuple[Party, ...]
    cells: dict[tuple[int, int], Interface]
    model: Model = field(repr=False, compare=False)

    def cell(self, i: int, j: int) -> Interface | None:
        return self.cells.get((min(i, j), max(i, j)))

    def as_json(self, lang: str = "da") -> dict[str, Any]:
        m = self.model
        cells = []
        for (i, j), itf in sorted(self.cells.items()):
            s = itf.summary()
            kinds = sorted({x["kind"] for x in itf.missing})
            cells.append(
                {
                    "a": self.parties[i].key,
                    "b": self.parties[j].key,
                    "forums": s["forums"],
                    "channels": s["channels"],
                    "contact_persons": s["contact_persons"],
                    "requests": s["requests"],
                    "lines": s["lines"],
                    "people": s["people"],
                    "strength": {"score": itf.score, "level": strength_level(itf.score)},
                    "missing": bool(kinds),
                    "missing_kinds": kinds,
                }
            )
        return {
            "scope": [m.ref(s, lang) for s in self.scope],
            "by": self.by,
            "date": self.on.isoformat(),
            "scenarios": list(self.scenarios),
            "parties": [p.as_json(m, lang) for p in self.parties],
            "cells": cells,
            "summary": {
                "pairs": len(cells),
                "connected": sum(1 for c in cells if c["strength"]["score"] > 0),
                "none": sum(1 for c in cells if c["strength"]["score"] == 0),
                "with_missing": sum(1 for c in cells if c["missing"]),
            },
        }


def matrix(
    model: Model,
    *,
    scope: Sequence[str] | str | None = None,
    by: str = "sector",
    on: dt.date | None = None,
    scenarios: Iterable[str] = (),
) -> Matrix:
    """The matrix of every pair in ``scope`` (nothing/"region", a cluster, forum, organisation, or several
    organisations) on ``on`` (default today). Raises InputError / EntityNotFound naming what is wrong."""
    if by not in BY:
        raise InputError(f"--by '{by}' is not known (use sector or organisation)")
    scen = check_scenarios(model, scenarios)
    day = on or dt.date.today()
    v = view(model, day, scen)
    within, roots = in_scope(v, scope)
    parties = sector_parties(v, within) if by == "sector" else organisation_parties(v, within, roots)
    cells = {}
    for i, pa in enumerate(parties):
        for j in range(i + 1, len(parties)):
            pb = parties[j]
            if pa.overlaps(pb):
                continue
            cells[(i, j)] = between(model, pa, pb, day, scen)
    return Matrix(tuple(roots), by, day, scen, tuple(parties), cells, model)
