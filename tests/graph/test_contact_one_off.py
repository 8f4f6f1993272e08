"""A one-off question on a fresh model answers exactly what a prepared server answers.

A first question builds only what it reads (the asker's tree places, the cited nodes' gaps, the asked
edge kinds, the name lookups of the best-ranked asker kinds); ``prepare`` builds every index up front.
Both must give the same JSON for every kind of question: topics, thesaurus words, unknown words, askers
of every kind (and none, and ambiguous names), other dates and scenarios.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from graph.applicability import check_scenarios
from graph.contact_index import forums_of, own_root, tree_places, zone_of
from graph.contacts import contact, prepare
from graph.errors import InputError, NotInSources
from graph.model import Model
from graph.topics import topic_index
from graph.view import view

ON = dt.date(2026, 6, 1)
_UPWARD = ("reports_to", "gives_status_to", "raises_decisions_to", "communicates_with")
_ASKER_KINDS = ("organisation", "unit", "forum", "cluster", "collaboration", "post", "person")


def _fresh(m: Model) -> Model:
    """The same data as a new model: nothing looked up, indexed or cached yet."""
    return Model(
        rdf=None,
        adjacency=m.adjacency,
        hierarchy=m.hierarchy,
        files=m.files,
        version=m.version,
        alt_labels=m.alt_labels,
        labels_by_lang=m.labels_by_lang,
        facts=m.triple_index(),
    )


def _questions(m: Model, n: int) -> list[tuple[str, str | None, dt.date | None, tuple[str, ...]]]:
    rng = random.Random(11)
    index = topic_index(m)
    topics = sorted(m.label(t) for t in index.topics)
    words = sorted({text for e in index.thesaurus.entries.values() for text, _ in e.texts})
    texts = rng.sample(topics, min(12, len(topics))) + rng.sample(words, min(8, len(words)))
    texts += ["angst", "pårørende", "xyzzy frobnicate", "psykiatri"]
    by_kind: dict[str, list[str]] = {}
    for nid, kind in m.nx.nodes(data="kind"):
        by_kind.setdefault(kind, []).append(m.label(nid))
    askers: list[str | None] = [None, "Kommune", "nonexistent place"]
    for kind in _ASKER_KINDS:
        labels = sorted(by_kind.get(kind, []))
        askers += rng.sample(labels, min(4, len(labels)))
    scenarios = sorted({d["scenario"] for _, d in m.nx.nodes(data=True) if d.get("scenario")})
    out = []
    for i in range(n):
        day = ON if i % 3 else rng.choice([None, dt.date(2024, 1, 1), dt.date(2031, 3, 3)])
        scen = tuple(scenarios[:1]) if scenarios and i % 5 == 0 else ()
        out.append((rng.choice(texts), rng.choice(askers), day, scen))
    return out


def _answer(m: Model, text: str, asker: str | None, day: dt.date | None, scen: tuple[str, ...]) -> Any:
    try:
        return contact(m, text, asker, on=day, scenarios=scen).as_json("da")
    except NotInSources as exc:
        return (type(exc).__name__, str(exc), [c.id for c in exc.routes or ()])
    except InputError as exc:  # an unknown or ambiguous asker, an asker not in force: the same error either way
        return (type(exc).__name__, str(exc))


@pytest.mark.parametrize("which", ["bundled", "region"])
def test_one_off_answers_on_fresh_models_are_the_prepared_answers(
    which: str, bundled: Model, generated_region: Model
) -> None:
    m = bundled if which == "bundled" else generated_region
    prepared = _fresh(m)
    done: set[tuple[dt.date | None, tuple[str, ...]]] = set()
    answered = 0
    for text, asker, day, scen in _questions(m, 70):
        if (day, scen) not in done:
            prepare(prepared, day, scen)
            done.add((day, scen))
        fresh = _fresh(m)
        one_off = _answer(fresh, text, asker, day, scen)
        assert one_off == _answer(prepared, text, asker, day, scen), (text, asker, day, scen)
        if isinstance(one_off, dict) and one_off["answers"]:
            answered += 1
            v = view(fresh, day, check_scenarios(fresh, scen))
            assert not v.has(("contact-gap-index", day or dt.date.today()))  # the one-off way was taken
    assert answered > 20


@pytest.mark.parametrize("which", ["bundled", "region"])
def test_places_read_from_one_side_are_the_plain_definitions(
    which: str, bundled: Model, generated_region: Model
) -> None:
    """A tree's forums and clusters, and a node's cluster zones, as sets over the whole structure."""
    m = _fresh(bundled if which == "bundled" else generated_region)
    for day in (ON, None, dt.date(2024, 1, 1)):
        v = view(m, day)
        clusters = {c for c in v.nodes("cluster") if v.into(c, "member_of")}
        clusters |= {c for _, c, _ in v.edges("cluster_of")}
        zones: dict[str, set[str]] = {}
        for c in clusters:
            steering = v.into(c, "cluster_of")
            held = {c, *steering, *(x for b in steering for k in _UPWARD for x in v.into(b, k))}
            held |= {d for member in v.into(c, "member_of") for d in v.descendants(member)}
            for x in held:
                zones.setdefault(x, set()).add(c)
        assert any(zones.values())
        for x in v.nodes():
            assert zone_of(v, x) == zones.get(x, set()), x
        for root in {own_root(v, x) for x in v.nodes()}:
            tree = v.descendants(root)
            forums, in_clusters = tree_places(v, root)
            assert forums == forums_of(v, set(tree)), root
            assert in_clusters == {c for x in tree for c in v.out(x, "member_of") if v.kind(c) == "cluster"}, root


@pytest.mark.parametrize("day", [ON, dt.date(2024, 1, 1)])
def test_every_node_s_cited_gaps_are_the_prepared_index_s(day: dt.date, bundled: Model) -> None:
    """``graph.contact_gaps`` restates from the answer's side which gaps a node, a body or a topic brings
    (the finders' per-entity rules, the open questions another finder reports); the prepared index reads
    them off the full gap report. Asked for every in-force node, as a contact, a body and a topic, on two
    dates, both give the same gaps in the same order – so the two cannot drift apart, whichever kind of
    gap (vacant seat, requirement, responsibility, request, channel, open question) a sample would miss."""
    from graph.contact_gap_index import TOPIC_GAP_KINDS, gap_index
    from graph.contact_gaps import cited_gaps

    v = view(bundled, day)
    index = gap_index(v)
    gaps, by_entity, by_context, by_body, by_topic = (
        index.gaps,
        index.by_entity,
        index.by_context,
        index.by_body,
        index.by_topic,
    )

    def prepared(direct: set[str], bodies: set[str], topics: set[str]) -> tuple[Any, ...]:
        hits = {i for x in direct for i in by_entity.get(x, ()) + by_context.get(x, ())}
        hits |= {i for x in direct | bodies for i in by_body.get(x, ())}
        hits |= {i for t in topics for i in by_topic.get(t, ())}
        out: list[Any] = []
        for i in sorted(hits):  # the report's order, each gap once
            if gaps[i] not in out:
                out.append(gaps[i])
        return tuple(out)

    kinds_seen: set[str] = set()
    nodes = [n for n in sorted(bundled.nx) if v.ok(n)]
    for x in nodes:
        for direct, bodies, topics in (({x}, set(), set()), (set(), {x}, set()), (set(), set(), {x})):
            one_off = cited_gaps(v, direct, bodies, topics, TOPIC_GAP_KINDS)
            assert one_off == prepared(direct, bodies, topics), (x, direct, bodies, topics)
            kinds_seen |= {g.kind for g in one_off}
    if day == ON:  # the check reached every kind an answer can cite on the bundled data
        assert {"vacant_seat", "missing_contact_person", "open_question", "channel_not_open"} <= kinds_seen
