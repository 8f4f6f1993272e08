"""Topic matching as people type: inflections, compounds, English, accents, æøå, typos, stop words."""

from __future__ import annotations

import pytest

from graph.errors import UnknownTopic
from graph.topics import match_topics, stem, topic_index
from tests.conftest import tiny

EX = "http://example.org/"
TOPICS = """
ex:sparring a skos:Concept ; skos:inScheme sk:topics ;
    skos:prefLabel "sparring"@da , "sparring"@en ; skos:altLabel "faglig sparring"@da , "peer consultation"@en .
ex:raadgivning a skos:Concept ; skos:inScheme sk:topics ;
    skos:prefLabel "rådgivning"@da , "advice"@en ;
    skos:altLabel "rådgivning fra børnepsykiatrien"@da , "advice from child psychiatry"@en .
ex:special a skos:Concept ; skos:inScheme sk:topics ;
    skos:prefLabel "specialiseret rådgivning"@da , "specialised advice"@en ; skos:broader ex:raadgivning .
ex:moeder a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "mødeplanlægning"@da , "meeting planning"@en .
ex:dagsorden a skos:Concept ; skos:inScheme sk:topics ;
    skos:prefLabel "dagsorden"@da , "agenda"@en ; skos:broader ex:moeder .
ex:samtykke a skos:Concept ; skos:inScheme sk:topics ;
    skos:prefLabel "samtykke"@da , "consent"@en ; skos:related ex:jura .
ex:jura a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "jura"@da , "law"@en .
ex:stime a skos:Concept ; skos:inScheme sk:topics ;
    skos:prefLabel "STIME"@da ; skos:altLabel "STIME-supervision"@da .
ex:supervision a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "supervision"@da , "supervision"@en .
ex:oekonomi a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "økonomi"@da , "finances"@en .
ex:kontakt a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "kontaktperson"@da , "contact person"@en .
ex:not-a-topic a skos:Concept ; skos:prefLabel "ikke et emne"@da .
"""


@pytest.fixture(scope="module")
def model():
    return tiny(TOPICS)


def best(model, text: str) -> str:
    return match_topics(model, text)[0].id.removeprefix(EX)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("samtykke", "samtykke"),
        ("SAMTYKKE", "samtykke"),
        ("  Samtykke ", "samtykke"),
        ("faglig sparring", "sparring"),
        ("advice from child psychiatry", "raadgivning"),
        ("consent", "samtykke"),
        ("agenda", "dagsorden"),
        ("rådgivning fra børnepsykiatrien", "raadgivning"),
    ],
)
def test_labels_in_danish_and_english_regardless_of_case(model, text: str, topic: str) -> None:
    assert best(model, text) == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("samtykket", "samtykke"),
        ("rådgivningen", "raadgivning"),
        ("dagsordenen", "dagsorden"),
        ("dagsordener", "dagsorden"),
        ("kontaktpersonerne", "kontakt"),
        ("sparringen", "sparring"),
    ],
)
def test_danish_inflections_meet_the_base_form(model, text: str, topic: str) -> None:
    assert best(model, text) == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("dagsordensforslag", "dagsorden"),  # dagsordens|forslag: the linking -s is dropped
        ("sparringsbehov", "sparring"),
        ("forslag til dagsordenen", "dagsorden"),
        ("økonomiopfølgning", "oekonomi"),
    ],
)
def test_compound_words_are_split_into_label_words(model, text: str, topic: str) -> None:
    assert best(model, text) == topic


def test_a_hyphenated_label_matches_whole_and_its_parts_rank_below(model) -> None:
    found = [m.id.removeprefix(EX) for m in match_topics(model, "STIME-supervision")]
    assert found[0] == "stime"
    assert "supervision" in found


@pytest.mark.parametrize("text", ["radgivning", "raadgivning", "RÅDGIVNING", "rådgivning"])
def test_aa_a_and_å_are_the_same_letter_for_topics(model, text: str) -> None:
    assert best(model, text) == "raadgivning"


@pytest.mark.parametrize("text", ["økonomi", "oekonomi", "okonomi", "Økonomi"])
def test_ø_oe_and_o_meet(model, text: str) -> None:
    assert best(model, text) == "oekonomi"


def test_stop_words_are_ignored(model) -> None:
    assert best(model, "hvem kontakter jeg om samtykke") == "samtykke"
    assert best(model, "who do I contact about consent") == "samtykke"


def test_a_typo_still_finds_the_topic_but_scores_below_an_exact_label(model) -> None:
    found = match_topics(model, "sparing")
    assert found[0].id == EX + "sparring"
    assert found[0].score < 0.9


def test_broader_topic_joins_with_a_lower_score(model) -> None:
    found = {m.id.removeprefix(EX): m for m in match_topics(model, "specialiseret rådgivning")}
    assert found["special"].score == 1.0
    assert found["raadgivning"].score < found["special"].score


