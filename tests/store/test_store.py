"""The embedded store: seeding, persistence, validated edits, the PROV change log, undo, locking."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from graph.changelog import to_ntriples
from graph.errors import AmbiguousEntity, ConflictError, EditRejected, EntityNotFound, ValidationFailed
from graph.store import GraphStore, open_store
from ontology.namespace import DCTERMS, ORG, PROV, RDF, SK, XSD
from tests.store.support import CHAIR, GROUP, MEMBERSHIP, PERSON_EMAIL, SEAT, small_data

USER = "Eva Editor"


@pytest.fixture()
def store(tmp_path: Path) -> GraphStore:
    s = open_store(tmp_path / "store", seed_paths=[small_data(tmp_path / "data")])
    yield s
    s.close()


def fill(store: GraphStore, name: str = "Anna Andersen", **extra: str) -> object:
    edit = {"op": "fill_seat", "seat": SEAT, "name": name, **extra}
    return store.apply([edit], user=USER, reason="Udpeget på mødet 1. maj", if_match=store.version)


def data_dump(store: GraphStore) -> bytes:
    return b"".join(sorted(store.export("n-triples", include_personal=True).splitlines(keepends=True)))


def test_first_start_seeds_from_the_files_and_logs_the_load(store: GraphStore) -> None:
    history = store.history()
    assert [r.kind for r in history] == ["seed"]
    assert history[0].edits[0]["files"] == ["small.ttl"]
    assert store.model().node(SEAT)["occupancy"] == "vacant"
    assert store.version == store.model().version == history[0].version


def test_an_edit_survives_a_restart(tmp_path: Path) -> None:
    data = small_data(tmp_path / "data")
    first = open_store(tmp_path / "store", seed_paths=[data])
    record = fill(first, email="anna@example.org")
    version = first.version
    first.close()

    again = open_store(tmp_path / "store", seed_paths=[data])
    try:
        model = again.model()
        assert model.node(SEAT)["occupancy"] == "held"
        holders = [u for u, _, k in model.nx.in_edges(SEAT, keys=True) if k == "holds"]
        assert [model.label(h) for h in holders] == ["Anna Andersen"]
        assert again.version == version == record.version
        assert [r.kind for r in again.history()] == ["edit", "seed"]
    finally:
        again.close()


@pytest.mark.parametrize(
    ("edits", "rule"),
    [
        # a named holder and "vacant" at once
        ([{"op": "change", "entity": SEAT, "occupancy": "vacant"}], "SK-V-SEAT-OCCUPANCY"),
        # an end date before the start date
        ([{"op": "change", "entity": GROUP, "valid_until": "2023-12-31"}], "SK-V-DATE-ORDER"),
        ([{"op": "end", "entity": GROUP, "on": "2020-01-01"}], "SK-V-DATE-ORDER"),
    ],
)
def test_an_invalid_edit_is_refused_and_the_store_is_byte_for_byte_unchanged(
    store: GraphStore, edits: list[dict[str, str]], rule: str
) -> None:
    fill(store)
    before, version = store.dump_dataset(), store.version
    with pytest.raises(ValidationFailed) as caught:
        store.apply(edits, user=USER, reason="prøver noget ugyldigt", if_match=version)
    assert rule in {f.rule for f in caught.value.findings}  # type: ignore[attr-defined]
    assert caught.value.findings[0].as_json()["rule"] == rule  # type: ignore[attr-defined]
    assert store.dump_dataset() == before
    assert store.version == version


def test_undo_restores_the_exact_previous_content(store: GraphStore) -> None:
    before = data_dump(store)
    batch = [
        {
            "op": "create_forum",
            "ref": "ny",
            "label_da": "Ny arbejdsgruppe",
            "label_en": "New working group",
            "type": "working_group",
            "reports_to": "Testgruppen",
            "secretariat_in": "Testkommune",
        },
        {"op": "create_seat", "forum": "#ny", "label_da": "Formand", "role": "chair", "on_behalf_of": "Testpraksis"},
        {"op": "fill_seat", "seat": SEAT, "name": "Bo Berg", "phone": "+45 00 00 00 02"},
        {"op": "end", "entity": MEMBERSHIP, "on": "2025-06-30"},
        {"op": "change", "entity": GROUP, "label_en": "The renamed test group"},
    ]
    record = store.apply(batch, user=USER, reason="Ny struktur", if_match=store.version)
    assert data_dump(store) != before
    # the patched model is exactly what the store holds
    assert to_ntriples(store.model().rdf).encode() == data_dump(store)
    undone = store.undo(record.id, user=USER, reason="Fortrudt", if_match=store.version)
    assert undone.kind == "undo" and undone.undoes == record.iri
    assert data_dump(store) == before
    assert store.model().node(SEAT)["occupancy"] == "vacant"
    with pytest.raises(EditRejected):
        store.undo(record.id, user=USER, reason="igen", if_match=store.version)
    redone = store.undo(undone.id, user=USER, reason="Alligevel", if_match=store.version)
    assert set(redone.added) == set(record.added)


def test_undo_is_refused_when_a_later_change_touched_the_same_facts(store: GraphStore) -> None:
    first = fill(store)
    store.apply([{"op": "vacate_seat", "seat": SEAT}], user=USER, reason="fratrådt", if_match=store.version)
    with pytest.raises(EditRejected, match="later changes"):
        store.undo(first.id, user=USER, reason="fortryd", if_match=store.version)  # type: ignore[attr-defined]


def test_the_initial_load_cannot_be_undone(store: GraphStore) -> None:
    seed = store.history()[-1]
    with pytest.raises(EditRejected):
        store.undo(seed.id, user=USER, reason="alt væk", if_match=None)
    with pytest.raises(EntityNotFound):
        store.undo("20990101T000000Z-00000000", user=USER, reason="findes ikke", if_match=None)


def test_a_stale_etag_is_a_conflict_and_changes_nothing(store: GraphStore) -> None:
    old = store.version
    fill(store)
    before = store.dump_dataset()
    with pytest.raises(ConflictError):
        store.apply([{"op": "end", "entity": GROUP}], user=USER, reason="for sent", if_match=old)
    assert store.dump_dataset() == before


def test_concurrent_writers_are_serialised_into_one_chain(store: GraphStore) -> None:
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            edit = {"op": "create_organisation", "label_da": f"Organisation {i}", "sector": "municipal"}
            store.apply([edit], user=USER, reason=f"skriver {i}", if_match=None)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    history = store.history()
    assert len(history) == 7
    for newer, older in itertools.pairwise(history):
        assert newer.previous == older.iri  # one linear chain: nobody built on a version twice
    labels = {d["label"] for _, d in store.model().nx.nodes(data=True)}
    assert {f"Organisation {i}" for i in range(6)} <= labels


def test_writers_with_the_same_etag_only_one_wins(store: GraphStore) -> None:
    version, results = store.version, []

    def write(i: int) -> None:
        edit = {"op": "create_topic", "label_da": f"Emne {i}"}
        try:
            store.apply([edit], user=USER, reason="samtidig", if_match=version)
            results.append("ok")
        except ConflictError:
            results.append("conflict")

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["conflict", "conflict", "conflict", "ok"]


def test_edited_facts_cite_a_source_saying_when_and_why_and_the_log_says_who(store: GraphStore) -> None:
    record = fill(store)
    model = store.model()
    sources = model.node(SEAT)["sources"]
    edit_sources = [s for s in model.sources_of(sources) if "redigering" in s.id]
    assert len(edit_sources) == 1
    src = edit_sources[0]
    assert src.section == "Udpeget på mødet 1. maj"
    assert USER not in src.title  # the public source names no editor; the change log does
    assert store.change(record.id).user == USER  # type: ignore[attr-defined]
    assert src.date == record.at.date().isoformat()  # type: ignore[attr-defined]
    doc = model.rdf.value(URIRef(src.id), DCTERMS.isPartOf)
    assert (doc, PROV.wasGeneratedBy, URIRef(record.iri)) in model.rdf  # type: ignore[attr-defined]


def test_the_change_log_is_prov_and_stays_out_of_the_data(store: GraphStore) -> None:
    record = fill(store, email=PERSON_EMAIL)
    again = store.change(record.id)  # type: ignore[attr-defined]
    assert again == record
    assert again.user == USER and again.reason == "Udpeget på mødet 1. maj"
    assert (URIRef(SEAT), SK.occupancy, SK.Held) in set(again.added)
    assert (URIRef(SEAT), SK.occupancy, SK.Vacant) in set(again.removed)
    assert again.created and again.created[0].startswith("https://w3id.org/samarbejdskort/id/person/anna-andersen-")
    exported = store.export("n-triples", include_personal=True).decode()
    assert not [line for line in exported.splitlines() if line.startswith(f"<{record.iri}>")]  # type: ignore[attr-defined]
    assert str(PROV.Activity) not in exported
    assert (None, RDF.type, PROV.Activity) not in store.model().rdf


def test_end_keeps_the_entity_and_marks_it_ended(store: GraphStore) -> None:
    store.apply([{"op": "end", "entity": CHAIR, "on": "2025-12-31"}], user=USER, reason="nedlagt", if_match=None)
    rdf = store.model().rdf
    assert (URIRef(CHAIR), SK.status, SK.Ended) in rdf
    assert (URIRef(CHAIR), SK.validUntil, Literal("2025-12-31", datatype=XSD.date)) in rdf
    assert (URIRef(CHAIR), ORG.postIn, URIRef(GROUP)) in rdf
    assert store.model().node(CHAIR)["status"] == "ended"


def test_references_are_resolved_like_everywhere_else(store: GraphStore) -> None:
    with pytest.raises(EntityNotFound):
        store.apply(
            [{"op": "fill_seat", "seat": "ingen sådan plads", "name": "X Y"}], user=USER, reason="x y z", if_match=None
        )
    with pytest.raises(AmbiguousEntity):
        store.apply(
            [{"op": "create_membership", "member": "Test", "organisation": "Testgruppen"}],
            user=USER,
            reason="tvetydig",
            if_match=None,
        )
    record = store.apply(
        [{"op": "fill_seat", "seat": "Praksiskonsulent i testgruppen", "name": "Carl Carlsen"}],
        user=USER,
        reason="ved navn",
        if_match=None,
    )
    assert record.kind == "edit"


def test_malformed_edits_and_no_op_edits_are_rejected(store: GraphStore) -> None:
    for bad in (
        {"op": "fill_seat", "seat": SEAT, "name": "A B", "email": "not-an-email"},
        {"op": "blow_up"},
        {"op": "create_topic", "label_da": "a\x00b"},
    ):
        with pytest.raises(EditRejected):
            store.apply([bad], user=USER, reason="dårlig", if_match=None)
    with pytest.raises(EditRejected):
        store.apply([{"op": "fill_seat", "seat": SEAT, "name": "A B"}], user=USER, reason="", if_match=None)
    fill(store)
    with pytest.raises(EditRejected, match="already has a holder"):
        fill(store, name="Den Anden")


def test_export_and_the_model_agree_and_hide_personal_data_by_default(store: GraphStore) -> None:
    public = store.export("turtle").decode()
    assert PERSON_EMAIL not in public and "+4500000001" not in public
    assert "Kirsten Kontakt" not in public  # the public view names no person
    assert "foaf:Person" in public  # ... but says one exists
    private = store.export("n-triples", include_personal=True).decode()
    assert PERSON_EMAIL in private
    assert store.export("json-ld").startswith(b"[")
    assert len(private.splitlines()) == len(store.model().rdf)


def test_changed_seed_files_reload_until_the_first_edit(tmp_path: Path) -> None:
    data = small_data(tmp_path / "data")
    open_store(tmp_path / "store", seed_paths=[data]).close()
    data.write_text(data.read_text(encoding="utf-8").replace("Testgruppen", "Den nye testgruppe"), encoding="utf-8")
    store = open_store(tmp_path / "store", seed_paths=[data])
    try:
        assert store.model().label(GROUP) == "Den nye testgruppe"
        assert [r.kind for r in store.history()] == ["seed", "seed"]
        fill(store)
    finally:
        store.close()
    data.write_text(data.read_text(encoding="utf-8").replace("Den nye testgruppe", "Tredje navn"), encoding="utf-8")
    store = open_store(tmp_path / "store", seed_paths=[data])
    try:  # after an edit the store is the master: the files are left alone
        assert store.model().label(GROUP) == "Den nye testgruppe"
        assert store.model().node(SEAT)["occupancy"] == "held"
    finally:
        store.close()


def test_every_replaced_model_is_handed_to_the_listeners(store: GraphStore) -> None:
    told: list[object] = []
    store.on_replace(told.append)
    first = store.model()
    record = fill(store)
    second = store.model()
    store.undo(record.id, user=USER, reason="fortryd", if_match=store.version)
    assert told == [first, second] and store.model() not in told
