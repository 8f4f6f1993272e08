"""The SHACL rules (ontology/shapes.ttl) and graph.validation: one passing and one failing tiny graph per rule."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal

from graph.validation import Finding, ValidationReport, validate
from ontology.files import SHAPES, read_text
from ontology.namespace import ID, ORG, PROV, RDF, SH, SK, SKOS, XSD
from tests.conftest import PREFIXES, REPO

SOURCE = """
id:doc a sk:SourceDocument ; dct:title "Testkommissorium"@da ; sk:seedFile "000_test.txt" .
id:sec a sk:SourceSection ; sk:section "Formål"@da ; dct:isPartOf id:doc .
"""

DANISH_WORDS = {"har", "ikke", "og", "er", "en", "et", "eller", "ingen", "skal", "der", "men", "til"}


def graph(turtle: str) -> Graph:
    """A graph from an inline snippet, with the common prefixes and one source document."""
    return Graph().parse(data=PREFIXES + SOURCE + turtle, format="turtle")


def looks_danish(text: str) -> bool:
    """Danish letters or Danish function words, and none of the English ones our messages use."""
    words = set(re.findall(r"\w+", text.casefold()))
    danish = bool(words & DANISH_WORDS) or any(letter in text for letter in "æøåÆØÅ")
    return danish and not words & {"the", "has", "is", "no", "must", "not", "of"}


def forum(
    *,
    mandate: bool = True,
    chair: bool = True,
    secretariat: bool = True,
    reporting: bool = True,
    cls: str = "sk:ImplementationGroup",
    label: str = "Implementeringsgruppen",
    extra: str = "",
) -> str:
    """A forum with every governance part; switch parts off to provoke one warning at a time."""
    parts = [
        f'id:forum a {cls} ; skos:prefLabel "{label}"@da , "Implementation group"@en ; prov:wasDerivedFrom id:sec .',
        'id:top a sk:Region ; skos:prefLabel "Region Midtjylland"@da ; prov:wasDerivedFrom id:sec .',
        'id:muni a sk:Municipality ; skos:prefLabel "Randers Kommune"@da ; prov:wasDerivedFrom id:sec .',
        'id:member-seat a sk:Seat ; skos:prefLabel "Medlem"@da ; org:postIn id:forum ; org:role sk:MemberRole ; '
        "sk:occupancy sk:HolderNotStated ; prov:wasDerivedFrom id:sec .",
    ]
    if mandate:
        parts.append(
            "id:forum sk:hasMandate id:mandate . "
            'id:mandate a sk:Mandate ; skos:prefLabel "Kommissorium"@da ; prov:wasDerivedFrom id:sec .'
        )
    if chair:
        parts.append(
            'id:chair-seat a sk:Seat ; skos:prefLabel "Formand"@da ; org:postIn id:forum ; org:role sk:ChairRole ; '
            "sk:occupancy sk:HolderNotStated ; prov:wasDerivedFrom id:sec ."
        )
    if secretariat:
        parts.append("id:forum sk:secretariatIn id:muni .")
    if reporting:
        parts.append(
            'id:line a sk:ReportingLine ; skos:prefLabel "Linje"@da ; sk:fromBody id:forum ; sk:toBody id:top ; '
            "sk:lineKind org:reportsTo ; prov:wasDerivedFrom id:sec ."
        )
    return "\n".join(parts) + "\n" + extra


def question(aspect: str) -> str:
    return (
        f'id:q-{aspect} a sk:OpenQuestion ; sk:about id:forum ; sk:aspect "{aspect}" ; '
        'rdfs:comment "Kilden nævner det ikke."@da ; prov:wasDerivedFrom id:sec .\n'
    )


SOURCED_CLUSTER = """
id:cluster a sk:HealthCluster ; skos:prefLabel "Randersklyngen"@da ; prov:wasDerivedFrom id:sec .
id:randers a sk:Municipality ; skos:prefLabel "Randers Kommune"@da ; prov:wasDerivedFrom id:sec .
"""

SEAT = """
id:forum a sk:WorkingGroup ; skos:prefLabel "Arbejdsgruppen"@da ; prov:wasDerivedFrom id:sec .
id:seat a sk:Seat ; skos:prefLabel "Plads for PPR"@da ; org:postIn id:forum ; org:role sk:MemberRole ;
    prov:wasDerivedFrom id:sec """

# (rule, severity, focus label, passing graph, failing graph)
CASES: dict[str, tuple[str, str, str, str, str]] = {
    "membership-member": (
        "SK-V-MEMBERSHIP-MEMBER",
        "violation",
        "Randers i klyngen",
        SOURCED_CLUSTER + 'id:ms a org:Membership ; skos:prefLabel "Randers i klyngen"@da ; '
        "org:member id:randers ; org:organization id:cluster ; prov:wasDerivedFrom id:sec .",
        SOURCED_CLUSTER + 'id:ms a org:Membership ; skos:prefLabel "Randers i klyngen"@da ; '
        "org:organization id:cluster ; prov:wasDerivedFrom id:sec .",
    ),
    "membership-organization": (
        "SK-V-MEMBERSHIP-ORGANIZATION",
        "violation",
        "Randers i klyngen",
        SOURCED_CLUSTER + 'id:ms a org:Membership ; skos:prefLabel "Randers i klyngen"@da ; '
        "org:member id:randers ; org:organization id:cluster ; prov:wasDerivedFrom id:sec .",
        SOURCED_CLUSTER + 'id:ms a org:Membership ; skos:prefLabel "Randers i klyngen"@da ; '
        "org:member id:randers ; prov:wasDerivedFrom id:sec .",
    ),
    "seat-occupancy-missing": (
        "SK-V-SEAT-OCCUPANCY",
        "violation",
        "Plads for PPR",
        SEAT + "; sk:occupancy sk:HolderNotStated .",
        SEAT + ".",
    ),
    "seat-occupancy-contradiction": (
        "SK-V-SEAT-OCCUPANCY",
        "violation",
        "Plads for PPR",
        SEAT + '; org:heldBy id:person . id:person a foaf:Person ; foaf:name "A. Person" .',
        SEAT + '; org:heldBy id:person ; sk:occupancy sk:Vacant . id:person a foaf:Person ; foaf:name "A. Person" .',
    ),
    "date-order": (
        "SK-V-DATE-ORDER",
        "violation",
        "Arbejdsgruppen",
        SEAT + '; sk:occupancy sk:HolderNotStated . id:forum sk:validFrom "2024-01-01"^^xsd:date ; '
        'sk:validUntil "2024-01-01"^^xsd:date .',
        SEAT + '; sk:occupancy sk:HolderNotStated . id:forum sk:validFrom "2025-01-01"^^xsd:date ; '
        'sk:validUntil "2024-12-31"^^xsd:date .',
    ),
    "seats-range": (
        "SK-V-SEATS-RANGE",
        "violation",
        "Plads for PPR",
        SEAT + "; sk:occupancy sk:HolderNotStated ; sk:seatsMin 1 ; sk:seatsMax 2 .",
        SEAT + "; sk:occupancy sk:HolderNotStated ; sk:seatsMin 3 ; sk:seatsMax 2 .",
    ),
    "reporting-line-target": (
        "SK-V-REPORTING-TARGET",
        "violation",
        "Linje til en person",
        # the target is typed only by a subclass of org:Organization declared in the data itself
        'ex:Bezirksamt rdfs:subClassOf org:Organization . ex:amt a ex:Bezirksamt ; skos:prefLabel "Amt"@de .\n'
        + forum(reporting=False)
        + 'id:line a sk:ReportingLine ; skos:prefLabel "Linje til en person"@da ; sk:fromBody id:forum ; '
        "sk:toBody ex:amt ; prov:wasDerivedFrom id:sec .",
        forum(reporting=False)
        + 'id:line a sk:ReportingLine ; skos:prefLabel "Linje til en person"@da ; sk:fromBody id:forum ; '
        'sk:toBody id:person ; prov:wasDerivedFrom id:sec . id:person a foaf:Person ; foaf:name "A. Person" .',
    ),
    "reports-to-target": (
        "SK-V-REPORTING-TARGET",
        "violation",
        "Implementeringsgruppen",
        forum(reporting=False, extra="id:forum org:reportsTo id:top ."),
        forum(
            reporting=False,
            extra='id:forum org:reportsTo id:person . id:person a foaf:Person ; foaf:name "A. Person" .',
        ),
    ),
    "source": (
        "SK-V-SOURCE",
        "violation",
        "Ukildet gruppe",
        'id:g a sk:SteeringGroup ; skos:prefLabel "Ukildet gruppe"@da ; prov:wasDerivedFrom id:sec .',
        'id:g a sk:SteeringGroup ; skos:prefLabel "Ukildet gruppe"@da .',
    ),
    "source-membership": (
        "SK-V-SOURCE",
        "violation",
        "Randersklyngen",
        SOURCED_CLUSTER + "id:ms a org:Membership ; org:member id:randers ; org:organization id:cluster ; "
        "prov:wasDerivedFrom id:sec .",
        SOURCED_CLUSTER + "id:ms a org:Membership ; org:member id:randers ; org:organization id:cluster .",
    ),
    "date-datatype": (
        "SK-V-DATE-DATATYPE",
        "violation",
        "Frist for handleplan",
        'id:d a sk:Deadline ; skos:prefLabel "Frist for handleplan"@da ; sk:dueDate "2024-06-01"^^xsd:date .',
        'id:d a sk:Deadline ; skos:prefLabel "Frist for handleplan"@da ; sk:dueDate "1. juni 2024" .',
    ),
    "count-datatype": (
        "SK-V-COUNT-DATATYPE",
        "violation",
        "Plads for PPR",
        SEAT + "; sk:occupancy sk:HolderNotStated ; sk:seatsMax 2 .",
        SEAT + '; sk:occupancy sk:HolderNotStated ; sk:seatsMax "to" .',
    ),
    "forum-mandate": (
        "SK-W-FORUM-MANDATE",
        "warning",
        "Implementeringsgruppen",
        forum(mandate=False, extra=question("mandate")),
        forum(mandate=False, extra=question("chair")),
    ),
    "forum-chair": (
        "SK-W-FORUM-CHAIR",
        "warning",
        "Implementeringsgruppen",
        forum(chair=False, extra="id:member-seat org:role sk:CoChairRole ."),
        forum(chair=False),
    ),
    "forum-chair-question": (
        "SK-W-FORUM-CHAIR",
        "warning",
        "Implementeringsgruppen",
        forum(chair=False, extra=question("chair")),
        forum(chair=False, extra=question("secretariat")),
    ),
    "forum-secretariat": (
        "SK-W-FORUM-SECRETARIAT",
        "warning",
        "Implementeringsgruppen",
        # the secretary seat is attached from the forum's side (org:hasPost)
        forum(
            secretariat=False,
            extra='id:forum org:hasPost id:sec-seat . id:sec-seat a sk:Seat ; skos:prefLabel "Sekretær"@da ; '
            "org:role sk:SecretaryRole ; sk:occupancy sk:HolderNotStated ; prov:wasDerivedFrom id:sec .",
        ),
        forum(secretariat=False),
    ),
    "forum-reporting": (
        "SK-W-FORUM-REPORTING",
        "warning",
        "Implementeringsgruppen",
        forum(reporting=False, extra="id:forum org:subOrganizationOf id:top ."),
        forum(reporting=False),
    ),
    "forum-reporting-scenario-line": (
        "SK-W-FORUM-REPORTING",
        "warning",
        "Implementeringsgruppen",
        forum(
            extra="id:line2 a sk:ReportingLine ; sk:fromBody id:forum ; sk:toBody id:muni ; "
            "sk:inScenario id:scenario ; prov:wasDerivedFrom id:sec ."
        ),
        # a line that only exists in a proposal does not place the forum
        forum(
            reporting=False,
            extra="id:line2 a sk:ReportingLine ; sk:fromBody id:forum ; sk:toBody id:muni ; "
            "sk:inScenario id:scenario ; prov:wasDerivedFrom id:sec .",
        ),
    ),
    "forum-reporting-committee": (
        "SK-W-FORUM-REPORTING",
        "warning",
        "Sundhedssamarbejdsudvalget",
        forum(reporting=False, cls="sk:Committee", label="Sundhedssamarbejdsudvalget"),
        forum(reporting=False, cls="sk:AdministrativeForum", label="Sundhedssamarbejdsudvalget"),
    ),
    "contact-unfulfilled": (
        "SK-W-CONTACT-UNFULFILLED",
        "warning",
        "Fast kontaktperson i PPR",
        'id:req a sk:ContactPersonRequirement ; skos:prefLabel "Fast kontaktperson i PPR"@da ; '
        "sk:fulfilledBy id:post ; prov:wasDerivedFrom id:sec .",
        'id:req a sk:ContactPersonRequirement ; skos:prefLabel "Fast kontaktperson i PPR"@da ; '
        "prov:wasDerivedFrom id:sec .",
    ),
    "seat-vacant": (
        "SK-W-SEAT-VACANT",
        "warning",
        "Plads for PPR",
        SEAT + "; sk:occupancy sk:HolderNotStated .",
        SEAT + "; sk:occupancy sk:Vacant .",
    ),
    "responsibility-unplaced": (
        "SK-W-RESPONSIBILITY-UNPLACED",
        "warning",
        "Skole og KUI",
        'id:r a sk:Responsibility ; skos:prefLabel "Skole og KUI"@da ; sk:placedWith id:muni ; '
        "prov:wasDerivedFrom id:sec .",
        'id:r a sk:Responsibility ; skos:prefLabel "Skole og KUI"@da ; prov:wasDerivedFrom id:sec .',
    ),
}


def of_rule(report: ValidationReport, rule: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_rule_passes(case: str) -> None:
    rule, _, _, good, _ = CASES[case]
    report = validate(graph(good))
    assert of_rule(report, rule) == []
    assert report.conforms, [f.rule for f in report.violations]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_rule_fails(case: str) -> None:
    rule, severity, label, _, bad = CASES[case]
    findings = of_rule(validate(graph(bad)), rule)
    assert len(findings) == 1, findings
    finding = findings[0]
    assert finding.severity == severity
    assert finding.focus_label == label
    assert looks_danish(finding.message_da), finding.message_da
    assert not looks_danish(finding.message_en), finding.message_en
    assert finding.message("da") == finding.message_da
    assert finding.message("en") == finding.message_en


def test_every_rule_has_a_case() -> None:
    shapes = Graph().parse(data=read_text(SHAPES), format="turtle")
    rules = {str(name) for name in shapes.objects(None, SH.name)}
    assert rules == {case[0] for case in CASES.values()}


def test_every_reporting_shape_names_its_rule_and_speaks_both_languages() -> None:
    shapes = Graph().parse(data=read_text(SHAPES), format="turtle")
    reporting = set(shapes.subjects(SH.severity, None))
    assert reporting == set(shapes.subjects(SH.name, None))
    for shape in reporting:
        name = str(shapes.value(shape, SH.name))
        severity = shapes.value(shape, SH.severity)
        assert re.fullmatch(r"SK-[VW]-[A-Z-]+", name), name
        assert severity == (SH.Violation if name.startswith("SK-V-") else SH.Warning), name
        languages = sorted(m.language for m in shapes.objects(shape, SH.message) if isinstance(m, Literal))
        assert languages == ["da", "en"], name


def test_core_shacl_only() -> None:
    shapes = Graph().parse(data=read_text(SHAPES), format="turtle")
    assert not list(shapes.subject_objects(SH.sparql))


def test_an_impossible_date_is_a_datatype_violation() -> None:
    g = graph('id:d a sk:Deadline ; skos:prefLabel "Frist"@da ; sk:dueDate "2024-13-45"^^xsd:date .')
    assert [(f.rule, f.value) for f in validate(g).violations] == [("SK-V-DATE-DATATYPE", "2024-13-45")]


def test_finding_details() -> None:
    report = validate(graph(CASES["date-order"][4]))
    (finding,) = of_rule(report, "SK-V-DATE-ORDER")
    assert finding.focus == str(ID["forum"])
    assert finding.path == "sk:validFrom"
    assert finding.value == "2025-01-01"
    assert finding.sources == ("000_test.txt",)
    assert "ligger før" in finding.message_da


def test_source_finding_names_the_alternative_path() -> None:
    (finding,) = validate(graph(CASES["source"][4])).violations
    assert finding.path == "(prov:wasDerivedFrom|dct:source)"
    assert finding.value is None
    assert finding.sources == ()


def test_membership_source_finding_names_the_membership() -> None:
    (finding,) = of_rule(validate(graph(CASES["source-membership"][4])), "SK-V-SOURCE")
    assert finding.focus == str(ID["cluster"])
    assert finding.value == str(ID["ms"])


def test_sources_fall_back_to_the_document_title() -> None:
    g = graph(
        'id:pub a sk:SourceDocument ; dct:title "Sundhedsaftalen"@da , "Health agreement"@en ; '
        'dct:source "sundhedsaftalen.rm.dk" . id:pub-sec a sk:SourceSection ; dct:isPartOf id:pub .'
        'id:g a sk:SteeringGroup ; skos:prefLabel "Sundhedsstyregruppen"@da ; prov:wasDerivedFrom id:pub-sec , id:sec .'
    )
    (finding,) = of_rule(validate(g), "SK-W-FORUM-MANDATE")
    assert finding.sources == ("000_test.txt", "Sundhedsaftalen")


def test_focus_label_fallbacks() -> None:
    g = graph(
        'id:a a sk:Responsibility ; rdfs:label "Ansvar A" ; skos:prefLabel "Responsibility A"@en ; '
        "prov:wasDerivedFrom id:sec ."
        'id:b a sk:Responsibility ; skos:prefLabel "Responsibility B"@en ; prov:wasDerivedFrom id:sec .'
        "id:c-uden-navn a sk:Responsibility ; prov:wasDerivedFrom id:sec ."
    )
    labels = {f.focus: f.focus_label for f in validate(g).warnings}
    assert labels == {
        str(ID["a"]): "Ansvar A",
        str(ID["b"]): "Responsibility B",
        str(ID["c-uden-navn"]): "c-uden-navn",
    }


def test_danish_letters_survive() -> None:
    label = "Børne- og ungeudvalget i Århus, Ærø"
    report = validate(graph(forum(reporting=False, label=label)))
    (finding,) = of_rule(report, "SK-W-FORUM-REPORTING")
    assert finding.focus_label == label
    assert "øverste" in finding.message_da


def test_violations_first_then_danish_alphabetical() -> None:
    g = graph(
        'id:z a sk:Responsibility ; skos:prefLabel "Åbent ansvar"@da ; prov:wasDerivedFrom id:sec .'
        'id:y a sk:Responsibility ; skos:prefLabel "Ørsteds ansvar"@da ; prov:wasDerivedFrom id:sec .'
        'id:x a sk:Responsibility ; skos:prefLabel "Zebra-ansvar"@da ; prov:wasDerivedFrom id:sec .'
        'id:w a sk:Responsibility ; skos:prefLabel "Ærø-ansvar"@da .'
    )
    report = validate(g)
    assert [(f.severity, f.focus_label) for f in report.findings] == [
        ("violation", "Ærø-ansvar"),
        ("warning", "Zebra-ansvar"),
        ("warning", "Ærø-ansvar"),
        ("warning", "Ørsteds ansvar"),
        ("warning", "Åbent ansvar"),
    ]
    assert not report.conforms
    assert len(report.violations) == 1
    assert len(report.warnings) == 4


def test_warnings_skip_what_is_not_in_force() -> None:
    ended = forum(mandate=False, chair=False, secretariat=False, reporting=False, extra="id:forum sk:status sk:Ended .")
    assert [f for f in validate(graph(ended)).findings if f.focus == str(ID["forum"])] == []
    scenario = SEAT + "; sk:occupancy sk:Vacant ; sk:inScenario id:scenario . id:scenario a sk:Scenario ."
    assert of_rule(validate(graph(scenario)), "SK-W-SEAT-VACANT") == []
    rejected = (
        'id:r a sk:Responsibility ; skos:prefLabel "Skole og KUI"@da ; sk:status sk:Rejected ; '
        "prov:wasDerivedFrom id:sec ."
    )
    assert validate(graph(rejected)).findings == ()
    proposed = forum(mandate=False, extra="id:forum sk:status sk:Proposed .")
    assert [f.rule for f in validate(graph(proposed)).findings] == ["SK-W-FORUM-MANDATE"]


def test_violations_apply_to_what_is_not_in_force() -> None:
    g = graph(SEAT + "; sk:inScenario id:scenario . id:scenario a sk:Scenario .")
    assert [f.rule for f in validate(g).violations] == ["SK-V-SEAT-OCCUPANCY"]


def test_third_party_organigram_has_no_violations() -> None:
    g = Graph().parse(
        data=PREFIXES
        + """
        ex:Senatsverwaltung rdfs:subClassOf org:Organization .
        ex:senfin a ex:Senatsverwaltung ; skos:prefLabel "Senatsverwaltung für Finanzen"@de ;
            org:hasSubOrganization ex:abt1 .
        ex:abt1 a org:Organization ; skos:prefLabel "Abteilung I"@de ; org:reportsTo ex:senfin ;
            org:hasUnit ex:ref .
        ex:ref a org:OrganizationalUnit ; rdfs:label "Referat I A" .
        ex:post a org:Post ; org:postIn ex:ref ; org:role ex:leitung .
        ex:post2 a org:Post ; org:postIn ex:ref ; org:reportsTo ex:post .
        ex:m a org:Membership ; org:member ex:person ; org:organization ex:abt1 .
        ex:person a foaf:Person .
        """,
        format="turtle",
    )
    report = validate(g)
    assert report.conforms
    assert report.findings == ()


def test_real_berlin_organigrams_have_no_violations(interop: Path) -> None:
    for path in sorted((interop / "berlin").glob("*.ttl")):
        report = validate(Graph().parse(path, format="turtle"))
        assert report.violations == (), (path.name, report.violations[:3])


def test_focus_nodes_restrict_validation() -> None:
    g = graph(
        'id:a a sk:Responsibility ; skos:prefLabel "A"@da ; prov:wasDerivedFrom id:sec .'
        'id:b a sk:Responsibility ; skos:prefLabel "B"@da .'
    )
    assert {f.focus_label for f in validate(g).findings} == {"A", "B"}
    only_a = validate(g, focus_nodes=[ID["a"]])
    assert [(f.focus_label, f.rule) for f in only_a.findings] == [("A", "SK-W-RESPONSIBILITY-UNPLACED")]
    assert validate(g, focus_nodes=[]).findings == ()
    with pytest.raises(ValueError, match="IRIs"):
        validate(g, focus_nodes=[BNode()])


def test_concurrent_validations_do_not_share_a_shapes_graph() -> None:
    """RDFLib/pySHACL#314: runs sharing one shapes graph interfere; each run gets its own copy."""
    snippets = [CASES[case][4] for case in ("seat-vacant", "source", "forum-chair", "date-order")]
    expected = [validate(graph(snippet)) for snippet in snippets]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(lambda snippet: validate(graph(snippet)), snippets)) == expected