def test_narrower_and_related_topics_are_marked_as_such(model) -> None:
    narrower = {m.id.removeprefix(EX): m for m in match_topics(model, "mødeplanlægning")}
    assert narrower["dagsorden"].via == "narrower"
    assert narrower["dagsorden"].from_topic == EX + "moeder"
    related = {m.id.removeprefix(EX): m for m in match_topics(model, "samtykke")}
    assert related["jura"].via == "related"
    assert related["jura"].score < related["samtykke"].score


def test_an_exact_label_is_not_drowned_by_a_shared_adjective(model) -> None:
    """ "faglig" alone must not drag in every topic with "faglig" in a label."""
    scored = match_topics(model, "faglig sparring")
    assert scored[0].id == EX + "sparring"
    assert all(m.via != "words" for m in scored[1:])


def test_unknown_topic_raises_with_nearest_topics_as_suggestions(model) -> None:
    with pytest.raises(UnknownTopic) as err:
        match_topics(model, "samtkyeerklæringsblanket")
    assert any(c.id == EX + "samtykke" for c in err.value.suggestions)
    assert "samtykke" in str(err.value)


@pytest.mark.parametrize("text", ["xyzzy", "", "om", "the"])
def test_nothing_to_match_is_an_error_with_suggestions_never_an_empty_list(model, text: str) -> None:
    with pytest.raises(UnknownTopic) as err:
        match_topics(model, text)
    assert err.value.suggestions


def test_a_concept_outside_the_scheme_is_not_a_topic(model) -> None:
    with pytest.raises(UnknownTopic):
        match_topics(model, "ikke et emne")


def test_a_topic_iri_is_taken_as_is(model) -> None:
    assert match_topics(model, EX + "jura")[0].via == "id"


def test_the_index_is_built_once_per_model(model) -> None:
    assert topic_index(model) is topic_index(model)
    other = tiny(TOPICS)
    assert topic_index(other) is not topic_index(model)


def test_stemming_is_applied_alike_and_keeps_short_words() -> None:
    assert stem("dagsordener") == stem("dagsorden") == stem("dagsordenen")
    assert stem("it") == "it"


def test_match_json_names_topic_score_and_how(model) -> None:
    m = match_topics(model, "dagsordensforslag")[0]
    j = m.as_json(model, "en")
    assert j["id"] == EX + "dagsorden" and j["label"] == "agenda" and j["kind"] == "topic"
    assert {"score", "via", "matched_label", "from"} <= set(j)


# ------------------------------------------------------------------------------------------------ bundled
ID = "https://w3id.org/samarbejdskort/id/emne/"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("sparring", "sparring"),
        ("faglig sparring", "sparring"),
        ("rådgivning fra børnepsykiatrien", "raadgivning"),
        ("advice from child psychiatry", "raadgivning"),
        ("dagsordensforslag", "dagsorden"),
        ("STIME-supervision", "stime"),
        ("samtykke", "samtykke"),
        ("specialiseret rådgivning", "specialiseret-raadgivning"),
        ("fast kontaktperson", "kontaktperson"),
        ("korrespondancemodulet", "korrespondance"),
    ],
)
def test_bundled_topics_match_what_the_documents_say(bundled, text: str, slug: str) -> None:
    assert match_topics(bundled, text)[0].id == ID + slug


def test_the_topic_index_stems_with_the_c_snowball_stemmer() -> None:
    """PyStemmer is a dependency: without it snowballstemmer falls back to pure Python, same stems at 1/6 of
    the speed, and every CLI question waits for it (the topic index is built per process)."""
    from graph import topic_words

    assert type(topic_words._STEMMER).__module__ == "Stemmer"


def test_stems_in_one_batch_are_the_stems_of_each_word() -> None:
    """The topic index stems its label words in one batch: each must be what ``stem`` gives that word."""
    from graph.topic_words import stem, stems

    odd = ["børnepsykiatrien", "skolefravaer", "Ærgrelse", "aae", "oe", "", " ", "a b", "e\u0301", "\u0301", "ß"]
    for batch in (["dagsordener", "rådgivningen", "sparringsmuligheder"], odd, odd[:4]):
        assert stems(batch) == {w: stem(w) for w in batch}


def test_one_slip_is_a_letter_wrong_missing_added_or_two_swapped_but_never_the_first() -> None:
    from graph.topic_words import one_slip

    assert one_slip("angzt", "angst") and one_slip("ansgt", "angst") and one_slip("mobnig", "mobning")
    assert one_slip("angstt", "angst")
    assert not one_slip("angst", "angst") and not one_slip("anzgtt", "angst")
    assert not one_slip("dental", "mental")  # a word of its own, one letter from another: the first letter


def test_no_topic_or_thesaurus_label_holds_a_question_word(bundled) -> None:
    """»næste«, »holder«, »when« are dropped from what a coordinator types: a label holding one could not be
    matched by it, so none may (the claim that made them stop words, kept as the data grows)."""
    from graph.text import normalise, words
    from graph.topic_words import QUESTION_WORDS

    index = topic_index(bundled)
    held = {(w, lab.text) for lab in index.labels for w in words(normalise(lab.text)) if w in QUESTION_WORDS}
    assert not held
