"""The synthetic structure generator: size, determinism and the data conventions (docs/data-conventions.md)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from benchmarks.generate import SCALES, generate, main, write
from ontology.namespace import DCTERMS, ID, ORG, PROV, SH, SK, SKOS

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"


@pytest.fixture(scope="module")
def region_text() -> str:
    return "".join(generate("region", seed=1, fmt="ttl"))


@pytest.fixture(scope="module")
def region(region_text: str) -> Graph:
    return Graph().parse(data=region_text, format="turtle")


def _ids(g: Graph, cls: URIRef) -> set[URIRef]:
    return set(g.subjects(RDF.type, cls))


def _triples(data: bytes | str, fmt: ox.RdfFormat) -> set[tuple[str, str, str]]:
    """Parsed with Oxigraph (rdflib is ~20x slower); terms in N-Triples form."""
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(data, format=fmt)}


# ------------------------------------------------------------------ size, formats, determinism


def test_region_parses_with_expected_size(region: Graph) -> None:
    assert 15_000 <= len(region) <= 30_000


def test_write_returns_triples_and_both_formats_hold_the_same_graph(tmp_path: Path, region: Graph) -> None:
    nt, ttl = tmp_path / "r.nt", tmp_path / "r.ttl"
    assert write("region", 1, nt) == write("region", 1, ttl) == len(region)
    from_nt = _triples(nt.read_bytes(), ox.RdfFormat.N_TRIPLES)
    assert from_nt == _triples(ttl.read_bytes(), ox.RdfFormat.TURTLE)
    assert len(from_nt) == len(region)
    assert ttl.read_text(encoding="utf-8").startswith("@base <https://w3id.org/samarbejdskort/id/>")


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    write("region", 5, first)
    write("region", 5, second)
    assert first.read_bytes() == second.read_bytes()


def test_different_seed_gives_other_names_and_assignments(region_text: str) -> None:
    one = _triples(region_text, ox.RdfFormat.TURTLE)
    two = _triples("".join(generate("region", seed=2)), ox.RdfFormat.N_TRIPLES)

    def objects(triples: set[tuple[str, str, str]], predicate: URIRef) -> set[tuple[str, str]]:
        return {(s, o) for s, p, o in triples if p == f"<{predicate}>"}

    assert {o for _, o in objects(one, SKOS.prefLabel)} != {o for _, o in objects(two, SKOS.prefLabel)}  # names
    assert objects(one, SK.onBehalfOf) != objects(two, SK.onBehalfOf)  # who sits where


def test_nation_triple_count_by_streaming() -> None:
    triples = sum(1 for _ in generate("nation", seed=0))
    assert 100_000 <= triples <= 140_000


def test_unknown_scale_and_extension_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="region"):
        generate("kommune")
    with pytest.raises(ValueError, match=r"\.nt or \.ttl"):
        write("region", 0, tmp_path / "x.rdf")
    with pytest.raises(ValueError, match="format"):
        generate("region", fmt="xml")


def test_scales_cover_region_nation_and_ten_nations() -> None:
    assert set(SCALES) == {"region", "nation", "nation10"}
    assert sum(m for m, _ in SCALES["nation"].regions) == 98
    assert sum(c for _, c in SCALES["nation"].regions) == 21
    assert SCALES["nation10"].copies == 10


def test_cli_writes_and_prints_node_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.nt"
    assert main(["--scale", "region", "--seed", "1", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "triples" in printed and "Seat" in printed and "GeneralPractice" in printed
    assert out.stat().st_size > 0


# ------------------------------------------------------------------ conventions


def test_every_seat_has_exactly_one_holder_state(region: Graph) -> None:
    states: Counter[str] = Counter()
    for seat in _ids(region, SK.Seat):
        held = list(region.objects(seat, ORG.heldBy))
        occupancy = list(region.objects(seat, SK.occupancy))
        assert len(held) + len(occupancy) == 1, seat
        states[str(occupancy[0]) if occupancy else "held"] += 1
        assert region.value(seat, ORG.postIn) is not None and region.value(seat, ORG.role) is not None
        assert int(region.value(seat, SK.seatsMin)) <= int(region.value(seat, SK.seatsMax))
    total = sum(states.values())
    assert states[str(SK.HolderNotStated)] > total / 2  # most holders are not stated
    assert 0 < states[str(SK.Vacant)] < total * 0.1  # a few percent vacant
    assert states["held"] > 0
    for person in region.objects(None, ORG.heldBy):
        assert (person, RDF.type, URIRef("http://xmlns.com/foaf/0.1/Person")) in region
        assert str(region.value(person, URIRef("http://xmlns.com/foaf/0.1/name"))).startswith("Testperson ")


def test_every_typed_entity_has_a_source_section_of_the_synthetic_document(region: Graph) -> None:
    sources = {SK.SourceSection, SK.SourceDocument}
    for entity in set(region.subjects(RDF.type, None)):
        if set(region.objects(entity, RDF.type)) & sources:
            continue
        sections = list(region.objects(entity, PROV.wasDerivedFrom))
        assert sections, entity
        for section in sections:
            assert (section, RDF.type, SK.SourceSection) in region
            doc = region.value(section, DCTERMS.isPartOf)
            assert str(region.value(doc, DCTERMS.title)) == "Syntetisk datasæt (seed 1)"


def test_referenced_nodes_are_typed(region: Graph) -> None:
    typed = set(region.subjects(RDF.type, None))
    for prop in (
        ORG.postIn,
        SK.toBody,
        SK.fromBody,
        SK.onBehalfOf,
        ORG.member,
        ORG.organization,
        SK.channelFrom,
        SK.channelTo,
        SK.handlesTopic,
        SK.secretariatIn,
        SK.requiredIn,
        SK.about,
    ):
        objects = set(region.objects(None, prop))
        assert objects, prop
        assert objects <= typed, (prop, sorted(objects - typed)[:3])
    instances = {o for o in region.objects() if isinstance(o, URIRef) and str(o).startswith(str(ID))}
    assert instances <= typed


def test_iris_are_ascii_slugs_and_labels_keep_danish_letters(region: Graph, region_text: str) -> None:
    for term in set(region.subjects()) | {o for o in region.objects() if isinstance(o, URIRef)}:
        assert str(term).isascii(), term
    labels = {o for o in region.objects(None, SKOS.prefLabel) if isinstance(o, Literal)}
    assert Literal("Rådgivningsenhed, Region 1", lang="da") in labels
    assert Literal("Sundhedsplejen, Kommune 12", lang="da") in labels
    text = " ".join(str(label) for label in labels)
    assert all(letter in text for letter in "æøå")
    assert "Ã" not in region_text  # no double-encoded UTF-8


def test_labels_in_danish_and_english_on_what_people_see(region: Graph) -> None:
    for cls in (
        SK.Seat,
        SK.Channel,
        SK.ReportingLine,
        ORG.OrganizationalUnit,
        SK.Municipality,
        SK.ImplementationGroup,
        SKOS.Concept,
        SK.Mandate,
        SK.MandateItem,
    ):
        for entity in _ids(region, cls):
            langs = {label.language for label in region.objects(entity, SKOS.prefLabel)}
            assert langs == {"da", "en"}, entity
    topics = _ids(region, SKOS.Concept)
    assert len(topics) == 40
    assert all((t, SKOS.inScheme, SK.topics) in region for t in topics)
    assert sum(1 for t in topics for _ in region.objects(t, SKOS.altLabel)) > 80


def test_structure_covers_the_domain(region: Graph) -> None:
    assert len(_ids(region, SK.Municipality)) == 19
    assert 180 <= len(_ids(region, SK.GeneralPractice)) <= 230
    assert len(_ids(region, SK.HealthCluster)) == 5
    for org in _ids(region, SK.Municipality) | _ids(region, ORG.OrganizationalUnit) | _ids(region, SK.Hospital):
        assert region.value(org, SK.sector) is not None, org
    for cluster in _ids(region, SK.HealthCluster):
        assert region.value(cluster, SK.acuteHospital) is not None
        assert len(list(region.subjects(ORG.organization, cluster))) >= 4
    for forum in set(region.subjects(SK.hasMandate, None)):
        mandate = region.value(forum, SK.hasMandate)
        assert {p.language for p in region.objects(mandate, SK.purpose)} == {"da", "en"}
        assert len(list(region.objects(mandate, SK.task))) >= 4
    for abbreviation in ("SSU", "SSG", "KOSU", "BUA", "PPR", "KUI"):
        assert region.value(predicate=SK.abbreviation, object=Literal(abbreviation)) is not None
    states = {region.value(c, SK.channelState) for c in _ids(region, SK.Channel)}
    assert states == {SK.Open, SK.BeingSetUp, SK.Requested, SK.StateNotStated}
    for channel in _ids(region, SK.Channel):
        assert {c.language for c in region.objects(channel, SK.condition)} == {"da", "en"}
    mailboxes = [str(o) for o in region.objects(None, URIRef("http://www.w3.org/2006/vcard/ns#hasEmail"))]
    assert mailboxes and all(m.startswith("mailto:postkasse-") and m.endswith("@example.invalid") for m in mailboxes)
    requirements = _ids(region, SK.ContactPersonRequirement)
    fulfilled = {r for r in requirements if region.value(r, SK.fulfilledBy) is not None}
    assert fulfilled and fulfilled != requirements


def test_reporting_chains_reach_the_political_committee(region: Graph) -> None:
    lines = {
        (region.value(line, SK.fromBody), region.value(line, SK.toBody)): region.value(line, SK.lineKind)
        for line in _ids(region, SK.ReportingLine)
    }
    kinds = set(lines.values())
    assert {ORG.reportsTo, SK.givesStatusTo, SK.raisesDecisionsTo} <= kinds
    ssu = region.value(predicate=SK.abbreviation, object=Literal("SSU"))
    ssg = region.value(predicate=SK.abbreviation, object=Literal("SSG"))
    kosu = region.value(predicate=SK.abbreviation, object=Literal("KOSU"))
    assert lines[(kosu, ssg)] == SK.raisesDecisionsTo and lines[(ssg, ssu)] == ORG.reportsTo
    for group in _ids(region, SK.ImplementationGroup):
        steering = [to for (frm, to), kind in lines.items() if frm == group and kind == ORG.reportsTo]
        assert steering, group
        if (steering[0], RDF.type, SK.ClusterSteeringGroup) in region:
            assert lines[(steering[0], ssu)] == ORG.reportsTo


# ------------------------------------------------------------------ the tool's own checks


@pytest.mark.slow
def test_region_has_no_shacl_violation(region: Graph) -> None:
    import pyshacl

    shapes_file = ONTOLOGY / "shapes.ttl"
    vocabulary = Graph().parse(ONTOLOGY / "samarbejdskort.ttl")
    vocabulary.parse(ONTOLOGY / "vendor" / "org.ttl")
    _, results, _ = pyshacl.validate(
        region, shacl_graph=Graph().parse(shapes_file), ont_graph=vocabulary, inference="none", allow_warnings=True
    )
    violations = [r for r in results.subjects(SH.resultSeverity, SH.Violation)]
    assert violations == [], [str(results.value(r, SH.focusNode)) for r in violations[:5]]
