"""Checks every question applies to its arguments: known scenarios, entities in force.

A typo in a scenario name or an entity that has ended would otherwise give a silently wrong answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from graph.cache import memo
from graph.errors import InputError
from graph.model import Model
from graph.view import view

__all__ = ["check_scenarios", "require_in_force"]


# ------------------------------------------------------------------------------------------------ checks
def check_scenarios(model: Model, scenarios: Iterable[str]) -> tuple[str, ...]:
    """The chosen scenario keys, sorted and unique; a key the data does not know is an InputError.

    A typo would otherwise silently give the answer without the scenario.
    """
    chosen = tuple(sorted({s.strip() for s in scenarios if s and s.strip()}))
    if not chosen:
        return chosen  # nothing to check: the data's scenario keys (a scan of every node and edge) not needed
    known = memo(model, "scenario-keys", lambda: _scenario_keys(model))
    unknown = [s for s in chosen if s not in known]
    if unknown:
        valid = ", ".join(sorted(known)) or "none in these data"
        raise InputError(f"unknown scenario '{unknown[0]}' (known: {valid})")
    return chosen


def _scenario_keys(model: Model) -> frozenset[str]:
    keys = {d["scenario"] for d in model.adjacency.nodes.values() if d.get("scenario")}
    keys |= {d["scenario"] for _, _, _, d in model.adjacency.edges() if d.get("scenario")}
    return frozenset(keys)


def require_in_force(model: Model, nid: str, on: dt.date | None, scenarios: tuple[str, ...]) -> None:
    """Refuse an entity that does not apply on the date/scenarios, saying why and what would make it apply."""
    d = model.node(nid)
    if view(model, on, scenarios).ok(nid):
        return
    label = d["label"]
    if d.get("status") in ("ended", "rejected"):
        raise InputError(f"'{label}' has status {d['status']}; it has no lines in force")
    if d.get("scenario") and d["scenario"] not in scenarios:
        raise InputError(f"'{label}' exists only in scenario '{d['scenario']}'; choose that scenario to use it")
    span = f"{d.get('valid_from') or '…'} – {d.get('valid_until') or '…'}"
    raise InputError(f"'{label}' is valid {span}, not on {on}")
