"""Property-based: random small graphs with cycles, self-loops and dangling references; every question answers
within a bound of work.

The bound is a count of executed Python lines (``bounded_work``), not wall-clock time: a loop that never
ends fails the example with ``WorkExceeded`` (naming the function it was in) instead of hanging the suite,
and a busy machine cannot make it fail. Examples are derandomised so CI sees the same graphs every run.
"""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from graph.model import model_from_text
from tests.reliability.questions import ask_everything, bounded_work

#: Lines of Python a whole round (projection + every question) may execute on a graph of ≤ 7 entities.
#: Measured rounds take 0.1–0.3 million; a hang reaches it within seconds.
MAX_LINES = 5_000_000

KINDS = {
    "org": "org:Organization",
    "unit": "org:OrganizationalUnit",
    "forum": "sk:WorkingGroup",
    "collab": "org:OrganizationalCollaboration",
    "seat": "sk:Seat",
    "person": "foaf:Person",
    "channel": "sk:Channel",
}
PREDICATES = (
    "org:subOrganizationOf",
    "org:unitOf",
    "org:hasSubOrganization",
    "org:hasUnit",
    "org:memberOf",
    "org:hasMember",
    "org:reportsTo",
    "org:postIn",
    "org:holds",
    "org:heldBy",
    "sk:onBehalfOf",
    "sk:channelFrom",
    "sk:channelTo",
    "sk:secretariatIn",
)
HEAD = """@prefix sk: <https://w3id.org/samarbejdskort/ns#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix ex: <http://example.org/p/> .
ex:topic a skos:Concept ; skos:inScheme sk:topics ; skos:prefLabel "Sparring"@da .
"""


@st.composite
def small_graphs(draw: st.DrawFn) -> str:
    """Turtle for 2–7 entities and up to 14 relations among them, to themselves, or to IRIs never described."""
    kinds = draw(st.lists(st.sampled_from(sorted(KINDS)), min_size=2, max_size=7))
    lines = [HEAD]
    for i, kind in enumerate(kinds):
        label = "foaf:name" if kind == "person" else "skos:prefLabel"
        lines.append(f'ex:e{i} a {KINDS[kind]} ; {label} "Enhed {i} æøå"@da .')
        if draw(st.booleans()):
            lines.append(f"ex:e{i} sk:handlesTopic ex:topic .")
    targets = st.one_of(st.integers(0, len(kinds) - 1).map(lambda j: f"ex:e{j}"), st.just("ex:dangling"))
    for _ in range(draw(st.integers(0, 14))):
        s = draw(st.integers(0, len(kinds) - 1))
        lines.append(f"ex:e{s} {draw(st.sampled_from(PREDICATES))} {draw(targets)} .")
    return "\n".join(lines) + "\n"


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink),  # no "explain": it traces too
    suppress_health_check=[HealthCheck.too_slow],
)
@given(small_graphs())
@example(HEAD + 'ex:e0 a org:Organization ; skos:prefLabel "Cyklisk Org"@da ; org:subOrganizationOf ex:e0 .\n')
@example(
    HEAD
    + 'ex:e0 a org:OrganizationalUnit ; skos:prefLabel "V"@da ; org:unitOf ex:e1 ; sk:handlesTopic ex:topic .\n'
    + 'ex:e1 a org:OrganizationalUnit ; skos:prefLabel "W"@da ; org:unitOf ex:e0 ; org:memberOf ex:e1 .\n'
)
def test_every_question_on_a_random_graph_ends_within_a_bound_of_work(turtle: str) -> None:
    with bounded_work(MAX_LINES) as count:
        model = model_from_text(turtle)
        asked = ask_everything(model)
    assert asked and count[0] <= MAX_LINES


def test_the_bound_stops_a_loop_that_never_ends() -> None:
    import pytest

    from tests.reliability.questions import WorkExceeded

    def spin() -> None:
        while True:
            pass

    with pytest.raises(WorkExceeded, match="spin"), bounded_work(10_000):
        spin()
