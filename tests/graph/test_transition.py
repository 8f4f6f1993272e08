"""What breaks on 1 January 2027: the answers a coordinator expects from the documents.

Written from the sources first: the Randers implementation group reports to the Randers Cluster steering
group (seed 000/001, «Organisatorisk placering»); L 214 abolishes the clusters, their steering groups and
SSU from 2027 (domain.md); SSG prepares cases for SSU and has no other upward line; KOSU also raises cases
to SSG, and Psykiatriforum reports to SSG, so they keep a line; what remains for the Randers group is only the
line to KOSU that the March 2024 status note *proposes*.
"""

from __future__ import annotations

import datetime as dt

import pytest

from graph.model import Model
from graph.transition import transition
from tests.cli.support import as_json, run
from tests.conftest import tiny

ID = "https://w3id.org/samarbejdskort/id/"
GROUP = ID + "forum/randers-implementeringsgruppe"
CLUSTER_SG = ID + "klyngestyregruppe/randers"
REFORM = dt.date(2027, 1, 1)


def _group(payload: dict, body: str) -> dict:
    return next(g for g in payload["groups"] if g["body"]["id"] == body)


def test_the_randers_group_loses_its_line_to_the_cluster_steering_group(bundled: Model) -> None:
    p = transition(bundled, REFORM).as_json()
    g = _group(p, GROUP)
    line = next(b for b in g["breaks"] if b["kind"] == "reports_to" and b["to"]["id"] == CLUSTER_SG)
    assert line["cause"] == "to" and line["ended_on"] == "2026-12-31" and line["successors"] == []
    assert "organisatorisk-placering" in " ".join(s["id"] for s in line["sources"])
    assert ID + "kilde/ft-l214/l214" in {s["id"] for s in line["end_sources"]}, "the act is cited for the end"
    assert g["without_upward_line"] and not g["ends"]
    assert [(r["to"]["id"], r["proposed"]) for r in g["remaining_upward"]] == [(ID + "kosu", True)]
    assert ID + "spoergsmaal/randers-implementeringsgruppe-2027" in {q["id"] for q in g["open_questions"]}


def test_the_reform_ends_the_clusters_their_steering_groups_and_ssu(bundled: Model) -> None:
    p = transition(bundled, REFORM).as_json()
    ending = {e["id"] for e in p["ending"]}
    for c in ("randers", "midt", "horsens", "vest", "aarhus"):
        assert {ID + f"klynge/{c}", ID + f"klyngestyregruppe/{c}"} <= ending
    assert ID + "ssu" in ending
    assert ID + "ssg" not in ending and ID + "kosu" not in ending, "unverified: never ended by guess"
    assert p["starting"] == [], "no sundhedsråd is guessed into the data"


def test_who_is_left_without_an_upward_line(bundled: Model) -> None:
    p = transition(bundled, REFORM).as_json()
    orphans = {g["body"]["id"] for g in p["groups"] if g["without_upward_line"]}
    assert orphans == {GROUP, ID + "ssg"}
    kosu = _group(p, ID + "kosu")
    assert not kosu["without_upward_line"] and ID + "ssg" in {r["to"]["id"] for r in kosu["remaining_upward"]}


def test_cluster_memberships_end_with_the_cluster(bundled: Model) -> None:
    g = _group(transition(bundled, REFORM).as_json(), ID + "klynge/randers")
    members = {b["from"]["id"] for b in g["breaks"] if b["category"] == "membership"}
    assert {ID + f"kommune/{k}" for k in ("favrskov", "norddjurs", "randers", "syddjurs")} <= members
    assert g["ends"]


@pytest.mark.parametrize("day", ["2026-03-15", "2027-02-01"])
def test_an_ordinary_day_breaks_nothing(bundled: Model, day: str) -> None:
    assert transition(bundled, dt.date.fromisoformat(day)).as_json()["groups"] == []


@pytest.mark.parametrize(("day", "following"), [("2026-03-15", "2027-01-01"), ("2026-12-07", "2027-01-01")])
def test_a_day_that_breaks_nothing_names_the_next_that_does(bundled: Model, day: str, following: str) -> None:
    """»samarbejdskort transition« three weeks before the reform said »Intet brydes på denne dato« and no more;
    the reform's date comes from the data (the clusters' and SSU's last day, 2026-12-31), not from the code."""
    assert transition(bundled, dt.date.fromisoformat(day)).as_json()["next_break"] == following
    result = run("transition", "--date", day)
    assert result.exit_code == 0
    assert "Intet brydes på denne dato" in result.stdout
    assert f"Næste dato, hvor noget brydes: {following}" in result.stdout
    assert f"samarbejdskort transition --date {following}" in result.stdout


def test_after_the_last_end_there_is_no_next_break(bundled: Model) -> None:
    assert transition(bundled, dt.date(2040, 1, 1)).as_json()["next_break"] is None


