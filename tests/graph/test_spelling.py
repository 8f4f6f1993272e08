"""»Did you mean«: a typo finds the name it was meant to be, also among a national model's many names."""

from __future__ import annotations

import difflib

import pytest

from graph import spelling
from graph.spelling import Spelling
from graph.text import normalise

# names as a coordinator types them, each with a typo or two, and the bundled name meant
TYPOS = {
    "Nrodjurs Kommune": "norddjurs kommune",
    "Rnaders kommune": "randers kommune",
    "Favrskvo Kommune": "favrskov kommune",
    "ppr norddjur": "ppr, norddjurs kommune",
    "Ringkøbing Skern Kommune": "ringkøbing-skjern kommune",
    "Psykiatrforum": "psykiatriforum",
    "Regionshopsitalet Randers": "regionshospitalet randers",
}


@pytest.fixture(scope="module")
def names(bundled) -> list[str]:
    return bundled.index._vocabulary


@pytest.mark.parametrize(("typed", "meant"), TYPOS.items())
def test_a_typo_is_answered_with_the_name_meant_first(names: list[str], typed: str, meant: str) -> None:
    assert meant in names
    assert Spelling(names).close(normalise(typed), 5, 0.5)[0] == meant


@pytest.mark.parametrize("typed", [*TYPOS, "Aarhus klyngen", "implementerings gruppe", "PPR Syddjurs"])
def test_on_the_bundled_names_its_first_suggestions_are_what_comparing_every_name_gives(
    names: list[str], typed: str
) -> None:
    # the far end of the list may differ: a name sharing no three letters with the text (»procedures« for
    # »ppr syddjurs«) is never rated
    text = normalise(typed)
    assert Spelling(names).close(text, 15, 0.5)[:2] == difflib.get_close_matches(text, names, n=15, cutoff=0.5)[:2]


def test_among_many_similar_names_it_still_finds_the_one_meant_rating_only_a_few(monkeypatch) -> None:
    # national scale: thousands of names that share most of their letters (»lægehuset …, kommune N«)
    names = [f"lægehuset {place}, kommune {n}" for n in range(1, 99) for place in ("skovsø", "nørrebæk", "åsø")]
    names += [f"ppr, kommune {n}" for n in range(1, 99)] + [f"sundhedsplejen, kommune {n}" for n in range(1, 99)]
    names += [f"testperson {n}" for n in range(5000)]
    rated: list[int] = []
    original = difflib.get_close_matches

    def counting(word: str, possibilities: list[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
        rated.append(len(possibilities))
        return original(word, possibilities, n=n, cutoff=cutoff)

    monkeypatch.setattr(spelling.difflib, "get_close_matches", counting)
    found = Spelling(names).close("lægehuset nørebæk, kommune 41", 5, 0.5)
    assert found[0] == "lægehuset nørrebæk, kommune 41"
    assert rated == [spelling.CANDIDATES]  # of the 5,000+ names
    assert len(names) > 20 * spelling.CANDIDATES


def test_nothing_in_common_is_no_suggestion() -> None:
    assert Spelling(["randers kommune", "ppr"]).close("qqqq", 5, 0.5) == []
