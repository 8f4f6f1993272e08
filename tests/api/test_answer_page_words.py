"""The answer page says what the CLI and the JSON say about an everyday word: the acute notice before any answer,
the word it was read as, and that the answers are general routes.

Written from the CLI's answers first (``samarbejdskort contact selvmordstanker --from "Randers Kommune"``): the
page listed »Rådgivningsenheden, BUA« first, a unit that takes no concrete cases, with no word of 112 or of the
sources describing no acute route, and called the general topics what »selvmordstanker« was understood as.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.api.conftest import html_get, settings_for
from tests.conftest import PREFIXES


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize(
    ("lang", "acute", "emergency"),
    [
        ("da", "Kilderne beskriver ingen akut vej", "ring 112"),
        ("en", "the sources describe no acute route", "call 112"),
    ],
)
def test_suicidal_thoughts_put_the_acute_notice_before_any_answer(
    client: TestClient, lang: str, acute: str, emergency: str
) -> None:
    html = html_get(client, f"/kontakt?topic=selvmordstanker&asker=Randers+Kommune&lang={lang}")
    alert = re.search(r'<div class="warning notice" role="alert">(.*?)</div>', html, re.S)
    assert alert, "no alert on the page"
    said = _text(alert.group(1))
    assert acute in said and emergency in said
    assert html.index('role="alert"') < html.index('id="svar-1"')  # read before the first answer


@pytest.mark.parametrize(
    ("lang", "intro", "word", "badge"),
    [
        ("da", "Kilderne nævner ingen særlig kontakt for netop dette", "ordet »angst«", "generel vej"),
        ("en", "The sources name no specific contact for this", "the word “anxiety”", "general route"),
    ],
)
def test_an_everyday_word_says_its_answers_are_general_routes(
    client: TestClient, lang: str, intro: str, word: str, badge: str
) -> None:
    html = html_get(client, f"/kontakt?topic=angst&asker=Favrskov+Kommune&lang={lang}")
    text = _text(html)
    assert intro in text
    assert word in text  # what the text was read as: the word, not the general topics
    understood = text[text.index("Forstået som" if lang == "da" else "Understood as") :][:200]
    assert "samarbejdsaftale" not in understood  # a general topic is not what »angst« means
    articles = re.findall(r'<article class="answer[^"]*"', html)
    assert articles and html.count(f'<span class="badge badge-general">{badge}</span>') == len(articles)


def test_a_specific_topic_is_not_called_a_general_route(client: TestClient) -> None:
    html = html_get(client, "/kontakt?topic=faglig+sparring&asker=Favrskov+Kommune")
    text = _text(html)
    assert "Kilderne nævner ingen særlig kontakt" not in text and "badge-general" not in html
    assert 'role="alert"' not in html


def test_the_answer_page_names_the_place_and_says_when_nothing_is_there(client: TestClient) -> None:
    """»PPR i Norddjurs« from Randers: the place is named and the first answer is Norddjurs' PPR; »selvskade i
    Skive«: the sources name nothing there, and the page says so before the answers."""
    html = html_get(client, "/kontakt?topic=PPR+i+Norddjurs&asker=Randers+Kommune")
    assert "Sted: Norddjurs Kommune" in _text(html)
    first = re.search(r'<h3 id="svar-1">(.*?)</h3>', html, re.S)
    assert first and "PPR, Norddjurs Kommune" in _text(first.group(1))
    html = html_get(client, "/kontakt?topic=selvskade+i+Skive&asker=Randers+Kommune&lang=en")
    said = _text(html)
    assert "The sources name nobody in Skive Municipality who answers this" in said
    assert said.index("nobody in Skive") < said.index("1. ")


@pytest.mark.parametrize(
    ("lang", "why"),
    [("da", "andre kommuners egne enheder"), ("en", "other municipalities' own services")],
)
def test_other_municipalities_ppr_are_listed_as_left_out_not_as_answers(
    client: TestClient, lang: str, why: str
) -> None:
    """Viborg asks about skolevægring: the answers hold no other municipality's PPR; the page says, after the
    answers, which were left out and why, each a link to its page."""
    html = html_get(client, f"/kontakt?topic=skolev%C3%A6gring&asker=Viborg+Kommune&lang={lang}")
    answers, _, rest = unquote(html).partition('class="left-out')
    assert rest, "no left-out list on the page"
    assert "kommune/favrskov/ppr" not in answers
    left_out = rest.split("</details>", 1)[0]
    assert why in _text(left_out)
    for town in ("favrskov", "norddjurs", "randers", "syddjurs"):
        assert f"kommune/{town}/ppr" in left_out


def test_a_long_left_out_list_shows_six_and_counts_the_rest(tmp_path: Path) -> None:
    """Nineteen municipalities' units: the page's list names six (links) and says how many more."""
    units = "\n".join(
        f'ex:k{i} a sk:Municipality ; skos:prefLabel "K{i:02d} Kommune"@da ; sk:sector sk:SectorMunicipal .\n'
        f'ex:u{i} a org:OrganizationalUnit ; skos:prefLabel "PPR, K{i:02d}"@da ; org:unitOf ex:k{i} ; '
        "sk:handlesTopic ex:t ."
        for i in range(19)
    )
    data = tmp_path / "kommuner.ttl"
    data.write_text(PREFIXES + units + '\nex:t a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "emnet"@da .')
    with TestClient(create_app(settings_for(tmp_path / "store", [data]))) as c:
        html = html_get(c, "/kontakt?topic=emnet&asker=K00+Kommune")
    left_out = _text(html.split('class="left-out', 1)[1].split("</details>", 1)[0])
    assert "(18)" in left_out and "PPR, K06" in left_out and "PPR, K07" not in left_out
    assert left_out.endswith("og 12 flere")