def test_a_day_on_which_something_only_begins_still_names_the_next_break() -> None:
    """A new body on the day breaks nothing: the answer still points to the day the old line ends."""
    model = tiny(
        """
        ex:g a sk:ImplementationGroup ; skos:prefLabel "Gruppe"@da .
        ex:old a sk:SteeringGroup ; skos:prefLabel "Gammel styregruppe"@da ; sk:validUntil "2026-12-31"^^xsd:date .
        ex:fresh a sk:SteeringGroup ; skos:prefLabel "Ny gruppe"@da ; sk:validFrom "2026-05-01"^^xsd:date .
        ex:l1 a sk:ReportingLine ; sk:fromBody ex:g ; sk:toBody ex:old ; sk:lineKind org:reportsTo .
        """
    )
    p = transition(model, dt.date(2026, 5, 1)).as_json()
    assert p["groups"] == [] and [e["id"] for e in p["starting"]] == ["http://example.org/fresh"]
    assert p["next_break"] == "2027-01-01"


def test_a_line_taken_over_by_a_new_one_has_a_successor() -> None:
    model = tiny(
        """
        ex:g a sk:ImplementationGroup ; skos:prefLabel "Gruppe"@da .
        ex:old a sk:SteeringGroup ; skos:prefLabel "Gammel styregruppe"@da ; sk:validUntil "2026-12-31"^^xsd:date .
        ex:new a sk:SteeringGroup ; skos:prefLabel "Sundhedsråd X"@da ; sk:validFrom "2027-01-01"^^xsd:date .
        ex:l1 a sk:ReportingLine ; sk:fromBody ex:g ; sk:toBody ex:old ; sk:lineKind org:reportsTo .
        ex:l2 a sk:ReportingLine ; sk:fromBody ex:g ; sk:toBody ex:new ; sk:lineKind org:reportsTo .
        """
    )
    p = transition(model, REFORM).as_json()
    g = _group(p, "http://example.org/g")
    assert [s["id"] for s in g["breaks"][0]["successors"]] == ["http://example.org/new"]
    assert not g["without_upward_line"]
    assert [e["id"] for e in p["starting"]] == ["http://example.org/new"]
    assert "ingen efterfølger" not in g["breaks"][0]["text"]


def test_cli_transition_lists_the_randers_group_with_the_source() -> None:
    result = run("transition", "--date", "2027-01-01")
    assert result.exit_code == 0, result.output
    block = result.stdout.split("\nTværsektoriel implementeringsgruppe om børn og unge i mistrivsel, Randersklyngen")[1]
    block = block.split("\n\n")[0]
    assert "står uden linje opad" in block
    assert "refererer til Klyngestyregruppen for Randersklyngen: brydes" in block
    assert "Organisatorisk placering" in block and "L 214" in block
    assert "Den Kommunale Sundhedsstyregruppe (foreslået)" in block
    en = as_json(run("transition", "--date", "2027-01-01", "--json", "--lang", "en"))
    assert en["counts"]["left_without_upward_line"] == 2
    assert run("transition", "--date", "1. januar").exit_code == 2


def test_asked_after_the_reform_the_chain_says_ssg_is_reached_only_by_a_proposal(bundled: Model) -> None:
    from graph.reporting import chain

    after = chain(bundled, GROUP, on=dt.date(2027, 2, 1)).as_json()
    assert [t["id"] for t in after["tops"]] == [ID + "ssg"]
    notes = {n["code"]: n for n in after["notes"]}
    only = notes["only_proposed"]
    assert only["to"]["id"] == ID + "ssg" and [r["id"] for r in only["via"]] == [ID + "kosu", ID + "ssg"]
    assert "foreslået" in only["text"]
    ended = [n for n in after["notes"] if n["code"] == "line_ended"]
    assert (ended[0]["to"]["id"], ended[0]["kind"], ended[0]["ended_on"]) == (CLUSTER_SG, "reports_to", "2026-12-31")
    assert ID + "kilde/ft-l214/l214" in {s["id"] for s in ended[0]["sources"]}
    before = chain(bundled, GROUP, on=dt.date(2026, 2, 1)).as_json()
    assert before["notes"] == [], "before the reform the group reaches the top through lines in force"


def test_cli_chain_after_the_reform_says_so() -> None:
    result = run("chain", GROUP, "--date", "2027-02-01")
    assert result.exit_code == 0, result.output
    assert "når kun Sundhedsstyregruppen gennem en foreslået linje" in result.stdout
    assert "Linjen »refererer til Klyngestyregruppen for Randersklyngen« ophørte 2026-12-31" in result.stdout


def test_gaps_after_the_reform_show_the_lost_lines(bundled: Model) -> None:
    from graph.gaps import find_gaps

    after = find_gaps(bundled, on=dt.date(2027, 1, 15)).as_json()
    ended = {g["entity"]["id"]: g for g in after["gaps"] if g["kind"] == "upward_line_ended"}
    assert set(ended) == {GROUP, ID + "ssg"}
    randers = ended[GROUP]
    assert randers["severity"] == "high"
    assert "Klyngestyregruppen for Randersklyngen" in randers["text"] and "kun foreslået" in randers["text"]
    assert ID + "kilde/ft-l214/l214" in {s["id"] for s in randers["sources"]}
    assert randers["question"]["id"] == ID + "spoergsmaal/randers-implementeringsgruppe-2027"
    before = find_gaps(bundled, on=dt.date(2026, 12, 15)).as_json()
    assert not [g for g in before["gaps"] if g["kind"] == "upward_line_ended"]


def test_cli_gaps_after_the_reform() -> None:
    result = run("gaps", "--date", "2027-01-15")
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if "[linje opad ophørt] Tværsektoriel" in x)
    assert "»refererer til Klyngestyregruppen for Randersklyngen« ophørte 2026-12-31" in line