def test_data_graph_is_left_unchanged() -> None:
    g = graph(forum(mandate=False))
    before = set(g)
    validate(g)
    assert set(g) == before


def test_a_path_is_not_data() -> None:
    with pytest.raises(TypeError):
        validate(str(REPO / "data" / "sources.ttl"))  # type: ignore[arg-type]


def synthetic(forums: int) -> Graph:
    """``forums`` forums with a mandate of 12 items, 6 seats (one vacant), a membership and a reporting line.

    About 100 triples per forum; the mix of seats and mandate text is close to the bundled data's.
    """
    g = graph("")
    sec, top = ID["sec"], ID["top"]
    g.add((top, RDF.type, SK.Region))
    g.add((top, PROV.wasDerivedFrom, sec))
    for i in range(forums):
        f, muni, line, ms, mandate = (ID[f"{kind}{i}"] for kind in ("forum", "muni", "line", "ms", "mandate"))
        typed = ((f, SK.ImplementationGroup), (muni, SK.Municipality), (line, SK.ReportingLine), (mandate, SK.Mandate))
        for node, cls in typed:
            g.add((node, RDF.type, cls))
            g.add((node, PROV.wasDerivedFrom, sec))
            g.add((node, SKOS.prefLabel, Literal(f"{node.split('/')[-1]} æøå", lang="da")))
        g.add((f, SK.validFrom, Literal("2024-01-01", datatype=XSD.date)))
        g.add((f, SK.secretariatIn, muni))
        g.add((f, SK.hasMandate, mandate))
        for k in range(12):
            item = ID[f"mandate{i}-item{k}"]
            g.add((mandate, SK.task, item))
            g.add((item, SKOS.prefLabel, Literal(f"Opgave {k}", lang="da")))
            g.add((item, SKOS.prefLabel, Literal(f"Task {k}", lang="en")))
            g.add((item, SK.order, Literal(k)))
        g.add((line, SK.fromBody, f))
        g.add((line, SK.toBody, top))
        g.add((ms, RDF.type, ORG.Membership))
        g.add((ms, ORG.member, muni))
        g.add((ms, ORG.organization, f))
        g.add((ms, PROV.wasDerivedFrom, sec))
        for j in range(6):
            seat = ID[f"seat{i}-{j}"]
            g.add((seat, RDF.type, SK.Seat))
            g.add((seat, ORG.postIn, f))
            g.add((seat, ORG.role, SK.ChairRole if j == 0 else SK.MemberRole))
            g.add((seat, SK.occupancy, SK.Vacant if j == 5 else SK.HolderNotStated))
            g.add((seat, SK.onBehalfOf, muni))
            g.add((seat, SK.seatsMin, Literal(1)))
            g.add((seat, PROV.wasDerivedFrom, sec))
    return g


@pytest.mark.slow
def test_a_20k_triple_graph_validates() -> None:
    g = synthetic(200)
    assert len(g) > 20_000
    report = validate(g)
    assert report.conforms
    assert [f.rule for f in report.warnings] == ["SK-W-SEAT-VACANT"] * 200


DATA_FILES = sorted((REPO / "data").glob("*.ttl"))


def test_bundled_data_has_no_violations() -> None:
    assert DATA_FILES, "data/ holds no .ttl files"
    g = Graph()
    for path in DATA_FILES:
        g.parse(path, format="turtle")
    report = validate(g)
    assert report.violations == (), [(f.rule, f.focus_label, f.message_en) for f in report.violations[:10]]
    assert any(f.rule == "SK-W-SEAT-VACANT" for f in report.warnings), "the data set has a vacant seat"


def test_report_is_frozen() -> None:
    report = validate(graph(""))
    assert isinstance(report.findings, tuple)
    with pytest.raises(AttributeError):
        report.findings = ()  # type: ignore[misc]
