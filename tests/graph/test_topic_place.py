"""A place in a contact question (``graph.topic_place``): read from the words coordinators type, and kept to.

Expected readings written first, from the bundled map: »PPR i Norddjurs« is Norddjurs' PPR (it was »not in the
sources«), »kontaktperson i BUA« asks about BUA (Randers was shown Favrskov's missing contact person first), and
words that only look like a place – »barn«, »skolen«, a topic's own label – are no place.
"""

from __future__ import annotations

import pytest

from graph.contacts import contact
from graph.model import Model
from graph.topic_place import read_question

ID = "https://w3id.org/samarbejdskort/id/"


@pytest.mark.parametrize(
    ("text", "place", "topic"),
    [
        ("PPR i Norddjurs", "kommune/norddjurs", "ppr"),
        ("PPR Norddjurs", "kommune/norddjurs", "ppr"),
        ("Norddjurs PPR", "kommune/norddjurs", "ppr"),
        ("PPR, Norddjurs Kommune", "kommune/norddjurs", "ppr"),
        ("PPR i Randersklyngen", "klynge/randers", "ppr"),
        ("kontaktperson i BUA", "bua", "kontaktperson"),
        ("kontaktperson i børnepsykiatrien", "bua", "kontaktperson"),
        ("sundhedsplejen i Randers", "kommune/randers", "sundhedspleje"),  # the town: its municipality
        ("PPR in Norddjurs", "kommune/norddjurs", "ppr"),
    ],
)
def test_a_place_typed_with_the_topic_is_read_as_the_place(bundled: Model, text: str, place: str, topic: str) -> None:
    q = read_question(bundled, text)
    assert q.place == ID + place
    assert q.meaning.topics and q.meaning.topics[0].id == ID + "emne/" + topic


@pytest.mark.parametrize(
    "text",
    [
        "angst hos et barn",  # not »Kvinde-Barn fællesafdeling«
        "mobning i skolen",
        "hvem kan jeg spørge om et barn med angst",
        "rådgivning fra BUA",  # a thesaurus label as it stands is never split
        "faglig sparring",
        "lettilgængeligt behandlingstilbud",
    ],
)
def test_words_that_only_look_like_a_place_are_no_place(bundled: Model, text: str) -> None:
    assert read_question(bundled, text).place is None


def test_a_place_that_answers_nothing_is_said_and_the_answers_are_the_askers_own(bundled: Model) -> None:
    """The sources name nothing in Skive for selvskade: said so, and Randers still gets its own general routes."""
    answer = contact(bundled, "selvskade i Skive", "Randers Kommune").as_json()
    assert answer["place"] == {
        "id": ID + "kommune/skive",
        "label": "Skive Kommune",
        "kind": "organisation",
        "answered": False,
    }
    assert ID + "kommune/randers/ppr" in [a["who"]["id"] for a in answer["answers"]]


def test_the_answers_keep_to_the_place(bundled: Model) -> None:
    answer = contact(bundled, "PPR i Norddjurs", "Randers Kommune").as_json()
    assert answer["place"]["answered"] is True
    assert [a["who"]["id"] for a in answer["answers"]] == [ID + "kommune/norddjurs/ppr"]
