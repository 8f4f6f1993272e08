"""Names are never guessed (issue 10, item 5): a tie is an error with candidates, wherever names resolve."""

from __future__ import annotations

import pytest

from graph.errors import AmbiguousEntity
from graph.gaps import find_gaps
from graph.reporting import chain
from tests.conftest import tiny

EX = "http://example.org/"


@pytest.fixture(scope="module")
def model():
    return tiny(
        """
        ex:a a sk:ImplementationGroup ; skos:prefLabel "Implementeringsgruppen, Nordklyngen"@da .
        ex:b a sk:ImplementationGroup ; skos:prefLabel "Fælles implementeringsgruppe for regionen"@da .
        ex:k a sk:Municipality ; skos:prefLabel "Aby Kommune"@da ; sk:sector sk:SectorMunicipal .
        ex:ppr a org:OrganizationalUnit ; skos:prefLabel "PPR, Aby Kommune"@da ; org:unitOf ex:k .
        ex:unit a org:OrganizationalUnit ; skos:prefLabel "Rådgivningsenheden, BUA"@da .
        ex:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "rådgivning"@da ;
            skos:altLabel "rådgivningsenheden"@da .
        """
    )


def test_a_word_two_forums_share_is_ambiguous_with_both_as_candidates(model) -> None:
    with pytest.raises(AmbiguousEntity) as err:
        model.resolve("implementeringsgruppe")
    assert {c.id for c in err.value.candidates} == {EX + "a", EX + "b"}


def test_every_question_refuses_the_guess(model) -> None:
    for ask in (lambda: chain(model, "implementeringsgruppe"), lambda: find_gaps(model, scope="implementeringsgruppe")):
        with pytest.raises(AmbiguousEntity):
            ask()


def test_more_words_make_it_one(model) -> None:
    assert model.resolve("implementeringsgruppe Nordklyngen") == EX + "a"


def test_an_organisation_contains_its_unit_so_the_name_means_the_organisation(model) -> None:
    assert model.resolve("Aby") == EX + "k"


def test_a_units_own_name_beats_a_topic_that_lists_the_word_as_a_synonym(model) -> None:
    assert model.resolve("Rådgivningsenheden") == EX + "unit"
    assert model.resolve("rådgivning") == EX + "t"  # the topic's own name still means the topic


def test_bundled_implementeringsgruppe_and_raadgivningsenheden(bundled) -> None:
    with pytest.raises(AmbiguousEntity) as err:
        bundled.resolve("implementeringsgruppe")
    assert len(err.value.candidates) == 2
    assert bundled.resolve("Rådgivningsenheden").endswith("/bua/raadgivningsenhed")
