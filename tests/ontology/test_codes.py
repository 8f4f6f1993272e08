"""One codes table: every code the answers use has its IRI and both a Danish and an English word."""

from __future__ import annotations

import re
from pathlib import Path

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


def test_no_template_keeps_a_word_table_of_its_own_for_a_scheme() -> None:
    """The gaps page headed its groups from a table of 27 gap kinds of its own, worded apart from the
    vocabulary's (»Poster uden indehaver« against »stilling uden indehaver«), and the diagram form named the
    sectors from another: a ``{% set X = {...} %}`` in a template whose keys are mostly codes of one scheme (three
    or more) is such a table. (The wayfinder's numbered route steps share three words with the kinds: not one.)"""
    templates = Path(__file__).resolve().parents[2] / "api" / "templates"
    found = []
    for page in sorted(templates.glob("*.html")):
        for name, body in re.findall(r"{%\s*set\s+(\w+)\s*=\s*{(.*?)}\s*%}", page.read_text(encoding="utf-8"), re.S):
            keys = set(re.findall(r'"(\w+)"\s*:', body))
            for scheme in codes.SCHEMES:
                mine = keys & set(codes.codes(scheme))
                if len(mine) >= 3 and len(mine) > len(keys) / 2:  # mostly one scheme's codes: its words again
                    found.append((page.name, name, scheme))
    assert found == []
