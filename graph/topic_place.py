"""A place in a contact question: »PPR i Norddjurs«, »kontaktperson hos BUA«, »sundhedsplejen i Randers«.

Coordinators type the topic and the place together. Read as one topic text, the place's name is a word no
topic knows, so »PPR Norddjurs« was »not in the sources«; or it was read as part of the topic and the place
was lost, so »kontaktperson i BUA« from Randers named Favrskov's missing contact person first. Here a body's
name at the end of the text (after »i«, »på«, »hos« … or not) or at its start is read as the place, the rest
as the topic, and the answers keep to the place: the place itself, what is part of it, a seat on its behalf,
or, for a cluster, what lies in its zone.

Only a name the map knows as exactly one body counts; a bare town that names several (»Randers«: the
municipality, its cluster, its hospital) is the municipality, the place a coordinator means by it. A text that
is a topic's or a word's own label is never split (»rådgivning fra BUA«), and a split is only taken when the
rest is understood.
"""

from __future__ import annotations

from typing import NamedTuple

from graph.contact_facts import the_municipality
from graph.contact_index import standing
from graph.contact_types import Answer
from graph.errors import AmbiguousEntity, EntityNotFound, NotInSources
from graph.model import Model
from graph.text import normalise
from graph.topic_types import Understanding
from graph.topic_words import fold
from graph.topics import topic_index, understand
from graph.view import View

__all__ = ["PLACE_KINDS", "Question", "inside", "read_question"]

#: What a place can be: a body one turns to, or a cluster (its zone).
PLACE_KINDS = ("organisation", "unit", "cluster", "forum", "partnership", "collaboration")
#: Words that may stand between the topic and the place, in Danish and English.
_BEFORE_PLACE = frozenset({"i", "på", "hos", "ved", "fra", "til", "for", "in", "at", "from"})
_MOST_WORDS = 4  # a place's name has at most this many words (»Aarhus Universitetshospital Psykiatrien«)


class Question(NamedTuple):
    """What a contact question's text is taken to mean: the topic, and the place it names (or None)."""

    meaning: Understanding
    place: str | None = None


def read_question(model: Model, text: str) -> Question:
    """The topic of ``text`` and the place it names, if any (see the module docstring).

    Raises ``NotInSources`` as ``graph.topics.understand`` does when neither the text with a place split off
    nor the whole text is understood."""
    if not _is_label(model, text):
        for rest, place in _splits(model, text):
            try:
                return Question(understand(model, rest), place)
            except NotInSources:
                continue
    return Question(understand(model, text))


def inside(v: View, a: Answer, place: str) -> bool:
    """``a`` belongs to ``place``: is it, is part of it, has a seat on its behalf, or lies in its zone."""
    if a.who == place or place in v.ancestors(a.who):
        return True
    s = standing(v, a.who, a.channels, a.requirement)
    return place in s.anchors or place in s.ups or place in s.zone


def _is_label(model: Model, text: str) -> bool:
    """``text`` is a topic's id, or a topic's or a thesaurus word's label as it stands."""
    index = topic_index(model)
    return text.strip() in index.topics or fold(normalise(text)) in index.by_key


def _splits(model: Model, text: str) -> list[tuple[str, str]]:
    """(rest, place) for each way ``text`` ends or starts with a place's name, the longest name first."""
    tokens = text.split()
    found: list[tuple[str, str]] = []
    for n in range(min(_MOST_WORDS, len(tokens) - 1), 0, -1):
        rest = tokens[:-n]
        if tokens[-n].casefold() in _BEFORE_PLACE:  # »i Norddjurs« is read as »Norddjurs« with its »i«
            continue
        if rest and rest[-1].casefold() in _BEFORE_PLACE:
            rest = rest[:-1]
        place = _place(model, " ".join(tokens[-n:]))
        if rest and place is not None:
            found.append((" ".join(rest), place))
    for n in range(min(_MOST_WORDS, len(tokens) - 1), 0, -1):
        place = _place(model, " ".join(tokens[:n]))
        if place is not None:
            found.append((" ".join(tokens[n:]), place))
    return found


def _place(model: Model, name: str) -> str | None:
    """The one body ``name`` names; of several, the one municipality among them; else None.

    A body's own name or abbreviation names it (»BUA«, »Randersklyngen«, »almen praksis«). Words that only
    occur in a longer name name an organisation or a cluster, as a town names its municipality (»Norddjurs«),
    but not a unit or a forum, and not with a word the topics use: »barn« is not »Kvinde-Barn
    fællesafdeling«."""
    named = model.index.is_name(name, kinds=PLACE_KINDS)
    if not named and _topic_word(model, name):
        return None
    try:
        nid = model.index.resolve(name, kinds=PLACE_KINDS, what="place", suggest=False)
    except EntityNotFound:
        return None
    except AmbiguousEntity as exc:
        return the_municipality(model.adjacency.nodes, (c.id for c in exc.candidates))
    return nid if named or model.node(nid)["kind"] in ("organisation", "cluster") else None


def _topic_word(model: Model, name: str) -> bool:
    """Some word of ``name`` is a word of the topics' or the thesaurus's labels."""
    index = topic_index(model)
    return any(p in index.by_part for tok in index.tokens(name) for p in tok.parts)
