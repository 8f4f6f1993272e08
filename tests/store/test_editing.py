"""Edits as deltas: exact triples from terms the program made, and validation of the touched nodes."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Literal, URIRef

from graph.edit_check import check_delta, neighbourhood
from graph.edit_plan import plan_edits
from graph.editing import EditBatch
from graph.errors import EditRejected, EntityNotFound, ValidationFailed
from graph.model import Model, model_from_graph, model_from_text
from graph.validation import validate
from ontology.namespace import FOAF, ORG, PROV, RDF, SK, VCARD
from tests.store.support import GROUP, ID, SEAT, SMALL_TTL

REGION = ID + "test/region"

NOW = dt.datetime(2025, 5, 1, 12, 0, tzinfo=dt.UTC)
CHANGE = "https://w3id.org/samarbejdskort/id/endring/20250501T120000Z-00000000"


@pytest.fixture(scope="module")
def small() -> Model:
    return model_from_text(SMALL_TTL)


def plan(model: Model, *edits: dict[str, object]):
    return plan_edits(model, list(edits), user="Eva", reason="test", at=NOW, change_iri=CHANGE)


def test_fill_seat_makes_a_person_with_a_personal_contact_point(small: Model) -> None:
    delta = plan(
        small,
        {
            "op": "fill_seat",
            "seat": SEAT,
            "name": "Anna Æbelø",
            "email": "anna@example.org",
            "phone": "+45 12 34 56 78",
        },
    )
    person = URIRef(delta.created[0])
    assert person.startswith("https://w3id.org/samarbejdskort/id/person/anna-aebeloe-")
    added = delta.added
    assert (person, RDF.type, FOAF.Person) in added and (person, FOAF.name, Literal("Anna Æbelø")) in added
    assert (URIRef(SEAT), ORG.heldBy, person) in added and (URIRef(SEAT), SK.occupancy, SK.Held) in added
    assert (URIRef(SEAT), SK.occupancy, SK.Vacant) in delta.removed
    cps = [o for s, p, o in added if s == person and p == SK.contactPoint]
    assert (cps[0], SK.functional, Literal(False)) in added
    assert (cps[0], VCARD.hasEmail, URIRef("mailto:anna@example.org")) in added
    assert (cps[0], VCARD.hasTelephone, URIRef("tel:+4512345678")) in added
    section = next(o for s, p, o in added if s == URIRef(SEAT) and p == PROV.wasDerivedFrom)
    assert (section, RDF.type, SK.SourceSection) in added


def test_user_text_only_ever_becomes_literals(small: Model) -> None:
    evil = 'x" . } ; DROP ALL ; INSERT DATA { <a:b> <a:b> <a:b> } #'
    delta = plan(small, {"op": "create_topic", "label_da": evil, "alt_labels": [evil]})
    texts = [o for _, _, o in delta.added if isinstance(o, Literal) and evil in str(o)]
    assert len(texts) == 2
    assert all(isinstance(t, URIRef | Literal) for triple in delta.added for t in triple)


def test_local_references_within_a_batch(small: Model) -> None:
    delta = plan(
        small,
        {"op": "create_forum", "ref": "g", "label_da": "Gruppe", "type": "working_group", "reports_to": GROUP},
        {"op": "create_seat", "ref": "s", "forum": "#g", "label_da": "Formand", "role": "chair"},
        {"op": "fill_seat", "seat": "#s", "name": "Ida Ibsen"},
    )
    forum, line, seat, person = (URIRef(x) for x in delta.created)
    assert (seat, ORG.postIn, forum) in delta.added and (seat, ORG.heldBy, person) in delta.added
    assert (line, SK.toBody, URIRef(GROUP)) in delta.added
    with pytest.raises(EditRejected, match="already has a holder"):
        plan(
            small,
            {"op": "create_seat", "ref": "s", "forum": GROUP, "label_da": "Medlem"},
            {"op": "fill_seat", "seat": "#s", "name": "Ida Ibsen"},
            {"op": "fill_seat", "seat": "#s", "name": "Ole Olsen"},
        )
    with pytest.raises(EntityNotFound):
        plan(small, {"op": "fill_seat", "seat": "#unknown", "name": "Ida Ibsen"})


def test_check_delta_rejects_new_violations_only(small: Model) -> None:
    bad = plan(small, {"op": "change", "entity": GROUP, "valid_until": "2023-01-01"})
    with pytest.raises(ValidationFailed) as caught:
        check_delta(small, bad)
    assert [f.rule for f in caught.value.findings] == ["SK-V-DATE-ORDER"]  # type: ignore[attr-defined]
    good = plan(small, {"op": "end", "entity": GROUP, "on": "2025-01-31"})
    after = check_delta(small, good)
    assert (URIRef(GROUP), SK.status, SK.Ended) in after and (URIRef(GROUP), SK.status, SK.Active) not in after


def test_the_edit_schema_is_json_describable() -> None:
    schema = EditBatch.model_json_schema()
    ops = {v["properties"]["op"]["const"] for v in schema["$defs"].values() if "op" in v.get("properties", {})}
    assert {"fill_seat", "create_forum", "end", "change", "create_membership", "create_channel"} <= ops


def test_the_neighbourhood_gives_the_same_findings_as_the_whole_graph(bundled: Model) -> None:
    """``check_delta`` validates only the neighbourhood of the touched nodes: it must see what the full graph sees."""
    g = bundled.rdf
    full = validate(g)
    picks: dict[str, str] = {}
    for nid, kind in bundled.nx.nodes(data="kind"):
        if kind in ("forum", "post", "cluster", "channel", "requirement", "organisation") and nid.startswith("http"):
            picks.setdefault(kind, nid)
    picks["membership"] = str(next(iter(g.subjects(RDF.type, ORG.Membership))))
    picks["line"] = str(next(iter(g.subjects(RDF.type, SK.ReportingLine))))
    findings_forums = {f.focus for f in full.findings if f.rule.startswith("SK-W-FORUM")}
    if findings_forums:
        picks["forum with a finding"] = sorted(findings_forums)[0]
    for label, nid in picks.items():
        node = URIRef(nid)
        expected = {f for f in full.findings if f.focus == nid}
        got = set(validate(neighbourhood(g, [node]), focus_nodes=[node]).findings)
        assert got == expected, label


def test_the_holder_of_a_held_seat_is_changed_by_vacating_and_filling_in_one_batch(small: Model) -> None:
    first = check_delta(small, plan(small, {"op": "fill_seat", "seat": SEAT, "name": "Anna Andersen"}))
    held = model_from_graph(first, version="x")
    with pytest.raises(EditRejected, match="already has a holder"):
        plan(held, {"op": "fill_seat", "seat": SEAT, "name": "Ole Olsen"})
    delta = plan(held, {"op": "vacate_seat", "seat": SEAT}, {"op": "fill_seat", "seat": SEAT, "name": "Ole Olsen"})
    after = check_delta(held, delta)
    holders = [str(after.value(h, FOAF.name)) for h in after.objects(URIRef(SEAT), ORG.heldBy)]
    assert holders == ["Ole Olsen"]
    assert (URIRef(SEAT), SK.occupancy, SK.Held) in after and (URIRef(SEAT), SK.occupancy, SK.Vacant) not in after


def test_an_edit_that_makes_a_part_of_cycle_is_refused_naming_it(small: Model) -> None:
    """The test group is part of the test region; making the region part of a new body under the group loops."""
    delta = plan(
        small,
        {
            "op": "create_organisation",
            "ref": "u",
            "label_da": "Underudvalg",
            "type": "unit",
            "sector": "region",
            "part_of": GROUP,
        },
        {"op": "change", "entity": REGION, "label_da": "Testregionen"},
    )
    check_delta(small, delta)  # no cycle yet
    looping = plan_edits(
        small,
        [{"op": "create_forum", "ref": "f", "label_da": "Løkkeforum", "part_of": GROUP}],
        user="Eva",
        reason="test",
        at=NOW,
        change_iri=CHANGE,
    )
    forum = URIRef(looping.created[0])
    looping.added.add((URIRef(REGION), ORG.subOrganizationOf, forum))
    with pytest.raises(EditRejected, match="cycle") as caught:
        check_delta(small, looping)
    assert "Løkkeforum → Testgruppen → Testregionen → Løkkeforum" in str(caught.value)
