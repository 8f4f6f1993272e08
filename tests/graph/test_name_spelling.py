"""»Did you mean«: a coordinator's slip in a name gets the entity meant as the first suggestion, compared word by
word (``graph.name_spelling``), and nonsense gets none."""

from __future__ import annotations

import pytest

from graph.errors import EntityNotFound
from graph.model import Model
from graph.name_spelling import close_words
from graph.word_index import WordIndex


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Nrodjurs Kommune", "Norddjurs Kommune"),  # two letters swapped
        ("Randres Kommune", "Randers Kommune"),
        ("Favrskow Kommune", "Favrskov Kommune"),  # one letter wrong
        ("Hedensted Komune", "Hedensted Kommune"),  # one dropped
        ("Silkebrog", "Silkeborg Kommune"),  # the town alone, misspelt
        ("Lemvik", "Lemvig Kommune"),
        ("Norddjurskommune", "Norddjurs Kommune"),  # no space
        ("Ringkøbing Skern Kommune", "Ringkøbing-Skjern Kommune"),
        ("Regionshospitalet Randrs", "Regionshospitalet Randers"),
        ("Aarhus Universitetshospitl", "Aarhus Universitetshospital"),
        ("Vestklyngn", "Vestklyngen"),
        ("Sundhedssamarbejdsudvalgt", "Sundhedssamarbejdsudvalget"),
        ("PLO Midtjyland", "PLO-Midtjylland"),
        ("Klyngestyregruppen for Randersklyngn", "Klyngestyregruppen for Randersklyngen"),
        ("Hospitalse", "Hospitalsenheden Midt"),  # a word still being typed
    ],
)
def test_a_slip_in_a_name_suggests_the_entity_meant_first(bundled: Model, typed: str, meant: str) -> None:
    with pytest.raises(EntityNotFound) as err:
        bundled.resolve(typed)
    assert err.value.suggestions[0].label == meant
    assert f"mente du / did you mean: {meant}" in str(err.value)


def test_the_word_that_says_most_decides_the_suggestion(bundled: Model) -> None:
    """»PPR Skanderborgg«: there is no PPR of Skanderborg in the sources; »Skanderborg« (in few labels) says more
    than »PPR« (in many), so Skanderborg Kommune comes first, then the PPRs of other municipalities."""
    with pytest.raises(EntityNotFound) as err:
        bundled.resolve("PPR Skanderborgg")
    labels = [c.label for c in err.value.suggestions]
    assert labels[0] == "Skanderborg Kommune"
    assert "PPR, Favrskov Kommune" in labels


def test_nonsense_gets_no_suggestion(bundled: Model) -> None:
    with pytest.raises(EntityNotFound) as err:
        bundled.resolve("xyzzy qwrtp")
    assert err.value.suggestions == ()


def test_suggestions_keep_to_the_kinds_asked_for(bundled: Model) -> None:
    """An asker must be a body: a misspelt cluster name suggests the cluster, not its steering group's seats."""
    found = bundled.index.suggest("Randersklyngn", kinds={"cluster"})
    assert [c.label for c in found] == ["Randersklyngen"]
    assert all(c.kind == "forum" for c in bundled.index.suggest("Randersklyngn", kinds={"forum"}))


def test_a_typed_word_stands_for_the_label_words_nearly_as_alike_as_the_best() -> None:
    words = ["rådgivning", "rådgivningsenheden", "randers", "randersklyngen", "for", "forløb"]
    vocabulary = WordIndex((f"id{i}", (w,)) for i, w in enumerate(words))
    assert set(close_words("rådgivningsenhden", vocabulary)) == {"rådgivningsenheden"}  # not also »rådgivning«
    assert set(close_words("randersklyngn", vocabulary)) == {"randersklyngen"}
    assert close_words("for", vocabulary) == {"for": 1.0}  # a whole word is not read as the start of »forløb«
    assert "randersklyngen" in close_words("randersk", vocabulary)  # a word still being typed
    assert close_words("xyzzy", vocabulary) == {}
