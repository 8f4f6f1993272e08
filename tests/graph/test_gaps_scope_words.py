"""Gaps scoped to a cluster cover its forums, seats, members' requirements and requests (issue 10, item 4)."""

from __future__ import annotations

import datetime as dt

from graph.gaps import find_gaps

ID = "https://w3id.org/samarbejdskort/id/"
ON = dt.date(2026, 6, 1)


def _kinds_and_entities(report):
    return {(g.kind, g.entity.removeprefix(ID)) for g in report.gaps}


def test_randers_cluster_scope_shows_vacancy_contact_persons_kui_and_requests(bundled) -> None:
    got = _kinds_and_entities(find_gaps(bundled, scope="Randersklyngen", on=ON))
    assert ("vacant_seat", "forum/randers-implementeringsgruppe/plads/praksiskonsulent") in got
    assert ("missing_contact_person", "krav/fast-kontaktperson/favrskov") in got
    assert ("missing_contact_person", "krav/fast-kontaktperson/bua") in got
    assert ("responsibility_not_placed", "ansvar/randers-skole-og-kui-perspektiv") in got
    assert ("outstanding_request", "oenske/randers-proceskoordinator") in got
    assert ("outstanding_request", "oenske/randers-maalgruppekriterier") in got


def test_a_scope_is_a_subset_and_another_cluster_does_not_see_randers(bundled) -> None:
    everything = _kinds_and_entities(find_gaps(bundled, on=ON))
    randers = _kinds_and_entities(find_gaps(bundled, scope="Randersklyngen", on=ON))
    midt = _kinds_and_entities(find_gaps(bundled, scope="Midtklyngen", on=ON))
    assert randers <= everything and midt <= everything
    assert not any(e.startswith(("forum/randers", "oenske/randers", "ansvar/randers")) for _, e in midt)


def test_an_approved_request_says_who_approved_it_and_when(bundled) -> None:
    gap = next(g for g in find_gaps(bundled, on=ON).gaps if g.entity.endswith("oenske/randers-proceskoordinator"))
    assert gap.kind == "outstanding_request"
    assert "Klyngestyregruppen for Randersklyngen" in gap.text["da"] and "2023-11-28" in gap.text["da"]
