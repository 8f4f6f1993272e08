"""One codes table: every code the answers use has its IRI and both a Danish and an English word."""

from __future__ import annotations

import pytest

from graph.gaps import GAP_KINDS, SEVERITIES
from graph.model import load
from graph.vocab import KIND_ORDER
from ontology import codes
from ontology.namespace import SK


@pytest.mark.parametrize("scheme", codes.SCHEMES)
def test_every_code_has_a_danish_and_an_english_label(scheme: str) -> None:
    entries = codes.entries(scheme)
    assert entries, f"the vocabulary states no code of scheme {scheme}"
    missing = [(c.code, c.da, c.en) for c in entries if not (c.da.strip() and c.en.strip())]
    assert not missing


def test_the_words_are_the_vocabularys() -> None:
    assert codes.label("state", "being_set_up") == "under oprettelse"
    assert codes.label("state", "being_set_up", "en") == "being set up"
    assert codes.label("occupancy", "not_stated") != codes.label("state", "not_stated")
    assert codes.word("vacant_seat", "da") == "vakant plads"


def test_code_and_iri_go_both_ways() -> None:
    assert codes.iri("status", "proposed") == str(SK.Proposed)
    assert codes.code("status", SK.Proposed) == "proposed"
    assert codes.code("status", SK.Vacant) is None
    for scheme in codes.SCHEMES:
        for c in codes.entries(scheme):
            assert codes.code(scheme, codes.iri(scheme, c.code)) == c.code


def test_a_code_the_vocabulary_lacks_is_shown_as_itself() -> None:
    assert codes.label("role", "kasserer") == "kasserer"
    assert codes.word(None) == ""


def test_every_code_the_questions_answer_with_is_in_the_table() -> None:
    assert set(GAP_KINDS) <= set(codes.codes("gap"))
    assert codes.codes("severity") == SEVERITIES
    assert codes.codes("nearness") == ("channel", "own", "forum", "cluster", "region", "national", "other")
    answer = {"available", "proposed", "channel_not_open", "holder_not_stated", "vacant", "missing"}
    assert set(codes.codes("answer")) == answer
    kinds = {k for k, _ in KIND_ORDER} - {"scenario", "source", "membership", "line", "role"}
    assert kinds <= set(codes.codes("kind"))


def test_the_bundled_data_uses_only_known_codes() -> None:
    model = load()
    for attr, scheme in (("status", "status"), ("sector", "sector"), ("state", "state"), ("occupancy", "occupancy")):
        used = {d.get(attr) for _, d in model.nx.nodes(data=True)} - {None}
        assert used <= set(codes.codes(scheme)), (attr, used - set(codes.codes(scheme)))
    kinds = {d["kind"] for _, d in model.nx.nodes(data=True)}
    assert kinds <= set(codes.codes("kind")), kinds - set(codes.codes("kind"))
