"""What the projection makes of names and plain edges when the data states them in more than one way.

The projection reads the common case fast (a Danish and an English name from one property; a plain edge with
no attributes of its own); these check that the uncommon cases beside it keep their meaning."""

from __future__ import annotations

from tests.conftest import tiny

EX = "http://example.org/"


def test_a_body_with_danish_and_english_names_is_called_by_them_in_each_language() -> None:
    m = tiny(
        'ex:ppr a org:OrganizationalUnit ; skos:prefLabel "PPR Aarhus"@da , "PPR Aarhus (educational psychology)"@en .'
    )
    assert m.label(EX + "ppr") == "PPR Aarhus"
    assert m.label(EX + "ppr", "en") == "PPR Aarhus (educational psychology)"


def test_a_preferred_name_wins_over_an_rdfs_label_and_an_alternative_name_stays_findable() -> None:
    m = tiny(
        'ex:u a org:OrganizationalUnit ; skos:prefLabel "Sundhedsplejen"@da , "Health visitors"@en ;'
        ' rdfs:label "Sundhedsplejen Vest"@da ; skos:altLabel "Sundhedsplejerskerne"@da .'
    )
    assert (m.label(EX + "u"), m.label(EX + "u", "en")) == ("Sundhedsplejen", "Health visitors")
    assert m.alt_labels[EX + "u"] == ["Sundhedsplejerskerne"]
    assert m.resolve("Sundhedsplejerskerne") == EX + "u"


def test_two_preferred_names_in_one_language_give_the_first_by_text_and_keep_the_other() -> None:
    m = tiny(
        'ex:u a org:OrganizationalUnit ; skos:prefLabel "PPR Viborg"@da , "Pædagogisk Psykologisk Rådgivning"@da .'
    )
    assert m.label(EX + "u") == "PPR Viborg"
    assert m.alt_labels[EX + "u"] == ["Pædagogisk Psykologisk Rådgivning"]


def test_a_name_with_stray_white_space_is_shown_tidied() -> None:
    m = tiny(
        'ex:u a org:OrganizationalUnit ; skos:prefLabel "  Familieafdelingen   Skive "@da , "Family services"@en .'
    )
    assert m.label(EX + "u") == "Familieafdelingen Skive"
    assert m.label(EX + "u", "en") == "Family services"


def test_a_qualified_membership_adds_its_role_to_that_member_only() -> None:
    m = tiny(
        """
        ex:ssg a sk:Forum ; skos:prefLabel "Sundhedsstyregruppen"@da .
        ex:a a org:Organization ; skos:prefLabel "Aarhus Kommune"@da ; org:memberOf ex:ssg .
        ex:b a org:Organization ; skos:prefLabel "Randers Kommune"@da ; org:memberOf ex:ssg .
        [] a org:Membership ; org:member ex:a ; org:organization ex:ssg ; org:role sk:ChairRole .
        """
    )
    a = m.adjacency.succ[EX + "a"][EX + "ssg"]["member_of"]
    b = m.adjacency.succ[EX + "b"][EX + "ssg"]["member_of"]
    assert a["role"] == "chair"
    assert "role" not in b and b == {"kind": "member_of"}
    assert m.nx.edges[EX + "b", EX + "ssg", "member_of"] == {"kind": "member_of"}


def test_a_pair_joined_two_ways_has_both_edges_and_a_pair_joined_one_way_only_its_one() -> None:
    m = tiny(
        """
        ex:ssg a sk:Forum ; skos:prefLabel "Sundhedsstyregruppen"@da .
        ex:a a org:Organization ; skos:prefLabel "Aarhus Kommune"@da ; org:memberOf ex:ssg ; sk:secretariatIn ex:ssg .
        ex:b a org:Organization ; skos:prefLabel "Randers Kommune"@da ; org:memberOf ex:ssg .
        """
    )
    assert list(m.adjacency.succ[EX + "a"][EX + "ssg"]) == ["member_of", "secretariat_in"]
    assert list(m.adjacency.succ[EX + "b"][EX + "ssg"]) == ["member_of"]
    assert list(m.adjacency.pred[EX + "ssg"][EX + "b"]) == ["member_of"]


def test_a_qualified_reporting_line_replaces_its_plain_triple_and_leaves_another_body_s_alone() -> None:
    m = tiny(
        """
        ex:ssg a sk:Forum ; skos:prefLabel "Sundhedsstyregruppen"@da .
        ex:ig a sk:Forum ; skos:prefLabel "Implementeringsgruppen"@da ; org:reportsTo ex:ssg .
        ex:kosu a sk:Forum ; skos:prefLabel "KOSU"@da ; org:reportsTo ex:ssg .
        ex:line a sk:ReportingLine ; sk:fromBody ex:ig ; sk:toBody ex:ssg ; sk:lineKind org:reportsTo ;
            sk:basis "Formandskabet indstiller til Sundhedsstyregruppen"@da ; sk:status sk:Active .
        """
    )
    ig = m.adjacency.succ[EX + "ig"][EX + "ssg"]
    assert list(ig) == ["reports_to"] and ig["reports_to"]["via"] == EX + "line"
    assert ig["reports_to"]["basis"] == {"da": ["Formandskabet indstiller til Sundhedsstyregruppen"]}
    assert m.adjacency.succ[EX + "kosu"][EX + "ssg"] == {"reports_to": {"kind": "reports_to"}}
